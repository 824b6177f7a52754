import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Permission } from '@danvan/contracts';
import { ANONYMOUS_CALLER, DomainError, RequestContext, type Caller } from '@danvan/core';
import { Database } from '@danvan/database';
import { AccountRepository } from '../accounts/account.repository.js';
import { ApiKeyCache } from '../api-keys/api-key-cache.js';
import { API_KEY_MARK, parseApiKey } from '../api-keys/api-key-format.js';
import { callerOfAccount } from './callers.js';
import { sameHash, sha256 } from './secrets.js';
import { TokenService } from './token.service.js';

interface ApiKeyRow {
  id: string;
  name: string;
  unitId: string;
  unitPath: string;
  secretHash: string;
  scopes: Permission[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** How stale `last_used_at` may get before it is written again (one write per key per minute at most). */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns the `Authorization: Bearer …` header into a Caller: an account's access
 * token (JWT) or an integration's API key. No header: anonymous. A header that
 * does not authenticate: 401, never anonymous.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly database: Database,
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenService,
    private readonly cache: ApiKeyCache,
  ) {}

  async authenticate(request: FastifyRequest): Promise<Caller> {
    const header = request.headers.authorization;
    if (!header) return ANONYMOUS_CALLER;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Tiêu đề Authorization phải có dạng "Bearer <mã truy cập hoặc khóa API>".');
    const token = match[1];
    return token.startsWith(API_KEY_MARK) ? this.apiKeyCaller(token) : this.accountCaller(token);
  }

  private async accountCaller(token: string): Promise<Caller> {
    const claims = await this.tokens.verify(token);
    const account = await this.accounts.findById(RequestContext.system('auth'), claims.accountId);
    if (!account || !account.active || account.tokenVersion !== claims.tokenVersion) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Phiên đăng nhập đã kết thúc (đăng xuất, đổi mật khẩu hoặc tài khoản bị vô hiệu hóa). Hãy đăng nhập lại.',
      );
    }
    return callerOfAccount(account);
  }

  private async apiKeyCaller(token: string): Promise<Caller> {
    const invalid = () => new DomainError('UNAUTHENTICATED', 'Khóa API không hợp lệ, đã bị thu hồi hoặc đã hết hạn.');
    const parsed = parseApiKey(token);
    if (!parsed) throw invalid();
    const secretHash = sha256(parsed.secret);
    const cached = this.cache.get(parsed.prefix, secretHash);
    if (cached) return cached;
    const [key] = (await this.database.manager.query(
      `SELECT k.id, k.name, k.unit_id AS "unitId", u.path AS "unitPath", k.secret_hash AS "secretHash", k.scopes,
              k.expires_at AS "expiresAt", k.revoked_at AS "revokedAt", k.last_used_at AS "lastUsedAt"
       FROM api_key k JOIN unit_directory u ON u.id = k.unit_id WHERE k.prefix = $1`,
      [parsed.prefix],
    )) as ApiKeyRow[];
    if (!key || !sameHash(key.secretHash, secretHash) || key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) {
      throw invalid();
    }
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.database.manager.query(`UPDATE api_key SET last_used_at = now() WHERE id = $1`, [key.id]);
    }
    const caller: Caller = {
      kind: 'api-key',
      id: key.id,
      label: `khóa API "${key.name}"`,
      role: null,
      unitId: key.unitId,
      scopePath: key.unitPath,
      permissions: new Set(key.scopes),
      mustChangePassword: false,
    };
    this.cache.put(parsed.prefix, secretHash, caller, key.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
    return caller;
  }
}

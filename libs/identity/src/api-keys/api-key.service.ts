import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CurrentApiKey, Page, Permission } from '@danvan/contracts';
import { DomainError, recordAudit, type RequestContext, type SqlParams } from '@danvan/core';
import { Database, inTransaction, managerOf } from '@danvan/database';
import { UnitService } from '@danvan/units';
import { randomToken, sha256 } from '../auth/secrets.js';
import type { ListInput } from '@danvan/kit';
import type { ApiKeyView, CreateApiKeyInput } from '../dto/identity.views.js';
import { API_KEY_LIST, type ApiKeyFilter, type ApiKeySortField } from '../identity.lists.js';
import { formatApiKey } from './api-key-format.js';
import { ApiKeyCache } from './api-key-cache.js';
import { API_KEY_POLICY } from './api-key.policy.js';

/** Keys a caller may see (API_KEY_POLICY): those of the units of its subtree. */
function keyScope(ctx: RequestContext, params: SqlParams): string | null {
  return API_KEY_POLICY.visibleSql(ctx, params);
}

/**
 * API keys of units for their integrations: created by a secretariat or an
 * administrator for a unit in their subtree, with scopes they hold themselves;
 * the secret is shown once and only its SHA-256 is stored; revocable.
 */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly database: Database,
    private readonly units: UnitService,
    private readonly cache: ApiKeyCache,
  ) {}

  list(ctx: RequestContext, options: ListInput<ApiKeySortField, ApiKeyFilter>): Promise<Page<ApiKeyView>> {
    return API_KEY_LIST.fetch<ApiKeyView>(
      managerOf(this.database, ctx),
      // Only the keys still usable unless told otherwise.
      { ...options, filter: { includeInactive: false, ...options.filter } },
      (params) => keyScope(ctx, params),
      ctx,
    );
  }

  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<{ apiKey: ApiKeyView; secret: string }> {
    const unit = await this.units.get(ctx, input.unitId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND')
        throw DomainError.rule('unitId', 'notFound', 'Đơn vị không tồn tại hoặc ngoài phạm vi của bạn.');
      throw error;
    });
    const missing = input.scopes.filter((scope) => !ctx.caller.permissions.has(scope));
    if (missing.length) throw new DomainError('FORBIDDEN', `Không thể cấp cho khóa quyền mà bạn không có: ${missing.join(', ')}.`);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw DomainError.rule('expiresAt', 'past', 'Ngày hết hạn phải ở tương lai.');
    }
    return inTransaction(this.database, ctx, async (tx) => {
      const id = randomUUID();
      const prefix = randomToken(12)
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 12)
        .padEnd(12, '0');
      const secretPart = randomToken(32);
      await managerOf(this.database, tx).query(
        `INSERT INTO api_key (id, name, unit_id, prefix, secret_hash, scopes, expires_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          input.name.trim(),
          unit.id,
          prefix,
          sha256(secretPart),
          input.scopes,
          input.expiresAt ?? null,
          ctx.caller.kind === 'account' ? ctx.caller.id : null,
        ],
      );
      await recordAudit(tx, {
        entity: 'api-key',
        entityId: id,
        action: 'create',
        scopePath: unit.path,
        after: { name: input.name.trim(), unitId: unit.id, scopes: input.scopes, expiresAt: input.expiresAt ?? null, prefix },
      });
      return { apiKey: await this.get(tx, id), secret: formatApiKey(prefix, secretPart) };
    });
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKeyView> {
    const revoked = await inTransaction(this.database, ctx, async (tx) => {
      const key = await this.get(tx, id);
      if (!key.revokedAt) {
        await managerOf(this.database, tx).query(`UPDATE api_key SET revoked_at = now(), version = version + 1 WHERE id = $1`, [id]);
        const unit = await this.units.get(tx, key.unitId);
        await recordAudit(tx, {
          entity: 'api-key',
          entityId: id,
          action: 'revoke',
          scopePath: unit.path,
          after: { revoked: true },
        });
      }
      this.cache.forget(key.prefix);
      return { view: await this.get(tx, id), prefix: key.prefix };
    });
    // Forgotten again once committed: a request that read the key between the first forget and the commit
    // may have cached it as valid (the cache keeps a key for API_KEY_CACHE_MS).
    this.cache.forget(revoked.prefix);
    return revoked.view;
  }

  /** The calling key itself (its own unit is always in its scope), for `auth/me`. */
  async current(ctx: RequestContext): Promise<CurrentApiKey> {
    if (ctx.caller.kind !== 'api-key' || !ctx.caller.id) throw new DomainError('UNAUTHENTICATED', 'Cần gửi khóa API.');
    const key = await this.get(ctx, ctx.caller.id);
    return {
      kind: 'api-key',
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      unitId: key.unitId,
      unitName: key.unitName,
      scopes: key.scopes as Permission[],
      expiresAt: key.expiresAt ? new Date(key.expiresAt).toISOString() : null,
    };
  }

  private async get(ctx: RequestContext, id: string): Promise<ApiKeyView> {
    const page = await API_KEY_LIST.fetch<ApiKeyView>(
      managerOf(this.database, ctx),
      { page: 1, pageSize: 1, filter: { includeInactive: true } },
      (params) => [keyScope(ctx, params), `k.id = ${params.add(id)}`].filter(Boolean).join(' AND '),
    );
    const key = page.items[0];
    if (!key) throw DomainError.notFound('khóa API', id);
    return key;
  }
}

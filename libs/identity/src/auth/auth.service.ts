import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ROLE_PERMISSIONS, type CurrentAccount, type CurrentCaller, type SessionTokens } from '@danvan/contracts';
import { DomainError, recordAudit, RequestContext } from '@danvan/core';
import { Database, inTransaction } from '@danvan/database';
import { AccountRepository, type AccountRecord } from '../accounts/account.repository.js';
import { ApiKeyService } from '../api-keys/api-key.service.js';
import { assertPasswordPolicy, hashPassword, verifyAgainstDecoy, verifyPassword } from './password-hasher.js';
import { oneTimePassword, randomToken, sha256 } from './secrets.js';
import { REFRESH_TOKEN_SECONDS, TokenService } from './token.service.js';

/** Failed logins in a row that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_SECONDS = 15 * 60;

const BAD_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const REFRESH_PREFIX = 'drt_';

export function currentAccountOf(account: AccountRecord): CurrentAccount {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    unitId: account.unitId ?? '',
    unitName: account.unitName ?? '',
    permissions: [...ROLE_PERMISSIONS[account.role]],
    mustChangePassword: account.mustChangePassword,
  };
}

/**
 * Sessions of accounts: login with lock-out after repeated failures, refresh
 * tokens that rotate on every use (a reused one ends all the account's sessions),
 * logout, password change (ends every other session and access token).
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly database: Database,
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async login(ctx: RequestContext, username: string, password: string): Promise<SessionTokens> {
    const account = await this.accounts.findByUsername(ctx, username.trim().toLowerCase());
    if (!account) {
      await verifyAgainstDecoy(password);
      throw new DomainError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    const now = Date.now();
    if (account.lockedUntil && account.lockedUntil.getTime() > now) {
      throw DomainError.rateLimited(
        'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Hãy thử lại sau.',
        (account.lockedUntil.getTime() - now) / 1000,
      );
    }
    if (!(await verifyPassword(account.passwordHash, password))) {
      const lockedUntil = await this.accounts.recordFailedLogin(ctx, account.id, MAX_FAILED_LOGINS, LOCK_SECONDS);
      if (lockedUntil && lockedUntil.getTime() > now) {
        this.logger.warn({ account: account.username }, 'account locked after repeated failed logins');
        throw DomainError.rateLimited('Đăng nhập sai quá nhiều lần: tài khoản tạm khóa 15 phút.', LOCK_SECONDS);
      }
      throw new DomainError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    if (!account.active) throw new DomainError('UNAUTHENTICATED', 'Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.');
    return inTransaction(this.database, ctx, async (tx) => {
      await this.accounts.recordLogin(tx, account.id);
      return this.openSession(tx, account);
    });
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<SessionTokens> {
    return inTransaction(this.database, ctx, async (tx) => {
      const session = refreshToken.startsWith(REFRESH_PREFIX) ? await this.accounts.findSession(tx, sha256(refreshToken)) : undefined;
      if (!session) throw new DomainError('UNAUTHENTICATED', 'Mã làm mới không hợp lệ. Hãy đăng nhập lại.');
      if (session.revokedAt && !session.rotatedAt)
        throw new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại.');
      if (session.rotatedAt) {
        // A rotated token used again: it may have been stolen. End every session of the account.
        await this.accounts.revokeAllSessions(tx, session.accountId);
        await this.accounts.bumpTokenVersion(tx, session.accountId);
        this.logger.warn({ accountId: session.accountId }, 'refresh token reused: all sessions ended');
        return 'reused' as const;
      }
      if (session.expiresAt.getTime() <= Date.now())
        throw new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.');
      const account = await this.accounts.findById(tx, session.accountId);
      if (!account || !account.active) throw new DomainError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động.');
      await this.accounts.revokeSession(tx, session.id, true);
      return this.openSession(tx, account);
    }).then((result) => {
      // Thrown after the commit, so the revocation of a reused token is kept.
      if (result === 'reused')
        throw new DomainError(
          'UNAUTHENTICATED',
          'Mã làm mới đã được dùng. Mọi phiên đăng nhập của tài khoản đã kết thúc; hãy đăng nhập lại.',
        );
      return result;
    });
  }

  async logout(ctx: RequestContext, refreshToken: string): Promise<void> {
    const session = refreshToken.startsWith(REFRESH_PREFIX) ? await this.accounts.findSession(ctx, sha256(refreshToken)) : undefined;
    if (session) await this.accounts.revokeSession(ctx, session.id);
  }

  /** Who is calling: the signed-in account, or the API key with its unit, scopes and expiry. */
  whoAmI(ctx: RequestContext): Promise<CurrentCaller> {
    return ctx.caller.kind === 'api-key' ? this.apiKeys.current(ctx) : this.me(ctx);
  }

  /** The signed-in account. */
  async me(ctx: RequestContext): Promise<CurrentAccount> {
    const account = ctx.caller.id ? await this.accounts.findById(ctx, ctx.caller.id) : undefined;
    if (!account || ctx.caller.kind !== 'account') throw new DomainError('UNAUTHENTICATED', 'Cần đăng nhập bằng tài khoản.');
    return currentAccountOf(account);
  }

  /** Changes the caller's own password; every other session ends, this one continues with new tokens. */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<SessionTokens> {
    return inTransaction(this.database, ctx, async (tx) => {
      const account = ctx.caller.id ? await this.accounts.findById(tx, ctx.caller.id, true) : undefined;
      if (!account) throw new DomainError('UNAUTHENTICATED', 'Cần đăng nhập bằng tài khoản.');
      if (!(await verifyPassword(account.passwordHash, currentPassword))) {
        throw DomainError.validation([{ field: 'currentPassword', code: 'wrongPassword', message: 'Mật khẩu hiện tại không đúng.' }]);
      }
      if (currentPassword === newPassword) {
        throw DomainError.validation([
          { field: 'newPassword', code: 'samePassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
        ]);
      }
      assertPasswordPolicy(newPassword, account.username);
      await this.accounts.setPassword(tx, account.id, await hashPassword(newPassword), false);
      await recordAudit(tx, {
        entity: 'account',
        entityId: account.id,
        action: 'password-change',
        scopePath: account.unitPath,
        after: { passwordChanged: true },
      });
      const updated = await this.accounts.findById(tx, account.id);
      return this.openSession(tx, updated as AccountRecord);
    });
  }

  /**
   * At the first start (no account at all), creates the administrator `admin` with
   * a one-time password that is returned to be printed once; it must be changed
   * at the first login. Never a fixed password.
   */
  async ensureFirstAdministrator(ctx: RequestContext): Promise<{ username: string; password: string } | null> {
    return this.database.exclusively('first-admin', () =>
      inTransaction(this.database, ctx, async (tx) => {
        if ((await this.accounts.count(tx)) > 0) return null;
        const password = oneTimePassword();
        await this.accounts.insert(tx, {
          id: randomUUID(),
          username: 'admin',
          displayName: 'Quản trị hệ thống',
          role: 'ADMIN',
          unitId: null,
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
        });
        return { username: 'admin', password };
      }),
    );
  }

  private async openSession(tx: RequestContext, account: AccountRecord): Promise<SessionTokens> {
    const refreshToken = `${REFRESH_PREFIX}${randomToken(32)}`;
    const refreshExpiresAt = new Date(Date.now() + REFRESH_TOKEN_SECONDS * 1000);
    await this.accounts.createSession(tx, account.id, sha256(refreshToken), refreshExpiresAt);
    const access = await this.tokens.issue({ accountId: account.id, tokenVersion: account.tokenVersion });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken,
      refreshTokenExpiresAt: refreshExpiresAt.toISOString(),
      account: currentAccountOf(account),
    };
  }
}

import { Injectable } from '@nestjs/common';
import type { Role } from '@danvan/contracts';
import type { Queryable, RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';

/** An account with its unit, as the identity services use it (never leaves the server: it holds the hash). */
export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  unitPath: string | null;
  /** Subtree the account acts over: its unit's, or its party committee's for a Ban Dân vận secretariat or viewer. */
  scopePath: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  tokenVersion: number;
  lastLoginAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface RefreshSession {
  id: string;
  accountId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  rotatedAt: Date | null;
}

const COLUMNS = `a.id, a.username, a.display_name AS "displayName", a.role, a.unit_id AS "unitId", u.name AS "unitName",
  u.path AS "unitPath",
  CASE WHEN a.role IN ('SECRETARIAT', 'VIEWER') AND u.kind = 'MASS_MOBILISATION_COMMISSION' AND pu.kind = 'PARTY_COMMITTEE' THEN pu.path ELSE u.path END AS "scopePath",
  a.password_hash AS "passwordHash", a.must_change_password AS "mustChangePassword", a.active,
  a.failed_logins AS "failedLogins", a.locked_until AS "lockedUntil", a.token_version AS "tokenVersion",
  a.last_login_at AS "lastLoginAt", a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

// A Ban Dân vận advises its party committee over the committee's whole system: its secretariat and
// viewer accounts act over the committee's subtree (the provincial Fatherland Front, mass
// organisations and district units are the commission's siblings and nephews, not its children).
const FROM = `account a LEFT JOIN unit_directory u ON u.id = a.unit_id LEFT JOIN unit_directory pu ON pu.id = u.parent_id`;

/** SQL of accounts and their refresh sessions. */
@Injectable()
export class AccountRepository {
  constructor(private readonly database: Database) {}

  db(ctx: RequestContext): Queryable {
    return managerOf(this.database, ctx);
  }

  async findById(ctx: RequestContext, id: string, lock = false): Promise<AccountRecord | undefined> {
    const rows = (await this.db(ctx).query(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`, [
      id,
    ])) as AccountRecord[];
    return rows[0];
  }

  async findByUsername(ctx: RequestContext, username: string): Promise<AccountRecord | undefined> {
    const rows = (await this.db(ctx).query(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.username = $1`, [username])) as AccountRecord[];
    return rows[0];
  }

  async count(ctx: RequestContext): Promise<number> {
    const [row] = (await this.db(ctx).query(`SELECT count(*)::int AS n FROM account`)) as Array<{ n: number }>;
    return row.n;
  }

  async insert(
    ctx: RequestContext,
    account: {
      id: string;
      username: string;
      displayName: string;
      role: Role;
      unitId: string | null;
      passwordHash: string;
      mustChangePassword: boolean;
    },
  ): Promise<void> {
    await this.db(ctx).query(
      `INSERT INTO account (id, username, display_name, role, unit_id, password_hash, must_change_password) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [account.id, account.username, account.displayName, account.role, account.unitId, account.passwordHash, account.mustChangePassword],
    );
  }

  async recordFailedLogin(ctx: RequestContext, id: string, maxFailures: number, lockSeconds: number): Promise<Date | null> {
    const [row] = (await this.db(ctx).query(
      `UPDATE account SET
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE locked_until END,
         failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END
       WHERE id = $1 RETURNING locked_until AS "lockedUntil"`,
      [id, maxFailures, lockSeconds],
    )) as [Array<{ lockedUntil: Date | null }>, number];
    return row[0]?.lockedUntil ?? null;
  }

  async recordLogin(ctx: RequestContext, id: string): Promise<void> {
    await this.db(ctx).query(`UPDATE account SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`, [id]);
  }

  /** New password: ends every session and every access token issued before (token_version). */
  async setPassword(ctx: RequestContext, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
    await this.db(ctx).query(
      `UPDATE account SET password_hash = $2, must_change_password = $3, token_version = token_version + 1,
         failed_logins = 0, locked_until = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, passwordHash, mustChange],
    );
    await this.revokeAllSessions(ctx, id);
  }

  async createSession(ctx: RequestContext, accountId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db(ctx).query(`INSERT INTO refresh_session (account_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
      accountId,
      tokenHash,
      expiresAt,
    ]);
  }

  async findSession(ctx: RequestContext, tokenHash: string): Promise<RefreshSession | undefined> {
    const rows = (await this.db(ctx).query(
      `SELECT id, account_id AS "accountId", expires_at AS "expiresAt", revoked_at AS "revokedAt", rotated_at AS "rotatedAt"
       FROM refresh_session WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    )) as RefreshSession[];
    return rows[0];
  }

  /** Ends a session; `rotated`: because its token was exchanged for a new one (a later reuse is then suspicious). */
  async revokeSession(ctx: RequestContext, sessionId: string, rotated = false): Promise<void> {
    await this.db(ctx).query(
      `UPDATE refresh_session SET revoked_at = now(), rotated_at = CASE WHEN $2 THEN now() END WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, rotated],
    );
  }

  async revokeAllSessions(ctx: RequestContext, accountId: string): Promise<void> {
    await this.db(ctx).query(`UPDATE refresh_session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [accountId]);
  }

  /** Ends every access token of the account now (they carry the token version they were issued with). */
  async bumpTokenVersion(ctx: RequestContext, accountId: string): Promise<void> {
    await this.db(ctx).query(`UPDATE account SET token_version = token_version + 1 WHERE id = $1`, [accountId]);
  }
}

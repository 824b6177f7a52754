import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Page, Role } from '@danvan/contracts';
import { DomainError, recordAudit, writeUnlessUnchanged, translatePgErrors, type RequestContext, type SqlParams } from '@danvan/core';
import { Database, inTransaction, managerOf } from '@danvan/database';
import { UnitService } from '@danvan/units';
import { hashPassword } from '../auth/password-hasher.js';
import { oneTimePassword } from '../auth/secrets.js';
import { type ListInput, assertVersion } from '@danvan/kit';
import { ACCOUNT_LIST, type AccountFilter, type AccountSortField } from '../identity.lists.js';
import type { AccountView, CreateAccountInput, UpdateAccountInput } from '../dto/identity.views.js';
import { AccountRepository, type AccountRecord } from './account.repository.js';
import { ACCOUNT_POLICY } from './account.policy.js';

/** Accounts a caller may see (ACCOUNT_POLICY): all for administrators; for others, non-admin accounts of units in their subtree. */
function accountScope(ctx: RequestContext, params: SqlParams): string | null {
  return ACCOUNT_POLICY.visibleSql(ctx, params);
}

function view(account: AccountRecord): AccountView {
  const { passwordHash: _h, unitPath: _p, failedLogins: _f, tokenVersion: _t, ...rest } = account;
  return rest;
}

const CONSTRAINTS = { account_username_key: () => DomainError.duplicate('username', 'Tên đăng nhập này đã có người dùng.') };

/**
 * Management of accounts by administrators and secretariats (within their
 * subtree; only administrators create or change administrators). Passwords are
 * generated, shown once, and must be changed at the first sign-in.
 */
@Injectable()
export class AccountAdminService {
  constructor(
    private readonly database: Database,
    private readonly accounts: AccountRepository,
    private readonly units: UnitService,
  ) {}

  async list(ctx: RequestContext, options: ListInput<AccountSortField, AccountFilter>): Promise<Page<AccountView>> {
    return ACCOUNT_LIST.fetch<AccountView>(managerOf(this.database, ctx), options, (params) => accountScope(ctx, params), ctx);
  }

  async get(ctx: RequestContext, id: string): Promise<AccountView> {
    return view(await this.findInScope(ctx, id));
  }

  async create(ctx: RequestContext, input: CreateAccountInput): Promise<{ account: AccountView; oneTimePassword: string }> {
    await this.assertMayAssign(ctx, input.role, input.unitId ?? null);
    return inTransaction(this.database, ctx, async (tx) => {
      const id = randomUUID();
      const password = oneTimePassword();
      const passwordHash = await hashPassword(password);
      await translatePgErrors(
        () =>
          this.accounts.insert(tx, {
            id,
            username: input.username,
            displayName: input.displayName.trim(),
            role: input.role,
            unitId: input.role === 'ADMIN' ? (input.unitId ?? null) : (input.unitId as string),
            passwordHash,
            mustChangePassword: true,
          }),
        CONSTRAINTS,
      );
      const created = await this.findInScope(tx, id);
      await this.audit(tx, 'create', created, null, view(created));
      return { account: view(created), oneTimePassword: password };
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateAccountInput): Promise<AccountView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const current = await this.findInScope(tx, id, true);
      assertVersion('tài khoản', expectedVersion, current.version);
      if (id === ctx.caller.id && (input.role !== undefined || input.active === false)) {
        throw DomainError.rule('role', 'self', 'Không thể tự đổi vai trò hoặc tự vô hiệu hóa tài khoản của mình.');
      }
      const role = input.role ?? current.role;
      const unitId = input.unitId === undefined ? current.unitId : input.unitId;
      if (input.role !== undefined || input.unitId !== undefined) await this.assertMayAssign(tx, role, unitId);
      const deactivated = input.active === false && current.active;
      let record = current;
      const { after: updated, changed } = await writeUnlessUnchanged(tx, view(current), async () => {
        const written = (await managerOf(this.database, tx).query(
          `UPDATE account SET display_name = $3, role = $4, unit_id = $5, active = $6,
             token_version = token_version + $7, version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $2 RETURNING id`,
          [
            id,
            expectedVersion,
            input.displayName?.trim() ?? current.displayName,
            role,
            unitId,
            input.active ?? current.active,
            deactivated ? 1 : 0,
          ],
        )) as [unknown[], number];
        if (written[1] !== 1) throw DomainError.versionConflict('tài khoản', expectedVersion);
        if (deactivated) await this.accounts.revokeAllSessions(tx, id);
        record = await this.findInScope(tx, id);
        return view(record);
      });
      if (changed) await this.audit(tx, 'update', record, view(current), updated);
      return updated;
    });
  }

  /** A new one-time password; every session of the account ends. */
  async resetPassword(ctx: RequestContext, id: string): Promise<{ account: AccountView; oneTimePassword: string }> {
    return inTransaction(this.database, ctx, async (tx) => {
      const account = await this.findInScope(tx, id, true);
      const password = oneTimePassword();
      await this.accounts.setPassword(tx, id, await hashPassword(password), true);
      await this.audit(tx, 'password-reset', account, null, { passwordReset: true });
      return { account: view(await this.findInScope(tx, id)), oneTimePassword: password };
    });
  }

  private async findInScope(ctx: RequestContext, id: string, lock = false): Promise<AccountRecord> {
    const account = await this.accounts.findById(ctx, id, lock);
    if (!account || !ACCOUNT_POLICY.canSee(ctx, account)) throw DomainError.notFound('tài khoản', id);
    return account;
  }

  /** Only administrators grant ADMIN; every other account belongs to a unit in the caller's subtree. */
  private async assertMayAssign(ctx: RequestContext, role: Role, unitId: string | null): Promise<void> {
    if (role === 'ADMIN' && ctx.caller.role !== 'ADMIN' && ctx.caller.kind !== 'system') {
      throw new DomainError('FORBIDDEN', 'Chỉ quản trị hệ thống mới cấp được vai trò quản trị.');
    }
    if (role !== 'ADMIN' && !unitId) throw DomainError.rule('unitId', 'required', 'Tài khoản phải thuộc một đơn vị.');
    if (unitId) {
      try {
        await this.units.get(ctx, unitId);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'NOT_FOUND')
          throw DomainError.rule('unitId', 'notFound', 'Đơn vị không tồn tại hoặc ngoài phạm vi của bạn.');
        throw error;
      }
    }
  }

  private async audit(
    tx: RequestContext,
    action: string,
    account: AccountRecord,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    await recordAudit(tx, {
      entity: 'account',
      entityId: account.id,
      action,
      scopePath: account.unitPath,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
    });
  }
}

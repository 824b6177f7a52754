import { ROLE_PERMISSIONS } from '@danvan/contracts';
import type { Caller } from '@danvan/core';
import type { AccountRecord } from '../accounts/account.repository.js';

/** The caller an account acts as: its role's permissions, limited to its unit's subtree (admins: everything). */
export function callerOfAccount(account: AccountRecord): Caller {
  return {
    kind: 'account',
    id: account.id,
    label: account.username,
    role: account.role,
    unitId: account.unitId,
    scopePath: account.role === 'ADMIN' ? null : (account.scopePath ?? '/none/'),
    permissions: new Set(ROLE_PERMISSIONS[account.role]),
    mustChangePassword: account.mustChangePassword,
  };
}

import type { Role } from '@danvan/contracts';
import { definePolicy, someUnitInSubtree } from '@danvan/kit';

/** What the account policy reads of an account. */
export interface AccountAccess {
  role: Role;
  /** Path of the account's unit (null: an administrator without one). */
  unitPath: string | null;
}

/**
 * A non-administrator account of a unit in the caller's subtree (`a` the account, `u` its unit in SQL):
 * administrators' accounts are reached by unrestricted callers only.
 */
export const MANAGES_ACCOUNT = someUnitInSubtree<AccountAccess>(
  'tài khoản (không phải quản trị) của đơn vị trong phạm vi của bạn',
  (inSubtree) => `(a.role <> 'ADMIN' AND ${inSubtree('u.path')})`,
  (a) => (a.role === 'ADMIN' || a.unitPath === null ? [] : [a.unitPath]),
);

const OUTSIDE = 'Tài khoản này nằm ngoài phạm vi của bạn.';

/**
 * Accounts: seen (accounts:read), created, changed and given a new one-time
 * password (accounts:manage) by the administrators and, for the non-administrator
 * accounts of their subtree, the secretariats. Which role and unit an account may
 * be given is the service's rule (`assertMayAssign`: only administrators grant ADMIN).
 */
export const ACCOUNT_POLICY = definePolicy<AccountAccess, 'update' | 'resetPassword'>({
  resource: 'tài khoản',
  read: 'accounts:read',
  see: MANAGES_ACCOUNT,
  create: 'accounts:manage',
  actions: {
    update: { permission: 'accounts:manage', scope: MANAGES_ACCOUNT, refusal: OUTSIDE },
    resetPassword: { permission: 'accounts:manage', scope: MANAGES_ACCOUNT, refusal: OUTSIDE },
  },
});

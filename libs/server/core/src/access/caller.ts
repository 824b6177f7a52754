import { PERMISSIONS, type Permission, type Role } from '@danvan/contracts';

/**
 * Who is asking: an account (admin UI), an API key (integrations), the system
 * itself (start-up, demo data) or nobody yet (anonymous).
 */
export interface Caller {
  kind: 'account' | 'api-key' | 'system' | 'anonymous';
  id: string | null;
  /** For logs and the audit trail: the username or the key's name. */
  label: string;
  role: Role | null;
  /** The unit the caller acts for (null for admins and the system). */
  unitId: string | null;
  /**
   * Path of that unit (`/<root>/…/<unit>/`): every read and write is limited to
   * this subtree. null: unrestricted for administrators and the system only; for
   * any other caller null means no scope at all (see `callerScope`).
   */
  scopePath: string | null;
  permissions: ReadonlySet<Permission>;
  /** An account still on its one-time password may only change it. */
  mustChangePassword: boolean;
}

export const SYSTEM_CALLER: Caller = {
  kind: 'system',
  id: null,
  label: 'system',
  role: null,
  unitId: null,
  scopePath: null,
  permissions: new Set(PERMISSIONS),
  mustChangePassword: false,
};

export const ANONYMOUS_CALLER: Caller = {
  kind: 'anonymous',
  id: null,
  label: 'anonymous',
  role: null,
  unitId: null,
  scopePath: null,
  permissions: new Set(),
  mustChangePassword: false,
};

/**
 * The part of the unit tree a caller reaches. Fail closed: only the system and
 * an administrator account are unrestricted; a caller without a unit path (the
 * anonymous caller, any other caller with no unit) reaches nothing.
 */
export type CallerScope = { kind: 'all' } | { kind: 'subtree'; path: string } | { kind: 'none' };

export function callerScope(caller: Caller): CallerScope {
  if (caller.scopePath !== null) return { kind: 'subtree', path: caller.scopePath };
  const unrestricted = caller.kind === 'system' || (caller.kind === 'account' && caller.role === 'ADMIN');
  return unrestricted ? { kind: 'all' } : { kind: 'none' };
}

/** True when `path` (a unit's path) lies in the caller's subtree. */
export function inScope(caller: Caller, path: string): boolean {
  const scope = callerScope(caller);
  return scope.kind === 'all' || (scope.kind === 'subtree' && path.startsWith(scope.path));
}

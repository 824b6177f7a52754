import type { Role } from '@danvan/contracts';

/** An account as GraphQL returns it (never a password or its hash). */
export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Null for administrators, who belong to no unit. */
  unitId: string | null;
  unitName: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What creating an account or resetting its password answers: the one-time password, shown once. */
export interface AccountWithPassword {
  account: AccountRecord;
  oneTimePassword: string;
}

/**
 * react-admin authProvider over the AuthClient: sign-in and sign-out, the identity shown in the user
 * menu, the permissions, and canAccess (which hides menu items, pages and buttons the role may not use).
 */
import type { AuthProvider, UserIdentity } from 'react-admin';
import { ROLE_LABELS, type CurrentAccount, type Permission, type Role } from '@danvan/contracts';
import { canAccessResource } from './access';
import { AUTH_MESSAGES, type AuthClient } from './authClient';

/** The page that asks for a new password (forced while the account still has a temporary one). */
export const CHANGE_PASSWORD_PATH = '/change-password';

export interface AccountIdentity extends UserIdentity {
  id: string;
  /** The display name, shown in the app bar. */
  fullName: string;
  username: string;
  role: Role;
  roleLabel: string;
  /** Empty for administrators, who belong to no unit. */
  unitId: string;
  unitName: string;
  mustChangePassword: boolean;
}

export const toIdentity = (account: CurrentAccount): AccountIdentity => ({
  id: account.id,
  fullName: account.displayName,
  username: account.username,
  role: account.role,
  roleLabel: ROLE_LABELS[account.role],
  unitId: account.unitId,
  unitName: account.unitName,
  mustChangePassword: account.mustChangePassword,
});

const statusOf = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
};

export const createAuthProvider = (client: AuthClient): AuthProvider => ({
  login: async (params: unknown) => {
    const { username, password } = (typeof params === 'object' && params !== null ? params : {}) as {
      username?: unknown;
      password?: unknown;
    };
    const session = await client.login(typeof username === 'string' ? username.trim() : '', typeof password === 'string' ? password : '');
    // With a temporary password the server refuses everything else: go straight to the change.
    return session.account.mustChangePassword ? { redirectTo: CHANGE_PASSWORD_PATH } : undefined;
  },

  logout: () => client.logout(),

  checkAuth: async () => {
    if (!client.getSession()) throw new Error('ra.auth.auth_check_error');
  },

  /**
   * Called with every error of the dataProvider. 401: the data provider has already tried to renew the
   * token, so the session is over (logout). 403 while the password is temporary: go and change it.
   * Any other 403 (the role lacks a permission) is only notified.
   */
  checkError: async (error: unknown) => {
    const status = statusOf(error);
    if (status === 401) throw new Error(AUTH_MESSAGES.sessionEnded);
    if (status === 403 && client.getSession()?.account.mustChangePassword) {
      // Not an Error: react-admin reads these three fields (stay signed in, go there, say nothing).
      throw { logoutUser: false, redirectTo: CHANGE_PASSWORD_PATH, message: false };
    }
  },

  getIdentity: async () => {
    const session = client.getSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return toIdentity(session.account);
  },

  getPermissions: async (): Promise<Permission[]> => client.getSession()?.account.permissions ?? [],

  canAccess: async ({ resource, action }) => canAccessResource(client.getSession()?.account.permissions ?? [], resource, action),
});

import { describe, expect, it } from '@jest/globals';
import { HttpError } from 'react-admin';
import { ROLE_PERMISSIONS, type CurrentAccount, type Role } from '@danvan/contracts';
import { canAccessResource } from './access';
import type { AuthClient } from './authClient';
import { CHANGE_PASSWORD_PATH, createAuthProvider } from './authProvider';
import { toStoredSession, type StoredSession } from './session';

const accountOf = (role: Role, overrides: Partial<CurrentAccount> = {}): CurrentAccount => ({
  id: 'a-1',
  username: 'canbo',
  displayName: 'Trần Văn Cán Bộ',
  role,
  unitId: role === 'ADMIN' ? '' : 'u-1',
  unitName: role === 'ADMIN' ? '' : 'Ban Dân vận Huyện ủy Tiền Hải',
  permissions: [...ROLE_PERMISSIONS[role]],
  mustChangePassword: false,
  ...overrides,
});

/** An AuthClient stand-in holding one session (or none). */
const fakeClient = (account: CurrentAccount | null) => {
  let session: StoredSession | null = account
    ? toStoredSession({ accessToken: 'a', accessTokenExpiresAt: '', refreshToken: 'drt_x', refreshTokenExpiresAt: '', account }, Date.now())
    : null;
  const client: Partial<AuthClient> = {
    getSession: () => session,
    login: async () => {
      session = toStoredSession(
        {
          accessToken: 'a',
          accessTokenExpiresAt: '',
          refreshToken: 'drt_y',
          refreshTokenExpiresAt: '',
          account: account ?? accountOf('VIEWER'),
        },
        Date.now(),
      );
      return session;
    },
    logout: async () => {
      session = null;
    },
  };
  return createAuthProvider(client as AuthClient);
};

describe('authProvider', () => {
  it('checkAuth passes with a session and fails without one', async () => {
    await expect(fakeClient(accountOf('VIEWER')).checkAuth({})).resolves.toBeUndefined();
    await expect(fakeClient(null).checkAuth({})).rejects.toThrow('ra.auth.auth_check_error');
  });

  it('login goes to the password change while the password is temporary', async () => {
    await expect(fakeClient(accountOf('SECRETARIAT')).login({ username: 'canbo', password: 'x' })).resolves.toBeUndefined();
    await expect(
      fakeClient(accountOf('SECRETARIAT', { mustChangePassword: true })).login({ username: 'canbo', password: 'x' }),
    ).resolves.toEqual({
      redirectTo: CHANGE_PASSWORD_PATH,
    });
  });

  it('identity: display name, role label, unit', async () => {
    const identity = await fakeClient(accountOf('SECRETARIAT')).getIdentity?.();
    expect(identity).toMatchObject({
      id: 'a-1',
      fullName: 'Trần Văn Cán Bộ',
      role: 'SECRETARIAT',
      roleLabel: 'Văn phòng, chuyên viên Ban Dân vận',
      unitName: 'Ban Dân vận Huyện ủy Tiền Hải',
    });
    await expect(fakeClient(null).getIdentity?.()).rejects.toBeDefined();
  });

  it('permissions are the account’s', async () => {
    await expect(fakeClient(accountOf('VIEWER')).getPermissions?.({})).resolves.toEqual([...ROLE_PERMISSIONS.VIEWER]);
    await expect(fakeClient(null).getPermissions?.({})).resolves.toEqual([]);
  });

  it('checkError: 401 logs out, 403 only notifies, except while the password is temporary', async () => {
    const provider = fakeClient(accountOf('VIEWER'));
    await expect(provider.checkError(new HttpError('Cần đăng nhập', 401))).rejects.toThrow('danvan.auth.sessionEnded');
    await expect(provider.checkError(new HttpError('Bạn không có quyền', 403))).resolves.toBeUndefined();
    await expect(provider.checkError(new HttpError('Trùng mã', 409))).resolves.toBeUndefined();
    await expect(provider.checkError(new Error('boom'))).resolves.toBeUndefined();

    const temporary = fakeClient(accountOf('VIEWER', { mustChangePassword: true }));
    await expect(temporary.checkError(new HttpError('Mật khẩu tạm thời', 403))).rejects.toEqual({
      logoutUser: false,
      redirectTo: CHANGE_PASSWORD_PATH,
      message: false,
    });
  });

  it('canAccess follows the role: a viewer reads units, nothing more', async () => {
    const viewer = fakeClient(accountOf('VIEWER'));
    const ask = (resource: string, action: string) => viewer.canAccess?.({ resource, action });
    await expect(ask('units', 'list')).resolves.toBe(true);
    await expect(ask('units', 'show')).resolves.toBe(true);
    await expect(ask('units', 'create')).resolves.toBe(false);
    await expect(ask('units', 'edit')).resolves.toBe(false);
    await expect(ask('units', 'delete')).resolves.toBe(false);
    await expect(ask('accounts', 'list')).resolves.toBe(false);
    await expect(ask('api-keys', 'list')).resolves.toBe(false);
    await expect(ask('audit-events', 'list')).resolves.toBe(false);
    await expect(fakeClient(null).canAccess?.({ resource: 'units', action: 'list' })).resolves.toBe(false);
  });
});

describe('canAccessResource', () => {
  const can = (role: Role, resource: string, action: string) => canAccessResource(ROLE_PERMISSIONS[role], resource, action);

  it('lets a secretariat manage units, accounts and keys and read the audit trail', () => {
    for (const resource of ['units', 'accounts', 'api-keys']) {
      for (const action of ['list', 'show', 'create', 'edit']) expect(can('SECRETARIAT', resource, action)).toBe(true);
    }
    expect(can('SECRETARIAT', 'accounts', 'resetPassword')).toBe(true);
    expect(can('SECRETARIAT', 'api-keys', 'revoke')).toBe(true);
    expect(can('SECRETARIAT', 'audit-events', 'list')).toBe(true);
  });

  it('never offers to change the audit trail, to anyone', () => {
    for (const action of ['create', 'edit', 'delete']) expect(can('ADMIN', 'audit-events', action)).toBe(false);
  });

  it('an organisation account reads units only', () => {
    expect(can('ORGANISATION', 'units', 'list')).toBe(true);
    expect(can('ORGANISATION', 'units', 'export')).toBe(true);
    expect(can('ORGANISATION', 'units', 'edit')).toBe(false);
    expect(can('ORGANISATION', 'api-keys', 'create')).toBe(false);
  });

  it('units register and edit their models; only managers recognise them, and record and revoke awards', () => {
    for (const action of ['create', 'edit']) {
      expect(can('ORGANISATION', 'models', action)).toBe(true);
      expect(can('VIEWER', 'models', action)).toBe(false);
    }
    expect(can('ORGANISATION', 'models', 'recognise')).toBe(false);
    expect(can('SECRETARIAT', 'models', 'recognise')).toBe(true);
    for (const action of ['create', 'revoke']) {
      expect(can('ORGANISATION', 'awards', action)).toBe(false);
      expect(can('SECRETARIAT', 'awards', action)).toBe(true);
    }
    expect(can('ORGANISATION', 'pledges', 'submit')).toBe(true);
    expect(can('VIEWER', 'pledges', 'submit')).toBe(false);
  });

  it('field-level resources follow their resource; unknown resources are refused', () => {
    expect(can('VIEWER', 'units.name', 'read')).toBe(true);
    expect(can('ADMIN', 'posts', 'list')).toBe(false);
  });
});

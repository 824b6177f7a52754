import { describe, expect, it } from '@jest/globals';
import { HttpError } from 'react-admin';
import {
  ACCOUNT_VERSION_CONFLICT_MESSAGE,
  CREATE_ACCOUNT_MUTATION,
  toAccountFilter,
  toAccountListOptions,
  toCreateAccountInput,
  toUpdateAccountInput,
  toUpdateAccountVariables,
} from './accounts/accountData';
import type { AccountRecord } from './accounts/AccountRecord';
import { apiKeyStatus } from './apiKeys/ApiKeyRecord';
import { toApiKeyListOptions, toCreateApiKeyInput } from './apiKeys/apiKeyData';
import { formatAuditValue, parseChanges } from './audit/auditChanges';
import { toAuditEventListOptions } from './audit/auditData';
import { createDataProvider } from './dataProvider';
import { localDayEnd, localDayStart } from './fields/localDay';
import { accessTokenLifetime, parseStoredSession, toStoredSession } from './auth/session';

const account: AccountRecord = {
  id: 'a-1',
  username: 'chuyenvien',
  displayName: 'Nguyễn Thị Chuyên Viên',
  role: 'SECRETARIAT',
  unitId: 'u-1',
  unitName: 'Ban Dân vận Tỉnh ủy Thái Bình',
  active: true,
  mustChangePassword: false,
  lockedUntil: null,
  lastLoginAt: null,
  version: 4,
  createdAt: '2026-11-01T02:00:00.000Z',
  updatedAt: '2026-11-02T02:00:00.000Z',
};

const pagination = { page: 2, perPage: 50 };

describe('accounts', () => {
  it('maps the list filters: search box, role, unit', () => {
    expect(toAccountListOptions({ pagination, filter: { q: ' tran ', role: 'VIEWER', unitId: 'u-1' } })).toEqual({
      page: 2,
      pageSize: 50,
      filter: { search: 'tran', role: 'VIEWER', unitId: 'u-1' },
    });
    expect(toAccountFilter({ role: 'KING', q: '  ' })).toBeUndefined();
    expect(toAccountListOptions({ pagination: { page: 1, perPage: 1000 }, filter: {} })).toEqual({ page: 1, pageSize: 100 });
  });

  it('creates with a lower-case username and no unit only when left empty', () => {
    expect(toCreateAccountInput({ username: ' ChuyenVien.TB ', displayName: ' Phạm Thị Hà ', role: 'SECRETARIAT', unitId: 'u-1' })).toEqual(
      {
        username: 'chuyenvien.tb',
        displayName: 'Phạm Thị Hà',
        role: 'SECRETARIAT',
        unitId: 'u-1',
      },
    );
    expect(toCreateAccountInput({ username: 'quantri2', displayName: 'Quản trị', role: 'ADMIN', unitId: '' }).unitId).toBeNull();
  });

  it('updates only what changed (never an unchanged role, which the server refuses on one’s own account)', () => {
    expect(toUpdateAccountInput({ ...account }, account)).toEqual({});
    expect(toUpdateAccountInput({ ...account, displayName: 'Tên mới ', active: false }, account)).toEqual({
      displayName: 'Tên mới',
      active: false,
    });
    expect(toUpdateAccountInput({ ...account, role: 'ADMIN', unitId: '' }, account)).toEqual({ role: 'ADMIN', unitId: null });
    // A disabled input sends nothing.
    expect(toUpdateAccountInput({ ...account, role: undefined, active: undefined }, account)).toEqual({});
  });

  it('sends the version read, and refuses to save without it', () => {
    expect(toUpdateAccountVariables({ id: 'a-1', data: { ...account, displayName: 'X' }, previousData: account })).toEqual({
      id: 'a-1',
      expectedVersion: 4,
      input: { displayName: 'X' },
    });
    expect(() => toUpdateAccountVariables({ id: 'a-1', data: account, previousData: { id: 'a-1' } })).toThrow(HttpError);
  });
});

describe('API keys', () => {
  it('lists active keys unless asked for all, optionally of one unit', () => {
    expect(toApiKeyListOptions({ pagination, filter: { includeInactive: false } })).toEqual({ page: 2, pageSize: 50 });
    expect(toApiKeyListOptions({ pagination, filter: { includeInactive: true, unitId: 'u-1' } })).toEqual({
      page: 2,
      pageSize: 50,
      filter: { unitId: 'u-1', includeInactive: true },
    });
  });

  it('creates with known scopes and an expiry at the end of the chosen day, local time', () => {
    const endOfDay = new Date(2099, 11, 31, 23, 59, 59).toISOString().replace('.000Z', 'Z');
    expect(
      toCreateApiKeyInput({
        name: ' Cổng MTTQ ',
        unitId: 'u-1',
        scopes: ['units:read', 'accounts:manage', 'units:write'],
        expiresAt: '2099-12-31',
      }),
    ).toEqual({
      name: 'Cổng MTTQ',
      unitId: 'u-1',
      scopes: ['units:read', 'units:write'],
      expiresAt: endOfDay,
    });
    expect(toCreateApiKeyInput({ name: 'K', unitId: 'u-1', scopes: [], expiresAt: null }).expiresAt).toBeNull();
    expect(toCreateApiKeyInput({ name: 'K', unitId: 'u-1', scopes: [], expiresAt: '31/02/2099' }).expiresAt).toBeNull();
  });

  it('a key is revoked, expired or active', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(apiKeyStatus({ revokedAt: '2026-11-01T00:00:00Z', expiresAt: null }, now)).toBe('revoked');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: '2026-11-22T00:00:00Z' }, now)).toBe('expired');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: '2026-11-24T00:00:00Z' }, now)).toBe('active');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
  });
});

describe('audit trail', () => {
  it('maps entity, action, actor and a range of days (start of the first, end of the last)', () => {
    expect(
      toAuditEventListOptions({
        pagination,
        filter: { entity: 'unit', action: 'update', actorId: 'a-1', from: '2026-11-01', to: '2026-11-30', entityId: ' ' },
      }),
    ).toEqual({
      page: 2,
      pageSize: 50,
      filter: {
        entity: 'unit',
        action: 'update',
        actorId: 'a-1',
        from: new Date(2026, 10, 1).toISOString(),
        to: new Date(2026, 10, 30, 23, 59, 59, 999).toISOString(),
      },
    });
    // A date still being typed is no filter.
    expect(toAuditEventListOptions({ pagination, filter: { from: '30/11' } })).toEqual({ page: 2, pageSize: 50 });
    expect(localDayStart('2026-02-30')).toBeUndefined();
    expect(localDayEnd(undefined)).toBeUndefined();
  });

  it('reads the changes JSON', () => {
    expect(parseChanges('{"shortName":{"before":null,"after":"TU Thái Bình"},"version":{"before":1,"after":2}}')).toEqual([
      { field: 'shortName', before: null, after: 'TU Thái Bình' },
      { field: 'version', before: 1, after: 2 },
    ]);
    expect(parseChanges('{"revoked": true}')).toEqual([{ field: 'revoked', before: null, after: true }]);
    expect(parseChanges('not json')).toEqual([]);
    expect(parseChanges('[1,2]')).toEqual([]);
    expect(parseChanges(null)).toEqual([]);
  });

  it('shows values as people read them', () => {
    const words = { yes: 'Có', no: 'Không' };
    expect(formatAuditValue('kind', 'PARTY_COMMITTEE', words)).toBe('Cấp ủy');
    expect(formatAuditValue('role', 'VIEWER', words)).toBe('Chỉ xem (lãnh đạo, báo cáo)');
    expect(formatAuditValue('scopes', ['units:read', 'units:write'], words)).toBe('Xem đơn vị, Thêm, sửa, xóa đơn vị');
    expect(formatAuditValue('validTo', '2025-06-30', words)).toBe('30/06/2025');
    expect(formatAuditValue('active', false, words)).toBe('Không');
    expect(
      formatAuditValue(
        'leaders',
        [
          { name: 'Nguyễn Văn A', title: 'Bí thư' },
          { name: 'Trần Thị B', title: '' },
        ],
        words,
      ),
    ).toBe('Nguyễn Văn A (Bí thư); Trần Thị B');
    expect(formatAuditValue('shortName', null, words)).toBeNull();
    expect(formatAuditValue('successorIds', [], words)).toBeNull();
    expect(formatAuditValue('name', 'Huyện ủy Tiền Hải', words)).toBe('Huyện ủy Tiền Hải');
    const instant = formatAuditValue('expiresAt', '2099-12-31T16:59:59.000Z', words);
    expect(instant).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/2099$/);
  });
});

describe('session', () => {
  const jwt = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

  it('takes the access token’s lifetime from the token, not from the two clocks', () => {
    // The server's clock is 10 minutes ahead: its expiry time would leave 5 minutes instead of 15.
    const receivedAt = Date.parse('2026-11-23T02:00:00Z');
    const tokens = { accessToken: jwt({ iat: 1000, exp: 1900 }), accessTokenExpiresAt: '2026-11-23T02:05:00Z' };
    expect(accessTokenLifetime(tokens, receivedAt)).toBe(900_000);
    expect(accessTokenLifetime({ ...tokens, accessToken: 'opaque' }, receivedAt)).toBe(300_000);
  });

  it('round-trips through storage and refuses incomplete data', () => {
    const session = toStoredSession(
      {
        accessToken: jwt({ iat: 1, exp: 901 }),
        accessTokenExpiresAt: '',
        refreshToken: 'drt_1',
        refreshTokenExpiresAt: '2026-12-23T02:00:00Z',
        account: {
          id: 'a',
          username: 'u',
          displayName: 'U',
          role: 'VIEWER',
          unitId: 'x',
          unitName: 'X',
          permissions: ['units:read'],
          mustChangePassword: false,
        },
      },
      1_000,
    );
    expect(parseStoredSession(JSON.stringify(session))).toEqual(session);
    expect(parseStoredSession(JSON.stringify({ ...session, account: { ...session.account, role: 'KING' } }))).toBeUndefined();
    expect(parseStoredSession(JSON.stringify({ ...session, refreshToken: '' }))).toBeUndefined();
  });
});

describe('identity operations of the data provider', () => {
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

  it('createAccount returns the one-time password to the caller', async () => {
    const sent: unknown[] = [];
    const provider = createDataProvider({
      fetch: async (_url, init) => {
        sent.push(JSON.parse(String(init?.body)));
        return json({ data: { createAccount: { account, oneTimePassword: 'Mk-7Hq2-xZ4p' } } });
      },
    });
    await expect(provider.createAccount({ username: 'chuyenvien', displayName: 'C', role: 'SECRETARIAT', unitId: 'u-1' })).resolves.toEqual(
      {
        account,
        oneTimePassword: 'Mk-7Hq2-xZ4p',
      },
    );
    expect(sent[0]).toMatchObject({
      operationName: CREATE_ACCOUNT_MUTATION.operationName,
      variables: { input: { username: 'chuyenvien' } },
    });
  });

  it('places account field errors beside the account form’s inputs', async () => {
    const provider = createDataProvider({
      fetch: async () =>
        json({
          errors: [
            {
              message: 'Tên đăng nhập này đã có người dùng.',
              extensions: {
                code: 'CONFLICT',
                reason: 'DUPLICATE',
                fields: [{ field: 'username', code: 'unique', message: 'Tên đăng nhập này đã có người dùng.' }],
              },
            },
          ],
        }),
    });
    const error = (await provider.createAccount({ username: 'chuyenvien' }).catch((reason: unknown) => reason)) as HttpError;
    expect(error.status).toBe(409);
    expect(error.body.errors).toEqual({
      username: 'Tên đăng nhập này đã có người dùng.',
      root: { serverError: 'Tên đăng nhập này đã có người dùng.' },
    });
  });

  it('an account edited meanwhile gets the account’s conflict message', async () => {
    const provider = createDataProvider({
      fetch: async () => json({ errors: [{ message: 'Version mismatch', extensions: { code: 'CONFLICT', reason: 'VERSION_CONFLICT' } }] }),
    });
    const error = (await provider
      .update('accounts', { id: 'a-1', data: { ...account, displayName: 'X' }, previousData: account })
      .catch((reason: unknown) => reason)) as HttpError;
    expect(error.message).toBe(ACCOUNT_VERSION_CONFLICT_MESSAGE);
    expect(error.status).toBe(409);
  });

  it('getMany of accounts leaves out those out of reach', async () => {
    const provider = createDataProvider({
      fetch: async (_url, init) => {
        const { variables } = JSON.parse(String(init?.body)) as { variables: { id: string } };
        return variables.id === 'a-1'
          ? json({ data: { account } })
          : json({ data: null, errors: [{ message: 'Không tìm thấy tài khoản', extensions: { code: 'NOT_FOUND', reason: 'NOT_FOUND' } }] });
      },
    });
    await expect(provider.getMany('accounts', { ids: ['a-1', 'key-9', 'a-1'] })).resolves.toEqual({ data: [account] });
  });

  it('API keys cannot be read one by one, and the audit trail cannot be written', async () => {
    const provider = createDataProvider({ fetch: async () => json({ data: {} }) });
    await expect(provider.getOne('api-keys', { id: 'k' })).rejects.toBeInstanceOf(HttpError);
    await expect(provider.create('audit-events', { data: {} })).rejects.toBeInstanceOf(HttpError);
    await expect(provider.delete('accounts', { id: 'a-1' })).rejects.toBeInstanceOf(HttpError);
  });
});

import { describe, expect, it } from '@jest/globals';
import { HttpError } from 'react-admin';
import type { SessionTokens } from '@danvan/contracts';
import { createDataProvider } from '../dataProvider';
import { AUTH_MESSAGES, AUTH_PATHS, createAuthClient, retryAfterMinutes, storageLeaseLock, type LockManagerLike } from './authClient';
import { createAuthProvider } from './authProvider';
import { SESSION_STORAGE_KEY, type SessionStorageLike } from './session';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT-shaped token (unsigned: the client only reads its lifetime). */
const jwt = (payload: object) => `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}.signature`;

const ACCESS_SECONDS = 15 * 60;
const START = Date.UTC(2026, 10, 23, 2, 0, 0);

const account = {
  id: 'a-1',
  username: 'chuyenvien',
  displayName: 'Nguyễn Thị Chuyên Viên',
  role: 'SECRETARIAT' as const,
  unitId: 'u-1',
  unitName: 'Ban Dân vận Tỉnh ủy Thái Bình',
  permissions: [
    'units:read',
    'units:write',
    'accounts:read',
    'accounts:manage',
    'api-keys:read',
    'api-keys:manage',
    'audit:read',
  ] as SessionTokens['account']['permissions'],
  mustChangePassword: false,
};

const memoryStorage = (): SessionStorageLike & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};

/** The same items seen through another object, as a second tab sees localStorage. */
const memoryStorageFor = (shared: ReturnType<typeof memoryStorage>): SessionStorageLike => ({
  getItem: (key) => shared.getItem(key),
  setItem: (key, value) => shared.setItem(key, value),
  removeItem: (key) => shared.removeItem(key),
});

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/**
 * A fake API: sessions with rotating refresh tokens (a spent one is refused), one protected REST route
 * (/api/v1/units) and /graphql (which answers UNAUTHENTICATED in an HTTP 200, as GraphQL servers do).
 */
const fakeApi = (clock: { now: number }) => {
  let serial = 0;
  let validAccess = new Set<string>();
  let validRefresh = new Set<string>();
  const calls: { path: string; authorization: string | null; body: unknown }[] = [];
  const control = {
    /** When set, refreshes wait for it (to make concurrent calls overlap). */
    refreshGate: null as Promise<void> | null,
    refreshFails: null as null | 'refused' | 'network',
    /** The protected routes refuse every token (e.g. the account was disabled). */
    refuseAll: false,
    mustChangePassword: false,
  };

  const issue = (): SessionTokens => {
    serial++;
    const iat = Math.floor(clock.now / 1000);
    const accessToken = jwt({ sub: account.id, iat, exp: iat + ACCESS_SECONDS, n: serial });
    const refreshToken = `drt_${serial}`;
    validAccess.add(accessToken);
    validRefresh.add(refreshToken);
    return {
      accessToken,
      accessTokenExpiresAt: new Date((iat + ACCESS_SECONDS) * 1000).toISOString(),
      refreshToken,
      refreshTokenExpiresAt: new Date(clock.now + 30 * 24 * 3600 * 1000).toISOString(),
      account: { ...account, mustChangePassword: control.mustChangePassword },
    };
  };

  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const path = String(input);
    const headers = new Headers(init?.headers);
    const body: unknown = init?.body ? JSON.parse(String(init.body)) : undefined;
    const authorization = headers.get('authorization');
    calls.push({ path, authorization, body });
    const bearer = authorization?.replace(/^Bearer /, '') ?? '';
    const authorized = !control.refuseAll && validAccess.has(bearer);

    switch (path) {
      case AUTH_PATHS.login: {
        const { username, password } = body as { username: string; password: string };
        if (username === 'bikhoa') return json({ status: 429, detail: 'Tài khoản tạm khóa.' }, 429, { 'retry-after': '840' });
        if (username !== account.username || password !== 'Mat-khau-dung-1') {
          return json({ status: 401, detail: 'Tên đăng nhập hoặc mật khẩu không đúng.' }, 401);
        }
        return json(issue());
      }
      case AUTH_PATHS.refresh: {
        if (control.refreshGate) await control.refreshGate;
        if (control.refreshFails === 'network') throw new TypeError('Failed to fetch');
        const { refreshToken } = body as { refreshToken: string };
        if (control.refreshFails === 'refused' || !validRefresh.has(refreshToken)) {
          // A spent token comes back: every session of the account ends.
          validAccess = new Set();
          validRefresh = new Set();
          return json({ status: 401, detail: 'Phiên đăng nhập đã kết thúc.' }, 401);
        }
        validRefresh.delete(refreshToken);
        return json(issue());
      }
      case AUTH_PATHS.logout: {
        validRefresh.delete((body as { refreshToken: string }).refreshToken);
        return new Response(null, { status: 204 });
      }
      case AUTH_PATHS.password: {
        if (!authorized) return json({ status: 401 }, 401);
        const { currentPassword, newPassword } = body as { currentPassword: string; newPassword: string };
        if (currentPassword !== 'Mat-khau-dung-1') {
          return json(
            {
              status: 400,
              detail: 'Dữ liệu gửi lên không hợp lệ.',
              errors: [{ field: 'currentPassword', code: 'wrongPassword', message: 'Mật khẩu hiện tại không đúng.' }],
            },
            400,
          );
        }
        expect(newPassword).toBe('Mat-khau-moi-2');
        control.mustChangePassword = false;
        // Every other session ends; this one continues with new tokens.
        validAccess = new Set();
        validRefresh = new Set();
        return json(issue());
      }
      case '/api/v1/units':
        return authorized ? json({ items: [], totalItems: 0 }) : json({ status: 401, detail: 'Cần đăng nhập.' }, 401);
      case '/graphql':
        return authorized
          ? json({ data: { units: { items: [], totalItems: 0 } } })
          : json({
              data: null,
              errors: [{ message: 'Phiên đăng nhập đã kết thúc.', extensions: { code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED' } }],
            });
      default:
        return json({ status: 404 }, 404);
    }
  };

  const count = (path: string) => calls.filter((call) => call.path === path).length;
  return { fetchImpl, calls, control, count, validAccess: () => validAccess };
};

const setup = (options: { locks?: LockManagerLike | null; storage?: SessionStorageLike & { items: Map<string, string> } } = {}) => {
  const clock = { now: START };
  const api = fakeApi(clock);
  const storage = options.storage ?? memoryStorage();
  const client = createAuthClient({
    fetch: api.fetchImpl,
    storage,
    now: () => clock.now,
    locks: options.locks ?? null,
    watchOtherTabs: false,
  });
  return { clock, api, storage, client };
};

const signedIn = async (options?: Parameters<typeof setup>[0]) => {
  const context = setup(options);
  await context.client.login('chuyenvien', 'Mat-khau-dung-1');
  return context;
};

const protectedCall = (client: ReturnType<typeof createAuthClient>) => client.fetch('/api/v1/units', { method: 'GET' });

describe('sign-in', () => {
  it('keeps the session in storage and signs requests with the access token', async () => {
    const { client, storage, api } = await signedIn();
    const session = client.getSession();
    expect(session?.account.displayName).toBe('Nguyễn Thị Chuyên Viên');
    expect(session?.refreshToken).toBe('drt_1');
    // The lifetime comes from the token itself (exp − iat), on the local clock.
    expect(session?.accessTokenLocalExpiry).toBe(START + ACCESS_SECONDS * 1000);
    expect(JSON.parse(storage.items.get(SESSION_STORAGE_KEY) ?? '{}')).toMatchObject({ refreshToken: 'drt_1' });

    expect((await protectedCall(client)).status).toBe(200);
    expect(api.calls.at(-1)?.authorization).toBe(`Bearer ${session?.accessToken}`);
    expect(api.count(AUTH_PATHS.refresh)).toBe(0);
  });

  it('explains a refusal: the server’s words for wrong credentials, the minutes to wait when locked', async () => {
    const { client } = setup();
    const wrong = await client.login('chuyenvien', 'sai').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(HttpError);
    expect((wrong as HttpError).status).toBe(401);
    expect((wrong as HttpError).message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');

    const locked = (await client.login('bikhoa', 'x').catch((error: unknown) => error)) as HttpError;
    expect(locked.status).toBe(429);
    expect(locked.message).toBe(AUTH_MESSAGES.locked);
    expect(locked.body).toEqual({ messageArgs: { minutes: 14 } });
    expect(client.getSession()).toBeNull();
  });

  it('reads Retry-After as whole minutes, rounded up', () => {
    expect(retryAfterMinutes('840', START)).toBe(14);
    expect(retryAfterMinutes('61', START)).toBe(2);
    expect(retryAfterMinutes('5', START)).toBe(1);
    expect(retryAfterMinutes(new Date(START + 15 * 60_000).toUTCString(), START)).toBe(15);
    expect(retryAfterMinutes(null, START)).toBeUndefined();
    expect(retryAfterMinutes('soon', START)).toBeUndefined();
  });

  it('a network failure is a translated error', async () => {
    const client = createAuthClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      storage: memoryStorage(),
      locks: null,
      watchOtherTabs: false,
    });
    await expect(client.login('a', 'b')).rejects.toMatchObject({ message: AUTH_MESSAGES.network, status: 0 });
  });
});

describe('renewing the access token', () => {
  it('refreshes shortly before the token expires, then uses the new one', async () => {
    const { client, clock, api } = await signedIn();
    clock.now += ACCESS_SECONDS * 1000 - 30_000; // 30 s left: inside the margin
    expect((await protectedCall(client)).status).toBe(200);
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
    expect(api.calls.find((call) => call.path === AUTH_PATHS.refresh)?.body).toEqual({ refreshToken: 'drt_1' });
    expect(client.getSession()?.refreshToken).toBe('drt_2'); // rotated
    expect(api.calls.at(-1)?.authorization).toBe(`Bearer ${client.getSession()?.accessToken}`);
  });

  it('does not refresh while the token has time left', async () => {
    const { client, clock, api } = await signedIn();
    clock.now += ACCESS_SECONDS * 1000 - 5 * 60_000;
    await protectedCall(client);
    await protectedCall(client);
    expect(api.count(AUTH_PATHS.refresh)).toBe(0);
  });

  it('renews first when the caller needs the token valid longer than it has left (a long upload)', async () => {
    const { client, clock, api } = await signedIn();
    const first = client.getSession()?.accessToken;
    clock.now += ACCESS_SECONDS * 1000 - 4 * 60_000; // 4 minutes left: enough for a call, not for a 5-minute upload
    const sent: (string | null)[] = [];
    const send = async (token: string | null) => {
      sent.push(token);
      return 201;
    };
    await client.withAccessToken(send, (status) => status === 401);
    expect(api.count(AUTH_PATHS.refresh)).toBe(0);
    expect(sent).toEqual([first]);
    await client.withAccessToken(send, (status) => status === 401, { minValidityMs: 5 * 60_000 });
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
    expect(sent[1]).toBe(client.getSession()?.accessToken);
    expect(sent[1]).not.toBe(first);
    // The new token has its whole lifetime: no second renewal.
    expect(await client.getAccessToken(5 * 60_000)).toBe(sent[1]);
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
  });

  it('on a 401 refreshes once and sends the request once more', async () => {
    const { client, api } = await signedIn();
    const first = client.getSession()?.accessToken;
    api.validAccess().clear(); // e.g. the server restarted with another key
    const response = await protectedCall(client);
    expect(response.status).toBe(200);
    const attempts = api.calls.filter((call) => call.path === '/api/v1/units');
    expect(attempts.map((call) => call.authorization)).toEqual([`Bearer ${first}`, `Bearer ${client.getSession()?.accessToken}`]);
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
  });

  it('concurrent refused calls share a single refresh', async () => {
    const { client, api } = await signedIn();
    api.validAccess().clear();
    const gate = deferred();
    api.control.refreshGate = gate.promise;
    const pending = Promise.all(Array.from({ length: 5 }, () => protectedCall(client)));
    // Let every call reach the server, be refused and ask for a renewal before the refresh answers.
    await new Promise((resolve) => setTimeout(resolve, 10));
    gate.resolve();
    const responses = await pending;
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
    expect(api.count('/api/v1/units')).toBe(10);
    expect(client.getSession()?.refreshToken).toBe('drt_2');
  });

  it('concurrent calls near expiry share a single refresh too', async () => {
    const { client, clock, api } = await signedIn();
    clock.now += ACCESS_SECONDS * 1000;
    const responses = await Promise.all([protectedCall(client), protectedCall(client), protectedCall(client)]);
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
    expect(api.count('/api/v1/units')).toBe(3);
  });

  it('a call refused after another one renewed the token retries with that token, without refreshing again', async () => {
    const { client, api } = await signedIn();
    const old = client.getSession()?.accessToken ?? null;
    api.validAccess().clear();
    await protectedCall(client); // refreshes
    expect(await client.renewAfterRejection(old)).toBe(client.getSession()?.accessToken);
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
  });

  it('retries only once: a second refusal is the answer', async () => {
    const { client, api } = await signedIn();
    api.control.refuseAll = true;
    const response = await protectedCall(client);
    expect(response.status).toBe(401);
    expect(api.count('/api/v1/units')).toBe(2);
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
  });

  it('waits for another tab’s refresh (Web Lock) and uses its tokens instead of spending the refresh token again', async () => {
    const storage = memoryStorage();
    const otherTab = await signedIn({ storage });
    // This tab shares the storage; while it waits for the lock, the other tab refreshes.
    const locks: LockManagerLike = {
      request: async (_name, callback) => {
        await otherTab.client.renewAfterRejection(otherTab.client.getSession()?.accessToken ?? null);
        return callback();
      },
    };
    const thisTab = createAuthClient({
      fetch: otherTab.api.fetchImpl,
      storage,
      now: () => otherTab.clock.now,
      locks,
      watchOtherTabs: false,
    });
    const before = thisTab.getSession()?.accessToken ?? null;
    expect(before).not.toBeNull();
    otherTab.api.validAccess().delete(before as string);
    const renewed = await thisTab.renewAfterRejection(before);
    expect(renewed).toBe(otherTab.client.getSession()?.accessToken);
    // One refresh in all (the other tab's): drt_1 was never sent twice, so the server ended nothing.
    expect(otherTab.api.count(AUTH_PATHS.refresh)).toBe(1);
    expect((await protectedCall(thisTab)).status).toBe(200);
  });
});

describe('two tabs without Web Locks', () => {
  it('take turns through a lease in the shared storage: one refresh for both', async () => {
    const storage = memoryStorage();
    const first = await signedIn({ storage, locks: storageLeaseLock(memoryStorageFor(storage)) });
    const second = createAuthClient({
      fetch: first.api.fetchImpl,
      storage,
      now: () => first.clock.now,
      locks: storageLeaseLock(memoryStorageFor(storage)),
      watchOtherTabs: false,
    });
    first.api.validAccess().clear();
    const gate = deferred();
    first.api.control.refreshGate = gate.promise;
    const both = Promise.all([protectedCall(first.client), protectedCall(second)]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    gate.resolve();
    expect((await both).map((response) => response.status)).toEqual([200, 200]);
    expect(first.api.count(AUTH_PATHS.refresh)).toBe(1);
    expect(storage.items.has('danvan:session-refresh.lease')).toBe(false);
  });

  it('a lease left by a closed tab does not block for ever', async () => {
    const storage = memoryStorage();
    let now = 1_000_000;
    storage.setItem('lock.lease', JSON.stringify({ owner: 'closed-tab', until: now - 1 }));
    const lock = storageLeaseLock(storage, () => now, 1);
    await expect(lock.request('lock', async () => 'ran')).resolves.toBe('ran');
    now += 1;
    expect(storage.items.has('lock.lease')).toBe(false);
  });
});

describe('when the session cannot be renewed', () => {
  it('a refused refresh ends the session: the request fails with its 401 and the authProvider logs out', async () => {
    const { client, api, storage } = await signedIn();
    api.validAccess().clear();
    api.control.refreshFails = 'refused';
    const response = await protectedCall(client);
    expect(response.status).toBe(401);
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
    expect(client.getSession()).toBeNull();
    expect(storage.items.has(SESSION_STORAGE_KEY)).toBe(false);
    expect(client.endReason()).toBe('expired');

    const authProvider = createAuthProvider(client);
    await expect(authProvider.checkError(new HttpError('Phiên đăng nhập đã kết thúc.', 401))).rejects.toThrow(AUTH_MESSAGES.sessionEnded);
    await expect(authProvider.checkAuth({})).rejects.toBeDefined();
    // Later calls go out unsigned and do not try to refresh again.
    expect((await protectedCall(client)).status).toBe(401);
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
  });

  it('a refused refresh before expiry also ends the session', async () => {
    const { client, clock, api } = await signedIn();
    clock.now += ACCESS_SECONDS * 1000;
    api.control.refreshFails = 'refused';
    expect(await client.getAccessToken()).toBeNull();
    expect(client.getSession()).toBeNull();
  });

  it('a network failure during the refresh keeps the session and reports the network', async () => {
    const { client, api } = await signedIn();
    api.validAccess().clear();
    api.control.refreshFails = 'network';
    await expect(protectedCall(client)).rejects.toMatchObject({ message: AUTH_MESSAGES.network });
    expect(client.getSession()?.refreshToken).toBe('drt_1');
    api.control.refreshFails = null;
    expect((await protectedCall(client)).status).toBe(200);
  });

  it('a refresh token past its end is no session at all', async () => {
    const { client, clock } = await signedIn();
    clock.now += 31 * 24 * 3600 * 1000;
    expect(client.getSession()).toBeNull();
  });
});

describe('GraphQL through the data provider', () => {
  it('signs every operation and renews once on UNAUTHENTICATED (HTTP 200)', async () => {
    const { client, api } = await signedIn();
    const provider = createDataProvider({ fetch: api.fetchImpl, auth: client });
    const first = client.getSession()?.accessToken;
    expect(
      await provider.getList('units', { pagination: { page: 1, perPage: 20 }, sort: { field: 'code', order: 'ASC' }, filter: {} }),
    ).toEqual({
      data: [],
      total: 0,
    });
    expect(api.calls.at(-1)?.authorization).toBe(`Bearer ${first}`);

    api.validAccess().clear();
    await provider.getList('units', { pagination: { page: 1, perPage: 20 }, sort: { field: 'code', order: 'ASC' }, filter: {} });
    const graphql = api.calls.filter((call) => call.path === '/graphql');
    expect(graphql).toHaveLength(3);
    expect(graphql[2].authorization).toBe(`Bearer ${client.getSession()?.accessToken}`);
    expect(api.count(AUTH_PATHS.refresh)).toBe(1);
  });

  it('gives react-admin a 401 when the session is over', async () => {
    const { client, api } = await signedIn();
    api.validAccess().clear();
    api.control.refreshFails = 'refused';
    const provider = createDataProvider({ fetch: api.fetchImpl, auth: client });
    const error = await provider.getOne('units', { id: 'u-1' }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
  });
});

describe('sign-out and password change', () => {
  it('signing out ends the session on the server and here', async () => {
    const { client, api, storage } = await signedIn();
    await client.logout();
    expect(api.calls.at(-1)).toMatchObject({ path: AUTH_PATHS.logout, body: { refreshToken: 'drt_1' } });
    expect(storage.items.has(SESSION_STORAGE_KEY)).toBe(false);
    expect(client.endReason()).toBeNull();
    expect(await client.getAccessToken()).toBeNull();
  });

  it('signs out here even when the server cannot be reached', async () => {
    const { client, api } = await signedIn();
    const original = api.fetchImpl;
    const offline = createAuthClient({
      fetch: async (input, init) => {
        if (String(input) === AUTH_PATHS.logout) throw new TypeError('Failed to fetch');
        return original(input, init);
      },
      storage: { getItem: () => JSON.stringify(client.getSession()), setItem: () => undefined, removeItem: () => undefined },
      locks: null,
      watchOtherTabs: false,
    });
    await expect(offline.logout()).resolves.toBeUndefined();
  });

  it('a password change keeps this session with the new tokens', async () => {
    const { client, api } = await signedIn();
    const changed = await client.changePassword('Mat-khau-dung-1', 'Mat-khau-moi-2');
    expect(changed.refreshToken).toBe('drt_2');
    expect(client.getSession()?.refreshToken).toBe('drt_2');
    expect((await protectedCall(client)).status).toBe(200);
    expect(api.count(AUTH_PATHS.refresh)).toBe(0);
  });

  it('a wrong current password comes back as a field error', async () => {
    const { client } = await signedIn();
    const error = (await client.changePassword('sai', 'Mat-khau-moi-2').catch((reason: unknown) => reason)) as HttpError;
    expect(error.status).toBe(400);
    expect(error.body).toEqual({ fields: [{ field: 'currentPassword', code: 'wrongPassword', message: 'Mật khẩu hiện tại không đúng.' }] });
    expect(client.getSession()?.refreshToken).toBe('drt_1');
  });
});

describe('sessions across tabs', () => {
  it('sees a session written by another tab and tells subscribers', async () => {
    const storage = memoryStorage();
    const { client: otherTab } = await signedIn({ storage });
    const thisTab = createAuthClient({ fetch: async () => json({}), storage, locks: null, watchOtherTabs: false });
    expect(thisTab.getSession()?.account.username).toBe('chuyenvien');
    // Same text, same object (what useSyncExternalStore needs).
    expect(thisTab.getSession()).toBe(thisTab.getSession());
    let notified = 0;
    const unsubscribe = otherTab.subscribe(() => notified++);
    await otherTab.logout();
    unsubscribe();
    expect(notified).toBe(1);
    expect(thisTab.getSession()).toBeNull();
  });

  it('ignores a stored session it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_STORAGE_KEY, '{"accessToken": 42}');
    expect(createAuthClient({ storage, locks: null, watchOtherTabs: false, fetch: async () => json({}) }).getSession()).toBeNull();
    storage.setItem(SESSION_STORAGE_KEY, 'not json');
    expect(createAuthClient({ storage, locks: null, watchOtherTabs: false, fetch: async () => json({}) }).getSession()).toBeNull();
  });
});

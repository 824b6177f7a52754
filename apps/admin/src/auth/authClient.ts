/**
 * The admin's session with the API: sign in, sign out, change the own password, and hand out a valid
 * access token to every request (GraphQL and REST).
 *
 * - The session (access + refresh token and the account) is kept in localStorage, so every tab of the
 *   admin shares it and a reload keeps the user signed in until the refresh token ends (30 days) or
 *   the user signs out.
 * - An access token lives 15 minutes. It is renewed shortly before it expires (REFRESH_MARGIN_MS), and
 *   when the server refuses it anyway (401 / UNAUTHENTICATED) the request is sent once more with a
 *   renewed token, never more.
 * - Refresh tokens rotate: each is usable once, and the server ends every session of the account when
 *   a spent one comes back. So there is never more than one refresh at a time: concurrent callers share
 *   the one in flight, and tabs take turns through a Web Lock (a lease in localStorage where the browser
 *   has no Web Locks), re-reading the stored session inside it (a tab that waited finds the tokens
 *   another tab just received and does not refresh again).
 * - When the server refuses the refresh token, the session is over: it is removed and the caller's
 *   request fails with its 401, which the authProvider turns into a logout. A network failure during a
 *   refresh keeps the session (the server may simply be unreachable for a moment).
 *
 * Everything is injected (fetch, storage, clock, locks), so the rules are unit-tested without a browser.
 */
import { HttpError } from 'react-admin';
import type { FieldError, SessionTokens } from '@danvan/contracts';
import {
  isRefreshExpired,
  parseSessionTokens,
  parseStoredSession,
  SESSION_STORAGE_KEY,
  toStoredSession,
  type SessionStorageLike,
  type StoredSession,
} from './session';

export const AUTH_PATHS = {
  login: '/api/v1/auth/login',
  refresh: '/api/v1/auth/refresh',
  logout: '/api/v1/auth/logout',
  password: '/api/v1/auth/password',
} as const;

/** Renew the access token when it has less than this left (the server's tokens live 15 minutes). */
export const REFRESH_MARGIN_MS = 60_000;
/** Name of the Web Lock that serialises refreshes across the tabs of one browser. */
export const REFRESH_LOCK_NAME = 'danvan:session-refresh';
/** Signing out tells the server, but never waits longer than this for it. */
const LOGOUT_TIMEOUT_MS = 5_000;

/** Translation keys of what the auth client reports. */
export const AUTH_MESSAGES = {
  badCredentials: 'danvan.auth.badCredentials',
  locked: 'danvan.auth.locked',
  lockedNoDelay: 'danvan.auth.lockedNoDelay',
  signInFailed: 'ra.auth.sign_in_error',
  sessionEnded: 'danvan.auth.sessionEnded',
  passwordChangeFailed: 'danvan.password.failed',
  network: 'danvan.errors.network',
  invalidResponse: 'danvan.errors.invalidResponse',
} as const;

/** Why the last session ended, for the login page to say (a sign-out by the user needs no words). */
export type SessionEndReason = 'expired';

/** `navigator.locks`, or a stand-in in tests. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface AuthClientOptions {
  /** Injected by the tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
  /** localStorage by default (an in-memory store where there is none). */
  storage?: SessionStorageLike;
  now?: () => number;
  /** navigator.locks by default (a lease in the storage where there is none); null: no cross-tab lock (tests). */
  locks?: LockManagerLike | null;
  refreshMarginMs?: number;
  /** Follow sign-ins and sign-outs of other tabs (the `storage` event). On by default in a browser. */
  watchOtherTabs?: boolean;
}

/** The refresh token was refused (or there is no session): only signing in again helps. */
export class SessionEndedError extends Error {
  constructor() {
    super(AUTH_MESSAGES.sessionEnded);
    this.name = 'SessionEndedError';
  }
}

/** What an auth error carries for the UI: the arguments of its translated message, the server's field errors. */
export interface AuthErrorBody {
  messageArgs?: Record<string, unknown>;
  fields?: FieldError[];
}

export interface AccessTokenOptions {
  /** How long the token must still be valid when it is handed out (default: REFRESH_MARGIN_MS). */
  minValidityMs?: number;
}

export interface AuthClient {
  /** Signs in; fails with an HttpError whose message is a translation key (or the server's own text). */
  login(username: string, password: string): Promise<StoredSession>;
  /** Ends the session here and, best effort, on the server. */
  logout(): Promise<void>;
  /** Changes the own password; the server answers new tokens for this session (and ends every other one). */
  changePassword(currentPassword: string, newPassword: string): Promise<StoredSession>;
  /**
   * The stored session, or null when there is none or its refresh token has ended. The same object
   * until the session changes (useSyncExternalStore needs that); never changes anything itself.
   */
  getSession(): StoredSession | null;
  /**
   * A valid access token (renewed first when it is about to expire, or has less than `minValidityMs` left),
   * or null when signed out.
   */
  getAccessToken(minValidityMs?: number): Promise<string | null>;
  /** A token to retry with after the server refused `rejectedToken`; throws SessionEndedError when there is none. */
  renewAfterRejection(rejectedToken: string | null): Promise<string>;
  /**
   * Runs `send` with the current access token; if the server refused it (`isRejected`), renews the token
   * and runs `send` once more. When the session cannot be renewed, the refused result is returned as is.
   * `minValidityMs`: renew first unless the token has that long left (a long upload, which the server refuses
   * only once its whole body has arrived).
   */
  withAccessToken<T>(
    send: (token: string | null) => Promise<T>,
    isRejected: (result: T) => boolean,
    options?: AccessTokenOptions,
  ): Promise<T>;
  /** fetch with `Authorization: Bearer`, renewing and retrying once on a 401 (for the REST API). */
  fetch: typeof fetch;
  /** Called whenever the stored session changes (here or in another tab). */
  subscribe(listener: () => void): () => void;
  /** Why the last session ended without the user signing out (the login page says it); null after a sign-in. */
  endReason(): SessionEndReason | null;
}

const memoryStorage = (): SessionStorageLike => {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};

const defaultStorage = (): SessionStorageLike => {
  try {
    if (typeof globalThis.localStorage !== 'undefined') return globalThis.localStorage;
  } catch {
    // Storage disabled by the browser's settings: the session lasts as long as the page.
  }
  return memoryStorage();
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long a tab may hold the storage lease before others stop waiting for it (a refresh takes well under this). */
const LEASE_MS = 10_000;

/**
 * A lock between the tabs of one browser through the shared storage, where the Web Locks API is missing
 * (it exists only in secure contexts: an intranet served over plain http has none). Best effort: a tab
 * writes its lease, waits a moment and checks it still holds it; a lease older than LEASE_MS is ignored
 * (its tab was closed mid-refresh).
 */
export const storageLeaseLock = (storage: SessionStorageLike, now: () => number = Date.now, settleMs = 30): LockManagerLike => ({
  request: async <T>(name: string, callback: () => Promise<T>): Promise<T> => {
    const key = `${name}.lease`;
    const me = `${now()}-${Math.random().toString(36).slice(2)}`;
    const holder = (): { owner: string; until: number } | null => {
      try {
        const lease: unknown = JSON.parse(storage.getItem(key) ?? 'null');
        return typeof lease === 'object' && lease !== null && 'owner' in lease && 'until' in lease
          ? (lease as { owner: string; until: number })
          : null;
      } catch {
        return null;
      }
    };
    const deadline = now() + LEASE_MS;
    for (;;) {
      const lease = holder();
      if (!lease || lease.until < now()) {
        try {
          storage.setItem(key, JSON.stringify({ owner: me, until: now() + LEASE_MS }));
        } catch {
          break; // No storage: nothing to coordinate with.
        }
        await sleep(settleMs);
        if (holder()?.owner === me) break;
      } else if (now() > deadline) {
        break; // Waited long enough: go ahead (the other tab's refresh has surely ended).
      } else {
        await sleep(settleMs * 2);
      }
    }
    try {
      return await callback();
    } finally {
      if (holder()?.owner === me) storage.removeItem(key);
    }
  },
});

/** navigator.locks where the browser has it, else a lease in the shared storage. */
const defaultLocks = (storage: SessionStorageLike, now: () => number): LockManagerLike => {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? { request: (name, callback) => locks.request(name, () => callback()) } : storageLeaseLock(storage, now);
};

const readJson = async (response: Response): Promise<unknown> => {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
};

interface Problem {
  detail?: string;
  fields: FieldError[];
}

/** The `detail` and `errors` of an application/problem+json answer. */
export const readProblem = async (response: Response): Promise<Problem> => {
  const body = await readJson(response);
  if (typeof body !== 'object' || body === null) return { fields: [] };
  const { detail, errors } = body as { detail?: unknown; errors?: unknown };
  const fields = Array.isArray(errors)
    ? errors.filter(
        (error): error is FieldError =>
          typeof error === 'object' &&
          error !== null &&
          typeof (error as FieldError).field === 'string' &&
          typeof (error as FieldError).message === 'string',
      )
    : [];
  return { detail: typeof detail === 'string' && detail.trim() !== '' ? detail.trim() : undefined, fields };
};

/** Whole minutes to wait, from a Retry-After header (seconds or an HTTP date); undefined when absent. */
export const retryAfterMinutes = (header: string | null, now: number): number | undefined => {
  if (!header) return undefined;
  const seconds = /^\s*\d+\s*$/.test(header) ? Number(header) : (Date.parse(header) - now) / 1000;
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  return Math.max(1, Math.ceil(seconds / 60));
};

const isAbortError = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

const withBearer = (init: RequestInit | undefined, token: string | null): RequestInit => {
  const headers = new Headers(init?.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  else headers.delete('authorization');
  return { ...init, headers };
};

export const createAuthClient = ({
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
  storage = defaultStorage(),
  now = Date.now,
  locks = defaultLocks(storage, now),
  refreshMarginMs = REFRESH_MARGIN_MS,
  watchOtherTabs = typeof window !== 'undefined',
}: AuthClientOptions = {}): AuthClient => {
  const listeners = new Set<() => void>();
  let endReason: SessionEndReason | null = null;
  let inflight: Promise<StoredSession> | null = null;
  // getSession() returns the same object while the stored text is unchanged.
  let cachedText: string | null = null;
  let cachedSession: StoredSession | null = null;

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  const readText = (): string | null => {
    try {
      return storage.getItem(SESSION_STORAGE_KEY);
    } catch {
      return null;
    }
  };

  const read = (): StoredSession | null => {
    const text = readText();
    if (text !== cachedText) {
      cachedText = text;
      cachedSession = parseStoredSession(text) ?? null;
    }
    return cachedSession;
  };

  const write = (tokens: SessionTokens): StoredSession => {
    const session = toStoredSession(tokens, now());
    try {
      storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Storage full or refused: the session still works in this page (cached below).
    }
    cachedText = readText();
    cachedSession = cachedText === null ? session : (parseStoredSession(cachedText) ?? session);
    endReason = null;
    notify();
    return cachedSession;
  };

  const clear = (reason: SessionEndReason | null) => {
    try {
      storage.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // Nothing more can be done; the cached copy is dropped below.
    }
    cachedText = null;
    cachedSession = null;
    endReason = reason;
    notify();
  };

  if (watchOtherTabs && typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === SESSION_STORAGE_KEY || event.key === null) notify();
    });
  }

  const post = async (path: string, body: unknown, token: string | null = null, signal?: AbortSignal): Promise<Response> => {
    try {
      return await fetchImpl(
        path,
        withBearer(
          {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
            body: JSON.stringify(body),
            signal,
          },
          token,
        ),
      );
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new HttpError(AUTH_MESSAGES.network, 0);
    }
  };

  const exclusively = <T>(work: () => Promise<T>): Promise<T> => (locks ? locks.request(REFRESH_LOCK_NAME, work) : work());

  /** One refresh at a time (in this tab, and across tabs through the lock), spending `staleRefreshToken`. */
  const renew = (staleRefreshToken: string): Promise<StoredSession> => {
    inflight ??= exclusively(async () => {
      const current = read();
      if (!current) throw new SessionEndedError();
      // Another call (or tab) renewed the session while this one waited: use its tokens.
      if (current.refreshToken !== staleRefreshToken) return current;
      const response = await post(AUTH_PATHS.refresh, { refreshToken: current.refreshToken });
      if (response.ok) {
        const tokens = parseSessionTokens(await readJson(response));
        if (!tokens) throw new HttpError(AUTH_MESSAGES.invalidResponse, response.status);
        return write(tokens);
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        // Refused: the session is over (unless another tab has meanwhile signed in again).
        if (read()?.refreshToken === current.refreshToken) clear('expired');
        throw new SessionEndedError();
      }
      throw new HttpError((await readProblem(response)).detail ?? 'ra.notification.http_error', response.status);
    }).finally(() => {
      inflight = null;
    });
    return inflight;
  };

  const getAccessToken = async (minValidityMs = 0): Promise<string | null> => {
    const session = read();
    if (!session) return null;
    if (session.accessTokenLocalExpiry - now() > Math.max(refreshMarginMs, minValidityMs)) return session.accessToken;
    try {
      return (await renew(session.refreshToken)).accessToken;
    } catch (error) {
      if (error instanceof SessionEndedError) return null;
      // Could not renew now (network, server error): send the token anyway; the server has the last word.
      return session.accessToken;
    }
  };

  const renewAfterRejection = async (rejectedToken: string | null): Promise<string> => {
    const current = read();
    if (!current) throw new SessionEndedError();
    // Renewed meanwhile by a concurrent call: retry with that token without refreshing again.
    if (rejectedToken !== null && current.accessToken !== rejectedToken) return current.accessToken;
    return (await renew(current.refreshToken)).accessToken;
  };

  const withAccessToken = async <T>(
    send: (token: string | null) => Promise<T>,
    isRejected: (result: T) => boolean,
    options: AccessTokenOptions = {},
  ): Promise<T> => {
    const token = await getAccessToken(options.minValidityMs);
    const result = await send(token);
    if (!isRejected(result)) return result;
    let renewed: string;
    try {
      renewed = await renewAfterRejection(token);
    } catch (error) {
      if (error instanceof SessionEndedError) return result;
      throw error;
    }
    return send(renewed);
  };

  const login = async (username: string, password: string): Promise<StoredSession> => {
    const response = await post(AUTH_PATHS.login, { username, password });
    if (response.ok) {
      const tokens = parseSessionTokens(await readJson(response));
      if (!tokens) throw new HttpError(AUTH_MESSAGES.invalidResponse, response.status);
      return write(tokens);
    }
    if (response.status === 429) {
      const minutes = retryAfterMinutes(response.headers.get('retry-after'), now());
      const body: AuthErrorBody = minutes ? { messageArgs: { minutes } } : {};
      throw new HttpError(minutes ? AUTH_MESSAGES.locked : AUTH_MESSAGES.lockedNoDelay, 429, body);
    }
    const problem = await readProblem(response);
    if (response.status === 401) {
      // The server says which: wrong credentials, or an account that was disabled.
      throw new HttpError(problem.detail ?? AUTH_MESSAGES.badCredentials, 401);
    }
    if (response.status === 400) throw new HttpError(AUTH_MESSAGES.badCredentials, 400);
    throw new HttpError(problem.detail ?? AUTH_MESSAGES.signInFailed, response.status);
  };

  const logout = async (): Promise<void> => {
    const session = read();
    // Without a session (it ended already), keep the reason it ended for the login page.
    if (!session) return;
    clear(null);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), LOGOUT_TIMEOUT_MS);
    try {
      await post(AUTH_PATHS.logout, { refreshToken: session.refreshToken }, null, controller.signal);
    } catch {
      // Signed out here anyway; the server's session ends with its refresh token.
    } finally {
      clearTimeout(timer);
    }
  };

  const changePassword = async (currentPassword: string, newPassword: string): Promise<StoredSession> => {
    const response = await withAccessToken(
      (token) => post(AUTH_PATHS.password, { currentPassword, newPassword }, token),
      (answer) => answer.status === 401,
    );
    if (response.ok) {
      const tokens = parseSessionTokens(await readJson(response));
      if (!tokens) throw new HttpError(AUTH_MESSAGES.invalidResponse, response.status);
      return write(tokens);
    }
    const problem = await readProblem(response);
    if (response.status === 401) throw new HttpError(AUTH_MESSAGES.sessionEnded, 401);
    const body: AuthErrorBody = { fields: problem.fields };
    throw new HttpError(problem.detail ?? AUTH_MESSAGES.passwordChangeFailed, response.status, body);
  };

  const authorizedFetch: typeof fetch = (input, init) =>
    withAccessToken(
      (token) => fetchImpl(input, withBearer(init, token)),
      (response) => response.status === 401,
    );

  return {
    login,
    logout,
    changePassword,
    getSession: () => {
      const session = read();
      return session && !isRefreshExpired(session, now()) ? session : null;
    },
    getAccessToken,
    renewAfterRejection,
    withAccessToken,
    fetch: authorizedFetch,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    endReason: () => endReason,
  };
};

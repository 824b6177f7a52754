/**
 * The signed-in session as the admin keeps it: the server's SessionTokens plus the moment, on this
 * browser's clock, when the access token stops working. Pure functions (parsing, expiry), unit-tested.
 */
import { PERMISSIONS, ROLES, type CurrentAccount, type Permission, type Role, type SessionTokens } from '@danvan/contracts';

export interface StoredSession extends SessionTokens {
  /**
   * When the access token expires, in this browser's clock (ms since the epoch). Computed at receipt from
   * the token's own lifetime (JWT `exp − iat`), so a browser clock that is wrong by minutes does not make
   * the admin refresh too late (every call refused) or all the time.
   */
  accessTokenLocalExpiry: number;
}

/** Where the session is kept (localStorage in the browser, so that every tab shares one session). */
export type SessionStorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const SESSION_STORAGE_KEY = 'danvan.session';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';

/** The payload of a JWT (no signature check: the server does that; this only reads the token's lifetime). */
export const decodeJwtPayload = (token: string): Record<string, unknown> | undefined => {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const parsed: unknown = JSON.parse(atob(base64));
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

/**
 * How long an access token received at `receivedAt` stays valid, in ms: `exp − iat` of the token, else
 * `accessTokenExpiresAt − receivedAt` (which trusts the two clocks to agree). Never negative.
 */
export const accessTokenLifetime = (tokens: Pick<SessionTokens, 'accessToken' | 'accessTokenExpiresAt'>, receivedAt: number): number => {
  const payload = decodeJwtPayload(tokens.accessToken);
  if (payload && typeof payload.exp === 'number' && typeof payload.iat === 'number' && payload.exp > payload.iat) {
    return (payload.exp - payload.iat) * 1000;
  }
  const expiresAt = Date.parse(tokens.accessTokenExpiresAt);
  return Number.isNaN(expiresAt) ? 0 : Math.max(0, expiresAt - receivedAt);
};

const parseAccount = (value: unknown): CurrentAccount | undefined => {
  if (!isObject(value)) return undefined;
  const { id, username, displayName, role, unitId, unitName, permissions, mustChangePassword } = value;
  if (!isString(id) || !isString(username) || !isString(displayName)) return undefined;
  if (!isString(role) || !(ROLES as readonly string[]).includes(role)) return undefined;
  if (!Array.isArray(permissions) || typeof mustChangePassword !== 'boolean') return undefined;
  return {
    id,
    username,
    displayName,
    role: role as Role,
    unitId: isString(unitId) ? unitId : '',
    unitName: isString(unitName) ? unitName : '',
    // A permission this admin does not know of grants nothing here.
    permissions: permissions.filter((permission): permission is Permission => (PERMISSIONS as readonly unknown[]).includes(permission)),
    mustChangePassword,
  };
};

/** The server's login / refresh / password-change answer, checked; undefined when it is not one. */
export const parseSessionTokens = (value: unknown): SessionTokens | undefined => {
  if (!isObject(value)) return undefined;
  const { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt } = value;
  const account = parseAccount(value.account);
  if (!isString(accessToken) || !isString(refreshToken) || !account) return undefined;
  if (accessToken === '' || refreshToken === '') return undefined;
  return {
    accessToken,
    accessTokenExpiresAt: isString(accessTokenExpiresAt) ? accessTokenExpiresAt : '',
    refreshToken,
    refreshTokenExpiresAt: isString(refreshTokenExpiresAt) ? refreshTokenExpiresAt : '',
    account,
  };
};

export const toStoredSession = (tokens: SessionTokens, receivedAt: number): StoredSession => ({
  ...tokens,
  accessTokenLocalExpiry: receivedAt + accessTokenLifetime(tokens, receivedAt),
});

/** A stored session read back (from another tab or an older version of the admin): undefined unless complete. */
export const parseStoredSession = (text: string | null): StoredSession | undefined => {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const tokens = parseSessionTokens(value);
  if (!tokens || !isObject(value) || typeof value.accessTokenLocalExpiry !== 'number') return undefined;
  return { ...tokens, accessTokenLocalExpiry: value.accessTokenLocalExpiry };
};

/** Whether the refresh token is past its end (then only signing in again helps). Unknown end: not expired. */
export const isRefreshExpired = (session: Pick<SessionTokens, 'refreshTokenExpiresAt'>, now: number): boolean => {
  const end = Date.parse(session.refreshTokenExpiresAt);
  return !Number.isNaN(end) && end <= now;
};

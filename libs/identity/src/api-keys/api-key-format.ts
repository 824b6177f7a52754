/**
 * An API key reads `dvk_<prefix>_<secret>`: the prefix (public, stored in clear)
 * finds the key, the secret is compared with its stored SHA-256.
 */
export const API_KEY_MARK = 'dvk_';

export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  const match = /^dvk_([A-Za-z0-9]{8,16})_([A-Za-z0-9_-]{20,100})$/.exec(token);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

export function formatApiKey(prefix: string, secret: string): string {
  return `${API_KEY_MARK}${prefix}_${secret}`;
}

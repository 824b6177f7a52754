/** An integration's API key as GraphQL returns it (only its public prefix, never the secret). */
export interface ApiKeyRecord {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  scopes: string[];
  prefix: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** Username of the account that created the key. */
  createdBy: string | null;
  createdAt: string;
}

/** What creating a key answers: the full key, shown once. */
export interface ApiKeyWithSecret {
  apiKey: ApiKeyRecord;
  secret: string;
}

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

/** Revoked first (it is final), then expired, else active. */
export const apiKeyStatus = (key: Pick<ApiKeyRecord, 'revokedAt' | 'expiresAt'>, now: number = Date.now()): ApiKeyStatus => {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
};

import { definePolicy, unitInSubtree } from '@danvan/kit';

/** The key's unit lies in the caller's subtree (`u` in SQL). */
export const KEY_OF_UNIT_IN_SCOPE = unitInSubtree<{ unitPath: string }>('đơn vị của khóa', 'u.path', (k) => k.unitPath);

/**
 * API keys: seen (api-keys:read), created and revoked (api-keys:manage) for the
 * units of the caller's subtree. Which scopes a key may get (those the caller
 * holds) is the service's rule.
 */
export const API_KEY_POLICY = definePolicy<{ unitPath: string }, 'revoke'>({
  resource: 'khóa API',
  read: 'api-keys:read',
  see: KEY_OF_UNIT_IN_SCOPE,
  create: 'api-keys:manage',
  actions: {
    revoke: { permission: 'api-keys:manage', scope: KEY_OF_UNIT_IN_SCOPE, refusal: 'Khóa API này nằm ngoài phạm vi của bạn.' },
  },
});

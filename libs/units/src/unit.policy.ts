import { definePolicy, unitInSubtree } from '@danvan/kit';

/** The unit lies in the caller's subtree (`u` in SQL): everything outside is invisible — reads miss it (404), writes cannot reach it. */
export const IN_CALLERS_SUBTREE = unitInSubtree<{ path: string }>('đơn vị trong phạm vi của bạn', 'u.path', (u) => u.path);

const OUTSIDE = 'Đơn vị này nằm ngoài phạm vi của bạn.';

/**
 * The unit register: a caller sees, creates under, changes (ends included:
 * status and validTo) and deletes (units:write) the units of its own subtree;
 * the unit rules (unit-rules.ts) say what a change may be, the service refuses
 * to delete a unit something refers to. A unit outside the subtree is not
 * found at all (the reads filter by `see`), so the writes never reach it.
 */
export const UNIT_POLICY = definePolicy<{ path: string }, 'update' | 'delete'>({
  resource: 'đơn vị',
  read: 'units:read',
  see: IN_CALLERS_SUBTREE,
  create: 'units:write',
  actions: {
    update: { permission: 'units:write', scope: IN_CALLERS_SUBTREE, refusal: OUTSIDE },
    delete: { permission: 'units:write', scope: IN_CALLERS_SUBTREE, refusal: OUTSIDE },
  },
});

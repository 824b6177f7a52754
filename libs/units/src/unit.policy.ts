import { definePolicy, unitInSubtree } from '@danvan/kit';

/** The unit lies in the caller's subtree (`u` in SQL): everything outside is invisible — reads miss it (404), writes cannot reach it. */
export const IN_CALLERS_SUBTREE = unitInSubtree<{ path: string }>('đơn vị trong phạm vi của bạn', 'u.path', (u) => u.path);

/**
 * The unit register: a caller sees and changes (units:write) the units of its
 * own subtree; the unit rules (unit-rules.ts) say what a change may be.
 */
export const UNIT_POLICY = definePolicy<{ path: string }, 'update'>({
  resource: 'đơn vị',
  see: IN_CALLERS_SUBTREE,
  actions: {
    update: { permission: 'units:write', scope: IN_CALLERS_SUBTREE, refusal: 'Đơn vị này nằm ngoài phạm vi của bạn.' },
  },
});

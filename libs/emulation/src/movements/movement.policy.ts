import { anyScopedCaller, definePolicy, unitInSubtree } from '@danvan/kit';

/** What the movement policy reads of a movement: its launching unit's path. */
export interface MovementAccess {
  ownerPath: string;
}

/** The launching unit lies in the caller's subtree (`lu` in SQL). */
export const LAUNCHED_MOVEMENT = unitInSubtree<MovementAccess>('đơn vị phát động', 'lu.path', (m) => m.ownerPath);

/** Emulation movements: announced to every caller with a scope; changed by the launching unit's subtree (emulation:manage). */
export const MOVEMENT_POLICY = definePolicy<MovementAccess, 'update'>({
  resource: 'phong trào thi đua',
  read: 'emulation:read',
  see: anyScopedCaller(),
  create: 'emulation:manage',
  actions: {
    update: {
      permission: 'emulation:manage',
      scope: LAUNCHED_MOVEMENT,
      refusal: 'Phong trào này do đơn vị khác phát động: chỉ đơn vị đó (hoặc cấp trên) được sửa.',
    },
  },
});

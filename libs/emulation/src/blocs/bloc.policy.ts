import { definePolicy, anyOf, someUnitInSubtree, unitInSubtree } from '@danvan/kit';

/** What the bloc policy reads of a bloc (or of a pledge, which its bloc's rules govern). */
export interface BlocAccess {
  /** Path of the bloc's managing unit. */
  ownerPath: string;
  /** Paths of its members (only `canSee` reads them; SQL reads the member table). */
  memberPaths?: readonly string[];
  /** The bloc's pledge, if it has one (a bloc has at most one). */
  pledgeId?: string | null;
}

/**
 * The bloc's managing unit lies in the caller's subtree: the caller manages the
 * bloc (and its pledge). In SQL over a query where `ou` is the managing unit.
 */
export const MANAGES_BLOC = unitInSubtree<BlocAccess>('đơn vị quản lý khối', 'ou.path', (b) => b.ownerPath);

/** One of the bloc's members lies in the caller's subtree (an organisation sees the blocs it competes in); `b` is the bloc. */
export const MEMBER_OF_BLOC = someUnitInSubtree<BlocAccess>(
  'đơn vị thành viên của khối',
  (inSubtree) =>
    `EXISTS (SELECT 1 FROM emulation_bloc_member sb JOIN unit_directory sm ON sm.id = sb.unit_id WHERE sb.bloc_id = b.id AND ${inSubtree('sm.path')})`,
  (b) => b.memberPaths ?? [],
);

/**
 * Emulation blocs: seen by their managing unit's subtree and their members';
 * changed (and given a pledge) by the managing unit's subtree (emulation:manage).
 */
export const BLOC_POLICY = definePolicy<BlocAccess, 'update' | 'createPledge'>({
  resource: 'khối thi đua',
  read: 'emulation:read',
  see: anyOf(MANAGES_BLOC, MEMBER_OF_BLOC),
  create: 'emulation:manage',
  actions: {
    update: {
      permission: 'emulation:manage',
      scope: MANAGES_BLOC,
      refusal: 'Khối thi đua này do đơn vị khác quản lý: chỉ đơn vị quản lý khối được thay đổi.',
    },
    createPledge: {
      permission: 'emulation:manage',
      scope: MANAGES_BLOC,
      refusal: 'Khối thi đua này do đơn vị khác quản lý: chỉ đơn vị quản lý khối được thay đổi.',
      when: (b) => !b.pledgeId,
    },
  },
});

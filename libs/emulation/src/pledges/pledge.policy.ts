import type { PledgeStatus } from '@danvan/contracts';
import { anyOf, definePolicy, unitInSubtree } from '@danvan/kit';
import { MANAGES_BLOC, MEMBER_OF_BLOC, type BlocAccess } from '../blocs/bloc.policy.js';
import { PLEDGE_LIFECYCLE } from '../domain/pledge-lifecycle.js';

/** What the pledge policy reads of a pledge. */
export interface PledgeAccess extends BlocAccess {
  status: PledgeStatus;
}

const MANAGER_ONLY = 'Giao ước này do đơn vị khác quản lý: chỉ đơn vị quản lý khối được thay đổi.';

/**
 * WHO MAY FINALISE A PLEDGE — and take any other step of it — is answered here.
 *
 * A pledge is run by its bloc's managing unit: a caller holding `emulation:manage`
 * whose subtree holds that unit (MANAGES_BLOC) may edit it, set its criteria,
 * sign it and move it on (`advance`), and reviews its signatories' score sheets.
 * Which step comes next and what it needs (to finalise: every signatory's sheet
 * accepted) is the pledge's lifecycle, PLEDGE_LIFECYCLE: a view offers
 * `sign` / `advance:<STATUS>` for the step the table allows from its status, the
 * lifecycle's guard refuses it while the step before is incomplete. The
 * endpoints' guards declare the permission from here (`PLEDGE_POLICY.permission`),
 * so nothing else decides.
 *
 * Seen by the managing unit's subtree and the bloc's members' (`see`, rendered in
 * the pledge reads' SQL). `oversee`: sees every signatory's registration, sheet
 * and the ranking before it is final (no permission beyond reading).
 */
export const PLEDGE_POLICY = definePolicy<PledgeAccess, 'update' | 'setCriteria' | 'sign' | 'advance' | 'review' | 'oversee'>({
  resource: 'giao ước thi đua',
  read: 'emulation:read',
  see: anyOf(MANAGES_BLOC, MEMBER_OF_BLOC),
  actions: {
    update: { permission: 'emulation:manage', scope: MANAGES_BLOC, refusal: MANAGER_ONLY, when: (p) => p.status !== 'FINALISED' },
    setCriteria: {
      permission: 'emulation:manage',
      scope: MANAGES_BLOC,
      refusal: MANAGER_ONLY,
      when: (p) => p.status !== 'UNDER_REVIEW' && p.status !== 'FINALISED',
    },
    sign: {
      permission: 'emulation:manage',
      scope: MANAGES_BLOC,
      refusal: MANAGER_ONLY,
      when: (p) => PLEDGE_LIFECYCLE.allows(p.status, 'sign'),
    },
    advance: {
      permission: 'emulation:manage',
      scope: MANAGES_BLOC,
      refusal: MANAGER_ONLY,
      offeredAs: {
        names: PLEDGE_LIFECYCLE.spec.transitions.map((t) => t.action).filter((action) => action.startsWith('advance:')),
        pick: (p) => PLEDGE_LIFECYCLE.actionsFrom(p.status).filter((action) => action.startsWith('advance:')),
      },
    },
    review: {
      permission: 'emulation:manage',
      scope: MANAGES_BLOC,
      refusal: 'Chỉ đơn vị quản lý khối thi đua được thẩm định bảng điểm.',
      when: (p) => p.status === 'SCORING_OPEN' || p.status === 'UNDER_REVIEW',
    },
    // Not an action a view offers: what a manager's reads show.
    oversee: { permission: null, scope: MANAGES_BLOC, refusal: MANAGER_ONLY, offeredAs: { names: [], pick: () => [] } },
  },
});

/** What the registration policy reads of a signatory's registration. */
export interface RegistrationAccess {
  /** Path of the pledge's bloc's managing unit. */
  ownerPath: string;
  /** Path of the registering unit. */
  unitPath: string;
}

/** The registering unit lies in the caller's subtree (`ru` in SQL): a unit registers for itself or for units below it. */
export const OWN_REGISTRATION = unitInSubtree<RegistrationAccess>('đơn vị đăng ký', 'ru.path', (r) => r.unitPath);

/**
 * Registrations of targets: seen by the registering unit's subtree and by the
 * bloc's manager (every registration of the pledge); made by the registering
 * unit's subtree (emulation:submit).
 */
export const REGISTRATION_POLICY = definePolicy<RegistrationAccess, 'register'>({
  resource: 'bản đăng ký chỉ tiêu',
  read: 'emulation:read',
  see: anyOf(
    unitInSubtree<RegistrationAccess>(
      'đơn vị quản lý khối',
      '(SELECT ou.path FROM pledge p JOIN emulation_bloc b ON b.id = p.bloc_id JOIN unit_directory ou ON ou.id = b.owner_unit_id WHERE p.id = r.pledge_id)',
      (r) => r.ownerPath,
    ),
    OWN_REGISTRATION,
  ),
  actions: {
    register: {
      permission: 'emulation:submit',
      scope: OWN_REGISTRATION,
      refusal: 'Đơn vị đăng ký không tồn tại hoặc nằm ngoài phạm vi của bạn.',
    },
  },
});

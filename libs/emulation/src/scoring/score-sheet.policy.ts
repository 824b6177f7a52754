import type { PledgeStatus, ScoreSheetStatus } from '@danvan/contracts';
import { anyOf, definePolicy, unitInSubtree } from '@danvan/kit';
import { SHEET_REVIEW } from '../domain/scoring.js';

/** What the score-sheet policy reads of a sheet (or of a signatory's place in a pledge, before its sheet exists). */
export interface SheetAccess {
  /** Path of the scored unit. */
  unitPath: string;
  /** Path of the pledge's bloc's managing unit (the reviewers; absent: not known yet, so not reached). */
  ownerPath?: string;
  /** The pledge's and the sheet's states, which `allowedActions` reads (null: no sheet yet). */
  pledgeStatus?: PledgeStatus;
  status?: ScoreSheetStatus | null;
}

/** The scored unit lies in the caller's subtree: a unit scores only for itself. In SQL `u` is the scored unit. */
export const OWN_SHEET = unitInSubtree<SheetAccess>('đơn vị được chấm', 'u.path', (s) => s.unitPath);

/** The pledge's bloc's managing unit lies in the caller's subtree: the reviewers. */
export const REVIEWS_SHEET = unitInSubtree<SheetAccess>(
  'đơn vị quản lý khối',
  '(SELECT ou.path FROM pledge p JOIN emulation_bloc b ON b.id = p.bloc_id JOIN unit_directory ou ON ou.id = b.owner_unit_id WHERE p.id = s.pledge_id)',
  (s) => s.ownerPath ?? null,
);

/** The unit works on its sheet while scoring is open, or on a sheet returned to it during review. */
function withUnit(s: SheetAccess): boolean {
  const editable = !s.status || s.status === 'DRAFT' || s.status === 'RETURNED';
  return editable && (s.pledgeStatus === 'SCORING_OPEN' || (s.pledgeStatus === 'UNDER_REVIEW' && s.status === 'RETURNED'));
}

const underReview = (s: SheetAccess) => s.pledgeStatus === 'SCORING_OPEN' || s.pledgeStatus === 'UNDER_REVIEW';
const REVIEWERS_ONLY = 'Chỉ đơn vị quản lý khối thi đua được thẩm định bảng điểm.';
const OWN_UNIT_ONLY = 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn.';

/**
 * Score sheets and their evidence: seen by the scored unit's subtree and the
 * reviewers'; scored, given evidence and submitted by the unit (emulation:submit);
 * reviewed — scored, accepted, returned — by the reviewers (emulation:manage).
 * `submit`, `accept` and `return` are SHEET_REVIEW's transitions.
 */
export const SHEET_POLICY = definePolicy<SheetAccess, 'selfScore' | 'submit' | 'reviewScore' | 'accept' | 'return'>({
  resource: 'bảng chấm điểm',
  read: 'emulation:read',
  see: anyOf(REVIEWS_SHEET, OWN_SHEET),
  actions: {
    selfScore: { permission: 'emulation:submit', scope: OWN_SHEET, refusal: OWN_UNIT_ONLY, when: withUnit },
    submit: {
      permission: 'emulation:submit',
      scope: OWN_SHEET,
      refusal: OWN_UNIT_ONLY,
      when: (s) => !!s.status && withUnit(s) && SHEET_REVIEW.allows(s.status, 'submit'),
    },
    reviewScore: {
      permission: 'emulation:manage',
      scope: REVIEWS_SHEET,
      refusal: REVIEWERS_ONLY,
      when: (s) => underReview(s) && s.status === 'SUBMITTED',
    },
    accept: {
      permission: 'emulation:manage',
      scope: REVIEWS_SHEET,
      refusal: REVIEWERS_ONLY,
      when: (s) => underReview(s) && !!s.status && SHEET_REVIEW.allows(s.status, 'accept'),
    },
    return: {
      permission: 'emulation:manage',
      scope: REVIEWS_SHEET,
      refusal: REVIEWERS_ONLY,
      when: (s) => underReview(s) && !!s.status && SHEET_REVIEW.allows(s.status, 'return'),
    },
  },
});

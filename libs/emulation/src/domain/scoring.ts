import {
  REVIEW_STEPS,
  SCORE_SHEET_STATUS_LABELS,
  capOverruns,
  scorableItems,
  scoreProblem,
  type CriteriaSetContent,
  type FieldError,
  type ScorableItem,
  type ScoreSheetStatus,
} from '@danvan/contracts';
import { defineLifecycle } from '@danvan/kit';

export interface GivenScore {
  itemCode: string;
  score: number;
}

/**
 * Checks scores against a criteria set: every item exists, 0 ≤ score ≤ its
 * maximum (hundredths at most), and bonus and deduction points stay within
 * their caps once `others` (the sheet's other lines) are counted.
 */
export function checkScores(set: CriteriaSetContent, given: GivenScore[], others: GivenScore[] = []): FieldError[] {
  const items = new Map(scorableItems(set).map((item) => [item.code, item]));
  // A criterion split into sub-criteria is scored only through them.
  const split = new Map(
    set.groups
      .flatMap((g) => g.criteria)
      .filter((c) => c.subCriteria?.length)
      .map((c) => [c.code, (c.subCriteria ?? []).map((sub) => sub.code)]),
  );
  const errors: FieldError[] = [];
  given.forEach((g, i) => {
    const item = items.get(g.itemCode);
    const field = `scores[${i}]`;
    if (!item) {
      const subCodes = split.get(g.itemCode);
      errors.push(
        subCodes
          ? {
              field: `${field}.itemCode`,
              code: 'hasSubCriteria',
              message: `Tiêu chí ${g.itemCode} được chấm qua các tiêu chí con ${subCodes.join(', ')}: hãy chấm từng tiêu chí con.`,
            }
          : { field: `${field}.itemCode`, code: 'unknownItem', message: `Bảng tiêu chí không có mục "${g.itemCode}".` },
      );
      return;
    }
    const problem = scoreProblem(item, g.score);
    if (problem === 'range') {
      errors.push({ field: `${field}.score`, code: 'range', message: `Điểm mục ${item.code} phải từ 0 đến ${item.maxScore}.` });
    } else if (problem === 'decimals') {
      errors.push({
        field: `${field}.score`,
        code: 'decimals',
        message: `Điểm mục ${item.code} có tối đa 2 chữ số thập phân (đã gửi ${g.score}).`,
      });
    }
  });
  if (errors.length) return errors;
  const merged = new Map(others.map((o) => [o.itemCode, o.score]));
  for (const g of given) merged.set(g.itemCode, g.score);
  const lines = [...merged.entries()].map(([code, score]) => ({ kind: items.get(code)?.kind ?? '', score }));
  for (const { kind, total, cap } of capOverruns(set, lines)) {
    errors.push(
      kind === 'BONUS'
        ? { field: 'scores', code: 'bonusCap', message: `Tổng điểm cộng (${total}) vượt mức cộng tối đa ${cap}.` }
        : { field: 'scores', code: 'deductionCap', message: `Tổng điểm trừ (${total}) vượt mức trừ tối đa ${cap}.` },
    );
  }
  return errors;
}

/** Criteria (not bonus or deduction items) a sheet has not scored yet: it cannot be submitted while any remain. */
export function unscoredCriteria(set: CriteriaSetContent, scoredCodes: Iterable<string>): ScorableItem[] {
  const scored = new Set(scoredCodes);
  return scorableItems(set).filter((item) => item.kind === 'CRITERION' && !scored.has(item.code));
}

export type ReviewDecision = 'ACCEPT' | 'RETURN';

/** Where a submitted sheet goes on a reviewer's decision: up one step, done after the last, or back to the unit. */
export function afterReview(step: number, decision: ReviewDecision): { status: ScoreSheetStatus; step: number } {
  if (decision === 'RETURN') return { status: 'RETURNED', step: 0 };
  return step >= REVIEW_STEPS.length ? { status: 'ACCEPTED', step: REVIEW_STEPS.length } : { status: 'SUBMITTED', step: step + 1 };
}

/** An accept already given in the current review round (since the sheet's latest submission). */
export interface RoundAcceptance {
  step: number;
  /** The account (or API key) id of who accepted; null for a caller without one (the bare system context of scripts). */
  actorId: string | null;
}

/**
 * The review steps are done by different people: within one round (since the
 * sheet's latest submission) whoever accepted an earlier step may not accept a
 * later one. Returning the sheet is open to any reviewer. `actorId` is the
 * caller's account (or API key) id; callers without one count as one and the
 * same person. Nor does whoever submitted the sheet for the unit (`submittedBy`,
 * e.g. a secretariat entering a unit's paper sheet) review it. null when the
 * decision may be taken, else the refusal.
 */
export function reviewerRefusal(
  step: number,
  decision: ReviewDecision,
  actorId: string | null,
  accepted: readonly RoundAcceptance[],
  submittedBy?: string | null,
): FieldError | null {
  if (decision !== 'ACCEPT') return null;
  const label = REVIEW_STEPS.find((s) => s.step === step)?.label;
  if (submittedBy !== undefined && submittedBy === actorId) {
    return {
      field: 'reviewer',
      code: 'submitter',
      message: `Người đã nộp bảng điểm không tự thẩm định: bước ${step}${label ? ` (${label})` : ''} phải do người khác thực hiện.`,
    };
  }
  const earlier = [...new Set(accepted.filter((a) => a.step < step && a.actorId === actorId).map((a) => a.step))].sort((a, b) => a - b);
  if (!earlier.length) return null;
  const steps = earlier.length === 1 ? `${earlier[0]}` : `${earlier.slice(0, -1).join(', ')} và ${earlier[earlier.length - 1]}`;
  return {
    field: 'reviewer',
    code: 'sameReviewer',
    message: `Bước ${step}${label ? ` (${label})` : ''} phải do người khác với người đã duyệt bước ${steps} thực hiện.`,
  };
}

/** What a move of a sheet along its review is checked against. */
export interface ReviewFacts {
  /** The sheet's review step (1…REVIEW_STEPS.length while submitted). */
  step: number;
  /** Who asks (account or API key id; null for the bare system context). */
  actorId: string | null;
  /** Accepts already given in the current round (accept). */
  accepted: readonly RoundAcceptance[];
  /** Who submitted the sheet in the current round (accept). */
  submittedBy?: string | null;
  /** The reviewer's reason (return). */
  reason?: string | null;
  /** Criteria not scored yet (submit). */
  unscored?: readonly ScorableItem[];
}

/**
 * A score sheet's review: the unit submits it (every criterion scored), the
 * reviewers accept it up the chain of REVIEW_STEPS (each step by someone else:
 * `reviewerRefusal`) or return it with a reason. Who may take these steps is the
 * score-sheet policy's (scoring/score-sheet.policy.ts).
 */
export const SHEET_REVIEW = defineLifecycle<ScoreSheetStatus, ReviewFacts>({
  entity: 'score-sheet',
  field: 'status',
  noTransition: (from, action) =>
    action === 'submit'
      ? {
          field: 'status',
          code: 'submitted',
          message: `Bảng điểm ${SCORE_SHEET_STATUS_LABELS[from].toLowerCase()}: đơn vị không sửa được nữa.`,
        }
      : {
          field: 'status',
          code: 'notUnderReview',
          message: `Bảng điểm ${SCORE_SHEET_STATUS_LABELS[from].toLowerCase()}: không có gì để thẩm định.`,
        },
  transitions: [
    {
      action: 'submit',
      from: ['DRAFT', 'RETURNED'],
      to: 'SUBMITTED',
      guard: ({ unscored = [] }) =>
        unscored.length
          ? {
              field: 'scores',
              code: 'incomplete',
              message: `Chưa chấm ${unscored.length} tiêu chí: ${unscored
                .slice(0, 10)
                .map((m) => m.code)
                .join(', ')}${unscored.length > 10 ? ' …' : ''}.`,
            }
          : null,
    },
    {
      action: 'accept',
      from: ['SUBMITTED'],
      to: (facts) => afterReview(facts.step, 'ACCEPT').status,
      audit: 'review-accept',
      guard: (facts) => reviewerRefusal(facts.step, 'ACCEPT', facts.actorId, facts.accepted, facts.submittedBy),
    },
    {
      action: 'return',
      from: ['SUBMITTED'],
      to: 'RETURNED',
      audit: 'review-return',
      guard: (facts) =>
        facts.reason?.trim() ? null : { field: 'reason', code: 'required', message: 'Trả lại bảng điểm phải ghi rõ lý do.' },
    },
  ],
});

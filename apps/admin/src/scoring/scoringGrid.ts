/**
 * The scoring grid as the reviewers see it, built from the pledge's criteria set and its score sheets:
 * one row per signatory unit, one column per scorable item (criteria without sub-criteria, sub-criteria,
 * bonus and deduction items, in the order of the set), each cell with the unit's self-score, the reviewed
 * score and the line's version. Also the checks and variables of a reviewer's score and of a unit's own
 * self-scores. The scoring rules themselves (scorable items, score range, caps) are the server's, imported
 * from libs/contracts/src/scoring-rules.ts. Pure, unit-tested.
 */
import {
  capOverruns,
  countedScore,
  scorableItems,
  scoreProblem,
  SCORE_COMMENT_MAX_LENGTH,
  type CappedKind,
  type CriteriaSetContent,
  type PledgeStatus,
  type ScorableItem,
  type ScoreItemKind,
} from '@danvan/contracts';
import type { UnitRef } from '../emulation/refs';
import type { ReviewScoreVariables, ScoreSheet, ScoreTotals } from './scoringData';

/** A heading over consecutive columns: a criteria group, the bonus items or the deduction items. */
export interface ColumnGroup {
  kind: ScoreItemKind;
  /** The group's code and title for criteria; empty for bonus and deduction (the UI names them). */
  code: string;
  title: string;
  span: number;
}

export interface GridCell {
  itemCode: string;
  selfScore: number | null;
  reviewedScore: number | null;
  reviewComment: string | null;
  /** The line's version; 0 when the line does not exist yet. */
  version: number;
  /** What counts: the reviewed score where given, else the self-score. */
  score: number | null;
  /** Evidence files attached to the item. */
  evidenceCount: number;
}

export interface GridRow {
  unit: UnitRef;
  /** Null while the unit has not started scoring. */
  sheet: ScoreSheet | null;
  cells: Record<string, GridCell>;
  totals: ScoreTotals | null;
  /** The sheet was scored against another version of the criteria set than the current one. */
  otherCriteriaVersion: boolean;
}

export interface ScoringGrid {
  items: ScorableItem[];
  groups: ColumnGroup[];
  rows: GridRow[];
}

const emptyCell = (itemCode: string): GridCell => ({
  itemCode,
  selfScore: null,
  reviewedScore: null,
  reviewComment: null,
  version: 0,
  score: null,
  evidenceCount: 0,
});

/** The cells of one sheet by item code; items without a line get an empty cell (version 0). */
export const sheetCells = (items: readonly ScorableItem[], sheet: ScoreSheet | null): Record<string, GridCell> => {
  const cells: Record<string, GridCell> = Object.fromEntries(items.map((item) => [item.code, emptyCell(item.code)]));
  for (const line of sheet?.lines ?? []) {
    cells[line.itemCode] = {
      itemCode: line.itemCode,
      selfScore: line.selfScore,
      reviewedScore: line.reviewedScore,
      reviewComment: line.reviewComment,
      version: line.version,
      score: countedScore(line),
      evidenceCount: line.evidenceCount ?? 0,
    };
  }
  return cells;
};

const columnGroups = (set: CriteriaSetContent | null | undefined, items: readonly ScorableItem[]): ColumnGroup[] => {
  const groups: ColumnGroup[] = [];
  for (const group of set?.groups ?? []) {
    const span = items.filter((item) => item.kind === 'CRITERION' && item.groupCode === group.code).length;
    if (span > 0) groups.push({ kind: 'CRITERION', code: group.code, title: group.title, span });
  }
  for (const kind of ['BONUS', 'DEDUCTION'] as const) {
    const span = items.filter((item) => item.kind === kind).length;
    if (span > 0) groups.push({ kind, code: '', title: '', span });
  }
  return groups;
};

/**
 * The grid: a row per signatory (in the order given), with its sheet when it has one; sheets of units that
 * are not (or no longer) signatories follow. `currentSetNumber` flags sheets scored against another version.
 */
export const buildScoringGrid = (
  set: CriteriaSetContent | null | undefined,
  sheets: readonly ScoreSheet[],
  signatories: readonly UnitRef[],
  currentSetNumber: number | null = null,
): ScoringGrid => {
  const items = scorableItems(set);
  const byUnit = new Map(sheets.map((sheet) => [sheet.unit.id, sheet]));
  const units = [
    ...signatories,
    ...sheets.map((sheet) => sheet.unit).filter((unit) => !signatories.some((signatory) => signatory.id === unit.id)),
  ];
  const rows = units.map((unit): GridRow => {
    const sheet = byUnit.get(unit.id) ?? null;
    return {
      unit,
      sheet,
      cells: sheetCells(items, sheet),
      totals: sheet?.totals ?? null,
      otherCriteriaVersion: sheet !== null && currentSetNumber !== null && sheet.criteriaSetNumber !== currentSetNumber,
    };
  });
  return { items, groups: columnGroups(set, items), rows };
};

/** The sheets with `updated` in place of the sheet of the same unit (or added). */
export const replaceSheet = (sheets: readonly ScoreSheet[], updated: ScoreSheet): ScoreSheet[] =>
  sheets.some((sheet) => sheet.unit.id === updated.unit.id)
    ? sheets.map((sheet) => (sheet.unit.id === updated.unit.id ? updated : sheet))
    : [...sheets, updated];

/** Pledge steps during which reviewers score and decide. */
const REVIEW_OPEN: readonly PledgeStatus[] = ['SCORING_OPEN', 'UNDER_REVIEW'];

/** Whether a reviewer may score and decide this unit's sheet now: submitted, while the pledge is being scored or reviewed. */
export const isReviewable = (pledgeStatus: string, sheet: ScoreSheet | null): boolean =>
  sheet !== null && sheet.status === 'SUBMITTED' && (REVIEW_OPEN as readonly string[]).includes(pledgeStatus);

/**
 * Whether the unit may change its self-scores (and evidence) now, as the server decides: while scoring is
 * open, on a sheet with the unit (not started, draft, returned); during the review, only on a returned sheet.
 */
export const isSelfScorable = (pledgeStatus: string, sheet: ScoreSheet | null): boolean =>
  (pledgeStatus === 'SCORING_OPEN' && (sheet === null || sheet.status === 'DRAFT' || sheet.status === 'RETURNED')) ||
  (pledgeStatus === 'UNDER_REVIEW' && sheet?.status === 'RETURNED');

/** A translation key and its arguments. */
export interface Problem {
  message: string;
  args?: Record<string, unknown>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** A typed score (`7`, `7.5`, `7,5`) checked against the item: 0 to its maximum, hundredths at most. */
export const checkScore = (typed: string, item: ScorableItem): Checked<number> => {
  if (typed.trim() === '') return { ok: false, problem: { message: 'danvan.scoring.scoreRequired' } };
  const value = Number(typed.trim().replace(',', '.'));
  if (scoreProblem(item, value) !== null) {
    return { ok: false, problem: { message: 'danvan.scoring.scoreRange', args: { code: item.code, max: item.maxScore } } };
  }
  return { ok: true, value };
};

/**
 * A reviewer's score on one cell → the reviewScore variables: the line's version read with the grid (0 for
 * a line that does not exist yet), so that of two reviewers scoring from the same version only one wins.
 */
export const toReviewScoreVariables = (
  pledgeId: string,
  unitId: string,
  item: ScorableItem,
  cell: GridCell | undefined,
  typed: string,
  comment: string,
): Checked<ReviewScoreVariables> => {
  const checked = checkScore(typed, item);
  if (!checked.ok) return checked;
  const trimmed = comment.trim();
  return {
    ok: true,
    value: {
      pledgeId,
      unitId,
      expectedLineVersion: cell?.version ?? 0,
      input: { itemCode: item.code, score: checked.value, comment: trimmed === '' ? null : trimmed },
    },
  };
};

/** The self-scores a sheet holds, as the texts of the inputs of the unit's own sheet. */
export const selfScoreDraft = (items: readonly ScorableItem[], sheet: ScoreSheet | null): Record<string, string> => {
  const cells = sheetCells(items, sheet);
  return Object.fromEntries(
    items.map((item) => {
      const value = cells[item.code]?.selfScore;
      return [item.code, value === null || value === undefined ? '' : String(value)];
    }),
  );
};

/** The unit's comments (giải trình) on its lines, as the texts of their inputs ('' where none). */
export const selfCommentDraft = (
  items: readonly ScorableItem[],
  lines: readonly { itemCode: string; selfComment: string | null }[] | null | undefined,
): Record<string, string> => {
  const comments = new Map((lines ?? []).map((line) => [line.itemCode, line.selfComment ?? '']));
  return Object.fromEntries(items.map((item) => [item.code, comments.get(item.code) ?? '']));
};

/** The texts of the inputs of a unit's own sheet: the self-scores and the comments, by item code. */
export interface SelfDraft {
  scores: Record<string, string>;
  comments: Record<string, string>;
}

const sameText = (a: string | undefined, b: string | undefined) => (a ?? '') === (b ?? '');

/** Items whose score or comment the user changed since `base` (the sheet as last read), i.e. what a save would change. */
export const editedItems = (items: readonly ScorableItem[], base: SelfDraft, typed: SelfDraft): string[] =>
  items
    .filter(
      (item) =>
        !sameText(typed.scores[item.code], base.scores[item.code]) || !sameText(typed.comments[item.code], base.comments[item.code]),
    )
    .map((item) => item.code);

/**
 * A newer version of the sheet read while the user was typing (saved elsewhere, by another person or tab):
 * each input the user changed since `base` keeps what was typed, every other input takes `latest`. Answers
 * the texts and the items whose unsaved input was kept over the newer sheet (those a save would still change).
 */
export const rebaseSelfDraft = (
  items: readonly ScorableItem[],
  base: SelfDraft,
  typed: SelfDraft,
  latest: SelfDraft,
): { draft: SelfDraft; kept: string[] } => {
  const draft: SelfDraft = { scores: {}, comments: {} };
  for (const item of items) {
    const code = item.code;
    draft.scores[code] = sameText(typed.scores[code], base.scores[code]) ? (latest.scores[code] ?? '') : (typed.scores[code] ?? '');
    draft.comments[code] = sameText(typed.comments[code], base.comments[code])
      ? (latest.comments[code] ?? '')
      : (typed.comments[code] ?? '');
  }
  return { draft, kept: editedItems(items, latest, draft) };
};

export interface SelfScore {
  itemCode: string;
  score: number;
  /** The unit's comment on the line; null clears it. */
  comment: string | null;
}

/** What a sheet refuses besides one line: a capped section's total over its cap. */
export type SectionProblems = Partial<Record<CappedKind, Problem>>;

export interface SelfScoreRules {
  /** Item codes whose self-score the sheet holds: the server keeps a line that is not sent, so one cannot be emptied. */
  saved?: Iterable<string>;
  /** The criteria set's caps: the bonus (or deduction) points of the lines sent may not add up to more. */
  caps?: Pick<CriteriaSetContent, 'bonusCap' | 'deductionCap'>;
}

/** Item codes of the lines of `sheet` that hold a self-score. */
export const savedSelfScoreCodes = (sheet: ScoreSheet | null): string[] =>
  (sheet?.lines ?? []).filter((line) => line.selfScore !== null).map((line) => line.itemCode);

/**
 * The unit's typed self-scores and comments → the lines to save (those with a score; an item left empty is
 * not sent), or the problems by item code and by capped section. A comment goes with its line's score: one
 * without a score is a problem, not silently dropped. A line whose saved score was emptied is a problem too
 * (the server would keep the saved score while the page said saved), and so are bonus or deduction points
 * over the set's cap (checked here, as the server does, before anything is sent).
 */
export const toSelfScores = (
  items: readonly ScorableItem[],
  draft: Record<string, string>,
  comments: Record<string, string> = {},
  rules: SelfScoreRules = {},
): { ok: true; scores: SelfScore[] } | { ok: false; problems: Record<string, Problem>; sections: SectionProblems } => {
  const saved = new Set(rules.saved ?? []);
  const scores: SelfScore[] = [];
  const problems: Record<string, Problem> = {};
  const sections: SectionProblems = {};
  const kinds = new Map(items.map((item) => [item.code, item.kind]));
  for (const item of items) {
    const typed = draft[item.code] ?? '';
    const comment = (comments[item.code] ?? '').trim();
    if (comment.length > SCORE_COMMENT_MAX_LENGTH) {
      problems[item.code] = { message: 'danvan.scoring.commentTooLong', args: { code: item.code, max: SCORE_COMMENT_MAX_LENGTH } };
      continue;
    }
    if (typed.trim() === '') {
      if (saved.has(item.code)) problems[item.code] = { message: 'danvan.scoring.cannotClear', args: { code: item.code } };
      else if (comment !== '') problems[item.code] = { message: 'danvan.scoring.commentNeedsScore', args: { code: item.code } };
      continue;
    }
    const checked = checkScore(typed, item);
    if (!checked.ok) {
      problems[item.code] = checked.problem;
      continue;
    }
    scores.push({ itemCode: item.code, score: checked.value, comment: comment === '' ? null : comment });
  }
  const sent = scores.map((line) => ({ kind: kinds.get(line.itemCode) ?? 'CRITERION', score: line.score }));
  for (const { kind, total, cap } of rules.caps ? capOverruns(rules.caps, sent) : []) {
    sections[kind] = {
      message: kind === 'BONUS' ? 'danvan.scoring.bonusCapExceeded' : 'danvan.scoring.deductionCapExceeded',
      args: { total: formatScore(total), cap: formatScore(cap) },
    };
  }
  return Object.keys(problems).length > 0 || Object.keys(sections).length > 0 ? { ok: false, problems, sections } : { ok: true, scores };
};

/** A refusal of saved self-scores, placed: the server's messages by item code and by capped section, the rest apart. */
export interface SelfScoreRefusal {
  lines: Record<string, string>;
  sections: Partial<Record<CappedKind, string>>;
  other: string[];
}

/**
 * The server's field errors on a save of self-scores → where the page shows them. `scores[i]` (or `scores.i.…`
 * from input validation) names the i-th line sent, so the item code is that of `sent[i]`; `scores` with the code
 * bonusCap or deductionCap names a section. What fits nowhere (a duplicate line …) goes to `other`.
 */
export const placeSelfScoreRefusal = (
  fields: readonly { field: string; code?: string; message: string }[],
  sent: readonly Pick<SelfScore, 'itemCode'>[],
): SelfScoreRefusal => {
  const refusal: SelfScoreRefusal = { lines: {}, sections: {}, other: [] };
  for (const { field, code, message } of fields) {
    const path = field.replace(/^input\./, '');
    const line = /^scores(?:\[(\d+)\]|\.(\d+))(?:\.|$)/.exec(path);
    const itemCode = line ? sent[Number(line[1] ?? line[2])]?.itemCode : undefined;
    if (itemCode !== undefined) refusal.lines[itemCode] ??= message;
    else if (path === 'scores' && code === 'bonusCap') refusal.sections.BONUS ??= message;
    else if (path === 'scores' && code === 'deductionCap') refusal.sections.DEDUCTION ??= message;
    else refusal.other.push(message);
  }
  return refusal;
};

/** A message of the server (already Vietnamese) as a Problem the page translates to itself. */
export const serverProblem = (message: string): Problem => ({ message, args: { _: message } });

/** Scores print with up to two decimals and a decimal comma (7,5). */
export const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);

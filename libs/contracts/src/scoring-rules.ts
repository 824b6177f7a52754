/**
 * The scoring rules both sides apply, in one place: which lines of a criteria set are scored, the range of a
 * score on a line, how the bonus and deduction caps apply and how a sheet's total is computed. The server
 * (libs/emulation) refuses with them in Vietnamese; the admin checks typed scores with them before sending.
 * Pure: no messages, no I/O.
 */
import type { CriteriaSetContent, CriterionItem } from './emulation.js';

export type ScoreItemKind = 'CRITERION' | 'BONUS' | 'DEDUCTION';

/** The bonus and the deduction items: the sections of a sheet whose points are capped. */
export type CappedKind = Exclude<ScoreItemKind, 'CRITERION'>;

/** A scored line of a criteria set, with the kind of points it gives. */
export interface ScorableItem extends CriterionItem {
  kind: ScoreItemKind;
  /** Code of the criteria group; null for bonus and deduction items. */
  groupCode: string | null;
}

/** The longest comment on a score line (the unit's giải trình, a reviewer's remark). */
export const SCORE_COMMENT_MAX_LENGTH = 2000;

/** Scores are kept to the hundredth (numeric(7,2) in the database). */
export const roundScore = (value: number): number => Math.round(value * 100) / 100;

const line = (item: CriterionItem, kind: ScoreItemKind, groupCode: string | null): ScorableItem => ({
  code: item.code,
  title: item.title,
  maxScore: item.maxScore,
  kind,
  groupCode,
});

/**
 * Every line a unit scores, in the order of the set: criteria without sub-criteria, the sub-criteria of the
 * others (a criterion split into sub-criteria is scored only through them), then bonus and deduction items.
 */
export function scorableItems(set: CriteriaSetContent | null | undefined): ScorableItem[] {
  if (!set) return [];
  const items: ScorableItem[] = [];
  for (const group of set.groups) {
    for (const criterion of group.criteria) {
      if (criterion.subCriteria?.length) for (const sub of criterion.subCriteria) items.push(line(sub, 'CRITERION', group.code));
      else items.push(line(criterion, 'CRITERION', group.code));
    }
  }
  for (const item of set.bonusItems) items.push(line(item, 'BONUS', null));
  for (const item of set.deductionItems) items.push(line(item, 'DEDUCTION', null));
  return items;
}

/** Highest total a unit can reach: every criterion at its maximum plus the bonus cap. */
export function maximumTotal(set: Pick<CriteriaSetContent, 'groups' | 'bonusCap'>): number {
  const criteria = set.groups.reduce((sum, group) => sum + group.criteria.reduce((s, criterion) => s + criterion.maxScore, 0), 0);
  return roundScore(criteria + set.bonusCap);
}

/**
 * What is wrong with a score given on a line: outside 0 to the line's maximum (`range`), or finer than a
 * hundredth (`decimals`); null when it stands.
 */
export function scoreProblem(item: Pick<CriterionItem, 'maxScore'>, score: number): 'range' | 'decimals' | null {
  if (!Number.isFinite(score) || score < 0 || score > item.maxScore) return 'range';
  return roundScore(score) !== score ? 'decimals' : null;
}

/** A capped section whose points add up to more than the set allows. */
export interface CapOverrun {
  kind: CappedKind;
  total: number;
  cap: number;
}

/** The set's cap on a section's points (cộng tối đa, trừ tối đa). */
export const capOf = (set: Pick<CriteriaSetContent, 'bonusCap' | 'deductionCap'>, kind: CappedKind): number =>
  kind === 'BONUS' ? set.bonusCap : set.deductionCap;

/** The points of the lines of one kind, summed to the hundredth. */
const sumOf = (lines: readonly { kind: string; score: number | null }[], kind: ScoreItemKind): number =>
  roundScore(lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + (l.score ?? 0), 0));

/**
 * The bonus and deduction points of a sheet's lines (all of them, not only those being changed) over the
 * set's caps: a save that leads there is refused. Empty when within the caps.
 */
export function capOverruns(
  set: Pick<CriteriaSetContent, 'bonusCap' | 'deductionCap'>,
  lines: readonly { kind: string; score: number | null }[],
): CapOverrun[] {
  return (['BONUS', 'DEDUCTION'] as const)
    .map((kind) => ({ kind, total: sumOf(lines, kind), cap: capOf(set, kind) }))
    .filter((section) => section.total > section.cap);
}

/** What counts on a line: the reviewed score where given, else the unit's self-score. */
export const countedScore = (line: { selfScore: number | null; reviewedScore: number | null }): number | null =>
  line.reviewedScore ?? line.selfScore;

export interface SheetTotals {
  criteria: number;
  bonus: number;
  deduction: number;
  total: number;
}

/**
 * A sheet's totals as the ranking computes them: criteria points, bonus and deduction each capped by the set,
 * total = criteria + bonus − deduction (each line counting its reviewed score where given, else the self-score).
 */
export function sheetTotals(
  set: Pick<CriteriaSetContent, 'bonusCap' | 'deductionCap'>,
  lines: readonly { itemKind: string; selfScore: number | null; reviewedScore: number | null }[],
): SheetTotals {
  const counted = lines.map((l) => ({ kind: l.itemKind, score: countedScore(l) }));
  const criteria = sumOf(counted, 'CRITERION');
  const bonus = Math.min(sumOf(counted, 'BONUS'), set.bonusCap);
  const deduction = Math.min(sumOf(counted, 'DEDUCTION'), set.deductionCap);
  return { criteria, bonus, deduction, total: roundScore(criteria + bonus - deduction) };
}

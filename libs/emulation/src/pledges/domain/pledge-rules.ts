import { DomainError } from '@danvan/core';
import type { CriteriaSetContent } from '@danvan/contracts';
import type { UnitRef } from '../../shared/refs.view.js';
import type { CriteriaSetInput } from '../dto/criteria-set.inputs.js';
import type { CriteriaSetView } from '../dto/criteria-set.view.js';
import type { PledgeProgressView } from '../dto/pledge.view.js';

/** A criteria set version as stored. */
export interface CriteriaSetRow {
  id: string;
  number: number;
  content: CriteriaSetContent;
  maxTotal: number;
  createdBy: string;
  createdAt: string;
}

export interface SignatoryProgress {
  unit: UnitRef;
  registered: boolean;
  sheetStatus: string | null;
}

/** Who has registered, submitted and been accepted, from the signatories' rows (in name order). */
export function progressOfSignatories(rows: SignatoryProgress[]): PledgeProgressView {
  const submitted = rows.filter((r) => r.sheetStatus === 'SUBMITTED' || r.sheetStatus === 'ACCEPTED');
  return {
    signatories: rows.length,
    registered: rows.filter((r) => r.registered).length,
    notRegistered: rows.filter((r) => !r.registered).map((r) => r.unit),
    submitted: submitted.length,
    notSubmitted: rows.filter((r) => !submitted.includes(r)).map((r) => r.unit),
    accepted: rows.filter((r) => r.sheetStatus === 'ACCEPTED').length,
  };
}

export function criteriaSetView(row: CriteriaSetRow | null): CriteriaSetView | null {
  if (!row) return null;
  return {
    ...row.content,
    id: row.id,
    number: row.number,
    maxTotal: Number(row.maxTotal),
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt),
  };
}

/** The plain content of a criteria set input (class instances → JSON-ready objects). */
export function contentOf(input: CriteriaSetInput): CriteriaSetContent {
  const item = (i: { code: string; title: string; maxScore: number }) => ({ code: i.code, title: i.title, maxScore: i.maxScore });
  return {
    groups: input.groups.map((g) => ({
      code: g.code,
      title: g.title,
      criteria: g.criteria.map((c) => (c.subCriteria?.length ? { ...item(c), subCriteria: c.subCriteria.map(item) } : item(c))),
    })),
    bonusItems: (input.bonusItems ?? []).map(item),
    bonusCap: input.bonusCap ?? 0,
    deductionItems: (input.deductionItems ?? []).map(item),
    deductionCap: input.deductionCap ?? 0,
    bands: input.bands.map((b) => ({ name: b.name, minScore: b.minScore })),
  };
}

/** A breakthrough task count is either a full range (min ≤ max) or absent. */
export function assertBreakthroughRange(min: number | null, max: number | null): void {
  if ((min === null) !== (max === null))
    throw DomainError.rule(
      'breakthroughMax',
      'range',
      'Hãy ghi cả số nhiệm vụ đột phá tối thiểu và tối đa (ví dụ 3 đến 5), hoặc bỏ trống cả hai.',
    );
  if (min !== null && max !== null && min > max)
    throw DomainError.rule('breakthroughMax', 'range', 'Số nhiệm vụ đột phá tối đa phải lớn hơn hoặc bằng số tối thiểu.');
}

/**
 * Scoring and review of a pledge over GraphQL: the score sheets of the grid (`pledge.scoreSheets`), the
 * ranking (`pledge.ranking`), a reviewer's score on one line (`reviewScore`, with the line's version), a
 * reviewer's decision on a sheet (`decideScoreSheet`), and a unit's own self-scores (`saveSelfScores`,
 * `submitScoreSheet`). Evidence and the review log of one sheet come over REST (sheetDetail.ts).
 *
 * The grid asks only for what its cells show: GraphQL refuses documents whose estimated size (up to 200
 * sheets × 150 lines) is too large, which comments, evidence and events of every line would exceed.
 */
import { HttpError, type Identifier } from 'react-admin';
import type { FieldError, ScoreSheetStatus } from '@danvan/contracts';
import type { Execute, FormErrors } from '../dataProvider';
import type { UnitRef } from '../emulation/refs';
import { placeSelfScoreRefusal, type SelfScoreRefusal } from './scoringGrid';

export interface ScoreLine {
  itemCode: string;
  selfScore: number | null;
  reviewedScore: number | null;
  reviewComment: string | null;
  /** The line's own version (a reviewer sends it back as expectedLineVersion). */
  version: number;
  /** How many evidence files the unit attached to the item (the files themselves are in the sheet's full view). */
  evidenceCount: number;
}

export interface ScoreTotals {
  criteria: number;
  bonus: number;
  deduction: number;
  total: number;
}

export interface ScoreSheet {
  id: string;
  unit: UnitRef;
  criteriaSetNumber: number;
  status: ScoreSheetStatus;
  statusLabel: string;
  reviewStep: number;
  reviewStepLabel: string | null;
  version: number;
  submittedAt: string | null;
  totals: ScoreTotals;
  lines: ScoreLine[];
}

export interface PledgeScoring {
  id: string;
  status: string;
  statusLabel: string;
  version: number;
  signatories: UnitRef[];
  scoreSheets: ScoreSheet[];
}

export interface RankingRow {
  rank: number | null;
  unit: UnitRef;
  status: ScoreSheetStatus | null;
  criteria: number | null;
  bonus: number | null;
  deduction: number | null;
  total: number | null;
  classification: string | null;
}

export interface Ranking {
  final: boolean;
  /** What the ranking shows: final, or provisional (submitted sheets only; a member unit sees its own rows). */
  note: string;
  tieRule: string;
  rows: RankingRow[];
}

export type ReviewDecision = 'ACCEPT' | 'RETURN';

const UNIT_REF = '{ id name shortName }';
export const SHEET_FIELDS = `id unit ${UNIT_REF} criteriaSetNumber status statusLabel reviewStep reviewStepLabel version submittedAt
  totals { criteria bonus deduction total } lines { itemCode selfScore reviewedScore reviewComment version evidenceCount }`;

export const PLEDGE_SCORING_QUERY = {
  operationName: 'PledgeScoring',
  query: `query PledgeScoring($id: ID!) { pledge(id: $id) { id status statusLabel version signatories ${UNIT_REF} scoreSheets { ${SHEET_FIELDS} } } }`,
};
export const PLEDGE_RANKING_QUERY = {
  operationName: 'PledgeRanking',
  query: `query PledgeRanking($id: ID!) { pledge(id: $id) { id ranking { final note tieRule
  rows { rank unit ${UNIT_REF} status criteria bonus deduction total classification } } } }`,
};
export const REVIEW_SCORE_MUTATION = {
  operationName: 'ReviewScore',
  query: `mutation ReviewScore($pledgeId: ID!, $unitId: ID!, $expectedLineVersion: Int!, $input: ScoreInput!) {
  reviewScore(pledgeId: $pledgeId, unitId: $unitId, expectedLineVersion: $expectedLineVersion, input: $input) { ${SHEET_FIELDS} } }`,
};
export const DECIDE_SCORE_SHEET_MUTATION = {
  operationName: 'DecideScoreSheet',
  query: `mutation DecideScoreSheet($pledgeId: ID!, $unitId: ID!, $expectedVersion: Int!, $decision: ReviewDecision!, $reason: String) {
  decideScoreSheet(pledgeId: $pledgeId, unitId: $unitId, expectedVersion: $expectedVersion, decision: $decision, reason: $reason) { ${SHEET_FIELDS} } }`,
};
export const SAVE_SELF_SCORES_MUTATION = {
  operationName: 'SaveSelfScores',
  query: `mutation SaveSelfScores($pledgeId: ID!, $unitId: ID!, $input: SelfScoresInput!, $expectedVersion: Int) {
  saveSelfScores(pledgeId: $pledgeId, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ${SHEET_FIELDS} } }`,
};
export const SUBMIT_SCORE_SHEET_MUTATION = {
  operationName: 'SubmitScoreSheet',
  query: `mutation SubmitScoreSheet($pledgeId: ID!, $unitId: ID!, $expectedVersion: Int!) {
  submitScoreSheet(pledgeId: $pledgeId, unitId: $unitId, expectedVersion: $expectedVersion) { ${SHEET_FIELDS} } }`,
};

/** Translation key shown when another reviewer scored the line first (the grid then reloads). */
export const LINE_CONFLICT_MESSAGE = 'danvan.scoring.lineConflict';
/** Translation key shown when the sheet changed since it was read (decisions, self-scores). */
export const SHEET_CONFLICT_MESSAGE = 'danvan.scoring.sheetConflict';

export interface ReviewScoreVariables {
  pledgeId: string;
  unitId: string;
  expectedLineVersion: number;
  input: { itemCode: string; score: number; comment: string | null };
}

export interface ScoringMethods {
  getPledgeScoring(pledgeId: Identifier, signal?: AbortSignal): Promise<PledgeScoring>;
  getPledgeRanking(pledgeId: Identifier, signal?: AbortSignal): Promise<Ranking>;
  reviewScore(variables: ReviewScoreVariables): Promise<ScoreSheet>;
  decideScoreSheet(
    pledgeId: Identifier,
    unitId: string,
    expectedVersion: number,
    decision: ReviewDecision,
    reason: string | null,
  ): Promise<ScoreSheet>;
  saveSelfScores(
    pledgeId: Identifier,
    unitId: string,
    expectedVersion: number | null,
    scores: { itemCode: string; score: number; comment?: string | null }[],
  ): Promise<ScoreSheet>;
  submitScoreSheet(pledgeId: Identifier, unitId: string, expectedVersion: number): Promise<ScoreSheet>;
}

const NO_FORM = { formFields: {} };

/**
 * A refused save of self-scores → form errors the page places itself: the server's messages by item code
 * (`lines`, from `scores[i]` of the lines sent), by capped section (`sections`), the rest in the summary.
 */
export const toSelfScoreFormErrors = (
  fields: readonly FieldError[],
  summary: string,
  sent: readonly { itemCode: string }[],
): FormErrors => {
  const { lines, sections, other } = placeSelfScoreRefusal(fields, sent);
  return { lines, sections, root: { serverError: [summary, ...other.filter((message) => message !== summary)].join(' ') } };
};

/** The placed refusal carried by a failed saveSelfScores (undefined for any other failure). */
export const selfScoreRefusalOf = (error: unknown): SelfScoreRefusal | undefined => {
  const errors = error instanceof HttpError ? (error.body?.errors as FormErrors | undefined) : undefined;
  if (!errors || typeof errors.lines !== 'object' || typeof errors.sections !== 'object') return undefined;
  const root = errors.root;
  const summary = typeof root === 'object' && typeof root.serverError === 'string' ? root.serverError : '';
  return {
    lines: errors.lines as Record<string, string>,
    sections: errors.sections as SelfScoreRefusal['sections'],
    other: summary ? [summary] : [],
  };
};

export const createScoringMethods = (execute: Execute): ScoringMethods => ({
  getPledgeScoring: async (pledgeId, signal) => {
    const { pledge } = await execute<{ pledge: PledgeScoring }>(PLEDGE_SCORING_QUERY, { id: String(pledgeId) }, { signal });
    return pledge;
  },
  getPledgeRanking: async (pledgeId, signal) => {
    const { pledge } = await execute<{ pledge: { ranking: Ranking } }>(PLEDGE_RANKING_QUERY, { id: String(pledgeId) }, { signal });
    return pledge.ranking;
  },
  reviewScore: async (variables) => {
    const { reviewScore } = await execute<{ reviewScore: ScoreSheet }>(
      REVIEW_SCORE_MUTATION,
      { ...variables },
      { errors: { ...NO_FORM, conflictMessage: LINE_CONFLICT_MESSAGE } },
    );
    return reviewScore;
  },
  decideScoreSheet: async (pledgeId, unitId, expectedVersion, decision, reason) => {
    const { decideScoreSheet } = await execute<{ decideScoreSheet: ScoreSheet }>(
      DECIDE_SCORE_SHEET_MUTATION,
      { pledgeId: String(pledgeId), unitId, expectedVersion, decision, reason },
      { errors: { ...NO_FORM, conflictMessage: SHEET_CONFLICT_MESSAGE } },
    );
    return decideScoreSheet;
  },
  saveSelfScores: async (pledgeId, unitId, expectedVersion, scores) => {
    const { saveSelfScores } = await execute<{ saveSelfScores: ScoreSheet }>(
      SAVE_SELF_SCORES_MUTATION,
      { pledgeId: String(pledgeId), unitId, input: { scores }, expectedVersion },
      {
        errors: {
          conflictMessage: SHEET_CONFLICT_MESSAGE,
          toFormErrors: (fields, summary) => toSelfScoreFormErrors(fields, summary, scores),
        },
      },
    );
    return saveSelfScores;
  },
  submitScoreSheet: async (pledgeId, unitId, expectedVersion) => {
    const { submitScoreSheet } = await execute<{ submitScoreSheet: ScoreSheet }>(
      SUBMIT_SCORE_SHEET_MUTATION,
      { pledgeId: String(pledgeId), unitId, expectedVersion },
      { errors: { ...NO_FORM, conflictMessage: SHEET_CONFLICT_MESSAGE } },
    );
    return submitScoreSheet;
  },
});

import { RequestContext, type Caller } from '@danvan/core';
import { SHEET_REVIEW } from '../domain/scoring.js';
import { SHEET_POLICY, type SheetAccess } from './score-sheet.policy.js';

const caller = (scopePath: string, permissions: Caller['permissions']): RequestContext =>
  new RequestContext('test', {
    kind: 'account',
    id: scopePath,
    label: 'test',
    role: 'SECRETARIAT',
    unitId: 'u',
    scopePath,
    permissions,
    mustChangePassword: false,
  });

const reviewer = caller('/province/', new Set(['emulation:manage']));
const unit = caller('/province/district/', new Set(['emulation:submit']));
const sheet = (pledgeStatus: SheetAccess['pledgeStatus'], status: SheetAccess['status']): SheetAccess => ({
  ownerPath: '/province/',
  unitPath: '/province/district/',
  pledgeStatus,
  status,
});

describe('the score-sheet policy and review lifecycle', () => {
  it('offers the unit its own sheet while it is with the unit, and the reviewers a submitted one', () => {
    expect(SHEET_POLICY.allowedActions(unit, sheet('SCORING_OPEN', null))).toEqual(['selfScore']);
    expect(SHEET_POLICY.allowedActions(unit, sheet('SCORING_OPEN', 'DRAFT'))).toEqual(['selfScore', 'submit']);
    expect(SHEET_POLICY.allowedActions(unit, sheet('UNDER_REVIEW', 'DRAFT'))).toEqual([]);
    expect(SHEET_POLICY.allowedActions(unit, sheet('UNDER_REVIEW', 'RETURNED'))).toEqual(['selfScore', 'submit']);
    expect(SHEET_POLICY.allowedActions(unit, sheet('UNDER_REVIEW', 'SUBMITTED'))).toEqual([]);
    expect(SHEET_POLICY.allowedActions(reviewer, sheet('UNDER_REVIEW', 'SUBMITTED'))).toEqual(['reviewScore', 'accept', 'return']);
    expect(SHEET_POLICY.allowedActions(reviewer, sheet('UNDER_REVIEW', 'ACCEPTED'))).toEqual([]);
    expect(SHEET_POLICY.allowedActions(reviewer, sheet('FINALISED', 'SUBMITTED'))).toEqual([]);
  });

  it('moves a sheet up the review steps, done after the last; a return needs its reason; the same person accepts one step a round', () => {
    const facts = { step: 1, actorId: 'a', accepted: [] };
    expect(SHEET_REVIEW.take('SUBMITTED', 'accept', facts)).toMatchObject({ to: 'SUBMITTED', audit: 'review-accept' });
    expect(SHEET_REVIEW.take('SUBMITTED', 'accept', { ...facts, step: 3 })).toMatchObject({ to: 'ACCEPTED' });
    expect(SHEET_REVIEW.refusals('SUBMITTED', 'return', facts)).toEqual([
      { field: 'reason', code: 'required', message: 'Trả lại bảng điểm phải ghi rõ lý do.' },
    ]);
    expect(SHEET_REVIEW.refusals('SUBMITTED', 'accept', { ...facts, step: 2, accepted: [{ step: 1, actorId: 'a' }] })[0]?.code).toBe(
      'sameReviewer',
    );
    expect(SHEET_REVIEW.refusals('ACCEPTED', 'return', { ...facts, reason: 'Thiếu minh chứng' })[0]).toMatchObject({
      field: 'status',
      code: 'notUnderReview',
    });
    expect(
      SHEET_REVIEW.refusals('DRAFT', 'submit', {
        ...facts,
        unscored: [{ code: '2', title: 'x', maxScore: 10, kind: 'CRITERION', groupCode: 'II' }],
      }),
    ).toEqual([{ field: 'scores', code: 'incomplete', message: 'Chưa chấm 1 tiêu chí: 2.' }]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { scorableItems, type CriteriaSetContent } from '@danvan/contracts';
import type { ScoreSheet } from './scoringData';
import {
  buildScoringGrid,
  checkScore,
  editedItems,
  formatScore,
  isReviewable,
  isSelfScorable,
  placeSelfScoreRefusal,
  rebaseSelfDraft,
  replaceSheet,
  savedSelfScoreCodes,
  selfCommentDraft,
  selfScoreDraft,
  toReviewScoreVariables,
  toSelfScores,
} from './scoringGrid';

const SET: CriteriaSetContent = {
  groups: [
    {
      code: 'I',
      title: 'Tham mưu',
      criteria: [
        {
          code: '1',
          title: 'Tham mưu cấp ủy',
          maxScore: 20,
          subCriteria: [
            { code: '1.a', title: 'Kế hoạch', maxScore: 10 },
            { code: '1.b', title: 'Sơ kết', maxScore: 10 },
          ],
        },
        { code: '2', title: 'Dân vận khéo', maxScore: 40 },
      ],
    },
    { code: 'II', title: 'Trống', criteria: [] },
  ],
  bonusItems: [{ code: 'C1', title: 'Cộng', maxScore: 5 }],
  bonusCap: 5,
  deductionItems: [{ code: 'T1', title: 'Trừ', maxScore: 5 }],
  deductionCap: 5,
  bands: [],
};

const unitA = { id: 'a', name: 'Ban Dân vận Huyện ủy Phú Riềng', shortName: null };
const unitB = { id: 'b', name: 'Ban Dân vận Huyện ủy Bù Đăng', shortName: null };
const unitC = { id: 'c', name: 'Ban Dân vận Thành ủy Đồng Xoài', shortName: null };

const sheet = (unit: typeof unitA, overrides: Partial<ScoreSheet> = {}): ScoreSheet => ({
  id: `s-${unit.id}`,
  unit,
  criteriaSetNumber: 1,
  status: 'SUBMITTED',
  statusLabel: 'Đã nộp, đang thẩm định',
  reviewStep: 1,
  reviewStepLabel: 'Chuyên viên cơ quan thường trực',
  version: 3,
  submittedAt: '2024-12-01T00:00:00.000Z',
  totals: { criteria: 40, bonus: 2, deduction: 0, total: 42 },
  lines: [
    { itemCode: '1.a', selfScore: 9, reviewedScore: null, reviewComment: null, version: 1, evidenceCount: 0 },
    { itemCode: '2', selfScore: 24, reviewedScore: 30, reviewComment: 'Có minh chứng', version: 2, evidenceCount: 2 },
  ],
  ...overrides,
});

// The scorable items, score range and caps are rules of libs/contracts (scoring-rules.spec.ts); here, their use.
describe('the grid', () => {
  const grid = buildScoringGrid(SET, [sheet(unitB), sheet(unitA, { criteriaSetNumber: 1 })], [unitA, unitB, unitC], 2);

  it('has a row per signatory in their order, those without a sheet included', () => {
    expect(grid.rows.map((row) => [row.unit.id, row.sheet?.id ?? null])).toEqual([
      ['a', 's-a'],
      ['b', 's-b'],
      ['c', null],
    ]);
    expect(grid.rows[2].totals).toBeNull();
  });

  it('gives each cell the self-score, the reviewed score, the score that counts, its evidence count and the line’s version (0 without a line)', () => {
    expect(grid.rows[0].cells['2']).toEqual({
      itemCode: '2',
      selfScore: 24,
      reviewedScore: 30,
      reviewComment: 'Có minh chứng',
      version: 2,
      score: 30,
      evidenceCount: 2,
    });
    expect(grid.rows[0].cells['1.a']).toMatchObject({ selfScore: 9, reviewedScore: null, score: 9, version: 1 });
    expect(grid.rows[0].cells['1.b']).toEqual({
      itemCode: '1.b',
      selfScore: null,
      reviewedScore: null,
      reviewComment: null,
      version: 0,
      score: null,
      evidenceCount: 0,
    });
    expect(Object.keys(grid.rows[2].cells).sort()).toEqual(['1.a', '1.b', '2', 'C1', 'T1']);
    expect(grid.items.map((item) => item.code)).toEqual(['1.a', '1.b', '2', 'C1', 'T1']);
  });

  it('groups the columns under their headings, skipping empty groups', () => {
    expect(grid.groups).toEqual([
      { kind: 'CRITERION', code: 'I', title: 'Tham mưu', span: 3 },
      { kind: 'BONUS', code: '', title: '', span: 1 },
      { kind: 'DEDUCTION', code: '', title: '', span: 1 },
    ]);
  });

  it('flags sheets scored against another version of the set', () => {
    expect(grid.rows.map((row) => row.otherCriteriaVersion)).toEqual([true, true, false]);
    expect(buildScoringGrid(SET, [sheet(unitA)], [unitA], 1).rows[0].otherCriteriaVersion).toBe(false);
  });

  it('keeps a sheet of a unit that is no longer a signatory, after the signatories', () => {
    expect(buildScoringGrid(SET, [sheet(unitC)], [unitA], null).rows.map((row) => row.unit.id)).toEqual(['a', 'c']);
  });

  it('replaces the sheet of the same unit with the server’s copy', () => {
    const updated = sheet(unitA, { version: 4 });
    const sheets = replaceSheet([sheet(unitA), sheet(unitB)], updated);
    expect(sheets.map((item) => [item.unit.id, item.version])).toEqual([
      ['a', 4],
      ['b', 3],
    ]);
    expect(replaceSheet([sheet(unitB)], updated).map((item) => item.unit.id)).toEqual(['b', 'a']);
  });
});

describe('who may do what, when', () => {
  it('reviewers score submitted sheets while the pledge is being scored or reviewed', () => {
    expect(isReviewable('SCORING_OPEN', sheet(unitA))).toBe(true);
    expect(isReviewable('UNDER_REVIEW', sheet(unitA))).toBe(true);
    expect(isReviewable('FINALISED', sheet(unitA))).toBe(false);
    expect(isReviewable('SCORING_OPEN', sheet(unitA, { status: 'RETURNED' }))).toBe(false);
    expect(isReviewable('SCORING_OPEN', null)).toBe(false);
  });

  it('a unit changes its self-scores while scoring is open and the sheet is with it', () => {
    expect(isSelfScorable('SCORING_OPEN', null)).toBe(true);
    expect(isSelfScorable('SCORING_OPEN', sheet(unitA, { status: 'DRAFT' }))).toBe(true);
    expect(isSelfScorable('SCORING_OPEN', sheet(unitA, { status: 'RETURNED' }))).toBe(true);
    expect(isSelfScorable('SCORING_OPEN', sheet(unitA))).toBe(false);
    expect(isSelfScorable('UNDER_REVIEW', sheet(unitA, { status: 'DRAFT' }))).toBe(false);
    // A sheet returned during the review is corrected by its unit (the server allows it too).
    expect(isSelfScorable('UNDER_REVIEW', sheet(unitA, { status: 'RETURNED' }))).toBe(true);
    expect(isSelfScorable('UNDER_REVIEW', null)).toBe(false);
    expect(isSelfScorable('FINALISED', sheet(unitA, { status: 'RETURNED' }))).toBe(false);
  });
});

describe('a reviewer’s score', () => {
  const items = scorableItems(SET);
  const item2 = items[2];

  it('accepts 0 to the maximum with two decimals at most, comma or point', () => {
    expect(checkScore('36', item2)).toEqual({ ok: true, value: 36 });
    expect(checkScore(' 7,25 ', item2)).toEqual({ ok: true, value: 7.25 });
    expect(checkScore('0', item2)).toEqual({ ok: true, value: 0 });
  });

  it('refuses what is empty, out of range or too precise, naming the item and its maximum', () => {
    expect(checkScore('', item2)).toEqual({ ok: false, problem: { message: 'danvan.scoring.scoreRequired' } });
    for (const typed of ['41', '-1', '7.125', 'abc', '1e1x']) {
      expect(checkScore(typed, item2)).toEqual({
        ok: false,
        problem: { message: 'danvan.scoring.scoreRange', args: { code: '2', max: 40 } },
      });
    }
  });

  it('is sent with the version of the line read, 0 for a line that does not exist yet, and a comment only when written', () => {
    const grid = buildScoringGrid(SET, [sheet(unitA)], [unitA]);
    expect(toReviewScoreVariables('p-1', 'a', item2, grid.rows[0].cells['2'], '36', '  Có thêm mô hình ')).toEqual({
      ok: true,
      value: { pledgeId: 'p-1', unitId: 'a', expectedLineVersion: 2, input: { itemCode: '2', score: 36, comment: 'Có thêm mô hình' } },
    });
    expect(toReviewScoreVariables('p-1', 'a', items[1], grid.rows[0].cells['1.b'], '5', '')).toEqual({
      ok: true,
      value: { pledgeId: 'p-1', unitId: 'a', expectedLineVersion: 0, input: { itemCode: '1.b', score: 5, comment: null } },
    });
    expect(toReviewScoreVariables('p-1', 'a', item2, undefined, '50', '').ok).toBe(false);
  });
});

describe('a unit’s self-scores', () => {
  const items = scorableItems(SET);

  it('fills the inputs from the sheet, empty where nothing was scored', () => {
    expect(selfScoreDraft(items, sheet(unitA))).toEqual({ '1.a': '9', '1.b': '', '2': '24', C1: '', T1: '' });
    expect(selfScoreDraft(items, null)).toEqual({ '1.a': '', '1.b': '', '2': '', C1: '', T1: '' });
  });

  it('sends the filled inputs only, or names the wrong ones', () => {
    expect(toSelfScores(items, { '1.a': '9', '1.b': ' ', '2': '30,5', C1: '2' })).toEqual({
      ok: true,
      scores: [
        { itemCode: '1.a', score: 9, comment: null },
        { itemCode: '2', score: 30.5, comment: null },
        { itemCode: 'C1', score: 2, comment: null },
      ],
    });
    expect(toSelfScores(items, { '1.a': '11', T1: 'x' })).toEqual({
      ok: false,
      problems: {
        '1.a': { message: 'danvan.scoring.scoreRange', args: { code: '1.a', max: 10 } },
        T1: { message: 'danvan.scoring.scoreRange', args: { code: 'T1', max: 5 } },
      },
      sections: {},
    });
  });

  it('sends each line’s comment with its score (blank clears it); a comment without a score is named', () => {
    expect(toSelfScores(items, { '1.a': '9', '2': '30' }, { '1.a': ' Đã ban hành kế hoạch 151-KH/BDVTU ', '2': '   ' })).toEqual({
      ok: true,
      scores: [
        { itemCode: '1.a', score: 9, comment: 'Đã ban hành kế hoạch 151-KH/BDVTU' },
        { itemCode: '2', score: 30, comment: null },
      ],
    });
    expect(toSelfScores(items, { '1.a': '9' }, { '1.b': 'Có biên bản' })).toEqual({
      ok: false,
      problems: { '1.b': { message: 'danvan.scoring.commentNeedsScore', args: { code: '1.b' } } },
      sections: {},
    });
    expect(toSelfScores(items, { '1.a': '9' }, { '1.a': 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      problems: { '1.a': { message: 'danvan.scoring.commentTooLong' } },
    });
  });

  it('refuses to empty a saved score (the server would keep it), and sends nothing then', () => {
    const saved = savedSelfScoreCodes(sheet(unitA));
    expect(saved).toEqual(['1.a', '2']);
    expect(toSelfScores(items, { '1.a': '', '2': '24', C1: '' }, {}, { saved })).toEqual({
      ok: false,
      problems: { '1.a': { message: 'danvan.scoring.cannotClear', args: { code: '1.a' } } },
      sections: {},
    });
    // 0 is a score: the line is saved as not achieved.
    expect(toSelfScores(items, { '1.a': '0', '2': '24' }, {}, { saved })).toMatchObject({
      ok: true,
      scores: [
        { itemCode: '1.a', score: 0 },
        { itemCode: '2', score: 24 },
      ],
    });
    // A line never saved may stay empty.
    expect(toSelfScores(items, { '1.a': '9', '2': '24' }, {}, { saved }).ok).toBe(true);
    expect(savedSelfScoreCodes(null)).toEqual([]);
  });

  it('checks the bonus and deduction caps before sending', () => {
    const set = {
      ...SET,
      bonusItems: [
        { code: 'C1', title: 'Cộng', maxScore: 5 },
        { code: 'C2', title: 'Cộng 2', maxScore: 5 },
      ],
      bonusCap: 6,
      deductionCap: 2.5,
    };
    const capped = scorableItems(set);
    expect(toSelfScores(capped, { C1: '4', C2: '2,5', T1: '3' }, {}, { caps: set })).toEqual({
      ok: false,
      problems: {},
      sections: {
        BONUS: { message: 'danvan.scoring.bonusCapExceeded', args: { total: '6,5', cap: '6' } },
        DEDUCTION: { message: 'danvan.scoring.deductionCapExceeded', args: { total: '3', cap: '2,5' } },
      },
    });
    expect(toSelfScores(capped, { C1: '4', C2: '2', T1: '2,5' }, {}, { caps: set }).ok).toBe(true);
  });

  it('places the server’s refusals: scores[i] on the i-th line sent, the caps on their sections', () => {
    const sent = [{ itemCode: '1.a' }, { itemCode: '2' }, { itemCode: 'C1' }];
    expect(
      placeSelfScoreRefusal(
        [
          { field: 'scores[1].score', code: 'range', message: 'Điểm mục 2 phải từ 0 đến 40.' },
          { field: 'scores[2].itemCode', code: 'unknownItem', message: 'Bảng tiêu chí không có mục "C1".' },
          { field: 'scores.0.comment', code: 'maxLength', message: 'Quá dài.' },
          { field: 'scores', code: 'bonusCap', message: 'Tổng điểm cộng (6) vượt mức cộng tối đa 5.' },
          { field: 'scores', code: 'deductionCap', message: 'Tổng điểm trừ (6) vượt mức trừ tối đa 5.' },
          { field: 'scores', code: 'duplicate', message: 'Một mục được chấm hai lần.' },
          { field: 'scores[7].score', code: 'range', message: 'Ngoài danh sách.' },
        ],
        sent,
      ),
    ).toEqual({
      lines: { '2': 'Điểm mục 2 phải từ 0 đến 40.', C1: 'Bảng tiêu chí không có mục "C1".', '1.a': 'Quá dài.' },
      sections: { BONUS: 'Tổng điểm cộng (6) vượt mức cộng tối đa 5.', DEDUCTION: 'Tổng điểm trừ (6) vượt mức trừ tối đa 5.' },
      other: ['Một mục được chấm hai lần.', 'Ngoài danh sách.'],
    });
  });

  it('on a newer sheet keeps what the user changed and takes the rest from it', () => {
    const base = {
      scores: { '1.a': '9', '1.b': '', '2': '24', C1: '', T1: '' },
      comments: { '1.a': 'Kế hoạch 151', '1.b': '', '2': '', C1: '', T1: '' },
    };
    // The user typed 1.b's score and comment, and rewrote 1.a's comment.
    const typed = {
      scores: { ...base.scores, '1.b': '8' },
      comments: { ...base.comments, '1.a': 'Kế hoạch 151-KH/BDVTU', '1.b': 'Sơ kết đúng hạn' },
    };
    expect(editedItems(items, base, typed)).toEqual(['1.a', '1.b']);
    // Saved elsewhere meanwhile: 1.a's score, 2's comment and C1.
    const latest = { scores: { ...base.scores, '1.a': '10', C1: '2' }, comments: { ...base.comments, '2': 'Có 3 mô hình' } };
    const { draft, kept } = rebaseSelfDraft(items, base, typed, latest);
    expect(draft).toEqual({
      scores: { '1.a': '10', '1.b': '8', '2': '24', C1: '2', T1: '' },
      comments: { '1.a': 'Kế hoạch 151-KH/BDVTU', '1.b': 'Sơ kết đúng hạn', '2': 'Có 3 mô hình', C1: '', T1: '' },
    });
    expect(kept).toEqual(['1.a', '1.b']);
    // Nothing typed: the newer sheet as it is, nothing to tell.
    expect(rebaseSelfDraft(items, base, base, latest)).toEqual({ draft: latest, kept: [] });
    // What was just saved from here comes back: nothing is still unsaved.
    expect(rebaseSelfDraft(items, typed, typed, typed).kept).toEqual([]);
  });

  it('reads the comments of the lines into the inputs', () => {
    expect(
      selfCommentDraft(items, [
        { itemCode: '2', selfComment: 'Có 3 mô hình' },
        { itemCode: '1.a', selfComment: null },
      ]),
    ).toEqual({
      '1.a': '',
      '1.b': '',
      '2': 'Có 3 mô hình',
      C1: '',
      T1: '',
    });
    expect(selfCommentDraft(items, null)).toEqual({ '1.a': '', '1.b': '', '2': '', C1: '', T1: '' });
  });
});

describe('formatScore', () => {
  it('prints Vietnamese numbers with up to two decimals', () => {
    expect(formatScore(48)).toBe('48');
    expect(formatScore(7.5)).toBe('7,5');
    expect(formatScore(null)).toBe('');
  });
});

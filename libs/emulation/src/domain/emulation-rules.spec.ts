import { sampleCriteriaSet } from '@danvan/contracts';
import { checkCriteriaSet, classify } from './criteria-set.js';
import { transitionRefusal, type PledgeFacts } from './pledge-lifecycle.js';
import { afterReview, checkScores, reviewerRefusal, unscoredCriteria } from './scoring.js';

describe('criteria sets', () => {
  // The scored lines and the maximum total are rules of libs/contracts (scoring-rules.spec.ts).
  it('accepts a well-formed set', () => {
    expect(checkCriteriaSet(sampleCriteriaSet())).toEqual([]);
  });

  it('refuses duplicate codes, a maximum that is not the sum of its parts, bad scores and caps without items', () => {
    const set = sampleCriteriaSet();
    set.groups[0].criteria[0].maxScore = 25;
    set.groups[1].criteria[0].code = '2';
    set.bonusItems = [];
    set.deductionItems[0].maxScore = -1;
    const fields = checkCriteriaSet(set).map((e) => `${e.field}:${e.code}`);
    expect(fields).toEqual([
      'groups[0].criteria[0].maxScore:sum',
      'groups[1].criteria[0].code:duplicate',
      'deductionItems[0].maxScore:range',
      'bonusCap:noItems',
    ]);
  });

  it('requires bands from high to low within the reachable total', () => {
    const fields = checkCriteriaSet(
      sampleCriteriaSet({
        bands: [
          { name: 'Tốt', minScore: 80 },
          { name: 'Xuất sắc', minScore: 95 },
          { name: 'Tốt', minScore: 200 },
        ],
      }),
    ).map((e) => `${e.field}:${e.code}`);
    expect(fields).toEqual(['bands[1].minScore:order', 'bands[2].name:duplicate', 'bands[2].minScore:range', 'bands[2].minScore:order']);
  });

  it('classifies a total in the highest band it reaches', () => {
    const { bands } = sampleCriteriaSet();
    expect([100, 95, 94.99, 80, 70, 10].map((t) => classify(bands, t))).toEqual(['Xuất sắc', 'Xuất sắc', 'Tốt', 'Tốt', 'Khá', 'Chưa đạt']);
    expect(classify([{ name: 'Đạt', minScore: 50 }], 10)).toBeNull();
  });
});

describe('pledge lifecycle', () => {
  const ready: PledgeFacts = {
    status: 'DRAFT',
    scorableItems: 6,
    signatories: 5,
    signatoriesOutsideBloc: 0,
    signedOn: '2024-01-12',
    signingEvent: 'Hội nghị tổng kết công tác dân vận năm 2023',
    registered: 0,
    scoresSubmitted: 0,
    reviewsAccepted: 0,
  };

  it('moves one step forward only', () => {
    expect(transitionRefusal(ready, 'SIGNED')).toBeNull();
    expect(transitionRefusal(ready, 'SCORING_OPEN')).toMatch(/bước tiếp theo chỉ có thể là "Đã ký kết"/);
    expect(transitionRefusal({ ...ready, status: 'SIGNED' }, 'DRAFT')).toMatch(/chỉ có thể là "Đang đăng ký chỉ tiêu"/);
    expect(transitionRefusal({ ...ready, status: 'FINALISED' }, 'DRAFT')).toMatch(/đã tổng kết/);
  });

  it('signs only with criteria, signatories of the bloc, a date and an event', () => {
    expect(transitionRefusal({ ...ready, scorableItems: 0 }, 'SIGNED')).toMatch(/bảng tiêu chí/);
    expect(transitionRefusal({ ...ready, signatories: 0 }, 'SIGNED')).toMatch(/chưa có đơn vị ký/);
    expect(transitionRefusal({ ...ready, signatoriesOutsideBloc: 2 }, 'SIGNED')).toMatch(/2 đơn vị ký không thuộc khối/);
    expect(transitionRefusal({ ...ready, signingEvent: null }, 'SIGNED')).toMatch(/sự kiện ký kết/);
  });

  it('opens scoring when all registered, review when all submitted, finalises when all accepted', () => {
    expect(transitionRefusal({ ...ready, status: 'REGISTRATION_OPEN', registered: 3 }, 'SCORING_OPEN')).toMatch(/2\/5 đơn vị chưa đăng ký/);
    expect(transitionRefusal({ ...ready, status: 'REGISTRATION_OPEN', registered: 5 }, 'SCORING_OPEN')).toBeNull();
    expect(transitionRefusal({ ...ready, status: 'SCORING_OPEN', scoresSubmitted: 4 }, 'UNDER_REVIEW')).toMatch(/1\/5 đơn vị chưa nộp/);
    expect(transitionRefusal({ ...ready, status: 'UNDER_REVIEW', reviewsAccepted: 5 }, 'FINALISED')).toBeNull();
  });
});

describe('scores', () => {
  it('accepts scores within each maximum and the caps', () => {
    expect(
      checkScores(sampleCriteriaSet(), [
        { itemCode: '1.a', score: 12 },
        { itemCode: '2', score: 27.5 },
        { itemCode: 'C1', score: 5 },
        { itemCode: 'T1', score: 2 },
      ]),
    ).toEqual([]);
  });

  it('refuses unknown items, scores above the maximum or below zero, and too many hundredths', () => {
    const errors = checkScores(sampleCriteriaSet(), [
      { itemCode: '9', score: 1 },
      { itemCode: '1.a', score: 12.5 },
      { itemCode: '3', score: -1 },
      { itemCode: '2', score: 1.234 },
    ]);
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'scores[0].itemCode:unknownItem',
      'scores[1].score:range',
      'scores[2].score:range',
      'scores[3].score:decimals',
    ]);
  });

  it('says a criterion split into sub-criteria is scored through them, naming them', () => {
    const [error] = checkScores(sampleCriteriaSet(), [{ itemCode: '1', score: 5 }]);
    expect(error).toMatchObject({ field: 'scores[0].itemCode', code: 'hasSubCriteria', message: expect.stringContaining('1.a, 1.b') });
  });

  it('counts the sheet’s other lines against the bonus and deduction caps', () => {
    const set = sampleCriteriaSet({
      bonusItems: [
        { code: 'C1', title: 'a', maxScore: 5 },
        { code: 'C2', title: 'b', maxScore: 5 },
      ],
      bonusCap: 6,
    });
    expect(checkScores(set, [{ itemCode: 'C2', score: 2 }], [{ itemCode: 'C1', score: 5 }]).map((e) => e.code)).toEqual(['bonusCap']);
    expect(checkScores(set, [{ itemCode: 'C2', score: 1 }], [{ itemCode: 'C1', score: 5 }])).toEqual([]);
  });

  it('lists the criteria still unscored (bonus and deductions are optional)', () => {
    expect(unscoredCriteria(sampleCriteriaSet(), ['1.a', '3', 'C1']).map((i) => i.code)).toEqual(['1.b', '2']);
  });

  it('moves a sheet up the review chain, back to the unit on return', () => {
    expect(afterReview(1, 'ACCEPT')).toEqual({ status: 'SUBMITTED', step: 2 });
    expect(afterReview(3, 'ACCEPT')).toEqual({ status: 'ACCEPTED', step: 3 });
    expect(afterReview(2, 'RETURN')).toEqual({ status: 'RETURNED', step: 0 });
  });

  it('has each step accepted by a different person within a round; anyone may return', () => {
    const [a, b, c] = [
      'a0000000-0000-4000-8000-000000000001',
      'b0000000-0000-4000-8000-000000000002',
      'c0000000-0000-4000-8000-000000000003',
    ];
    expect(reviewerRefusal(1, 'ACCEPT', a, [])).toBeNull();
    expect(reviewerRefusal(2, 'ACCEPT', a, [{ step: 1, actorId: a }])).toEqual({
      field: 'reviewer',
      code: 'sameReviewer',
      message: 'Bước 2 (Lãnh đạo cơ quan thường trực) phải do người khác với người đã duyệt bước 1 thực hiện.',
    });
    expect(reviewerRefusal(2, 'ACCEPT', b, [{ step: 1, actorId: a }])).toBeNull();
    // Not only the step just before: whoever accepted any earlier step.
    expect(
      reviewerRefusal(3, 'ACCEPT', a, [
        { step: 1, actorId: a },
        { step: 2, actorId: b },
      ])?.message,
    ).toBe('Bước 3 (Khối thi đua) phải do người khác với người đã duyệt bước 1 thực hiện.');
    expect(
      reviewerRefusal(3, 'ACCEPT', c, [
        { step: 1, actorId: a },
        { step: 2, actorId: b },
      ]),
    ).toBeNull();
    // Steps already accepted twice by one person (before the rule): both are named.
    expect(
      reviewerRefusal(3, 'ACCEPT', a, [
        { step: 1, actorId: a },
        { step: 2, actorId: a },
      ])?.message,
    ).toMatch(/đã duyệt bước 1 và 2 thực hiện\.$/);
    // Returning is open to anyone, the earlier reviewers included.
    expect(reviewerRefusal(2, 'RETURN', a, [{ step: 1, actorId: a }])).toBeNull();
    // Callers without an id (the bare system context) are one and the same person.
    expect(reviewerRefusal(2, 'ACCEPT', null, [{ step: 1, actorId: null }])?.code).toBe('sameReviewer');
    expect(reviewerRefusal(2, 'ACCEPT', a, [{ step: 1, actorId: null }])).toBeNull();
    // Whoever submitted the sheet (entering a unit's paper sheet) reviews no step of that round; returning stays open.
    expect(reviewerRefusal(1, 'ACCEPT', c, [], c)).toMatchObject({ field: 'reviewer', code: 'submitter' });
    expect(reviewerRefusal(1, 'ACCEPT', a, [], c)).toBeNull();
    expect(reviewerRefusal(1, 'RETURN', c, [], c)).toBeNull();
  });
});

import { capOverruns, countedScore, maximumTotal, scorableItems, scoreProblem, sheetTotals } from './scoring-rules.js';
import { sampleCriteriaSet } from './testing/criteria-set.fixture.js';

/** Two groups (one criterion split into sub-criteria), a bonus and a deduction item. */
const SET = sampleCriteriaSet();

describe('scorable items', () => {
  it('lists the scored lines in the order of the set: sub-criteria instead of their parent, then bonus and deductions', () => {
    expect(scorableItems(SET).map((i) => `${i.kind}:${i.code}:${i.groupCode}:${i.maxScore}`)).toEqual([
      'CRITERION:1.a:I:12',
      'CRITERION:1.b:I:8',
      'CRITERION:2:I:30',
      'CRITERION:3:II:50',
      'BONUS:C1:null:5',
      'DEDUCTION:T1:null:2',
    ]);
    expect(scorableItems(SET)[0]).toEqual({ code: '1.a', title: 'Ban hành văn bản', maxScore: 12, kind: 'CRITERION', groupCode: 'I' });
    expect(scorableItems(null)).toEqual([]);
    expect(scorableItems(undefined)).toEqual([]);
  });

  it('gives the maximum total: every criterion at its maximum plus the bonus cap', () => {
    expect(maximumTotal(SET)).toBe(105);
    expect(maximumTotal({ groups: [{ code: 'I', title: 'I', criteria: [{ code: '1', title: '1', maxScore: 0.1 }] }], bonusCap: 0.2 })).toBe(
      0.3,
    );
  });
});

describe('score range', () => {
  const item = { maxScore: 12 };
  it('takes 0 to the maximum, in hundredths', () => {
    expect([0, 7.5, 11.99, 12].map((score) => scoreProblem(item, score))).toEqual([null, null, null, null]);
  });

  it('refuses below 0, above the maximum, not a number, and finer than a hundredth', () => {
    expect([-0.01, 12.01, Number.NaN, Number.POSITIVE_INFINITY].map((score) => scoreProblem(item, score))).toEqual([
      'range',
      'range',
      'range',
      'range',
    ]);
    expect(scoreProblem(item, 1.234)).toBe('decimals');
  });
});

describe('caps', () => {
  it('refuses bonus or deduction points of all the lines beyond the set’s caps, and nothing within', () => {
    const lines = [
      { kind: 'CRITERION', score: 50 },
      { kind: 'BONUS', score: 3 },
      { kind: 'BONUS', score: 2.5 },
      { kind: 'DEDUCTION', score: 2 },
    ];
    expect(capOverruns(SET, lines)).toEqual([{ kind: 'BONUS', total: 5.5, cap: 5 }]);
    expect(capOverruns({ bonusCap: 6, deductionCap: 1 }, lines)).toEqual([{ kind: 'DEDUCTION', total: 2, cap: 1 }]);
    expect(capOverruns(SET, lines.slice(0, 2))).toEqual([]);
  });

  it('sums to the hundredth, so that 0.1 + 0.2 is within a cap of 0.3', () => {
    expect(
      capOverruns({ bonusCap: 0.3, deductionCap: 0 }, [
        { kind: 'BONUS', score: 0.1 },
        { kind: 'BONUS', score: 0.2 },
      ]),
    ).toEqual([]);
  });
});

describe('totals', () => {
  it('counts the reviewed score where given, else the self-score', () => {
    expect(countedScore({ selfScore: 8, reviewedScore: 6 })).toBe(6);
    expect(countedScore({ selfScore: 8, reviewedScore: null })).toBe(8);
    expect(countedScore({ selfScore: null, reviewedScore: null })).toBeNull();
  });

  it('adds the criteria, caps the bonus and the deduction, and subtracts the deduction', () => {
    const lines = [
      { itemKind: 'CRITERION', selfScore: 12, reviewedScore: 10.5 },
      { itemKind: 'CRITERION', selfScore: 30, reviewedScore: null },
      { itemKind: 'CRITERION', selfScore: null, reviewedScore: null },
      { itemKind: 'BONUS', selfScore: 5, reviewedScore: null },
      { itemKind: 'BONUS', selfScore: 3, reviewedScore: null },
      { itemKind: 'DEDUCTION', selfScore: 2, reviewedScore: 1.25 },
    ];
    expect(sheetTotals(SET, lines)).toEqual({ criteria: 40.5, bonus: 5, deduction: 1.25, total: 44.25 });
    expect(sheetTotals({ bonusCap: 5, deductionCap: 1 }, lines).deduction).toBe(1);
    expect(sheetTotals(SET, [])).toEqual({ criteria: 0, bonus: 0, deduction: 0, total: 0 });
  });
});

import { assertBreakthroughRange, progressOfSignatories } from './pledge-rules.js';

const refusal = (work: () => void) => {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  return null;
};

describe('assertBreakthroughRange', () => {
  it('accepts a full range or none', () => {
    expect(refusal(() => assertBreakthroughRange(3, 5))).toBeNull();
    expect(refusal(() => assertBreakthroughRange(null, null))).toBeNull();
  });

  it('refuses half a range and a reversed one', () => {
    expect(refusal(() => assertBreakthroughRange(3, null))?.message).toContain('cả số nhiệm vụ đột phá tối thiểu và tối đa');
    expect(refusal(() => assertBreakthroughRange(5, 3))?.message).toBe('Số nhiệm vụ đột phá tối đa phải lớn hơn hoặc bằng số tối thiểu.');
  });
});

describe('progressOfSignatories', () => {
  const unit = (id: string) => ({ id, name: `Đơn vị ${id}`, shortName: null });

  it('counts registrations, submitted (or accepted) and accepted sheets, and names who lags', () => {
    const progress = progressOfSignatories([
      { unit: unit('a'), registered: true, sheetStatus: 'ACCEPTED' },
      { unit: unit('b'), registered: true, sheetStatus: 'SUBMITTED' },
      { unit: unit('c'), registered: false, sheetStatus: 'DRAFT' },
      { unit: unit('d'), registered: true, sheetStatus: null },
    ]);
    expect(progress).toEqual({
      signatories: 4,
      registered: 3,
      notRegistered: [unit('c')],
      submitted: 2,
      notSubmitted: [unit('c'), unit('d')],
      accepted: 1,
    });
  });
});

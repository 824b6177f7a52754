import { assertHeadAndDeputy } from './bloc-rules.js';

const refusal = (work: () => void) => {
  try {
    work();
  } catch (error) {
    return error as { code: string; message: string };
  }
  return null;
};

describe('assertHeadAndDeputy', () => {
  const memberIds = ['a', 'b', 'c'];

  it('accepts two different members, or none', () => {
    expect(refusal(() => assertHeadAndDeputy({ memberIds, headId: 'a', deputyId: 'b' }))).toBeNull();
    expect(refusal(() => assertHeadAndDeputy({ memberIds, headId: null, deputyId: null }))).toBeNull();
  });

  it('refuses a head or a deputy who is not a member', () => {
    expect(refusal(() => assertHeadAndDeputy({ memberIds, headId: 'x', deputyId: null }))).toMatchObject({
      code: 'RULE_VIOLATION',
      message: 'Trưởng khối phải là một đơn vị thành viên của khối.',
    });
    expect(refusal(() => assertHeadAndDeputy({ memberIds, headId: 'a', deputyId: 'x' }))).toMatchObject({
      message: 'Phó khối phải là một đơn vị thành viên của khối.',
    });
  });

  it('refuses the same unit as head and deputy', () => {
    expect(refusal(() => assertHeadAndDeputy({ memberIds, headId: 'a', deputyId: 'a' }))).toMatchObject({
      message: 'Trưởng khối và phó khối phải là hai đơn vị khác nhau.',
    });
  });
});

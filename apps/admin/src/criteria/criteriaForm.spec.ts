import { describe, expect, it } from '@jest/globals';
import { sampleCriteriaSet, type CriteriaSetContent } from '@danvan/contracts';
import {
  criterionMaxScore,
  emptyCriteriaValues,
  maximumTotal,
  toCriteriaFormErrors,
  toCriteriaFormPath,
  toCriteriaFormValues,
  toCriteriaSetInput,
} from './criteriaForm';

/** The shared sample set as the server answers it: with the version's own fields and GraphQL nulls. */
const content = sampleCriteriaSet();
const answered = {
  id: 'cs-2',
  number: 2,
  maxTotal: 105,
  createdBy: 'tk1',
  createdAt: '2024-01-10T02:00:00.000Z',
  ...content,
  groups: content.groups.map((group) => ({
    ...group,
    criteria: group.criteria.map((criterion) => ({ ...criterion, subCriteria: criterion.subCriteria ?? null })),
  })),
};

describe('criteria set ↔ editor values', () => {
  it('reads the server’s set, with every sub-criteria list present and the version’s fields dropped', () => {
    const values = toCriteriaFormValues(answered as unknown as CriteriaSetContent);
    expect(values.groups[0].criteria[1]).toEqual({ code: '2', title: 'Dân vận khéo', maxScore: 30, subCriteria: [] });
    expect(values).not.toHaveProperty('id');
    expect(values).not.toHaveProperty('maxTotal');
    expect(values.bands).toEqual(answered.bands);
  });

  it('starts empty for a pledge without a set', () => {
    expect(toCriteriaFormValues(null)).toEqual(emptyCriteriaValues());
    expect(toCriteriaSetInput(emptyCriteriaValues())).toEqual({
      groups: [],
      bonusItems: [],
      bonusCap: 0,
      deductionItems: [],
      deductionCap: 0,
      bands: [],
    });
  });

  it('round-trips: the set read is the set sent back (a new version with the same content)', () => {
    expect(toCriteriaSetInput(toCriteriaFormValues(answered as unknown as CriteriaSetContent))).toEqual(content);
  });

  it('trims texts, reads scores typed with a decimal comma, and rounds to hundredths', () => {
    const input = toCriteriaSetInput({
      groups: [{ code: ' I ', title: ' Nhóm  ', criteria: [{ code: '1', title: 'Tiêu chí', maxScore: '7,5', subCriteria: [] }] }],
      bonusItems: [],
      bonusCap: '2.005',
      deductionItems: [],
      deductionCap: null,
      bands: [{ name: ' Tốt ', minScore: '5' }],
    });
    expect(input.groups[0]).toEqual({ code: 'I', title: 'Nhóm', criteria: [{ code: '1', title: 'Tiêu chí', maxScore: 7.5 }] });
    expect(input.bonusCap).toBe(2.01);
    expect(input.deductionCap).toBe(0);
    expect(input.bands).toEqual([{ name: 'Tốt', minScore: 5 }]);
  });

  it('makes a criterion’s maximum the sum of its sub-criteria, whatever was typed', () => {
    const input = toCriteriaSetInput({
      groups: [
        {
          code: 'I',
          title: 'Nhóm',
          criteria: [
            {
              code: '1',
              title: 'Tiêu chí',
              maxScore: 99,
              subCriteria: [
                { code: '1.a', title: 'a', maxScore: 2.5 },
                { code: '1.b', title: 'b', maxScore: 0.1 },
              ],
            },
          ],
        },
      ],
    });
    expect(input.groups[0].criteria[0].maxScore).toBe(2.6);
    expect(criterionMaxScore({ maxScore: 4 })).toBe(4);
    expect(criterionMaxScore({ maxScore: 4, subCriteria: [] })).toBe(4);
  });

  it('sends an empty score as 0 so that the server names the item', () => {
    const input = toCriteriaSetInput({
      groups: [{ code: 'I', title: 'N', criteria: [{ code: '1', title: 't', maxScore: null }] }],
      bands: [{ name: 'Tốt', minScore: '' }],
    });
    expect(input.groups[0].criteria[0].maxScore).toBe(0);
    expect(input.bands[0].minScore).toBe(0);
  });

  it('computes the highest total as the server does (criteria at their maximum plus the bonus cap)', () => {
    expect(maximumTotal(toCriteriaFormValues(answered as unknown as CriteriaSetContent))).toBe(105);
    expect(maximumTotal(undefined)).toBe(0);
  });
});

describe('server field errors → the editor’s inputs', () => {
  it('reads the rules’ bracket paths and the validation pipe’s dotted ones', () => {
    expect(toCriteriaFormPath('criteria.groups[0].criteria[1].maxScore')).toEqual(['groups', '0', 'criteria', '1', 'maxScore']);
    expect(toCriteriaFormPath('groups.0.criteria.1.subCriteria.2.title')).toEqual([
      'groups',
      '0',
      'criteria',
      '1',
      'subCriteria',
      '2',
      'title',
    ]);
    expect(toCriteriaFormPath('criteria.bands[1].minScore')).toEqual(['bands', '1', 'minScore']);
    expect(toCriteriaFormPath('criteria.bonusCap')).toEqual(['bonusCap']);
  });

  it('puts an error on a list on the list’s root, and refuses paths no input shows', () => {
    expect(toCriteriaFormPath('criteria.groups[0].criteria')).toEqual(['groups', '0', 'criteria', 'root']);
    expect(toCriteriaFormPath('criteria.groups')).toEqual(['groups', 'root']);
    expect(toCriteriaFormPath('status')).toBeUndefined();
    expect(toCriteriaFormPath('groups.x.title')).toBeUndefined();
    expect(toCriteriaFormPath('groups.0')).toBeUndefined();
    expect(toCriteriaFormPath('groups.0.unknown')).toBeUndefined();
  });

  it('nests the errors like the inputs and keeps every message in the summary', () => {
    const errors = toCriteriaFormErrors(
      [
        { field: 'criteria.groups[0].criteria[0].maxScore', code: 'sum', message: 'Điểm tối đa của tiêu chí 1 (20) phải bằng tổng (25).' },
        { field: 'criteria.groups[0].criteria[1].code', code: 'duplicate', message: 'Mã "1" đã dùng.' },
        { field: 'criteria.bands[1].minScore', code: 'order', message: 'Các mức xếp loại phải xếp từ cao xuống thấp.' },
        { field: 'status', code: 'reviewStarted', message: 'Không thể thay đổi bảng tiêu chí.' },
      ],
      'Điểm tối đa của tiêu chí 1 (20) phải bằng tổng (25).',
    );
    expect(errors).toEqual({
      groups: {
        0: { criteria: { 0: { maxScore: 'Điểm tối đa của tiêu chí 1 (20) phải bằng tổng (25).' }, 1: { code: 'Mã "1" đã dùng.' } } },
      },
      bands: { 1: { minScore: 'Các mức xếp loại phải xếp từ cao xuống thấp.' } },
      root: { serverError: 'Điểm tối đa của tiêu chí 1 (20) phải bằng tổng (25). Không thể thay đổi bảng tiêu chí.' },
    });
  });
});

import type { CriteriaSetContent } from '../emulation.js';

/**
 * The criteria set of the rule and editor tests (libs/contracts, libs/emulation, apps/admin), in the shape of a Ban Dân vận
 * pledge: two groups (criterion 1 split into sub-criteria 1.a and 1.b), a bonus and a deduction item, four bands; the
 * highest total is 105 (100 for the criteria plus the bonus cap). Exported by @danvan/contracts because it is shared code
 * the admin may import; a new object each call, so a test may change it.
 */
export function sampleCriteriaSet(overrides: Partial<CriteriaSetContent> = {}): CriteriaSetContent {
  return {
    groups: [
      {
        code: 'I',
        title: 'Công tác tham mưu',
        criteria: [
          {
            code: '1',
            title: 'Tham mưu cấp ủy',
            maxScore: 20,
            subCriteria: [
              { code: '1.a', title: 'Ban hành văn bản', maxScore: 12 },
              { code: '1.b', title: 'Sơ kết, tổng kết', maxScore: 8 },
            ],
          },
          { code: '2', title: 'Dân vận khéo', maxScore: 30 },
        ],
      },
      { code: 'II', title: 'Xây dựng cơ quan', criteria: [{ code: '3', title: 'Nội bộ đoàn kết', maxScore: 50 }] },
    ],
    bonusItems: [{ code: 'C1', title: 'Mô hình mới', maxScore: 5 }],
    bonusCap: 5,
    deductionItems: [{ code: 'T1', title: 'Báo cáo chậm', maxScore: 2 }],
    deductionCap: 10,
    bands: [
      { name: 'Xuất sắc', minScore: 95 },
      { name: 'Tốt', minScore: 80 },
      { name: 'Khá', minScore: 65 },
      { name: 'Chưa đạt', minScore: 0 },
    ],
    ...overrides,
  };
}

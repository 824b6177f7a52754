/** Data the browser specs share. */

/** The criteria set adopted with the pledge: 60 points of criteria, up to 5 of bonus and 5 of deduction. */
export const CRITERIA = {
  groups: [
    {
      code: 'I',
      title: 'Công tác tham mưu, hướng dẫn',
      criteria: [
        {
          code: '1',
          title: 'Tham mưu cấp ủy về công tác dân vận',
          maxScore: 20,
          subCriteria: [
            { code: '1.a', title: 'Ban hành kế hoạch thực hiện Chỉ thị 22-CT/TU', maxScore: 10 },
            { code: '1.b', title: 'Sơ kết, tổng kết đúng hạn', maxScore: 10 },
          ],
        },
      ],
    },
    {
      code: 'II',
      title: 'Phong trào thi đua "Dân vận khéo"',
      criteria: [{ code: '2', title: 'Xây dựng mô hình "Dân vận khéo"', maxScore: 40 }],
    },
  ],
  bonusItems: [{ code: 'C1', title: 'Mô hình được công nhận tiêu biểu cấp tỉnh', maxScore: 5 }],
  bonusCap: 5,
  deductionItems: [{ code: 'T1', title: 'Báo cáo chậm', maxScore: 5 }],
  deductionCap: 5,
  bands: [
    { name: 'Xuất sắc', minScore: 55 },
    { name: 'Tốt', minScore: 45 },
    { name: 'Khá', minScore: 30 },
  ],
};

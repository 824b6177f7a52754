import { describeAwardFilters } from './awards-export.js';

describe('the filters printed under an awards export title', () => {
  const names = { units: new Map([['u-1', 'Tỉnh ủy Hậu Giang']]), titles: [], pledge: null, model: null };

  it('names the issuer subtree and the decision-date range, so a filtered workbook never reads as unfiltered', () => {
    expect(describeAwardFilters({ issuerWithinUnitId: 'u-1', decidedFrom: '2024-01-01', decidedTo: '2024-12-31' }, names)).toEqual([
      'Đơn vị khen thưởng thuộc cây của: Tỉnh ủy Hậu Giang',
      'Ngày quyết định: từ 01/01/2024 đến 31/12/2024',
    ]);
  });

  it('prints an open-ended range by its one bound', () => {
    expect(describeAwardFilters({ decidedFrom: '2024-03-05' }, names)).toEqual(['Ngày quyết định: từ 05/03/2024']);
    expect(describeAwardFilters({ decidedTo: '2024-03-05' }, names)).toEqual(['Ngày quyết định: đến 05/03/2024']);
  });
});

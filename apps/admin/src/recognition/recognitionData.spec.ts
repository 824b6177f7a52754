import { describe, expect, it } from '@jest/globals';
import { toAwardListOptions, toCreateAwardsInput, toModelListOptions, toModelsExportUrl, topThreeProposals } from './recognitionData';

describe('awards from a ranking', () => {
  const row = (rank: number | null, id: string) => ({ rank, unit: { id } });

  it('proposes the first three ranks as nhất, nhì, ba; tied units share their rank; unscored units never', () => {
    expect(topThreeProposals([row(1, 'a'), row(2, 'b'), row(3, 'c'), row(4, 'd')])).toEqual([
      { unitId: 'a', rank: 'FIRST' },
      { unitId: 'b', rank: 'SECOND' },
      { unitId: 'c', rank: 'THIRD' },
    ]);
    expect(topThreeProposals([row(1, 'a'), row(1, 'b'), row(3, 'c'), row(null, 'd')])).toEqual([
      { unitId: 'a', rank: 'FIRST' },
      { unitId: 'b', rank: 'FIRST' },
      { unitId: 'c', rank: 'THIRD' },
    ]);
    expect(topThreeProposals([row(null, 'a')])).toEqual([]);
  });

  it('sends a title as awardTitleId and a form of commendation as formId', () => {
    const proposals = [{ unitId: 'a', rank: 'FIRST' as const }];
    const values = { issuerUnitId: 'u-1', decidedOn: '2024-12-30', decisionDocumentId: '', citation: ' Dẫn đầu khối ' };
    expect(toCreateAwardsInput('p', values, { id: 't-1', kind: 'TITLE' }, proposals)).toEqual({
      pledgeId: 'p',
      awardTitleId: 't-1',
      issuerUnitId: 'u-1',
      decisionDocumentId: null,
      decidedOn: '2024-12-30',
      citation: 'Dẫn đầu khối',
      proposals,
    });
    expect(toCreateAwardsInput('p', values, { id: 'f-1', kind: 'FORM' }, proposals)).toMatchObject({ formId: 'f-1' });
    expect(toCreateAwardsInput('p', values, { id: 'f-1', kind: 'FORM' }, proposals)).not.toHaveProperty('awardTitleId');
  });
});

describe('lists', () => {
  it('maps the award filters and sort', () => {
    expect(
      toAwardListOptions({
        pagination: { page: 1, perPage: 20 },
        sort: { field: 'decidedOn', order: 'DESC' },
        filter: { q: 'nguyen', year: 2024, titleId: 't-1', rank: 'FIRST', revoked: false, pledgeId: 'p' },
      }),
    ).toEqual({
      page: 1,
      pageSize: 20,
      sort: { field: 'DECIDED_ON', order: 'DESC' },
      filter: { search: 'nguyen', year: 2024, titleId: ['t-1'], rank: ['FIRST'], revoked: false, pledgeId: 'p' },
    });
  });

  it('maps the model filters and sort, and builds the export’s query string from the same values', () => {
    const filter = { q: 'hien dat', year: '2023', field: 'ECONOMY', recognition: ['TYPICAL', 'EXCELLENT'], level: 'COMMUNE', withinUnitId: 'u-1', junk: 'x' };
    const sort = { field: 'firstYear', order: 'DESC' as const };
    expect(toModelListOptions({ pagination: { page: 1, perPage: 20 }, sort, filter })).toEqual({
      page: 1,
      pageSize: 20,
      sort: { field: 'FIRST_YEAR', order: 'DESC' },
      filter: { search: 'hien dat', year: 2023, field: ['ECONOMY'], recognition: ['TYPICAL', 'EXCELLENT'], level: ['COMMUNE'], withinUnitId: 'u-1' },
    });
    expect(toModelsExportUrl(filter, sort)).toBe(
      '/api/v1/models/export.xlsx?q=hien+dat&withinUnitId=u-1&year=2023&field=ECONOMY&level=COMMUNE&recognition=TYPICAL,EXCELLENT&sort=-firstYear',
    );
    expect(toModelsExportUrl({}, { field: 'owner', order: 'ASC' })).toBe('/api/v1/models/export.xlsx');
  });
});

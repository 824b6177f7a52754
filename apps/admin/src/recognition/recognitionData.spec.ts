import { describe, expect, it } from '@jest/globals';
import { toRestSortParam, toRestUrl } from '../data/restQuery';
import { toPledgeListOptions } from '../pledges/pledgeData';
import {
  awardPledgeFilter,
  isRecognitionDown,
  pledgeOfOtherYear,
  nextRecognition,
  titleSuits,
  toAwardFormErrors,
  toAwardListOptions,
  toAwardsExportUrl,
  toCreateAwardInput,
  toCreateAwardsInput,
  toCreateModelInput,
  toModelListOptions,
  toModelRecord,
  toModelsExportUrl,
  toRecogniseModelInput,
  topThreeProposals,
  toUpdateModelInput,
  type ModelRecord,
} from './recognitionData';

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
    const filter = {
      q: 'hien dat',
      year: '2023',
      field: 'ECONOMY',
      recognition: ['TYPICAL', 'EXCELLENT'],
      level: 'COMMUNE',
      withinUnitId: 'u-1',
      junk: 'x',
    };
    const sort = { field: 'firstYear', order: 'DESC' as const };
    expect(toModelListOptions({ pagination: { page: 1, perPage: 20 }, sort, filter })).toEqual({
      page: 1,
      pageSize: 20,
      sort: { field: 'FIRST_YEAR', order: 'DESC' },
      filter: {
        search: 'hien dat',
        year: 2023,
        field: ['ECONOMY'],
        recognition: ['TYPICAL', 'EXCELLENT'],
        level: ['COMMUNE'],
        withinUnitId: 'u-1',
      },
    });
    expect(toModelsExportUrl(filter, sort)).toBe(
      '/api/v1/models/export.xlsx?q=hien+dat&withinUnitId=u-1&year=2023&field=ECONOMY&level=COMMUNE&recognition=TYPICAL,EXCELLENT&sort=-firstYear',
    );
    expect(toModelsExportUrl({}, { field: 'owner', order: 'ASC' })).toBe('/api/v1/models/export.xlsx');
  });
});

describe('the awards’ Excel export', () => {
  it('sends the list’s own filters and sort as the query string of GET /api/v1/awards', () => {
    const filter = {
      q: 'nguyen van',
      year: 2024,
      titleId: ['t-1', 't-2'],
      rank: 'FIRST',
      recipientKind: 'COLLECTIVE',
      withinUnitId: 'u-1',
      revoked: false,
      pledgeId: 'p',
      junk: 'x',
    };
    expect(toAwardsExportUrl(filter, { field: 'decidedOn', order: 'DESC' })).toBe(
      '/api/v1/awards/export.xlsx?q=nguyen+van&year=2024&titleId=t-1,t-2&recipientKind=COLLECTIVE&withinUnitId=u-1&pledgeId=p&rank=FIRST&revoked=false&sort=-decidedOn',
    );
    // The same values the GraphQL list receives.
    expect(
      toAwardListOptions({ pagination: { page: 1, perPage: 20 }, sort: { field: 'decidedOn', order: 'DESC' }, filter }).filter,
    ).toEqual({
      search: 'nguyen van',
      year: 2024,
      titleId: ['t-1', 't-2'],
      rank: ['FIRST'],
      recipientKind: ['COLLECTIVE'],
      withinUnitId: 'u-1',
      revoked: false,
      pledgeId: 'p',
    });
    expect(toAwardsExportUrl({ revoked: 'true', year: '19' }, { field: 'year', order: 'ASC' })).toBe(
      '/api/v1/awards/export.xlsx?revoked=true&sort=year',
    );
    expect(toAwardsExportUrl(undefined, { field: 'recipient', order: 'ASC' })).toBe('/api/v1/awards/export.xlsx');
  });

  it('builds REST urls leaving out what is empty, and sorts only by allowed fields', () => {
    expect(
      toRestUrl('/x', [
        ['a', ''],
        ['b', []],
        ['c', undefined],
        ['d', 0],
        ['e', ['A', 'B']],
        ['f', true],
      ]),
    ).toBe('/x?d=0&e=A,B&f=true');
    expect(toRestUrl('/x', [])).toBe('/x');
    expect(toRestSortParam({ field: 'name', order: 'DESC' }, ['name'])).toBe('-name');
    expect(toRestSortParam({ field: 'id', order: 'ASC' }, ['name'])).toBeUndefined();
  });
});

describe('one award', () => {
  const values = {
    titleId: 't-1',
    recipientKind: 'INDIVIDUAL',
    recipientUnitId: 'u-1',
    personName: ' Trương Thanh Huyền ',
    personPosition: 'Trưởng ban',
    rank: 'FIRST',
    issuerUnitId: 'u-0',
    decisionDocumentId: '',
    decidedOn: '2020-12-29',
    year: '',
    pledgeId: null,
    modelId: 'm-1',
    citation: ' Hoàn thành xuất sắc nhiệm vụ ',
  };

  it('sends a title as awardTitleId, a form as formId; a person only for an individual, a rank only for a ranked entry', () => {
    expect(toCreateAwardInput(values, { kind: 'FORM', ranked: false })).toEqual({
      formId: 't-1',
      recipientKind: 'INDIVIDUAL',
      recipientUnitId: 'u-1',
      personName: 'Trương Thanh Huyền',
      personPosition: 'Trưởng ban',
      rank: null,
      decisionDocumentId: null,
      issuerUnitId: 'u-0',
      decidedOn: '2020-12-29',
      year: null,
      pledgeId: null,
      modelId: 'm-1',
      citation: 'Hoàn thành xuất sắc nhiệm vụ',
    });
    const collective = toCreateAwardInput({ ...values, recipientKind: 'COLLECTIVE', year: 2024 }, { kind: 'TITLE', ranked: true });
    expect(collective).toMatchObject({ awardTitleId: 't-1', personName: null, personPosition: null, rank: 'FIRST', year: 2024 });
    expect(collective).not.toHaveProperty('formId');
  });

  it('puts the server’s errors on the entry (awardTitleId, formId) on the one titleId input', () => {
    const errors = toAwardFormErrors(
      [
        { field: 'formId', code: 'kind', message: '"Bằng khen" là hình thức khen thưởng.' },
        { field: 'personName', code: 'required', message: 'Khen thưởng cá nhân phải ghi họ và tên người được khen.' },
        { field: 'proposals', code: 'x', message: 'Khác' },
      ],
      'Dữ liệu gửi lên không hợp lệ.',
    );
    expect(errors).toEqual({
      titleId: '"Bằng khen" là hình thức khen thưởng.',
      personName: 'Khen thưởng cá nhân phải ghi họ và tên người được khen.',
      root: { serverError: 'Dữ liệu gửi lên không hợp lệ. Khác' },
    });
  });

  it('offers the entries suited to the recipient and still in use', () => {
    expect(titleSuits({ active: true, recipients: 'BOTH' }, 'INDIVIDUAL')).toBe(true);
    expect(titleSuits({ active: true, recipients: 'COLLECTIVE' }, 'INDIVIDUAL')).toBe(false);
    expect(titleSuits({ active: false, recipients: 'COLLECTIVE' }, 'COLLECTIVE')).toBe(false);
  });

  it('offers only finalised pledges (of the award’s year once typed), as the pledge list asks the server', () => {
    expect(awardPledgeFilter(undefined)).toEqual({ status: ['FINALISED'] });
    expect(awardPledgeFilter(null)).toEqual({ status: ['FINALISED'] });
    expect(awardPledgeFilter(2023)).toEqual({ status: ['FINALISED'], year: 2023 });
    expect(toPledgeListOptions({ pagination: { page: 1, perPage: 100 }, filter: awardPledgeFilter(2023) })).toEqual({
      page: 1,
      pageSize: 100,
      filter: { year: 2023, status: ['FINALISED'] },
    });
  });

  it('clears a chosen pledge once the award’s year is another one', () => {
    expect(pledgeOfOtherYear(2023, 2024)).toBe(true);
    expect(pledgeOfOtherYear(2023, 2023)).toBe(false);
    // No year typed: the server takes the pledge's.
    expect(pledgeOfOtherYear(2023, undefined)).toBe(false);
    expect(pledgeOfOtherYear(2023, null)).toBe(false);
    // The pledge not read yet.
    expect(pledgeOfOtherYear(undefined, 2024)).toBe(false);
  });
});

describe('models', () => {
  const unit = { id: 'u-1', name: 'Ban Dân vận Huyện ủy Tiền Hải', shortName: null, level: 'DISTRICT' as const };
  const model: ModelRecord = toModelRecord({
    id: 'm-1',
    name: 'Vận động nhân dân hiến đất làm đường',
    owner: unit,
    holderKind: 'COLLECTIVE',
    personName: null,
    field: 'ECONOMY',
    fieldLabel: 'Kinh tế',
    level: 'DISTRICT',
    firstYear: 2017,
    lastYear: null,
    recognition: 'REGISTERED',
    recognitionLabel: 'Đăng ký',
    recognisedOn: null,
    recognitionDocument: null,
    description: null,
    results: [{ indicator: 'Đất hiến làm đường', value: 4685, unit: 'm²' }],
    evidence: [{ description: 'Báo cáo sơ kết', url: null }],
    version: 3,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
  });

  it('gives the form the owner’s id', () => {
    expect(model.ownerUnitId).toBe('u-1');
  });

  it('sends a new model: empty owner and level left to the server, the person only for an individual, empty rows dropped', () => {
    expect(
      toCreateModelInput({
        name: ' Dân vận khéo trong xây dựng nông thôn mới ',
        ownerUnitId: '',
        holderKind: 'COLLECTIVE',
        personName: 'Nguyễn Văn A',
        field: 'ECONOMY',
        level: '',
        firstYear: 2023,
        lastYear: null,
        description: '',
        results: [
          { indicator: 'Xã đạt chuẩn nông thôn mới', value: 27, unit: 'xã' },
          { indicator: '', value: null, unit: '' },
        ],
        evidence: [
          { description: 'Quyết định công nhận', url: ' https://example.gov.vn/qd.pdf ' },
          { description: ' ', url: '' },
        ],
      }),
    ).toEqual({
      name: 'Dân vận khéo trong xây dựng nông thôn mới',
      ownerUnitId: null,
      holderKind: 'COLLECTIVE',
      personName: null,
      field: 'ECONOMY',
      level: null,
      firstYear: 2023,
      lastYear: null,
      description: null,
      results: [{ indicator: 'Xã đạt chuẩn nông thôn mới', value: 27, unit: 'xã' }],
      evidence: [{ description: 'Quyết định công nhận', url: 'https://example.gov.vn/qd.pdf' }],
    });
  });

  it('sends only what changed; a cleared level goes as null (the owner’s level)', () => {
    const form = { ...model, results: [{ indicator: 'Đất hiến làm đường', value: 4685, unit: 'm²' }] };
    expect(toUpdateModelInput(form, model)).toEqual({});
    expect(
      toUpdateModelInput(
        {
          ...form,
          name: 'Hiến đất làm đường',
          level: '',
          lastYear: 2024,
          holderKind: 'INDIVIDUAL',
          personName: 'Nguyễn Thị B',
          results: [...form.results, { indicator: 'Đường bê tông', value: '12,5', unit: 'km' }],
        },
        model,
      ),
    ).toEqual({
      name: 'Hiến đất làm đường',
      level: null,
      lastYear: 2024,
      holderKind: 'INDIVIDUAL',
      personName: 'Nguyễn Thị B',
      results: [
        { indicator: 'Đất hiến làm đường', value: 4685, unit: 'm²' },
        { indicator: 'Đường bê tông', value: 12.5, unit: 'km' },
      ],
    });
    expect(toUpdateModelInput({ ...form, ownerUnitId: 'u-2', evidence: [] }, model)).toEqual({ ownerUnitId: 'u-2', evidence: [] });
  });

  it('recognises up one step by default; a step down is named', () => {
    expect(nextRecognition('REGISTERED')).toBe('TYPICAL');
    expect(nextRecognition('TYPICAL')).toBe('EXCELLENT');
    expect(nextRecognition('EXCELLENT')).toBeNull();
    expect(isRecognitionDown('EXCELLENT', 'TYPICAL')).toBe(true);
    expect(isRecognitionDown('TYPICAL', 'EXCELLENT')).toBe(false);
    expect(toRecogniseModelInput({ recognition: 'TYPICAL', recognisedOn: '2017-12-20', documentId: '', note: ' ' })).toEqual({
      recognition: 'TYPICAL',
      recognisedOn: '2017-12-20',
      documentId: null,
      note: null,
    });
  });
});

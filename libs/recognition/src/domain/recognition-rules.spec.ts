import {
  awardYear,
  catalogueChoice,
  entryKindRefusal,
  proposalRefusals,
  recipientRefusals,
  titleChangeRefusals,
  type AwardTitleFacts,
} from './award-rules.js';
import {
  activeInYear,
  assembleModelCounts,
  formatCount,
  holderRefusal,
  recognitionChangeRefusals,
  yearsRefusal,
  type ModelCountRow,
} from './model-rules.js';

const flag: AwardTitleFacts = {
  name: 'Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh',
  kind: 'TITLE',
  recipients: 'COLLECTIVE',
  ranked: true,
  active: true,
};
const certificate: AwardTitleFacts = { name: 'Giấy khen', kind: 'FORM', recipients: 'BOTH', ranked: false, active: true };
const emulationSoldier: AwardTitleFacts = {
  name: 'Chiến sĩ thi đua cơ sở',
  kind: 'TITLE',
  recipients: 'INDIVIDUAL',
  ranked: false,
  active: true,
};

describe('award rules', () => {
  it('names exactly one catalogue entry: a title (awardTitleId) or a form (formId)', () => {
    expect(catalogueChoice({ awardTitleId: 'a' })).toEqual({ ok: true, id: 'a', kind: 'TITLE', field: 'awardTitleId' });
    expect(catalogueChoice({ formId: 'f', awardTitleId: null })).toEqual({ ok: true, id: 'f', kind: 'FORM', field: 'formId' });
    expect(catalogueChoice({})).toMatchObject({ ok: false, error: { field: 'awardTitleId', code: 'exactlyOne' } });
    expect(catalogueChoice({ awardTitleId: 'a', formId: 'f' })).toMatchObject({
      ok: false,
      error: { field: 'formId', code: 'exactlyOne' },
    });
  });

  it('refuses a form given as a title and the reverse', () => {
    expect(entryKindRefusal({ kind: 'TITLE', field: 'awardTitleId' }, flag)).toBeNull();
    expect(entryKindRefusal({ kind: 'TITLE', field: 'awardTitleId' }, certificate)).toMatchObject({
      field: 'awardTitleId',
      code: 'kind',
      message: expect.stringContaining('hãy dùng formId'),
    });
  });

  it('checks the recipient against the entry: collective or individual, the person named, a rank only where ranked, an active entry', () => {
    expect(recipientRefusals(flag, { kind: 'COLLECTIVE', rank: 'FIRST' }, 'awardTitleId')).toEqual([]);
    expect(
      recipientRefusals(certificate, { kind: 'INDIVIDUAL', personName: 'Trương Thanh Huyền', personPosition: 'Trưởng ban' }, 'formId'),
    ).toEqual([]);
    expect(recipientRefusals(flag, { kind: 'INDIVIDUAL', personName: 'Ngô Văn Huỳnh' }, 'awardTitleId').map((e) => e.field)).toEqual([
      'recipientKind',
    ]);
    expect(recipientRefusals(emulationSoldier, { kind: 'INDIVIDUAL', personName: '  ' }, 'awardTitleId').map((e) => e.code)).toEqual([
      'required',
    ]);
    expect(recipientRefusals(certificate, { kind: 'COLLECTIVE', personName: 'Dương Xuân Hòa' }, 'formId').map((e) => e.code)).toEqual([
      'collective',
    ]);
    expect(recipientRefusals(certificate, { kind: 'COLLECTIVE', rank: 'SECOND' }, 'formId').map((e) => e.field)).toEqual(['rank']);
    expect(recipientRefusals({ ...flag, active: false }, { kind: 'COLLECTIVE' }, 'awardTitleId').map((e) => [e.field, e.code])).toEqual([
      ['awardTitleId', 'inactive'],
    ]);
  });

  it('checks every proposal of a pledge ranking and reports each problem on its own field', () => {
    const signatories = new Set(['u1', 'u2', 'u3']);
    expect(
      proposalRefusals(
        flag,
        'awardTitleId',
        [
          { unitId: 'u1', rank: 'FIRST' },
          { unitId: 'u2', rank: 'SECOND' },
        ],
        signatories,
      ),
    ).toEqual([]);
    const errors = proposalRefusals(
      certificate,
      'formId',
      [{ unitId: 'u1' }, { unitId: 'u9' }, { unitId: 'u1', rank: 'THIRD' }],
      signatories,
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['proposals.1.unitId', 'notSignatory'],
      ['proposals.2.unitId', 'duplicate'],
      ['proposals.2.rank', 'notRanked'],
    ]);
    expect(
      proposalRefusals(emulationSoldier, 'awardTitleId', [{ unitId: 'u1' }, { unitId: 'u2' }], signatories).map((e) => [e.field, e.code]),
    ).toEqual([['awardTitleId', 'recipients']]);
    expect(proposalRefusals(flag, 'awardTitleId', [], signatories).map((e) => e.field)).toEqual(['proposals']);
  });

  it('dates an award: the year given, else the pledge year, else the decision year', () => {
    expect(awardYear(2022, 2023, '2024-01-03')).toBe(2022);
    expect(awardYear(null, 2023, '2024-01-03')).toBe(2023);
    expect(awardYear(undefined, null, '2020-12-29')).toBe(2020);
  });

  it('keeps a catalogue change true of the awards already given', () => {
    expect(titleChangeRefusals({ recipients: 'BOTH', ranked: false }, { collective: 3, individual: 2, ranked: 0 })).toEqual([]);
    expect(
      titleChangeRefusals({ recipients: 'COLLECTIVE', ranked: false }, { collective: 3, individual: 2, ranked: 1 }).map((e) => e.field),
    ).toEqual(['recipients', 'ranked']);
    expect(
      titleChangeRefusals({ recipients: 'INDIVIDUAL', ranked: true }, { collective: 1, individual: 0, ranked: 1 }).map((e) => e.field),
    ).toEqual(['recipients']);
  });
});

describe('model rules', () => {
  it('years: a last year is not before the first; a model runs in the years between', () => {
    expect(yearsRefusal(2023, null)).toBeNull();
    expect(yearsRefusal(2023, 2023)).toBeNull();
    expect(yearsRefusal(2023, 2021)).toMatchObject({ field: 'lastYear' });
    expect(activeInYear({ firstYear: 2021, lastYear: null }, 2023)).toBe(true);
    expect(activeInYear({ firstYear: 2021, lastYear: 2022 }, 2023)).toBe(false);
    expect(activeInYear({ firstYear: 2024, lastYear: null }, 2023)).toBe(false);
  });

  it('an individual model names its person; a collective one does not', () => {
    expect(holderRefusal('INDIVIDUAL', 'Nguyễn Văn A')).toBeNull();
    expect(holderRefusal('COLLECTIVE', null)).toBeNull();
    expect(holderRefusal('INDIVIDUAL', ' ')).toMatchObject({ field: 'personName', code: 'required' });
    expect(holderRefusal('COLLECTIVE', 'Nguyễn Văn A')).toMatchObject({ field: 'personName', code: 'collective' });
  });

  it('a recognition change changes something, after the model began and the previous change; a step down needs its reason', () => {
    const facts = { current: 'TYPICAL' as const, firstYear: 2022, lastRecognisedOn: '2023-06-01' };
    expect(recognitionChangeRefusals(facts, { to: 'EXCELLENT', recognisedOn: '2024-01-03' })).toEqual([]);
    expect(recognitionChangeRefusals(facts, { to: 'TYPICAL', recognisedOn: '2024-01-03' }).map((e) => e.code)).toEqual(['unchanged']);
    expect(recognitionChangeRefusals(facts, { to: 'EXCELLENT', recognisedOn: '2023-05-31' }).map((e) => e.code)).toEqual([
      'beforePrevious',
    ]);
    expect(
      recognitionChangeRefusals({ ...facts, lastRecognisedOn: null }, { to: 'EXCELLENT', recognisedOn: '2021-12-31' }).map((e) => e.code),
    ).toEqual(['beforeModel']);
    expect(recognitionChangeRefusals(facts, { to: 'REGISTERED', recognisedOn: '2024-01-03' }).map((e) => [e.field, e.code])).toEqual([
      ['note', 'reasonRequired'],
    ]);
    expect(recognitionChangeRefusals(facts, { to: 'REGISTERED', recognisedOn: '2024-01-03', note: 'Mô hình không còn duy trì' })).toEqual(
      [],
    );
  });

  it('formats counts the Vietnamese way', () => {
    expect(formatCount(1432)).toBe('1.432');
    expect(formatCount(106)).toBe('106');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(0)).toBe('0');
  });

  it('assembles the GROUPING SETS rows into totals and breakdowns, zero for what nobody has', () => {
    const row = (r: Partial<ModelCountRow> & { count: number }): ModelCountRow => ({
      level: null,
      field: null,
      recognition: null,
      groupedLevel: r.level ? 0 : 1,
      groupedField: r.field ? 0 : 1,
      groupedRecognition: r.recognition ? 0 : 1,
      ...r,
    });
    const counts = assembleModelCounts(2023, [
      row({ count: 1432 }),
      row({ recognition: 'REGISTERED', count: 1317 }),
      row({ recognition: 'TYPICAL', count: 106 }),
      row({ recognition: 'EXCELLENT', count: 9 }),
      row({ level: 'PROVINCE', count: 32 }),
      row({ level: 'COMMUNE', count: 1400 }),
      row({ level: 'PROVINCE', recognition: 'EXCELLENT', count: 9 }),
      row({ level: 'PROVINCE', recognition: 'TYPICAL', count: 23 }),
      row({ level: 'COMMUNE', recognition: 'TYPICAL', count: 83 }),
      row({ level: 'COMMUNE', recognition: 'REGISTERED', count: 1317 }),
      row({ field: 'ECONOMY', count: 1432 }),
      row({ field: 'ECONOMY', recognition: 'TYPICAL', count: 106 }),
    ]);
    expect(counts).toMatchObject({ year: 2023, total: 1432, registered: 1317, typical: 106, excellent: 9 });
    expect(counts.byLevel).toEqual([
      { level: 'CENTRAL', total: 0, registered: 0, typical: 0, excellent: 0 },
      { level: 'PROVINCE', total: 32, registered: 0, typical: 23, excellent: 9 },
      { level: 'DISTRICT', total: 0, registered: 0, typical: 0, excellent: 0 },
      { level: 'COMMUNE', total: 1400, registered: 1317, typical: 83, excellent: 0 },
    ]);
    expect(counts.byField.map((f) => [f.field, f.total, f.typical])).toEqual([
      ['ECONOMY', 1432, 106],
      ['CULTURE_SOCIETY', 0, 0],
      ['DEFENCE_SECURITY', 0, 0],
      ['POLITICAL_SYSTEM', 0, 0],
    ]);
    expect(counts.byRecognition).toEqual([
      { recognition: 'REGISTERED', count: 1317 },
      { recognition: 'TYPICAL', count: 106 },
      { recognition: 'EXCELLENT', count: 9 },
    ]);
    expect(counts.summary).toBe('1.432 mô hình "Dân vận khéo" năm 2023, trong đó 106 tiêu biểu, 9 tiêu biểu xuất sắc.');
  });
});

import { describe, expect, it } from '@jest/globals';
import { HttpError } from 'react-admin';
import { ROLE_PERMISSIONS, type Role } from '@danvan/contracts';
import { canAccessResource } from './auth/access';
import { createDataProvider } from './dataProvider';
import { toBlocListOptions, toBlocRecord, toCreateBlocInput, toUpdateBlocInput, type BlocRecord } from './blocs/blocData';
import { toCreateDocumentInput, toDocumentListOptions, toUpdateDocumentInput, type DocumentRecord } from './documents/documentData';
import { toCreateMovementInput, toMovementListOptions, toMovementRecord, toUpdateMovementInput } from './movements/movementData';
import { toCreatePledgeInput, toPledgeListOptions, toSignPledgeInput, toUpdatePledgeInput, type PledgeRecord } from './pledges/pledgeData';
import { LINE_CONFLICT_MESSAGE, selfScoreRefusalOf } from './scoring/scoringData';

const unit = (id: string, name: string) => ({ id, name, shortName: null });

describe('documents', () => {
  it('maps the list’s search, type, issuer, dates and sort', () => {
    expect(
      toDocumentListOptions({
        pagination: { page: 2, perPage: 50 },
        sort: { field: 'issuedOn', order: 'DESC' },
        filter: {
          q: ' ke hoach ',
          type: 'KH',
          issuer: ' BDVTU ',
          issuedFrom: '2023-01-01',
          issuedTo: '2023-12-31',
          form: 'PARTY',
          junk: 1,
        },
      }),
    ).toEqual({
      page: 2,
      pageSize: 50,
      sort: { field: 'ISSUED_ON', order: 'DESC' },
      filter: { search: 'ke hoach', type: ['KH'], issuer: 'BDVTU', issuedFrom: '2023-01-01', issuedTo: '2023-12-31', form: ['PARTY'] },
    });
    expect(
      toDocumentListOptions({
        pagination: { page: 1, perPage: 20 },
        sort: { field: 'typeName', order: 'ASC' },
        filter: { issuedFrom: '01/2023' },
      }),
    ).toEqual({ page: 1, pageSize: 20 });
  });

  it('creates with the number as typed (the server validates it) and the owner only when chosen', () => {
    expect(toCreateDocumentInput({ number: ' 151-KH/BDVTU ', issuedOn: '2023-12-21', title: ' Kế hoạch ', ownerUnitId: '' })).toEqual({
      number: '151-KH/BDVTU',
      issuedOn: '2023-12-21',
      title: 'Kế hoạch',
    });
    expect(toCreateDocumentInput({ number: 'x', ownerUnitId: 'u-1' })).toMatchObject({ ownerUnitId: 'u-1', issuedOn: null, title: '' });
  });

  it('updates only what changed', () => {
    const previous = { number: '151-KH/BDVTU', issuedOn: '2023-12-21', title: 'Kế hoạch' } as DocumentRecord;
    expect(toUpdateDocumentInput({ ...previous, title: 'Kế hoạch mới' }, previous)).toEqual({ title: 'Kế hoạch mới' });
    expect(toUpdateDocumentInput({ ...previous }, previous)).toEqual({});
  });
});

describe('movements', () => {
  const view = {
    id: 'm-1',
    name: 'Dân vận khéo',
    kind: 'REGULAR' as const,
    launchedBy: unit('u-1', 'Ban Dân vận Tỉnh ủy'),
    startsOn: '2024-01-01',
    endsOn: null,
    description: null,
    legalBasis: [{ id: 'd-1', number: '151-KH/BDVTU', issuedOn: '2023-12-21', title: 'Kế hoạch' }],
    version: 2,
    createdAt: '',
    updatedAt: '',
  };

  it('adds the ids the form edits', () => {
    expect(toMovementRecord(view)).toMatchObject({ launchedByUnitId: 'u-1', legalBasisIds: ['d-1'] });
  });

  it('maps filters, creation and changes', () => {
    expect(
      toMovementListOptions({ pagination: { page: 1, perPage: 20 }, filter: { q: 'dan van', kind: 'THEMED', activeOn: '2024-06-01' } }),
    ).toEqual({
      page: 1,
      pageSize: 20,
      filter: { search: 'dan van', kind: ['THEMED'], activeOn: '2024-06-01' },
    });
    expect(
      toCreateMovementInput({
        name: ' Dân vận khéo ',
        kind: 'REGULAR',
        launchedByUnitId: 'u-1',
        startsOn: '2024-01-01',
        endsOn: '',
        description: ' ',
        legalBasisIds: ['d-1', '', 'd-1'],
      }),
    ).toEqual({
      name: 'Dân vận khéo',
      kind: 'REGULAR',
      launchedByUnitId: 'u-1',
      startsOn: '2024-01-01',
      endsOn: null,
      description: null,
      legalBasisIds: ['d-1'],
    });
    const record = toMovementRecord(view);
    expect(toUpdateMovementInput({ ...record, endsOn: '2025-12-31', legalBasisIds: [] }, record)).toEqual({
      endsOn: '2025-12-31',
      legalBasisIds: [],
    });
  });
});

describe('blocs', () => {
  const record: BlocRecord = toBlocRecord({
    id: 'b-1',
    year: 2024,
    name: 'Khối huyện',
    owner: unit('o', 'Ban Dân vận Tỉnh ủy'),
    movementId: null,
    head: unit('a', 'A'),
    deputy: unit('b', 'B'),
    members: [unit('a', 'A'), unit('b', 'B'), unit('c', 'C')],
    pledgeId: null,
    version: 1,
    createdAt: '',
    updatedAt: '',
  });

  it('adds the ids the form edits', () => {
    expect(record).toMatchObject({ ownerUnitId: 'o', memberIds: ['a', 'b', 'c'], headUnitId: 'a', deputyUnitId: 'b' });
  });

  it('lists by year (ignoring what is not a year)', () => {
    expect(toBlocListOptions({ pagination: { page: 1, perPage: 20 }, filter: { year: '2024', q: 'huyen' } })).toEqual({
      page: 1,
      pageSize: 20,
      filter: { year: 2024, search: 'huyen' },
    });
    expect(toBlocListOptions({ pagination: { page: 1, perPage: 20 }, filter: { year: 20 } })).toEqual({ page: 1, pageSize: 20 });
  });

  it('sends a head or deputy only when it is a member', () => {
    expect(
      toCreateBlocInput({ year: 2024, name: ' Khối ', ownerUnitId: 'o', memberIds: ['a', 'b'], headUnitId: 'a', deputyUnitId: 'z' }),
    ).toEqual({
      year: 2024,
      name: 'Khối',
      ownerUnitId: 'o',
      movementId: null,
      memberIds: ['a', 'b'],
      headUnitId: 'a',
      deputyUnitId: null,
    });
  });

  it('updates members, and clears a head who left them', () => {
    expect(toUpdateBlocInput({ ...record, memberIds: ['b', 'c'] }, record)).toEqual({ memberIds: ['b', 'c'], headUnitId: null });
    expect(toUpdateBlocInput({ ...record, deputyUnitId: 'c' }, record)).toEqual({ deputyUnitId: 'c' });
    expect(toUpdateBlocInput({ ...record }, record)).toEqual({});
  });
});

describe('pledges', () => {
  it('maps the list’s year, step and signatory', () => {
    expect(
      toPledgeListOptions({ pagination: { page: 1, perPage: 20 }, filter: { year: 2024, status: 'SCORING_OPEN', signatoryUnitId: 'u-1' } }),
    ).toEqual({
      page: 1,
      pageSize: 20,
      filter: { year: 2024, status: ['SCORING_OPEN'], signatoryUnitId: 'u-1' },
    });
  });

  it('creates and updates', () => {
    expect(
      toCreatePledgeInput({ blocId: 'b-1', title: ' Giao ước 2024 ', documentIds: ['d-1'], breakthroughMin: 3, breakthroughMax: '' }),
    ).toEqual({
      blocId: 'b-1',
      title: 'Giao ước 2024',
      documentIds: ['d-1'],
      breakthroughMin: 3,
      breakthroughMax: null,
    });
    const previous = { title: 'Giao ước', documentIds: ['d-1'], breakthroughMin: 3, breakthroughMax: 5 } as PledgeRecord;
    expect(toUpdatePledgeInput({ ...previous, breakthroughMax: null, documentIds: ['d-2', 'd-1'] }, previous)).toEqual({
      breakthroughMax: null,
      documentIds: ['d-2', 'd-1'],
    });
  });

  it('signs with date, event and place; no signatory chosen means every member', () => {
    expect(toSignPledgeInput({ signedOn: '2024-01-12', signingEvent: ' Hội nghị ', signingPlace: '', signatoryIds: [] })).toEqual({
      signedOn: '2024-01-12',
      signingEvent: 'Hội nghị',
      signingPlace: null,
    });
    expect(toSignPledgeInput({ signedOn: '2024-01-12', signingEvent: 'x', signatoryIds: ['a'] })).toMatchObject({ signatoryIds: ['a'] });
  });
});

describe('who sees the emulation screens', () => {
  const can = (role: Role, resource: string, action: string) => canAccessResource(ROLE_PERMISSIONS[role], resource, action);

  it('a secretariat manages and reviews; an organisation reads and submits its own scores; a viewer reads', () => {
    for (const resource of ['documents', 'movements', 'blocs', 'pledges']) {
      expect(can('SECRETARIAT', resource, 'edit')).toBe(true);
      expect(can('VIEWER', resource, 'list')).toBe(true);
      expect(can('VIEWER', resource, 'create')).toBe(false);
    }
    expect(can('ORGANISATION', 'pledges', 'submit')).toBe(true);
    expect(can('ORGANISATION', 'pledges', 'edit')).toBe(false);
    expect(can('VIEWER', 'pledges', 'submit')).toBe(false);
    expect(can('ORGANISATION', 'documents', 'create')).toBe(false);
    expect(can('VIEWER', 'awards', 'list')).toBe(true);
    expect(can('VIEWER', 'models', 'show')).toBe(true);
  });
});

describe('the emulation operations over a fake fetch', () => {
  interface Call {
    body: { operationName: string; variables: Record<string, unknown> };
  }
  const fakeFetch = (respond: (call: Call) => unknown, status = 200) => {
    const calls: Call[] = [];
    const fetchImpl = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const call = { body: JSON.parse(String(init?.body)) as Call['body'] };
      calls.push(call);
      return new Response(JSON.stringify(respond(call)), { status, headers: { 'content-type': 'application/json' } });
    };
    return { calls, fetchImpl };
  };

  it('reviewScore sends the line’s version and turns a version conflict into “scored by someone else”', async () => {
    const { calls, fetchImpl } = fakeFetch(() => ({
      errors: [{ message: 'Điểm mục 2 vừa được người khác chấm', extensions: { code: 'CONFLICT', reason: 'VERSION_CONFLICT' } }],
    }));
    const error = await createDataProvider({ fetch: fetchImpl })
      .reviewScore({ pledgeId: 'p', unitId: 'u', expectedLineVersion: 2, input: { itemCode: '2', score: 36, comment: null } })
      .catch((reason: unknown) => reason);
    expect(calls[0].body.operationName).toBe('ReviewScore');
    expect(calls[0].body.variables).toEqual({
      pledgeId: 'p',
      unitId: 'u',
      expectedLineVersion: 2,
      input: { itemCode: '2', score: 36, comment: null },
    });
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe(LINE_CONFLICT_MESSAGE);
    expect((error as HttpError).status).toBe(409);
  });

  it('saveSelfScores brings the server’s refusals back to the lines sent and to the capped sections', async () => {
    const { fetchImpl } = fakeFetch(() => ({
      errors: [
        {
          message: 'Dữ liệu gửi lên không hợp lệ.',
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'VALIDATION_FAILED',
            fields: [
              { field: 'scores[1].score', code: 'range', message: 'Điểm mục 2 phải từ 0 đến 40 (tối đa 2 chữ số thập phân).' },
              { field: 'scores', code: 'bonusCap', message: 'Tổng điểm cộng (6) vượt mức cộng tối đa 5.' },
            ],
          },
        },
      ],
    }));
    const scores = [
      { itemCode: '1.a', score: 9, comment: null },
      { itemCode: '2', score: 41, comment: null },
    ];
    const error = await createDataProvider({ fetch: fetchImpl })
      .saveSelfScores('p', 'u', 3, scores)
      .catch((reason: unknown) => reason);
    expect(selfScoreRefusalOf(error)).toEqual({
      lines: { '2': 'Điểm mục 2 phải từ 0 đến 40 (tối đa 2 chữ số thập phân).' },
      sections: { BONUS: 'Tổng điểm cộng (6) vượt mức cộng tối đa 5.' },
      other: ['Dữ liệu gửi lên không hợp lệ.'],
    });
    expect(selfScoreRefusalOf(new HttpError('x', 500))).toBeUndefined();
  });

  it('advancePledge keeps the server’s refusal as the message', async () => {
    const refusal = 'Chưa thể mở chấm điểm: 2/3 đơn vị chưa đăng ký chỉ tiêu.';
    const { fetchImpl } = fakeFetch(() => ({
      errors: [
        {
          message: refusal,
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'RULE_VIOLATION',
            fields: [{ field: 'status', code: 'transition', message: refusal }],
          },
        },
      ],
    }));
    const error = (await createDataProvider({ fetch: fetchImpl })
      .advancePledge('p', 4, 'SCORING_OPEN')
      .catch((reason: unknown) => reason)) as HttpError;
    expect(error.message).toBe(refusal);
    // The status the server's REST answers for a rule violation (libs/contracts/src/error-status.ts).
    expect(error.status).toBe(422);
  });

  it('setPledgeCriteria places the rules’ errors on the editor’s nested inputs', async () => {
    const message = 'Điểm tối đa của tiêu chí 1 (20) phải bằng tổng (25).';
    const { calls, fetchImpl } = fakeFetch(() => ({
      errors: [
        {
          message,
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'RULE_VIOLATION',
            fields: [{ field: 'criteria.groups[0].criteria[0].maxScore', code: 'sum', message }],
          },
        },
      ],
    }));
    const criteria = { groups: [], bonusItems: [], bonusCap: 0, deductionItems: [], deductionCap: 0, bands: [] };
    const error = (await createDataProvider({ fetch: fetchImpl })
      .setPledgeCriteria('p', 3, criteria)
      .catch((reason: unknown) => reason)) as HttpError;
    expect(calls[0].body.variables).toEqual({ id: 'p', expectedVersion: 3, criteria });
    expect(error.body.errors).toEqual({ groups: { 0: { criteria: { 0: { maxScore: message } } } }, root: { serverError: message } });
  });

  it('getList of pledges asks for the filtered page and adds the form’s ids', async () => {
    const pledge = { id: 'p', documents: [{ id: 'd-1' }], signatories: [], progress: { signatories: 0, registered: 0, notRegistered: [] } };
    const { calls, fetchImpl } = fakeFetch(() => ({ data: { pledges: { items: [pledge], totalItems: 1 } } }));
    const result = await createDataProvider({ fetch: fetchImpl }).getList('pledges', {
      pagination: { page: 1, perPage: 20 },
      sort: { field: 'id', order: 'ASC' },
      filter: { year: 2024 },
    });
    expect(calls[0].body.variables).toEqual({ options: { page: 1, pageSize: 20, filter: { year: 2024 } } });
    expect(result.data[0]).toMatchObject({ id: 'p', documentIds: ['d-1'] });
  });
});

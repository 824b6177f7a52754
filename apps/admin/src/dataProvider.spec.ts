import { describe, expect, it } from '@jest/globals';
import { HttpError } from 'react-admin';
import {
  createDataProvider,
  toDeleteVariables,
  toFormErrors,
  toGraphQLSortField,
  toHttpError,
  toListOptions,
  toManyOptions,
  toManyReferenceOptions,
  toServerPages,
  toUnitFilter,
  toUnitInput,
  toUpdateVariables,
  UNITS_QUERY,
  UPDATE_UNIT_MUTATION,
  VERSION_CONFLICT_MESSAGE,
  type GraphQLErrorLike,
} from './dataProvider';

const unit = {
  id: 'u-1',
  code: 'HU-TH',
  name: 'Huyện ủy Tiền Hải',
  shortName: 'HUTH',
  kind: 'PARTY_COMMITTEE',
  level: 'DISTRICT',
  parentId: 'u-0',
  adminAreaCode: '344',
  leaders: [{ name: 'Nguyễn Văn A', title: 'Bí thư', phone: null, email: null }],
  status: 'ACTIVE',
  validFrom: '2020-01-01',
  validTo: null,
  successorIds: [],
  version: 3,
  createdAt: '2024-01-03T02:00:00.000Z',
  updatedAt: '2024-01-03T02:00:00.000Z',
  ancestors: [{ id: 'u-0', code: 'TU-TB', name: 'Tỉnh ủy Thái Bình' }],
};

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('sort mapping', () => {
  it('turns camelCase fields into the GraphQL enum', () => {
    expect(toGraphQLSortField('shortName')).toBe('SHORT_NAME');
    expect(toGraphQLSortField('validFrom')).toBe('VALID_FROM');
    expect(toGraphQLSortField('createdAt')).toBe('CREATED_AT');
    expect(toGraphQLSortField('code')).toBe('CODE');
  });

  it('drops fields the API cannot sort by', () => {
    expect(toGraphQLSortField('id')).toBeUndefined();
    expect(toGraphQLSortField('parentId')).toBeUndefined();
    expect(toGraphQLSortField(undefined)).toBeUndefined();
  });
});

describe('getList variables', () => {
  it('maps page, perPage, sort and filter', () => {
    expect(
      toListOptions({
        pagination: { page: 2, perPage: 50 },
        sort: { field: 'shortName', order: 'DESC' },
        filter: { q: ' tien hai ', kind: 'PARTY_COMMITTEE', level: ['DISTRICT', 'COMMUNE'], status: 'ACTIVE', validOn: '2026-11-23' },
      }),
    ).toEqual([
      {
        page: 2,
        pageSize: 50,
        sort: { field: 'SHORT_NAME', order: 'DESC' },
        filter: {
          search: 'tien hai',
          kind: ['PARTY_COMMITTEE'],
          level: ['DISTRICT', 'COMMUNE'],
          status: ['ACTIVE'],
          validOn: '2026-11-23',
        },
      },
    ]);
  });

  it('leaves out an unsortable sort and an empty filter', () => {
    expect(toListOptions({ pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: { q: '  ' } })).toEqual([
      { page: 1, pageSize: 10 },
    ]);
  });

  it('keeps only known filters and enum values', () => {
    expect(toUnitFilter({ parentId: 7, withinUnitId: 'u-0', kind: 'NOT_A_KIND', foo: 'bar', ids: ['a', 2] })).toEqual({
      parentId: '7',
      withinUnitId: 'u-0',
      ids: ['a', '2'],
    });
    expect(toUnitFilter({})).toBeUndefined();
  });

  it('never asks the server for more than 100 rows per page', () => {
    expect(toServerPages(1, 20)).toEqual([{ page: 1, pageSize: 20 }]);
    expect(toServerPages(3, 100)).toEqual([{ page: 3, pageSize: 100 }]);
    expect(toServerPages(1, 150)).toEqual([{ page: 1, pageSize: 100 }]);
    // react-admin's CSV ExportButton asks for 1000 rows: ten server pages.
    expect(toServerPages(1, 1000)).toHaveLength(10);
    expect(toServerPages(2, 300)).toEqual([
      { page: 4, pageSize: 100 },
      { page: 5, pageSize: 100 },
      { page: 6, pageSize: 100 },
    ]);
  });
});

describe('getMany and getManyReference variables', () => {
  it('asks for the ids, 100 at a time', () => {
    expect(toManyOptions(['a', 'b', 'a'])).toEqual([{ page: 1, pageSize: 100, filter: { ids: ['a', 'b'] } }]);
    const ids = Array.from({ length: 230 }, (_, index) => `u-${index}`);
    expect(toManyOptions(ids).map((options) => options.filter?.ids?.length)).toEqual([100, 100, 30]);
  });

  it('filters children by parentId', () => {
    expect(
      toManyReferenceOptions({
        target: 'parentId',
        id: 'u-0',
        pagination: { page: 1, perPage: 10 },
        sort: { field: 'code', order: 'ASC' },
        filter: {},
      }),
    ).toEqual([{ page: 1, pageSize: 10, sort: { field: 'CODE', order: 'ASC' }, filter: { parentId: 'u-0' } }]);
  });

  it('refuses a target the API cannot filter by', () => {
    const error = caught(() =>
      toManyReferenceOptions({
        target: 'successorIds',
        id: 'u-0',
        pagination: { page: 1, perPage: 10 },
        sort: { field: 'code', order: 'ASC' },
        filter: {},
      }),
    );
    expect(error).toBeInstanceOf(HttpError);
  });
});

describe('create and update input', () => {
  it('sends only editable fields, with empty optional fields as null', () => {
    const input = toUnitInput({
      ...unit,
      shortName: '',
      parentId: '',
      adminAreaCode: '  ',
      validTo: '',
      leaders: [{ name: ' Trần Thị B ', title: 'Trưởng ban', phone: '', email: 'b@example.vn' }],
      successorIds: ['u-9'],
      children: [],
    });
    expect(input).toEqual({
      code: 'HU-TH',
      name: 'Huyện ủy Tiền Hải',
      shortName: null,
      kind: 'PARTY_COMMITTEE',
      level: 'DISTRICT',
      parentId: null,
      adminAreaCode: null,
      leaders: [{ name: 'Trần Thị B', title: 'Trưởng ban', phone: null, email: 'b@example.vn' }],
      status: 'ACTIVE',
      validFrom: '2020-01-01',
      validTo: null,
      successorIds: ['u-9'],
    });
  });

  it('leaves out fields the form did not have and enums left empty', () => {
    expect(toUnitInput({ code: 'X', name: 'Y', kind: '', status: null })).toEqual({ code: 'X', name: 'Y' });
  });

  it('sends dates as yyyy-MM-dd', () => {
    expect(toUnitInput({ validFrom: '2025-07-01T00:00:00.000Z', validTo: new Date('2025-06-30T00:00:00Z') })).toEqual({
      validFrom: '2025-07-01',
      validTo: '2025-06-30',
    });
  });

  it('update sends the version read as expectedVersion', () => {
    expect(toUpdateVariables({ id: 'u-1', data: { ...unit, name: 'Mới' }, previousData: unit })).toEqual({
      id: 'u-1',
      expectedVersion: 3,
      input: expect.objectContaining({ name: 'Mới' }),
    });
    const input = toUpdateVariables({ id: 'u-1', data: unit, previousData: unit }).input;
    for (const key of ['id', 'version', 'createdAt', 'updatedAt', 'ancestors']) expect(input).not.toHaveProperty(key);
  });

  it('update refuses to save without a version', () => {
    expect(caught(() => toUpdateVariables({ id: 'u-1', data: unit, previousData: { id: 'u-1' } }))).toBeInstanceOf(HttpError);
  });

  it('delete sends the version when it is known', () => {
    expect(toDeleteVariables({ id: 'u-1', previousData: unit })).toEqual({ id: 'u-1', expectedVersion: 3 });
    expect(toDeleteVariables({ id: 'u-1' })).toEqual({ id: 'u-1', expectedVersion: null });
  });
});

describe('GraphQL errors → HttpError', () => {
  const validationError: GraphQLErrorLike = {
    message: 'Dữ liệu không hợp lệ',
    extensions: {
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
      fields: [
        { field: 'name', code: 'isNotEmpty', message: 'Tên đơn vị không được để trống' },
        { field: 'leaders.0.name', code: 'isNotEmpty', message: 'Họ tên không được để trống' },
        { field: 'leaders.1.email', code: 'isEmail', message: 'Email không hợp lệ' },
      ],
    },
  };

  it('puts field errors under body.errors, nested like the form', () => {
    const error = toHttpError([validationError]);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe('Dữ liệu không hợp lệ');
    expect(error.status).toBe(400);
    expect(error.body).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
      errors: {
        name: 'Tên đơn vị không được để trống',
        leaders: { 0: { name: 'Họ tên không được để trống' }, 1: { email: 'Email không hợp lệ' } },
        root: { serverError: 'Dữ liệu không hợp lệ' },
      },
    });
  });

  it('places list errors on the list input and unknown paths in the summary', () => {
    expect(
      toFormErrors(
        [
          { field: 'successorIds.1', code: 'exists', message: 'Đơn vị kế thừa không tồn tại' },
          { field: 'leaders', code: 'maxSize', message: 'Tối đa 20 lãnh đạo' },
          { field: 'parentId', code: 'cycle', message: 'Không thể chọn đơn vị con làm đơn vị cấp trên' },
          { field: 'expectedVersion', code: 'min', message: 'Phiên bản không hợp lệ' },
        ],
        'Dữ liệu không hợp lệ',
      ),
    ).toEqual({
      successorIds: 'Đơn vị kế thừa không tồn tại',
      leaders: { root: 'Tối đa 20 lãnh đạo' },
      parentId: 'Không thể chọn đơn vị con làm đơn vị cấp trên',
      root: { serverError: 'Dữ liệu không hợp lệ Phiên bản không hợp lệ' },
    });
  });

  it('gives a version conflict its own message and no field errors, so the form is kept', () => {
    const error = toHttpError([{ message: 'Version mismatch', extensions: { code: 'CONFLICT', reason: 'VERSION_CONFLICT' } }]);
    expect(error.message).toBe(VERSION_CONFLICT_MESSAGE);
    expect(error.status).toBe(409);
    expect(error.body).toEqual({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });
  });

  it('keeps the server message of other errors', () => {
    const error = toHttpError([
      { message: 'Đơn vị còn đơn vị trực thuộc, không thể xóa', extensions: { code: 'CONFLICT', reason: 'STILL_REFERENCED' } },
    ]);
    expect(error.message).toBe('Đơn vị còn đơn vị trực thuộc, không thể xóa');
    expect(error.status).toBe(409);
    expect(error.body.errors).toBeUndefined();
    expect(toHttpError([{ message: 'Không tìm thấy', extensions: { code: 'NOT_FOUND' } }]).status).toBe(404);
    expect(toHttpError([{ message: 'Variable "$input" got invalid value' }], 400).status).toBe(400);
    expect(toHttpError([{ message: 'boom' }], 200).status).toBe(500);
  });
});

describe('the provider over a fake fetch', () => {
  interface Call {
    url: string;
    body: { operationName: string; query: string; variables: Record<string, unknown> };
  }

  const fakeFetch = (respond: (call: Call) => Response) => {
    const calls: Call[] = [];
    const fetchImpl = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const call: Call = { url: String(url), body: JSON.parse(String(init?.body)) as Call['body'] };
      calls.push(call);
      return respond(call);
    };
    return { calls, fetchImpl };
  };
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('getList posts the units query to /graphql', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json({ data: { units: { items: [unit], totalItems: 41 } } }));
    const provider = createDataProvider({ fetch: fetchImpl });
    const result = await provider.getList('units', {
      pagination: { page: 1, perPage: 20 },
      sort: { field: 'name', order: 'ASC' },
      filter: { q: 'tien hai' },
    });
    expect(result).toEqual({ data: [unit], total: 41 });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/graphql');
    expect(calls[0].body.operationName).toBe(UNITS_QUERY.operationName);
    expect(calls[0].body.variables).toEqual({
      options: { page: 1, pageSize: 20, sort: { field: 'NAME', order: 'ASC' }, filter: { search: 'tien hai' } },
    });
  });

  it('getList of 1000 rows walks server pages until a short one', async () => {
    const { calls, fetchImpl } = fakeFetch((call) => {
      const { page } = call.body.variables.options as { page: number };
      const count = page === 1 ? 100 : 30;
      return json({
        data: { units: { items: Array.from({ length: count }, (_, index) => ({ ...unit, id: `${page}-${index}` })), totalItems: 130 } },
      });
    });
    const result = await createDataProvider({ fetch: fetchImpl }).getList('units', {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'code', order: 'ASC' },
      filter: {},
    });
    expect(calls).toHaveLength(2);
    expect(result.data).toHaveLength(130);
    expect(result.total).toBe(130);
  });

  it('update turns an HTTP 400 with field errors into react-admin form errors', async () => {
    const { calls, fetchImpl } = fakeFetch(() =>
      json(
        {
          errors: [
            {
              message: 'Dữ liệu không hợp lệ',
              extensions: {
                code: 'BAD_USER_INPUT',
                reason: 'VALIDATION_FAILED',
                fields: [{ field: 'code', code: 'unique', message: 'Mã đơn vị đã tồn tại' }],
              },
            },
          ],
        },
        400,
      ),
    );
    const error = await createDataProvider({ fetch: fetchImpl })
      .update('units', { id: 'u-1', data: { ...unit, code: 'TU-TB' }, previousData: unit })
      .catch((reason: unknown) => reason);
    expect(calls[0].body.operationName).toBe(UPDATE_UNIT_MUTATION.operationName);
    expect(calls[0].body.variables).toMatchObject({ id: 'u-1', expectedVersion: 3, input: { code: 'TU-TB' } });
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).body.errors).toEqual({ code: 'Mã đơn vị đã tồn tại', root: { serverError: 'Dữ liệu không hợp lệ' } });
  });

  it('getOne of a missing unit is a 404', async () => {
    const { fetchImpl } = fakeFetch(() => json({ data: { unit: null } }));
    const error = await createDataProvider({ fetch: fetchImpl })
      .getOne('units', { id: 'nope' })
      .catch((reason: unknown) => reason);
    expect((error as HttpError).status).toBe(404);
  });

  it('a network failure becomes a translated HttpError', async () => {
    const provider = createDataProvider({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await provider.getOne('units', { id: 'u-1' }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe('danvan.errors.network');
  });

  it('an HTTP error without a GraphQL body keeps its status', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('Bad gateway', { status: 502 }));
    const error = await createDataProvider({ fetch: fetchImpl })
      .getOne('units', { id: 'u-1' })
      .catch((reason: unknown) => reason);
    expect((error as HttpError).status).toBe(502);
  });

  it('delete returns the deleted record', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json({ data: { deleteUnit: { id: 'u-1' } } }));
    const result = await createDataProvider({ fetch: fetchImpl }).delete('units', { id: 'u-1', previousData: unit });
    expect(calls[0].body.variables).toEqual({ id: 'u-1', expectedVersion: 3 });
    expect(result.data).toEqual(unit);
  });

  it('only knows the units resource', async () => {
    const { fetchImpl } = fakeFetch(() => json({ data: {} }));
    await expect(createDataProvider({ fetch: fetchImpl }).getOne('posts', { id: 1 })).rejects.toBeInstanceOf(HttpError);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputObjectType,
} from 'graphql';
import type { ProblemDetails, UnitDto } from '@danvan/contracts';
import type { UnitView } from '@danvan/units';
import { auditEventCount, TestServer, type GraphQLResult } from '@danvan/testing';

/**
 * The input edge (issue 8 items 3–6): input no DTO rule sees — JSON nested
 * 10,000 deep, a NUL character, a lone UTF-16 surrogate, an impossible date —
 * is a 400 on the field, over REST (bodies, query strings) and GraphQL (inline
 * arguments and variables), never a 500, and changes nothing.
 */
let server: TestServer;
let province: UnitView;
let leaderUnit: UnitDto;

const DEEP = '['.repeat(10_000) + ']'.repeat(10_000); // 20 kB
const LONE = 'Nguyễn Văn \ud800A';

const auditCount = () => auditEventCount(server.database);

/** A raw JSON body (the text is sent as is: `JSON.stringify` would escape nothing away, but a deep body must be written by hand). */
async function postJson(
  path: string,
  body: string,
  token: string | null = server.token,
): Promise<{ status: number; body: ProblemDetails & GraphQLResult }> {
  const response = await server.fetch(`${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as ProblemDetails & GraphQLResult };
}

function expectFieldError(result: { status: number; body: ProblemDetails }, field: string, code: string) {
  expect({ status: result.status, code: result.body.code, errors: result.body.errors?.map((e) => [e.field, e.code]) }).toEqual({
    status: 400,
    code: 'VALIDATION_FAILED',
    errors: [[field, code]],
  });
}

function expectGraphQLFieldError(result: GraphQLResult, field: string, code: string) {
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
  expect(result.errors?.[0].extensions?.fields?.map((f) => [f.field, f.code])).toEqual([[field, code]]);
  expect(result.errors?.[0].extensions?.fields?.[0].message).toMatch(/[À-ỹ]/u);
}

beforeAll(async () => {
  server = await TestServer.start();
  province = await server.factory.unit({ name: 'Tỉnh ủy Thái Bình', kind: 'PARTY_COMMITTEE', adminAreaCode: '34' });
  leaderUnit = (
    await server.rest<UnitDto>('POST', '/api/v1/units', {
      code: 'BDV-TB',
      name: 'Ban Dân vận Tỉnh ủy Thái Bình',
      kind: 'MASS_MOBILISATION_COMMISSION',
      level: 'PROVINCE',
      parentId: province.id,
    })
  ).body;
});
afterAll(async () => {
  await server?.close();
});

describe('JSON nested 10,000 deep (item 3)', () => {
  const routes = [
    '/api/v1/auth/login',
    '/api/v1/auth/refresh',
    '/api/v1/auth/logout',
    '/api/v1/units',
    '/api/v1/documents',
    '/api/v1/models',
    '/graphql',
  ];

  it.each(routes)('POST %s: 400 nesting on the body, nothing written, the server still answers', async (path) => {
    const before = await auditCount();
    const anonymous = path.startsWith('/api/v1/auth/');
    const result = await postJson(path, DEEP, anonymous ? null : server.token);
    expectFieldError(result, 'body', 'nesting');
    expect(result.body.errors?.[0].message).toContain('32');
    expect(await auditCount()).toBe(before);
    expect((await server.rest('GET', '/health')).status).toBe(200);
  });

  it('deep inside an object, as GraphQL variables or a PATCH body, is refused the same way; 32 levels are still read', async () => {
    const before = await auditCount();
    expectFieldError(await postJson('/api/v1/auth/login', `{"username":${DEEP},"password":"x"}`, null), 'body', 'nesting');
    const variables = await postJson(
      '/graphql',
      `{"query":"mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }","variables":{"input":${DEEP}}}`,
    );
    expectFieldError(variables, 'body', 'nesting');
    const patch = await server.fetch(`/api/v1/units/${leaderUnit.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, 'if-match': '"1"' },
      body: `{"leaders":${DEEP}}`,
    });
    expectFieldError({ status: patch.status, body: (await patch.json()) as ProblemDetails }, 'body', 'nesting');
    // At the limit the body is parsed and validated as usual (here: leaders is not an array of leaders).
    const atLimit = await postJson('/api/v1/auth/login', `{"username":"a","password":${'['.repeat(31)}${']'.repeat(31)}}`, null);
    expect(atLimit.status).toBe(400);
    expect(atLimit.body.errors?.map((e) => e.code)).not.toContain('nesting');
    expect(await auditCount()).toBe(before);
    const after = await server.rest<UnitDto>('GET', `/api/v1/units/${leaderUnit.id}`);
    expect(after.body).toMatchObject({ version: 1, leaders: leaderUnit.leaders });
  });
});

/** Every GET route of the published OpenAPI document without path parameters, with each of its query parameters. */
function listQueryParameters(): Array<[string, string]> {
  const openApi = JSON.parse(readFileSync(join(import.meta.dirname, '../../../docs/api/openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
  };
  const result: Array<[string, string]> = [];
  for (const [path, operations] of Object.entries(openApi.paths)) {
    if (path.includes('{') || !operations.get) continue;
    for (const parameter of operations.get.parameters ?? []) if (parameter.in === 'query') result.push([path, parameter.name]);
  }
  return result;
}

/** Every string filter of every GraphQL query: [query field, argument, its input type, dotted path of the String field], from the published SDL. */
function graphQLStringFilters(): Array<[string, string, string, string]> {
  const schema = buildSchema(readFileSync(join(import.meta.dirname, '../../../docs/api/schema.graphql'), 'utf8'));
  const result: Array<[string, string, string, string]> = [];
  const stringPaths = (type: GraphQLInputObjectType, prefix: string, depth: number): string[] =>
    Object.values(type.getFields()).flatMap((input) => {
      const named = getNamedType(input.type);
      // A list of strings takes one string too (GraphQL coerces it to a list of one): the error is on its element 0.
      if (isScalarType(named) && named.name === 'String')
        return [`${prefix}${input.name}${isListType(getNullableType(input.type)) ? '.0' : ''}`];
      return isInputObjectType(named) && depth < 3 ? stringPaths(named, `${prefix}${input.name}.`, depth + 1) : [];
    });
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    for (const arg of field.args) {
      const type = getNamedType(arg.type);
      if (isInputObjectType(type)) for (const path of stringPaths(type, '', 0)) result.push([field.name, arg.name, type.name, path]);
    }
  }
  return result;
}

/** `{ a: { b: value } }` for the path `a.b` (`a.b.0`: a list element, sent as the one value). */
const nested = (path: string, value: unknown): Record<string, unknown> =>
  path
    .replace(/\.0$/, '')
    .split('.')
    .reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value as never);
/** The same as a GraphQL literal, with a string written as GraphQL source text. */
const nestedLiteral = (path: string, source: string): string =>
  path
    .replace(/\.0$/, '')
    .split('.')
    .reduceRight((inner, key) => `{ ${key}: ${inner} }`, source);

describe('a NUL character in a query string or a GraphQL filter (item 4)', () => {
  const parameters = listQueryParameters();
  it('covers the filters the issue names', () => {
    const names = parameters.map(([path, name]) => `${path}?${name}`);
    for (const expected of [
      '/api/v1/units?q',
      '/api/v1/units/export.xlsx?q',
      '/api/v1/documents?q',
      '/api/v1/documents?type',
      '/api/v1/documents?issuer',
      '/api/v1/models?q',
      '/api/v1/models/export.xlsx?q',
      '/api/v1/awards?q',
      '/api/v1/awards/export.xlsx?q',
      '/api/v1/audit-events?entity',
      '/api/v1/audit-events?entityId',
      '/api/v1/audit-events?action',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each(parameters)('GET %s?%s=%00: 400 nulCharacter on the parameter', async (path, name) => {
    const result = await server.rest<ProblemDetails>('GET', `${path}?${name}=a%00b`);
    expectFieldError(result, name, 'nulCharacter');
  });

  it('a path parameter with a NUL character is refused on it', async () => {
    expectFieldError(await server.rest<ProblemDetails>('GET', '/api/v1/units/a%00b'), 'id', 'nulCharacter');
  });

  const filters = graphQLStringFilters();
  it('covers the GraphQL filters the issue names', () => {
    const names = filters.map(([query, , , path]) => `${query}.${path.replace(/\.0$/, '').split('.').pop()}`);
    for (const expected of [
      'units.search',
      'documents.search',
      'documents.issuer',
      'documents.type',
      'auditEvents.entity',
      'auditEvents.entityId',
      'auditEvents.action',
      'awards.search',
      'models.search',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each(filters)(
    'GraphQL %s(%s: %s { %s }) with a NUL character, inline and as a variable: 400 on the field',
    async (query, arg, type, path) => {
      const inline = await server.graphql(`{ ${query}(${arg}: ${nestedLiteral(path, '"a\\u0000b"')}) { __typename } }`);
      expectGraphQLFieldError(inline, path, 'nulCharacter');
      const variable = await server.graphql(`query($o: ${type}) { ${query}(${arg}: $o) { __typename } }`, { o: nested(path, 'a\u0000b') });
      expectGraphQLFieldError(variable, path, 'nulCharacter');
    },
  );
});

describe('impossible dates in the audit filters and date inputs (item 5)', () => {
  const impossible = [
    '2024-02-30',
    '0000-01-01',
    '2024-W01-1',
    '2024-060',
    '20240101',
    '2024-01-01T25:00:00Z',
    '2024-13-01T00:00:00+07:00',
    '2023-02-29T00:00:00Z',
  ];

  it.each(impossible)('REST and GraphQL audit from/to = %s: 400 on the field', async (value) => {
    for (const field of ['from', 'to']) {
      expectFieldError(
        await server.rest<ProblemDetails>('GET', `/api/v1/audit-events?${field}=${encodeURIComponent(value)}`),
        field,
        'isDateOrDateTime',
      );
      expectGraphQLFieldError(
        await server.graphql(`{ auditEvents(options: { filter: { ${field}: "${value}" } }) { totalItems } }`),
        `filter.${field}`,
        'isDateOrDateTime',
      );
      expectGraphQLFieldError(
        await server.graphql(`query($o: AuditEventListOptions) { auditEvents(options: $o) { totalItems } }`, {
          o: { filter: { [field]: value } },
        }),
        `filter.${field}`,
        'isDateOrDateTime',
      );
    }
  });

  it('real dates and instants with their offset are read', async () => {
    for (const value of ['2024-02-29', '2024-02-29T23:59:59.123+07:00', '2024-03-01T00:00:00Z']) {
      expect((await server.rest('GET', `/api/v1/audit-events?from=${encodeURIComponent(value)}&to=2999-12-31`)).status).toBe(200);
    }
  });

  it('a calendar date as from/to is a whole day in Vietnam: to=today includes the events made today', async () => {
    await server.factory.unit({ name: 'Ban Dân vận Xã Hôm Nay' }); // an event now
    const vietnamDay = (offsetDays: number) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const total = async (query: string) =>
      (await server.rest<{ totalItems: number }>('GET', `/api/v1/audit-events?${query}`)).body.totalItems;
    expect(await total(`from=${vietnamDay(0)}&to=${vietnamDay(0)}`)).toBeGreaterThan(0);
    expect(await total(`to=${vietnamDay(-1)}&from=${vietnamDay(-1)}`)).toBe(0);
    expect(await total(`from=${vietnamDay(1)}`)).toBe(0);
  });

  it('a GraphQL Date or DateTime argument on an impossible day is a 400 on its field, inline and as a variable, and creates nothing', async () => {
    const before = await auditCount();
    const key = (expiresAt: string) => ({ name: 'Khóa thử', unitId: province.id, scopes: ['units:read'], expiresAt });
    const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
    expectGraphQLFieldError(await server.graphql(CREATE_KEY, { input: key('2027-02-30T00:00:00Z') }), 'expiresAt', 'isDateTime');
    expectGraphQLFieldError(
      await server.graphql(
        `mutation { createApiKey(input: { name: "K", unitId: "${province.id}", scopes: ["units:read"], expiresAt: "2027-W01-1" }) { secret } }`,
      ),
      'expiresAt',
      'isDateTime',
    );
    const docs = await server.graphql(`query($o: DocumentListOptions) { documents(options: $o) { totalItems } }`, {
      o: { filter: { issuedFrom: '2024-02-30' } },
    });
    expectGraphQLFieldError(docs, 'filter.issuedFrom', 'isLocalDate');
    expectGraphQLFieldError(
      await server.graphql(`{ documents(options: { filter: { issuedTo: "0000-01-01" } }) { totalItems } }`),
      'filter.issuedTo',
      'isLocalDate',
    );
    expect(await auditCount()).toBe(before);
  });
});

describe('a lone surrogate (ill-formed UTF-16) wherever strings enter (item 6)', () => {
  it('unit leaders over REST and GraphQL: 400 illFormedUnicode on the field, the unit unchanged', async () => {
    const before = await auditCount();
    for (const [field, leader] of [
      ['leaders.0.name', { name: LONE, title: 'Trưởng ban' }],
      ['leaders.0.title', { name: 'Lê Văn A', title: LONE }],
      ['leaders.0.email', { name: 'Lê Văn A', title: 'Trưởng ban', email: `a\ud800@example.vn` }],
    ] as const) {
      const rest = await server.rest<ProblemDetails>(
        'PATCH',
        `/api/v1/units/${leaderUnit.id}`,
        { leaders: [leader] },
        { 'if-match': '"1"' },
      );
      expectFieldError(rest, field, 'illFormedUnicode');
      const gql = await server.graphql(
        `mutation($id: ID!, $input: UpdateUnitInput!) { updateUnit(id: $id, expectedVersion: 1, input: $input) { id } }`,
        { id: leaderUnit.id, input: { leaders: [leader] } },
      );
      expectGraphQLFieldError(gql, field, 'illFormedUnicode');
    }
    expect(await auditCount()).toBe(before);
    expect((await server.rest<UnitDto>('GET', `/api/v1/units/${leaderUnit.id}`)).body.version).toBe(1);
  });

  it('model results and evidence, an API key name, the anonymous sign-in, a list filter: 400 on the field, nothing written', async () => {
    const before = await auditCount();
    const model = { name: 'Mô hình thử', holderKind: 'COLLECTIVE', field: 'ECONOMY', firstYear: 2023, ownerUnitId: province.id };
    expectFieldError(
      await server.rest<ProblemDetails>('POST', '/api/v1/models', { ...model, results: [{ indicator: LONE, value: 1 }] }),
      'results.0.indicator',
      'illFormedUnicode',
    );
    expectFieldError(
      await server.rest<ProblemDetails>('POST', '/api/v1/models', { ...model, evidence: [{ description: LONE }] }),
      'evidence.0.description',
      'illFormedUnicode',
    );
    const createModel = await server.graphql(`mutation($input: CreateModelInput!) { createModel(input: $input) { id } }`, {
      input: { ...model, evidence: [{ description: LONE }] },
    });
    expectGraphQLFieldError(createModel, 'evidence.0.description', 'illFormedUnicode');
    const apiKey = await server.graphql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
      input: { name: LONE, unitId: province.id, scopes: ['units:read'] },
    });
    expectGraphQLFieldError(apiKey, 'name', 'illFormedUnicode');
    // Inline in a GraphQL document, a lone surrogate is a syntax error of the document itself.
    const inline = await server.graphql(`{ units(options: { filter: { search: "\\ud800" } }) { totalItems } }`);
    expect(inline.status).toBe(400);
    expectGraphQLFieldError(
      await server.graphql(`query($o: UnitListOptions) { units(options: $o) { totalItems } }`, { o: { filter: { search: '\ud800' } } }),
      'filter.search',
      'illFormedUnicode',
    );
    expectFieldError(
      await postJson('/api/v1/auth/login', JSON.stringify({ username: LONE, password: 'x' }), null),
      'username',
      'illFormedUnicode',
    );
    expectFieldError(
      await postJson('/api/v1/auth/refresh', JSON.stringify({ refreshToken: '\udfff' }), null),
      'refreshToken',
      'illFormedUnicode',
    );
    expectFieldError(
      await postJson('/api/v1/auth/logout', JSON.stringify({ refreshToken: '\udfff' }), null),
      'refreshToken',
      'illFormedUnicode',
    );
    // A surrogate pair (an emoji) is well-formed and passes.
    expect((await server.rest('GET', `/api/v1/units?q=${encodeURIComponent('😀')}`)).status).toBe(200);
    expect(await auditCount()).toBe(before);
    expect((await server.rest<{ totalItems: number }>('GET', '/api/v1/models')).body.totalItems).toBe(0);
  });
});

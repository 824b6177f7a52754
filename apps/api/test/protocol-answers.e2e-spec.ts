import { randomUUID } from 'node:crypto';
import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import type { ProblemDetails, SessionTokens } from '@danvan/contracts';
import type { UnitView } from '@danvan/units';
import { TestServer, type TestClient } from '@danvan/testing';

/**
 * What the protocol answers besides the data (issue 8, items 7, 13, 14 and 15):
 * access tokens whose every claim is checked (401, never 500), unit filters that
 * name a unit the caller cannot see (404, never an empty page), 413 and 415 that
 * say the limit and the accepted types, and `Cache-Control: no-store` on every
 * answer that carries tokens or a caller's data.
 */
const AUTH_SECRET = 'protocol-answers-test-secret-0123456789abcdef';
const key = new TextEncoder().encode(AUTH_SECRET);

let server: TestServer;
let provinceA: UnitView;
let districtA: UnitView;
let districtB: UnitView;
let officer: TestClient; // ORGANISATION of districtA: the narrowest scope
let secretariatA: TestClient; // SECRETARIAT of provinceA
let session: SessionTokens; // a real sign-in of `officer`'s account

beforeAll(async () => {
  server = await TestServer.start({ authSecret: AUTH_SECRET });
  provinceA = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Hà Tĩnh' });
  districtA = await server.factory.unit({ parent: provinceA, name: 'Ban Dân vận Huyện ủy Can Lộc', level: 'DISTRICT' });
  const provinceB = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Thái Bình' });
  districtB = await server.factory.unit({ parent: provinceB, name: 'Ban Dân vận Huyện ủy Tiền Hải', level: 'DISTRICT' });
  const account = await server.factory.account({ role: 'ORGANISATION', unitId: districtA.id });
  const login = await server.login(account.username, account.password);
  expect(login.status).toBe(200);
  session = login.body;
  officer = server.as(session.accessToken);
  secretariatA = await server.signedIn('SECRETARIAT', provinceA);
});
afterAll(async () => {
  await server?.close();
});

describe('access tokens: every claim checked, 401 (never 500) on REST and GraphQL', () => {
  const now = () => Math.floor(Date.now() / 1000);

  /** A token signed with the server's real key: the claims of a real one, changed by `claims` (undefined removes a claim). */
  async function forge(
    claims: Partial<Record<keyof JWTPayload | 'tv', unknown>>,
    header: { typ?: string } = { typ: 'JWT' },
  ): Promise<string> {
    const payload: Record<string, unknown> = { ...decodeJwt(session.accessToken), ...claims };
    for (const name of Object.keys(payload)) if (payload[name] === undefined) delete payload[name];
    return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', ...header }).sign(key);
  }

  async function expectAccepted(token: string) {
    expect((await server.as(token).rest('GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await server.as(token).graphql('{ units { totalItems } }')).errors).toBeUndefined();
  }

  async function expectRefused(token: string) {
    const rest = await server.as(token).rest<ProblemDetails>('GET', '/api/v1/auth/me');
    expect([rest.status, rest.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(rest.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const graphql = await server.as(token).graphql('{ units { totalItems } }');
    expect(graphql.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED' });
  }

  it('a forged copy of a real token is accepted, and so is an iat a few seconds ahead (clock skew)', async () => {
    await expectAccepted(await forge({}));
    await expectAccepted(await forge({ iat: now() + 10, exp: now() + 10 + 15 * 60 }));
  });

  it('refuses a sub that is not a UUID (was a 500), or the UUID of no account', async () => {
    await expectRefused(await forge({ sub: 'admin' }));
    await expectRefused(await forge({ sub: "'; DROP TABLE account; --" }));
    await expectRefused(await forge({ sub: randomUUID() }));
  });

  it('refuses a token without exp, without iat, with iat in the future or with a lifetime longer than 15 minutes', async () => {
    await expectRefused(await forge({ exp: undefined }));
    await expectRefused(await forge({ iat: undefined }));
    await expectRefused(await forge({ iat: now() + 120, exp: now() + 120 + 15 * 60 }));
    await expectRefused(await forge({ iat: now(), exp: now() + 3600 }));
    await expectRefused(await forge({ iat: now() - 60, exp: now() + 10 * 365 * 24 * 3600 }));
  });

  it('refuses a token whose other claims are missing or malformed (tv, iss, typ, exp as text)', async () => {
    await expectRefused(await forge({ tv: undefined }));
    await expectRefused(await forge({ tv: '0' }));
    await expectRefused(await forge({ tv: -1 }));
    await expectRefused(await forge({ tv: 0.5 }));
    await expectRefused(await forge({ iss: undefined }));
    await expectRefused(await forge({ iss: 'someone-else' }));
    await expectRefused(await forge({ exp: String(now() + 60) }));
    await expectRefused(await forge({}, { typ: 'at+jwt' }));
  });
});

describe('a unit filter naming a unit the caller cannot see, or none: 404, not an empty page', () => {
  const REST_LISTS: Array<[path: string, parameter: string]> = [
    ['/api/v1/units', 'withinUnitId'],
    ['/api/v1/units', 'parentId'],
    ['/api/v1/units/export.xlsx', 'withinUnitId'],
    ['/api/v1/units/export.xlsx', 'parentId'],
    ['/api/v1/awards', 'recipientUnitId'],
    ['/api/v1/awards', 'withinUnitId'],
    ['/api/v1/awards', 'issuerUnitId'],
    ['/api/v1/awards/export.xlsx', 'issuerUnitId'],
    ['/api/v1/models', 'withinUnitId'],
    ['/api/v1/models', 'ownerUnitId'],
    ['/api/v1/models/export.xlsx', 'ownerUnitId'],
    ['/api/v1/pledges', 'signatoryUnitId'],
  ];

  it.each(REST_LISTS)('REST %s?%s=', async (path, parameter) => {
    for (const unitId of [districtB.id, randomUUID()]) {
      const response = await officer.rest<ProblemDetails>('GET', `${path}?${parameter}=${unitId}`);
      expect([response.status, response.body.code]).toEqual([404, 'NOT_FOUND']);
      expect(response.body.errors).toEqual([{ field: parameter, code: 'notFound', message: expect.stringContaining(unitId) }]);
    }
    // Another branch's unit and no unit at all get the same words: nothing tells them apart.
    const foreign = await officer.rest<ProblemDetails>('GET', `${path}?${parameter}=${districtB.id}`);
    const none = await officer.rest<ProblemDetails>('GET', `${path}?${parameter}=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`);
    expect(foreign.body.detail.replace(districtB.id, 'ID')).toBe(none.body.detail.replace(/[0-9a-f-]{36}/, 'ID'));
    expect((await officer.rest('GET', `${path}?${parameter}=${districtA.id}`)).status).toBe(200);
  });

  const GRAPHQL_LISTS: Array<[list: string, query: (unitId: string) => string, as: () => TestClient]> = [
    ['units withinUnitId', (id) => `{ units(options: { filter: { withinUnitId: "${id}" } }) { totalItems } }`, () => officer],
    ['units parentId', (id) => `{ units(options: { filter: { parentId: "${id}" } }) { totalItems } }`, () => officer],
    ['awards recipientUnitId', (id) => `{ awards(options: { filter: { recipientUnitId: "${id}" } }) { totalItems } }`, () => officer],
    ['awards withinUnitId', (id) => `{ awards(options: { filter: { withinUnitId: "${id}" } }) { totalItems } }`, () => officer],
    ['awards issuerUnitId', (id) => `{ awards(options: { filter: { issuerUnitId: "${id}" } }) { totalItems } }`, () => officer],
    ['models withinUnitId', (id) => `{ models(options: { filter: { withinUnitId: "${id}" } }) { totalItems } }`, () => officer],
    ['models ownerUnitId', (id) => `{ models(options: { filter: { ownerUnitId: "${id}" } }) { totalItems } }`, () => officer],
    ['blocs memberUnitId', (id) => `{ blocs(options: { filter: { memberUnitId: "${id}" } }) { totalItems } }`, () => officer],
    ['pledges signatoryUnitId', (id) => `{ pledges(options: { filter: { signatoryUnitId: "${id}" } }) { totalItems } }`, () => officer],
    ['accountList unitId', (id) => `{ accountList(options: { filter: { unitId: "${id}" } }) { totalItems } }`, () => secretariatA],
    ['apiKeys unitId', (id) => `{ apiKeys(options: { filter: { unitId: "${id}" } }) { totalItems } }`, () => secretariatA],
  ];

  it.each(GRAPHQL_LISTS)('GraphQL %s', async (_list, query, as) => {
    for (const unitId of [districtB.id, randomUUID()]) {
      const { data, errors } = await as().graphql(query(unitId));
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND', fields: [{ code: 'notFound' }] });
      expect(errors?.[0].message).toContain(unitId);
    }
    expect((await as().graphql(query(districtA.id))).errors).toBeUndefined();
  });
});

describe('413 and 415 say the limit and what is accepted', () => {
  const evidencePath = () => `/api/v1/pledges/${randomUUID()}/score-sheets/${districtA.id}/evidence?itemCode=1.a&filename=bien-ban.zip`;

  it('415 on the evidence route lists the accepted types; elsewhere it says JSON', async () => {
    const zip = await officer.rest<ProblemDetails>('POST', evidencePath(), 'PK', { 'content-type': 'application/zip' });
    expect(zip.status).toBe(415);
    for (const accepted of ['application/pdf', 'image/jpeg', 'image/png', 'Word (.docx)', 'Excel (.xlsx)'])
      expect(zip.body.detail).toContain(accepted);
    const text = await officer.rest<ProblemDetails>('POST', '/api/v1/units', 'name', { 'content-type': 'text/plain' });
    expect([text.status, text.body.code]).toEqual([415, 'MALFORMED_REQUEST']);
    expect(text.body.detail).toContain('application/json');
    const pdfElsewhere = await officer.rest<ProblemDetails>('POST', '/api/v1/units', '%PDF-1.4', { 'content-type': 'application/pdf' });
    expect(pdfElsewhere.status).toBe(415);
    expect(pdfElsewhere.body.detail).toContain('application/json');
  });

  it('413 gives the limit in MB: 10 MB for evidence, BODY_LIMIT (1 MB here) for JSON', async () => {
    const tooBig = await officer.rest<ProblemDetails>('POST', evidencePath(), Buffer.alloc(10 * 1024 * 1024 + 1).toString('latin1'), {
      'content-type': 'application/pdf',
    });
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(tooBig.body.detail).toContain('10 MB');
    const json = await secretariatA.rest<ProblemDetails>('POST', '/api/v1/units', { name: 'x'.repeat(2_000_000) });
    expect([json.status, json.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(json.body.detail).toContain('1 MB');
  });
});

describe('Cache-Control: no-store on answers that carry tokens or a caller’s data', () => {
  it('sign-in, refresh and password change (they carry tokens)', async () => {
    const account = await server.factory.account({ role: 'VIEWER', unitId: provinceA.id });
    const login = await server.login(account.username, account.password);
    expect([login.status, login.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const refresh = await server.anonymous.rest<SessionTokens>('POST', '/api/v1/auth/refresh', { refreshToken: login.body.refreshToken });
    expect([refresh.status, refresh.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const password = await server
      .as(refresh.body.accessToken)
      .rest('POST', '/api/v1/auth/password', { currentPassword: account.password, newPassword: 'Mật khẩu mới rất dài 2024' });
    expect([password.status, password.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const refused = await server.login(account.username, 'sai mật khẩu');
    expect([refused.status, refused.headers.get('cache-control')]).toEqual([401, 'no-store']);
  });

  it('authenticated REST, GraphQL, errors and exports', async () => {
    const list = await officer.rest('GET', '/api/v1/units');
    expect([list.status, list.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const one = await officer.rest('GET', `/api/v1/units/${districtA.id}`);
    expect([one.status, one.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const notFound = await officer.rest('GET', `/api/v1/units/${districtB.id}`);
    expect([notFound.status, notFound.headers.get('cache-control')]).toEqual([404, 'no-store']);
    const graphql = await server.fetch(`/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ units { totalItems } }' }),
    });
    expect([graphql.status, graphql.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const exported = await server.fetch(`/api/v1/units/export.xlsx`, { headers: { authorization: `Bearer ${officer.token}` } });
    expect([exported.status, exported.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const anonymous = await server.anonymous.rest('GET', '/api/v1/units');
    expect([anonymous.status, anonymous.headers.get('cache-control')]).toEqual([401, 'no-store']);
  });

  it('leaves the public OpenAPI and /health to their own caching', async () => {
    expect((await server.anonymous.rest('GET', '/health')).headers.get('cache-control')).not.toBe('no-store');
    expect((await server.anonymous.rest('GET', '/api/docs/openapi.json')).headers.get('cache-control')).not.toBe('no-store');
  });
});

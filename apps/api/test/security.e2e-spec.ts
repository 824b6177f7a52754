import { SignJWT } from 'jose';
import type { ProblemDetails, SessionTokens, UnitDto } from '@danvan/contracts';
import type { UnitView } from '@danvan/units';
import { pino } from 'pino';
import { loadConfig, type AppConfig } from '@danvan/core';
import { Database } from '@danvan/database';
import { createApp, MIGRATIONS } from '@danvan/server-app';
import { TestClient, TestServer, type TestAccount } from '@danvan/testing';

/**
 * One test (at least) per OWASP API Security Top 10 (2023) item that applies,
 * over REST and GraphQL. Two provinces: callers of one must not see or touch
 * the other.
 */
let server: TestServer;
let thaiBinh: UnitView;
let tienHai: UnitView;
let haTinh: UnitView;
let haTinhFront: UnitView;
let secretariat: TestClient & { account: TestAccount }; // the secretariat of Thái Bình
let organisation: TestClient; // an officer of Hà Tĩnh's Fatherland Front
let viewer: TestClient;

beforeAll(async () => {
  server = await TestServer.start();
  thaiBinh = await server.factory.unit({ name: 'Tỉnh ủy Thái Bình', kind: 'PARTY_COMMITTEE', adminAreaCode: '34' });
  tienHai = await server.factory.unit({ parent: thaiBinh, name: 'Huyện ủy Tiền Hải', kind: 'PARTY_COMMITTEE', level: 'DISTRICT' });
  haTinh = await server.factory.unit({ name: 'Tỉnh ủy Hà Tĩnh', kind: 'PARTY_COMMITTEE', adminAreaCode: '42' });
  haTinhFront = await server.factory.unit({ parent: haTinh, name: 'Ủy ban MTTQ tỉnh Hà Tĩnh', kind: 'FATHERLAND_FRONT' });
  secretariat = await server.signedIn('SECRETARIAT', thaiBinh);
  organisation = await server.signedIn('ORGANISATION', haTinhFront);
  viewer = await server.signedIn('VIEWER', thaiBinh);
});
afterAll(async () => {
  await server?.close();
});

async function apiKey(unit: UnitView, scopes: string[]): Promise<string> {
  const { data, errors } = await server.graphql<{ createApiKey: { secret: string } }>(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix } } }`,
    { input: { name: `Tích hợp ${unit.name}`, unitId: unit.id, scopes } },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data?.createApiKey.secret as string;
}

describe('API1:2023 Broken Object Level Authorization', () => {
  it('an account sees only its unit’s subtree: other units answer 404, lists leave them out', async () => {
    expect((await secretariat.rest('GET', `/api/v1/units/${tienHai.id}`)).status).toBe(200);
    const other = await secretariat.rest<ProblemDetails>('GET', `/api/v1/units/${haTinh.id}`);
    expect(other.status).toBe(404);
    const list = await secretariat.rest<{ items: UnitDto[] }>('GET', '/api/v1/units?pageSize=100');
    expect(list.body.items.map((u) => u.id).sort()).toEqual([thaiBinh.id, tienHai.id].sort());
    const gql = await secretariat.graphql(`query($id: ID!) { unit(id: $id) { id } }`, { id: haTinh.id });
    expect(gql.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('an organisation’s API key cannot read or change another organisation’s unit (404), nor reparent into it', async () => {
    const key = await apiKey(haTinhFront, ['units:read', 'units:write']);
    const client = server.as(key);
    expect((await client.rest('GET', `/api/v1/units/${haTinhFront.id}`)).status).toBe(200);
    expect((await client.rest('GET', `/api/v1/units/${thaiBinh.id}`)).status).toBe(404);
    expect((await client.rest('PATCH', `/api/v1/units/${tienHai.id}`, { name: 'Chiếm quyền' }, { 'if-match': '"1"' })).status).toBe(404);
    const current = await client.rest<UnitDto>('GET', `/api/v1/units/${haTinhFront.id}`);
    const reparent = await client.rest<ProblemDetails>(
      'PATCH',
      `/api/v1/units/${haTinhFront.id}`,
      { parentId: thaiBinh.id },
      { 'if-match': `"${current.body.version}"` },
    );
    expect(reparent.status).toBe(422);
    expect((await server.rest<UnitDto>('GET', `/api/v1/units/${tienHai.id}`)).body.name).toBe('Huyện ủy Tiền Hải');
  });

  it('GraphQL nested fields obey the same scope: no parent or ancestors outside it', async () => {
    const { data } = await secretariat.graphql<{ unit: { parent: unknown; ancestors: unknown[]; children: Array<{ id: string }> } }>(
      `query($id: ID!) { unit(id: $id) { parent { id } ancestors { id } children { id } } }`,
      { id: thaiBinh.id },
    );
    expect(data?.unit).toEqual({ parent: null, ancestors: [], children: [{ id: tienHai.id }] });
    const fromOrganisation = await organisation.graphql<{ units: { items: Array<{ id: string }> } }>(
      `{ units(options: { pageSize: 100 }) { items { id } } }`,
    );
    expect(fromOrganisation.data?.units.items.map((u) => u.id)).toEqual([haTinhFront.id]);
  });

  it('the audit trail of another province stays hidden', async () => {
    await server.rest('PATCH', `/api/v1/units/${haTinh.id}`, { shortName: 'TU HT' }, { 'if-match': '"1"' });
    const events = await secretariat.rest<{ items: Array<{ entityId: string }> }>('GET', '/api/v1/audit-events?entity=unit&pageSize=100');
    expect(events.status).toBe(200);
    expect(events.body.items.some((e) => e.entityId === haTinh.id)).toBe(false);
  });
});

describe('API2:2023 Broken Authentication', () => {
  it('no credentials → 401 with WWW-Authenticate; a malformed header → 401', async () => {
    const none = await server.anonymous.rest('GET', '/api/v1/units');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await server.anonymous.rest('GET', '/api/v1/units', undefined, { authorization: 'Basic YWRtaW46YWRtaW4=' })).status).toBe(401);
    expect((await server.anonymous.graphql(`{ units { totalItems } }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('forged, alg:none and expired tokens → 401', async () => {
    const forged = await new SignJWT({ tv: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(secretariat.account.id)
      .setIssuer('danvan')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('not-the-server-secret-at-all-000000'));
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: secretariat.account.id, tv: 1, iss: 'danvan', exp: 9999999999 })).toString('base64url')}.`;
    const [{ value }] = (await server.database.dataSource.query(`SELECT value FROM server_secret WHERE name = 'jwt'`)) as Array<{
      value: string;
    }>;
    const expired = await new SignJWT({ tv: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(secretariat.account.id)
      .setIssuer('danvan')
      .setIssuedAt(1_700_000_000)
      .setExpirationTime(1_700_000_600)
      .sign(new TextEncoder().encode(value));
    for (const token of [forged, none, expired]) {
      expect((await server.as(token).rest('GET', '/api/v1/units')).status).toBe(401);
    }
  });

  it('who am I: an API key is answered with its unit, scopes and expiry (REST auth/me and GraphQL me), an account as before', async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const { data } = await server.graphql<{ createApiKey: { secret: string; apiKey: { id: string; prefix: string } } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix } } }`,
      { input: { name: 'Tích hợp hỏi danh tính', unitId: thaiBinh.id, scopes: ['units:read'], expiresAt } },
    );
    const created = data?.createApiKey as { secret: string; apiKey: { id: string; prefix: string } };
    const key = server.as(created.secret);
    const me = await key.rest('GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      kind: 'api-key',
      id: created.apiKey.id,
      name: 'Tích hợp hỏi danh tính',
      prefix: created.apiKey.prefix,
      unitId: thaiBinh.id,
      unitName: thaiBinh.name,
      scopes: ['units:read'],
      expiresAt,
    });
    const gql = await key.graphql<{ me: Record<string, unknown> }>(
      `{ me { __typename ... on CurrentApiKey { id unitId scopes expiresAt } ... on CurrentAccount { username } } }`,
    );
    expect(gql.data?.me).toEqual({
      __typename: 'CurrentApiKey',
      id: created.apiKey.id,
      unitId: thaiBinh.id,
      scopes: ['units:read'],
      expiresAt,
    });
    const account = await secretariat.graphql<{ me: Record<string, unknown> }>(
      `{ me { __typename ... on CurrentAccount { username unitId } } }`,
    );
    expect(account.data?.me).toEqual({ __typename: 'CurrentAccount', username: secretariat.account.username, unitId: thaiBinh.id });
    expect((await server.anonymous.rest('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('a revoked API key → 401 at once', async () => {
    const key = await apiKey(thaiBinh, ['units:read']);
    expect((await server.as(key).rest('GET', '/api/v1/units')).status).toBe(200);
    const keys = await server.graphql<{ apiKeys: { items: Array<{ id: string; prefix: string }> } }>(
      `query($u: ID!) { apiKeys(options: { filter: { unitId: $u } }) { items { id prefix } } }`,
      { u: thaiBinh.id },
    );
    const id = keys.data?.apiKeys.items.find((k) => key.includes(k.prefix))?.id as string;
    expect((await server.graphql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id })).errors).toBeUndefined();
    expect((await server.as(key).rest('GET', '/api/v1/units')).status).toBe(401);
    expect((await server.as(`${key.slice(0, -3)}xyz`).rest('GET', '/api/v1/units')).status).toBe(401);
  });

  it('logout ends the refresh token; a refresh token works once; a password change ends earlier access tokens', async () => {
    const account = await server.factory.account({ role: 'VIEWER', unitId: thaiBinh.id, password: 'Một mật khẩu 2026' });
    const first = (await server.login(account.username, 'Một mật khẩu 2026')).body;
    const refreshed = await server.anonymous.rest<SessionTokens>('POST', '/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    // The first refresh token is spent; using it again ends every session of the account.
    expect((await server.anonymous.rest('POST', '/api/v1/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    expect((await server.anonymous.rest('POST', '/api/v1/auth/refresh', { refreshToken: refreshed.body.refreshToken })).status).toBe(401);

    const session = (await server.login(account.username, 'Một mật khẩu 2026')).body;
    expect((await server.anonymous.rest('POST', '/api/v1/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);
    expect((await server.anonymous.rest('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);

    const other = (await server.login(account.username, 'Một mật khẩu 2026')).body;
    const changed = await server
      .as(session.accessToken)
      .rest<SessionTokens>('POST', '/api/v1/auth/password', { currentPassword: 'Một mật khẩu 2026', newPassword: 'Mật khẩu khác 2027' });
    expect(changed.status).toBe(200);
    expect((await server.as(other.accessToken).rest('GET', '/api/v1/units')).status).toBe(401);
    expect((await server.as(changed.body.accessToken).rest('GET', '/api/v1/units')).status).toBe(200);
  });

  it('login brute force: a generic message, then 429 with Retry-After once locked', async () => {
    const account = await server.factory.account({ role: 'VIEWER', unitId: thaiBinh.id, password: 'Đúng mật khẩu 123' });
    const unknown = await server.login('khong-co-ai', 'x');
    const wrong = await server.login(account.username, 'sai');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect((unknown.body as unknown as ProblemDetails).detail).toBe((wrong.body as unknown as ProblemDetails).detail);
    for (let i = 0; i < 3; i++) await server.login(account.username, `sai-${i}`);
    const locked = await server.login(account.username, 'sai-cuối');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await server.login(account.username, 'Đúng mật khẩu 123')).status).toBe(429); // even the right password, while locked
  });
});

describe('API3:2023 Broken Object Property Level Authorization', () => {
  it('id, version, createdBy or another unit’s fields in a body → 400, nothing changes', async () => {
    const created = await server.rest<ProblemDetails>('POST', '/api/v1/units', {
      code: 'X-BOPLA',
      name: 'X',
      kind: 'STATE_AGENCY',
      level: 'PROVINCE',
      id: haTinh.id,
      createdBy: 'me',
    });
    expect(created.status).toBe(400);
    expect(created.body.errors?.map((e) => e.field).sort()).toEqual(['createdBy', 'id']);
    const patched = await server.rest<ProblemDetails>(
      'PATCH',
      `/api/v1/units/${tienHai.id}`,
      { version: 99, path: '/' },
      { 'if-match': '"1"' },
    );
    expect(patched.status).toBe(400);
    const gql = await secretariat.graphql(`mutation($id: ID!) { updateUnit(id: $id, expectedVersion: 1, input: { version: 3 }) { id } }`, {
      id: tienHai.id,
    });
    expect(gql.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('no answer exposes a password hash or a key secret after creation', async () => {
    const me = await secretariat.rest<Record<string, unknown>>('GET', '/api/v1/auth/me');
    expect(Object.keys(me.body)).not.toContain('passwordHash');
    const accounts = await server.rest('POST', '/graphql', { query: '{ accountList { items { passwordHash } } }' });
    expect(accounts.status).toBe(400);
  });
});

describe('API4:2023 Unrestricted Resource Consumption', () => {
  it('an oversized page or body is refused (400, 413)', async () => {
    expect((await secretariat.rest('GET', '/api/v1/units?pageSize=1000')).status).toBe(400);
    expect((await secretariat.rest('POST', '/api/v1/units', { name: 'x'.repeat(2_000_000) })).status).toBe(413);
  });
});

describe('API4:2023 Unrestricted Resource Consumption — rate limits', () => {
  it('per account across two API processes sharing one database: 429 with Retry-After, on REST and GraphQL', async () => {
    const limited = await TestServer.start({ rateLimitPerMinute: 5 });
    // A second API process on the same database, as behind a load balancer.
    const second = await createApp(
      { ...loadConfig({ LOG_LEVEL: 'silent' }), rateLimitPerMinute: 5 },
      limited.database,
      pino({ level: 'silent' }),
    );
    await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = second.getHttpServer().address();
      const other = new TestClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, limited.token);
      for (let i = 0; i < 3; i++) expect((await limited.rest('GET', '/api/v1/units?pageSize=1')).status).toBe(200);
      expect((await other.rest('GET', '/api/v1/units?pageSize=1')).status).toBe(200);
      // The second process counts the first one's three requests at once: no sync to wait for.
      expect((await other.graphql('{ units(options: { pageSize: 1 }) { totalItems } }')).errors).toBeUndefined();
      const refused = await other.rest<ProblemDetails>('GET', '/api/v1/units?pageSize=1');
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const gql = await other.graphql('{ units(options: { pageSize: 1 }) { totalItems } }');
      expect(gql.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      // Another caller is not affected.
      const someoneElse = await limited.signedIn('ADMIN', null);
      expect((await someoneElse.rest('GET', '/api/v1/units?pageSize=1')).status).toBe(200);
    } finally {
      await second.close();
      await limited.close();
    }
  });
});

/**
 * A second API process on the database of `first`, as behind a load balancer: its own pool on a PostgreSQL
 * server; on PGlite (one connection, in one process) a second app on the same connection.
 */
async function secondProcess(first: TestServer, overrides: Partial<AppConfig>): Promise<{ url: string; close: () => Promise<void> }> {
  const database =
    first.database.kind === 'server' ? await Database.open({ target: first.database.target, migrations: MIGRATIONS }) : first.database;
  const app = await createApp({ ...loadConfig({ LOG_LEVEL: 'silent' }), ...overrides }, database, pino({ level: 'silent' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: async () => {
      await app.close();
      if (database !== first.database) await database.close();
    },
  };
}

/** Waits for the next one-minute window if the current one ends within `seconds` (limits count per fixed window). */
async function roomInWindow(seconds: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe('API4:2023 Unrestricted Resource Consumption — shared rate limit', () => {
  const LIMIT = 60;
  /** What two processes together may admit beyond the limit (docs/security.md: none while the database answers). */
  const OVER = 0;
  /** What may stay unused in the other process's lease when the budget runs out (one request per process). */
  const UNDER = 2;
  /** Seconds each run needs inside one window: 150 requests can take several seconds on a loaded 2-core CI machine. */
  const WINDOW_ROOM = 25;
  let limited: TestServer;
  let second: Awaited<ReturnType<typeof secondProcess>>;
  beforeAll(async () => {
    limited = await TestServer.start({ rateLimitPerMinute: LIMIT });
    second = await secondProcess(limited, { rateLimitPerMinute: LIMIT });
  });
  afterAll(async () => {
    await second?.close();
    await limited?.close();
  });

  /** One caller's two clients: one per process. */
  async function callerOnBoth(): Promise<[TestClient, TestClient]> {
    const caller = await limited.signedIn('ADMIN', null);
    return [caller, new TestClient(second.url, caller.token)];
  }

  const tally = (statuses: number[]) => ({
    admitted: statuses.filter((s) => s === 200).length,
    refused: statuses.filter((s) => s === 429).length,
  });

  it(`a burst of 150 requests alternating between two processes admits at most the limit (${LIMIT})`, async () => {
    const [a, b] = await callerOnBoth();
    await roomInWindow(WINDOW_ROOM);
    const statuses = await Promise.all(
      Array.from({ length: 150 }, async (_, i) => (await (i % 2 ? b : a).rest('GET', '/api/v1/units?pageSize=1')).status),
    );
    const { admitted, refused } = tally(statuses);
    expect(admitted + refused).toBe(150); // nothing but 200 and 429
    expect(admitted).toBeLessThanOrEqual(LIMIT + OVER);
    expect(admitted).toBeGreaterThanOrEqual(LIMIT - UNDER);
  });

  it(`fast sequential requests alternating between two processes admit at most the limit, and both processes serve`, async () => {
    const [a, b] = await callerOnBoth();
    await roomInWindow(WINDOW_ROOM);
    const statuses: Array<{ process: 'a' | 'b'; status: number }> = [];
    for (let i = 0; i < 150; i++) {
      const process = i % 2 ? 'b' : 'a';
      statuses.push({ process, status: (await (process === 'a' ? a : b).rest('GET', '/api/v1/units?pageSize=1')).status });
    }
    const { admitted, refused } = tally(statuses.map((s) => s.status));
    expect(admitted + refused).toBe(150);
    expect(admitted).toBeLessThanOrEqual(LIMIT + OVER);
    expect(admitted).toBeGreaterThanOrEqual(LIMIT - UNDER);
    for (const process of ['a', 'b']) {
      expect(tally(statuses.filter((s) => s.process === process).map((s) => s.status)).admitted).toBeGreaterThanOrEqual(LIMIT / 2 - UNDER);
    }
  });

  it('a GraphQL request counts once, however many root fields it has', async () => {
    const [a, b] = await callerOnBoth();
    await roomInWindow(WINDOW_ROOM);
    const fields = await a.graphql(
      `{ ${Array.from({ length: 5 }, (_, i) => `f${i}: units(options: { pageSize: 1 }) { totalItems }`).join(' ')} }`,
    );
    expect(fields.errors).toBeUndefined();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await (i % 2 ? b : a).rest('GET', '/api/v1/units?pageSize=1')).status);
    expect(tally(statuses)).toEqual({ admitted: LIMIT - 1, refused: 1 });
  });

  it('when the shared counter fails, requests and sign-ins are still answered (fail open), each process stopping at the limit', async () => {
    const [a] = await callerOnBoth();
    await limited.database.manager.query('ALTER TABLE rate_limit_counter RENAME TO rate_limit_counter_unavailable');
    try {
      await roomInWindow(WINDOW_ROOM);
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 5; i++) statuses.push((await a.rest('GET', '/api/v1/units?pageSize=1')).status);
      expect(tally(statuses)).toEqual({ admitted: LIMIT, refused: 5 });
      const login = await limited.login('khong-ton-tai', 'Sai mật khẩu 123');
      expect(login.status).toBe(401);
    } finally {
      await limited.database.manager.query('ALTER TABLE rate_limit_counter_unavailable RENAME TO rate_limit_counter');
    }
  });
});

describe('API4:2023 Unrestricted Resource Consumption — GraphQL', () => {
  it('too deep, too many aliases, too costly, too long or batched documents → 400 with a clear message', async () => {
    const deep = `{ units { items { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }`;
    const aliases = `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: units { totalItems }`).join(' ')} }`;
    const costly = `{ units(options: { pageSize: 100 }) { items { children(limit: 500) { children(limit: 500) { id } } } } }`;
    const long = `{ units { totalItems ${'__typename '.repeat(5000)} } }`;
    for (const [query, text] of [
      [deep, 'sâu'],
      [aliases, 'bí danh'],
      [costly, 'quá lớn'],
      [long, 'token'],
    ] as const) {
      const response = await secretariat.rest<{ errors: Array<{ message: string }> }>('POST', '/graphql', { query });
      expect({
        status: response.status,
        message: response.body.errors?.[0]?.message.includes(text) || response.body.errors?.[0]?.message,
      }).toEqual({ status: 400, message: true });
    }
    const batched = await secretariat.rest('POST', '/graphql', [
      { query: '{ units { totalItems } }' },
      { query: '{ units { totalItems } }' },
    ]);
    expect(batched.status).toBe(400);
  });
});

describe('API5:2023 Broken Function Level Authorization', () => {
  it('a viewer cannot call a mutation (403), over REST and GraphQL', async () => {
    expect(
      (
        await viewer.rest('POST', '/api/v1/units', {
          code: 'V1',
          name: 'V',
          kind: 'STATE_AGENCY',
          level: 'DISTRICT',
          parentId: thaiBinh.id,
        })
      ).status,
    ).toBe(403);
    const gql = await viewer.graphql(
      `mutation { createUnit(input: { code: "V2", name: "V", kind: STATE_AGENCY, level: DISTRICT }) { id } }`,
    );
    expect(gql.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('an organisation cannot manage accounts or keys; a secretariat cannot create an administrator', async () => {
    expect((await organisation.graphql(`{ accountList { totalItems } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const admin = await secretariat.graphql(
      `mutation($u: ID) { createAccount(input: { username: "chiem-quyen", displayName: "X", role: ADMIN, unitId: $u }) { oneTimePassword } }`,
      { u: thaiBinh.id },
    );
    expect(admin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a read-only API key cannot write (403)', async () => {
    const key = await apiKey(thaiBinh, ['units:read']);
    expect((await server.as(key).rest('PATCH', `/api/v1/units/${tienHai.id}`, { name: 'X' }, { 'if-match': '"1"' })).status).toBe(403);
  });

  it('an account on a temporary password can only change it', async () => {
    const fresh = await server.factory.account({
      role: 'SECRETARIAT',
      unitId: thaiBinh.id,
      password: 'Tạm thời 123456',
      mustChangePassword: true,
    });
    const session = (await server.login(fresh.username, 'Tạm thời 123456')).body;
    expect((await server.as(session.accessToken).rest('GET', '/api/v1/units')).status).toBe(403);
    expect((await server.as(session.accessToken).rest('GET', '/api/v1/auth/me')).status).toBe(200);
  });
});

describe('API8:2023 Security Misconfiguration', () => {
  it('security headers are present and X-Powered-By is absent', async () => {
    const response = await server.anonymous.rest('GET', '/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('in production, GraphQL introspection is off and CORS answers only the configured origins', async () => {
    const production = await TestServer.start({ production: true, graphqlIntrospection: false, corsOrigins: ['https://mttq.example.vn'] });
    try {
      const introspection = await production.rest<{ errors?: Array<{ message: string }> }>('POST', '/graphql', {
        query: '{ __schema { types { name } } }',
      });
      expect(introspection.status).toBe(400);
      const allowed = await production.anonymous.rest('OPTIONS', '/api/v1/units', undefined, {
        origin: 'https://mttq.example.vn',
        'access-control-request-method': 'GET',
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://mttq.example.vn');
      const denied = await production.anonymous.rest('GET', '/health', undefined, { origin: 'https://evil.example' });
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
      expect((await production.anonymous.rest('GET', '/health')).headers.get('content-security-policy')).toContain("default-src 'self'");
    } finally {
      await production.close();
    }
  });

  it('a malformed date in a mutation is a field error, not a system error', async () => {
    const { errors } = await server.graphql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
      input: { name: 'Ngày hỏng', unitId: thaiBinh.id, scopes: ['units:read'], expiresAt: 'not-a-date' },
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'expiresAt' })] });
  });

  it('errors carry no stack traces or SQL', async () => {
    const response = await server.rest<ProblemDetails>('GET', '/api/v1/units?pageSize=abc');
    expect(JSON.stringify(response.body)).not.toMatch(/at \w+ \(|SELECT|node_modules/);
  });
});

describe('API9:2023 Improper Inventory Management', () => {
  it('every route answers only as documented: an undocumented path is 404', async () => {
    expect((await server.rest('GET', '/api/v2/units')).status).toBe(404);
    expect((await server.rest('GET', '/api/v1/admin')).status).toBe(404);
  });
});

import type { ProblemDetails } from '@danvan/contracts';
import type { UnitView } from '@danvan/units';
import { auditEventCount, gql, TestServer, type TestClient } from '@danvan/testing';

/**
 * The write protocol every versioned resource shares: idempotent replays are
 * the first answer byte for byte; a refused precondition tells the version now
 * (ETag, currentVersion) and what to send; a change that changes nothing keeps
 * the version and writes no audit event.
 */
let server: TestServer;
let province: UnitView;
let district: UnitView;
let officer: TestClient;
let pledgeId: string;

const criteria = {
  groups: [
    { code: 'I', title: 'Tham mưu, hướng dẫn công tác dân vận', criteria: [{ code: '1', title: 'Tham mưu cấp ủy', maxScore: 100 }] },
  ],
  bonusItems: [],
  bonusCap: 0,
  deductionItems: [],
  deductionCap: 0,
  bands: [
    { name: 'Xuất sắc', minScore: 95 },
    { name: 'Chưa đạt', minScore: 0 },
  ],
};

const auditCount = () => auditEventCount(server.database);

/** The raw answer (status, headers, body text), as a client sees it on the wire. */
async function raw(
  method: string,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await server.fetch(`${path}`, {
    method,
    body,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...headers },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

beforeAll(async () => {
  server = await TestServer.start();
  province = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Bình Phước', adminAreaCode: '70' });
  district = await server.factory.unit({ parent: province, name: 'Ban Dân vận Huyện ủy Phú Riềng', level: 'DISTRICT' });
  officer = await server.signedIn('ORGANISATION', district);
  const { createMovement } = await gql<{ createMovement: { id: string } }>(
    server,
    `mutation($input: CreateMovementInput!) { createMovement(input: $input) { id } }`,
    {
      input: { name: 'Phong trào thi đua "Dân vận khéo"', kind: 'REGULAR', launchedByUnitId: province.id, startsOn: '2024-01-01' },
    },
  );
  const { createBloc } = await gql<{ createBloc: { id: string } }>(
    server,
    `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`,
    {
      input: {
        year: 2024,
        name: 'Khối Ban Dân vận các huyện',
        ownerUnitId: province.id,
        movementId: createMovement.id,
        memberIds: [district.id],
      },
    },
  );
  const { createPledge } = await gql<{ createPledge: { id: string; version: number } }>(
    server,
    `mutation($input: CreatePledgeInput!) { createPledge(input: $input) { id version } }`,
    {
      input: { blocId: createBloc.id, title: 'Giao ước thi đua năm 2024', criteria },
    },
  );
  pledgeId = createPledge.id;
  const { signPledge } = await gql<{ signPledge: { version: number } }>(
    server,
    `mutation($id: ID!, $v: Int!) { signPledge(id: $id, expectedVersion: $v, input: { signedOn: "2024-01-12", signingEvent: "Hội nghị tổng kết công tác dân vận năm 2023" }) { version } }`,
    { id: pledgeId, v: createPledge.version },
  );
  await gql(server, `mutation($id: ID!, $v: Int!) { advancePledge(id: $id, expectedVersion: $v, to: REGISTRATION_OPEN) { status } }`, {
    id: pledgeId,
    v: signPledge.version,
  });
});
afterAll(async () => {
  await server?.close();
});

describe('idempotent replays', () => {
  // jsonb would store these keys reordered ("name" before "title"; the unit's own keys by length).
  const unit = (code: string) =>
    JSON.stringify({
      code,
      name: `Hội Nông dân ${code}`,
      kind: 'MASS_ORGANISATION',
      level: 'PROVINCE',
      leaders: [{ title: 'Chủ tịch Hội', name: 'Nguyễn Văn An', email: 'an@example.vn' }],
    });

  it('a replay is the first answer byte for byte, with its status, Location, ETag and content-type', async () => {
    const first = await raw('POST', '/api/v1/units', unit('IDEM-RAW'), { 'idempotency-key': 'raw-bytes-1' });
    const replay = await raw('POST', '/api/v1/units', unit('IDEM-RAW'), { 'idempotency-key': 'raw-bytes-1' });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(first.text);
    // The body is one whose keys jsonb reorders: kept as jsonb, a replay would not be these bytes.
    const [{ v: viaJsonb }] = (await server.database.manager.query(`SELECT $1::jsonb AS v`, [first.text])) as Array<{ v: unknown }>;
    expect(JSON.stringify(viaJsonb)).not.toBe(first.text);
    for (const header of ['location', 'etag', 'content-type']) expect(replay.headers.get(header)).toBe(first.headers.get(header));
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('a record stored before the bytes were kept is still replayed, from its JSON value', async () => {
    const first = await raw('POST', '/api/v1/units', unit('IDEM-OLD'), { 'idempotency-key': 'stored-before' });
    // As the migration found it: the JSON value only, no bytes, no content-type.
    await server.database.manager.query(
      `UPDATE idempotency_record SET response = convert_from(response_body, 'UTF8')::jsonb, response_body = NULL, headers = headers - 'content-type' WHERE key = 'stored-before'`,
    );
    const replay = await raw('POST', '/api/v1/units', unit('IDEM-OLD'), { 'idempotency-key': 'stored-before' });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(replay.text)).toEqual(JSON.parse(first.text));
    expect(replay.headers.get('etag')).toBe(first.headers.get('etag'));
  });
});

describe('conflicts a client can recover from', () => {
  it('a stale If-Match answers 412 with the current ETag and version; GraphQL gives the version too', async () => {
    const created = await server.factory.unit({ name: 'Hội Cựu chiến binh tỉnh' });
    const path = `/api/v1/units/${created.id}`;
    expect((await server.rest('PATCH', path, { name: 'Hội Cựu chiến binh tỉnh Bình Phước' }, { 'if-match': '"1"' })).status).toBe(200);
    const stale = await server.rest<ProblemDetails>('PATCH', path, { name: 'Tên khác' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', currentVersion: 2 });
    expect(stale.headers.get('etag')).toBe('"2"');
    const gqlStale = await server.graphql(
      `mutation($id: ID!) { updateUnit(id: $id, expectedVersion: 1, input: { name: "Tên khác" }) { id } }`,
      { id: created.id },
    );
    expect(gqlStale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT', currentVersion: 2 });
  });

  it('a stale version is 412 before any rule: a change the caller made against its own version is never refused by a rule (422) for a state it has not seen', async () => {
    const created = await server.factory.unit({ name: 'Hội Luật gia tỉnh', validFrom: '2023-01-01' });
    const path = `/api/v1/units/${created.id}`;
    expect((await server.rest('PATCH', path, { name: 'Hội Luật gia tỉnh Bình Phước' }, { 'if-match': '"1"' })).status).toBe(200);
    const before = await auditCount();
    // Against version 2 each would break a rule (ended before it began; its own parent): a stale caller hears 412.
    for (const change of [{ validTo: '2020-01-01', status: 'DISSOLVED' }, { parentId: created.id }]) {
      const stale = await server.rest<ProblemDetails>('PATCH', path, change, { 'if-match': '"1"' });
      expect({ change, status: stale.status, code: stale.body.code }).toEqual({ change, status: 412, code: 'PRECONDITION_FAILED' });
      expect(stale.headers.get('etag')).toBe('"2"');
    }
    const { blocs } = await gql<{ blocs: { items: Array<{ id: string; version: number }> } }>(server, `{ blocs { items { id version } } }`);
    const bloc = blocs.items[0];
    const staleBloc = await server.graphql(
      `mutation($id: ID!, $v: Int!, $m: ID!) { updateBloc(id: $id, expectedVersion: $v, input: { movementId: $m }) { id } }`,
      { id: bloc.id, v: bloc.version + 1, m: '00000000-0000-4000-8000-000000000000' },
    );
    expect(staleBloc.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT', currentVersion: bloc.version });
    expect(await auditCount()).toBe(before);
  });

  it('a PATCH without If-Match answers 428 naming the version to send', async () => {
    const created = await server.factory.unit({ name: 'Hội Người cao tuổi tỉnh' });
    const missing = await server.rest<ProblemDetails>('PATCH', `/api/v1/units/${created.id}`, { name: 'Tên khác' });
    expect(missing.status).toBe(428);
    expect(missing.body).toMatchObject({
      code: 'PRECONDITION_REQUIRED',
      currentVersion: 1,
      errors: [expect.objectContaining({ field: 'If-Match', code: 'required' })],
    });
    expect(missing.body.detail).toContain('If-Match: "1"');
    expect(missing.headers.get('etag')).toBe('"1"');
    // Not found stays not found: no version is told about what the caller cannot see.
    expect((await server.rest('PATCH', `/api/v1/units/00000000-0000-4000-8000-000000000000`, { name: 'X' })).status).toBe(404);
  });

  it('a first registration sent with If-Match says nothing exists yet (send no If-Match); a later one without If-Match names the version', async () => {
    const path = `/api/v1/pledges/${pledgeId}/registrations/${district.id}`;
    const body = {
      targets: [{ title: 'Xây dựng 5 mô hình "Dân vận khéo"', measure: '5 mô hình' }],
      breakthroughTasks: ['Chuyển đổi số trong công tác dân vận'],
    };
    const audits = await auditCount();
    const early = await officer.rest<ProblemDetails>('PUT', path, body, { 'if-match': '"1"' });
    expect(early.status).toBe(412);
    expect(early.body).toMatchObject({
      code: 'PRECONDITION_FAILED',
      currentVersion: null,
      errors: [expect.objectContaining({ field: 'If-Match', code: 'notCreatedYet' })],
    });
    expect(early.body.detail).toMatch(/Chưa có bản đăng ký chỉ tiêu nào.*không kèm If-Match/);
    expect(early.body.detail).not.toContain('người khác');
    expect(early.headers.get('etag')).toBeNull();
    expect(await auditCount()).toBe(audits);
    const viaGraphql = await officer.graphql(
      `mutation($p: ID!, $u: ID!, $input: RegistrationInput!) { registerPledgeTargets(pledgeId: $p, unitId: $u, expectedVersion: 1, input: $input) { id } }`,
      { p: pledgeId, u: district.id, input: body },
    );
    expect(viaGraphql.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: null,
      fields: [expect.objectContaining({ field: 'expectedVersion', code: 'notCreatedYet' })],
    });

    const first = await officer.rest('PUT', path, body);
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    const again = await officer.rest<ProblemDetails>('PUT', path, { ...body, breakthroughTasks: ['Khác'] });
    expect(again.status).toBe(428);
    expect(again.body).toMatchObject({ code: 'PRECONDITION_REQUIRED', currentVersion: 1 });
    expect(again.body.detail).toContain('If-Match: "1"');
    expect(again.headers.get('etag')).toBe('"1"');
  });
});

describe('a change that changes nothing', () => {
  async function expectNoOp(path: string, body: unknown, method = 'PATCH'): Promise<void> {
    const read = await server.rest<{ version: number }>('GET', path);
    const etag = read.headers.get('etag') as string;
    const audits = await auditCount();
    const noOp = await server.rest<{ version: number }>(method, path, body, { 'if-match': etag });
    expect(noOp.status).toBe(200);
    expect(noOp.body.version).toBe(read.body.version);
    expect(noOp.headers.get('etag')).toBe(etag);
    expect(noOp.body).toEqual(read.body);
    expect(await auditCount()).toBe(audits);
    // The caller's belief is still checked: a stale version is refused even when nothing would change.
    if (read.body.version > 1)
      expect((await server.rest(method, path, body, { 'if-match': `"${read.body.version - 1}"` })).status).toBe(412);
  }

  it('a unit PATCH sending what it holds (names to be trimmed and composed, leaders in another key order) keeps its version and writes no event', async () => {
    const created = await server.factory.unit({
      name: 'Hội Liên hiệp Phụ nữ tỉnh',
      leaders: [{ name: 'Trần Thị Bình', title: 'Chủ tịch Hội' }],
      validFrom: '2020-01-01',
    });
    await server.rest('PATCH', `/api/v1/units/${created.id}`, { shortName: 'HLHPN' }, { 'if-match': '"1"' });
    await expectNoOp(`/api/v1/units/${created.id}`, {
      name: '  Hội Liên hiệp Phụ nữ tỉnh '.normalize('NFD'),
      shortName: 'HLHPN',
      leaders: [{ title: 'Chủ tịch Hội', name: 'Trần Thị Bình' }],
      validFrom: '2020-01-01',
      kind: created.kind,
    });
    // A real change still bumps the version and is audited.
    const audits = await auditCount();
    const changed = await server.rest<{ version: number }>(
      'PATCH',
      `/api/v1/units/${created.id}`,
      { shortName: 'Hội LHPN' },
      { 'if-match': '"2"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(3);
    expect(changed.headers.get('etag')).toBe('"3"');
    expect(await auditCount()).toBe(audits + 1);
  });

  it('a document PATCH with its own title and number', async () => {
    const doc = await server.rest<{ id: string; number: string; title: string }>('POST', '/api/v1/documents', {
      number: '151-KH/BDVTU',
      issuedOn: '2023-12-21',
      title: 'Kế hoạch tổ chức Hội nghị tổng kết',
    });
    expect(doc.status).toBe(201);
    await expectNoOp(`/api/v1/documents/${doc.body.id}`, { number: doc.body.number, title: doc.body.title, issuedOn: '2023-12-21' });
  });

  it('a model PATCH with its own fields', async () => {
    const model = await server.rest<{ id: string }>('POST', '/api/v1/models', {
      name: 'Vận động nhân dân hiến đất làm đường',
      ownerUnitId: district.id,
      holderKind: 'COLLECTIVE',
      field: 'ECONOMY',
      firstYear: 2023,
    });
    expect(model.status).toBe(201);
    await expectNoOp(`/api/v1/models/${model.body.id}`, {
      name: 'Vận động nhân dân hiến đất làm đường',
      field: 'ECONOMY',
      firstYear: 2023,
      ownerUnitId: district.id,
    });
  });

  it('a registration PUT with the same targets and tasks', async () => {
    const path = `/api/v1/pledges/${pledgeId}/registrations/${district.id}`;
    const current = await officer.rest<{ version: number; targets: unknown; breakthroughTasks: string[] }>('GET', path);
    expect(current.status).toBe(200);
    const audits = await auditCount();
    const same = await officer.rest<{ version: number }>(
      'PUT',
      path,
      { targets: current.body.targets, breakthroughTasks: current.body.breakthroughTasks },
      { 'if-match': `"${current.body.version}"` },
    );
    expect(same.status).toBe(200);
    expect(same.body).toEqual(current.body);
    expect(same.headers.get('etag')).toBe(`"${current.body.version}"`);
    expect(await auditCount()).toBe(audits);
    const changed = await officer.rest<{ version: number }>(
      'PUT',
      path,
      { targets: current.body.targets, breakthroughTasks: ['Nâng cao chất lượng đối thoại'] },
      { 'if-match': `"${current.body.version}"` },
    );
    expect(changed.body.version).toBe(current.body.version + 1);
    expect(await auditCount()).toBe(audits + 1);
  });

  it('GraphQL updates of movements, blocs, pledges and accounts that change nothing keep the version', async () => {
    const { movements } = await gql<{ movements: { items: Array<{ id: string; name: string; version: number }> } }>(
      server,
      `{ movements { items { id name version } } }`,
    );
    const movement = movements.items[0];
    const audits = await auditCount();
    const { updateMovement } = await gql<{ updateMovement: { version: number } }>(
      server,
      `mutation($id: ID!, $v: Int!, $name: String!) { updateMovement(id: $id, expectedVersion: $v, input: { name: $name }) { version } }`,
      {
        id: movement.id,
        v: movement.version,
        name: movement.name,
      },
    );
    expect(updateMovement.version).toBe(movement.version);
    const { pledge } = await gql<{ pledge: { title: string; version: number } }>(
      server,
      `query($id: ID!) { pledge(id: $id) { title version } }`,
      { id: pledgeId },
    );
    const { updatePledge } = await gql<{ updatePledge: { version: number } }>(
      server,
      `mutation($id: ID!, $v: Int!, $t: String!) { updatePledge(id: $id, expectedVersion: $v, input: { title: $t }) { version } }`,
      {
        id: pledgeId,
        v: pledge.version,
        t: pledge.title,
      },
    );
    expect(updatePledge.version).toBe(pledge.version);
    const { blocs } = await gql<{ blocs: { items: Array<{ id: string; name: string; version: number }> } }>(
      server,
      `{ blocs { items { id name version } } }`,
    );
    const { updateBloc } = await gql<{ updateBloc: { version: number } }>(
      server,
      `mutation($id: ID!, $v: Int!, $name: String!) { updateBloc(id: $id, expectedVersion: $v, input: { name: $name }) { version } }`,
      {
        id: blocs.items[0].id,
        v: blocs.items[0].version,
        name: blocs.items[0].name,
      },
    );
    expect(updateBloc.version).toBe(blocs.items[0].version);
    const account = await server.factory.account({ role: 'VIEWER', unitId: district.id });
    const [{ version, displayName }] = (await server.database.manager.query(
      `SELECT version, display_name AS "displayName" FROM account WHERE username = $1`,
      [account.username],
    )) as Array<{
      version: number;
      displayName: string;
    }>;
    const [{ id: accountId }] = (await server.database.manager.query(`SELECT id FROM account WHERE username = $1`, [
      account.username,
    ])) as Array<{ id: string }>;
    const { updateAccount } = await gql<{ updateAccount: { version: number } }>(
      server,
      `mutation($id: ID!, $v: Int!, $d: String!) { updateAccount(id: $id, expectedVersion: $v, input: { displayName: $d }) { version } }`,
      {
        id: accountId,
        v: version,
        d: ` ${displayName} `,
      },
    );
    expect(updateAccount.version).toBe(version);
    expect(await auditCount()).toBe(audits);
  });
});

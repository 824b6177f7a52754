import type { ProblemDetails } from '@danvan/contracts';
import type { UnitView } from '@danvan/units';
import { FOUR_BANDS, gql, TestServer, type TestClient } from '@danvan/testing';

/**
 * Emulation over GraphQL (the secretariat's screens) and REST (a member
 * organisation's system): the Bình Phước 2024 pledge of the Dân vận sector,
 * signed on 12/01/2024 at Phú Riềng under plan 151-KH/BDVTU.
 */
let server: TestServer;
let province: UnitView;
let phuRieng: UnitView;
let dongXoai: UnitView;
let buDang: UnitView;
let secretariat: TestClient;
let phuRiengOfficer: TestClient;
let outsider: TestClient;
let planId: string;
let blocId: string;
let pledgeId: string;

const criteria = {
  groups: [
    {
      code: 'I',
      title: 'Tham mưu, hướng dẫn công tác dân vận',
      criteria: [
        {
          code: '1',
          title: 'Tham mưu cấp ủy ban hành văn bản',
          maxScore: 20,
          subCriteria: [
            { code: '1.a', title: 'Nghị quyết, chỉ thị', maxScore: 12 },
            { code: '1.b', title: 'Sơ kết, tổng kết', maxScore: 8 },
          ],
        },
        { code: '2', title: 'Phong trào "Dân vận khéo"', maxScore: 30 },
      ],
    },
    {
      code: 'II',
      title: 'Xây dựng cơ quan, đơn vị',
      criteria: [{ code: '3', title: 'Nội bộ đoàn kết, thực hiện chế độ báo cáo', maxScore: 50 }],
    },
  ],
  bonusItems: [{ code: 'C1', title: 'Mô hình mới được nhân rộng', maxScore: 5 }],
  bonusCap: 5,
  deductionItems: [{ code: 'T1', title: 'Báo cáo chậm', maxScore: 2 }],
  deductionCap: 10,
  bands: FOUR_BANDS,
};

const PLEDGE_FIELDS = `id status statusLabel version breakthroughMin breakthroughMax signedOn signingEvent signingPlace
  documents { number } signatories { id name } criteriaSet { number maxTotal bands { name minScore } groups { code criteria { code maxScore subCriteria { code } } } }`;

async function gqlError(client: TestClient, query: string, variables?: Record<string, unknown>) {
  const { errors } = await client.graphql(query, variables);
  expect(errors).toBeDefined();
  return errors?.[0] as { message: string; extensions?: { code?: string; fields?: Array<{ field: string; message: string }> } };
}

async function pledgeVersion(): Promise<number> {
  return (await gql<{ pledge: { version: number } }>(server, `query($id: ID!) { pledge(id: $id) { version } }`, { id: pledgeId })).pledge
    .version;
}

beforeAll(async () => {
  server = await TestServer.start();
  province = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Bình Phước', shortName: 'BDVTU', adminAreaCode: '70' });
  phuRieng = await server.factory.unit({ parent: province, name: 'Ban Dân vận Huyện ủy Phú Riềng', level: 'DISTRICT' });
  dongXoai = await server.factory.unit({ parent: province, name: 'Ban Dân vận Thành ủy Đồng Xoài', level: 'DISTRICT' });
  buDang = await server.factory.unit({ parent: province, name: 'Ban Dân vận Huyện ủy Bù Đăng', level: 'DISTRICT' });
  const haTinh = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Hà Tĩnh', adminAreaCode: '42' });
  secretariat = await server.signedIn('SECRETARIAT', province);
  phuRiengOfficer = await server.signedIn('ORGANISATION', phuRieng);
  outsider = await server.signedIn('SECRETARIAT', haTinh);
  const plan = await secretariat.rest<{ id: string }>('POST', '/api/v1/documents', {
    number: '151-KH/BDVTU',
    issuedOn: '2023-12-21',
    title: 'Kế hoạch tổ chức Hội nghị tổng kết công tác dân vận năm 2023 và ký kết giao ước thi đua năm 2024',
  });
  planId = plan.body.id;
});
afterAll(async () => {
  await server?.close();
});

describe('movements and blocs', () => {
  it('launches a movement and forms a bloc with a head and a deputy among its members', async () => {
    const { createMovement } = await gql<{
      createMovement: { id: string; launchedBy: { name: string }; legalBasis: Array<{ number: string }> };
    }>(
      secretariat,
      `mutation($input: CreateMovementInput!) { createMovement(input: $input) { id launchedBy { name } legalBasis { number } } }`,
      {
        input: {
          name: 'Phong trào thi đua "Dân vận khéo"',
          kind: 'REGULAR',
          launchedByUnitId: province.id,
          startsOn: '2024-01-01',
          legalBasisIds: [planId],
        },
      },
    );
    expect(createMovement).toMatchObject({
      launchedBy: { name: 'Ban Dân vận Tỉnh ủy Bình Phước' },
      legalBasis: [{ number: '151-KH/BDVTU' }],
    });

    const bloc = {
      year: 2024,
      name: 'Khối Ban Dân vận các huyện, thị, thành ủy',
      ownerUnitId: province.id,
      movementId: createMovement.id,
      memberIds: [phuRieng.id, dongXoai.id, buDang.id],
    };
    const notMember = await gqlError(secretariat, `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`, {
      input: { ...bloc, headUnitId: province.id },
    });
    expect(notMember.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'headUnitId' })] });
    const twice = await gqlError(secretariat, `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`, {
      input: { ...bloc, memberIds: [phuRieng.id, phuRieng.id] },
    });
    expect(twice.extensions?.fields?.[0].field).toBe('memberIds');
    const foreign = await gqlError(outsider, `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`, {
      input: { ...bloc, ownerUnitId: province.id },
    });
    expect(foreign.extensions?.fields?.[0].field).toBe('ownerUnitId');

    const { createBloc } = await gql<{
      createBloc: { id: string; head: { id: string }; deputy: { id: string }; members: Array<{ name: string }> };
    }>(secretariat, `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id head { id } deputy { id } members { name } } }`, {
      input: { ...bloc, headUnitId: phuRieng.id, deputyUnitId: dongXoai.id },
    });
    blocId = createBloc.id;
    expect(createBloc.head.id).toBe(phuRieng.id);
    expect(createBloc.members.map((m) => m.name)).toEqual([
      'Ban Dân vận Huyện ủy Bù Đăng',
      'Ban Dân vận Huyện ủy Phú Riềng',
      'Ban Dân vận Thành ủy Đồng Xoài',
    ]);
    // A member organisation sees its bloc (and its fellow members' names); another province does not.
    const seen = await gql<{ blocs: { items: Array<{ id: string; members: Array<{ name: string }> }> } }>(
      phuRiengOfficer,
      `{ blocs { items { id members { name } } } }`,
    );
    expect(seen.blocs.items.map((b) => b.id)).toEqual([blocId]);
    expect((await gqlError(outsider, `query($id: ID!) { bloc(id: $id) { id } }`, { id: blocId })).extensions?.code).toBe('NOT_FOUND');
    // The views say what each caller may do (BLOC_POLICY): the manager may edit it and give it its pledge, a member nothing.
    const actionsOf = async (client: TestClient) =>
      (await gql<{ bloc: { allowedActions: string[] } }>(client, `query($id: ID!) { bloc(id: $id) { allowedActions } }`, { id: blocId }))
        .bloc.allowedActions;
    expect([await actionsOf(secretariat), await actionsOf(phuRiengOfficer)]).toEqual([['update', 'createPledge'], []]);
  });
});

describe('pledge lifecycle', () => {
  it('creates a draft with criteria version 1; an invalid criteria set is refused field by field', async () => {
    const bad = structuredClone(criteria);
    bad.groups[0].criteria[0].maxScore = 25;
    const refused = await gqlError(secretariat, `mutation($input: CreatePledgeInput!) { createPledge(input: $input) { id } }`, {
      input: { blocId, title: 'Giao ước thi đua năm 2024', documentIds: [planId], breakthroughMin: 3, breakthroughMax: 5, criteria: bad },
    });
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        expect.objectContaining({ field: 'criteria.groups[0].criteria[0].maxScore', message: expect.stringContaining('phải bằng tổng') }),
      ],
    });
    const { createPledge } = await gql<{ createPledge: { id: string; status: string; criteriaSet: { number: number; maxTotal: number } } }>(
      secretariat,
      `mutation($input: CreatePledgeInput!) { createPledge(input: $input) { ${PLEDGE_FIELDS} } }`,
      {
        input: {
          blocId,
          title: 'Giao ước thi đua năm 2024 trong hệ thống ngành Dân vận',
          documentIds: [planId],
          breakthroughMin: 3,
          breakthroughMax: 5,
          criteria,
        },
      },
    );
    pledgeId = createPledge.id;
    expect(createPledge).toMatchObject({ status: 'DRAFT', criteriaSet: { number: 1, maxTotal: 105 } });
    const duplicate = await gqlError(secretariat, `mutation($input: CreatePledgeInput!) { createPledge(input: $input) { id } }`, {
      input: { blocId, title: 'Lần hai' },
    });
    expect(duplicate.extensions?.code).toBe('CONFLICT');
  });

  it('refuses skipping steps and signing without an event or with a non-member, then signs', async () => {
    const skip = await gqlError(
      secretariat,
      `mutation($id: ID!, $v: Int!) { advancePledge(id: $id, expectedVersion: $v, to: REGISTRATION_OPEN) { id } }`,
      { id: pledgeId, v: await pledgeVersion() },
    );
    expect(skip.message).toMatch(/bước tiếp theo chỉ có thể là "Đã ký kết"/);
    const noEvent = await gqlError(
      secretariat,
      `mutation($id: ID!, $v: Int!) { signPledge(id: $id, expectedVersion: $v, input: { signedOn: "2024-01-12", signingEvent: "" }) { id } }`,
      {
        id: pledgeId,
        v: await pledgeVersion(),
      },
    );
    expect(noEvent.extensions?.fields?.[0].field).toBe('signingEvent');
    const outsiderUnit = await gqlError(
      secretariat,
      `mutation($id: ID!, $v: Int!, $s: [ID!]) { signPledge(id: $id, expectedVersion: $v, input: { signedOn: "2024-01-12", signingEvent: "Hội nghị", signatoryIds: $s }) { id } }`,
      {
        id: pledgeId,
        v: await pledgeVersion(),
        s: [phuRieng.id, province.id],
      },
    );
    expect(outsiderUnit.extensions?.fields?.[0].field).toBe('signatoryIds');
    const versionBefore = await pledgeVersion();
    const { signPledge } = await gql<{
      signPledge: { status: string; signedOn: string; signingPlace: string; signatories: unknown[]; version: number };
    }>(
      secretariat,
      `mutation($id: ID!, $v: Int!) { signPledge(id: $id, expectedVersion: $v, input: { signedOn: "2024-01-12", signingEvent: "Hội nghị tổng kết công tác dân vận năm 2023", signingPlace: "Huyện Phú Riềng" }) { ${PLEDGE_FIELDS} } }`,
      { id: pledgeId, v: versionBefore },
    );
    expect(signPledge).toMatchObject({
      status: 'SIGNED',
      signedOn: '2024-01-12',
      signingPlace: 'Huyện Phú Riềng',
      version: versionBefore + 1,
    });
    expect(signPledge.signatories).toHaveLength(3);
  });

  it('changing the criteria after signing adds version 2 and leaves version 1 as it was', async () => {
    const changed = structuredClone(criteria);
    changed.groups[1].criteria[0].maxScore = 45;
    changed.bands[0].minScore = 90;
    await gql(
      secretariat,
      `mutation($id: ID!, $v: Int!, $c: CriteriaSetInput!) { setPledgeCriteria(id: $id, expectedVersion: $v, criteria: $c) { id } }`,
      { id: pledgeId, v: await pledgeVersion(), c: changed },
    );
    const { pledge } = await gql<{
      pledge: {
        criteriaSet: { number: number; maxTotal: number };
        criteriaVersions: Array<{ number: number; maxTotal: number; bands: Array<{ minScore: number }> }>;
      };
    }>(
      server,
      `query($id: ID!) { pledge(id: $id) { criteriaSet { number maxTotal } criteriaVersions { number maxTotal bands { minScore } } } }`,
      { id: pledgeId },
    );
    expect(pledge.criteriaSet).toEqual({ number: 2, maxTotal: 100 });
    expect(pledge.criteriaVersions.map((v) => [v.number, v.maxTotal, v.bands[0].minScore])).toEqual([
      [2, 100, 90],
      [1, 105, 95],
    ]);
    // The stored version 1 cannot be altered, even by SQL.
    await expect(
      server.database.manager.query(`UPDATE criteria_set SET max_total = 1 WHERE pledge_id = $1 AND number = 1`, [pledgeId]),
    ).rejects.toThrow(/immutable/);
  });

  it('two concurrent changes with the same version: exactly one wins, the other gets CONFLICT', async () => {
    const v = await pledgeVersion();
    const attempt = () =>
      secretariat.graphql(
        `mutation($id: ID!, $v: Int!) { advancePledge(id: $id, expectedVersion: $v, to: REGISTRATION_OPEN) { status } }`,
        { id: pledgeId, v },
      );
    const results = await Promise.all([attempt(), attempt()]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT').length).toBe(1);
    expect(
      (await gql<{ pledge: { status: string } }>(server, `query($id: ID!) { pledge(id: $id) { status } }`, { id: pledgeId })).pledge.status,
    ).toBe('REGISTRATION_OPEN');
  });

  it('once registration is open the breakthrough range is fixed; a form that sends it back unchanged still saves', async () => {
    const update = (range: { breakthroughMin: number; breakthroughMax: number }) =>
      pledgeVersion().then((v) =>
        secretariat.graphql<{ updatePledge: { title: string } }>(
          `mutation($id: ID!, $v: Int!, $input: UpdatePledgeInput!) { updatePledge(id: $id, expectedVersion: $v, input: $input) { title } }`,
          {
            id: pledgeId,
            v,
            input: { title: 'Giao ước thi đua năm 2024 trong hệ thống ngành Dân vận tỉnh Bình Phước', ...range },
          },
        ),
      );
    const changed = await update({ breakthroughMin: 2, breakthroughMax: 5 });
    expect(changed.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'breakthroughMin', code: 'registrationStarted' }),
    ]);
    const unchanged = await update({ breakthroughMin: 3, breakthroughMax: 5 });
    expect(unchanged.errors).toBeUndefined();
    expect(unchanged.data?.updatePledge.title).toBe('Giao ước thi đua năm 2024 trong hệ thống ngành Dân vận tỉnh Bình Phước');
  });
});

describe('registrations over REST (a member organisation’s system)', () => {
  const targets = [{ title: 'Xây dựng 5 mô hình "Dân vận khéo"', measure: '5 mô hình' }];
  const tasks = ['Chuyển đổi số trong công tác dân vận', 'Nâng cao chất lượng đối thoại', 'Xây dựng tổ tự quản'];

  it('the organisation sees its pledge, registers 3–5 breakthrough tasks, and changes them with If-Match', async () => {
    const list = await phuRiengOfficer.rest<{ items: Array<{ id: string; criteriaSet: { number: number } }> }>(
      'GET',
      '/api/v1/pledges?year=2024',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((p) => p.id)).toEqual([pledgeId]);
    expect(list.body.items[0].criteriaSet.number).toBe(2);
    const path = `/api/v1/pledges/${pledgeId}/registrations/${phuRieng.id}`;
    const tooFew = await phuRiengOfficer.rest<ProblemDetails>('PUT', path, { targets, breakthroughTasks: tasks.slice(0, 2) });
    expect(tooFew.status).toBe(422);
    expect(tooFew.body.errors?.[0]).toMatchObject({ field: 'breakthroughTasks', message: expect.stringContaining('từ 3 đến 5') });
    const unknownField = await phuRiengOfficer.rest<ProblemDetails>('PUT', path, { targets, breakthroughTasks: tasks, score: 100 });
    expect(unknownField.status).toBe(400);
    const first = await phuRiengOfficer.rest<{ version: number; breakthroughTasks: string[] }>('PUT', path, {
      targets,
      breakthroughTasks: tasks,
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    // Missing If-Match on a registration that exists: 428 naming the version to send.
    expect((await phuRiengOfficer.rest('PUT', path, { targets, breakthroughTasks: tasks })).status).toBe(428);
    const second = await phuRiengOfficer.rest<{ breakthroughTasks: string[] }>(
      'PUT',
      path,
      { targets, breakthroughTasks: [...tasks, 'Vận động hiến đất làm đường'] },
      { 'if-match': '"1"' },
    );
    expect(second.status).toBe(200);
    expect(second.body.breakthroughTasks).toHaveLength(4);
    expect((await phuRiengOfficer.rest('PUT', path, { targets, breakthroughTasks: tasks }, { 'if-match': '"1"' })).status).toBe(412);
    // The same again: answered as it is, nothing recorded.
    const same = await phuRiengOfficer.rest(
      'PUT',
      path,
      { targets, breakthroughTasks: second.body.breakthroughTasks },
      { 'if-match': '"2"' },
    );
    expect(same.status).toBe(200);
    expect(same.headers.get('etag')).toBe('"2"');
    // The registration's trail as stored, under the registering unit's path: only what each change changed.
    const registrationId = (first.body as unknown as { id: string }).id;
    expect(await server.auditTrail(registrationId)).toEqual([
      {
        entity: 'pledge-registration',
        entityId: registrationId,
        action: 'create',
        scopePath: phuRieng.path,
        changes: { targets: { before: null, after: targets }, breakthroughTasks: { before: null, after: tasks } },
      },
      {
        entity: 'pledge-registration',
        entityId: registrationId,
        action: 'update',
        scopePath: phuRieng.path,
        changes: { breakthroughTasks: { before: tasks, after: second.body.breakthroughTasks } },
      },
    ]);
  });

  it('an organisation cannot register for another unit; a viewer cannot write; another province sees nothing', async () => {
    const other = await phuRiengOfficer.rest<ProblemDetails>('PUT', `/api/v1/pledges/${pledgeId}/registrations/${dongXoai.id}`, {
      targets,
      breakthroughTasks: tasks,
    });
    expect(other.status).toBe(422);
    expect(other.body.errors?.[0].field).toBe('unitId');
    const viewer = await server.signedIn('VIEWER', province);
    expect(
      (await viewer.rest('PUT', `/api/v1/pledges/${pledgeId}/registrations/${dongXoai.id}`, { targets, breakthroughTasks: tasks })).status,
    ).toBe(403);
    expect(
      (await viewer.graphql(`mutation($id: ID!) { advancePledge(id: $id, expectedVersion: 1, to: SCORING_OPEN) { id } }`, { id: pledgeId }))
        .errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await outsider.rest('GET', `/api/v1/pledges/${pledgeId}`)).status).toBe(404);
    expect((await outsider.rest<{ items: unknown[] }>('GET', '/api/v1/pledges')).body.items).toEqual([]);
    // The organisation sees its own registration only; the managing secretariat sees all.
    expect((await phuRiengOfficer.rest<unknown[]>('GET', `/api/v1/pledges/${pledgeId}/registrations`)).body).toHaveLength(1);
  });

  it('an API key of a member unit registers; progress shows who is missing; scoring opens only when all registered', async () => {
    const { createApiKey } = await gql<{ createApiKey: { secret: string } }>(
      secretariat,
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
      { input: { name: 'Phần mềm Bù Đăng', unitId: buDang.id, scopes: ['emulation:read', 'emulation:submit'] } },
    );
    const key = server.as(createApiKey.secret);
    expect(
      (await key.rest('PUT', `/api/v1/pledges/${pledgeId}/registrations/${buDang.id}`, { targets, breakthroughTasks: tasks })).status,
    ).toBe(200);
    const progress = await secretariat.rest<{ signatories: number; registered: number; notRegistered: Array<{ name: string }> }>(
      'GET',
      `/api/v1/pledges/${pledgeId}/progress`,
    );
    expect(progress.body).toMatchObject({
      signatories: 3,
      registered: 2,
      notRegistered: [{ id: dongXoai.id, name: 'Ban Dân vận Thành ủy Đồng Xoài', shortName: null }],
      submitted: 0,
      accepted: 0,
    });
    expect((progress.body as unknown as { notSubmitted: unknown[] }).notSubmitted).toHaveLength(3);
    const early = await gqlError(
      secretariat,
      `mutation($id: ID!, $v: Int!) { advancePledge(id: $id, expectedVersion: $v, to: SCORING_OPEN) { id } }`,
      { id: pledgeId, v: await pledgeVersion() },
    );
    expect(early.message).toMatch(/1\/3 đơn vị chưa đăng ký/);
    // The plan the pledge cites cannot be deleted from the register.
    const citedDelete = await server.rest<ProblemDetails>('DELETE', `/api/v1/documents/${planId}`);
    expect(citedDelete.status).toBe(409);
    expect(citedDelete.body.code).toBe('STILL_REFERENCED');
    const events = await server.rest<{ items: Array<{ entity: string; action: string }> }>(
      'GET',
      `/api/v1/audit-events?entityId=${pledgeId}`,
    );
    expect(events.body.items.map((e) => e.action).reverse()).toEqual(['create', 'sign', 'set-criteria', 'advance', 'update']);
  });
});

describe('the Ban Dân vận acts over its party committee’s system', () => {
  it('its secretariat reaches the Fatherland Front and mass organisations (its siblings); its organisation accounts do not', async () => {
    const committee = await server.factory.unit({ name: 'Tỉnh ủy Đồng Tháp', kind: 'PARTY_COMMITTEE', adminAreaCode: '87' });
    const commission = await server.factory.unit({
      parent: committee,
      name: 'Ban Dân vận Tỉnh ủy Đồng Tháp',
      kind: 'MASS_MOBILISATION_COMMISSION',
    });
    const front = await server.factory.unit({ parent: committee, name: 'Ủy ban MTTQ Việt Nam tỉnh Đồng Tháp', kind: 'FATHERLAND_FRONT' });
    const farmers = await server.factory.unit({ parent: committee, name: 'Hội Nông dân tỉnh Đồng Tháp', kind: 'MASS_ORGANISATION' });
    const commissionSecretariat = await server.signedIn('SECRETARIAT', commission);
    const { createBloc } = await gql<{ createBloc: { members: Array<{ id: string }> } }>(
      commissionSecretariat,
      `mutation($input: CreateBlocInput!) { createBloc(input: $input) { members { id } } }`,
      {
        input: {
          year: 2024,
          name: 'Khối MTTQ và đoàn thể tỉnh',
          ownerUnitId: commission.id,
          memberIds: [front.id, farmers.id],
          headUnitId: front.id,
        },
      },
    );
    expect(createBloc.members.map((m) => m.id).sort()).toEqual([front.id, farmers.id].sort());
    expect((await commissionSecretariat.rest('GET', `/api/v1/units/${front.id}`)).status).toBe(200);
    const commissionOfficer = await server.signedIn('ORGANISATION', commission);
    expect((await commissionOfficer.rest('GET', `/api/v1/units/${front.id}`)).status).toBe(404);
  });
});

describe('pledge lists over GraphQL', () => {
  it('a page of pledges with criteria versions, registrations, progress and score sheets costs as many statements for 6 pledges as for 2', async () => {
    // Six earlier years' pledges of the province's bloc, each signed by the three districts with one registration, written directly.
    const db = server.database.manager;
    for (let year = 2018; year < 2024; year++) {
      const [bloc] = (await db.query(
        `INSERT INTO emulation_bloc (year, name, owner_unit_id) VALUES ($1, 'Khối các Ban Dân vận huyện, thị, thành ủy', $2) RETURNING id`,
        [year, province.id],
      )) as Array<{ id: string }>;
      await db.query(`INSERT INTO emulation_bloc_member (bloc_id, unit_id) SELECT $1, unnest($2::uuid[])`, [
        bloc.id,
        [phuRieng.id, dongXoai.id, buDang.id],
      ]);
      const [pledge] = (await db.query(
        `INSERT INTO pledge (bloc_id, title, status, signed_on) VALUES ($1, $2, 'SIGNED', make_date($3, 1, 12)) RETURNING id`,
        [bloc.id, `Giao ước thi đua năm ${year}`, year],
      )) as Array<{ id: string }>;
      await db.query(`INSERT INTO pledge_signatory (pledge_id, unit_id) SELECT $1, unnest($2::uuid[])`, [
        pledge.id,
        [phuRieng.id, dongXoai.id, buDang.id],
      ]);
      await db.query(
        `INSERT INTO pledge_registration (pledge_id, unit_id, targets) VALUES ($1, $2, '[{"title":"Xây dựng mô hình Dân vận khéo"}]')`,
        [pledge.id, phuRieng.id],
      );
    }
    const PAGE = `query($n: Int) { pledges(options: { pageSize: $n }) { items { year criteriaVersions { number } registrations { unit { id } }
      progress { signatories registered notRegistered { id } } scoreSheets { status } } } }`;
    type Page = {
      pledges: {
        items: Array<{
          year: number;
          registrations: Array<{ unit: { id: string } }>;
          progress: { signatories: number; registered: number };
        }>;
      };
    };
    const statementsFor = async (client: TestClient, pageSize: number) => {
      server.database.statements.reset();
      const { pledges } = await gql<Page>(client, PAGE, { n: pageSize });
      expect(pledges.items).toHaveLength(pageSize);
      // Newest first: the 2024 pledge of the tests above, then the ones written here.
      const written = pledges.items.filter((p) => p.year < 2024);
      expect(written.length).toBe(pageSize - 1);
      expect(written.every((p) => p.progress.signatories === 3 && p.progress.registered === 1)).toBe(true);
      return { statements: server.database.statements.statements, items: written };
    };
    const two = await statementsFor(secretariat, 2);
    const six = await statementsFor(secretariat, 6);
    expect(six.statements).toBe(two.statements);
    expect(six.items.every((p) => p.registrations.length === 1)).toBe(true);
    // Batched, the scope still holds per pledge: Đồng Xoài's officer sees no other unit's registration.
    const dongXoaiOfficer = await server.signedIn('ORGANISATION', dongXoai);
    const theirs = await statementsFor(dongXoaiOfficer, 6);
    expect(theirs.items.every((p) => p.registrations.length === 0)).toBe(true);
  });
});

describe('pledge filters: by bloc and by the bloc’s managing unit, and sorting', () => {
  type PledgePage = { items: Array<{ id: string; blocId: string; year: number }>; totalItems: number };

  it('REST: blocId gives that bloc’s pledge, managingUnitId those of the blocs the unit manages; a foreign unit is 404', async () => {
    const all = await secretariat.rest<PledgePage>('GET', '/api/v1/pledges?pageSize=100&sort=year');
    expect(all.status).toBe(200);
    expect(all.body.totalItems).toBe(7);
    expect(all.body.items.map((p) => p.year)).toEqual([...all.body.items.map((p) => p.year)].sort((a, b) => a - b));
    const ofBloc = await secretariat.rest<PledgePage>('GET', `/api/v1/pledges?blocId=${blocId}`);
    expect(ofBloc.body.items.map((p) => p.id)).toEqual([pledgeId]);
    // Every bloc of this spec is the province's; Phú Riềng manages none.
    expect((await secretariat.rest<PledgePage>('GET', `/api/v1/pledges?managingUnitId=${province.id}&pageSize=100`)).body.totalItems).toBe(
      7,
    );
    const none = await secretariat.rest<PledgePage>('GET', `/api/v1/pledges?managingUnitId=${phuRieng.id}`);
    expect(none.status).toBe(200);
    expect(none.body.totalItems).toBe(0);
    expect((await outsider.rest<ProblemDetails>('GET', `/api/v1/pledges?managingUnitId=${province.id}`)).status).toBe(404);
    const bad = await secretariat.rest<ProblemDetails>('GET', '/api/v1/pledges?blocId=abc&sort=status');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['blocId', 'sort']);
  });

  it('GraphQL: the same filters in options.filter, and pledges gain sort', async () => {
    const { pledges } = await gql<{ pledges: { items: Array<{ id: string; year: number }>; totalItems: number } }>(
      secretariat,
      `query($m: ID!) { pledges(options: { filter: { managingUnitId: $m }, sort: { field: YEAR, order: ASC }, pageSize: 3 }) { items { id year } totalItems } }`,
      { m: province.id },
    );
    expect(pledges.totalItems).toBe(7);
    expect(pledges.items.map((p) => p.year)).toEqual([2018, 2019, 2020]);
    const ofBloc = await gql<{ pledges: { items: Array<{ id: string }> } }>(
      secretariat,
      `query($b: ID!) { pledges(options: { filter: { blocId: $b } }) { items { id } } }`,
      { b: blocId },
    );
    expect(ofBloc.pledges.items.map((p) => p.id)).toEqual([pledgeId]);
    const blocs = await gql<{ blocs: { items: Array<{ year: number }> } }>(
      secretariat,
      `{ blocs(options: { sort: { field: YEAR, order: ASC }, pageSize: 2 }) { items { year } } }`,
    );
    expect(blocs.blocs.items.map((b) => b.year)).toEqual([2018, 2019]);
  });
});

describe('paging through a sorted list with ties', () => {
  it('never repeats or skips a row: ties by name A→Z in either direction, then by id in the sort field’s direction', async () => {
    // Seven blocs of one year, two pairs of them with one name (of two managing units): every row ties on the
    // year, some on the name too.
    const names = ['Khoi C', 'Khoi A', 'Khoi B', 'Khoi A', 'Khoi D', 'Khoi C', 'Khoi E'];
    const blocs: Array<{ id: string; name: string }> = [];
    for (const [i, name] of names.entries()) {
      const { createBloc } = await gql<{ createBloc: { id: string; name: string } }>(
        secretariat,
        `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id name } }`,
        { input: { year: 2031, name, ownerUnitId: names.indexOf(name) === i ? province.id : phuRieng.id, memberIds: [phuRieng.id] } },
      );
      blocs.push(createBloc);
    }
    const byNameThenId = (idOrder: 1 | -1) => (a: { id: string; name: string }, b: { id: string; name: string }) =>
      a.name === b.name ? (a.id < b.id ? -idOrder : idOrder) : a.name < b.name ? -1 : 1;
    for (const order of ['ASC', 'DESC'] as const) {
      const seen: Array<{ id: string; name: string }> = [];
      for (let page = 1; page <= 4; page++) {
        const { blocs: answer } = await gql<{ blocs: { items: Array<{ id: string; name: string }>; totalItems: number } }>(
          secretariat,
          `query($page: Int!) { blocs(options: { filter: { year: 2031 }, sort: { field: YEAR, order: ${order} }, page: $page, pageSize: 2 }) { items { id name } totalItems } }`,
          { page },
        );
        expect(answer.totalItems).toBe(names.length);
        seen.push(...answer.items);
      }
      expect(seen).toEqual([...blocs].sort(byNameThenId(order === 'ASC' ? 1 : -1)));
    }
  });
});

describe('the audit trail of movements and blocs', () => {
  type Events = { items: Array<{ action: string; changes: unknown }> };
  it('records a creation and each change with the fields that changed, and nothing for a change that changes nothing', async () => {
    const { createMovement } = await gql<{ createMovement: { id: string; version: number } }>(
      secretariat,
      `mutation($input: CreateMovementInput!) { createMovement(input: $input) { id version } }`,
      { input: { name: 'Phong trào ghi nhật ký', kind: 'REGULAR', launchedByUnitId: province.id, startsOn: '2024-01-01' } },
    );
    const UPDATE_MOVEMENT = `mutation($id: ID!, $v: Int!) { updateMovement(id: $id, expectedVersion: $v, input: { description: "Mô tả" }) { version } }`;
    const { updateMovement } = await gql<{ updateMovement: { version: number } }>(secretariat, UPDATE_MOVEMENT, {
      id: createMovement.id,
      v: createMovement.version,
    });
    await gql(secretariat, UPDATE_MOVEMENT, { id: createMovement.id, v: updateMovement.version });
    const movementEvents = await server.rest<Events>('GET', `/api/v1/audit-events?entity=emulation-movement&entityId=${createMovement.id}`);
    expect(movementEvents.body.items.map((e) => e.action)).toEqual(['update', 'create']);
    expect(movementEvents.body.items[0].changes).toEqual({ description: { before: null, after: 'Mô tả' } });

    const { createBloc } = await gql<{ createBloc: { id: string; version: number } }>(
      secretariat,
      `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id version } }`,
      { input: { year: 2032, name: 'Khối ghi nhật ký', ownerUnitId: province.id, memberIds: [phuRieng.id] } },
    );
    await gql(
      secretariat,
      `mutation($id: ID!, $v: Int!) { updateBloc(id: $id, expectedVersion: $v, input: { name: "Khối đã đổi tên" }) { id } }`,
      {
        id: createBloc.id,
        v: createBloc.version,
      },
    );
    const blocEvents = await server.rest<Events>('GET', `/api/v1/audit-events?entity=emulation-bloc&entityId=${createBloc.id}`);
    expect(blocEvents.body.items.map((e) => e.action)).toEqual(['update', 'create']);
    expect(blocEvents.body.items[0].changes).toEqual({ name: { before: 'Khối ghi nhật ký', after: 'Khối đã đổi tên' } });
  });
});

describe('a stale version is refused by the write itself', () => {
  it('movements and blocs: 412 / VERSION_CONFLICT naming the current version, also when the change would change nothing', async () => {
    const { createMovement } = await gql<{ createMovement: { id: string; name: string } }>(
      secretariat,
      `mutation($input: CreateMovementInput!) { createMovement(input: $input) { id name } }`,
      { input: { name: 'Phong trào phiên bản', kind: 'REGULAR', launchedByUnitId: province.id, startsOn: '2024-01-01' } },
    );
    await gql(
      secretariat,
      `mutation($id: ID!) { updateMovement(id: $id, expectedVersion: 1, input: { description: "Lần một" }) { version } }`,
      {
        id: createMovement.id,
      },
    );
    for (const input of ['{ description: "Lần hai" }', '{ description: "Lần một" }']) {
      const { errors } = await secretariat.graphql(
        `mutation($id: ID!) { updateMovement(id: $id, expectedVersion: 1, input: ${input}) { version } }`,
        { id: createMovement.id },
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT', currentVersion: 2 });
    }
    const { createBloc } = await gql<{ createBloc: { id: string } }>(
      secretariat,
      `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`,
      { input: { year: 2033, name: 'Khối phiên bản', ownerUnitId: province.id, memberIds: [phuRieng.id] } },
    );
    await gql(secretariat, `mutation($id: ID!) { updateBloc(id: $id, expectedVersion: 1, input: { name: "Khối phiên bản 2" }) { id } }`, {
      id: createBloc.id,
    });
    const { errors } = await secretariat.graphql(
      `mutation($id: ID!) { updateBloc(id: $id, expectedVersion: 1, input: { name: "Khối phiên bản 2" }) { id } }`,
      { id: createBloc.id },
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT', currentVersion: 2 });
  });
});

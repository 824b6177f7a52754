import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ProblemDetails } from '@danvan/contracts';
import type { UnitView } from '@danvan/units';
import { BONUS_AND_DEDUCTION, CRITERIA_GROUP_I, FOUR_BANDS, gql, TestServer, type TestClient } from '@danvan/testing';

/**
 * Scoring, review and ranking of a pledge: self-scores over REST with
 * evidence, the review chain with send-back (each step accepted by a different
 * person), concurrent reviewers, ranking ties and classification, and locking
 * after the pledge is finalised.
 */
let server: TestServer;
let province: UnitView;
const districts: UnitView[] = [];
let secretariat: TestClient;
/** The three reviewers of the chain, one per step: three accounts of the managing unit besides `secretariat`, who enters sheets for some units (and so may not review them). */
const reviewers: Array<TestClient & { account: { username: string } }> = [];
let officer: TestClient; // of the first district
let pledgeId: string;

const criteria = {
  groups: [CRITERIA_GROUP_I, { code: 'II', title: 'Phong trào', criteria: [{ code: '2', title: 'Dân vận khéo', maxScore: 60 }] }],
  ...BONUS_AND_DEDUCTION,
  bands: FOUR_BANDS,
};

async function pledgeVersion(): Promise<number> {
  return (await gql<{ pledge: { version: number } }>(server, `query($id: ID!) { pledge(id: $id) { version } }`, { id: pledgeId })).pledge
    .version;
}

async function advance(to: string) {
  return secretariat.graphql<{ advancePledge: { status: string } }>(
    `mutation($id: ID!, $v: Int!) { advancePledge(id: $id, expectedVersion: $v, to: ${to}) { status } }`,
    { id: pledgeId, v: await pledgeVersion() },
  );
}

const sheetPath = (unit: UnitView) => `/api/v1/pledges/${pledgeId}/score-sheets/${unit.id}`;

interface Sheet {
  version: number;
  status: string;
  reviewStep: number;
  totals: { total: number };
  lines: Array<{
    itemCode: string;
    version: number;
    selfScore: number | null;
    reviewedScore: number | null;
    evidence: Array<{ filename: string }>;
  }>;
  events: Array<{ action: string; reason: string | null; stepLabel: string; actorLabel: string }>;
}

async function selfScore(client: TestClient, unit: UnitView, scores: Array<[string, number]>) {
  const current = await client.rest<Sheet>('GET', sheetPath(unit));
  const headers: Record<string, string> = current.status === 200 ? { 'if-match': `"${current.body.version}"` } : {};
  return client.rest<Sheet & ProblemDetails>(
    'PUT',
    sheetPath(unit),
    { scores: scores.map(([itemCode, score]) => ({ itemCode, score })) },
    headers,
  );
}

async function submit(client: TestClient, unit: UnitView) {
  const current = await client.rest<Sheet>('GET', sheetPath(unit));
  return client.rest<Sheet & ProblemDetails>('POST', `${sheetPath(unit)}/submit`, undefined, { 'if-match': `"${current.body.version}"` });
}

async function decide(unit: UnitView, decision: 'ACCEPT' | 'RETURN', reason?: string, reviewer: TestClient = secretariat) {
  const current = await server.rest<Sheet>('GET', sheetPath(unit));
  return reviewer.graphql<{ decideScoreSheet: Sheet }>(
    `mutation($p: ID!, $u: ID!, $v: Int!, $r: String) { decideScoreSheet(pledgeId: $p, unitId: $u, expectedVersion: $v, decision: ${decision}, reason: $r) { status reviewStep version events { action reason stepLabel actorLabel } } }`,
    { p: pledgeId, u: unit.id, v: current.body.version, r: reason },
  );
}

/** Each step of the chain accepted by its own reviewer: the sheet ends ACCEPTED. */
async function acceptAllSteps(unit: UnitView) {
  for (const reviewer of reviewers) expect((await decide(unit, 'ACCEPT', undefined, reviewer)).errors).toBeUndefined();
}

beforeAll(async () => {
  server = await TestServer.start();
  province = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Hậu Giang', adminAreaCode: '93' });
  for (const name of [
    'Ban Dân vận Thành ủy Vị Thanh',
    'Ban Dân vận Huyện ủy Long Mỹ',
    'Ban Dân vận Huyện ủy Phụng Hiệp',
    'Ban Dân vận Huyện ủy Châu Thành',
  ]) {
    districts.push(await server.factory.unit({ parent: province, name, level: 'DISTRICT' }));
  }
  for (let i = 0; i < 3; i++) reviewers.push(await server.signedIn('SECRETARIAT', province));
  secretariat = await server.signedIn('SECRETARIAT', province);
  officer = await server.signedIn('ORGANISATION', districts[0]);
  const { createBloc } = await gql<{ createBloc: { id: string } }>(
    secretariat,
    `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`,
    {
      input: { year: 2023, name: 'Khối Ban Dân vận cấp huyện', ownerUnitId: province.id, memberIds: districts.map((d) => d.id) },
    },
  );
  const { createPledge } = await gql<{ createPledge: { id: string } }>(
    secretariat,
    `mutation($input: CreatePledgeInput!) { createPledge(input: $input) { id } }`,
    {
      input: { blocId: createBloc.id, title: 'Giao ước thi đua năm 2023', criteria },
    },
  );
  pledgeId = createPledge.id;
  await gql(
    secretariat,
    `mutation($id: ID!, $v: Int!) { signPledge(id: $id, expectedVersion: $v, input: { signedOn: "2023-01-10", signingEvent: "Hội nghị tổng kết năm 2022" }) { id } }`,
    { id: pledgeId, v: await pledgeVersion() },
  );
  expect((await advance('REGISTRATION_OPEN')).errors).toBeUndefined();
  for (const unit of districts) {
    const r = await secretariat.rest('PUT', `/api/v1/pledges/${pledgeId}/registrations/${unit.id}`, {
      targets: [{ title: 'Xây dựng mô hình Dân vận khéo' }],
      breakthroughTasks: [],
    });
    expect(r.status).toBe(200);
  }
  expect((await advance('SCORING_OPEN')).errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

describe('self-scoring', () => {
  it('refuses scores above the maximum, unknown items, bonus beyond its cap — changing nothing', async () => {
    const above = await selfScore(officer, districts[0], [['1.a', 26]]);
    expect(above.status).toBe(422);
    expect(above.body.errors?.[0]).toMatchObject({ field: 'scores[0].score', message: expect.stringContaining('từ 0 đến 25') });
    expect((await selfScore(officer, districts[0], [['9.z', 1]])).body.errors?.[0].field).toBe('scores[0].itemCode');
    expect((await selfScore(officer, districts[0], [['C1', 6]])).status).toBe(422);
    expect((await selfScore(officer, districts[0], [['1.a', -1]])).status).toBe(400);
    expect((await officer.rest('GET', sheetPath(districts[0]))).status).toBe(404);
  });

  it('says what was wrong: a criterion scored through its sub-criteria, the line’s own range, the two-decimal rule, a sheet not saved yet', async () => {
    const parent = await selfScore(officer, districts[0], [['1', 20]]);
    expect(parent.status).toBe(422);
    expect(parent.body.errors?.[0]).toMatchObject({
      field: 'scores[0].itemCode',
      code: 'hasSubCriteria',
      message: expect.stringContaining('1.a, 1.b'),
    });
    const decimals = await selfScore(officer, districts[0], [['1.a', 9.555]]);
    expect(decimals.status).toBe(400);
    expect(decimals.body.errors?.[0]).toMatchObject({ field: 'scores.0.score', message: 'Điểm có tối đa 2 chữ số thập phân.' });
    expect(JSON.stringify(decimals.body)).not.toContain('1000');
    const graphqlDecimals = await officer.graphql(
      `mutation($p: ID!, $u: ID!) { saveSelfScores(pledgeId: $p, unitId: $u, input: { scores: [{ itemCode: "1.a", score: 9.555 }] }) { version } }`,
      {
        p: pledgeId,
        u: districts[0].id,
      },
    );
    expect(graphqlDecimals.errors?.[0].extensions?.fields?.[0].message).toBe('Điểm có tối đa 2 chữ số thập phân.');
    const above = await selfScore(officer, districts[0], [['2', 1001]]);
    expect([above.status, above.body.errors?.[0].message]).toEqual([422, 'Điểm mục 2 phải từ 0 đến 60.']);
    const notSaved = await officer.rest<ProblemDetails>('GET', sheetPath(districts[0]));
    expect([notSaved.status, notSaved.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(notSaved.body.detail).toContain('chưa lưu điểm nào');
    expect(notSaved.body.detail).not.toContain('có mã định danh');
  });

  it('saves scores, refuses a stale or missing If-Match, refuses submitting an incomplete sheet, then submits', async () => {
    const first = await selfScore(officer, districts[0], [
      ['1.a', 24],
      ['C1', 2],
    ]);
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    // Missing If-Match on a sheet that exists: 428 naming the version to send.
    const missing = await officer.rest('PUT', sheetPath(districts[0]), { scores: [{ itemCode: '1.b', score: 1 }] });
    expect(missing.status).toBe(428);
    expect(missing.headers.get('etag')).toBe('"2"');
    expect(
      (await officer.rest('PUT', sheetPath(districts[0]), { scores: [{ itemCode: '1.b', score: 1 }] }, { 'if-match': '"1"' })).status,
    ).toBe(412);
    const incomplete = await submit(officer, districts[0]);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.detail).toMatch(/Chưa chấm 2 tiêu chí: 1.b, 2/);
    await selfScore(officer, districts[0], [
      ['1.b', 14],
      ['2', 58],
      ['T1', 1],
    ]);
    const submitted = await submit(officer, districts[0]);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', reviewStep: 1, totals: { total: 97 } });
    expect((await selfScore(officer, districts[0], [['2', 60]])).status).toBe(422);
  });

  it('views carry the actions the caller may take (allowedActions, from the pledge and score-sheet policies and lifecycles)', async () => {
    const pledgeActions = async (client: TestClient) =>
      (
        await gql<{ pledge: { allowedActions: string[] } }>(client, `query($id: ID!) { pledge(id: $id) { allowedActions } }`, {
          id: pledgeId,
        })
      ).pledge.allowedActions;
    // The bloc's manager may edit and review, and take the one next step of the lifecycle; a member organisation none of it.
    expect(await pledgeActions(secretariat)).toEqual(['update', 'setCriteria', 'advance:UNDER_REVIEW', 'review']);
    expect(await pledgeActions(officer)).toEqual([]);
    const rest = await secretariat.rest<{ allowedActions: string[] }>('GET', `/api/v1/pledges/${pledgeId}`);
    expect(rest.body.allowedActions).toEqual(['update', 'setCriteria', 'advance:UNDER_REVIEW', 'review']);
    // A submitted sheet: the reviewers may score, accept or return it; its unit may no longer change it.
    expect((await secretariat.rest<{ allowedActions: string[] }>('GET', sheetPath(districts[0]))).body.allowedActions).toEqual([
      'reviewScore',
      'accept',
      'return',
    ]);
    expect((await officer.rest<{ allowedActions: string[] }>('GET', sheetPath(districts[0]))).body.allowedActions).toEqual([]);
    const sheets = await gql<{ pledge: { scoreSheets: Array<{ unit: { id: string }; allowedActions: string[] }> } }>(
      officer,
      `query($id: ID!) { pledge(id: $id) { scoreSheets { unit { id } allowedActions } } }`,
      { id: pledgeId },
    );
    expect(sheets.pledge.scoreSheets).toEqual([{ unit: { id: districts[0].id }, allowedActions: [] }]);
  });

  it('once a unit has started scoring, the criteria set no longer changes: every sheet is scored on the same version', async () => {
    const changed = { ...criteria, bands: [{ name: 'Đạt', minScore: 0 }] };
    const refused = await secretariat.graphql(
      `mutation($id: ID!, $v: Int!, $c: CriteriaSetInput!) { setPledgeCriteria(id: $id, expectedVersion: $v, criteria: $c) { id } }`,
      {
        id: pledgeId,
        v: await pledgeVersion(),
        c: changed,
      },
    );
    expect(refused.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'status', code: 'scoringStarted' })]);
    const { pledge } = await gql<{ pledge: { criteriaVersions: Array<{ number: number }> } }>(
      secretariat,
      `query($id: ID!) { pledge(id: $id) { criteriaVersions { number } } }`,
      { id: pledgeId },
    );
    expect(pledge.criteriaVersions.map((v) => v.number)).toEqual([1]);
  });

  it('an organisation cannot score another unit nor review; evidence is stored, typed, limited and downloadable', async () => {
    const other = await selfScore(officer, districts[1], [['1.a', 20]]);
    expect(other.status).toBe(422);
    expect(other.body.errors?.[0].field).toBe('unitId');
    const review = await officer.graphql(
      `mutation($p: ID!, $u: ID!) { reviewScore(pledgeId: $p, unitId: $u, expectedLineVersion: 1, input: { itemCode: "2", score: 1 }) { id } }`,
      { p: pledgeId, u: districts[0].id },
    );
    expect(review.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const officer2 = await server.signedIn('ORGANISATION', districts[1]);
    await selfScore(officer2, districts[1], [['1.a', 20]]);
    const pdf = Buffer.from('%PDF-1.4\n% biên bản hội nghị\n', 'utf8');
    const evidencePath = `${sheetPath(districts[1])}/evidence?itemCode=1.a&filename=${encodeURIComponent('Biên bản hội nghị.pdf')}`;
    const uploaded = await server.fetch(`${evidencePath}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer2.token}`, 'content-type': 'application/pdf' },
      body: pdf,
    });
    expect(uploaded.status).toBe(201);
    const evidence = (await uploaded.json()) as { id: string; url: string; sizeBytes: number; filename: string };
    expect(evidence).toMatchObject({ sizeBytes: pdf.length, filename: 'Biên bản hội nghị.pdf' });
    const download = await server.fetch(`${evidence.url}`, { headers: { authorization: `Bearer ${secretariat.token}` } });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await server.fetch(`${evidence.url}`, { headers: { authorization: `Bearer ${officer.token}` } })).status).toBe(404);
    const wrongType = await server.fetch(`${evidencePath}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer2.token}`, 'content-type': 'application/zip' },
      body: pdf,
    });
    expect(wrongType.status).toBe(415);
    const elsewhere = await server.fetch(`/api/v1/units`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer2.token}`, 'content-type': 'application/pdf' },
      body: pdf,
    });
    expect(elsewhere.status).toBe(415); // raw files are taken on the evidence route only
    // An item not scored yet has no line to hold evidence.
    const unscored = await server.fetch(`${sheetPath(districts[1])}/evidence?itemCode=2&filename=x.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer2.token}`, 'content-type': 'application/pdf' },
      body: pdf,
    });
    expect(unscored.status).toBe(422);
    expect(((await unscored.json()) as ProblemDetails).errors?.[0]).toMatchObject({ field: 'itemCode', code: 'notScored' });
    const tooBig = await server.fetch(`${evidencePath}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer2.token}`, 'content-type': 'image/png' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    expect(tooBig.status).toBe(413);
    const sheet = await gql<{
      pledge: {
        scoreSheets: Array<{
          unit: { id: string };
          lines: Array<{ itemCode: string; evidence: Array<{ id: string }>; evidenceCount: number }>;
        }>;
      };
    }>(
      secretariat,
      `query($id: ID!) { pledge(id: $id) { scoreSheets { unit { id } lines { itemCode evidence { id } evidenceCount } } } }`,
      { id: pledgeId },
    );
    expect(sheet.pledge.scoreSheets.find((s) => s.unit.id === districts[1].id)?.lines[0]).toMatchObject({
      evidence: [{ id: evidence.id }],
      evidenceCount: 1,
    });
  });

  it('a file uploaded by mistake is removed by its own unit while the sheet is a draft; to other units it does not exist', async () => {
    const officer2 = await server.signedIn('ORGANISATION', districts[1]);
    const upload = async (filename: string) => {
      const path = `${sheetPath(districts[1])}/evidence?itemCode=1.a&filename=${encodeURIComponent(filename)}`;
      const response = await server.fetch(`${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer2.token}`, 'content-type': 'image/png' },
        body: Buffer.from('PNG nhầm'),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; url: string };
    };
    const mistaken = await upload('ảnh nhầm.png');
    expect((await officer.rest<ProblemDetails>('DELETE', `/api/v1/evidence/${mistaken.id}`)).status).toBe(404);
    const viewer = await server.signedIn('VIEWER', province);
    expect((await viewer.rest('DELETE', `/api/v1/evidence/${mistaken.id}`)).status).toBe(403);
    const removed = await officer2.rest('DELETE', `/api/v1/evidence/${mistaken.id}`);
    expect(removed.status).toBe(204);
    expect((await server.fetch(`${mistaken.url}`, { headers: { authorization: `Bearer ${secretariat.token}` } })).status).toBe(404);
    expect((await officer2.rest('DELETE', `/api/v1/evidence/${mistaken.id}`)).status).toBe(404);
    const audit = await server.rest<{ items: Array<{ action: string; changes: Record<string, unknown> }> }>(
      'GET',
      `/api/v1/audit-events?entity=evidence-file&entityId=${mistaken.id}`,
    );
    expect(audit.body.items.map((e) => e.action).sort()).toEqual(['create', 'delete']);
    // As stored, under the unit's path: the upload keeps the file's item, name, size and hash; the removal also its id.
    const bytes = Buffer.from('PNG nhầm');
    const file = {
      itemCode: '1.a',
      filename: 'ảnh nhầm.png',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    const trail = await server.auditTrail(mistaken.id);
    expect(trail.map(({ entity, entityId, action, scopePath }) => ({ entity, entityId, action, scopePath }))).toEqual(
      ['create', 'delete'].map((action) => ({ entity: 'evidence-file', entityId: mistaken.id, action, scopePath: districts[1].path })),
    );
    expect(trail[0].changes).toEqual(Object.fromEntries(Object.entries(file).map(([field, after]) => [field, { before: null, after }])));
    expect(trail[1].changes).toEqual(
      Object.fromEntries(Object.entries({ id: mistaken.id, ...file }).map(([field, before]) => [field, { before, after: null }])),
    );

    // Over GraphQL, the unit gets its sheet back without the file; the first file stays.
    const again = await upload('ảnh nhầm lần hai.png');
    const { removeEvidence } = await gql<{ removeEvidence: { lines: Array<{ itemCode: string; evidence: Array<{ filename: string }> }> } }>(
      officer2,
      `mutation($id: ID!) { removeEvidence(id: $id) { lines { itemCode evidence { filename } } } }`,
      { id: again.id },
    );
    expect(removeEvidence.lines.find((l) => l.itemCode === '1.a')?.evidence).toEqual([{ filename: 'Biên bản hội nghị.pdf' }]);
    const foreign = await officer.graphql(`mutation($id: ID!) { removeEvidence(id: $id) { id } }`, { id: again.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('text with a NUL character, a parameter sent twice or unknown, an overlong reason: a 400 on the field, never a 500, nothing stored', async () => {
    const nulTarget = await secretariat.rest<ProblemDetails>('PUT', `/api/v1/pledges/${pledgeId}/registrations/${districts[1].id}`, {
      targets: [{ title: 'Mô hình\u0000mới' }],
    });
    expect(nulTarget.status).toBe(400);
    expect(nulTarget.body.errors).toEqual([expect.objectContaining({ field: 'targets.0.title', code: 'nulCharacter' })]);
    const officer2 = await server.signedIn('ORGANISATION', districts[1]);
    const upload = (query: string) =>
      fetch(`${server.baseUrl}${sheetPath(districts[1])}/evidence?itemCode=1.a&${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer2.token}`, 'content-type': 'application/pdf' },
        body: Buffer.from('%PDF-1.4'),
      });
    const nulName = await upload('filename=a%00b.pdf');
    expect(nulName.status).toBe(400);
    expect(((await nulName.json()) as ProblemDetails).errors?.[0]).toMatchObject({ field: 'filename', code: 'nulCharacter' });
    const twice = await upload('filename=a.pdf&filename=b.pdf');
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as ProblemDetails).errors?.[0]).toMatchObject({ field: 'filename', code: 'single' });
    const unknownParameter = await upload('filename=a.pdf&note=x');
    expect(unknownParameter.status).toBe(400);
    expect(((await unknownParameter.json()) as ProblemDetails).errors?.[0]).toMatchObject({ field: 'note', code: 'whitelistValidation' });
    const nulReason = await decide(districts[0], 'RETURN', 'Thiếu\u0000minh chứng');
    expect(nulReason.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'reason', code: 'nulCharacter' })]);
    const longReason = await decide(districts[0], 'RETURN', 'x'.repeat(2001));
    expect(longReason.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'reason', code: 'maxLength' })]);
    const sheet = await server.rest<Sheet>('GET', sheetPath(districts[1]));
    expect(sheet.body.lines.find((l) => l.itemCode === '1.a')?.evidence.map((e) => e.filename)).toEqual(['Biên bản hội nghị.pdf']);
  });
});

describe('review', () => {
  it('two reviewers scoring the same line from the same version: one wins, the other gets CONFLICT', async () => {
    const colleague = await server.signedIn('SECRETARIAT', province);
    const sheet = await server.rest<Sheet>('GET', sheetPath(districts[0]));
    const line = sheet.body.lines.find((l) => l.itemCode === '2') as Sheet['lines'][number];
    const attempt = (client: TestClient, score: number) =>
      client.graphql(
        `mutation($p: ID!, $u: ID!, $v: Int!, $s: Float!) { reviewScore(pledgeId: $p, unitId: $u, expectedLineVersion: $v, input: { itemCode: "2", score: $s, comment: "Theo biên bản" }) { totals { total } } }`,
        {
          p: pledgeId,
          u: districts[0].id,
          v: line.version,
          s: score,
        },
      );
    const results = await Promise.all([attempt(secretariat, 50), attempt(colleague, 45)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(1);
    const after = await server.rest<Sheet>('GET', sheetPath(districts[0]));
    expect([50, 45]).toContain(after.body.lines.find((l) => l.itemCode === '2')?.reviewedScore);
    expect(after.body.lines.find((l) => l.itemCode === '2')?.selfScore).toBe(58);
  });

  it('one account cannot accept two steps of a round: a 422 rule error on field reviewer (GraphQL BAD_USER_INPUT) that changes nothing', async () => {
    const [first] = reviewers;
    expect((await decide(districts[0], 'ACCEPT', undefined, first)).data?.decideScoreSheet).toMatchObject({
      status: 'SUBMITTED',
      reviewStep: 2,
    });
    const before = await server.rest<Sheet>('GET', sheetPath(districts[0]));
    const again = await decide(districts[0], 'ACCEPT', undefined, first);
    const message = 'Bước 2 (Lãnh đạo cơ quan thường trực) phải do người khác với người đã duyệt bước 1 thực hiện.';
    expect(again.data).toBeNull();
    expect(again.errors).toHaveLength(1);
    expect(again.errors?.[0].message).toBe(message);
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RULE_VIOLATION',
      fields: [{ field: 'reviewer', code: 'sameReviewer', message }],
    });
    const after = await server.rest<Sheet>('GET', sheetPath(districts[0]));
    expect(after.body).toMatchObject({ status: 'SUBMITTED', reviewStep: 2, version: before.body.version });
    expect(after.body.events).toEqual(before.body.events);
  });

  it('send back (by anyone, the step 1 reviewer too) needs a reason and is logged; after resubmission a new round starts; three accounts finish the review', async () => {
    const [first, second, third] = reviewers;
    const noReason = await decide(districts[0], 'RETURN', undefined, first);
    expect(noReason.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    // Returning is open to every reviewer, including the one who accepted step 1 of this round.
    const returned = await decide(districts[0], 'RETURN', 'Thiếu minh chứng cho tiêu chí 2', first);
    expect(returned.data?.decideScoreSheet).toMatchObject({ status: 'RETURNED', reviewStep: 0 });
    const corrected = await selfScore(officer, districts[0], [['2', 52]]);
    // The corrected line goes back to the reviewers: their earlier score on it no longer stands.
    expect(corrected.body.lines.find((l) => l.itemCode === '2')).toMatchObject({ selfScore: 52, reviewedScore: null });
    expect((await submit(officer, districts[0])).status).toBe(200);
    // A new round: the earlier reviewer may accept step 1 again, and still not step 2.
    expect((await decide(districts[0], 'ACCEPT', undefined, first)).data?.decideScoreSheet.reviewStep).toBe(2);
    expect((await decide(districts[0], 'ACCEPT', undefined, first)).errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'reviewer' }),
    ]);
    expect((await decide(districts[0], 'ACCEPT', undefined, second)).data?.decideScoreSheet.reviewStep).toBe(3);
    // Step 3 must be someone who accepted neither step 1 nor step 2.
    expect((await decide(districts[0], 'ACCEPT', undefined, first)).errors?.[0].message).toBe(
      'Bước 3 (Khối thi đua) phải do người khác với người đã duyệt bước 1 thực hiện.',
    );
    expect((await decide(districts[0], 'ACCEPT', undefined, second)).errors?.[0].message).toBe(
      'Bước 3 (Khối thi đua) phải do người khác với người đã duyệt bước 2 thực hiện.',
    );
    const done = await decide(districts[0], 'ACCEPT', undefined, third);
    expect(done.data?.decideScoreSheet.status).toBe('ACCEPTED');
    expect(done.data?.decideScoreSheet.events.map((e) => `${e.action}:${e.stepLabel}${e.reason ? `:${e.reason}` : ''}`)).toEqual([
      'SUBMIT:Đơn vị',
      'ACCEPT:Chuyên viên cơ quan thường trực',
      'RETURN:Lãnh đạo cơ quan thường trực:Thiếu minh chứng cho tiêu chí 2',
      'SUBMIT:Đơn vị',
      'ACCEPT:Chuyên viên cơ quan thường trực',
      'ACCEPT:Lãnh đạo cơ quan thường trực',
      'ACCEPT:Khối thi đua',
    ]);
    const accepts = (done.data?.decideScoreSheet.events ?? []).filter((e) => e.action === 'ACCEPT');
    expect(accepts.map((e) => e.actorLabel)).toEqual([first, first, second, third].map((r) => r.account.username));

    // The sheet's trail as stored: each change under the unit's path, with only the fields it changed.
    const trail = await server.auditTrail((await server.rest<Sheet & { id: string }>('GET', sheetPath(districts[0]))).body.id);
    expect(trail.every((e) => e.entity === 'score-sheet' && e.scopePath === districts[0].path)).toBe(true);
    // The reviewed score of line 2: of the two concurrent reviewers, the winner's (50 or 45).
    const won = (trail[3].changes.scores.after as Record<string, { reviewed: number }>)['2'].reviewed;
    expect([50, 45]).toContain(won);
    const change = (before: unknown, after: unknown) => ({ before, after });
    const lines = (l2: [number, number | null] | null, all = true) => ({
      ...(l2 && { '2': { self: l2[0], reviewed: l2[1] } }),
      C1: { self: 2, reviewed: null },
      ...(all && { T1: { self: 1, reviewed: null } }),
      '1.a': { self: 24, reviewed: null },
      ...(all && { '1.b': { self: 14, reviewed: null } }),
    });
    expect(trail.map((e) => [e.action, e.changes])).toEqual([
      ['self-score', { total: change(0, 26), scores: change({}, lines(null, false)) }],
      ['self-score', { total: change(26, 97), scores: change(lines(null, false), lines([58, null])) }],
      ['submit', { status: change('DRAFT', 'SUBMITTED'), reviewStep: change(0, 1) }],
      ['review-score', { total: change(97, 39 + won), scores: change(lines([58, null]), lines([58, won])) }],
      ['review-accept', { reviewStep: change(1, 2) }],
      ['review-return', { status: change('SUBMITTED', 'RETURNED'), reviewStep: change(2, 0) }],
      ['self-score', { total: change(39 + won, 91), scores: change(lines([58, won]), lines([52, null])) }],
      ['submit', { status: change('RETURNED', 'SUBMITTED'), reviewStep: change(0, 1) }],
      ['review-accept', { reviewStep: change(1, 2) }],
      ['review-accept', { reviewStep: change(2, 3) }],
      ['review-accept', { status: change('SUBMITTED', 'ACCEPTED') }],
    ]);
  });
});

describe('ranking and finalisation', () => {
  it('before finalisation ranks submitted sheets only, and shows a member unit its own row alone, unranked', async () => {
    // Unit 0 has submitted; units 1–3 now hold drafts: 82 - 2 = 80, 80 and 80.
    await selfScore(secretariat, districts[1], [
      ['1.a', 20],
      ['1.b', 10],
      ['2', 52],
      ['T1', 2],
    ]);
    await selfScore(secretariat, districts[2], [
      ['1.a', 20],
      ['1.b', 10],
      ['2', 50],
    ]);
    await selfScore(secretariat, districts[3], [
      ['1.a', 20],
      ['1.b', 10],
      ['2', 50],
    ]);
    type Ranking = {
      final: boolean;
      note: string;
      rows: Array<{ rank: number | null; unit: { id: string }; status: string | null; total: number | null }>;
    };
    const reviewerView = await server.rest<Ranking>('GET', `/api/v1/pledges/${pledgeId}/ranking`);
    expect(reviewerView.body).toMatchObject({ final: false, note: expect.stringMatching(/^Tạm tính: chỉ xếp hạng các bảng điểm đã nộp/) });
    const [first, ...drafts] = reviewerView.body.rows;
    expect([first.unit.id, first.rank, first.status, first.total === null]).toEqual([
      districts[0].id,
      1,
      expect.stringMatching(/SUBMITTED|ACCEPTED/),
      false,
    ]);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(drafts.map((r) => ({ id: r.unit.id, rank: r.rank, status: r.status, total: r.total })).sort(byId)).toEqual(
      [1, 2, 3].map((i) => ({ id: districts[i].id, rank: null, status: 'DRAFT', total: null })).sort(byId),
    );
    const memberView = await officer.rest<Ranking>('GET', `/api/v1/pledges/${pledgeId}/ranking`);
    expect(memberView.body.note).toMatch(/công bố khi giao ước tổng kết/);
    expect(memberView.body.rows.map((r) => [r.unit.id, r.rank, r.total === null])).toEqual([[districts[0].id, null, false]]);
    const { pledge } = await gql<{ pledge: { ranking: Ranking } }>(
      officer,
      `query($id: ID!) { pledge(id: $id) { ranking { final note rows { rank unit { id } status total } } } }`,
      { id: pledgeId },
    );
    expect(pledge.ranking.rows.map((r) => r.unit.id)).toEqual([districts[0].id]);

    expect((await advance('UNDER_REVIEW')).errors?.[0].message).toMatch(/3\/4 đơn vị chưa nộp/);
    for (const unit of districts.slice(1)) {
      expect((await submit(secretariat, unit)).status).toBe(200);
    }
  });

  it('ranks in the database: ties broken by fewer deductions, exact ties share a rank; classification from the pledge’s bands', async () => {
    const { pledge } = await gql<{
      pledge: {
        ranking: {
          tieRule: string;
          final: boolean;
          rows: Array<{ rank: number; unit: { id: string }; total: number; deduction: number; classification: string }>;
        };
      };
    }>(
      server,
      `query($id: ID!) { pledge(id: $id) { ranking { final tieRule rows { rank unit { id } total deduction classification } } } }`,
      { id: pledgeId },
    );
    const rows = pledge.ranking.rows;
    expect(pledge.ranking.final).toBe(false);
    expect(pledge.ranking.tieRule).toMatch(/trừ ít điểm hơn xếp trên/);
    const top = rows[0];
    expect(top.unit.id).toBe(districts[0].id);
    expect(rows.slice(1).map((r) => [r.rank, r.total, r.deduction, r.classification])).toEqual([
      [2, 80, 0, 'Tốt'],
      [2, 80, 0, 'Tốt'],
      [4, 80, 2, 'Tốt'],
    ]);
    expect(rows[3].unit.id).toBe(districts[1].id);
  });

  it('review opens once every sheet is submitted, the pledge finalises only when every review is done, then scores are locked', async () => {
    expect((await advance('UNDER_REVIEW')).data?.advancePledge.status).toBe('UNDER_REVIEW');
    // Sent back during review, a sheet can still be corrected and resubmitted: the pledge never gets stuck.
    expect((await decide(districts[3], 'RETURN', 'Bổ sung minh chứng')).data?.decideScoreSheet.status).toBe('RETURNED');
    expect((await selfScore(secretariat, districts[3], [['2', 50]])).status).toBe(200);
    expect((await selfScore(secretariat, districts[2], [['2', 50]])).status).toBe(422); // submitted, not returned
    expect((await submit(secretariat, districts[3])).status).toBe(200);
    expect((await advance('FINALISED')).errors?.[0].message).toMatch(/3\/4 đơn vị chưa được thẩm định xong/);
    // The secretariat entered and submitted these units' sheets: it may not review them itself.
    const ownSubmission = await decide(districts[1], 'ACCEPT', undefined, secretariat);
    expect(ownSubmission.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'reviewer', code: 'submitter' })]);
    for (const unit of districts.slice(1)) await acceptAllSteps(unit);
    expect((await advance('FINALISED')).data?.advancePledge.status).toBe('FINALISED');
    const progress = await secretariat.rest<{ submitted: number; accepted: number; notSubmitted: unknown[] }>(
      'GET',
      `/api/v1/pledges/${pledgeId}/progress`,
    );
    expect(progress.body).toMatchObject({ submitted: 4, accepted: 4, notSubmitted: [] });
    const sheet = await server.rest<Sheet>('GET', sheetPath(districts[1]));
    const locked = await secretariat.graphql(
      `mutation($p: ID!, $u: ID!, $v: Int!) { reviewScore(pledgeId: $p, unitId: $u, expectedLineVersion: $v, input: { itemCode: "2", score: 60 }) { id } }`,
      {
        p: pledgeId,
        u: districts[1].id,
        v: sheet.body.lines.find((l) => l.itemCode === '2')?.version,
      },
    );
    expect(locked.errors?.[0].message).toMatch(/điểm đã khóa/);
    expect((await selfScore(secretariat, districts[1], [['2', 60]])).status).toBe(422);
    const final = await server.rest<{ final: boolean }>('GET', `/api/v1/pledges/${pledgeId}/ranking`);
    expect(final.body.final).toBe(true);
  });

  it('turns the top three of the final ranking into flags (nhất, nhì — tied units share it) in one step', async () => {
    const titles = await gql<{ awardTitles: Array<{ id: string; name: string }> }>(server, `{ awardTitles { id name } }`);
    const flag = titles.awardTitles.find((t) => t.name === 'Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh') as { id: string };
    const { awardsFromRanking } = await gql<{ awardsFromRanking: Array<{ rank: string; recipientUnit: { id: string } }> }>(
      secretariat,
      `mutation($p: ID!, $input: AwardsFromRankingInput!) { awardsFromRanking(pledgeId: $p, input: $input) { rank recipientUnit { id } } }`,
      { p: pledgeId, input: { awardTitleId: flag.id, issuerUnitId: province.id, decidedOn: '2024-01-03', top: 3 } },
    );
    expect(awardsFromRanking.map((a) => a.rank).sort()).toEqual(['FIRST', 'SECOND', 'SECOND']);
    expect(awardsFromRanking.map((a) => a.recipientUnit.id)).not.toContain(districts[1].id);
    const again = await secretariat.graphql(
      `mutation($p: ID!, $input: AwardsFromRankingInput!) { awardsFromRanking(pledgeId: $p, input: $input) { rank } }`,
      {
        p: pledgeId,
        input: { awardTitleId: flag.id, issuerUnitId: province.id, decidedOn: '2024-01-03', top: 3 },
      },
    );
    expect(again.errors?.[0].extensions?.code).toBeDefined(); // the same flags twice: refused, nothing duplicated
    const ranking = await server.rest<{ rows: Array<{ unit: { id: string }; awards: string[] }> }>(
      'GET',
      `/api/v1/pledges/${pledgeId}/ranking`,
    );
    expect(ranking.body.rows.find((r) => r.unit.id === districts[0].id)?.awards).toEqual([
      'Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh (hạng Nhất)',
    ]);
    expect(ranking.body.rows.find((r) => r.unit.id === districts[1].id)?.awards).toEqual([]);
  });

  it('exports the ranking as a printable workbook with Vietnamese headers', async () => {
    const response = await server.fetch(`/api/v1/pledges/${pledgeId}/ranking.xlsx`, {
      headers: { authorization: `Bearer ${officer.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/xep-hang-2023-/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Xếp hạng') as ExcelJS.Worksheet;
    const texts = (n: number) =>
      (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    expect(texts(1)[0]).toBe('BẢNG XẾP HẠNG THI ĐUA NĂM 2023');
    const headerRow = [...Array(12).keys()].map((i) => i + 1).find((n) => texts(n)[0] === 'Hạng') as number;
    expect(texts(headerRow)).toEqual([
      'Hạng',
      'Đơn vị',
      'Điểm tiêu chí',
      'Điểm cộng',
      'Điểm trừ',
      'Tổng điểm',
      'Xếp loại',
      'Tình trạng bảng điểm',
      'Khen thưởng',
    ]);
    expect(texts(headerRow + 1).slice(0, 2)).toEqual(['1', 'Ban Dân vận Thành ủy Vị Thanh']);
    expect(texts(headerRow + 4)).toEqual(['4', 'Ban Dân vận Huyện ủy Long Mỹ', '82', '0', '2', '80', 'Tốt', 'Đã thẩm định xong', '']);
    expect(texts(headerRow + 1)[8]).toBe('Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh (hạng Nhất)');
  });
});

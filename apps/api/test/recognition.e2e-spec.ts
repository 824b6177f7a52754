import ExcelJS from 'exceljs';
import type { ProblemDetails } from '@danvan/contracts';
import { RequestContext } from '@danvan/core';
import { AwardService } from '@danvan/recognition';
import type { UnitView } from '@danvan/units';
import { finalisedPledge as writeFinalisedPledge, gql, TestServer, type TestAccount, type TestClient } from '@danvan/testing';

/**
 * Recognition over GraphQL (the secretariat, reporting tools) and REST (a member
 * organisation's system): the Hậu Giang year-end review of 2023, where emulation
 * flags went to the units ranked first, second and third and the province
 * counted its "Dân vận khéo" models (1.432 in 2023).
 */
let server: TestServer;
let province: UnitView;
let chauThanh: UnitView;
let viThanh: UnitView;
let longMy: UnitView;
let phungHiep: UnitView;
let tanHoa: UnitView;
let haTinh: UnitView;
let secretariat: TestClient & { account: TestAccount };
let viewer: TestClient;
let chauThanhOfficer: TestClient;
let outsider: TestClient;
let decisionId: string;
let pledgeId: string;
const titles: Record<string, { id: string; kind: string; recipients: string; ranked: boolean }> = {};

interface AwardFields {
  id: string;
  version: number;
  year: number;
  rank: string | null;
  rankLabel: string | null;
  recipientKind: string;
  personName: string | null;
  recipientUnit: { id: string; name: string };
  issuer: { name: string };
  title: { code: string };
  decisionDocument: { number: string } | null;
  pledgeId: string | null;
  revoked: boolean;
  revokedBy: string | null;
  revocationReason: string | null;
}
const AWARD_FIELDS = `id version year rank rankLabel recipientKind personName recipientUnit { id name } issuer { name } title { code }
  decisionDocument { number } pledgeId revoked revokedBy revocationReason`;

interface ModelFields {
  id: string;
  version: number;
  name: string;
  level: string;
  recognition: string;
  recognisedOn: string | null;
  owner: { id: string; name: string };
  results: Array<{ indicator: string; value: number; unit: string | null }>;
  recognitionHistory: Array<{ from: string; to: string; recognisedOn: string; document: { number: string } | null; note: string | null }>;
  awards: Array<{ titleName: string; revoked: boolean }>;
}
const MODEL_FIELDS = `id version name level recognition recognisedOn owner { id name } results { indicator value unit }
  recognitionHistory { from to recognisedOn document { number } note } awards { titleName revoked }`;

type GraphQLErrorShape = {
  message: string;
  extensions?: { code?: string; reason?: string; fields?: Array<{ field: string; code: string; message: string }> };
};

async function gqlError(client: TestClient, query: string, variables?: Record<string, unknown>): Promise<GraphQLErrorShape> {
  const { errors } = await client.graphql(query, variables);
  expect(errors).toBeDefined();
  return errors?.[0] as GraphQLErrorShape;
}

const CREATE_AWARDS = `mutation($input: CreateAwardsInput!) { createAwards(input: $input) { ${AWARD_FIELDS} } }`;
const CREATE_AWARD = `mutation($input: CreateAwardInput!) { createAward(input: $input) { ${AWARD_FIELDS} } }`;
const CREATE_MODEL = `mutation($input: CreateModelInput!) { createModel(input: $input) { ${MODEL_FIELDS} } }`;
const RECOGNISE = `mutation($id: ID!, $v: Int!, $input: RecogniseModelInput!) { recogniseModel(id: $id, expectedVersion: $v, input: $input) { ${MODEL_FIELDS} } }`;

async function awardsOfPledge(client: TestClient = secretariat): Promise<AwardFields[]> {
  const { awards } = await gql<{ awards: { items: AwardFields[] } }>(
    client,
    `query($p: ID!) { awards(options: { filter: { pledgeId: $p }, pageSize: 50 }) { items { ${AWARD_FIELDS} } } }`,
    { p: pledgeId },
  );
  return awards.items;
}

/** A finalised 2023 pledge of the Hậu Giang district commissions' bloc, written directly: these tests need one, not its lifecycle. */
async function finalisedPledge(members: UnitView[]): Promise<string> {
  const { pledgeId } = await writeFinalisedPledge(server.database, {
    ownerUnitId: province.id,
    memberIds: members.map((m) => m.id),
    blocName: 'Khối Ban Dân vận các huyện, thị, thành ủy',
    title: 'Giao ước thi đua năm 2023 trong hệ thống ngành Dân vận',
    signingEvent: 'Hội nghị tổng kết công tác dân vận năm 2022',
  });
  return pledgeId;
}

beforeAll(async () => {
  server = await TestServer.start();
  province = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Hậu Giang', shortName: 'BDVTU', adminAreaCode: '93' });
  chauThanh = await server.factory.unit({ parent: province, name: 'Ban Dân vận Huyện ủy Châu Thành A', level: 'DISTRICT' });
  viThanh = await server.factory.unit({ parent: province, name: 'Ban Dân vận Thành ủy Vị Thanh', level: 'DISTRICT' });
  longMy = await server.factory.unit({ parent: province, name: 'Ban Dân vận Huyện ủy Long Mỹ', level: 'DISTRICT' });
  phungHiep = await server.factory.unit({ parent: province, name: 'Ban Dân vận Huyện ủy Phụng Hiệp', level: 'DISTRICT' });
  tanHoa = await server.factory.unit({ parent: chauThanh, name: 'Đảng ủy xã Tân Hòa', kind: 'PARTY_COMMITTEE', level: 'COMMUNE' });
  haTinh = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Hà Tĩnh', adminAreaCode: '42' });
  secretariat = await server.signedIn('SECRETARIAT', province);
  viewer = await server.signedIn('VIEWER', province);
  chauThanhOfficer = await server.signedIn('ORGANISATION', chauThanh);
  outsider = await server.signedIn('SECRETARIAT', haTinh);
  const decision = await secretariat.rest<{ id: string }>('POST', '/api/v1/documents', {
    number: '125-QĐ/BDVTU',
    issuedOn: '2024-01-03',
    title: 'Quyết định tặng cờ thi đua, giấy khen năm 2023 cho các tập thể thuộc hệ thống ngành Dân vận',
  });
  expect(decision.status).toBe(201);
  decisionId = decision.body.id;
  pledgeId = await finalisedPledge([chauThanh, viThanh, longMy]);
  const { awardTitles } = await gql<{
    awardTitles: Array<{ id: string; code: string; kind: string; recipients: string; ranked: boolean }>;
  }>(server, `{ awardTitles { id code kind recipients ranked } }`);
  for (const t of awardTitles) titles[t.code] = t;
});
afterAll(async () => {
  await server?.close();
});

describe('the award catalogue', () => {
  it('is seeded with the standard titles and forms of the Law 06/2022/QH15 and Decree 98/2023/NĐ-CP', async () => {
    const { awardTitles } = await gql<{
      awardTitles: Array<{ code: string; name: string; kind: string; recipients: string; ranked: boolean; legalBasis: string }>;
    }>(viewer, `{ awardTitles { code name kind recipients ranked legalBasis } }`);
    const byName = Object.fromEntries(awardTitles.map((t) => [t.name, t]));
    expect(byName['Tập thể lao động xuất sắc']).toMatchObject({ kind: 'TITLE', recipients: 'COLLECTIVE', ranked: false });
    expect(byName['Chiến sĩ thi đua cơ sở']).toMatchObject({ kind: 'TITLE', recipients: 'INDIVIDUAL' });
    expect(byName['Lao động tiên tiến']).toMatchObject({ kind: 'TITLE', recipients: 'INDIVIDUAL' });
    expect(byName['Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh']).toMatchObject({
      kind: 'TITLE',
      recipients: 'COLLECTIVE',
      ranked: true,
    });
    expect(byName['Bằng khen cấp bộ, cấp ban, cấp ngành, cấp tỉnh']).toMatchObject({ kind: 'FORM', recipients: 'BOTH' });
    expect(byName['Giấy khen']).toMatchObject({ kind: 'FORM', recipients: 'BOTH', legalBasis: expect.stringContaining('06/2022/QH15') });
    const forms = await gql<{ awardTitles: Array<{ kind: string }> }>(
      viewer,
      `{ awardTitles(kind: FORM, recipientKind: INDIVIDUAL) { kind } }`,
    );
    expect(new Set(forms.awardTitles.map((t) => t.kind))).toEqual(new Set(['FORM']));
  });

  it('is managed by administrators only: a province secretariat cannot change the national catalogue', async () => {
    const input = { code: 'BANG_KHEN_BDVTW', name: 'Bằng khen của Ban Dân vận Trung ương', kind: 'FORM', recipients: 'BOTH' };
    const refused = await gqlError(secretariat, `mutation($input: CreateAwardTitleInput!) { createAwardTitle(input: $input) { id } }`, {
      input,
    });
    expect(refused.extensions?.code).toBe('FORBIDDEN');
    const { createAwardTitle } = await gql<{ createAwardTitle: { id: string; version: number; active: boolean } }>(
      server,
      `mutation($input: CreateAwardTitleInput!) { createAwardTitle(input: $input) { id version active } }`,
      { input },
    );
    expect(createAwardTitle.active).toBe(true);
    const duplicate = await gqlError(server, `mutation($input: CreateAwardTitleInput!) { createAwardTitle(input: $input) { id } }`, {
      input: { ...input, name: 'Tên khác' },
    });
    expect(duplicate.extensions).toMatchObject({ code: 'CONFLICT', fields: [expect.objectContaining({ field: 'code' })] });
    const badCode = await gqlError(server, `mutation($input: CreateAwardTitleInput!) { createAwardTitle(input: $input) { id } }`, {
      input: { ...input, code: 'bằng khen' },
    });
    expect(badCode.extensions?.fields?.map((f) => f.field)).toEqual(['code']);
    await gql(server, `mutation($id: ID!) { updateAwardTitle(id: $id, expectedVersion: 1, input: { active: false }) { active } }`, {
      id: createAwardTitle.id,
    });
    const active = await gql<{ awardTitles: Array<{ id: string }> }>(server, `{ awardTitles { id } }`);
    expect(active.awardTitles.map((t) => t.id)).not.toContain(createAwardTitle.id);
    const all = await gql<{ awardTitles: Array<{ id: string }> }>(server, `{ awardTitles(includeInactive: true) { id } }`);
    expect(all.awardTitles.map((t) => t.id)).toContain(createAwardTitle.id);
    const stale = await gqlError(
      server,
      `mutation($id: ID!) { updateAwardTitle(id: $id, expectedVersion: 1, input: { active: true }) { active } }`,
      { id: createAwardTitle.id },
    );
    expect(stale.extensions?.code).toBe('CONFLICT');
  });
});

describe('awards from a pledge ranking', () => {
  const flag = () => ({
    pledgeId,
    awardTitleId: titles.CO_THI_DUA_BO_TINH.id,
    issuerUnitId: province.id,
    decisionDocumentId: decisionId,
    decidedOn: '2024-01-03',
  });

  it('a bad proposal creates nothing: every problem is reported on its own field', async () => {
    const bad = await gqlError(secretariat, CREATE_AWARDS, {
      input: {
        ...flag(),
        proposals: [
          { unitId: chauThanh.id, rank: 'FIRST' },
          { unitId: viThanh.id, rank: 'SECOND' },
          { unitId: phungHiep.id, rank: 'THIRD' },
        ],
      },
    });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RULE_VIOLATION' });
    expect(bad.extensions?.fields?.map((f) => [f.field, f.code])).toEqual([['proposals.2.unitId', 'notSignatory']]);
    const twice = await gqlError(secretariat, CREATE_AWARDS, {
      input: {
        ...flag(),
        proposals: [
          { unitId: chauThanh.id, rank: 'FIRST' },
          { unitId: chauThanh.id, rank: 'SECOND' },
        ],
      },
    });
    expect(twice.extensions?.fields?.map((f) => f.field)).toEqual(['proposals.1.unitId']);
    const rankedCertificate = await gqlError(secretariat, CREATE_AWARDS, {
      input: { ...flag(), awardTitleId: undefined, formId: titles.GIAY_KHEN.id, proposals: [{ unitId: chauThanh.id, rank: 'FIRST' }] },
    });
    expect(rankedCertificate.extensions?.fields?.map((f) => f.field)).toEqual(['proposals.0.rank']);
    const formAsTitle = await gqlError(secretariat, CREATE_AWARDS, {
      input: { ...flag(), awardTitleId: titles.GIAY_KHEN.id, proposals: [{ unitId: chauThanh.id }] },
    });
    expect(formAsTitle.extensions?.fields?.map((f) => f.field)).toEqual(['awardTitleId']);
    const both = await gqlError(secretariat, CREATE_AWARDS, {
      input: { ...flag(), formId: titles.GIAY_KHEN.id, proposals: [{ unitId: chauThanh.id }] },
    });
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
    const individualsOnly = await gqlError(secretariat, CREATE_AWARDS, {
      input: { ...flag(), awardTitleId: titles.CHIEN_SI_THI_DUA_CO_SO.id, proposals: [{ unitId: chauThanh.id }] },
    });
    expect(individualsOnly.extensions?.fields?.map((f) => [f.field, f.code])).toEqual([['awardTitleId', 'recipients']]);
    const badRank = await gqlError(secretariat, CREATE_AWARDS, {
      input: { ...flag(), proposals: [{ unitId: chauThanh.id, rank: 'FOURTH' }] },
    });
    expect(badRank.extensions?.code).toBe('BAD_USER_INPUT');
    const longAgo = await gqlError(secretariat, CREATE_AWARDS, {
      input: { ...flag(), decidedOn: '1500-06-01', proposals: [{ unitId: chauThanh.id, rank: 'FIRST' }] },
    });
    expect(longAgo.extensions?.fields?.map((f) => [f.field, f.code])).toEqual([['decidedOn', 'range']]);
    // Before the pledge is finalised there is no result to award, one by one or in a batch.
    await server.database.manager.query(`UPDATE pledge SET status = 'SCORING_OPEN' WHERE id = $1`, [pledgeId]);
    const early = await gqlError(secretariat, CREATE_AWARDS, {
      input: { ...flag(), proposals: [{ unitId: chauThanh.id, rank: 'FIRST' }] },
    });
    expect(early.extensions?.fields?.map((f) => [f.field, f.code])).toEqual([['pledgeId', 'notFinalised']]);
    const earlyOne = await gqlError(secretariat, CREATE_AWARD, {
      input: {
        awardTitleId: titles.CO_THI_DUA_BO_TINH.id,
        recipientKind: 'COLLECTIVE',
        recipientUnitId: chauThanh.id,
        issuerUnitId: province.id,
        decidedOn: '2024-01-03',
        pledgeId,
        rank: 'FIRST',
      },
    });
    expect(earlyOne.extensions?.fields?.map((f) => [f.field, f.code])).toEqual([['pledgeId', 'notFinalised']]);
    await server.database.manager.query(`UPDATE pledge SET status = 'FINALISED' WHERE id = $1`, [pledgeId]);
    const notSignatory = await gqlError(secretariat, CREATE_AWARD, {
      input: {
        awardTitleId: titles.CO_THI_DUA_BO_TINH.id,
        recipientKind: 'COLLECTIVE',
        recipientUnitId: phungHiep.id,
        issuerUnitId: province.id,
        decidedOn: '2024-01-03',
        pledgeId,
        rank: 'FIRST',
      },
    });
    expect(notSignatory.extensions?.fields?.map((f) => [f.field, f.code])).toEqual([['recipientUnitId', 'notSignatory']]);
    expect(await awardsOfPledge()).toEqual([]);
    const events = (await server.database.manager.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity = 'award'`)) as Array<{
      n: number;
    }>;
    expect(events[0].n).toBe(0);
  });

  it('creates the flags for the units ranked first, second and third in one call, for the pledge year', async () => {
    const { createAwards } = await gql<{ createAwards: AwardFields[] }>(secretariat, CREATE_AWARDS, {
      input: {
        ...flag(),
        proposals: [
          { unitId: longMy.id, rank: 'THIRD' },
          { unitId: chauThanh.id, rank: 'FIRST' },
          { unitId: viThanh.id, rank: 'SECOND' },
        ],
      },
    });
    expect(createAwards.map((a) => [a.recipientUnit.name, a.rank, a.rankLabel])).toEqual([
      ['Ban Dân vận Huyện ủy Châu Thành A', 'FIRST', 'Nhất'],
      ['Ban Dân vận Thành ủy Vị Thanh', 'SECOND', 'Nhì'],
      ['Ban Dân vận Huyện ủy Long Mỹ', 'THIRD', 'Ba'],
    ]);
    expect(createAwards[0]).toMatchObject({
      year: 2023,
      recipientKind: 'COLLECTIVE',
      personName: null,
      issuer: { name: 'Ban Dân vận Tỉnh ủy Hậu Giang' },
      title: { code: 'CO_THI_DUA_BO_TINH' },
      decisionDocument: { number: '125-QĐ/BDVTU' },
      pledgeId,
      revoked: false,
      version: 1,
    });
    expect(await awardsOfPledge()).toHaveLength(3);
    const again = await gqlError(secretariat, CREATE_AWARDS, { input: { ...flag(), proposals: [{ unitId: viThanh.id, rank: 'FIRST' }] } });
    expect(again.extensions?.fields?.map((f) => [f.field, f.code])).toEqual([['proposals.0.unitId', 'alreadyAwarded']]);
    const audit = await server.rest<{ items: Array<{ action: string }> }>(
      'GET',
      `/api/v1/audit-events?entity=award&entityId=${createAwards[0].id}`,
    );
    expect(audit.body.items.map((e) => e.action)).toEqual(['create']);
  });

  it('called by the pledge ranking inside its own transaction, the awards commit or roll back with it', async () => {
    const awards = server.app.get(AwardService);
    const input = {
      pledgeId,
      formId: titles.GIAY_KHEN.id,
      issuerUnitId: province.id,
      decidedOn: '2024-01-03',
      proposals: [{ unitId: chauThanh.id }, { unitId: viThanh.id }],
    };
    await expect(
      server.database.dataSource.transaction(async (manager) => {
        const created = await awards.createFromProposals(RequestContext.system('ranking').withManager(manager), input);
        expect(created).toHaveLength(2);
        throw new Error('the ranking failed after the awards were written');
      }),
    ).rejects.toThrow(/ranking failed/);
    const certificates = await secretariat.rest<{ totalItems: number }>(
      'GET',
      `/api/v1/awards?pledgeId=${pledgeId}&titleId=${titles.GIAY_KHEN.id}`,
    );
    expect(certificates.body.totalItems).toBe(0);
  });

  it('records an award to a named person with position and unit, and a certificate to a collective', async () => {
    const missingName = await gqlError(secretariat, CREATE_AWARD, {
      input: {
        awardTitleId: titles.CHIEN_SI_THI_DUA_CO_SO.id,
        recipientKind: 'INDIVIDUAL',
        recipientUnitId: chauThanh.id,
        issuerUnitId: province.id,
        decidedOn: '2024-01-03',
      },
    });
    expect(missingName.extensions?.fields?.map((f) => f.field)).toEqual(['personName']);
    const { createAward } = await gql<{ createAward: AwardFields }>(secretariat, CREATE_AWARD, {
      input: {
        awardTitleId: titles.CHIEN_SI_THI_DUA_CO_SO.id,
        recipientKind: 'INDIVIDUAL',
        recipientUnitId: chauThanh.id,
        personName: 'Nguyễn Văn Bảy',
        personPosition: 'Phó Trưởng Ban Dân vận Huyện ủy',
        issuerUnitId: province.id,
        decidedOn: '2024-01-03',
        year: 2023,
      },
    });
    expect(createAward).toMatchObject({
      recipientKind: 'INDIVIDUAL',
      personName: 'Nguyễn Văn Bảy',
      recipientUnit: { id: chauThanh.id },
      year: 2023,
      pledgeId: null,
    });
    const certificate = await gql<{ createAward: AwardFields }>(secretariat, CREATE_AWARD, {
      input: {
        formId: titles.GIAY_KHEN.id,
        recipientKind: 'COLLECTIVE',
        recipientUnitId: tanHoa.id,
        issuerUnitId: chauThanh.id,
        decidedOn: '2020-12-29',
      },
    });
    expect(certificate.createAward).toMatchObject({ title: { code: 'GIAY_KHEN' }, year: 2020, rank: null });
    // Hà Tĩnh's secretariat cannot award a Hậu Giang unit.
    const foreign = await gqlError(outsider, CREATE_AWARD, {
      input: {
        formId: titles.GIAY_KHEN.id,
        recipientKind: 'COLLECTIVE',
        recipientUnitId: tanHoa.id,
        issuerUnitId: haTinh.id,
        decidedOn: '2024-01-03',
      },
    });
    expect(foreign.extensions?.fields?.map((f) => f.field)).toEqual(['recipientUnitId']);
  });

  it('an organisation reads the awards of its subtree over REST; another province gets 404', async () => {
    const own = await chauThanhOfficer.rest<{
      items: Array<{ recipientUnit: { name: string }; recipientPath?: string }>;
      totalItems: number;
    }>('GET', `/api/v1/awards?year=2023&sort=-decidedOn`);
    expect(own.status).toBe(200);
    expect(own.body.items.map((a) => a.recipientUnit.name).sort()).toEqual([
      'Ban Dân vận Huyện ủy Châu Thành A',
      'Ban Dân vận Huyện ủy Châu Thành A',
    ]);
    expect(own.body.items[0].recipientPath).toBeUndefined();
    const [first] = await awardsOfPledge();
    const read = await secretariat.rest<{ id: string }>('GET', `/api/v1/awards/${first.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect((await outsider.rest('GET', `/api/v1/awards/${first.id}`)).status).toBe(404);
    expect((await outsider.rest<{ items: unknown[] }>('GET', '/api/v1/awards')).body.items).toEqual([]);
    const badFilter = await secretariat.rest<ProblemDetails>('GET', '/api/v1/awards?rank=FOURTH&revoked=maybe');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors?.map((e) => e.field).sort()).toEqual(['rank', 'revoked']);
  });
});

describe('award filters: the issuer’s subtree and the decision-date range', () => {
  type AwardPage = { items: Array<{ id: string; decidedOn: string; issuer: { id: string } }>; totalItems: number };

  it('REST and GraphQL: issuerWithinUnitId keeps the awards decided by that unit or a unit below it; decidedFrom/decidedTo bound the date, inclusive', async () => {
    const all = await secretariat.rest<AwardPage>('GET', '/api/v1/awards?pageSize=100');
    expect(all.status).toBe(200);
    expect(all.body.totalItems).toBeGreaterThan(1);
    const idsOf = (page: AwardPage) => page.items.map((a) => a.id).sort();
    for (const unit of [province, chauThanh]) {
      const below = await secretariat.rest<{ items: Array<{ id: string }> }>('GET', `/api/v1/units?withinUnitId=${unit.id}&pageSize=100`);
      const subtree = new Set(below.body.items.map((u) => u.id));
      const expected = all.body.items
        .filter((a) => subtree.has(a.issuer.id))
        .map((a) => a.id)
        .sort();
      const filtered = await secretariat.rest<AwardPage>('GET', `/api/v1/awards?issuerWithinUnitId=${unit.id}&pageSize=100`);
      expect(idsOf(filtered.body)).toEqual(expected);
    }
    const day = all.body.items[0].decidedOn;
    const onDay = all.body.items
      .filter((a) => a.decidedOn === day)
      .map((a) => a.id)
      .sort();
    const ranged = await secretariat.rest<AwardPage>('GET', `/api/v1/awards?decidedFrom=${day}&decidedTo=${day}&pageSize=100`);
    expect(idsOf(ranged.body)).toEqual(onDay);
    const after = all.body.items
      .filter((a) => a.decidedOn > day)
      .map((a) => a.id)
      .sort();
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(idsOf((await secretariat.rest<AwardPage>('GET', `/api/v1/awards?decidedFrom=${next}&pageSize=100`)).body)).toEqual(after);
    const { awards } = await gql<{ awards: { items: Array<{ id: string }> } }>(
      secretariat,
      `query($u: ID!, $d: Date!) { awards(options: { filter: { issuerWithinUnitId: $u, decidedFrom: $d, decidedTo: $d }, pageSize: 100 }) { items { id } } }`,
      { u: province.id, d: day },
    );
    expect(awards.items.map((a) => a.id).sort()).toEqual(onDay);
    const bad = await secretariat.rest<ProblemDetails>('GET', '/api/v1/awards?decidedFrom=2024-02-30&issuerWithinUnitId=x');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['decidedFrom', 'issuerWithinUnitId']);
    expect((await outsider.rest<ProblemDetails>('GET', `/api/v1/awards?issuerWithinUnitId=${chauThanh.id}`)).status).toBe(404);
  });

  it('an inverted decision-date range is refused on decidedTo (400 / BAD_USER_INPUT), not answered with an empty page', async () => {
    const inverted = await secretariat.rest<ProblemDetails>('GET', '/api/v1/awards?decidedFrom=2024-03-02&decidedTo=2024-03-01');
    expect(inverted.status).toBe(400);
    expect(inverted.body.errors?.map((e) => [e.field, e.code])).toEqual([['decidedTo', 'notBefore']]);
    expect(inverted.body.errors?.[0].message).toMatch(/decidedTo không được trước decidedFrom/);
    const sameDay = await secretariat.rest<AwardPage>('GET', '/api/v1/awards?decidedFrom=2024-03-01&decidedTo=2024-03-01');
    expect(sameDay.status).toBe(200);
    const error = await gqlError(
      secretariat,
      `{ awards(options: { filter: { decidedFrom: "2024-03-02", decidedTo: "2024-03-01" } }) { totalItems } }`,
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fields?.map((f) => [f.field, f.code])).toEqual([['filter.decidedTo', 'notBefore']]);
    expect(error.extensions?.fields?.[0].message).toMatch(/decidedTo không được trước decidedFrom/);
  });
});

describe('revocation', () => {
  it('revokes with a reason; the award stays listed, marked revoked, with who and why', async () => {
    const third = (await awardsOfPledge()).find((a) => a.rank === 'THIRD') as AwardFields;
    const noReason = await gqlError(
      secretariat,
      `mutation($id: ID!) { revokeAward(id: $id, expectedVersion: 1, input: { reason: "  " }) { id } }`,
      { id: third.id },
    );
    expect(noReason.extensions?.fields?.map((f) => f.field)).toEqual(['reason']);
    const stale = await gqlError(
      secretariat,
      `mutation($id: ID!) { revokeAward(id: $id, expectedVersion: 7, input: { reason: "Gian dối" }) { id } }`,
      { id: third.id },
    );
    expect(stale.extensions?.code).toBe('CONFLICT');
    const { revokeAward } = await gql<{ revokeAward: AwardFields }>(
      secretariat,
      `mutation($id: ID!) { revokeAward(id: $id, expectedVersion: 1, input: { reason: "Kê khai không trung thực thành tích" }) { ${AWARD_FIELDS} } }`,
      {
        id: third.id,
      },
    );
    expect(revokeAward).toMatchObject({
      revoked: true,
      revocationReason: 'Kê khai không trung thực thành tích',
      revokedBy: secretariat.account.username,
      version: 2,
    });
    const listed = await awardsOfPledge();
    expect(listed).toHaveLength(3);
    expect(listed.find((a) => a.id === third.id)?.revoked).toBe(true);
    const inForce = await secretariat.rest<{ items: Array<{ id: string }> }>('GET', `/api/v1/awards?pledgeId=${pledgeId}&revoked=false`);
    expect(inForce.body.items.map((a) => a.id)).not.toContain(third.id);
    const rest = await secretariat.rest<{ revoked: boolean; revokedAt: string }>('GET', `/api/v1/awards/${third.id}`);
    expect(rest.body).toMatchObject({ revoked: true, revokedAt: expect.any(String) });
    const twice = await gqlError(
      secretariat,
      `mutation($id: ID!) { revokeAward(id: $id, expectedVersion: 2, input: { reason: "Lần hai" }) { id } }`,
      { id: third.id },
    );
    expect(twice.extensions?.fields?.[0].code).toBe('revoked');
    const events = await server.rest<{ items: Array<{ action: string }> }>('GET', `/api/v1/audit-events?entity=award&entityId=${third.id}`);
    expect(events.body.items.map((e) => e.action).reverse()).toEqual(['create', 'revoke']);
    // The rows as stored: the fields the trail keeps of an award (a creation: those with a value), under the recipient's path.
    const row = (action: string, changes: Record<string, [unknown, unknown]>) => ({
      entity: 'award',
      entityId: third.id,
      action,
      scopePath: longMy.path,
      changes: Object.fromEntries(Object.entries(changes).map(([field, [before, after]]) => [field, { before, after }])),
    });
    expect(await server.auditTrail(third.id)).toEqual([
      row('create', {
        title: [null, 'CO_THI_DUA_BO_TINH'],
        recipientKind: [null, 'COLLECTIVE'],
        recipientUnitId: [null, longMy.id],
        rank: [null, 'THIRD'],
        decisionDocument: [null, '125-QĐ/BDVTU'],
        issuerUnitId: [null, province.id],
        decidedOn: [null, '2024-01-03'],
        year: [null, 2023],
        pledgeId: [null, pledgeId],
        revoked: [null, false],
      }),
      row('revoke', { revoked: [false, true], revocationReason: [null, 'Kê khai không trung thực thành tích'] }),
    ]);
  });
});

describe('awards export', () => {
  /** The rows of the first sheet of an .xlsx response, as text. */
  async function sheetRows(response: Response, sheetName: string): Promise<{ rows: string[][]; sheet: ExcelJS.Worksheet | undefined }> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet(sheetName);
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    return { rows, sheet };
  }

  it('prints the filtered awards with Vietnamese headers, dates dd/MM/yyyy and the revoked one marked with its reason', async () => {
    const response = await fetch(
      `${server.baseUrl}/api/v1/awards/export.xlsx?pledgeId=${pledgeId}&titleId=${titles.CO_THI_DUA_BO_TINH.id}&year=2023`,
      {
        headers: { authorization: `Bearer ${secretariat.token}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="khen-thuong-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const { rows, sheet } = await sheetRows(response, 'Khen thưởng');
    expect(rows[0][0]).toBe('DANH SÁCH KHEN THƯỞNG');
    expect(rows.slice(1, 5).map((r) => r[0])).toEqual([
      'Năm thành tích: 2023',
      expect.stringMatching(/^Danh hiệu, hình thức: Cờ thi đua/),
      'Giao ước thi đua: Giao ước thi đua năm 2023 trong hệ thống ngành Dân vận',
      expect.stringMatching(/^Xuất ngày \d{2}\/\d{2}\/\d{4}: 3 khen thưởng, 2 còn hiệu lực\.$/),
    ]);
    const headerIndex = rows.findIndex((r) => r[0] === 'STT');
    expect(rows[headerIndex]).toEqual([
      'STT',
      'Danh hiệu, hình thức',
      'Hạng',
      'Đối tượng',
      'Tập thể, cá nhân được khen',
      'Thành tích',
      'Năm',
      'Quyết định',
      'Ngày quyết định',
      'Đơn vị khen thưởng',
      'Ghi chú',
    ]);
    const body = rows.slice(headerIndex + 1);
    expect(body.map((r) => r[0])).toEqual(['1', '2', '3']);
    const byRank = new Map(body.map((r) => [r[2], r]));
    expect([...byRank.keys()].sort()).toEqual(['Ba', 'Nhì', 'Nhất']);
    expect(byRank.get('Nhất')?.slice(3)).toEqual([
      'Tập thể',
      'Ban Dân vận Huyện ủy Châu Thành A',
      '',
      '2023',
      '125-QĐ/BDVTU',
      '03/01/2024',
      'Ban Dân vận Tỉnh ủy Hậu Giang',
      '',
    ]);
    expect(byRank.get('Ba')?.[10]).toMatch(/^Đã thu hồi ngày \d{2}\/\d{2}\/\d{4}: Kê khai không trung thực thành tích$/);
    expect(sheet?.pageSetup.orientation).toBe('landscape');

    // A person is printed with position and unit; an organisation exports only its own subtree.
    const individuals = await server.fetch(`/api/v1/awards/export.xlsx?recipientKind=INDIVIDUAL`, {
      headers: { authorization: `Bearer ${chauThanhOfficer.token}` },
    });
    expect(individuals.status).toBe(200);
    const printed = (await sheetRows(individuals, 'Khen thưởng')).rows;
    const people = printed.slice(printed.findIndex((r) => r[0] === 'STT') + 1);
    expect(people.map((r) => [r[3], r[4]])).toEqual([
      ['Cá nhân', 'Nguyễn Văn Bảy, Phó Trưởng Ban Dân vận Huyện ủy, Ban Dân vận Huyện ủy Châu Thành A'],
    ]);

    const invalid = await secretariat.rest<ProblemDetails>('GET', '/api/v1/awards/export.xlsx?rank=FOURTH&page=2');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((e) => e.field).sort()).toEqual(['page', 'rank']);
    // Another province: the Hậu Giang unit is not found, and its awards are not printed.
    expect((await outsider.rest('GET', `/api/v1/awards/export.xlsx?withinUnitId=${province.id}`)).status).toBe(404);
    const foreign = await server.fetch(`/api/v1/awards/export.xlsx`, { headers: { authorization: `Bearer ${outsider.token}` } });
    const foreignRows = (await sheetRows(foreign, 'Khen thưởng')).rows;
    expect(foreignRows.slice(foreignRows.findIndex((r) => r[0] === 'STT') + 1)).toEqual([]);
  });
});

describe('access', () => {
  it('a viewer and an organisation cannot manage awards or recognition (403); another province gets 404', async () => {
    const [first] = await awardsOfPledge();
    const input = {
      pledgeId,
      awardTitleId: titles.CO_THI_DUA_BO_TINH.id,
      issuerUnitId: province.id,
      decidedOn: '2024-01-03',
      proposals: [{ unitId: chauThanh.id }],
    };
    expect((await gqlError(viewer, CREATE_AWARDS, { input })).extensions?.code).toBe('FORBIDDEN');
    expect((await gqlError(chauThanhOfficer, CREATE_AWARDS, { input })).extensions?.code).toBe('FORBIDDEN');
    expect(
      (
        await gqlError(viewer, `mutation($id: ID!) { revokeAward(id: $id, expectedVersion: 1, input: { reason: "x" }) { id } }`, {
          id: first.id,
        })
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    const model = { name: 'Mô hình của người chỉ xem', holderKind: 'COLLECTIVE', field: 'ECONOMY', firstYear: 2023 };
    const viewerPost = await viewer.rest<ProblemDetails>('POST', '/api/v1/models', model);
    expect(viewerPost.status).toBe(403);
    expect((await gqlError(viewer, CREATE_MODEL, { input: model })).extensions?.code).toBe('FORBIDDEN');
    // Another province's secretariat: the pledge is not its own, and nothing of Hậu Giang exists for it.
    const foreign = await gqlError(outsider, CREATE_AWARDS, { input: { ...input, issuerUnitId: haTinh.id } });
    expect(foreign.extensions?.fields?.map((f) => f.field)).toEqual(['pledgeId']);
    expect((await gqlError(outsider, `query($id: ID!) { award(id: $id) { id } }`, { id: first.id })).extensions?.code).toBe('NOT_FOUND');
    // The admin shows "revoke" only where the server allows it: the issuer's subtree, with emulation:manage, an award in force.
    const all = await awardsOfPledge();
    const inForce = all.find((a) => !a.revoked) as AwardFields;
    const revoked = all.find((a) => a.revoked) as AwardFields;
    const canRevoke = async (client: TestClient, award: AwardFields) =>
      (await gql<{ award: { canRevoke: boolean } }>(client, `query($id: ID!) { award(id: $id) { canRevoke } }`, { id: award.id })).award
        .canRevoke;
    const recipientSecretariat = await server.signedIn(
      'SECRETARIAT',
      [chauThanh, viThanh, longMy].find((u) => u.id === inForce.recipientUnit.id) as UnitView,
    );
    expect([
      await canRevoke(secretariat, inForce),
      await canRevoke(viewer, inForce),
      await canRevoke(recipientSecretariat, inForce),
      await canRevoke(secretariat, revoked),
    ]).toEqual([true, false, false, false]);
    // allowedActions says the same, from the same policy (AWARD_POLICY), on GraphQL and REST.
    const allowedActions = async (client: TestClient, award: AwardFields) =>
      (
        await gql<{ award: { allowedActions: string[] } }>(client, `query($id: ID!) { award(id: $id) { allowedActions } }`, {
          id: award.id,
        })
      ).award.allowedActions;
    expect([
      await allowedActions(secretariat, inForce),
      await allowedActions(viewer, inForce),
      await allowedActions(recipientSecretariat, inForce),
      await allowedActions(secretariat, revoked),
    ]).toEqual([['revoke'], [], [], []]);
    expect((await secretariat.rest<{ allowedActions: string[] }>('GET', `/api/v1/awards/${inForce.id}`)).body.allowedActions).toEqual([
      'revoke',
    ]);
  });
});

describe('models over REST (an organisation’s system)', () => {
  const model = {
    name: 'Vận động nhân dân hiến đất làm đường giao thông nông thôn',
    holderKind: 'COLLECTIVE',
    field: 'ECONOMY',
    firstYear: 2023,
    description: 'Vận động hộ dân hiến đất, góp công mở rộng đường liên ấp.',
    results: [
      { indicator: 'Đất hiến làm đường', value: 4685, unit: 'm²' },
      { indicator: 'Hộ tham gia', value: 126, unit: 'hộ' },
    ],
    evidence: [
      { description: 'Báo cáo sơ kết mô hình năm 2023', url: 'https://haugiang.dcs.vn/bao-cao-mo-hinh.pdf' },
      { description: 'Biên bản bàn giao mặt bằng' },
    ],
  };
  let modelId: string;

  it('the organisation registers its own unit’s model (and one of its commune), but not another unit’s', async () => {
    const created = await chauThanhOfficer.rest<{
      id: string;
      owner: { id: string };
      level: string;
      recognition: string;
      version: number;
      results: unknown[];
      evidence: Array<{ url: string | null }>;
      ownerPath?: string;
    }>('POST', '/api/v1/models', model);
    expect(created.status).toBe(201);
    modelId = created.body.id;
    expect(created.headers.get('location')).toBe(`/api/v1/models/${modelId}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      owner: { id: chauThanh.id },
      level: 'DISTRICT',
      recognition: 'REGISTERED',
      version: 1,
      results: model.results,
    });
    expect(created.body.evidence[1].url).toBeNull();
    expect(created.body.ownerPath).toBeUndefined();
    const commune = await chauThanhOfficer.rest<{ level: string; owner: { name: string } }>('POST', '/api/v1/models', {
      ...model,
      name: 'Tổ tự quản đường hoa',
      ownerUnitId: tanHoa.id,
      field: 'CULTURE_SOCIETY',
    });
    expect(commune.status).toBe(201);
    expect(commune.body).toMatchObject({ level: 'COMMUNE', owner: { name: 'Đảng ủy xã Tân Hòa' } });
    const other = await chauThanhOfficer.rest<ProblemDetails>('POST', '/api/v1/models', { ...model, ownerUnitId: viThanh.id });
    expect(other.status).toBe(422);
    expect(other.body.errors?.map((e) => e.field)).toEqual(['ownerUnitId']);
    const list = await chauThanhOfficer.rest<{ items: Array<{ name: string }>; totalItems: number }>(
      'GET',
      '/api/v1/models?q=hien%20dat&year=2023',
    );
    expect(list.body.items.map((m) => m.name)).toEqual([model.name]);
  });

  it('refuses unknown fields, a bad enum, a negative result and inconsistent values, field by field', async () => {
    const unknown = await chauThanhOfficer.rest<ProblemDetails>('POST', '/api/v1/models', { ...model, recognition: 'EXCELLENT' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((e) => e.field)).toEqual(['recognition']);
    const badEnum = await chauThanhOfficer.rest<ProblemDetails>('POST', '/api/v1/models', {
      ...model,
      field: 'AGRICULTURE',
      level: 'VILLAGE',
    });
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.errors?.map((e) => e.field).sort()).toEqual(['field', 'level']);
    expect(badEnum.body.errors?.[0].message).toMatch(/phải là một trong/);
    const negative = await chauThanhOfficer.rest<ProblemDetails>('POST', '/api/v1/models', {
      ...model,
      results: [{ indicator: 'Đất hiến làm đường', value: -5, unit: 'm²', extra: 1 }],
    });
    expect(negative.status).toBe(400);
    expect(negative.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'results.0.value', message: 'Giá trị kết quả không được âm.' }),
        expect.objectContaining({ field: 'results.0.extra' }),
      ]),
    );
    const badUrl = await chauThanhOfficer.rest<ProblemDetails>('POST', '/api/v1/models', {
      ...model,
      evidence: [{ description: 'Ảnh', url: 'javascript:alert(1)' }],
      firstYear: 1800,
    });
    expect(badUrl.body.errors?.map((e) => e.field).sort()).toEqual(['evidence.0.url', 'firstYear']);
    const noPerson = await chauThanhOfficer.rest<ProblemDetails>('POST', '/api/v1/models', {
      ...model,
      holderKind: 'INDIVIDUAL',
      lastYear: 2021,
    });
    expect(noPerson.status).toBe(422);
    expect(noPerson.body.errors?.map((e) => e.field)).toEqual(['personName', 'lastYear']);
  });

  it('changes a model with If-Match: a stale ETag answers 412, a missing one 428; another unit’s model is 404', async () => {
    const path = `/api/v1/models/${modelId}`;
    const read = await chauThanhOfficer.rest<{ version: number }>('GET', path);
    expect(read.headers.get('etag')).toBe('"1"');
    expect((await chauThanhOfficer.rest('PATCH', path, { lastYear: 2024 })).status).toBe(428);
    const changed = await chauThanhOfficer.rest<{ results: Array<{ value: number }>; lastYear: number; version: number }>(
      'PATCH',
      path,
      { results: [{ indicator: 'Đất hiến làm đường', value: 5120.5, unit: 'm²' }] },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body.results[0].value).toBe(5120.5);
    const stale = await chauThanhOfficer.rest<ProblemDetails>('PATCH', path, { name: 'Tên mới' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    const unknown = await chauThanhOfficer.rest<ProblemDetails>('PATCH', path, { recognition: 'TYPICAL' }, { 'if-match': '"2"' });
    expect(unknown.status).toBe(400);
    const viThanhModel = await gql<{ createModel: { id: string } }>(secretariat, CREATE_MODEL, {
      input: { ...model, ownerUnitId: viThanh.id },
    });
    expect((await chauThanhOfficer.rest('GET', `/api/v1/models/${viThanhModel.createModel.id}`)).status).toBe(404);
    expect(
      (await chauThanhOfficer.rest('PATCH', `/api/v1/models/${viThanhModel.createModel.id}`, { name: 'Đổi' }, { 'if-match': '"1"' }))
        .status,
    ).toBe(404);
    expect((await outsider.rest('GET', path)).status).toBe(404);
  });
});

describe('recognition of models and model counts', () => {
  /** Long Mỹ district with two communes: the subtree counted. */
  let xaA: UnitView;
  let xaB: UnitView;
  const ids: Record<string, string> = {};

  async function createModel(key: string, input: Record<string, unknown>): Promise<void> {
    const { createModel: created } = await gql<{ createModel: ModelFields }>(secretariat, CREATE_MODEL, {
      input: { holderKind: 'COLLECTIVE', field: 'ECONOMY', ...input },
    });
    ids[key] = created.id;
  }

  async function recognise(
    key: string,
    recognition: string,
    recognisedOn: string,
    extra: Record<string, unknown> = {},
  ): Promise<ModelFields> {
    const { model } = await gql<{ model: { version: number } }>(secretariat, `query($id: ID!) { model(id: $id) { version } }`, {
      id: ids[key],
    });
    return (
      await gql<{ recogniseModel: ModelFields }>(secretariat, RECOGNISE, {
        id: ids[key],
        v: model.version,
        input: { recognition, recognisedOn, ...extra },
      })
    ).recogniseModel;
  }

  beforeAll(async () => {
    xaA = await server.factory.unit({ parent: longMy, name: 'Đảng ủy xã Lương Tâm', kind: 'PARTY_COMMITTEE', level: 'COMMUNE' });
    xaB = await server.factory.unit({ parent: longMy, name: 'Đảng ủy xã Vĩnh Viễn A', kind: 'PARTY_COMMITTEE', level: 'COMMUNE' });
    await createModel('A', {
      name: 'LM1 Hiến đất làm đường giao thông',
      ownerUnitId: longMy.id,
      firstYear: 2023,
      results: [{ indicator: 'Đất hiến làm đường', value: 4685, unit: 'm²' }],
    });
    await createModel('B', {
      name: 'LM2 Xây dựng nông thôn mới',
      ownerUnitId: xaA.id,
      firstYear: 2022,
      results: [{ indicator: 'Xã đạt chuẩn nông thôn mới', value: 27, unit: 'xã' }],
    });
    await createModel('C', { name: 'LM3 Tổ tự quản đường hoa', ownerUnitId: xaA.id, field: 'CULTURE_SOCIETY', firstYear: 2023 });
    await createModel('D', {
      name: 'LM4 Đối thoại với nhân dân',
      ownerUnitId: xaB.id,
      field: 'POLITICAL_SYSTEM',
      firstYear: 2021,
      lastYear: 2023,
    });
    await createModel('E', { name: 'LM5 Camera an ninh', ownerUnitId: xaB.id, field: 'DEFENCE_SECURITY', firstYear: 2023 });
    await createModel('F', {
      name: 'LM6 Cô giáo dân vận',
      ownerUnitId: longMy.id,
      holderKind: 'INDIVIDUAL',
      personName: 'Trần Thị Mai',
      firstYear: 2023,
    });
    await createModel('G', { name: 'LM7 Mô hình đã kết thúc', ownerUnitId: xaA.id, firstYear: 2020, lastYear: 2022 });
    await createModel('H', { name: 'LM8 Mô hình mới năm 2024', ownerUnitId: xaB.id, firstYear: 2024 });
  });

  it('records a change of recognition with its date and deciding document; a step down needs a reason; the organisation cannot', async () => {
    const refused = await gqlError(chauThanhOfficer, RECOGNISE, {
      id: ids.A,
      v: 1,
      input: { recognition: 'TYPICAL', recognisedOn: '2023-11-20' },
    });
    expect(refused.extensions?.code).toBe('FORBIDDEN');
    const stale = await gqlError(secretariat, RECOGNISE, {
      id: ids.A,
      v: 9,
      input: { recognition: 'TYPICAL', recognisedOn: '2023-11-20' },
    });
    expect(stale.extensions?.code).toBe('CONFLICT');
    const badEnum = await gqlError(secretariat, RECOGNISE, { id: ids.A, v: 1, input: { recognition: 'GOLD', recognisedOn: '2023-11-20' } });
    expect(badEnum.extensions?.code).toBe('BAD_USER_INPUT');
    const a = await recognise('A', 'TYPICAL', '2023-11-20', { documentId: decisionId });
    expect(a).toMatchObject({ recognition: 'TYPICAL', recognisedOn: '2023-11-20', version: 2 });
    expect(a.recognitionHistory).toEqual([
      { from: 'REGISTERED', to: 'TYPICAL', recognisedOn: '2023-11-20', document: { number: '125-QĐ/BDVTU' }, note: null },
    ]);
    // The view offers the recognition lifecycle's transitions from the current level (MODEL_POLICY, MODEL_RECOGNITION).
    const offered = await gql<{ model: { allowedActions: string[] } }>(
      secretariat,
      `query($id: ID!) { model(id: $id) { allowedActions } }`,
      {
        id: ids.A,
      },
    );
    expect(offered.model.allowedActions).toEqual(['update', 'recognise:REGISTERED', 'recognise:EXCELLENT']);
    expect((await secretariat.rest<{ allowedActions: string[] }>('GET', `/api/v1/models/${ids.A}`)).body.allowedActions).toEqual(
      offered.model.allowedActions,
    );
    const same = await gqlError(secretariat, RECOGNISE, { id: ids.A, v: 2, input: { recognition: 'TYPICAL', recognisedOn: '2023-12-01' } });
    expect(same.extensions?.fields?.map((f) => f.code)).toEqual(['unchanged']);
    const down = await gqlError(secretariat, RECOGNISE, {
      id: ids.A,
      v: 2,
      input: { recognition: 'REGISTERED', recognisedOn: '2023-12-01' },
    });
    expect(down.extensions?.fields?.map((f) => f.field)).toEqual(['note']);
    await recognise('B', 'TYPICAL', '2022-12-01');
    await recognise('C', 'TYPICAL', '2023-10-10');
    await recognise('D', 'TYPICAL', '2022-06-01');
    const d = await recognise('D', 'EXCELLENT', '2023-12-01');
    expect(d.recognitionHistory.map((h) => h.to)).toEqual(['TYPICAL', 'EXCELLENT']);
    // Recognised at the January conference reviewing 2023: it counts from 2024.
    await recognise('F', 'TYPICAL', '2024-01-05');
    await recognise('H', 'TYPICAL', '2024-06-01');
    await recognise('H', 'REGISTERED', '2024-12-01', { note: 'Mô hình chưa duy trì đều' });
    // An award for a model shows on the model.
    await gql(secretariat, CREATE_AWARD, {
      input: {
        formId: titles.BANG_KHEN_BO_TINH.id,
        recipientKind: 'COLLECTIVE',
        recipientUnitId: longMy.id,
        issuerUnitId: province.id,
        decidedOn: '2024-01-03',
        modelId: ids.A,
      },
    });
    const { model } = await gql<{ model: ModelFields }>(viewer, `query($id: ID!) { model(id: $id) { ${MODEL_FIELDS} } }`, { id: ids.A });
    expect(model.awards).toEqual([{ titleName: 'Bằng khen cấp bộ, cấp ban, cấp ngành, cấp tỉnh', revoked: false }]);
    const events = await server.rest<{ items: Array<{ action: string }> }>(
      'GET',
      `/api/v1/audit-events?entity=model-practice&entityId=${ids.D}`,
    );
    expect(events.body.items.map((e) => e.action).reverse()).toEqual(['create', 'recognise', 'recognise']);
  });

  it('counts models active in a year by level, field and recognition (as of the year end) over a subtree', async () => {
    const COUNTS = `query($u: ID, $y: Int!) { modelCounts(withinUnitId: $u, year: $y) {
      year total registered typical excellent summary withinUnit { name }
      byLevel { level total registered typical excellent } byField { field total registered typical excellent } byRecognition { recognition count } } }`;
    type Counts = {
      modelCounts: {
        total: number;
        registered: number;
        typical: number;
        excellent: number;
        summary: string;
        withinUnit: { name: string } | null;
        byLevel: Array<{ level: string; total: number; registered: number; typical: number; excellent: number }>;
        byField: Array<{ field: string; total: number; registered: number; typical: number; excellent: number }>;
        byRecognition: Array<{ recognition: string; count: number }>;
      };
    };
    const { modelCounts } = await gql<Counts>(viewer, COUNTS, { u: longMy.id, y: 2023 });
    expect(modelCounts).toMatchObject({
      total: 6,
      typical: 3,
      excellent: 1,
      registered: 2,
      withinUnit: { name: 'Ban Dân vận Huyện ủy Long Mỹ' },
    });
    expect(modelCounts.summary).toBe('6 mô hình "Dân vận khéo" năm 2023, trong đó 3 tiêu biểu, 1 tiêu biểu xuất sắc.');
    expect(modelCounts.byRecognition).toEqual([
      { recognition: 'REGISTERED', count: 2 },
      { recognition: 'TYPICAL', count: 3 },
      { recognition: 'EXCELLENT', count: 1 },
    ]);
    expect(modelCounts.byLevel).toEqual([
      { level: 'CENTRAL', total: 0, registered: 0, typical: 0, excellent: 0 },
      { level: 'PROVINCE', total: 0, registered: 0, typical: 0, excellent: 0 },
      { level: 'DISTRICT', total: 2, registered: 1, typical: 1, excellent: 0 },
      { level: 'COMMUNE', total: 4, registered: 1, typical: 2, excellent: 1 },
    ]);
    expect(modelCounts.byField).toEqual([
      { field: 'ECONOMY', total: 3, registered: 1, typical: 2, excellent: 0 },
      { field: 'CULTURE_SOCIETY', total: 1, registered: 0, typical: 1, excellent: 0 },
      { field: 'DEFENCE_SECURITY', total: 1, registered: 1, typical: 0, excellent: 0 },
      { field: 'POLITICAL_SYSTEM', total: 1, registered: 0, typical: 0, excellent: 1 },
    ]);
    // 2024: D ended in 2023, H began; F's recognition of January 2024 counts; H was stepped down again.
    const next = (await gql<Counts>(viewer, COUNTS, { u: longMy.id, y: 2024 })).modelCounts;
    expect([next.total, next.registered, next.typical, next.excellent]).toEqual([6, 2, 4, 0]);
    // One commune only; and the province as a whole also holds Châu Thành A's and Vị Thanh's models.
    expect((await gql<Counts>(viewer, COUNTS, { u: xaB.id, y: 2023 })).modelCounts.total).toBe(2);
    expect((await gql<Counts>(secretariat, COUNTS, { y: 2023 })).modelCounts.total).toBe(6 + 3);
    // Outside the caller's subtree, the unit does not exist for it.
    expect((await gqlError(chauThanhOfficer, COUNTS, { u: longMy.id, y: 2023 })).extensions?.code).toBe('NOT_FOUND');
    expect((await gqlError(viewer, COUNTS, { u: longMy.id, y: 1800 })).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reproduces "1.432 mô hình" for a province subtree, counted in SQL', async () => {
    const root = await server.factory.unit({ name: 'Tỉnh ủy Hậu Giang', kind: 'PARTY_COMMITTEE', adminAreaCode: '93' });
    const district = await server.factory.unit({ parent: root, name: 'Huyện ủy Châu Thành', kind: 'PARTY_COMMITTEE', level: 'DISTRICT' });
    const commune = await server.factory.unit({
      parent: district,
      name: 'Đảng ủy xã Đông Phước',
      kind: 'PARTY_COMMITTEE',
      level: 'COMMUNE',
    });
    const db = server.database.manager;
    // 32 provincial, 200 district and 1,200 commune models, spread over the four fields.
    await db.query(
      `INSERT INTO model_practice (name, owner_unit_id, holder_kind, field, level, first_year)
       SELECT 'Mô hình số ' || g, CASE WHEN g <= 32 THEN $1::uuid WHEN g <= 232 THEN $2::uuid ELSE $3::uuid END, 'COLLECTIVE',
              (ARRAY['ECONOMY','CULTURE_SOCIETY','DEFENCE_SECURITY','POLITICAL_SYSTEM'])[1 + g % 4],
              CASE WHEN g <= 32 THEN 'PROVINCE' WHEN g <= 232 THEN 'DISTRICT' ELSE 'COMMUNE' END, 2023
       FROM generate_series(1, 1432) AS g`,
      [root.id, district.id, commune.id],
    );
    // 106 recognised typical and 9 excellent in 2023.
    await db.query(
      `WITH picked AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM model_practice WHERE owner_unit_id IN ($1, $2, $3))
       INSERT INTO model_recognition (model_id, from_recognition, to_recognition, recognised_on, recorded_by)
       SELECT id, 'REGISTERED', CASE WHEN n <= 9 THEN 'EXCELLENT' ELSE 'TYPICAL' END, '2023-12-15', 'test' FROM picked WHERE n <= 115`,
      [root.id, district.id, commune.id],
    );
    const { modelCounts } = await gql<{
      modelCounts: { total: number; typical: number; excellent: number; summary: string; byLevel: Array<{ level: string; total: number }> };
    }>(server, `query($u: ID) { modelCounts(withinUnitId: $u, year: 2023) { total typical excellent summary byLevel { level total } } }`, {
      u: root.id,
    });
    expect(modelCounts).toMatchObject({ total: 1432, typical: 106, excellent: 9 });
    expect(modelCounts.summary).toBe('1.432 mô hình "Dân vận khéo" năm 2023, trong đó 106 tiêu biểu, 9 tiêu biểu xuất sắc.');
    expect(modelCounts.byLevel.map((l) => l.total)).toEqual([0, 32, 200, 1200]);
    // Counted once per change: asked again, the same counts come from the cache (no counting statement) …
    const countingStatements = () => server.database.statements.recent.filter((s) => s.query.includes('GROUPING SETS')).length;
    const total = async () =>
      (
        await gql<{ modelCounts: { total: number } }>(server, `query($u: ID) { modelCounts(withinUnitId: $u, year: 2023) { total } }`, {
          u: root.id,
        })
      ).modelCounts.total;
    server.database.statements.reset();
    expect(await total()).toBe(1432);
    expect(countingStatements()).toBe(0);
    // … until a model changes (a trigger bumps the generation): then it is one statement again, whatever the number of models.
    await db.query(
      `INSERT INTO model_practice (name, owner_unit_id, holder_kind, field, level, first_year) VALUES ('Mô hình thêm', $1, 'COLLECTIVE', 'ECONOMY', 'COMMUNE', 2023)`,
      [commune.id],
    );
    server.database.statements.reset();
    expect(await total()).toBe(1433);
    expect(countingStatements()).toBe(1);
    // A unit moved out of the subtree takes its models with it.
    const other = await server.factory.unit({ name: 'Tỉnh ủy khác', kind: 'PARTY_COMMITTEE', adminAreaCode: '94' });
    const movedDistrict = await server.rest<{ version: number }>('GET', `/api/v1/units/${district.id}`);
    expect(
      (
        await server.rest(
          'PATCH',
          `/api/v1/units/${district.id}`,
          { parentId: other.id },
          { 'if-match': `"${movedDistrict.body.version}"` },
        )
      ).status,
    ).toBe(200);
    expect(await total()).toBe(32);
  });

  it('lists a page of models with their history and awards in a number of statements that does not grow with the page', async () => {
    const statementsFor = async (pageSize: number): Promise<number> => {
      server.database.statements.reset();
      const { models } = await gql<{ models: { items: unknown[] } }>(
        viewer,
        `query($n: Int) { models(options: { pageSize: $n, filter: { withinUnitId: "${longMy.id}" } }) { items { ${MODEL_FIELDS} } } }`,
        { n: pageSize },
      );
      expect(models.items).toHaveLength(pageSize);
      return server.database.statements.statements;
    };
    expect(await statementsFor(8)).toBe(await statementsFor(2));
  });

  it('searches without diacritics through the trigram index on the normalised name', async () => {
    server.database.statements.reset();
    // As the administrator: a scoped caller's subtree range may be the more selective index.
    const found = await server.rest<{ items: Array<{ name: string }> }>('GET', '/api/v1/models?q=co%20giao%20dan%20van');
    expect(found.body.items.map((m) => m.name)).toEqual(['LM6 Cô giáo dân vận']);
    const list = server.database.statements.recent.find((s) => s.query.includes('OFFSET') && s.query.includes('model_practice'));
    if (!list) throw new Error('no list statement recorded');
    const plan = await server.database.dataSource.transaction(async (manager) => {
      // On a table this small the planner may prefer walking another btree in the sort order (the relevance order
      // makes that cheap to estimate): without sequential and plain index scans, only an index that serves the
      // search condition itself can be used, which is what this test asks.
      await manager.query('SET LOCAL enable_seqscan = off');
      await manager.query('SET LOCAL enable_indexscan = off');
      const rows = (await manager.query(`EXPLAIN ${list.query}`, list.parameters)) as Array<{ 'QUERY PLAN': string }>;
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('model_practice_search_trgm_idx');
  });

  it('exports the filtered register as a printable workbook with Vietnamese headers', async () => {
    const response = await server.fetch(`/api/v1/models/export.xlsx?withinUnitId=${longMy.id}&year=2023&sort=name`, {
      headers: { authorization: `Bearer ${secretariat.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="mo-hinh-dan-van-kheo-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Mô hình Dân vận khéo');
    expect(sheet).toBeDefined();
    const rows: string[][] = [];
    let headerRowNumber = 0;
    sheet?.eachRow((row, number) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
      if (rows[rows.length - 1][0] === 'STT') headerRowNumber = number;
    });
    expect(rows[0][0]).toBe('DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO"');
    expect(rows[1][0]).toBe('Thuộc cây của: Ban Dân vận Huyện ủy Long Mỹ');
    expect(rows[2][0]).toBe('Đang thực hiện trong năm 2023');
    expect(rows[3][0]).toMatch(/^Xuất ngày \d{2}\/\d{2}\/\d{4}: 6 mô hình\.$/);
    const headerIndex = rows.findIndex((r) => r[0] === 'STT');
    expect(rows[headerIndex]).toEqual([
      'STT',
      'Tên mô hình',
      'Đơn vị',
      'Tập thể/cá nhân',
      'Lĩnh vực',
      'Cấp',
      'Năm',
      'Mức công nhận',
      'Ngày công nhận',
      'Văn bản công nhận',
      'Kết quả',
      'Khen thưởng',
    ]);
    const body = rows.slice(headerIndex + 1);
    expect(body.map((r) => r[1])).toEqual([
      'LM1 Hiến đất làm đường giao thông',
      'LM2 Xây dựng nông thôn mới',
      'LM3 Tổ tự quản đường hoa',
      'LM4 Đối thoại với nhân dân',
      'LM5 Camera an ninh',
      'LM6 Cô giáo dân vận',
    ]);
    expect(body[0]).toEqual([
      '1',
      'LM1 Hiến đất làm đường giao thông',
      'Ban Dân vận Huyện ủy Long Mỹ',
      'Tập thể',
      'Kinh tế',
      'Huyện',
      'Từ 2023',
      'Tiêu biểu',
      '20/11/2023',
      '125-QĐ/BDVTU',
      'Đất hiến làm đường: 4.685 m²',
      'Bằng khen cấp bộ, cấp ban, cấp ngành, cấp tỉnh năm 2024',
    ]);
    expect(body[3].slice(3, 8)).toEqual(['Tập thể', 'Xây dựng hệ thống chính trị', 'Xã', '2021–2023', 'Tiêu biểu xuất sắc']);
    expect(body[5][3]).toBe('Cá nhân: Trần Thị Mai');
    expect(sheet?.pageSetup.orientation).toBe('landscape');
    expect(sheet?.pageSetup.printTitlesRow).toBe(`${headerRowNumber}:${headerRowNumber}`);

    const invalid = await secretariat.rest<ProblemDetails>('GET', '/api/v1/models/export.xlsx?field=AGRICULTURE&pageSize=5');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((e) => e.field).sort()).toEqual(['field', 'pageSize']);
    expect((await outsider.rest('GET', `/api/v1/models/export.xlsx?withinUnitId=${longMy.id}`)).status).toBe(404);
  });
});

describe('what recognition learns of a pledge is what the caller may see of it', () => {
  it('an issuer below the managing unit, outside the bloc, sees its award but not the pledge: the export naming that pledge is 404', async () => {
    const { pledgeId: hidden } = await writeFinalisedPledge(server.database, {
      ownerUnitId: province.id,
      memberIds: [viThanh.id, longMy.id],
      blocName: 'Khối thi đua các thành ủy, huyện ủy phía Tây',
      title: 'Giao ước thi đua năm 2023 của khối phía Tây',
      signingEvent: 'Hội nghị khối phía Tây năm 2022',
    });
    const { createAward } = await gql<{ createAward: AwardFields }>(secretariat, CREATE_AWARD, {
      input: {
        formId: titles.GIAY_KHEN.id,
        recipientKind: 'COLLECTIVE',
        recipientUnitId: viThanh.id,
        issuerUnitId: phungHiep.id,
        decidedOn: '2024-01-05',
        pledgeId: hidden,
      },
    });
    const phungHiepViewer = await server.signedIn('VIEWER', phungHiep);
    // The award is Phụng Hiệp's (its issuer); the pledge is the province's, signed by Vị Thanh and Long Mỹ.
    const seen = await phungHiepViewer.rest<{ items: Array<{ id: string }> }>('GET', `/api/v1/awards?pledgeId=${hidden}`);
    expect(seen.body.items.map((a) => a.id)).toEqual([createAward.id]);
    expect((await phungHiepViewer.rest('GET', `/api/v1/pledges/${hidden}`)).status).toBe(404);
    const exported = await server.fetch(`/api/v1/awards/export.xlsx?pledgeId=${hidden}`, {
      headers: { authorization: `Bearer ${phungHiepViewer.token}` },
    });
    expect(exported.status).toBe(404);
    expect(await exported.text()).not.toContain('khối phía Tây');
    // The managing unit's subtree and a member's see the pledge, and their export names it.
    for (const client of [secretariat, await server.signedIn('VIEWER', viThanh)]) {
      const named = await server.fetch(`/api/v1/awards/export.xlsx?pledgeId=${hidden}`, {
        headers: { authorization: `Bearer ${client.token}` },
      });
      expect(named.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await named.arrayBuffer());
      const text: string[] = [];
      workbook.worksheets[0].eachRow((row) => text.push((row.values as unknown[]).map((v) => String(v ?? '')).join(' ')));
      expect(text.join('\n')).toContain('Giao ước thi đua: Giao ước thi đua năm 2023 của khối phía Tây');
    }
  });
});

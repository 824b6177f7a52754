import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { SignJWT } from 'jose';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  printSchema,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { APP_CONFIG, type AppConfig } from '@danvan/core';
import type { UnitView } from '@danvan/units';
import { auditEventCount, BONUS_AND_DEDUCTION, CRITERIA_GROUP_I, TestServer, type TestClient } from '@danvan/testing';
import {
  badValuesFor,
  deepArrayText,
  deepObjectText,
  graphqlBase,
  graphqlPlaces,
  openApiBase,
  openApiPlaces,
  printLiteral,
  RAW_MARK,
  resolveSchema,
  sample,
  schemaFacts,
  seededRandom,
  setAt,
  withRaw,
  type BadValue,
  type OpenApiDocument,
  type OpenApiSchema,
  type Path,
} from './fuzz-inputs.js';

/**
 * Fuzz test of issue 8: every REST operation and every GraphQL field with
 * arguments, taken from the server's own live OpenAPI document and schema
 * (so a new route is covered by being published), sent classes of bad input:
 * NUL, lone surrogates, JSON nested 10,000 deep, impossible dates, huge
 * strings and numbers, wrong JSON types, unknown fields, empty and malformed
 * bodies, wrong content types, repeated query parameters, bad path ids,
 * If-Match values and tokens, GraphQL variables of the wrong type, inline
 * literals and fragments. For every request: no 5xx, no INTERNAL_SERVER_ERROR,
 * no success for what must be refused, and no audit event unless it succeeded;
 * after each class, the records are unchanged unless something was accepted.
 * Failures are collected and reported together, grouped.
 *
 * Sampling is seeded (FUZZ_SEED, printed on failure); FUZZ_PER_CLASS bounds
 * the places tried per operation and class.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20250808);
const PER_CLASS = Number(process.env.FUZZ_PER_CLASS ?? 10);
const OTHER_CALLER_RATE = 0.1;
const random = seededRandom(SEED);

type CallerName = 'admin' | 'organisation' | 'anonymous' | 'bad-token';

interface Probe {
  target: string;
  cls: string;
  detail: string;
  mustRefuse: boolean;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The GraphQL root field, whose non-null data means the operation succeeded. */
  graphqlField?: string;
}

interface Failure {
  /** `accepted`: a success (and whatever it wrote) for a value that must be refused; `audit changed`: a refusal that wrote an audit event. */
  problem: '5xx' | 'INTERNAL_SERVER_ERROR' | 'accepted' | 'audit changed' | 'records changed' | 'no answer';
  caller: CallerName;
  target: string;
  cls: string;
  detail: string;
  status: number;
  excerpt: string;
}

let server: TestServer;
let organisation: TestClient;
let openApi: OpenApiDocument;
let schema: GraphQLSchema;
let bodyLimit: number;
const fixtures: Record<string, string> = {};
const failures: Failure[] = [];
/** Uncertain values the server accepted (a long but allowed string …): not failures, reported for information. */
const accepted: string[] = [];
let requestCount = 0;
let auditCount = 0;
let acceptedInClass = 0;

const tokens: Record<CallerName, string | null> = { admin: null, organisation: null, anonymous: null, 'bad-token': null };

const countAudit = () => auditEventCount(server.database);

/** A digest of every table but the trail and the rate-limit counters: "the records are unchanged". */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = (await server.database.manager.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('audit_event', 'rate_limit_counter', 'schema_migration') AND table_name NOT LIKE 'rate_limit%' ORDER BY 1`,
  )) as Array<{ name: string }>;
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = (await server.database.manager.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name}" t`,
    )) as Array<{ n: number; h: string }>;
    digest[name] = `${row.n}:${row.h}`;
  }
  return digest;
}

function excerptOf(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 240);
}

/** Sends one probe as one caller and records what is wrong with the answer. */
async function send(probe: Probe, caller: CallerName, token = tokens[caller]): Promise<void> {
  requestCount++;
  const headers: Record<string, string> = { ...(token ? { authorization: token } : {}), ...probe.headers };
  let status = 0;
  let text = '';
  try {
    const response = await fetch(`${server.baseUrl}${probe.path}`, { method: probe.method, headers, body: probe.body });
    status = response.status;
    text = await response.text();
  } catch (error) {
    failures.push({
      problem: 'no answer',
      caller,
      target: probe.target,
      cls: probe.cls,
      detail: probe.detail,
      status: 0,
      excerpt: String(error),
    });
    return;
  }
  const record = (problem: Failure['problem']) =>
    failures.push({ problem, caller, target: probe.target, cls: probe.cls, detail: probe.detail, status, excerpt: excerptOf(text) });
  let succeeded = status >= 200 && status < 300;
  if (status >= 500) record('5xx');
  if (probe.graphqlField !== undefined) {
    let parsed: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> } = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      /* a non-JSON answer is judged by its status */
    }
    if (parsed.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) record('INTERNAL_SERVER_ERROR');
    succeeded = succeeded && !parsed.errors?.length && parsed.data?.[probe.graphqlField] != null;
  }
  const audit = await countAudit();
  const written = audit - auditCount;
  auditCount = audit;
  if (succeeded) acceptedInClass++;
  if (succeeded && probe.mustRefuse) record('accepted');
  else if (written && !succeeded) record('audit changed');
  else if (succeeded && written) accepted.push(`${caller} ${probe.target} ${probe.cls} ${probe.detail} → ${status}`);
}

/** Sends as the administrator and, for a seeded sample, as an organisation officer and anonymously. */
async function sendAll(probe: Probe): Promise<void> {
  await send(probe, 'admin');
  if (random() < OTHER_CALLER_RATE) await send(probe, 'organisation');
  if (random() < OTHER_CALLER_RATE) await send(probe, 'anonymous');
}

/** Runs one class of probes, then checks that no record changed unless something was accepted. */
async function runClass(name: string, probes: Probe[]): Promise<void> {
  // A class that generates nothing would pass without sending a request.
  if (!probes.length) throw new Error(`class ${name}: no probes generated`);
  const before = await fingerprint();
  acceptedInClass = 0;
  for (const probe of probes) await sendAll(probe);
  const after = await fingerprint();
  const changed = Object.keys(after).filter((t) => before[t] !== after[t]);
  if (changed.length && !acceptedInClass) {
    failures.push({
      problem: 'records changed',
      caller: 'admin',
      target: `class ${name}`,
      cls: name,
      detail: `tables ${changed.join(', ')}`,
      status: 0,
      excerpt: '',
    });
  }
}

/** Fails once with every failure, grouped by problem, class and target (values of one place counted together). */
function report(scope: string): void {
  const mine = failures.splice(0);
  if (!mine.length) return;
  const groups = new Map<string, { count: number; callers: Set<string>; statuses: Set<number>; details: Set<string>; excerpt: string }>();
  for (const f of mine) {
    const key = `${f.problem} | ${f.cls} | ${f.target}`;
    const group = groups.get(key) ?? { count: 0, callers: new Set(), statuses: new Set(), details: new Set(), excerpt: f.excerpt };
    group.count++;
    group.callers.add(f.caller);
    group.statuses.add(f.status);
    group.details.add(f.detail);
    groups.set(key, group);
  }
  const lines = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([key, g]) =>
        `${key} ×${g.count} [${[...g.callers].join(',')}] status ${[...g.statuses].join(',')}\n    at: ${[...g.details].slice(0, 8).join('; ')}${g.details.size > 8 ? ` (+${g.details.size - 8})` : ''}\n    ${g.excerpt}`,
    );
  throw new Error(`${scope}: ${mine.length} failing requests in ${groups.size} groups (FUZZ_SEED=${SEED}):\n${lines.join('\n')}`);
}

// ------------------------------------------------------------------ fixtures

/** The fixture a named id place refers to, so bad input reaches validation and the rules rather than a 404. */
function idFor(name: string, context = ''): string {
  const n = name === 'id' ? context.toLowerCase() : name.toLowerCase();
  const pick = (key: string) => fixtures[key];
  if (n.includes('evidence')) return pick('evidence');
  if (n.includes('awardtitle') || n === 'titleid' || n.includes('formid') || n.includes('award-title')) return pick('awardTitle');
  if (n.includes('award')) return pick('award');
  if (n.includes('document') || n.includes('legalbasis')) return pick('document');
  if (n.includes('pledge')) return pick('pledge');
  if (n.includes('bloc')) return pick('spareBloc');
  if (n.includes('movement')) return pick('movement');
  if (n.includes('model')) return pick('model');
  if (n.includes('apikey') || n.includes('api-key')) return pick('apiKey');
  if (n.includes('account') || n.includes('actor')) return pick('account');
  if (/^(unitid|signatoryids?|memberids?|recipientunitid|headunitid|signatoryunitid)$/.test(n)) return pick('district');
  if (n.includes('deputy')) return pick('district2');
  if (
    n.includes('unit') ||
    n.includes('parent') ||
    n.includes('successor') ||
    n.includes('issuer') ||
    n.includes('launched') ||
    n.includes('within') ||
    n.includes('owner')
  )
    return pick('province');
  return randomUUID();
}

/** The current version of the record an id names (0 when it is no versioned fixture). */
async function versionOf(id: string): Promise<number> {
  for (const table of [
    'unit',
    'document',
    'pledge',
    'model_practice',
    'award',
    'account',
    'award_title',
    'emulation_bloc',
    'emulation_movement',
  ]) {
    const rows = (await server.database.manager
      .query(`SELECT version FROM "${table}" WHERE id::text = $1`, [id])
      .catch(() => [])) as Array<{ version: number }>;
    if (rows.length) return rows[0].version;
  }
  return 0;
}

async function sheetVersion(): Promise<number> {
  const [row] = (await server.database.manager.query(`SELECT version FROM score_sheet WHERE pledge_id = $1 AND unit_id = $2`, [
    fixtures.pledge,
    fixtures.district,
  ])) as Array<{ version: number }>;
  return row?.version ?? 0;
}

async function gqlOk<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const { data, errors } = await server.graphql<T>(query, variables);
  if (errors) throw new Error(`fixture: ${JSON.stringify(errors)}`);
  return data as T;
}

const criteria = {
  groups: [CRITERIA_GROUP_I],
  ...BONUS_AND_DEDUCTION,
  bands: [
    { name: 'Tốt', minScore: 30 },
    { name: 'Chưa đạt', minScore: 0 },
  ],
};

async function createFixtures(): Promise<void> {
  const province: UnitView = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Bình Phước', adminAreaCode: '70' });
  const district = await server.factory.unit({ parent: province, name: 'Ban Dân vận Huyện ủy Phú Riềng', level: 'DISTRICT' });
  const district2 = await server.factory.unit({ parent: province, name: 'Ban Dân vận Thành ủy Đồng Xoài', level: 'DISTRICT' });
  await server.factory.unit({ parent: district, name: 'Đảng ủy xã Phú Trung', kind: 'PARTY_COMMITTEE', level: 'COMMUNE' });
  Object.assign(fixtures, { province: province.id, district: district.id, district2: district2.id, unit: province.id });
  const officer = await server.signedIn('ORGANISATION', district);
  organisation = officer;

  const document = await server.rest<{ id: string }>('POST', '/api/v1/documents', {
    number: '151-KH/BDVTU',
    issuedOn: '2023-12-21',
    title: 'Kế hoạch tổng kết công tác dân vận',
    ownerUnitId: province.id,
  });
  if (document.status !== 201) throw new Error(`fixture document: ${JSON.stringify(document.body)}`);
  fixtures.document = document.body.id;
  const { createMovement } = await gqlOk<{ createMovement: { id: string } }>(
    `mutation($input: CreateMovementInput!) { createMovement(input: $input) { id } }`,
    {
      input: {
        name: 'Phong trào thi đua "Dân vận khéo"',
        kind: 'REGULAR',
        launchedByUnitId: province.id,
        startsOn: '2024-01-01',
        legalBasisIds: [fixtures.document],
      },
    },
  );
  fixtures.movement = createMovement.id;
  const bloc = { year: 2024, ownerUnitId: province.id, movementId: createMovement.id, memberIds: [district.id, district2.id] };
  const { createBloc } = await gqlOk<{ createBloc: { id: string } }>(
    `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`,
    { input: { ...bloc, name: 'Khối các huyện' } },
  );
  // A bloc without a pledge: createPledge and updateBloc reach their rules with it.
  const spare = await gqlOk<{ createBloc: { id: string } }>(`mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`, {
    input: { ...bloc, name: 'Khối dự phòng' },
  });
  fixtures.spareBloc = spare.createBloc.id;
  const { createPledge } = await gqlOk<{ createPledge: { id: string } }>(
    `mutation($input: CreatePledgeInput!) { createPledge(input: $input) { id } }`,
    {
      input: { blocId: createBloc.id, title: 'Giao ước thi đua năm 2024', criteria, documentIds: [fixtures.document] },
    },
  );
  fixtures.pledge = createPledge.id;
  await gqlOk(
    `mutation($id: ID!, $v: Int!) { signPledge(id: $id, expectedVersion: $v, input: { signedOn: "2024-01-12", signingEvent: "Hội nghị tổng kết" }) { id } }`,
    { id: fixtures.pledge, v: await versionOf(fixtures.pledge) },
  );
  const advance = async (to: string) =>
    gqlOk(`mutation($id: ID!, $v: Int!) { advancePledge(id: $id, expectedVersion: $v, to: ${to}) { id } }`, {
      id: fixtures.pledge,
      v: await versionOf(fixtures.pledge),
    });
  await advance('REGISTRATION_OPEN');
  for (const unit of [district, district2]) {
    const r = await server.rest('PUT', `/api/v1/pledges/${fixtures.pledge}/registrations/${unit.id}`, {
      targets: [{ title: 'Xây dựng mô hình Dân vận khéo' }],
      breakthroughTasks: [],
    });
    if (r.status !== 200) throw new Error(`fixture registration: ${JSON.stringify(r.body)}`);
  }
  await advance('SCORING_OPEN');
  const sheetPath = `/api/v1/pledges/${fixtures.pledge}/score-sheets/${district.id}`;
  const scored = await officer.rest('PUT', sheetPath, { scores: [{ itemCode: '1.a', score: 10 }] });
  if (scored.status !== 200) throw new Error(`fixture score sheet: ${JSON.stringify(scored.body)}`);
  const evidence = await officer.rest<{ lines: Array<{ evidence: Array<{ id: string }> }> }>(
    'POST',
    `${sheetPath}/evidence?itemCode=1.a&filename=bien-ban.pdf`,
    '%PDF-1.4 fuzz',
    { 'content-type': 'application/pdf' },
  );
  if (evidence.status >= 300) throw new Error(`fixture evidence: ${JSON.stringify(evidence.body)}`);
  const [file] = (await server.database.manager.query(`SELECT id FROM evidence_file LIMIT 1`)) as Array<{ id: string }>;
  fixtures.evidence = file.id;

  const model = await server.rest<{ id: string }>('POST', '/api/v1/models', {
    name: 'Vận động nhân dân hiến đất làm đường',
    ownerUnitId: district.id,
    holderKind: 'COLLECTIVE',
    field: 'ECONOMY',
    firstYear: 2023,
    results: [{ indicator: 'Đất hiến làm đường', value: 4685, unit: 'm²' }],
    evidence: [{ description: 'Báo cáo sơ kết' }],
  });
  if (model.status !== 201) throw new Error(`fixture model: ${JSON.stringify(model.body)}`);
  fixtures.model = model.body.id;
  const { awardTitles } = await gqlOk<{ awardTitles: Array<{ id: string; recipients: string; ranked: boolean }> }>(
    `{ awardTitles { id recipients ranked } }`,
    {},
  );
  const title = awardTitles.find((t) => t.recipients !== 'INDIVIDUAL' && !t.ranked) as { id: string };
  fixtures.awardTitle = title.id;
  const { createAward } = await gqlOk<{ createAward: { id: string } }>(
    `mutation($input: CreateAwardInput!) { createAward(input: $input) { id } }`,
    {
      input: {
        awardTitleId: title.id,
        recipientKind: 'COLLECTIVE',
        recipientUnitId: district.id,
        issuerUnitId: province.id,
        decidedOn: '2024-01-03',
        decisionDocumentId: fixtures.document,
        year: 2023,
      },
    },
  );
  fixtures.award = createAward.id;
  const { createAccount } = await gqlOk<{ createAccount: { account: { id: string } } }>(
    `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }`,
    {
      input: { username: 'fuzz_viewer', displayName: 'Người xem', role: 'VIEWER', unitId: district.id },
    },
  );
  fixtures.account = createAccount.account.id;
  const { createApiKey } = await gqlOk<{ createApiKey: { apiKey: { id: string } } }>(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
    {
      input: { name: 'Phần mềm thử', unitId: province.id, scopes: ['units:read'] },
    },
  );
  fixtures.apiKey = createApiKey.apiKey.id;
}

// ------------------------------------------------------------------ REST

interface RestOperation {
  method: string;
  template: string;
  target: string;
  pathParams: string[];
  query: Array<{ name: string; schema: OpenApiSchema; required: boolean }>;
  body?: { contentType: string; schema: OpenApiSchema };
  secured: boolean;
  ifMatch: boolean;
}

function restOperations(): RestOperation[] {
  const operations: RestOperation[] = [];
  for (const [template, methods] of Object.entries(openApi.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      const [contentType, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      operations.push({
        method: method.toUpperCase(),
        template,
        target: `${method.toUpperCase()} ${template}`,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: resolveSchema(openApi, p.schema ?? { type: 'string' }), required: !!p.required })),
        body: contentType ? { contentType, schema: content.schema } : undefined,
        // `security: [{}]` declares a public route (no credentials needed).
        secured: !!op.security?.some((requirement) => Object.keys(requirement as object).length > 0),
        ifMatch: parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'),
      });
    }
  }
  return operations;
}

/** The segment before a path parameter names what it refers to (`/units/{id}` → a unit). */
function pathWith(op: RestOperation, override: Record<string, string> = {}): string {
  return op.template.replace(
    /\/([^/]+)\/\{(\w+)\}/g,
    (_, segment: string, param: string) => `/${segment}/${override[param] ?? (param === 'id' ? idFor('id', segment) : idFor(param))}`,
  );
}

function isJsonBody(op: RestOperation): boolean {
  return op.body?.contentType === 'application/json';
}

async function restHeaders(op: RestOperation): Promise<Record<string, string>> {
  if (!op.ifMatch) return {};
  if (op.template.includes('score-sheets')) return { 'if-match': `"${await sheetVersion()}"` };
  const id = /\{id\}/.test(op.template) ? idFor('id', op.template.split('/')[3]) : '';
  const version = id ? await versionOf(id) : 0;
  // A DELETE is sent a stale version: its fixtures must survive every class.
  return { 'if-match': op.method === 'DELETE' ? '"999"' : `"${version || 1}"` };
}

function restBase(op: RestOperation): unknown {
  return op.body ? openApiBase(openApi, op.body.schema, '', (name) => idFor(name)) : undefined;
}

function baseBodyText(op: RestOperation): string | Buffer | undefined {
  if (!op.body) return undefined;
  if (!isJsonBody(op)) return Buffer.from('%PDF-1.4 fuzz');
  return JSON.stringify(restBase(op));
}

function contentHeaders(op: RestOperation): Record<string, string> {
  return op.body ? { 'content-type': op.body.contentType } : {};
}

function baseQuery(op: RestOperation): URLSearchParams {
  const query = new URLSearchParams();
  for (const p of op.query)
    if (p.required || p.name === 'itemCode' || p.name === 'filename')
      query.set(p.name, p.name === 'filename' ? 'bien-ban.pdf' : String(openApiBase(openApi, p.schema, p.name, (n) => idFor(n))));
  return query;
}

function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

/** Bad values in every place of every JSON body, one place at a time. */
async function restBodyProbes(cls: string): Promise<Probe[]> {
  const probes: Probe[] = [];
  for (const op of restOperations()) {
    if (!op.body || !isJsonBody(op)) continue;
    const base = restBase(op);
    const places = openApiPlaces(openApi, op.body.schema);
    const candidates: Array<{ path: Path; bad: BadValue }> = [];
    for (const place of places) {
      if (place.path.length === 0 && cls !== 'deep-nesting') continue;
      for (const bad of badValuesFor(place.facts)) if (bad.cls === cls) candidates.push({ path: place.path, bad });
    }
    if (cls === 'unknown-field') {
      for (const place of places)
        if (place.facts.kind === 'object')
          candidates.push({ path: [...place.path, 'zzUnknownField'], bad: { cls, label: 'unknown field', value: 1, mustRefuse: true } });
    }
    const headers = { ...contentHeaders(op), ...(await restHeaders(op)) };
    for (const { path, bad } of sample(random, candidates, PER_CLASS)) {
      const json = JSON.stringify(setAt(base, path, bad.value));
      probes.push({
        target: op.target,
        cls,
        detail: `${path.join('.') || '(body)'} = ${bad.label}`,
        mustRefuse: bad.mustRefuse,
        method: op.method,
        path: withQuery(pathWith(op), baseQuery(op).toString()),
        headers,
        body: bad.value === RAW_MARK ? withRaw(json, deepArrayText) : json,
      });
    }
  }
  return probes;
}

/** Whole bodies that are not what the route reads: deep, malformed, empty, of the wrong type, near and over the limit. */
async function restRawBodyProbes(): Promise<Probe[]> {
  const probes: Probe[] = [];
  for (const op of restOperations().filter((o) => o.body || o.method === 'DELETE' || o.method === 'POST')) {
    // Where the body is not the contract (DELETE, a POST without one), the path names nothing, so a body that is ignored changes nothing.
    const path = op.body
      ? withQuery(pathWith(op), baseQuery(op).toString())
      : pathWith(op, Object.fromEntries(op.pathParams.map((p) => [p, randomUUID()])));
    const headers = op.body ? await restHeaders(op) : op.ifMatch ? { 'if-match': '"999"' } : {};
    const json = { 'content-type': 'application/json' };
    const probe = (detail: string, body: string | undefined, extra: Record<string, string>, mustRefuse = true): Probe => ({
      target: op.target,
      cls: 'raw-body',
      detail,
      mustRefuse: mustRefuse && !!op.body,
      method: op.method,
      path,
      headers: { ...headers, ...extra },
      body,
    });
    probes.push(probe(`array ${deepArrayText.length / 2} deep`, deepArrayText, json));
    probes.push(probe('object 10000 deep', deepObjectText, json));
    probes.push(probe('malformed JSON', '{"a": ', json));
    probes.push(probe('empty body with JSON content-type', '', json));
    probes.push(probe('JSON null', 'null', json));
    probes.push(probe('JSON string', '"x"', json));
    probes.push(probe('JSON number', '12', json));
    probes.push(
      probe('text/plain', typeof baseBodyText(op) === 'string' ? (baseBodyText(op) as string) : '{}', { 'content-type': 'text/plain' }),
    );
    probes.push(probe('form-urlencoded', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' }));
    probes.push(probe('bad content-type', '{}', { 'content-type': 'application/json; charset=utf-7' }, !!op.body));
    if (op.body && isJsonBody(op)) {
      probes.push(probe('array for the body object', `[${baseBodyText(op) as string}]`, json));
      const stringPlace = openApiPlaces(openApi, op.body.schema).find((p) => p.facts.kind === 'string' && p.path.length === 1);
      if (stringPlace) {
        const near = JSON.stringify(setAt(restBase(op), stringPlace.path, 'x'.repeat(bodyLimit - 2048)));
        probes.push(
          probe(
            `body near the limit (${near.length} bytes in ${stringPlace.path.join('.')})`,
            near,
            json,
            stringPlace.facts.maxLength !== undefined,
          ),
        );
        probes.push(probe('body over the limit', JSON.stringify(setAt(restBase(op), stringPlace.path, 'x'.repeat(bodyLimit + 16))), json));
      }
    }
  }
  return probes;
}

/** Bad values in every query parameter of every operation (lists, exports, evidence), one at a time. */
function restQueryProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const op of restOperations().filter((o) => o.query.length)) {
    const candidates: Array<{ detail: string; query: string; mustRefuse: boolean; cls: string }> = [];
    const base = baseQuery(op);
    const encode = (params: URLSearchParams, raw: string) => [params.toString(), raw].filter(Boolean).join('&');
    for (const p of op.query) {
      const rest = new URLSearchParams(base);
      rest.delete(p.name);
      const facts = {
        ...schemaFacts(p.schema.type === 'array' && p.schema.items ? resolveSchema(openApi, p.schema.items) : p.schema, p.name, false),
        required: false,
      };
      const raw = (value: string) => encode(rest, `${p.name}=${value}`);
      candidates.push({ cls: 'nul', detail: `${p.name}=a%00b`, query: raw('a%00b'), mustRefuse: true });
      candidates.push({ cls: 'nul', detail: `${p.name}=%00`, query: raw('%00'), mustRefuse: true });
      candidates.push({
        cls: 'invalid-utf8',
        detail: `${p.name}=%ED%A0%80 (a surrogate in UTF-8)`,
        query: raw('%ED%A0%80'),
        mustRefuse: false,
      });
      candidates.push({ cls: 'invalid-utf8', detail: `${p.name}=%FF`, query: raw('%FF'), mustRefuse: false });
      candidates.push({
        cls: 'huge-string',
        detail: `${p.name}= 8000 characters`,
        query: raw('x'.repeat(8000)),
        mustRefuse: facts.kind !== 'string',
      });
      candidates.push({
        cls: 'repeated-query',
        detail: `${p.name} twice`,
        query: encode(
          base,
          `${p.name}=${encodeURIComponent(String(openApiBase(openApi, p.schema, p.name, (n) => idFor(n))))}&${p.name}=${encodeURIComponent(String(openApiBase(openApi, p.schema, p.name, (n) => idFor(n))))}`,
        ),
        mustRefuse: false,
      });
      candidates.push({
        cls: 'wrong-type',
        detail: `${p.name}[]=x (bracket array)`,
        query: encode(rest, `${p.name}[]=x`),
        mustRefuse: true,
      });
      if (facts.kind === 'date' || facts.kind === 'date-time')
        for (const d of ['2024-02-30', '0000-01-01', '2024-W01-1'])
          candidates.push({ cls: 'impossible-date', detail: `${p.name}=${d}`, query: raw(d), mustRefuse: true });
      if (facts.kind === 'number' || facts.kind === 'integer') {
        candidates.push({
          cls: 'number',
          detail: `${p.name}=-1`,
          query: raw('-1'),
          mustRefuse: p.schema.minimum !== undefined && p.schema.minimum > -1,
        });
        candidates.push({
          cls: 'number',
          detail: `${p.name}=1.5`,
          query: raw('1.5'),
          mustRefuse: /page|year/i.test(p.name) || facts.kind === 'integer',
        });
        candidates.push({
          cls: 'number',
          detail: `${p.name}=1e308`,
          query: raw('1e308'),
          mustRefuse: p.schema.maximum !== undefined || /page|year/i.test(p.name),
        });
        candidates.push({
          cls: 'number',
          detail: `${p.name}=99999999999999999999`,
          query: raw('99999999999999999999'),
          mustRefuse: p.schema.maximum !== undefined || /page|year/i.test(p.name),
        });
        candidates.push({ cls: 'wrong-type', detail: `${p.name}=abc`, query: raw('abc'), mustRefuse: true });
      }
      if (facts.kind === 'id' || facts.kind === 'enum' || facts.kind === 'boolean')
        candidates.push({ cls: 'wrong-type', detail: `${p.name}=not-valid`, query: raw('not-valid'), mustRefuse: true });
    }
    candidates.push({ cls: 'unknown-field', detail: 'zzUnknown=1', query: encode(base, 'zzUnknown=1'), mustRefuse: true });
    const byClass = new Map<string, typeof candidates>();
    for (const c of candidates) byClass.set(c.cls, [...(byClass.get(c.cls) ?? []), c]);
    for (const [, list] of byClass) {
      for (const c of sample(random, list, PER_CLASS)) {
        probes.push({
          target: op.target,
          cls: c.cls,
          detail: c.detail,
          mustRefuse: c.mustRefuse,
          method: op.method,
          path: withQuery(pathWith(op), c.query),
          headers: contentHeaders(op),
          body: op.method === 'GET' ? undefined : baseBodyText(op),
        });
      }
    }
  }
  return probes;
}

/** Path ids that are not ids, and If-Match values that are not versions. */
async function restPathAndHeaderProbes(): Promise<Probe[]> {
  const probes: Probe[] = [];
  for (const op of restOperations()) {
    const body = baseBodyText(op);
    const headers = { ...contentHeaders(op), ...(await restHeaders(op)) };
    const query = baseQuery(op).toString();
    for (const param of op.pathParams) {
      for (const [label, value] of [
        ['%00', '%00'],
        ['a%00b', 'a%00b'],
        ['%ED%A0%80', '%ED%A0%80'],
        ['not-a-uuid', 'not-a-uuid'],
        ['4000 characters', 'x'.repeat(4000)],
        ['UUID with NUL', `${randomUUID()}%00`],
        ['uppercase braces', `{${randomUUID().toUpperCase()}}`],
      ]) {
        probes.push({
          target: op.target,
          cls: 'path-id',
          detail: `${param} = ${label}`,
          mustRefuse: true,
          method: op.method,
          path: withQuery(pathWith(op, { [param]: value }), query),
          headers,
          body,
        });
      }
    }
    if (headers['if-match']) {
      for (const value of ['"abc"', '"-1"', '"99999999999999999999"', '"1.5"', '*', '"1", "2"', 'W/"1"', '"\u00ff"']) {
        probes.push({
          target: op.target,
          cls: 'if-match',
          detail: `If-Match: ${value}`,
          mustRefuse: value !== 'W/"1"' && value !== '*' && value !== '"1", "2"',
          method: op.method,
          path: withQuery(pathWith(op), query),
          headers: { ...headers, 'if-match': value },
          body,
        });
      }
    }
  }
  return probes;
}

// ------------------------------------------------------------------ GraphQL

interface GraphQLOperation {
  kind: 'mutation' | 'query';
  field: GraphQLField<unknown, unknown>;
  target: string;
}

function graphqlOperations(): GraphQLOperation[] {
  const operations: GraphQLOperation[] = [];
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {}))
    operations.push({ kind: 'mutation', field, target: `Mutation.${field.name}` });
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {}))
    if (field.args.length) operations.push({ kind: 'query', field, target: `Query.${field.name}` });
  return operations;
}

function example(typeName: string, field: string): unknown {
  const component = openApi.components.schemas[typeName];
  const property = component ? resolveSchema(openApi, component).properties?.[field] : undefined;
  return property ? resolveSchema(openApi, property).example : undefined;
}

/** `{ __typename }` for objects (and through the page's items with a fragment), nothing for scalars. */
function selectionOf(op: GraphQLOperation, withFragments: boolean): { selection: string; fragments: string } {
  const named = getNamedType(op.field.type);
  if (!isObjectType(named)) return { selection: '', fragments: '' };
  if (!withFragments) return { selection: ' { __typename }', fragments: '' };
  const items = named.getFields().items;
  const itemType = items ? getNamedType(items.type) : undefined;
  if (itemType && isObjectType(itemType)) {
    return {
      selection: ` { __typename ...Page items { ...Item ... on ${itemType.name} { __typename } } }`,
      fragments: `fragment Page on ${named.name} { __typename } fragment Item on ${itemType.name} { __typename }`,
    };
  }
  return { selection: ` { ...Whole ... on ${named.name} { __typename } }`, fragments: `fragment Whole on ${named.name} { __typename }` };
}

function documentOf(op: GraphQLOperation, withFragments = false): string {
  const vars = op.field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = op.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const { selection, fragments } = selectionOf(op, withFragments);
  return `${op.kind} Fuzz${vars ? `(${vars})` : ''} { __typename r: ${op.field.name}${args ? `(${args})` : ''}${selection} } ${fragments}`;
}

async function graphqlBaseVariables(op: GraphQLOperation): Promise<Record<string, unknown>> {
  const variables: Record<string, unknown> = {};
  const idArg = op.field.args.find((a) => a.name === 'id');
  for (const arg of op.field.args) {
    if (arg.name === 'expectedVersion' || arg.name === 'expectedLineVersion') {
      if (/ScoreSheet|SelfScores|reviewScore/i.test(op.field.name))
        variables[arg.name] = arg.name === 'expectedLineVersion' ? 1 : await sheetVersion();
      else variables[arg.name] = idArg ? (await versionOf(idFor('id', op.field.name))) || 1 : 1;
      continue;
    }
    if (!isNonNullType(arg.type) && !isInputObjectType(arg.type) && arg.name !== 'id') continue;
    variables[arg.name] = arg.name === 'id' ? idFor('id', op.field.name) : graphqlBase(arg.type, arg.name, (n) => idFor(n), example);
  }
  return variables;
}

function bodyOf(query: string, variables: Record<string, unknown>, raw?: string): string {
  const json = JSON.stringify({ query, variables });
  return raw ? withRaw(json, raw) : json;
}

const GRAPHQL_JSON = { 'content-type': 'application/json' };

/** Bad values in every place of every argument, as variables; NUL and surrogates also inline. */
async function graphqlArgumentProbes(cls: string): Promise<Probe[]> {
  const probes: Probe[] = [];
  const resolve = (s: OpenApiSchema) => resolveSchema(openApi, s);
  for (const op of graphqlOperations()) {
    if (!op.field.args.length) continue;
    const base = await graphqlBaseVariables(op);
    const candidates: Array<{ path: Path; bad: BadValue; type: GraphQLInputType }> = [];
    for (const arg of op.field.args) {
      for (const place of graphqlPlaces(arg.type, [arg.name], undefined, resolve, openApi.components.schemas)) {
        for (const bad of badValuesFor(place.facts)) if (bad.cls === cls) candidates.push({ path: place.path, bad, type: place.type });
        if (cls === 'unknown-field' && place.facts.kind === 'object')
          candidates.push({
            path: [...place.path, 'zzUnknownField'],
            bad: { cls, label: 'unknown field', value: 1, mustRefuse: true },
            type: place.type,
          });
      }
    }
    const query = documentOf(op);
    for (const { path, bad } of sample(random, candidates, PER_CLASS)) {
      const variables = setAt(base, path, bad.value) as Record<string, unknown>;
      const detail = `${path.join('.')} = ${bad.label}`;
      probes.push({
        target: op.target,
        cls,
        detail: `${detail} (variables)`,
        mustRefuse: bad.mustRefuse,
        method: 'POST',
        path: '/graphql',
        headers: GRAPHQL_JSON,
        body: bad.value === RAW_MARK ? bodyOf(query, variables, deepArrayText) : bodyOf(query, variables),
        graphqlField: 'r',
      });
      if ((cls === 'nul' || cls === 'lone-surrogate' || cls === 'impossible-date') && typeof bad.value === 'string') {
        const inlineArgs = op.field.args
          .filter((a) => variables[a.name] !== undefined)
          .map((a) => `${a.name}: ${printLiteral(variables[a.name], a.type)}`)
          .join(', ');
        const inline = `${op.kind} { __typename r: ${op.field.name}${inlineArgs ? `(${inlineArgs})` : ''}${selectionOf(op, false).selection} }`;
        probes.push({
          target: op.target,
          cls,
          detail: `${detail} (inline)`,
          mustRefuse: bad.mustRefuse,
          method: 'POST',
          path: '/graphql',
          headers: GRAPHQL_JSON,
          body: JSON.stringify({ query: inline }),
          graphqlField: 'r',
        });
      }
    }
  }
  return probes;
}

/** Valid documents with wrong variables: fragments spread into the lists, undeclared types, deep literals. */
async function graphqlDocumentProbes(): Promise<Probe[]> {
  const probes: Probe[] = [];
  for (const op of graphqlOperations()) {
    const base = await graphqlBaseVariables(op);
    const firstArg = op.field.args[0];
    const probe = (detail: string, body: string, mustRefuse = true): Probe => ({
      target: op.target,
      cls: 'graphql-document',
      detail,
      mustRefuse,
      method: 'POST',
      path: '/graphql',
      headers: GRAPHQL_JSON,
      body,
      graphqlField: 'r',
    });
    const nulPlace = op.field.args
      .flatMap((a) => graphqlPlaces(a.type, [a.name], undefined, (s) => resolveSchema(openApi, s), openApi.components.schemas))
      .find((p) => ['string', 'id'].includes(p.facts.kind));
    if (nulPlace)
      probes.push(
        probe(
          `fragments with NUL in ${nulPlace.path.join('.')}`,
          bodyOf(documentOf(op, true), setAt(base, nulPlace.path, 'Fuzz\u0000x') as Record<string, unknown>),
        ),
      );
    if (op.field.args.length)
      probes.push(
        probe(
          'fragments with every variable an array',
          bodyOf(documentOf(op, true), Object.fromEntries(op.field.args.map((a) => [a.name, [[1]]]))),
        ),
      );
    probes.push(probe('variables as an array', JSON.stringify({ query: documentOf(op), variables: [base] })));
    probes.push(probe('variables as a string', JSON.stringify({ query: documentOf(op), variables: JSON.stringify(base) })));
    probes.push(probe('variables 10000 deep', bodyOf(documentOf(op), { [firstArg?.name ?? 'x']: RAW_MARK }, deepObjectText)));
    if (firstArg) {
      const wrongDeclared = documentOf(op).replace(`$${firstArg.name}: ${String(firstArg.type)}`, `$${firstArg.name}: String`);
      probes.push(probe(`$${firstArg.name} declared String`, bodyOf(wrongDeclared, { ...base, [firstArg.name]: 'x' })));
      const deepLiteral = `${op.kind} { r: ${op.field.name}(${firstArg.name}: ${'['.repeat(10_000)}${']'.repeat(10_000)})${selectionOf(op, false).selection} }`;
      probes.push(probe('list literal 10000 deep', JSON.stringify({ query: deepLiteral })));
      probes.push(
        probe(`${firstArg.name} missing`, bodyOf(documentOf(op), { ...base, [firstArg.name]: undefined }), isNonNullType(firstArg.type)),
      );
    }
  }
  // The transport itself.
  const raw = (
    detail: string,
    body: string | undefined,
    headers: Record<string, string> = GRAPHQL_JSON,
    method = 'POST',
    path = '/graphql',
    mustRefuse = true,
  ): Probe => ({ target: 'POST /graphql', cls: 'graphql-transport', detail, mustRefuse, method, path, headers, body, graphqlField: 'r' });
  probes.push(raw('array 10000 deep', deepArrayText));
  probes.push(raw('object 10000 deep', deepObjectText));
  probes.push(raw('malformed JSON', '{"query": '));
  probes.push(raw('empty body', ''));
  probes.push(raw('query not a string', JSON.stringify({ query: { a: 1 } })));
  probes.push(raw('query with NUL', JSON.stringify({ query: 'mutation { r: deleteUnit(id: "\u0000") { __typename } }' })));
  probes.push(
    raw('query with a lone surrogate', JSON.stringify({ query: '{ r: units(options: { filter: { search: "\ud800" } }) { __typename } }' })),
  );
  probes.push(
    raw(
      'query of 900 kB',
      JSON.stringify({ query: `{ r: units { __typename } } # ${'x'.repeat(900_000)}` }),
      GRAPHQL_JSON,
      'POST',
      '/graphql',
      false,
    ),
  );
  probes.push(
    raw('batched (array of operations)', JSON.stringify([{ query: `mutation { r: revokeApiKey(id: "${randomUUID()}") { __typename } }` }])),
  );
  probes.push(
    raw('text/plain', JSON.stringify({ query: `mutation { r: revokeApiKey(id: "${fixtures.apiKey}\u0000") { __typename } }` }), {
      'content-type': 'text/plain',
    }),
  );
  probes.push(raw('form-urlencoded', 'query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }));
  probes.push(
    raw(
      'mutation over GET',
      undefined,
      {},
      'GET',
      `/graphql?query=${encodeURIComponent(`mutation { r: revokeApiKey(id: "${randomUUID()}") { __typename } }`)}`,
    ),
  );
  probes.push(raw('GET with NUL in query', undefined, {}, 'GET', `/graphql?query=%7B%00%7D`));
  probes.push(raw('unknown operationName', JSON.stringify({ query: '{ r: units { __typename } }', operationName: 'Nope' })));
  return probes;
}

// ------------------------------------------------------------------ tokens

/** Credentials that must not authenticate, including tokens signed with the server's own key (item 7). */
async function badTokens(): Promise<Array<[string, string]>> {
  const [secret] = (await server.database.manager.query(`SELECT value FROM server_secret WHERE name = 'jwt'`)) as Array<{ value: string }>;
  const key = new TextEncoder().encode(secret.value);
  const [admin] = (await server.database.manager
    .query(`SELECT id, token_version FROM account WHERE role = 'ADMIN' ORDER BY created_at LIMIT 1`)
    .catch(async () => server.database.manager.query(`SELECT id, 0 AS token_version FROM account WHERE role = 'ADMIN' LIMIT 1`))) as Array<{
    id: string;
    token_version: number;
  }>;
  const now = Math.floor(Date.now() / 1000);
  const signed = (sub: string, claims: { iat?: number; exp?: number | null }) => {
    const jwt = new SignJWT({ tv: admin.token_version ?? 0 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer('danvan')
      .setIssuedAt(claims.iat ?? now);
    if (claims.exp !== null) jwt.setExpirationTime(claims.exp ?? now + 600);
    return jwt.sign(key);
  };
  const unsigned = (payload: object) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
  return [
    ['empty bearer', 'Bearer '],
    ['three dots', 'Bearer a.b.c'],
    ['alg none', `Bearer ${unsigned({ sub: admin.id, tv: 0, iss: 'danvan', exp: now + 600 })}`],
    ['unknown API key', `Bearer dvk_${'x'.repeat(40)}`],
    ['8000-character token', `Bearer ${'a'.repeat(8000)}`],
    ['Basic', 'Basic Zm9vOmJhcg=='],
    ['signed, sub not a UUID', `Bearer ${await signed('not-a-uuid', {})}`],
    ['signed, no exp', `Bearer ${await signed(admin.id, { exp: null })}`],
    ['signed, iat in the future', `Bearer ${await signed(admin.id, { iat: now + 86_400, exp: now + 86_400 + 600 })}`],
    ['signed, 10-year lifetime', `Bearer ${await signed(admin.id, { exp: now + 10 * 365 * 86_400 })}`],
  ];
}

// ------------------------------------------------------------------ the test

beforeAll(async () => {
  server = await TestServer.start();
  bodyLimit = server.app.get<AppConfig>(APP_CONFIG).bodyLimit;
  await createFixtures();
  tokens.admin = `Bearer ${server.token}`;
  tokens.organisation = `Bearer ${organisation.token}`;
  // The server's own documents, not the files in docs/api: what is tested is what runs (published-schemas keeps the files equal to these).
  openApi = (await server.anonymous.rest<OpenApiDocument>('GET', '/api/docs/openapi.json')).body;
  schema = buildSchema(printSchema(server.app.get(GraphQLSchemaHost).schema));
  auditCount = await countAudit();
}, 120_000);

afterAll(async () => {
  await server?.close();
  console.log(
    `fuzz: ${requestCount} requests (FUZZ_SEED=${SEED}, FUZZ_PER_CLASS=${PER_CLASS}); ${accepted.length} uncertain values accepted${accepted.length ? `:\n  ${accepted.slice(0, 40).join('\n  ')}` : ''}`,
  );
});

describe('fuzz: every published route and operation, bad input', () => {
  it('covers what is published (a sanity check of the generators)', () => {
    const ops = restOperations();
    expect(ops.filter(isJsonBody).length).toBeGreaterThanOrEqual(10);
    expect(ops.filter((o) => o.method === 'DELETE').length).toBeGreaterThanOrEqual(3);
    expect(graphqlOperations().filter((o) => o.kind === 'mutation').length).toBeGreaterThanOrEqual(30);
    // JSON.stringify writes a lone surrogate as the escape "\ud800", which is what reaches the server's parser.
    expect(JSON.stringify('\ud800')).toBe('"\\ud800"');
    expect(Object.values(fixtures).every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  it.each(['nul', 'lone-surrogate', 'deep-nesting', 'impossible-date', 'wrong-type', 'unknown-field', 'number', 'huge-string'])(
    'REST bodies: %s in every place',
    async (cls) => {
      await runClass(`rest-body ${cls}`, await restBodyProbes(cls));
      report(`REST bodies, ${cls}`);
    },
  );

  it('REST bodies: deep, malformed, empty, of the wrong type or content type, near and over the limit', async () => {
    await runClass('raw-body', await restRawBodyProbes());
    report('REST raw bodies');
  });

  it('REST query parameters of every operation (lists, exports, evidence)', async () => {
    const probes = restQueryProbes();
    expect(probes.length).toBeGreaterThan(0);
    for (const cls of [...new Set(probes.map((p) => p.cls))])
      await runClass(
        `query ${cls}`,
        probes.filter((p) => p.cls === cls),
      );
    report('REST query parameters');
  });

  it('REST path ids and If-Match values', async () => {
    await runClass('path-and-if-match', await restPathAndHeaderProbes());
    report('REST path ids and If-Match');
  });

  it.each(['nul', 'lone-surrogate', 'deep-nesting', 'impossible-date', 'wrong-type', 'unknown-field', 'number', 'huge-string'])(
    'GraphQL arguments: %s in every place',
    async (cls) => {
      await runClass(`graphql ${cls}`, await graphqlArgumentProbes(cls));
      report(`GraphQL arguments, ${cls}`);
    },
  );

  it('GraphQL documents and transport: fragments, wrong variables, deep literals, batches, GET', async () => {
    await runClass('graphql-document', await graphqlDocumentProbes());
    report('GraphQL documents');
  });

  it('bad credentials on every secured route and a sample of operations', async () => {
    const probes: Probe[] = [];
    for (const op of restOperations().filter((o) => o.secured)) {
      probes.push({
        target: op.target,
        cls: 'bad-token',
        detail: '',
        mustRefuse: true,
        method: op.method,
        path: withQuery(pathWith(op), baseQuery(op).toString()),
        headers: { ...contentHeaders(op), ...(await restHeaders(op)) },
        body: baseBodyText(op),
      });
    }
    for (const op of sample(random, graphqlOperations(), 12)) {
      probes.push({
        target: op.target,
        cls: 'bad-token',
        detail: '',
        mustRefuse: true,
        method: 'POST',
        path: '/graphql',
        headers: GRAPHQL_JSON,
        body: bodyOf(documentOf(op), await graphqlBaseVariables(op)),
        graphqlField: 'r',
      });
    }
    const before = await fingerprint();
    for (const [label, token] of await badTokens()) for (const probe of probes) await send({ ...probe, detail: label }, 'bad-token', token);
    const after = await fingerprint();
    const changed = Object.keys(after).filter((t) => before[t] !== after[t]);
    if (changed.length)
      failures.push({
        problem: 'records changed',
        caller: 'bad-token',
        target: 'class bad-token',
        cls: 'bad-token',
        detail: changed.join(', '),
        status: 0,
        excerpt: '',
      });
    report('bad credentials');
  });
});

/**
 * Emulation benchmark: `npm run bench:emulation`.
 *
 * Target of the emulation issue: the ranking of a bloc of 100 units × 30
 * criteria, and the "Dân vận khéo" model counts over a national-size subtree,
 * each under 50 ms at p95 against a real PostgreSQL server.
 *
 * Seeds (bench/seed-units.mjs, bench/seed-emulation.mjs; idempotent) the national
 * unit tree with its Fatherland Front and mass organisations, the bloc under test
 * among 757 blocs, and 100,000 models; starts the built API; then, one query at a
 * time, over real HTTP with an API key (emulation:read):
 *   ranking REST     GET /api/v1/pledges/:id/ranking
 *   ranking GraphQL  pledge(id) { ranking { rows { rank total classification unit { name } } } }
 *   counts national  modelCounts(year, withinUnitId: <root>)
 *   counts province  modelCounts(year, withinUnitId: <a province>)
 * Latency: autocannon with 1 connection, BENCH_REQUESTS requests after a warm-up,
 * every response time recorded (p50/p95/p99 computed from them, not from
 * autocannon's whole-millisecond histogram). Throughput (optional): autocannon with
 * BENCH_CONNECTIONS connections. Also runs the statements each request runs
 * (captured from the compiled services themselves) directly, with EXPLAIN
 * (ANALYZE, BUFFERS) of the main one. Prints a table and rewrites the emulation
 * section of docs/performance.md (between markers).
 *
 * Environment:
 *   BENCH_SMOKE               1: smoke mode (CI): 3 provinces (≈ 2,600 units), a bloc of 20, 2,000 models, 20 requests and
 *                             1 s of throughput per query, docs/performance.md left alone; still fails on any error,
 *                             non-2xx answer, wrong body or query without responses
 *   BENCH_DATABASE_URL        default postgres://postgres@127.0.0.1:5432/danvan_bench (smoke: danvan_bench_smoke; created if missing; loopback only)
 *   BENCH_REQUESTS            measured requests per query, 1 connection (default 500)
 *   BENCH_MAX_SECONDS         stop a latency measurement after this many seconds (default 30)
 *   BENCH_WARMUP_REQUESTS     unmeasured requests before each measurement (default 30)
 *   BENCH_THROUGHPUT_SECONDS  seconds of load at BENCH_CONNECTIONS per query (default 5; 0: skip)
 *   BENCH_CONNECTIONS         connections of the throughput run (default 10)
 *   BENCH_SQL_RUNS            direct executions of each query's statements (default 20; at most 10 for the candidate rewrite)
 *   BENCH_MODELS              models seeded (default 100000)
 *   BENCH_ORGANISATIONS       0: do not add the Fatherland Front and mass organisations under each committee
 *   BENCH_YEAR                year of the model counts (default 2024)
 *   BENCH_PROVINCE            GSO code of the province of the provincial counts (default 01, Hà Nội)
 *   BENCH_QUIET_WAIT          before each query, wait up to this many seconds for other processes to go quiet (default 30)
 *   BENCH_MAX_OTHER_CORES     measure again when other processes used more CPU than this (default 0.25)
 *   BENCH_ATTEMPTS            at most this many latency measurements per query; the least disturbed one counts (default 2)
 *   BENCH_BUILD               auto (build when sources are newer, default) | always | never
 *   BENCH_WRITE_DOC           0 to leave docs/performance.md alone
 *   BENCH_STRICT              1 to exit 1 when a query misses the target
 *   BENCH_API_KEY             use this key instead of writing one into api_key
 */
import pg from 'pg';
import {
  DATABASE_URL,
  SMOKE,
  SMOKE_PROVINCES,
  STRICT,
  WRITE_DOC,
  apiKeyCaller,
  benchApiKey,
  callApi,
  cpuShare,
  cpuSnapshot,
  env,
  fmt,
  leastDisturbed,
  loadCompiled,
  loadProblems,
  log,
  ms,
  positive,
  prepare,
  printColumns,
  recordingDatabase,
  runBenchmark,
  runInfo,
  runLoad,
  stats,
  writeDocSection,
} from './lib.mjs';
import { criteriaContent, dataSizes, scorableItems, seedEmulationData, uid } from './seed-emulation.mjs';
import { buildTree, seedUnits } from './seed-units.mjs';

const REQUESTS = positive('BENCH_REQUESTS', SMOKE ? 20 : 500);
const MAX_SECONDS = positive('BENCH_MAX_SECONDS', SMOKE ? 5 : 30);
const WARMUP = positive('BENCH_WARMUP_REQUESTS', SMOKE ? 3 : 30, true);
const THROUGHPUT_SECONDS = positive('BENCH_THROUGHPUT_SECONDS', SMOKE ? 1 : 5, true);
const CONNECTIONS = positive('BENCH_CONNECTIONS', 10);
const SQL_RUNS = positive('BENCH_SQL_RUNS', SMOKE ? 2 : 20);
const MODELS = positive('BENCH_MODELS', SMOKE ? 2_000 : 100_000);
const ORGANISATIONS = env.BENCH_ORGANISATIONS !== '0';
const YEAR = positive('BENCH_YEAR', 2024);
const PROVINCE = env.BENCH_PROVINCE || '01';
const QUIET_WAIT = positive('BENCH_QUIET_WAIT', SMOKE ? 0 : 30, true);
const ATTEMPTS = positive('BENCH_ATTEMPTS', SMOKE ? 1 : 2);
const TARGET_MS = 50;
const TREE = buildTree(SMOKE ? { provinces: SMOKE_PROVINCES } : {});
const MIN_UNITS = SMOKE ? Object.values(TREE).flat().length : 10_000;
/** Signatories of the bloc under test. */
const BLOC_SIZE = SMOKE ? 20 : 100;
const KEY = { prefix: 'danvanbenchemu', name: 'npm run bench:emulation (read-only)', scopes: ['units:read', 'emulation:read'] };
const BEGIN = '<!-- bench:emulation:begin -->';
const END = '<!-- bench:emulation:end -->';

const RANKING_QUERY = 'query($id: ID!) { pledge(id: $id) { ranking { rows { rank total classification unit { name } } } } }';
const COUNTS_QUERY =
  'query($year: Int!, $within: ID) { modelCounts(year: $year, withinUnitId: $within) { total registered typical excellent ' +
  'byLevel { level total typical excellent } byField { field total typical excellent } byRecognition { recognition count } summary } }';

// ─── statements of a request, captured from the compiled services ─────────────

/**
 * Runs the compiled services (dist/server) the API itself runs, against the
 * benchmark database, as the benchmark's API key would: records every statement
 * with its parameters. So the SQL explained below is exactly the API's.
 */
async function serviceStatements(pool, caller, { pledgeId, rootId, provinceId }) {
  const { RequestContext } = await loadCompiled('libs/server/core/src/index.js');
  const { PledgeService } = await loadCompiled('libs/emulation/src/pledges/pledge.service.js');
  const { PledgeRepository } = await loadCompiled('libs/emulation/src/pledges/pledge.repository.js');
  const { BlocService } = await loadCompiled('libs/emulation/src/blocs/bloc.service.js');
  const { BlocRepository } = await loadCompiled('libs/emulation/src/blocs/bloc.repository.js');
  const { ScoringService } = await loadCompiled('libs/emulation/src/scoring/scoring.service.js');
  const { ScoreSheetRepository } = await loadCompiled('libs/emulation/src/scoring/score-sheet.repository.js');
  const { ModelService } = await loadCompiled('libs/recognition/src/models/model.service.js');
  const { ModelRepository } = await loadCompiled('libs/recognition/src/models/model.repository.js');
  const recording = recordingDatabase(pool);
  const database = { manager: recording.manager };
  const ctx = new RequestContext('bench-emulation', caller, database.manager);
  // Wired as Nest wires them; the awards service is only needed by awardsFromRanking, which is not measured.
  const pledges = new PledgeService(database, new PledgeRepository(database), new BlocService(database, new BlocRepository(database)));
  const scoring = new ScoringService(database, new ScoreSheetRepository(database), pledges, null);
  const models = new ModelService(database, new ModelRepository(database));
  const record = async (work) => {
    recording.take();
    await work();
    return recording.take();
  };
  return {
    // REST: ScoringController.ranking → ScoringService.ranking (reads the pledge, then RANKING_SQL).
    rankingRest: await record(() => scoring.ranking(ctx, pledgeId)),
    // GraphQL: PledgeResolver.pledge → PledgeService.get, then the ranking field → ScoringService.ranking with that pledge.
    rankingGraphql: await record(async () => {
      const pledge = await pledges.get(ctx, pledgeId);
      await scoring.ranking(ctx, pledge);
    }),
    countsNational: await record(() => models.counts(ctx, YEAR, rootId)),
    countsProvince: await record(() => models.counts(ctx, YEAR, provinceId)),
  };
}

const MAIN_STATEMENT = {
  rankingRest: /WITH totals AS/,
  rankingGraphql: /WITH totals AS/,
  countsNational: /GROUPING SETS/,
  countsProvince: /GROUPING SETS/,
};

/** Runs the statements of one request `runs` times in a row on one connection: time of the whole sequence and of the main statement. */
async function timeStatements(client, statements, mainPattern, runs) {
  const whole = [];
  const main = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    let mainMs = 0;
    for (const s of statements) {
      const t = performance.now();
      await client.query(s.text, s.values);
      if (mainPattern.test(s.text)) mainMs = performance.now() - t;
    }
    if (i < 2) continue; // warm-up
    whole.push(performance.now() - started);
    main.push(mainMs);
  }
  return { whole: stats(whole), main: stats(main) };
}

/** Walks an EXPLAIN (FORMAT JSON) plan: indexes used, sequential scans, sorts on disk. */
function planFacts(explained) {
  const [{ Plan: plan, 'Execution Time': execution, 'Planning Time': planning, JIT: jit }] = explained;
  const indexes = new Map();
  const seqScans = [];
  const diskSorts = [];
  const visit = (node) => {
    const loops = node['Actual Loops'] ?? 1;
    if (node['Index Name']) {
      const key = `${node['Node Type'].replace(' Backward', '')} ${node['Index Name']}`;
      indexes.set(key, (indexes.get(key) ?? 0) + loops);
    }
    if (node['Node Type'] === 'Seq Scan') {
      seqScans.push({
        table: node['Relation Name'],
        rows: (node['Actual Rows'] ?? 0) * loops + (node['Rows Removed by Filter'] ?? 0) * loops,
        kept: (node['Actual Rows'] ?? 0) * loops,
        loops,
      });
    }
    if (node['Sort Space Type'] === 'Disk') diskSorts.push(`${node['Sort Space Used']} kB`);
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return {
    execution,
    planning,
    cost: plan['Total Cost'],
    jit: jit ? (jit.Timing?.Total ?? null) : null,
    jitFull: Boolean(jit?.Options?.Optimization || jit?.Options?.Inlining),
    indexes: [...indexes].map(([name, loops]) => `${name}${loops > 1 ? ` ×${fmt(loops)}` : ''}`),
    seqScans,
    diskSorts,
  };
}

async function explain(client, statement) {
  await client.query(statement.text, statement.values); // warm
  const json = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.values)).rows[0]['QUERY PLAN'];
  const text = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values)).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  return { facts: planFacts(json), text };
}

/**
 * What the national count costs besides the API's own plan, measured for the
 * report: the same statement with JIT compilation off (the server default is on,
 * and the correlated look-up makes the planner's estimate cross jit_above_cost),
 * and the floor of any per-request count over the normalised tables: counting
 * the models of the subtree, no recognition look-up, no grouping, serially (a
 * parallel plan is slower on 2 cores). Null when the
 * API's statement no longer has the shape this relies on.
 */
async function nationalWhatIf(client, statement, runs) {
  const scope = /FROM (model_practice m JOIN unit ou ON ou\.id = m\.owner_unit_id) WHERE ([\s\S]*?)\n\s*\)\s*SELECT level/.exec(
    statement.text,
  );
  if (!scope) return null;
  const floor = `SELECT count(*)::int AS n FROM ${scope[1]} WHERE ${scope[2]}`;
  const time = async (text) => {
    const samples = [];
    for (let i = 0; i < runs + 2; i++) {
      const t = performance.now();
      await client.query(text, statement.values);
      if (i >= 2) samples.push(performance.now() - t);
    }
    return stats(samples);
  };
  try {
    await client.query('SET jit = on');
    const jitOn = await time(statement.text);
    await client.query('SET jit = off');
    const jitOff = await time(statement.text);
    // Serial: on a small machine shared with the API, parallel workers only add overhead to this count.
    await client.query('SET max_parallel_workers_per_gather = 0');
    const floorOff = await time(floor);
    const offPlan = planFacts(
      (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.values)).rows[0]['QUERY PLAN'],
    );
    return { jitOn, jitOff, floorOff, offPlan, floorRows: (await client.query(floor, statement.values)).rows[0].n };
  } finally {
    await client.query('RESET jit');
    await client.query('RESET max_parallel_workers_per_gather');
  }
}

// ─── HTTP ─────────────────────────────────────────────────────────────────────

function targetsOf(apiUrl, auth, { pledgeId, rootId, provinceId }) {
  const headers = { authorization: `Bearer ${auth}` };
  const gql = (query, variables) => ({
    method: 'POST',
    path: '/graphql',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return [
    {
      key: 'rankingRest',
      label: 'Ranking, REST `GET /api/v1/pledges/:id/ranking`',
      short: 'ranking REST',
      url: apiUrl,
      request: { method: 'GET', path: `/api/v1/pledges/${pledgeId}/ranking`, headers },
      verifyBody: (body) => body.startsWith('{"final":') && body.includes('"rows":[{"rank":1,'),
    },
    {
      key: 'rankingGraphql',
      label: 'Ranking, GraphQL `pledge(id) { ranking { rows { … } } }`',
      short: 'ranking GraphQL',
      url: apiUrl,
      request: gql(RANKING_QUERY, { id: pledgeId }),
      verifyBody: (body) => body.startsWith('{"data":{"pledge":{"ranking":{"rows":[{"rank":1,'),
    },
    {
      key: 'countsNational',
      label: `Model counts ${YEAR}, national (GraphQL \`modelCounts\`, root)`,
      short: 'counts national',
      url: apiUrl,
      request: gql(COUNTS_QUERY, { year: YEAR, within: rootId }),
      verifyBody: (body) => body.startsWith('{"data":{"modelCounts":{"total":'),
    },
    {
      key: 'countsProvince',
      label: `Model counts ${YEAR}, one province (GraphQL \`modelCounts\`)`,
      short: 'counts province',
      url: apiUrl,
      request: gql(COUNTS_QUERY, { year: YEAR, within: provinceId }),
      verifyBody: (body) => body.startsWith('{"data":{"modelCounts":{"total":'),
    },
  ];
}

/** callApi, and GraphQL errors thrown too. */
async function call(apiUrl, request) {
  const body = await callApi(apiUrl, request);
  if (body.errors) throw new Error(`${request.method} ${request.path}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body;
}

/** Independent answers to compare the API's with (other SQL than the API's). */
async function expectedCounts(pool, unitId) {
  const { rows } = await pool.query(
    `WITH m AS (
       SELECT m.id FROM model_practice m JOIN unit ou ON ou.id = m.owner_unit_id, unit w
       WHERE w.id = $2 AND ou.path LIKE w.path || '%' AND m.first_year <= $1 AND coalesce(m.last_year, 9999) >= $1
     ), last AS (
       SELECT DISTINCT ON (r.model_id) r.model_id, r.to_recognition FROM model_recognition r JOIN m ON m.id = r.model_id
       WHERE r.recognised_on < make_date($1 + 1, 1, 1) ORDER BY r.model_id, r.recognised_on DESC, r.seq DESC
     )
     SELECT coalesce(l.to_recognition, 'REGISTERED') AS recognition, count(*)::int AS n FROM m LEFT JOIN last l ON l.model_id = m.id GROUP BY 1`,
    [YEAR, unitId],
  );
  const by = Object.fromEntries(rows.map((r) => [r.recognition, r.n]));
  return { registered: by.REGISTERED ?? 0, typical: by.TYPICAL ?? 0, excellent: by.EXCELLENT ?? 0 };
}

/** Checks the four answers before loading them: complete, consistent between REST and GraphQL, and counts equal to an independent count. */
async function crossCheck(pool, apiUrl, targets, ids, sizes) {
  const [rest, graphql, national, province] = await Promise.all(targets.map((t) => call(apiUrl, t.request)));
  const rows = rest.rows;
  if (rows.length !== sizes.signatories || rows.some((r) => r.rank === null))
    throw new Error(`REST ranking: ${rows.length} rows, expected ${sizes.signatories}, all ranked`);
  if (rows.some((r, i) => i && r.rank < rows[i - 1].rank)) throw new Error('REST ranking is not in rank order');
  const gqlRows = graphql.data.pledge.ranking.rows;
  const key = (r) => `${r.rank}|${r.total}|${r.classification}|${r.unit.name}`;
  if (gqlRows.map(key).join('\n') !== rows.map(key).join('\n')) throw new Error('REST and GraphQL rankings differ');
  for (const [label, answer, unitId] of [
    ['national', national, ids.rootId],
    ['province', province, ids.provinceId],
  ]) {
    const counts = answer.data.modelCounts;
    const expected = await expectedCounts(pool, unitId);
    const got = { registered: counts.registered, typical: counts.typical, excellent: counts.excellent };
    if (JSON.stringify(got) !== JSON.stringify(expected))
      throw new Error(`model counts (${label}): API ${JSON.stringify(got)}, independent count ${JSON.stringify(expected)}`);
    if (counts.total !== expected.registered + expected.typical + expected.excellent)
      throw new Error(`model counts (${label}): total ${counts.total}`);
  }
  return {
    top: rows.slice(0, 3).map((r) => `${r.rank}. ${r.unit.name} ${r.total}`),
    ties: rows.length - new Set(rows.map((r) => r.rank)).size,
    classes: Object.entries(rows.reduce((acc, r) => ((acc[r.classification] = (acc[r.classification] ?? 0) + 1), acc), {})).map(
      ([k, v]) => `${k}: ${v}`,
    ),
    national: national.data.modelCounts.summary,
    province: province.data.modelCounts.summary,
  };
}

async function run(target, { connections, amount, duration, lenient = false }) {
  const { result, times } = await runLoad(
    {
      url: target.url,
      connections,
      ...(amount ? { amount } : { duration }),
      timeout: 30,
      requests: [target.request],
      verifyBody: target.verifyBody,
    },
    { recordTimes: true, stopAfterSeconds: amount ? MAX_SECONDS : undefined },
  );
  const problems = loadProblems(result);
  if (problems.length && !lenient) throw new Error(`${target.short}: ${problems.join('; ')}`);
  return { result, times, problems };
}

async function measure(target, api, pool) {
  const best = await leastDisturbed({ attempts: ATTEMPTS, quietWait: QUIET_WAIT }, async (attempt) => {
    if (WARMUP > 0) await run(target, { connections: 1, amount: WARMUP });
    log(`${target.short}: ${REQUESTS} requests, 1 connection${attempt > 1 ? ` (attempt ${attempt}/${ATTEMPTS})` : ''}…`);
    const before = await cpuSnapshot(api.child, pool);
    const { result, times } = await run(target, { connections: 1, amount: REQUESTS });
    const after = await cpuSnapshot(api.child, pool);
    const cpu = cpuShare(before, after);
    const latency = stats(times);
    const perResponse = (cores) => (cores * ((after.at - before.at) / 1000) * 1e6) / times.length;
    log(
      `  p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms over ${latency.n} responses; ` +
        `cores: server ${fmt(cpu.server, 2)}, postgres ${fmt(cpu.postgres, 2)}, autocannon ${fmt(cpu.loader, 2)}, other ${fmt(cpu.other, 2)}`,
    );
    return {
      latency,
      cpu,
      serverUs: perResponse(cpu.server),
      postgresUs: perResponse(cpu.postgres),
      bytes: result.throughput.total / result.requests.total,
      attempts: attempt,
    };
  });
  if (THROUGHPUT_SECONDS > 0) {
    log(`${target.short}: ${THROUGHPUT_SECONDS} s at ${CONNECTIONS} connections…`);
    // Slow queries may finish few or no responses in the window: reported as measured, not an error (except in a smoke run, on small data).
    const { result, problems } = await run(target, { connections: CONNECTIONS, duration: THROUGHPUT_SECONDS, lenient: !SMOKE });
    best.throughput = {
      rps: result.requests.total / THROUGHPUT_SECONDS,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
      problems,
    };
    log(
      `  ${fmt(best.throughput.rps, 1)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms${problems.length ? ` (${problems.join('; ')})` : ''}`,
    );
  }
  return best;
}

// ─── report ───────────────────────────────────────────────────────────────────

const ratio = (n) => `${(n / TARGET_MS).toFixed(2)}×`;

function planLine(facts) {
  const parts = [`execution ${ms(facts.execution)} ms`, `planning ${ms(facts.planning)} ms`, `estimated cost ${fmt(facts.cost)}`];
  if (facts.jit !== null) parts.push(`**JIT ${ms(facts.jit)} ms**${facts.jitFull ? ' (with optimisation/inlining)' : ''}`);
  parts.push(`indexes: ${facts.indexes.length ? facts.indexes.map((i) => `\`${i}\``).join(', ') : 'none'}`);
  const scans = facts.seqScans.filter((s) => s.rows > 1000);
  if (scans.length)
    parts.push(`sequential scans: ${scans.map((s) => `**\`${s.table}\` ${fmt(s.rows)} rows read, ${fmt(s.kept)} kept**`).join(', ')}`);
  else if (facts.seqScans.length)
    parts.push(`small sequential scans: ${facts.seqScans.map((s) => `\`${s.table}\` (${fmt(s.rows)} rows)`).join(', ')}`);
  if (facts.diskSorts.length) parts.push(`**sort on disk (${facts.diskSorts.join(', ')})**`);
  return parts.join('; ');
}

function render(info, sizes, check, targets, results, sql, plans, national) {
  const rows = targets.map((t) => {
    const r = results[t.key];
    const s = sql[t.key];
    const met = r.latency.p95 < TARGET_MS;
    return `| ${t.label} | ${s.statements} | ${ms(s.timing.whole.p50)} / ${ms(s.timing.whole.p95)} | ${ms(r.latency.p50)} | **${ms(r.latency.p95)}** | ${ms(r.latency.p99)} | ${ms(r.latency.max)} | ${fmt(r.latency.n)} | ${ratio(r.latency.p95)} ${met ? '✔' : '✘'} | ${r.throughput ? `${fmt(r.throughput.rps, r.throughput.rps < 10 ? 1 : 0)}${r.throughput.total ? ` (p99 ${fmt(r.throughput.p99)} ms)` : ''}${r.throughput.problems.length ? ` (${r.throughput.problems.join('; ')})` : ''}` : '–'} | ${fmt(r.serverUs / 1000, 1)} / ${fmt(r.postgresUs / 1000, 1)} | ${fmt(r.cpu.other, 2)} |`;
  });
  const planSections = Object.entries(plans).map(
    ([key, plan]) => `- **${targets.find((t) => t.key === key).short}** (main statement): ${planLine(plan.facts)}.`,
  );
  const details = Object.entries(plans)
    .map(
      ([key, plan]) =>
        `<details><summary>EXPLAIN (ANALYZE, BUFFERS): ${targets.find((t) => t.key === key).short}</summary>\n\n\`\`\`\n${plan.text}\n\`\`\`\n</details>`,
    )
    .join('\n\n');
  const whatIf = national
    ? `
National model counts, the statements run directly on one connection, ${Math.min(SQL_RUNS, 10)} runs each, p50 / p95 ms:

| Statement | p50 / p95 ms |
| --- | ---: |
| the API's statement, jit = on (server default) | ${ms(national.jitOn.p50)} / ${ms(national.jitOn.p95)} |
| the API's statement, jit = off | ${ms(national.jitOff.p50)} / ${ms(national.jitOff.p95)} |
| floor: \`SELECT count(*)\` of the same models (same join and filters; no recognition look-up, no grouping), jit = off, no parallel workers | ${ms(national.floorOff.p50)} / ${ms(national.floorOff.p95)} |

JIT thresholds of the server: jit_above_cost ${info.settings.jit_above_cost}, jit_optimize_above_cost ${info.settings.jit_optimize_above_cost}, jit_inline_above_cost ${info.settings.jit_inline_above_cost}. With jit = off, EXPLAIN ANALYZE: ${planLine(national.offPlan)}.
`
    : '';
  return `${BEGIN}
<!-- Written by \`npm run bench:emulation\` (bench/emulation.mjs); everything between these markers is replaced on each run. -->

**Run of ${info.date}** — ${info.machine}; Node ${process.version}; PostgreSQL ${info.postgres} (shared_buffers ${info.settings.shared_buffers}, work_mem ${info.settings.work_mem}, jit ${info.settings.jit}, random_page_cost ${info.settings.random_page_cost}); load average before the run ${info.loadavg}.
API built from ${info.revision}; database \`${info.database}\` (${info.seeded}); requests carry \`Authorization: Bearer <API key with emulation:read>\` on the root of the tree.

**Data.** ${fmt(sizes.units)} units (the national tree of 10,459 committees${sizes.units > 10_459 ? ' and their Fatherland Front and mass organisations' : ''}; ${fmt(sizes.provinceUnits)} in the province counted, \`BENCH-TU-${PROVINCE}\`).
Emulation: ${fmt(sizes.blocs)} blocs and pledges, ${fmt(sizes.sheets)} score sheets, ${fmt(sizes.lines)} score lines. The bloc under test: ${fmt(sizes.signatories)} district committees, a criteria set of ${info.criteria} scored criteria (+ ${info.bonus} bonus, ${info.deduction} deduction items, ${info.bands} bands), ${fmt(sizes.pledgeLines)} score lines (${fmt(sizes.pledgeCriterionLines)} criterion lines); ranking answered: ${check.top.join('; ')}; ${check.ties} row${check.ties === 1 ? '' : 's'} sharing a rank; ${check.classes.join(', ')}.
Models: ${fmt(sizes.models)} "Dân vận khéo" models, ${fmt(sizes.recognitions)} recognition changes; running in ${YEAR}: ${fmt(sizes.activeModels)} nationally, ${fmt(sizes.provinceModels)} in the province; ${fmt(sizes.recognisedAfterYear)} models were recognised after ${YEAR}. Answers: "${check.national}" / "${check.province}" (both equal to an independent count).

**Target**: p95 under ${TARGET_MS} ms for each query; the ratio column is measured p95 / ${TARGET_MS} ms (✔ below 1).

**Method.** Per query: ${WARMUP} unmeasured requests, then ${REQUESTS} requests on 1 keep-alive connection (autocannon ${info.autocannon}; at most ${MAX_SECONDS} s), every response time recorded; percentiles from those (nearest rank). ${THROUGHPUT_SECONDS > 0 ? `Then ${THROUGHPUT_SECONDS} s at ${CONNECTIONS} connections for throughput.` : ''} "SQL alone": the statements one request runs (captured from the compiled services), run ${SQL_RUNS} times in a row on one connection of this script.

| Query | SQL statements | SQL alone p50 / p95 ms | HTTP p50 ms | HTTP p95 ms | p99 ms | max ms | responses | p95 / 50 ms target | req/s at ${CONNECTIONS} connections | CPU ms/response: API / PostgreSQL | other cores |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Query plans (EXPLAIN (ANALYZE, BUFFERS), after one warm-up execution):

${planSections.join('\n')}
${whatIf}
${details}
${END}`;
}

const DOC_TEMPLATE = `# Performance

## Emulation: ranking and model counts

Run \`npm run bench:emulation\`; see bench/emulation.mjs for what it measures.

### Latest results

${BEGIN}
${END}
`;

function printTable(targets, results, sql) {
  const lines = [
    ['query', 'stmts', 'SQL p50', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'n', 'p95/50ms', 'req/s@' + CONNECTIONS, 'other cores'],
  ];
  for (const t of targets) {
    const r = results[t.key];
    lines.push([
      t.short,
      String(sql[t.key].statements),
      ms(sql[t.key].timing.whole.p50),
      ms(r.latency.p50),
      ms(r.latency.p95),
      ms(r.latency.p99),
      ms(r.latency.max),
      String(r.latency.n),
      `${ratio(r.latency.p95)} ${r.latency.p95 < TARGET_MS ? 'met' : 'MISSED'}`,
      r.throughput ? fmt(r.throughput.rps, 1) : '–',
      fmt(r.cpu.other, 2),
    ]);
  }
  printColumns(lines);
}

// ─── main ─────────────────────────────────────────────────────────────────────

async function main() {
  const { loadavg, api } = await prepare();

  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2, application_name: 'danvan-bench-emulation' });
  try {
    const rootUnit = TREE.CENTRAL[0];
    const province = TREE.PROVINCE.find((p) => p.code === `BENCH-TU-${PROVINCE}`);
    if (!province) throw new Error(`BENCH_PROVINCE: no province with GSO code ${PROVINCE} in the tree`);
    const ids = { pledgeId: uid('pledge:TARGET'), rootId: rootUnit.id, provinceId: province.id };

    let started = performance.now();
    const units = await seedUnits(pool, { minimum: MIN_UNITS, provinces: SMOKE ? SMOKE_PROVINCES : undefined });
    log(units.inserted ? `seeded ${fmt(units.inserted)} units` : `${fmt(units.total)} units present: the tree is there`);
    const seeded = await seedEmulationData(pool, {
      rootId: rootUnit.id,
      models: MODELS,
      organisations: ORGANISATIONS,
      blocSize: BLOC_SIZE,
    });
    const seconds = (performance.now() - started) / 1000;
    const anything = units.inserted + Object.values(seeded).reduce((s, n) => s + n, 0);
    log(
      anything
        ? `seeded in ${seconds.toFixed(1)} s: ${fmt(units.inserted + seeded.units)} units, ${fmt(seeded.sheets)} score sheets, ${fmt(seeded.lines)} score lines, ${fmt(seeded.models)} models, ${fmt(seeded.changes)} recognition changes`
        : 'emulation data present: nothing to seed',
    );
    const sizes = await dataSizes(pool, { pledgeId: ids.pledgeId, provinceId: ids.provinceId, year: YEAR });
    if (sizes.signatories !== BLOC_SIZE) {
      throw new Error(
        `the bloc under test has ${sizes.signatories} signatories, not ${BLOC_SIZE} (smoke and full runs seed differently: give each its own BENCH_DATABASE_URL)`,
      );
    }

    const auth = env.BENCH_API_KEY || (await benchApiKey(pool, rootUnit.id, KEY));
    const apiUrl = api.url;
    const targets = targetsOf(apiUrl, auth, ids);
    const check = await crossCheck(pool, apiUrl, targets, ids, sizes);
    log(`answers checked: ranking ${check.top.join('; ')}; counts "${check.national}" / "${check.province}"`);

    // The statements of each request, run directly, and the plan of the main one.
    const captured = await serviceStatements(pool, await apiKeyCaller(pool, rootUnit.id, KEY.scopes), ids);
    const client = await pool.connect();
    const sql = {};
    const plans = {};
    let national = null;
    try {
      for (const t of targets) {
        const statements = captured[t.key];
        const main = statements.find((s) => MAIN_STATEMENT[t.key].test(s.text));
        if (!main) throw new Error(`${t.short}: the main statement was not among those captured`);
        sql[t.key] = { statements: statements.length, timing: await timeStatements(client, statements, MAIN_STATEMENT[t.key], SQL_RUNS) };
        if (t.key !== 'rankingGraphql') plans[t.key] = await explain(client, main);
        log(
          `${t.short}: ${statements.length} statements, SQL alone p50 ${ms(sql[t.key].timing.whole.p50)} ms${plans[t.key] ? `; ${planLine(plans[t.key].facts).replace(/\*\*|`/g, '')}` : ''}`,
        );
      }
      national = await nationalWhatIf(
        client,
        captured.countsNational.find((s) => MAIN_STATEMENT.countsNational.test(s.text)),
        Math.min(SQL_RUNS, 10),
      );
      if (national) {
        log(
          `counts national, run directly: p50 ${ms(national.jitOn.p50)} ms with jit on, ${ms(national.jitOff.p50)} ms with jit off; ` +
            `counting the ${fmt(national.floorRows)} models alone: p50 ${ms(national.floorOff.p50)} ms`,
        );
      }
    } finally {
      client.release();
    }

    const results = {};
    for (const t of targets) results[t.key] = await measure(t, api, pool);

    const settings = Object.fromEntries(
      await Promise.all(
        ['shared_buffers', 'work_mem', 'jit', 'random_page_cost', 'jit_above_cost', 'jit_optimize_above_cost', 'jit_inline_above_cost'].map(
          async (name) => [name, (await pool.query(`SHOW ${name}`)).rows[0][name]],
        ),
      ),
    );
    const content = criteriaContent();
    const items = scorableItems(content);
    const info = {
      ...(await runInfo(pool, loadavg)),
      settings,
      seeded: anything ? `seeded by this run in ${seconds.toFixed(0)} s` : 'seeded by an earlier run',
      criteria: items.filter((i) => i.kind === 'CRITERION').length,
      bonus: content.bonusItems.length,
      deduction: content.deductionItems.length,
      bands: content.bands.length,
    };
    process.stdout.write('\n');
    printTable(targets, results, sql);
    process.stdout.write(
      `\n  target: p95 < ${TARGET_MS} ms for each query; stmts = SQL statements per request; SQL p50 = those statements run directly.\n\n`,
    );
    if (SMOKE)
      log(
        'smoke run passed: every query answered 2xx with the expected bodies, equal to an independent count (the figures of a smoke run measure nothing)',
      );
    if (WRITE_DOC) {
      writeDocSection({
        begin: BEGIN,
        end: END,
        markdown: render(info, sizes, check, targets, results, sql, plans, national),
        template: DOC_TEMPLATE,
        fallbackHeading: '## Latest results of `npm run bench:emulation`',
      });
      log('results written to docs/performance.md');
    }
    if (STRICT && targets.some((t) => results[t.key].latency.p95 >= TARGET_MS)) process.exitCode = 1;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

await runBenchmark(main);

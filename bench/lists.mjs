/**
 * Lists at national scale: `npm run bench:lists`.
 *
 * Target of issue 9: every unit-list case below under 30 ms at p95, through the
 * API, one request at a time, on the database of `npm run bench:emulation` (the
 * national tree: 10,459 committees with their Fatherland Front and four mass
 * organisations each, 62,749 units; seeded by the same bench/seed-*.mjs, so
 * the two benchmarks can share a database).
 *
 * Cases (REST `GET /api/v1/units`, GraphQL `units`, an API key with units:read on the root):
 *   one unit           ?q=<a commune committee's code>               (1 match)
 *   one unit, GraphQL  units(options: { filter: { search } }) { items { name parent { name } ancestors { name } } totalItems }
 *   "hoi nong dan"     ?q=hoi nong dan                                (a word group in ≈ 10,000 names)
 *   broad word         ?q=dan                                         (≈ 20,000 names)
 *   province by name   ?withinUnitId=<Hà Nội>&sort=name              (a province's subtree, ≈ 2,500 units)
 *   deep page          ?sort=name&page=<near the end>                 (offset ≈ 62,000)
 *   ranking            ?q=hà tĩnh                                     ("Tỉnh ủy Hà Tĩnh" first)
 * Every answer is checked first against SQL of this script's own (independent of
 * the API's): totals (with totalIsExact), the page of sorted lists, and the first
 * row of the ranking case. Latency: autocannon, 1 connection, BENCH_REQUESTS
 * requests after a warm-up, every response time recorded. Prints a table and
 * rewrites the lists section of docs/performance.md (between markers).
 *
 * Environment:
 *   BENCH_SMOKE            1: smoke mode (CI): 3 provinces, 20 requests per case, docs/performance.md left alone;
 *                          still fails on any error, non-2xx answer or wrong answer
 *   BENCH_DATABASE_URL     default postgres://postgres@127.0.0.1:5432/danvan_bench (smoke: danvan_bench_smoke; created if missing; loopback only)
 *   BENCH_REQUESTS         measured requests per case (default 500)
 *   BENCH_WARMUP_REQUESTS  unmeasured requests before each measurement (default 30)
 *   BENCH_MAX_SECONDS      stop a measurement after this many seconds (default 30)
 *   BENCH_QUIET_WAIT       before each case, wait up to this many seconds for other processes to go quiet (default 30)
 *   BENCH_MAX_OTHER_CORES  measure again when other processes used more CPU than this (default 0.25)
 *   BENCH_ATTEMPTS         at most this many measurements per case; the least disturbed one counts (default 2)
 *   BENCH_MODELS           models seeded (default 100000; as bench:emulation, whose database this is)
 *   BENCH_BUILD            auto (default) | always | never
 *   BENCH_WRITE_DOC        0 to leave docs/performance.md alone
 *   BENCH_SQL_RUNS         direct executions of each case's statements (default 50)
 *   BENCH_LABEL            a label for the run in the report (e.g. "before")
 *   BENCH_STRICT           1 to exit 1 when a case misses the target
 */
import os from 'node:os';
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
  recordingDatabase,
  runBenchmark,
  runInfo,
  runLoad,
  stats,
  writeDocSection,
} from './lib.mjs';
import { seedEmulationData } from './seed-emulation.mjs';
import { buildTree, seedUnits } from './seed-units.mjs';

const REQUESTS = positive('BENCH_REQUESTS', SMOKE ? 20 : 500);
const WARMUP = positive('BENCH_WARMUP_REQUESTS', SMOKE ? 3 : 30, true);
const MAX_SECONDS = positive('BENCH_MAX_SECONDS', SMOKE ? 5 : 30);
const QUIET_WAIT = positive('BENCH_QUIET_WAIT', SMOKE ? 0 : 30, true);
const ATTEMPTS = positive('BENCH_ATTEMPTS', SMOKE ? 1 : 2);
// The seed of bench:emulation, with its parameters, so that both benchmarks can share one database.
const MODELS = positive('BENCH_MODELS', SMOKE ? 2_000 : 100_000);
const BLOC_SIZE = SMOKE ? 20 : 100;
const LABEL = env.BENCH_LABEL || '';
const SQL_RUNS = positive('BENCH_SQL_RUNS', SMOKE ? 2 : 50);
const TARGET_MS = 30;
const TREE = buildTree(SMOKE ? { provinces: SMOKE_PROVINCES } : {});
const MIN_UNITS = Object.values(TREE).flat().length;
const KEY = { prefix: 'danvanbenchlist', name: 'npm run bench:lists (read-only)', scopes: ['units:read'] };
const BEGIN = '<!-- bench:lists:begin -->';
const END = '<!-- bench:lists:end -->';
/** The ranking case: a province whose name starts with "Hà" and is not a city (its committee is "Tỉnh ủy …"). */
const RANKED_PROVINCE = SMOKE ? 'Hà Giang' : 'Hà Tĩnh';
const GRAPHQL_SEARCH =
  'query($search: String!) { units(options: { filter: { search: $search } }) { items { name parent { name } ancestors { name } } totalItems } }';

// ─── cases and their independent answers ──────────────────────────────────────

/** Units whose normalised code, name and short name contain every word: SQL of this script, not the API's. */
async function independentSearchCount(pool, words) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM unit u
     WHERE (SELECT bool_and(strpos(lower(unaccent(u.code || ' ' || u.name || ' ' || coalesce(u.short_name, ''))), lower(unaccent(w))) > 0)
            FROM unnest($1::text[]) AS w)`,
    [words],
  );
  return rows[0].n;
}

async function independentNamePage(pool, { withinPath = null, offset, limit }) {
  const { rows } = await pool.query(
    `SELECT u.id FROM unit u WHERE $1::text IS NULL OR starts_with(u.path, $1) ORDER BY u.name, u.id LIMIT $2 OFFSET $3`,
    [withinPath, limit, offset],
  );
  return rows.map((r) => r.id);
}

async function casesOf(pool, apiUrl, auth) {
  const headers = { authorization: `Bearer ${auth}` };
  const rest = (query) => ({ method: 'GET', path: `/api/v1/units?${new URLSearchParams(query)}`, headers });
  const commune = TREE.COMMUNE[Math.min(41, TREE.COMMUNE.length - 1)];
  const province = TREE.PROVINCE[0];
  const total = Number((await pool.query('SELECT count(*) AS n FROM unit')).rows[0].n);
  const provincePath = (await pool.query('SELECT path FROM unit WHERE id = $1', [province.id])).rows[0].path;
  const deepPage = Math.max(1, Math.floor(total / 20) - 5);
  const expectedTotal = (n) => ({ totalItems: Math.min(n, 10_000), totalIsExact: n <= 10_000 });
  return [
    {
      key: 'one',
      label: `Search matching one unit, REST \`?q=${commune.code}\``,
      short: 'one unit REST',
      request: rest({ q: commune.code }),
      list: { filter: { search: commune.code } },
      expect: async (body) => {
        if (body.totalItems !== 1 || body.items[0]?.code !== commune.code) return `expected only ${commune.code}`;
      },
    },
    {
      key: 'oneGraphql',
      label: 'Same search, GraphQL `units` with `parent` and `ancestors`',
      short: 'one unit GraphQL',
      request: {
        method: 'POST',
        path: '/graphql',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query: GRAPHQL_SEARCH, variables: { search: commune.code } }),
      },
      expect: async (body) => {
        const page = body.data?.units;
        const [unit] = page?.items ?? [];
        if (page?.totalItems !== 1 || unit?.name !== commune.name || unit.ancestors.length !== 3 || !unit.parent?.name)
          return `expected ${commune.name} with its parent and 3 ancestors`;
      },
    },
    {
      key: 'wordGroup',
      label: 'Search for a word group in ≈ 10,000 names, `?q=hoi nong dan`',
      short: 'hoi nong dan',
      request: rest({ q: 'hoi nong dan' }),
      list: { filter: { search: 'hoi nong dan' } },
      expect: async (body) => {
        const want = expectedTotal(await independentSearchCount(pool, ['hoi', 'nong', 'dan']));
        if (body.totalItems !== want.totalItems || body.totalIsExact !== want.totalIsExact) return `expected ${JSON.stringify(want)}`;
        if (body.items.length !== 20 || body.items.some((u) => !/Nông dân/.test(u.name))) return 'expected 20 "Hội Nông dân …"';
      },
    },
    {
      key: 'broad',
      label: 'Broad one-word search, `?q=dan` (≈ 20,000 names)',
      short: 'broad word',
      request: rest({ q: 'dan' }),
      list: { filter: { search: 'dan' } },
      expect: async (body) => {
        const want = expectedTotal(await independentSearchCount(pool, ['dan']));
        if (body.totalItems !== want.totalItems || body.totalIsExact !== want.totalIsExact) return `expected ${JSON.stringify(want)}`;
        if (body.items.length !== 20) return 'expected a full page';
      },
    },
    {
      key: 'province',
      label: `A province's subtree sorted by name, \`?withinUnitId=<${province.name}>&sort=name\``,
      short: 'province by name',
      request: rest({ withinUnitId: province.id, sort: 'name' }),
      list: { filter: { withinUnitId: province.id }, sort: { field: 'name', order: 'asc' } },
      expect: async (body) => {
        const n = Number((await pool.query('SELECT count(*) AS n FROM unit WHERE starts_with(path, $1)', [provincePath])).rows[0].n);
        const want = expectedTotal(n);
        if (body.totalItems !== want.totalItems || body.totalIsExact !== want.totalIsExact) return `expected ${JSON.stringify(want)}`;
        const ids = await independentNamePage(pool, { withinPath: provincePath, offset: 0, limit: 20 });
        if (body.items.map((u) => u.id).join() !== ids.join()) return 'not the first 20 units by name';
      },
    },
    {
      key: 'deep',
      label: `Deep page: all units by name, \`?sort=name&page=${fmt(deepPage)}\``,
      short: 'deep page',
      request: rest({ sort: 'name', page: String(deepPage) }),
      list: { page: deepPage, sort: { field: 'name', order: 'asc' } },
      expect: async (body) => {
        const ids = await independentNamePage(pool, { offset: (deepPage - 1) * 20, limit: 20 });
        if (body.items.map((u) => u.id).join() !== ids.join()) return `not units ${(deepPage - 1) * 20 + 1}–${deepPage * 20} by name`;
        const want = expectedTotal(total);
        if (body.totalItems !== want.totalItems || body.totalIsExact !== want.totalIsExact) return `expected ${JSON.stringify(want)}`;
      },
    },
    {
      key: 'ranking',
      label: `Ranking: \`?q=${RANKED_PROVINCE.toLowerCase()}\` puts "Tỉnh ủy ${RANKED_PROVINCE}" first`,
      short: 'ranking',
      request: rest({ q: RANKED_PROVINCE.toLowerCase() }),
      list: { filter: { search: RANKED_PROVINCE.toLowerCase() } },
      expect: async (body) => {
        if (body.items[0]?.name !== `Tỉnh ủy ${RANKED_PROVINCE}`)
          return `first: ${body.items[0]?.name}, expected Tỉnh ủy ${RANKED_PROVINCE}`;
      },
    },
  ].map((c) => ({ ...c, url: apiUrl }));
}

/** Each case's answer, checked against this script's own SQL; returns what the report prints of it. */
async function checkAnswers(apiUrl, cases) {
  const seen = {};
  for (const c of cases) {
    const body = await callApi(apiUrl, c.request);
    const problem = await c.expect(body);
    // A labelled run (BENCH_LABEL, e.g. "before") may measure an API without the ranking or totalIsExact: reported, not required.
    if (problem && !LABEL) throw new Error(`${c.short}: ${problem}`);
    if (problem) log(`${c.short}: ${problem} (BENCH_LABEL: reported only)`);
    const page = body.data?.units ?? body;
    seen[c.key] = {
      totalItems: page.totalItems,
      totalIsExact: page.totalIsExact,
      first: page.items.slice(0, 3).map((u) => u.name),
      problem,
    };
  }
  return seen;
}

// ─── the SQL of a list, run directly ──────────────────────────────────────────

/**
 * The statements UnitRepository.list runs for each case (captured from the
 * compiled repository the API runs, dist/server, as the benchmark's key would),
 * each case's statements then run `runs` times in a row on one connection: the
 * database's share of a request, less sensitive than HTTP to a busy machine.
 */
async function sqlAlone(pool, cases, rootUnit, runs) {
  const { RequestContext } = await loadCompiled('libs/server/core/src/index.js');
  const { UnitRepository } = await loadCompiled('libs/units/src/unit.repository.js');
  const caller = await apiKeyCaller(pool, rootUnit.id, KEY.scopes);
  const database = recordingDatabase(pool);
  const repository = new UnitRepository(database);
  const ctx = new RequestContext('bench-lists', caller, database.manager);
  const client = await pool.connect();
  const timings = {};
  try {
    for (const c of cases.filter((c) => c.list)) {
      database.take();
      await repository.list(ctx, { page: 1, pageSize: 20, ...c.list });
      const statements = database.take();
      const samples = [];
      for (let i = 0; i < runs + 2; i++) {
        const started = performance.now();
        for (const statement of statements) await client.query(statement.text, statement.values);
        if (i >= 2) samples.push(performance.now() - started);
      }
      timings[c.key] = { statements: statements.length, ...stats(samples) };
      log(`${c.short}: ${statements.length} statements, run directly: p50 ${ms(timings[c.key].p50)} ms, p95 ${ms(timings[c.key].p95)} ms`);
    }
  } finally {
    client.release();
  }
  return timings;
}

// ─── measurement ──────────────────────────────────────────────────────────────

async function run(target, { amount }) {
  const { result, times } = await runLoad(
    { url: target.url, connections: 1, amount, timeout: 30, requests: [target.request] },
    { recordTimes: true, stopAfterSeconds: MAX_SECONDS },
  );
  const problems = loadProblems(result);
  if (problems.length) throw new Error(`${target.short}: ${problems.join('; ')}`);
  return times;
}

function measure(target, api, pool) {
  return leastDisturbed({ attempts: ATTEMPTS, quietWait: QUIET_WAIT, sayRetry: false }, async () => {
    if (WARMUP > 0) await run(target, { amount: WARMUP });
    const before = await cpuSnapshot(api.child, pool);
    const times = await run(target, { amount: REQUESTS });
    const cpu = cpuShare(before, await cpuSnapshot(api.child, pool));
    const latency = stats(times);
    log(
      `${target.short}: p50 ${ms(latency.p50)} ms, p95 ${ms(latency.p95)} ms, p99 ${ms(latency.p99)} ms over ${latency.n} responses; other cores ${fmt(cpu.other, 2)}`,
    );
    return { latency, cpu };
  });
}

// ─── report ───────────────────────────────────────────────────────────────────

function render(info, cases, results, answers, sql) {
  const rows = cases.map((c) => {
    const r = results[c.key].latency;
    const a = answers[c.key];
    const total = `${fmt(a.totalItems)}${a.totalIsExact === false ? ' (inexact: more match)' : ''}`;
    const direct = sql[c.key] ? `${ms(sql[c.key].p50)} / ${ms(sql[c.key].p95)}` : '–';
    return `| ${c.label} | ${total} | ${direct} | ${a.first.map((n) => n.replaceAll('|', '/')).join('; ')} | ${ms(r.p50)} | **${ms(r.p95)}** | ${ms(r.p99)} | ${ms(r.max)} | ${fmt(r.n)} | ${r.p95 < TARGET_MS ? '✔' : '✘'} | ${fmt(results[c.key].cpu.other, 2)} |`;
  });
  return `${BEGIN}
<!-- Written by \`npm run bench:lists\` (bench/lists.mjs); everything between these markers is replaced on each run. -->

**Run of ${info.date}**${LABEL ? ` (${LABEL})` : ''} — ${info.machine}; Node ${process.version}; PostgreSQL ${info.postgres}; load average before the run ${info.loadavg}.
API built from ${info.revision}; database \`${info.database}\`, ${fmt(info.units)} units; requests carry \`Authorization: Bearer <API key with units:read>\` on the root of the tree.
Per case: ${WARMUP} unmeasured requests, then ${REQUESTS} requests on 1 keep-alive connection (autocannon ${info.autocannon}), every response time recorded; at most ${ATTEMPTS} measurements, the least disturbed counts (\"other cores\": CPU used meanwhile by other processes, of ${os.cpus().length}). \"SQL alone\": the statements of the list (captured from the compiled UnitRepository), run ${SQL_RUNS} times in a row on one connection. **Target: p95 under ${TARGET_MS} ms.**

| Case | totalItems | SQL alone p50 / p95 ms | first rows | HTTP p50 ms | HTTP p95 ms | p99 ms | max ms | responses | < ${TARGET_MS} ms | other cores |
| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | :---: | ---: |
${rows.join('\n')}
${END}`;
}

// ─── main ─────────────────────────────────────────────────────────────────────

async function main() {
  const { loadavg, api } = await prepare();
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2, application_name: 'danvan-bench-lists' });
  try {
    const rootUnit = TREE.CENTRAL[0];
    const units = await seedUnits(pool, { minimum: MIN_UNITS, provinces: SMOKE ? SMOKE_PROVINCES : undefined });
    if (units.inserted) log(`seeded ${fmt(units.inserted)} committees`);
    const seeded = await seedEmulationData(pool, { rootId: rootUnit.id, models: MODELS, organisations: true, blocSize: BLOC_SIZE });
    if (seeded.units) log(`seeded ${fmt(seeded.units)} Fatherland Front and mass-organisation units (and the emulation data)`);
    // As autovacuum leaves the table after a while (statistics, visibility map for index-only scans),
    // also right after a migration rewrote it (UnitSearchColumns1764000000910 adds stored columns).
    await pool.query('VACUUM (ANALYZE) unit');
    const auth = await benchApiKey(pool, rootUnit.id, KEY);
    const cases = await casesOf(pool, api.url, auth);
    const answers = await checkAnswers(api.url, cases);
    log(`answers checked against independent SQL: ${cases.map((c) => `${c.short} ${fmt(answers[c.key].totalItems)}`).join(', ')}`);

    const sql = await sqlAlone(pool, cases, rootUnit, SQL_RUNS);
    const results = {};
    for (const c of cases) results[c.key] = await measure(c, api, pool);

    const info = { ...(await runInfo(pool, loadavg)), units: Number((await pool.query('SELECT count(*) AS n FROM unit')).rows[0].n) };
    process.stdout.write('\n');
    for (const c of cases) {
      const r = results[c.key].latency;
      process.stdout.write(
        `  ${c.short.padEnd(18)} p50 ${ms(r.p50).padStart(5)}  p95 ${ms(r.p95).padStart(5)}  p99 ${ms(r.p99).padStart(5)} ms  ${r.p95 < TARGET_MS ? 'met' : 'MISSED'}\n`,
      );
    }
    process.stdout.write(`\n  target: p95 < ${TARGET_MS} ms for each case\n\n`);
    if (SMOKE) log('smoke run passed: every case answered 200 with the answer independent SQL expects (its figures measure nothing)');
    if (WRITE_DOC) {
      writeDocSection({
        begin: BEGIN,
        end: END,
        markdown: render(info, cases, results, answers, sql),
        template: `# Performance\n\n## Lists at national scale\n\n${BEGIN}\n${END}\n`,
        fallbackHeading: '## Lists at national scale: latest results of `npm run bench:lists`',
      });
      log('results written to docs/performance.md');
    }
    if (STRICT && cases.some((c) => results[c.key].latency.p95 >= TARGET_MS)) process.exitCode = 1;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

await runBenchmark(main);

/**
 * Read benchmark of the unit register: `npm run bench`.
 *
 * Seeds ≥ 10,000 units into a PostgreSQL database, then loads with autocannon
 * (10 connections, loopback only), one after the other:
 *   bare     node:http + pg Pool(10) running the API's own one-unit SELECT (bench/bare-server.mjs)
 *   REST     GET /api/v1/units/:id of the built API (NestJS + Fastify)
 *   GraphQL  POST /graphql { unit(id) { … } } of the same API process
 * each request asking for a random unit id among all seeded ones. The bare
 * server's SELECT is recorded from the API itself (bench/unit-select.mjs). Prints
 * a table and rewrites the results section of docs/performance.md (between markers).
 *
 * Environment:
 *   BENCH_SMOKE           1: smoke mode (CI): ≈ 500 units, 2 s per target, no warm-up wait, docs/performance.md left alone;
 *                         still fails on any error, non-2xx answer, wrong body or target without responses
 *   BENCH_DATABASE_URL    default postgres://postgres@127.0.0.1:5432/danvan_bench (smoke: danvan_bench_smoke; created if missing; loopback only)
 *   BENCH_SECONDS         measured seconds per target (default 10)
 *   BENCH_WARMUP_SECONDS  unmeasured load before each measurement (default 3)
 *   BENCH_CONNECTIONS     concurrent connections (default 10)
 *   BENCH_ROUNDS          repeat bare → REST → GraphQL this many times, report medians (default 1)
 *   BENCH_QUIET_WAIT      before each target, wait up to this many seconds for other processes to go quiet (default 60)
 *   BENCH_MAX_OTHER_CORES measure again when other processes used more CPU than this during a measurement (default 0.25)
 *   BENCH_ATTEMPTS        at most this many measurements per target and round; the least disturbed one counts (default 3)
 *   BENCH_BUILD           auto (build when sources are newer, default) | always | never
 *   BENCH_WRITE_DOC       0 to leave docs/performance.md alone
 *   BENCH_STRICT          1 to exit 1 when a target is missed
 */
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  DATABASE_URL,
  HOST,
  SMOKE,
  SMOKE_PROVINCES,
  STRICT,
  WRITE_DOC,
  benchApiKey as writeBenchApiKey,
  cpuShare,
  cpuSnapshot,
  env,
  fmt,
  freePort,
  leastDisturbed,
  loadProblems,
  log,
  median,
  pct,
  positive,
  prepare,
  printColumns,
  root,
  runBenchmark,
  runInfo,
  runLoad,
  sleep,
  startChild,
  waitHealthy,
  writeDocSection,
} from './lib.mjs';
import { buildTree, seedUnits } from './seed-units.mjs';
import { recordUnitSelect } from './unit-select.mjs';

const SECONDS = positive('BENCH_SECONDS', SMOKE ? 2 : 10);
const WARMUP_SECONDS = positive('BENCH_WARMUP_SECONDS', SMOKE ? 0 : 3, true);
const CONNECTIONS = positive('BENCH_CONNECTIONS', 10);
const ROUNDS = positive('BENCH_ROUNDS', 1);
const QUIET_WAIT = positive('BENCH_QUIET_WAIT', SMOKE ? 0 : 60, true);
const ATTEMPTS = positive('BENCH_ATTEMPTS', SMOKE ? 1 : 3);
const TREE = buildTree(SMOKE ? { provinces: SMOKE_PROVINCES } : {});
const MIN_UNITS = SMOKE ? Object.values(TREE).flat().length : 10_000;
const BEGIN = '<!-- bench:units-read:begin -->';
const END = '<!-- bench:units-read:end -->';
const TARGETS = { restVsBare: 0.5, restP99Ms: 20, graphqlVsRest: 0.6 };
const GRAPHQL_QUERY =
  'query($id: ID!) { unit(id: $id) { id code name shortName kind level parentId adminAreaCode status validFrom validTo version } }';

// ─── load ─────────────────────────────────────────────────────────────────────

function targetsOf(bareUrl, apiUrl, ids, auth) {
  const n = ids.length;
  // The same Authorization header goes to all three (the bare server ignores it), so requests weigh the same.
  const headers = auth ? { authorization: `Bearer ${auth}` } : {};
  const randomId = () => ids[(Math.random() * n) | 0];
  const gqlHead = `{"query":${JSON.stringify(GRAPHQL_QUERY)},"variables":{"id":"`;
  return [
    {
      key: 'bare',
      label: 'bare node:http + pg',
      url: bareUrl,
      request: { method: 'GET', headers, setupRequest: (req) => ((req.path = `/api/v1/units/${randomId()}`), req) },
      verifyBody: (body) => body.startsWith('{"id":"'),
    },
    {
      key: 'rest',
      label: 'REST GET /api/v1/units/:id',
      url: apiUrl,
      request: { method: 'GET', headers, setupRequest: (req) => ((req.path = `/api/v1/units/${randomId()}`), req) },
      verifyBody: (body) => body.startsWith('{"id":"'),
    },
    {
      key: 'graphql',
      label: 'GraphQL unit(id)',
      url: apiUrl,
      request: {
        method: 'POST',
        path: '/graphql',
        headers: { ...headers, 'content-type': 'application/json' },
        setupRequest: (req) => ((req.body = `${gqlHead}${randomId()}"}}`), req),
      },
      verifyBody: (body) => body.startsWith('{"data":{"unit":{"id":"'),
    },
  ];
}

async function load(target, seconds) {
  const { result } = await runLoad({
    url: target.url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [target.request],
    verifyBody: target.verifyBody,
  });
  return result;
}

const problemsOf = (result) => loadProblems(result, 'the unit in the body');

/** Compares a sample of ids across the three targets before loading them. */
async function crossCheck(bareUrl, apiUrl, ids, auth) {
  const headers = auth ? { authorization: `Bearer ${auth}` } : {};
  const sample = Array.from({ length: 20 }, (_, i) => ids[Math.floor((i * ids.length) / 20)]);
  for (const id of sample) {
    const bare = await fetch(`${bareUrl}/api/v1/units/${id}`, { headers });
    const rest = await fetch(`${apiUrl}/api/v1/units/${id}`, { headers });
    const gql = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query: GRAPHQL_QUERY, variables: { id } }),
    });
    if (bare.status !== 200 || rest.status !== 200 || gql.status !== 200) {
      throw new Error(`unit ${id}: bare ${bare.status}, REST ${rest.status}, GraphQL ${gql.status}: ${await rest.text()}`);
    }
    const [b, r, g] = [await bare.json(), await rest.json(), await gql.json()];
    if (g.errors || !g.data?.unit) throw new Error(`GraphQL unit ${id}: ${JSON.stringify(g)}`);
    const same =
      b.id === id &&
      r.id === id &&
      g.data.unit.id === id &&
      b.code === r.code &&
      r.code === g.data.unit.code &&
      b.name === r.name &&
      r.name === g.data.unit.name &&
      b.version === r.version &&
      r.version === g.data.unit.version &&
      b.valid_from === r.validFrom &&
      r.validFrom === g.data.unit.validFrom;
    if (!same) throw new Error(`unit ${id} differs between targets:\n${JSON.stringify({ b, r, g: g.data.unit }, null, 1)}`);
  }
}

// ─── authentication ───────────────────────────────────────────────────────────

const BENCH_KEY_PREFIX = 'danvanbench';

/** True when the API refuses an anonymous read of a unit (REST or GraphQL). */
async function apiWantsCredentials(apiUrl, id) {
  const rest = await fetch(`${apiUrl}/api/v1/units/${id}`);
  const gql = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: GRAPHQL_QUERY, variables: { id } }),
  });
  const gqlBody = await gql.json().catch(() => ({}));
  const refused = (status) => status === 401 || status === 403;
  return (
    refused(rest.status) ||
    refused(gql.status) ||
    (gqlBody.errors ?? []).some((e) => /UNAUTHENTICATED|FORBIDDEN/.test(e.extensions?.code ?? ''))
  );
}

/**
 * A read-only API key (`units:read`) on the root of the benchmark tree, written
 * straight into the api_key table (prefix `danvanbench`, a new secret each run,
 * only its SHA-256 stored), in the API's key format `dvk_<prefix>_<secret>`.
 */
function benchApiKey(pool, rootId) {
  return writeBenchApiKey(pool, rootId, { prefix: BENCH_KEY_PREFIX, name: 'npm run bench (read-only)', scopes: ['units:read'] });
}

// ─── report ───────────────────────────────────────────────────────────────────

function summarise(runs) {
  const pick = (f) => median(runs.map(f));
  return {
    rps: pick((r) => r.result.requests.average),
    p50: pick((r) => r.result.latency.p50),
    p99: pick((r) => r.result.latency.p99),
    max: pick((r) => r.result.latency.max),
    requests: runs.reduce((sum, r) => sum + r.result.requests.total, 0),
    bytes: pick((r) => r.result.throughput.total / r.result.requests.total),
    // CPU time per response: steadier than req/s on a noisy machine.
    serverUs: pick((r) => (r.cpu.server * 1e6) / r.result.requests.average),
    postgresUs: pick((r) => (r.cpu.postgres * 1e6) / r.result.requests.average),
    cpu: {
      server: pick((r) => r.cpu.server),
      postgres: pick((r) => r.cpu.postgres),
      loader: pick((r) => r.cpu.loader),
      other: pick((r) => r.cpu.other),
    },
    perRound: runs.map((r) => Math.round(r.result.requests.average)),
  };
}

const yes = (ok) => (ok ? '**met**' : '**missed**');

function renderResults(info, summary, targets) {
  const { bare, rest, graphql } = summary;
  const restVsBare = rest.rps / bare.rps;
  const graphqlVsRest = graphql.rps / rest.rps;
  const met = {
    restVsBare: restVsBare >= TARGETS.restVsBare,
    restP99: rest.p99 <= TARGETS.restP99Ms,
    graphqlVsRest: graphqlVsRest >= TARGETS.graphqlVsRest,
  };
  const rows = targets.map((t) => {
    const s = summary[t.key];
    return `| ${t.label} | ${fmt(s.rps)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.max)} | ${fmt(s.requests)} | ${fmt(s.bytes)} | ${fmt(s.serverUs)} / ${fmt(s.postgresUs)} | ${fmt(s.cpu.server, 2)} / ${fmt(s.cpu.postgres, 2)} / ${fmt(s.cpu.loader, 2)} / ${fmt(s.cpu.other, 2)} |`;
  });
  const perRoundRatio = (a, b) => summary[a].perRound.map((v, i) => pct(v / summary[b].perRound[i])).join(', ');
  const rounds =
    ROUNDS > 1
      ? `\nPer round — req/s: ${targets.map((t) => `${t.key} ${summary[t.key].perRound.map((v) => fmt(v)).join(', ')}`).join('; ')}; ` +
        `REST/bare ${perRoundRatio('rest', 'bare')}; GraphQL/REST ${perRoundRatio('graphql', 'rest')}.\n`
      : '';
  const markdown = `${BEGIN}
<!-- Written by \`npm run bench\` (bench/units-read.mjs); everything between these markers is replaced on each run. -->

**Run of ${info.date}** — ${info.machine}; Node ${process.version}; PostgreSQL ${info.postgres}; load average before the run ${info.loadavg}.
API built from ${info.revision}. ${fmt(info.units)} units in \`${info.database}\` (${info.seeded}); random id per request among all of them; requests ${info.auth}.
autocannon ${info.autocannon}, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s measured per target, ${ROUNDS === 1 ? 'one round' : `${ROUNDS} rounds (medians)`}, targets run one after the other on 127.0.0.1.

| Target | req/s (avg) | p50 ms | p99 ms | max ms | responses measured | bytes/response | CPU µs/response: server / PostgreSQL | cores used: server / PostgreSQL / autocannon / other |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}
${rounds}
| Check | Measured | Target | |
| --- | ---: | ---: | --- |
| REST / bare throughput | ${pct(restVsBare)} | ≥ ${pct(TARGETS.restVsBare)} | ${yes(met.restVsBare)} |
| REST p99 | ${fmt(rest.p99)} ms | ≤ ${TARGETS.restP99Ms} ms | ${yes(met.restP99)} |
| GraphQL / REST throughput | ${pct(graphqlVsRest)} | ≥ ${pct(TARGETS.graphqlVsRest)} | ${yes(met.graphqlVsRest)} |
| (GraphQL / bare throughput) | ${pct(graphql.rps / bare.rps)} | | |
${END}`;
  return { markdown, restVsBare, graphqlVsRest, met };
}

const DOC_TEMPLATE = `# Performance

## Unit read benchmark

Run \`npm run bench\`; see bench/units-read.mjs for what it measures.

### Latest results

${BEGIN}
${END}
`;

function writeDoc(markdown) {
  writeDocSection({ begin: BEGIN, end: END, markdown, template: DOC_TEMPLATE, fallbackHeading: '## Latest results of `npm run bench`' });
}

function printTable(targets, summary) {
  const lines = [['target', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'µs/resp srv/pg', 'cores srv/pg/ac/other']];
  for (const t of targets) {
    const s = summary[t.key];
    lines.push([
      t.label,
      fmt(s.rps),
      fmt(s.p50),
      fmt(s.p99),
      fmt(s.max),
      fmt(s.requests),
      `${fmt(s.serverUs)}/${fmt(s.postgresUs)}`,
      `${fmt(s.cpu.server, 2)}/${fmt(s.cpu.postgres, 2)}/${fmt(s.cpu.loader, 2)}/${fmt(s.cpu.other, 2)}`,
    ]);
  }
  printColumns(lines);
}

// ─── main ─────────────────────────────────────────────────────────────────────

async function main() {
  const {
    loadavg,
    api: { child: api, port: apiPort },
  } = await prepare();

  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1, application_name: 'danvan-bench' });
  try {
    const seed = await seedUnits(pool, { minimum: MIN_UNITS, provinces: SMOKE ? SMOKE_PROVINCES : undefined });
    const expected = Object.values(TREE).flat().length;
    log(
      seed.inserted
        ? `seeded ${fmt(seed.inserted)} units (${fmt(seed.before)} were present)`
        : `${fmt(seed.total)} units present: nothing to seed`,
    );
    if (seed.total < MIN_UNITS) throw new Error(`only ${seed.total} units after seeding (the tree has ${expected})`);
    // Every unit of the benchmark tree (the root and all below it).
    const rootUnit = TREE.CENTRAL[0];
    const ids = (
      await pool.query(`SELECT u.id::text AS id FROM unit u, unit r WHERE r.id = $1 AND u.path >= r.path AND u.path < r.path || '~'`, [
        rootUnit.id,
      ])
    ).rows.map((r) => r.id);
    if (ids.length < MIN_UNITS) throw new Error(`only ${ids.length} units in the benchmark tree`);

    const apiUrl = `http://${HOST}:${apiPort}`;
    let auth = env.BENCH_API_KEY || '';
    if (!auth && (await apiWantsCredentials(apiUrl, rootUnit.id))) {
      auth = await benchApiKey(pool, rootUnit.id);
      log('the API wants credentials: reading with a units:read API key made for the benchmark');
    }

    // The bare server runs the statement the API sends for this read, recorded from the API (a unit other than the key's own).
    const unitSelect = await recordUnitSelect({ databaseUrl: DATABASE_URL, auth, unitId: ids.find((id) => id !== rootUnit.id) });
    log(
      `SELECT the API runs for GET /api/v1/units/:id (recorded), parameters ${JSON.stringify(unitSelect.values)}:\n  ${unitSelect.text.replace(/\n/g, '\n  ')}`,
    );
    const barePort = await freePort();
    log(`starting the bare baseline on ${HOST}:${barePort}…`);
    const bare = startChild('bare', [join(root, 'bench/bare-server.mjs')], {
      DATABASE_URL,
      PORT: String(barePort),
      HOST,
      POOL_SIZE: '10',
      UNIT_SELECT: JSON.stringify(unitSelect),
    });
    await waitHealthy(bare, barePort);
    const bareUrl = `http://${HOST}:${barePort}`;

    await crossCheck(bareUrl, apiUrl, ids, auth);
    log('the three targets agree on a sample of units');

    const targets = targetsOf(bareUrl, apiUrl, ids, auth);
    const serverOf = { bare, rest: api, graphql: api };
    const runs = { bare: [], rest: [], graphql: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const target of targets) {
        const prefix = ROUNDS > 1 ? `round ${round}/${ROUNDS}: ` : '';
        const best = await leastDisturbed({ attempts: ATTEMPTS, quietWait: QUIET_WAIT }, async (attempt) => {
          if (WARMUP_SECONDS > 0) {
            log(`${prefix}${target.label}: warm-up ${WARMUP_SECONDS} s…`);
            const warm = await load(target, WARMUP_SECONDS);
            const problems = problemsOf(warm);
            if (problems.length) throw new Error(`${target.label} (warm-up): ${problems.join('; ')}`);
          }
          await sleep(500);
          log(`${prefix}${target.label}: measuring ${SECONDS} s${attempt > 1 ? ` (attempt ${attempt}/${ATTEMPTS})` : ''}…`);
          const before = await cpuSnapshot(serverOf[target.key], pool);
          const result = await load(target, SECONDS);
          const cpu = cpuShare(before, await cpuSnapshot(serverOf[target.key], pool));
          const problems = problemsOf(result);
          if (problems.length) throw new Error(`${target.label}: ${problems.join('; ')}`);
          log(
            `  ${fmt(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${fmt(result.requests.total)} responses, all 200; ` +
              `cores used: server ${fmt(cpu.server, 2)}, postgres ${fmt(cpu.postgres, 2)}, autocannon ${fmt(cpu.loader, 2)}, other processes ${fmt(cpu.other, 2)}`,
          );
          await sleep(500);
          return { result, cpu, attempts: attempt };
        });
        runs[target.key].push(best);
      }
    }

    const summary = Object.fromEntries(Object.entries(runs).map(([key, list]) => [key, summarise(list)]));
    const cpus = os.cpus();
    const info = {
      ...(await runInfo(pool, loadavg)),
      units: ids.length,
      auth: auth
        ? 'carry `Authorization: Bearer <API key with units:read>` (the API requires credentials; the bare server ignores the header)'
        : 'are anonymous (the API did not ask for credentials)',
      seeded: seed.inserted ? `${fmt(seed.inserted)} seeded by this run` : 'seeded by an earlier run',
    };
    const report = renderResults(info, summary, targets);
    process.stdout.write('\n');
    printTable(targets, summary);
    process.stdout.write(
      `\n  REST/bare ${pct(report.restVsBare)} (target ≥ ${pct(TARGETS.restVsBare)}: ${report.met.restVsBare ? 'met' : 'MISSED'}), ` +
        `REST p99 ${summary.rest.p99} ms (target ≤ ${TARGETS.restP99Ms} ms: ${report.met.restP99 ? 'met' : 'MISSED'}), ` +
        `GraphQL/REST ${pct(report.graphqlVsRest)} (target ≥ ${pct(TARGETS.graphqlVsRest)}: ${report.met.graphqlVsRest ? 'met' : 'MISSED'})\n` +
        `  cores = CPU used during the measurement by the server process / all postgres processes / this script (autocannon) / anything else, of ${cpus.length} cores.\n\n`,
    );
    if (SMOKE) log('smoke run passed: every target answered 2xx with the expected bodies (the figures of a smoke run measure nothing)');
    if (WRITE_DOC) {
      writeDoc(report.markdown);
      log('results written to docs/performance.md');
    }
    if (STRICT && !Object.values(report.met).every(Boolean)) process.exitCode = 1;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

// A failure is printed by its message (the other benchmarks print its stack).
await runBenchmark(main, { stack: false });

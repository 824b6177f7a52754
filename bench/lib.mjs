/**
 * Helpers shared by the benchmarks (bench/units-read.mjs, bench/emulation.mjs,
 * bench/lists.mjs): environment settings, child processes (the built API), the
 * benchmark database, the swc build, the compiled services of dist/server, loads
 * and their statistics, CPU accounting, a benchmark API key, the report (tables,
 * the marked results sections of docs/performance.md) and the run of a benchmark.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const env = process.env;
export const HOST = '127.0.0.1';
/**
 * Smoke mode (`BENCH_SMOKE=1`, run by CI): a small seed, a few seconds per
 * target, docs/performance.md left alone; every target still runs, and any
 * error, non-2xx answer, unexpected body or target without responses still
 * fails the run. Its figures mean nothing; it proves the benchmark works.
 */
export const SMOKE = env.BENCH_SMOKE === '1';
/** Provinces of the seeded tree in smoke mode (the first ones of the full tree, with the same ids): ≈ 500 committees. */
export const SMOKE_PROVINCES = 3;
// A smoke seed is smaller than a full one: the two never share a database.
export const DEFAULT_DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${SMOKE ? 'danvan_bench_smoke' : 'danvan_bench'}`;
export const API_ENTRY = join(root, 'dist/server/apps/api/src/main.js');
export const DOC = join(root, 'docs/performance.md');

/** A numeric setting from the environment (positive; zero only when allowed). */
export function positive(name, fallback, zeroAllowed = false) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0))
    throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

/** Settings every benchmark reads the same way (see the Environment list at the top of each). */
export const DATABASE_URL = env.BENCH_DATABASE_URL || DEFAULT_DATABASE_URL;
export const BUILD = env.BENCH_BUILD || 'auto';
export const WRITE_DOC = !SMOKE && env.BENCH_WRITE_DOC !== '0';
export const STRICT = !SMOKE && env.BENCH_STRICT === '1';
export const MAX_OTHER = positive('BENCH_MAX_OTHER_CORES', 0.25, true);

export const log = (message) => process.stdout.write(`[bench] ${message}\n`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ─── processes ────────────────────────────────────────────────────────────────

export const children = new Set();

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a Node child process; keeps the tail of its output for error messages. */
export function startChild(name, args, childEnv) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...env, ...childEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.label = name;
  child.tail = [];
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      child.tail.push(line);
      if (child.tail.length > 40) child.tail.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', (chunk) => {
    keep(chunk);
    process.stderr.write(String(chunk).replace(/^(?=.)/gm, `[${name}] `));
  });
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  children.add(child);
  void child.exited.then(() => children.delete(child));
  return child;
}

export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const stopped = await Promise.race([child.exited.then(() => true), sleep(8_000).then(() => false)]);
  if (!stopped) {
    child.kill('SIGKILL');
    await child.exited;
  }
}

/** Stops every child process this script started (each by its own handle). */
export function stopChildren() {
  return Promise.all([...children].map(stopChild));
}

export async function waitHealthy(child, port) {
  const deadline = Date.now() + 90_000;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${child.label} exited before serving:\n${child.tail.join('\n')}`);
    try {
      const response = await fetch(`http://${HOST}:${port}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${child.label} did not answer /health within 90 s:\n${child.tail.join('\n')}`);
}

/**
 * Starts the built API on a free port of 127.0.0.1 against `databaseUrl` (it
 * migrates the schema) and waits until it answers /health.
 */
export async function startApi(databaseUrl) {
  const port = await freePort();
  log(`starting the API on ${HOST}:${port} (migrates the schema)…`);
  const child = startChild('api', [API_ENTRY], {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // One key sends tens of thousands of reads a minute here: the limiter still
    // counts every request (its cost is measured) but must not refuse them.
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  await waitHealthy(child, port);
  return { child, port, url: `http://${HOST}:${port}` };
}

// ─── database, build ──────────────────────────────────────────────────────────

export function checkLoopback(url) {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new Error(`BENCH_DATABASE_URL must point at the loopback interface (127.0.0.1), not ${host}`);
  }
}

/** Creates the database of `url` when missing; true when it did. */
export async function ensureDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error('BENCH_DATABASE_URL names no database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else if (!path.endsWith('.spec.ts')) newest = Math.max(newest, info.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

/** Compiles the API with swc into dist/server when `mode` is always, or auto and the build is older than its sources. */
export function buildApi(mode) {
  const stale = !existsSync(API_ENTRY) || statSync(API_ENTRY).mtimeMs < newestMtime(['apps/api/src', 'libs', '.swcrc']);
  if (mode === 'never' || (mode === 'auto' && !stale)) {
    log(`API build ${stale ? 'is older than its sources, but BENCH_BUILD=never' : 'is up to date'} (dist/server)`);
    return;
  }
  log('compiling the API (swc → dist/server)…');
  const swc = join(root, 'node_modules/.bin/swc');
  rmSync(join(root, 'dist/server'), { recursive: true, force: true }); // no stale files of moved sources (they hid a broken import once)
  const result = spawnSync(swc, ['apps/api/src', 'libs', '-d', 'dist/server', '--ignore', '**/*.spec.ts', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`swc failed (exit ${result.status ?? result.signal})`);
}

/**
 * Loads the benchmark database (created when missing; loopback only), compiles the API when `BUILD` asks, starts it.
 * Returns the load average seen before any of it (for the report) and the API (startApi).
 */
export async function prepare() {
  checkLoopback(DATABASE_URL);
  const loadavg = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
  if (await ensureDatabase(DATABASE_URL)) log(`created database ${new URL(DATABASE_URL).pathname.slice(1)}`);
  buildApi(BUILD);
  return { loadavg, api: await startApi(DATABASE_URL) };
}

// ─── the compiled services (dist/server) ──────────────────────────────────────

/** A module of the compiled API (dist/server), by its path there: the code the API process itself runs. */
export async function loadCompiled(path) {
  await import('reflect-metadata');
  return import(pathToFileURL(join(root, 'dist/server', path)).href);
}

/**
 * A database stand-in for the compiled services ({ manager }) that runs every
 * statement on `pool` and records it with its parameters: `take()` returns the
 * statements recorded since the last take.
 */
export function recordingDatabase(pool) {
  let recorded = [];
  const manager = {
    query: async (text, values = []) => {
      recorded.push({ text, values });
      return (await pool.query(text, values)).rows;
    },
  };
  return {
    manager,
    take: () => {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}

/** The caller the API makes of the benchmark's API key with `scopes` on `unitId` (for RequestContext). */
export async function apiKeyCaller(pool, unitId, scopes) {
  const scopePath = (await pool.query('SELECT path FROM unit WHERE id = $1', [unitId])).rows[0].path;
  return {
    kind: 'api-key',
    id: null,
    label: 'bench',
    role: null,
    unitId,
    scopePath,
    permissions: new Set(scopes),
    mustChangePassword: false,
  };
}

// ─── load and statistics ──────────────────────────────────────────────────────

let currentLoad;

/**
 * Runs one autocannon load of `options` (loopback only), stopped by an interrupt
 * (runBenchmark) or after `stopAfterSeconds`. With `recordTimes`, also every
 * 200 response's time in ms. Returns { result, times }.
 */
export async function runLoad(options, { recordTimes = false, stopAfterSeconds } = {}) {
  if (new URL(options.url).hostname !== HOST) throw new Error(`refusing to load ${options.url}: loopback only`);
  const times = [];
  const instance = autocannon(options);
  if (recordTimes) instance.on('response', (_client, status, _bytes, ms) => status === 200 && times.push(ms));
  currentLoad = instance;
  const cap = stopAfterSeconds ? setTimeout(() => instance.stop(), stopAfterSeconds * 1000) : undefined;
  try {
    return { result: await instance, times };
  } finally {
    clearTimeout(cap);
    currentLoad = undefined;
  }
}

/** The JSON answer of one request ({ method, path, headers, body }) to the API; throws unless it is a 200. */
export async function callApi(apiUrl, request) {
  const response = await fetch(`${apiUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${request.method} ${request.path}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** What went wrong in a load: non-2xx answers, errors, timeouts, bodies without `expected` (verifyBody), no response at all. */
export function loadProblems(result, expected = 'the expected body') {
  const problems = [];
  if (result.non2xx) problems.push(`${result.non2xx} non-2xx responses (${JSON.stringify(result.statusCodeStats)})`);
  if (result.errors) problems.push(`${result.errors} connection errors`);
  if (result.timeouts) problems.push(`${result.timeouts} timeouts`);
  if (result.mismatches) problems.push(`${result.mismatches} responses without ${expected}`);
  if (!result.requests.total) problems.push('no responses at all');
  return problems;
}

/**
 * Measures up to `attempts` times (each after waiting up to `quietWait` s for a
 * quiet machine) until other processes used at most MAX_OTHER cores; returns the
 * least disturbed measurement (`measureOnce(attempt)` returns one with `cpu`).
 * `sayRetry`: log why it measures again.
 */
export async function leastDisturbed({ attempts, quietWait, sayRetry = true }, measureOnce) {
  let best;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (quietWait > 0) await waitQuiet(quietWait);
    const measured = await measureOnce(attempt);
    if (!best || measured.cpu.other < best.cpu.other) best = measured;
    if (measured.cpu.other <= MAX_OTHER) break;
    if (sayRetry && attempt < attempts)
      log(`  other processes used ${fmt(measured.cpu.other, 2)} cores (> ${MAX_OTHER}) during the measurement: measuring again`);
  }
  return best;
}

/** Nearest-rank percentile `p` of sorted samples. */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** Count, p50, p95, p99, max and mean of samples (ms). */
export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
  };
}

// ─── CPU accounting (Linux /proc; empty elsewhere) ────────────────────────────

const TICKS = 100; // USER_HZ on Linux

export function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/**
 * Ticks of the PostgreSQL backends serving the benchmark database, by pid
 * (backends come and go: compare per pid). Other databases' backends (someone
 * else's tests on the same server) count as "other".
 */
async function postgresTicks(pool) {
  const ticks = new Map();
  const { rows } = await pool.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  for (const { pid } of rows) ticks.set(pid, cpuTicks(pid));
  return ticks;
}

/** Busy ticks of the whole machine (all cores), from /proc/stat. */
export function machineTicks() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    return { busy: user + nice + system + irq + softirq + steal, all: user + nice + system + idle + iowait + irq + softirq + steal };
  } catch {
    return { busy: 0, all: 0 };
  }
}

export async function cpuSnapshot(server, pool) {
  const postgres = await postgresTicks(pool);
  const self = process.cpuUsage();
  return {
    at: performance.now(),
    server: cpuTicks(server.pid),
    postgres,
    machine: machineTicks(),
    self: (self.user + self.system) / 1e6,
  };
}

/**
 * Cores used by each actor between two snapshots (1.0 = one full core); `other`
 * is whatever else ran on the machine meanwhile (should be ≈ 0 for a clean run).
 */
export function cpuShare(before, after) {
  const seconds = (after.at - before.at) / 1000;
  let postgres = 0;
  for (const [pid, ticks] of after.postgres) postgres += ticks - (before.postgres.get(pid) ?? 0);
  const share = {
    server: (after.server - before.server) / TICKS / seconds,
    postgres: postgres / TICKS / seconds,
    loader: (after.self - before.self) / seconds,
    machine: (after.machine.busy - before.machine.busy) / TICKS / seconds,
  };
  share.other = Math.max(0, share.machine - share.server - share.postgres - share.loader);
  return share;
}

/** Waits (up to `seconds`) until the machine is nearly idle for 2 s in a row; returns the busy cores last seen. */
export async function waitQuiet(seconds) {
  const cores = os.cpus().length;
  const deadline = Date.now() + seconds * 1000;
  let quietFor = 0;
  let busy = 0;
  let warned = false;
  for (;;) {
    const before = machineTicks();
    await sleep(1000);
    const after = machineTicks();
    busy = after.all > before.all ? ((after.busy - before.busy) / (after.all - before.all)) * cores : 0;
    quietFor = busy < 0.15 * cores ? quietFor + 1 : 0;
    if (quietFor >= 2 || Date.now() >= deadline) return busy;
    if (!quietFor && !warned) {
      log(`  the machine is busy (${busy.toFixed(2)} of ${cores} cores used by other processes): waiting up to ${seconds} s for quiet…`);
      warned = true;
    }
  }
}

// ─── authentication ───────────────────────────────────────────────────────────

/**
 * An API key on `unitId` written straight into the api_key table (a new secret
 * each run, only its SHA-256 stored), in the API's key format
 * `dvk_<prefix>_<secret>`. `prefix`: 8–16 letters or digits, one per benchmark.
 */
export async function benchApiKey(pool, unitId, { prefix, name, scopes }) {
  const { rows } = await pool.query(`SELECT to_regclass('public.api_key') IS NOT NULL AS present`);
  if (!rows[0].present) throw new Error('the API wants credentials but has no api_key table: set BENCH_API_KEY');
  const secret = randomBytes(24).toString('base64url');
  const insert = pool.query(
    `INSERT INTO api_key (name, unit_id, prefix, secret_hash, scopes)
     VALUES ($4, $1, $2, $3, $5::text[])
     ON CONFLICT (prefix) DO UPDATE SET unit_id = EXCLUDED.unit_id, secret_hash = EXCLUDED.secret_hash, scopes = EXCLUDED.scopes,
       revoked_at = NULL, expires_at = NULL`,
    [unitId, prefix, createHash('sha256').update(secret).digest('hex'), name, scopes],
  );
  await insert.catch((error) => {
    throw new Error(`the API wants credentials and no API key could be written into api_key (${error.message}): set BENCH_API_KEY`);
  });
  return `dvk_${prefix}_${secret}`;
}

// ─── report ───────────────────────────────────────────────────────────────────

/** Commit and state of the sources the API was built from, for the record. */
export function sourceRevision() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'an unknown revision';
  const dirty = git('status', '--porcelain', '--', 'apps/api', 'libs').stdout.trim();
  return `commit ${head.stdout.trim()}${dirty ? ' with uncommitted changes in apps/api or libs' : ''}`;
}

/** "2 × AMD EPYC (linux 6.x, 24 GiB)" */
export function machineDescription() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'} (${os.platform()} ${os.release()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB)`;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const pct = (n) => `${Math.round(n * 100)} %`;
/** Milliseconds: one decimal under 10, '–' when missing. */
export const ms = (n) => (n === undefined || n === null ? '–' : n < 10 ? n.toFixed(1) : fmt(n));

/** What every report says of the run: date, machine, PostgreSQL, load average before it, sources, database, autocannon. */
export async function runInfo(pool, loadavg) {
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: machineDescription(),
    postgres: (await pool.query('SHOW server_version')).rows[0].server_version,
    loadavg,
    revision: sourceRevision(),
    database: new URL(DATABASE_URL).pathname.slice(1),
    autocannon: JSON.parse(readFileSync(join(root, 'node_modules/autocannon/package.json'), 'utf8')).version,
  };
}

/** Prints rows of cells (the first a header) as aligned columns: the first left-aligned, the others right-aligned. */
export function printColumns(lines) {
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  for (const l of lines) process.stdout.write(`  ${l.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')}\n`);
}

/**
 * Replaces the text between `begin` and `end` in docs/performance.md with
 * `markdown` (which carries both markers). Without the markers, appends
 * `fallbackHeading` and the section; without the file, writes `template`.
 */
export function writeDocSection({ begin, end, markdown, template, fallbackHeading }) {
  let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : template;
  const at = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (at === -1 || to === -1 || to < at) doc = `${doc.trimEnd()}\n\n${fallbackHeading}\n\n${markdown}\n`;
  else doc = doc.slice(0, at) + markdown + doc.slice(to + end.length);
  writeFileSync(DOC, doc);
}

// ─── the run ──────────────────────────────────────────────────────────────────

async function cleanup() {
  currentLoad?.stop();
  await stopChildren();
}

/**
 * Runs a benchmark's `main`: on SIGINT/SIGTERM stops the load and the child
 * processes and exits 130; a failure is printed (its stack, or only its message
 * with `stack: false`) and exits 1; the child processes are stopped in any case.
 */
export async function runBenchmark(main, { stack = true } = {}) {
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${signal}: stopping…`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    await main();
  } catch (error) {
    process.stderr.write(`[bench] failed: ${error instanceof Error ? (stack ? error.stack : error.message) : error}\n`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

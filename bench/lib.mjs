/**
 * Helpers shared by the benchmarks (bench/units-read.mjs, bench/emulation.mjs):
 * environment settings, child processes (the built API), the benchmark
 * database, the swc build, CPU accounting, a benchmark API key, and the
 * marked results sections of docs/performance.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

#!/usr/bin/env node
/**
 * `npm run bench:smoke` (CI, .ci/run): every benchmark in smoke mode, so that a
 * broken benchmark fails CI. Runs each `npm run bench*` script of package.json
 * (but this one) with BENCH_SMOKE=1 against a fresh database of the local
 * PostgreSQL server (dropped and created first, dropped again when all passed),
 * one after the other; exits 1 when any fails. A new benchmark is covered by
 * adding its `bench:…` script.
 *
 *   BENCH_DATABASE_URL  default postgres://postgres@127.0.0.1:5432/bench_smoke (its name must contain "smoke": it is dropped)
 *
 * Installs the dependencies first when they are missing (tools/scripts/lib.mjs);
 * each benchmark compiles the API when dist/server is missing or older than its sources.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, root } from '../tools/scripts/lib.mjs';

const SELF = 'bench:smoke';
const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/bench_smoke';
const log = (message) => process.stdout.write(`[bench:smoke] ${message}\n`);

const name = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
if (!name.includes('smoke')) {
  log(`refusing to drop the database "${name}": the smoke database's name must contain "smoke"`);
  process.exit(1);
}

ensureDependencies(); // before importing anything from node_modules
const { default: pg } = await import('pg');

/** Runs `sql` on the server's `postgres` database (CREATE/DROP DATABASE cannot run inside the target). */
async function admin(sql) {
  const url = new URL(DATABASE_URL);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
const quoted = `"${name.replaceAll('"', '""')}"`;

const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
const benchmarks = Object.keys(scripts).filter((s) => (s === 'bench' || s.startsWith('bench:')) && s !== SELF);
if (!benchmarks.length) {
  log('no bench scripts in package.json');
  process.exit(1);
}

await admin(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
await admin(`CREATE DATABASE ${quoted}`);
log(`fresh database ${name}; benchmarks: ${benchmarks.map((b) => `npm run ${b}`).join(', ')}`);

const results = [];
for (const script of benchmarks) {
  log(`npm run ${script} (BENCH_SMOKE=1)…`);
  const started = performance.now();
  const run = spawnSync('npm', ['run', '--silent', script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_SMOKE: '1', BENCH_DATABASE_URL: DATABASE_URL },
  });
  const seconds = (performance.now() - started) / 1000;
  const ok = run.status === 0;
  results.push({ script, ok, seconds });
  log(`npm run ${script}: ${ok ? 'passed' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds.toFixed(1)} s`);
}

const failed = results.filter((r) => !r.ok);
log(results.map((r) => `${r.script} ${r.ok ? 'ok' : 'FAILED'} ${r.seconds.toFixed(1)} s`).join('; '));
if (failed.length) {
  log(`${failed.length} of ${results.length} benchmarks failed; database ${name} kept for inspection`);
  process.exit(1);
}
await admin(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
log(`all ${results.length} benchmarks passed in smoke mode`);

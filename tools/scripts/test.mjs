#!/usr/bin/env node
/**
 * npm test: install what is missing, type-check, lint (module boundaries) and check
 * the formatting (Prettier), build,
 * then run every jest project (unit, api, admin, browser).
 *
 * Database: embedded PGlite per test file by default; a real server when
 * TEST_DATABASE_URL=postgres://… is set (each test file in its own schema).
 * Browser tests need Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH):
 * without it they are skipped with one line, except under CI (CI=true) where
 * that is a failure. Extra arguments go to jest (e.g. `npm test -- --selectProjects api`).
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildAdmin, buildServer, ensureDependencies, log, root, run } from './lib.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);
const jestArgs = process.argv.slice(2);
const ci = process.env.CI === 'true' || process.env.CI === '1';

ensureDependencies();

log('type-checking…');
run(bin('tsc'), ['-p', 'tsconfig.json']);
run(bin('tsc'), ['-p', 'apps/admin/tsconfig.json', '--noEmit']);

log('linting (including Nx module boundaries)…');
run(bin('nx'), ['show', 'projects'], { env: { NX_DAEMON: 'false' } }); // computes the project graph the boundary rule reads
run(bin('eslint'), ['apps', 'libs', 'tools', '--max-warnings', '0'], { env: { NX_DAEMON: 'false' } });
log('checking formatting (Prettier; `npm run format` rewrites)…');
run(bin('prettier'), ['--check', '--log-level', 'warn', '.']);

buildServer();
buildAdmin();

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const projects = ['unit', 'api', 'admin', 'browser'];
if (!existsSync(chromium)) {
  if (ci) {
    log(`Chromium is required under CI but ${chromium} is missing (apt-get install -y chromium).`);
    process.exit(1);
  }
  log(`Chromium not found at ${chromium}: browser tests skipped (install it with: apt-get install -y chromium).`);
  projects.pop();
}

mkdirSync(join(root, 'tmp'), { recursive: true });
const target = process.env.TEST_DATABASE_URL
  ? `PostgreSQL server ${process.env.TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//')}`
  : 'embedded PGlite';
log(`running tests against ${target}…`);

/**
 * Two jest runs: the server-side and SPA projects with two workers (each test file has its own
 * database, so they run side by side; on 2 cores this is what keeps CI short), then the browser tests
 * with one (each drives Chromium against its own API, which wants the machine to itself).
 * Arguments naming projects (`--selectProjects …`) make one run of just those.
 */
const env = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(), CHROMIUM_PATH: chromium };
const chosen = jestArgs.some((a) => a.startsWith('--selectProjects'));
const runs = chosen
  ? [{ name: 'chosen', args: [] }]
  : [
      { name: 'server-and-spa', args: ['--selectProjects', ...projects.filter((p) => p !== 'browser'), '--maxWorkers=2'] },
      ...(projects.includes('browser') ? [{ name: 'browser', args: ['--selectProjects', 'browser', '--maxWorkers=1'] }] : []),
    ];
let status = 0;
const totals = { passed: 0, failed: 0, skipped: 0, total: 0 };
for (const { name, args } of runs) {
  const resultsFile = join(root, 'tmp', `jest-results-${name}.json`);
  rmSync(resultsFile, { force: true });
  // --passWithNoTests: a pattern (`npm test -- --testPathPatterns units`) may match nothing in one of the runs;
  // a run of nothing at all is still a failure (below).
  const exit = run(bin('jest'), [...args, '--passWithNoTests', '--json', `--outputFile=${resultsFile}`, ...jestArgs], {
    env,
    allowFailure: true,
  });
  status ||= exit;
  if (!existsSync(resultsFile)) continue;
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  totals.passed += results.numPassedTests;
  totals.failed += results.numFailedTests;
  totals.skipped += results.numPendingTests + results.numTodoTests;
  totals.total += results.numTotalTests;
}
// A plain closing line that CI reads, whatever the runner.
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
if (totals.total === 0) {
  log('no test ran');
  process.exit(1);
}
process.exit(status);

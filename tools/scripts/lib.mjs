/**
 * Helpers of the two commands (npm start, npm test). Node built-ins only: they
 * run before dependencies are installed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function log(message) {
  process.stdout.write(`[danvan] ${message}\n`);
}

/** Runs a command in the repository, inheriting the terminal; exits on failure unless told not to. */
export function run(command, args, { env = {}, allowFailure = false } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0 && !allowFailure) {
    log(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  return result.status ?? 1;
}

function hashFile(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Installs dependencies when node_modules is missing or older than
 * package-lock.json (a stamp records the lock file's hash of the last install).
 */
export function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.danvan-install-stamp');
  const wanted = existsSync(lock) ? hashFile(lock) : 'no-lock';
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  log(existsSync(join(root, 'node_modules')) ? 'dependencies changed: installing…' : 'installing dependencies (first run)…');
  run('npm', existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']);
  writeFileSync(stamp, wanted);
}

/** Newest modification time under the given folders (files only), to skip builds that are up to date. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else newest = Math.max(newest, info.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Compiles the API and the server libraries with swc (decorator metadata on) into dist/server. */
export function buildServer() {
  log('compiling the API (swc → dist/server)…');
  rmSync(join(root, 'dist/server'), { recursive: true, force: true }); // no stale files of moved sources
  run(bin('swc'), ['apps/api/src', 'libs', '-d', 'dist/server', '--ignore', '**/*.spec.ts', '--quiet']);
}

/** Builds the admin SPA with Vite into dist/admin, unless it is newer than its sources. */
export function buildAdmin({ force = false } = {}) {
  const output = join(root, 'dist/admin/index.html');
  if (!force && existsSync(output) && statSync(output).mtimeMs > newestMtime(['apps/admin', 'libs/contracts', 'package-lock.json'])) {
    log('admin is up to date (dist/admin)');
    return;
  }
  log('building the admin (Vite → dist/admin)…');
  run(bin('vite'), ['build', '--config', 'apps/admin/vite.config.ts', '--logLevel', 'warn']);
}

export const serverEntry = join(root, 'dist/server/apps/api/src/main.js');

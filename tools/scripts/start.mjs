#!/usr/bin/env node
/**
 * npm start: install what is missing, build, then run the API, which migrates the
 * database, loads the demo data once and serves the admin at / (port 3000 by
 * default). Embedded PostgreSQL (PGlite, in .data/pglite) unless DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { buildAdmin, buildServer, ensureDependencies, root, serverEntry } from './lib.mjs';

ensureDependencies();
buildServer();
buildAdmin();

const server = spawn(process.execPath, ['--enable-source-maps', serverEntry], { cwd: root, stdio: 'inherit', env: process.env });
// Forwarded for a signal sent to this process alone (systemd, kill); a terminal's Ctrl-C reaches the server
// too, which takes a repeated signal as the same stop.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

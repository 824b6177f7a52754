/**
 * The baseline of bench/units-read.mjs: bare node:http + a pg Pool of 10 running
 * the API's own one-unit SELECT by primary key and returning the row as JSON.
 * No framework, no validation library, no logging: what the API cannot beat.
 * UNIT_SELECT is that statement as bench/unit-select.mjs recorded it from the
 * API (JSON { text, values }: the same text and parameters, the requested id
 * in the place of the recorded one, e.g. the caller's scope path kept).
 *
 *   DATABASE_URL=postgres://… PORT=3901 UNIT_SELECT='{"text":"SELECT …","values":[{"unitId":true},"/…/"]}' node bench/bare-server.mjs
 *
 * GET /api/v1/units/:id → 200 row | 400 not a UUID | 404; GET /health → {"status":"ok"}.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { parametersFor } from './unit-select.mjs';

if (!process.env.UNIT_SELECT)
  throw new Error('bare-server: set UNIT_SELECT to the statement recorded from the API (bench/unit-select.mjs)');
const STATEMENT = JSON.parse(process.env.UNIT_SELECT);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREFIX = '/api/v1/units/';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE || 10),
  application_name: 'danvan-bench-bare',
});

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer(async (req, res) => {
  try {
    if (req.method === 'GET' && req.url === '/health') return send(res, 200, { status: 'ok' });
    if (req.method !== 'GET' || !req.url.startsWith(PREFIX)) return send(res, 404, { status: 404, title: 'Not Found' });
    const id = req.url.slice(PREFIX.length);
    if (!UUID.test(id)) return send(res, 400, { status: 400, title: 'id must be a UUID' });
    const { rows } = await pool.query(STATEMENT.text, parametersFor(STATEMENT, id.toLowerCase()));
    if (!rows.length) return send(res, 404, { status: 404, title: 'No such unit' });
    return send(res, 200, rows[0]);
  } catch (error) {
    process.stderr.write(`bare-server: ${error.stack ?? error}\n`);
    if (!res.headersSent) send(res, 500, { status: 500, title: 'Internal error' });
  }
});
server.keepAliveTimeout = 65_000;

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 5_000).unref();
  server.closeAllConnections?.();
  await new Promise((resolve) => server.close(resolve));
  await pool.end();
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.once('disconnect', stop);

server.listen(Number(process.env.PORT || 3901), process.env.HOST || '127.0.0.1', () => {
  process.stdout.write(`bare-server listening on ${process.env.HOST || '127.0.0.1'}:${server.address().port}\n`);
});

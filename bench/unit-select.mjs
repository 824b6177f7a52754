/**
 * The SELECT the API runs to read one unit, recorded from the API itself so the
 * bare baseline (bench/bare-server.mjs) can never drift from it: boots the
 * compiled application (dist/server, as main.js does, without listening to the
 * world) on the benchmark database, sends it the REST read the benchmark sends
 * (`GET /api/v1/units/:id` with the benchmark's credentials), and takes from
 * the database's StatementCounter the statement TypeORM sent with the unit id
 * among its parameters: text and parameters exactly as PostgreSQL received them.
 */
import { HOST, loadCompiled } from './lib.mjs';

/** Marks the parameter that carries the requested unit id (the bare server puts each request's id there). */
export const UNIT_ID_PARAMETER = { unitId: true };

/**
 * Records the statement of `GET /api/v1/units/:unitId` as `auth` (a bearer
 * credential, or '' for none). `unitId` should not be the caller's own unit, so
 * that only the read itself carries it. Returns { text, values } where the id's
 * parameter is UNIT_ID_PARAMETER; throws unless exactly one SELECT carried it.
 */
export async function recordUnitSelect({ databaseUrl, auth, unitId }) {
  const { loadConfig } = await loadCompiled('libs/server/core/src/index.js');
  const { Database } = await loadCompiled('libs/server/database/src/index.js');
  const { createApp, MIGRATIONS } = await loadCompiled('libs/server/app/src/index.js');
  // The configuration of the API process under test (lib.mjs startApi), silent.
  const config = {
    ...loadConfig({
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000',
    }),
    port: 0,
    host: HOST,
  };
  const database = await Database.open({ target: { kind: 'server', url: databaseUrl, poolSize: 2 }, migrations: MIGRATIONS });
  let app;
  try {
    app = await createApp(config, database);
    await app.listen({ port: 0, host: HOST });
    const { port } = app.getHttpServer().address();
    const read = async (id) => {
      const response = await fetch(`http://${HOST}:${port}/api/v1/units/${id}`, {
        headers: auth ? { authorization: `Bearer ${auth}` } : {},
      });
      const body = await response.text();
      if (response.status !== 200)
        throw new Error(`recording the unit SELECT: GET /api/v1/units/${id} answered ${response.status}: ${body.slice(0, 300)}`);
    };
    // A first read warms whatever a process does once (caches, prepared settings); the second is the one recorded.
    await read(unitId);
    database.statements.reset();
    await read(unitId);
    const sent = [...database.statements.recent];
    const carrying = sent.filter((s) => s.parameters.some((v) => typeof v === 'string' && v.toLowerCase() === unitId.toLowerCase()));
    if (carrying.length !== 1 || !/^\s*SELECT\b/i.test(carrying[0].query)) {
      const list = sent.map((s) => `  ${s.query.replace(/\s+/g, ' ').slice(0, 200)} ${JSON.stringify(s.parameters)}`).join('\n');
      throw new Error(
        `recording the unit SELECT: expected one SELECT with the unit id among its parameters, the API sent ${carrying.length} such statements of these ${sent.length}:\n${list}`,
      );
    }
    const [statement] = carrying;
    for (const value of statement.parameters) {
      if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
        throw new Error(`recording the unit SELECT: parameter ${JSON.stringify(value)} is not a plain value the bare server can pass on`);
      }
    }
    const values = statement.parameters.map((v) =>
      typeof v === 'string' && v.toLowerCase() === unitId.toLowerCase() ? UNIT_ID_PARAMETER : v,
    );
    return { text: statement.query, values };
  } finally {
    await app?.close();
    await database.close();
  }
}

/** The recorded statement's parameters for one request: the id in its place. */
export function parametersFor(statement, id) {
  return statement.values.map((v) => (v && typeof v === 'object' && v.unitId ? id : v));
}

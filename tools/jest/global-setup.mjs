import pg from 'pg';

/**
 * Before any test file: on a real server (TEST_DATABASE_URL), create the shared
 * extensions once (test files then migrate in parallel, each in its own schema)
 * and drop schemas left by an interrupted earlier run.
 */
export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL ${url} is not reachable: ${error.message}`);
  }
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public');
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    const { rows } = await client
      .query(
        `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'jest\\_%' AND to_timestamp(('x' || lpad(split_part(nspname, '_', 2), 16, '0'))::bit(64)::bigint / 1000) < now() - interval '1 hour'`,
      )
      .catch(() => ({ rows: [] }));
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}

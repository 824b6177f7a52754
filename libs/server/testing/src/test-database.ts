import { randomBytes } from 'node:crypto';
import type { DatabaseTarget } from '@danvan/database';

/**
 * The database tests run against: a real PostgreSQL server when TEST_DATABASE_URL
 * is set (each test file in its own schema, dropped afterwards), otherwise a fresh
 * in-memory PGlite per test file.
 */
export function testDatabaseTarget(): DatabaseTarget {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) return { kind: 'embedded', location: { kind: 'memory' } };
  const schema = `jest_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  return { kind: 'server', url, schema, poolSize: 10 };
}

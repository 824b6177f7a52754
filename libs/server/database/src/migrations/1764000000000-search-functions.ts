import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extensions and SQL functions shared by every resource's search.
 * `unaccent` is STABLE, so it cannot index; `danvan_normalize` wraps it with a fixed
 * dictionary as IMMUTABLE, which makes trigram expression indexes possible.
 */
export class SearchFunctions1764000000000 implements MigrationInterface {
  name = 'SearchFunctions1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await db.query(`
      CREATE OR REPLACE FUNCTION danvan_normalize(input text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION IF EXISTS danvan_normalize(text)`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search at national scale (≈ 63,000 units): the normalised texts are stored
 * instead of computed per row. A trigram index only narrows the candidates; every
 * candidate is rechecked against the expression, and `danvan_normalize` (unaccent)
 * costs ≈ 7 µs a row, so a word found in 10,000 names cost ≈ 75 ms of rechecks
 * alone. Stored generated columns are computed once per write, by the same
 * function (so matching is unchanged):
 * - `search_text`: what a search matches (code, name, short name), with its trigram index;
 * - `search_name`: the normalised name, what relevance ranks on (exact, word start, similarity).
 * And the name index covers the scope: `(name, id) INCLUDE (path)`, so a page by name within the
 * caller's subtree (every caller but an administrator has one) walks the index alone, deep pages included.
 */
export class UnitSearchColumns1764000000910 implements MigrationInterface {
  name = 'UnitSearchColumns1764000000910';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE unit
        ADD COLUMN search_text text GENERATED ALWAYS AS (danvan_normalize(code || ' ' || name || ' ' || coalesce(short_name, ''))) STORED,
        ADD COLUMN search_name text GENERATED ALWAYS AS (danvan_normalize(name)) STORED`);
    await db.query(`CREATE INDEX unit_search_text_trgm_idx ON unit USING gin (search_text gin_trgm_ops)`);
    await db.query(`DROP INDEX unit_search_trgm_idx`);
    await db.query(`CREATE INDEX unit_name_path_idx ON unit (name, id) INCLUDE (path)`);
    await db.query(`DROP INDEX unit_name_idx`);
    // An existing register was rewritten: statistics for the new columns now, not at some later autovacuum.
    // (An empty table is left alone: statistics of 0 rows would mislead the planner once units are added.)
    const [{ present }] = (await db.query(`SELECT EXISTS (SELECT 1 FROM unit) AS present`)) as Array<{ present: boolean }>;
    if (present) await db.query(`ANALYZE unit`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX unit_name_idx ON unit (name, id)`);
    await db.query(`DROP INDEX unit_name_path_idx`);
    await db.query(`
      CREATE INDEX unit_search_trgm_idx ON unit
      USING gin (danvan_normalize(code || ' ' || name || ' ' || coalesce(short_name, '')) gin_trgm_ops)`);
    await db.query(`DROP INDEX unit_search_text_trgm_idx`);
    await db.query(`ALTER TABLE unit DROP COLUMN search_name, DROP COLUMN search_text`);
  }
}

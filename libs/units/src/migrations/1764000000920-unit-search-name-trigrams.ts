import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Relevance at national scale: a broad search (`dan`, 20,000 names) was ranked by
 * computing `similarity()` for every match. `search_name_trigrams` stores how
 * many distinct trigrams the normalised name has (what `similarity` counts), so
 * `|T(q)| / |T(name)|` bounds a name's similarity from above without computing
 * it; the btree `(search_name text_pattern_ops, search_name_trigrams)` finds the
 * names starting with the query (the first two relevance tiers) within a range
 * of trigram counts, in the index alone. fetchPage ranks only those candidates
 * (see `textSearch`'s `rankTrigrams`).
 * (Computed from `name`: a generated column cannot use another generated column.)
 */
export class UnitSearchNameTrigrams1764000000920 implements MigrationInterface {
  name = 'UnitSearchNameTrigrams1764000000920';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE unit
        ADD COLUMN search_name_trigrams integer GENERATED ALWAYS AS (cardinality(show_trgm(danvan_normalize(name)))) STORED`);
    await db.query(`CREATE INDEX unit_search_name_prefix_idx ON unit (search_name text_pattern_ops, search_name_trigrams)`);
    const [{ present }] = (await db.query(`SELECT EXISTS (SELECT 1 FROM unit) AS present`)) as Array<{ present: boolean }>;
    if (present) await db.query(`ANALYZE unit`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX unit_search_name_prefix_idx`);
    await db.query(`ALTER TABLE unit DROP COLUMN search_name_trigrams`);
  }
}

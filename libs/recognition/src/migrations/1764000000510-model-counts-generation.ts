import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A generation number of everything model counts depend on (models, their
 * recognition history, unit moves), bumped by triggers in the writing
 * transaction. ModelService keeps computed counts while the generation stays
 * the same, across processes: a national count (hundreds of milliseconds over
 * 100,000 models) is computed once per change instead of once per request.
 * Values come from a sequence, so a rolled-back bump is never reused.
 */
export class ModelCountsGeneration1764000000510 implements MigrationInterface {
  name = 'ModelCountsGeneration1764000000510';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE model_counts_generation_seq`);
    await db.query(`CREATE TABLE model_counts_generation (id int PRIMARY KEY CHECK (id = 1), generation bigint NOT NULL)`);
    await db.query(`INSERT INTO model_counts_generation (id, generation) VALUES (1, nextval('model_counts_generation_seq'))`);
    await db.query(`
      CREATE FUNCTION bump_model_counts_generation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE model_counts_generation SET generation = nextval('model_counts_generation_seq') WHERE id = 1;
        RETURN NULL;
      END $$`);
    for (const table of ['model_practice', 'model_recognition']) {
      await db.query(
        `CREATE TRIGGER ${table}_counts_generation AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_model_counts_generation()`,
      );
    }
    // A unit moved in the tree changes which subtree its models count in.
    await db.query(
      `CREATE TRIGGER unit_counts_generation AFTER UPDATE ON unit FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION bump_model_counts_generation()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER unit_counts_generation ON unit`);
    for (const table of ['model_practice', 'model_recognition']) await db.query(`DROP TRIGGER ${table}_counts_generation ON ${table}`);
    await db.query(`DROP FUNCTION bump_model_counts_generation()`);
    await db.query(`DROP TABLE model_counts_generation`);
    await db.query(`DROP SEQUENCE model_counts_generation_seq`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Records which data sets (demo data …) have been loaded, so a restart never loads them twice. */
export class CreateDataLoad1764000000050 implements MigrationInterface {
  name = 'CreateDataLoad1764000000050';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE data_load (name text PRIMARY KEY, loaded_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE data_load`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `unit_directory`: the read model the unit register publishes to the other
 * libraries (scope paths and unit references). Their SQL reads this view, never
 * the `unit` table, so the register may change its table as long as the view keeps
 * its columns (tools/lint/table-ownership.ts checks it). A plain view: the planner
 * inlines it, so the unit indexes (the "C"-collated path range) still serve.
 */
export class UnitDirectory1764000000800 implements MigrationInterface {
  name = 'UnitDirectory1764000000800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW unit_directory AS
      SELECT id, code, name, short_name, kind, level, status, parent_id, path, depth, valid_from, valid_to
      FROM unit`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW unit_directory`);
  }
}

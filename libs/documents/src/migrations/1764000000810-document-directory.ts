import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `document_directory`: the read model the document register publishes to the
 * other libraries (a cited document's number, date and title). Their SQL reads this
 * view, never the `document` table (tools/lint/table-ownership.ts checks it).
 */
export class DocumentDirectory1764000000810 implements MigrationInterface {
  name = 'DocumentDirectory1764000000810';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW document_directory AS
      SELECT id, number, form, type, issuers, issued_on, title, owner_unit_id
      FROM document`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW document_directory`);
  }
}

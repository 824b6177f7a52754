import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models recognition publishes to the other libraries (tools/lint/table-ownership.ts):
 * `award_directory`, an award with its catalogue entry (what a ranking shows in its
 * awards column), and `award_title_directory`, the catalogue. Their SQL reads these
 * views, never the `award` and `award_title` tables. Plain views: the planner inlines
 * them, so the award indexes still serve.
 */
export class RecognitionDirectory1764000000820 implements MigrationInterface {
  name = 'RecognitionDirectory1764000000820';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW award_directory AS
      SELECT a.id, a.pledge_id, a.model_id, a.recipient_kind, a.recipient_unit_id, a.issuer_unit_id, a.year, a.rank,
        a.decided_on, a.revoked_at IS NOT NULL AS revoked,
        t.id AS title_id, t.code AS title_code, t.name AS title_name, t.kind AS title_kind, t.ranked AS title_ranked,
        t.position AS title_position
      FROM award a JOIN award_title t ON t.id = a.title_id`);
    await db.query(`
      CREATE VIEW award_title_directory AS
      SELECT id, code, name, kind, recipients, ranked, active, position FROM award_title`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW award_title_directory`);
    await db.query(`DROP VIEW award_directory`);
  }
}

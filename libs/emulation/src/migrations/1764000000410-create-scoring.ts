import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scoring and review of a pledge: one score sheet per signatory, scored
 * against the criteria-set version current when the sheet was opened; one line
 * per scored item with the unit's self-score and the reviewers' score (each line
 * versioned, so two reviewers cannot overwrite each other); the review log; and
 * evidence files kept in the database with the scores they support.
 */
export class CreateScoring1764000000410 implements MigrationInterface {
  name = 'CreateScoring1764000000410';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE score_sheet (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pledge_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        criteria_set_id uuid NOT NULL REFERENCES criteria_set(id) ON DELETE RESTRICT,
        status varchar(12) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','RETURNED','ACCEPTED')),
        review_step int NOT NULL DEFAULT 0 CHECK (review_step BETWEEN 0 AND 3),
        submitted_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT score_sheet_unit_key UNIQUE (pledge_id, unit_id),
        CONSTRAINT score_sheet_signatory FOREIGN KEY (pledge_id, unit_id) REFERENCES pledge_signatory (pledge_id, unit_id) ON DELETE RESTRICT
      )`);
    await db.query(`
      CREATE TABLE score_line (
        sheet_id uuid NOT NULL REFERENCES score_sheet(id) ON DELETE CASCADE,
        item_code varchar(16) NOT NULL,
        item_kind varchar(10) NOT NULL CHECK (item_kind IN ('CRITERION','BONUS','DEDUCTION')),
        self_score numeric(7,2) CHECK (self_score >= 0),
        self_comment text,
        reviewed_score numeric(7,2) CHECK (reviewed_score >= 0),
        review_comment text,
        version int NOT NULL DEFAULT 1,
        updated_by varchar(255) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sheet_id, item_code)
      )`);
    await db.query(`
      CREATE TABLE review_event (
        id bigserial PRIMARY KEY,
        sheet_id uuid NOT NULL REFERENCES score_sheet(id) ON DELETE CASCADE,
        step int NOT NULL,
        action varchar(10) NOT NULL CHECK (action IN ('SUBMIT','ACCEPT','RETURN')),
        reason text,
        actor_label varchar(255) NOT NULL,
        actor_id uuid,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX review_event_sheet_idx ON review_event (sheet_id, id)`);
    await db.query(`
      CREATE TABLE evidence_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sheet_id uuid NOT NULL REFERENCES score_sheet(id) ON DELETE RESTRICT,
        item_code varchar(16) NOT NULL,
        filename varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        data bytea NOT NULL,
        uploaded_by varchar(255) NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX evidence_file_sheet_idx ON evidence_file (sheet_id, item_code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['evidence_file', 'review_event', 'score_line', 'score_sheet']) await db.query(`DROP TABLE ${table}`);
  }
}

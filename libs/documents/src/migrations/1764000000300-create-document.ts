import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The document register (sổ văn bản): plans, resolutions, decisions cited by
 * number. The parsed parts (form, type, issuers) are stored beside the number so
 * lists filter on them with indexes. A Party number restarts each committee term,
 * so a number is unique within its year of issue, not for ever.
 */
export class CreateDocument1764000000300 implements MigrationInterface {
  name = 'CreateDocument1764000000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number varchar(80) NOT NULL,
        form varchar(8) NOT NULL CHECK (form IN ('PARTY','STATE','LAW')),
        type varchar(8) NOT NULL,
        issuers text[] NOT NULL CHECK (cardinality(issuers) BETWEEN 1 AND 8),
        issued_on date NOT NULL,
        title varchar(500) NOT NULL,
        owner_unit_id uuid REFERENCES unit(id) ON DELETE RESTRICT,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX document_number_year_key ON document (number, date_part('year', issued_on))`);
    await db.query(`CREATE INDEX document_issued_on_idx ON document (issued_on, id)`);
    await db.query(`CREATE INDEX document_issuers_idx ON document USING gin (issuers)`);
    await db.query(`CREATE INDEX document_owner_idx ON document (owner_unit_id)`);
    await db.query(`CREATE INDEX document_search_trgm_idx ON document USING gin (danvan_normalize(number || ' ' || title) gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE document`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emulation (thi đua): movements, blocs with their members, pledges with their
 * signatories, cited documents and versioned criteria sets, and registrations.
 * A criteria set is never changed once written: a change adds the next number,
 * and whatever was scored keeps pointing at the set it was scored against.
 */
export class CreateEmulation1764000000400 implements MigrationInterface {
  name = 'CreateEmulation1764000000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE emulation_movement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(255) NOT NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('REGULAR','THEMED')),
        launched_by_unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        starts_on date NOT NULL,
        ends_on date,
        description text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT emulation_movement_dates CHECK (ends_on IS NULL OR starts_on <= ends_on)
      )`);
    await db.query(`CREATE INDEX emulation_movement_unit_idx ON emulation_movement (launched_by_unit_id)`);
    await db.query(`CREATE INDEX emulation_movement_search_idx ON emulation_movement USING gin (danvan_normalize(name) gin_trgm_ops)`);
    await db.query(`
      CREATE TABLE emulation_movement_document (
        movement_id uuid NOT NULL REFERENCES emulation_movement(id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES document(id) ON DELETE RESTRICT,
        position int NOT NULL,
        PRIMARY KEY (movement_id, document_id)
      )`);
    await db.query(`CREATE INDEX emulation_movement_document_doc_idx ON emulation_movement_document (document_id)`);

    await db.query(`
      CREATE TABLE emulation_bloc (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL CHECK (year BETWEEN 1945 AND 2100),
        name varchar(255) NOT NULL,
        owner_unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        movement_id uuid REFERENCES emulation_movement(id) ON DELETE RESTRICT,
        head_unit_id uuid,
        deputy_unit_id uuid,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT emulation_bloc_name_key UNIQUE (owner_unit_id, year, name),
        CONSTRAINT emulation_bloc_head_not_deputy CHECK (head_unit_id IS NULL OR deputy_unit_id IS NULL OR head_unit_id <> deputy_unit_id)
      )`);
    await db.query(`CREATE INDEX emulation_bloc_year_idx ON emulation_bloc (year, name)`);
    await db.query(`
      CREATE TABLE emulation_bloc_member (
        bloc_id uuid NOT NULL REFERENCES emulation_bloc(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        PRIMARY KEY (bloc_id, unit_id)
      )`);
    await db.query(`CREATE INDEX emulation_bloc_member_unit_idx ON emulation_bloc_member (unit_id)`);
    // The head and deputy are members (the service writes members first, then head and deputy).
    await db.query(
      `ALTER TABLE emulation_bloc ADD CONSTRAINT emulation_bloc_head_member FOREIGN KEY (id, head_unit_id) REFERENCES emulation_bloc_member (bloc_id, unit_id)`,
    );
    await db.query(
      `ALTER TABLE emulation_bloc ADD CONSTRAINT emulation_bloc_deputy_member FOREIGN KEY (id, deputy_unit_id) REFERENCES emulation_bloc_member (bloc_id, unit_id)`,
    );

    await db.query(`
      CREATE TABLE pledge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bloc_id uuid NOT NULL REFERENCES emulation_bloc(id) ON DELETE RESTRICT,
        title varchar(500) NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SIGNED','REGISTRATION_OPEN','SCORING_OPEN','UNDER_REVIEW','FINALISED')),
        breakthrough_min int,
        breakthrough_max int,
        signed_on date,
        signing_event varchar(500),
        signing_place varchar(255),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pledge_bloc_key UNIQUE (bloc_id),
        CONSTRAINT pledge_breakthrough_range CHECK (
          (breakthrough_min IS NULL AND breakthrough_max IS NULL)
          OR (breakthrough_min >= 0 AND breakthrough_max >= breakthrough_min AND breakthrough_max <= 20))
      )`);
    await db.query(`
      CREATE TABLE pledge_document (
        pledge_id uuid NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES document(id) ON DELETE RESTRICT,
        position int NOT NULL,
        PRIMARY KEY (pledge_id, document_id)
      )`);
    await db.query(`CREATE INDEX pledge_document_doc_idx ON pledge_document (document_id)`);
    await db.query(`
      CREATE TABLE pledge_signatory (
        pledge_id uuid NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        PRIMARY KEY (pledge_id, unit_id)
      )`);
    await db.query(`CREATE INDEX pledge_signatory_unit_idx ON pledge_signatory (unit_id)`);
    await db.query(`
      CREATE TABLE criteria_set (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pledge_id uuid NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
        number int NOT NULL,
        content jsonb NOT NULL,
        max_total numeric(8,2) NOT NULL,
        created_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT criteria_set_number_key UNIQUE (pledge_id, number)
      )`);
    // Written once: a new version is a new row.
    await db.query(`
      CREATE FUNCTION criteria_set_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'criteria_set rows are immutable: add a new version' USING ERRCODE = 'P0001';
      END $$`);
    await db.query(
      `CREATE TRIGGER criteria_set_no_update BEFORE UPDATE ON criteria_set FOR EACH ROW EXECUTE FUNCTION criteria_set_immutable()`,
    );

    await db.query(`
      CREATE TABLE pledge_registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pledge_id uuid NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        targets jsonb NOT NULL,
        breakthrough_tasks jsonb NOT NULL DEFAULT '[]'::jsonb,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pledge_registration_key UNIQUE (pledge_id, unit_id),
        CONSTRAINT pledge_registration_signatory FOREIGN KEY (pledge_id, unit_id) REFERENCES pledge_signatory (pledge_id, unit_id) ON DELETE RESTRICT
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'pledge_registration',
      'criteria_set',
      'pledge_signatory',
      'pledge_document',
      'pledge',
      'emulation_bloc_member',
      'emulation_bloc',
      'emulation_movement_document',
      'emulation_movement',
    ]) {
      await db.query(`DROP TABLE ${table} CASCADE`);
    }
    await db.query(`DROP FUNCTION criteria_set_immutable()`);
  }
}

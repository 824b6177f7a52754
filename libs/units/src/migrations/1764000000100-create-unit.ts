import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unit register. `path` is the chain of ids from the root (`/<root>/…/<id>/`,
 * collation "C") maintained by UnitService: it makes subtree filters a btree range
 * scan and ancestors a primary-key lookup. Levels are values, never columns.
 */
export class CreateUnit1764000000100 implements MigrationInterface {
  name = 'CreateUnit1764000000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(255) NOT NULL,
        short_name varchar(64),
        kind varchar(40) NOT NULL CHECK (kind IN ('PARTY_COMMITTEE','MASS_MOBILISATION_COMMISSION','FATHERLAND_FRONT','MASS_ORGANISATION','ARMED_FORCES','STATE_AGENCY','STEERING_COMMITTEE')),
        level varchar(20) NOT NULL CHECK (level IN ('CENTRAL','PROVINCE','DISTRICT','COMMUNE')),
        parent_id uuid REFERENCES unit(id) ON DELETE RESTRICT,
        path text COLLATE "C" NOT NULL,
        depth int NOT NULL,
        admin_area_code varchar(5),
        leaders jsonb NOT NULL DEFAULT '[]'::jsonb,
        status varchar(20) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','MERGED','DISSOLVED')),
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_code_key UNIQUE (code),
        CONSTRAINT unit_validity_check CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to),
        CONSTRAINT unit_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await db.query(`CREATE INDEX unit_parent_idx ON unit (parent_id)`);
    await db.query(`CREATE UNIQUE INDEX unit_path_idx ON unit (path)`);
    await db.query(`CREATE INDEX unit_name_idx ON unit (name, id)`);
    await db.query(`CREATE INDEX unit_admin_area_idx ON unit (admin_area_code)`);
    await db.query(`
      CREATE INDEX unit_search_trgm_idx ON unit
      USING gin (danvan_normalize(code || ' ' || name || ' ' || coalesce(short_name, '')) gin_trgm_ops)`);
    await db.query(`
      CREATE TABLE unit_successor (
        unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
        successor_id uuid NOT NULL CONSTRAINT unit_successor_successor_fkey REFERENCES unit(id) ON DELETE RESTRICT,
        position int NOT NULL,
        PRIMARY KEY (unit_id, successor_id),
        CONSTRAINT unit_successor_not_self CHECK (unit_id <> successor_id)
      )`);
    await db.query(`CREATE INDEX unit_successor_successor_idx ON unit_successor (successor_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE unit_successor`);
    await db.query(`DROP TABLE unit`);
  }
}

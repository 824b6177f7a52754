import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions, API keys, the append-only audit trail, idempotency records,
 * rate-limit counters and the server's signing secret.
 */
export class CreateIdentity1764000000200 implements MigrationInterface {
  name = 'CreateIdentity1764000000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        display_name varchar(120) NOT NULL,
        role varchar(20) NOT NULL CHECK (role IN ('ADMIN','SECRETARIAT','ORGANISATION','VIEWER')),
        unit_id uuid REFERENCES unit(id) ON DELETE RESTRICT,
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        token_version int NOT NULL DEFAULT 1,
        last_login_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_username_key UNIQUE (username),
        CONSTRAINT account_unit_unless_admin CHECK (role = 'ADMIN' OR unit_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX account_unit_idx ON account (unit_id)`);
    await db.query(`
      CREATE TABLE refresh_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        -- set when the token was exchanged for a new one: using it again means it leaked
        rotated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX refresh_session_account_idx ON refresh_session (account_id)`);
    await db.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        prefix varchar(16) NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz,
        created_by uuid REFERENCES account(id) ON DELETE SET NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX api_key_unit_idx ON api_key (unit_id)`);
    await db.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_type varchar(16) NOT NULL,
        actor_id uuid,
        actor_label varchar(160) NOT NULL,
        actor_unit_id uuid,
        scope_path text COLLATE "C",
        entity varchar(40) NOT NULL,
        entity_id text NOT NULL,
        action varchar(40) NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id varchar(64)
      )`);
    await db.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity, entity_id, at DESC)`);
    await db.query(`CREATE INDEX audit_event_at_idx ON audit_event (at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_event_scope_idx ON audit_event (scope_path)`);
    // Append-only, enforced by the database itself.
    await db.query(`
      CREATE OR REPLACE FUNCTION danvan_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await db.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION danvan_audit_append_only()`);
    await db.query(`
      CREATE TABLE idempotency_record (
        caller text NOT NULL,
        key varchar(128) NOT NULL,
        request_hash text NOT NULL,
        status int,
        response jsonb,
        headers jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller, key)
      )`);
    await db.query(`CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at)`);
    await db.query(`
      CREATE TABLE rate_limit_counter (
        bucket text NOT NULL,
        window_start timestamptz NOT NULL,
        hits int NOT NULL,
        PRIMARY KEY (bucket, window_start)
      )`);
    await db.query(
      `CREATE TABLE server_secret (name text PRIMARY KEY, value text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'server_secret',
      'rate_limit_counter',
      'idempotency_record',
      'audit_event',
      'api_key',
      'refresh_session',
      'account',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION danvan_audit_append_only()`);
  }
}

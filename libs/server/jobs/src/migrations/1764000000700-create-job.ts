import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The job table of `JobRunner` (docs/architecture.md, "Jobs"): one row per run of a job. A pending row is
 * claimed with `FOR UPDATE SKIP LOCKED` and its completion commits with the handler's work. A singleton key
 * is unique per job name for as long as the row is kept: runs of a schedule carry their period's key, and
 * one-off jobs enqueued with a key keep it (they are never cleaned up), so the same key never runs twice.
 */
export class CreateJob1764000000700 implements MigrationInterface {
  name = 'CreateJob1764000000700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE job (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        singleton_key text CHECK (length(singleton_key) BETWEEN 1 AND 200),
        recurring boolean NOT NULL DEFAULT false,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'completed', 'failed')),
        run_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts BETWEEN 1 AND 100),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CHECK ((state = 'pending') = (finished_at IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX job_singleton_key ON job (name, singleton_key) WHERE singleton_key IS NOT NULL`);
    // What the runners poll: the due pending rows, oldest first.
    await db.query(`CREATE INDEX job_due_idx ON job (run_at, id) WHERE state = 'pending'`);
    await db.query(`CREATE INDEX job_finished_idx ON job (finished_at) WHERE state <> 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE job`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims with a lease (docs/architecture.md, "Jobs"): a claimed job is `running` with the runner's
 * `claim_token` and a `lease_until`, committed (attempt counted) before its handler runs. Its completion or
 * failure is written only while the token is still its own; a `running` row whose lease has passed is claimed
 * again (its process died), or fails once its attempts are spent.
 */
export class JobLease1764000000930 implements MigrationInterface {
  name = 'JobLease1764000000930';

  async up(db: QueryRunner): Promise<void> {
    // job_state_check and job_check are the names PostgreSQL gave the unnamed checks of CreateJob1764000000700.
    await db.query(`
      ALTER TABLE job
        ADD COLUMN claim_token uuid,
        ADD COLUMN lease_until timestamptz,
        DROP CONSTRAINT job_state_check,
        DROP CONSTRAINT job_check,
        ADD CONSTRAINT job_state_check CHECK (state IN ('pending', 'running', 'completed', 'failed')),
        ADD CONSTRAINT job_finished_check CHECK ((state IN ('pending', 'running')) = (finished_at IS NULL)),
        ADD CONSTRAINT job_claim_check CHECK ((state = 'running') = (claim_token IS NOT NULL) AND (claim_token IS NULL) = (lease_until IS NULL))`);
    // What the runners look for besides the due pending rows: the running ones whose lease has passed.
    await db.query(`CREATE INDEX job_lease_idx ON job (lease_until) WHERE state = 'running'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX job_lease_idx`);
    // A job running when the lease is undone runs again (the old runner has no running state).
    await db.query(`UPDATE job SET state = 'pending', claim_token = NULL, lease_until = NULL WHERE state = 'running'`);
    await db.query(`
      ALTER TABLE job
        DROP CONSTRAINT job_claim_check,
        DROP CONSTRAINT job_finished_check,
        DROP CONSTRAINT job_state_check,
        DROP COLUMN claim_token,
        DROP COLUMN lease_until,
        ADD CONSTRAINT job_state_check CHECK (state IN ('pending', 'completed', 'failed')),
        ADD CONSTRAINT job_check CHECK ((state = 'pending') = (finished_at IS NULL))`);
  }
}

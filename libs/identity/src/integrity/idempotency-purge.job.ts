import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner } from '@danvan/jobs';
import { IDEMPOTENCY_RETENTION_HOURS } from './idempotency.interceptor.js';

/** Name of the recurring job that deletes idempotency records past their retention. */
export const IDEMPOTENCY_PURGE_JOB = 'identity.idempotency-purge';

/** Idempotency records older than the retention are deleted once an hour, by one process of all those sharing the database. */
@Injectable()
export class IdempotencyPurgeJob implements OnModuleInit {
  constructor(private readonly jobs: JobRunner) {}

  onModuleInit(): void {
    this.jobs.define({
      name: IDEMPOTENCY_PURGE_JOB,
      everySeconds: 3600,
      handler: async ({ manager }) => {
        await manager.query(`DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => $1)`, [
          IDEMPOTENCY_RETENTION_HOURS,
        ]);
      },
    });
  }
}

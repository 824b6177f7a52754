import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner } from '@danvan/jobs';

/** Name of the recurring job that deletes the shared rate-limit counters of past windows. */
export const RATE_LIMIT_PURGE_JOB = 'identity.rate-limit-purge';

/** How long a window's counter is kept after it started (longer than any window the limiter uses). */
export const RATE_LIMIT_COUNTER_RETENTION_HOURS = 24;

/**
 * Counters of windows older than a day are deleted once an hour, by one process of all those sharing
 * the database (each process forgets its own in-memory leases of past windows itself: RateLimiter).
 */
@Injectable()
export class RateLimitPurgeJob implements OnModuleInit {
  constructor(private readonly jobs: JobRunner) {}

  onModuleInit(): void {
    this.jobs.define({
      name: RATE_LIMIT_PURGE_JOB,
      everySeconds: 3600,
      handler: async ({ manager }) => {
        await manager.query(`DELETE FROM rate_limit_counter WHERE window_start < now() - make_interval(hours => $1)`, [
          RATE_LIMIT_COUNTER_RETENTION_HOURS,
        ]);
      },
    });
  }
}

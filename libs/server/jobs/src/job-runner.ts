import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '@danvan/core';
import type { Database } from '@danvan/database';

/** What a handler gets: the job, and the transaction its completion commits with. */
export interface JobContext<T = unknown> {
  id: string;
  name: string;
  data: T;
  /** 1 for the first run, 2 for the first retry … */
  attempt: number;
  /** When the job was due: a job may run late (the process was down); the handler decides whether it is still worth doing. */
  dueAt: Date;
  /** The job's transaction: every query of the handler goes through it (or through `ctx`), never through `database.manager`. */
  manager: EntityManager;
  /** A system context bound to the job's transaction, for services taking a `RequestContext`. */
  ctx: RequestContext;
}

export interface JobDefinition<T = unknown> {
  /** Unique name, e.g. `identity.idempotency-purge` (capability, then what it does). */
  name: string;
  /**
   * Runs in one transaction with the job's completion: its database work commits exactly when the job is
   * marked done, and is rolled back when it throws (the job is then retried). Side effects outside the
   * database (a message sent) cannot be rolled back: record them in the same transaction (e.g. a row per
   * reminder sent) so that a retry sees they were made.
   */
  handler: (job: JobContext<T>) => Promise<void>;
  /** Runs before the job fails for good (default 5). */
  maxAttempts?: number;
  /** Delay before the first retry, doubled at each further one up to an hour (default 30 s). */
  retryDelayMs?: number;
  /** A recurring job: one run per period of this many seconds (periods aligned on the epoch), across all processes. */
  everySeconds?: number;
}

export interface EnqueueOptions {
  /** Not before this instant (default: now). */
  runAt?: Date;
  /** Not before this many milliseconds from now. */
  delayMs?: number;
  /** At most one job of this name with this key, ever: a second enqueue returns the first job (`created: false`). */
  singletonKey?: string;
  maxAttempts?: number;
  /** Enqueue inside this transaction (the job exists only if it commits). */
  manager?: EntityManager;
}

export interface JobRunnerOptions {
  /** How often the runner looks for due jobs when it found none (ms). */
  pollIntervalMs: number;
  /** Jobs run at the same time by this process (always 1 on the embedded database, which has one connection). */
  concurrency: number;
}

export interface JobRow {
  id: string;
  name: string;
  state: 'pending' | 'completed' | 'failed';
  singleton_key: string | null;
  attempts: number;
  last_error: string | null;
  run_at: Date;
  finished_at: Date | null;
}

/** Finished jobs without a key of their own (and runs of schedules) are deleted after this many days. */
export const JOB_RETENTION_DAYS = 14;
const MAX_RETRY_DELAY_MS = 3600_000;
const DEFAULT_RETRY_DELAY_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 5;
const CLEANUP_JOB = 'jobs.cleanup';

interface ClaimedRow {
  id: string;
  name: string;
  data: unknown;
  attempts: number;
  max_attempts: number;
  run_at: Date;
}

/**
 * Scheduled and deferred work on the application's own PostgreSQL (server or PGlite), exactly once across
 * every process sharing the database: a due row of `job` is claimed with `SELECT … FOR UPDATE SKIP LOCKED`
 * and held locked while its handler runs in the same transaction, which then marks it completed and commits.
 * A process that dies mid-job rolls everything back and the job runs again elsewhere; two processes never
 * hold the same row. See docs/architecture.md, "Jobs".
 */
export class JobRunner {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition<never>>();
  /** Per schedule, the end of the period whose run is known to be enqueued (ms since the epoch, the database's clock). */
  private readonly scheduledUntil = new Map<string, number>();
  private readonly options: JobRunnerOptions;
  private timer?: NodeJS.Timeout;
  private tick?: Promise<void>;
  private started = false;
  private stopping?: Promise<void>;
  /** Tells this runner's log lines apart from other processes'. */
  readonly workerId = randomUUID().slice(0, 8);

  constructor(
    private readonly database: Database,
    options: Partial<JobRunnerOptions> = {},
  ) {
    const concurrency = database.kind === 'embedded' ? 1 : Math.max(1, options.concurrency ?? 2);
    this.options = { pollIntervalMs: options.pollIntervalMs ?? 5000, concurrency };
    this.define({
      name: CLEANUP_JOB,
      everySeconds: 86_400,
      handler: async ({ manager }) => {
        await manager.query(
          `DELETE FROM job WHERE state <> 'pending' AND (singleton_key IS NULL OR recurring)
             AND finished_at < now() - make_interval(days => $1)`,
          [JOB_RETENTION_DAYS],
        );
      },
    });
  }

  /** Declares a job (at module initialisation, before `start`). */
  define<T>(definition: JobDefinition<T>): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
    if (definition.everySeconds !== undefined && !(Number.isInteger(definition.everySeconds) && definition.everySeconds >= 1)) {
      throw new Error(`Job ${definition.name}: everySeconds must be a positive integer`);
    }
    this.definitions.set(definition.name, definition as JobDefinition<never>);
  }

  get running(): boolean {
    return this.started && !this.stopping;
  }

  /**
   * A one-off job, due at once or later. With a singleton key it is created at most once per name (for
   * ever: the key of a job that ran is kept), which makes enqueueing safe to repeat.
   */
  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<{ id: string; created: boolean }> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`Unknown job ${name}`);
    const runAt = options.runAt ?? (options.delayMs ? new Date(Date.now() + options.delayMs) : null);
    const manager = options.manager ?? this.database.manager;
    const key = options.singletonKey ?? null;
    const inserted = (await manager.query(
      `INSERT INTO job (name, data, singleton_key, run_at, max_attempts) VALUES ($1, $2, $3, coalesce($4, now()), $5)
       ON CONFLICT (name, singleton_key) WHERE singleton_key IS NOT NULL DO NOTHING RETURNING id`,
      [name, JSON.stringify(data ?? {}), key, runAt, options.maxAttempts ?? definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS],
    )) as Array<{ id: string }>;
    if (inserted.length) {
      if (!runAt && !options.manager) this.nudge();
      return { id: String(inserted[0].id), created: true };
    }
    const [existing] = (await manager.query(`SELECT id FROM job WHERE name = $1 AND singleton_key = $2`, [name, key])) as Array<{
      id: string;
    }>;
    return { id: String(existing.id), created: false };
  }

  /** Starts polling (after migrations). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.logger.log(`started (worker ${this.workerId}, every ${this.options.pollIntervalMs} ms, ${this.options.concurrency} at a time)`);
    this.schedule(0);
  }

  /** Stops claiming jobs and waits for those running to finish (before the database closes). */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      clearTimeout(this.timer);
      await this.tick;
    })();
    return this.stopping;
  }

  /**
   * Enqueues the current period of every schedule and runs every due job, then returns how many ran
   * (tests, and the poll loop). Jobs made due while it runs are run too.
   */
  async runDue(): Promise<number> {
    await this.enqueueSchedules();
    const names = [...this.definitions.keys()];
    let ran = 0;
    const worker = async () => {
      while (!this.stopping && (await this.runOne(names))) ran++;
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    return ran;
  }

  /** Every job of a name (newest first), for tests and operators. */
  async list(name: string): Promise<JobRow[]> {
    return (await this.database.manager.query(
      `SELECT id::text AS id, name, state, singleton_key, attempts, last_error, run_at, finished_at FROM job WHERE name = $1 ORDER BY id DESC`,
      [name],
    )) as JobRow[];
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.tick) return; // a tick is running: it picks the new job up, and reschedules itself
      this.tick = this.runDue()
        .then(
          () => undefined,
          (error: Error) => this.logger.warn(`polling failed: ${error.message}`),
        )
        .finally(() => {
          this.tick = undefined;
          this.schedule(this.options.pollIntervalMs);
        });
    }, delayMs);
    // The server keeps the process alive; a runner alone must not (scripts, tests).
    this.timer.unref();
  }

  /** A job was enqueued for now: look soon rather than at the next poll. */
  private nudge(): void {
    if (this.started && !this.stopping && !this.tick) this.schedule(10);
  }

  /** One row per schedule and period, whoever inserts it first (the period is read on the database's clock). */
  private async enqueueSchedules(): Promise<void> {
    for (const definition of this.definitions.values()) {
      const period = definition.everySeconds;
      if (!period || (this.scheduledUntil.get(definition.name) ?? 0) > Date.now()) continue;
      const [current] = (await this.database.manager.query(
        `WITH period AS (SELECT floor(extract(epoch FROM now()) / $2)::bigint * $2 AS start),
         enqueued AS (
           INSERT INTO job (name, singleton_key, recurring, run_at, max_attempts)
           SELECT $1, 'every ' || $2 || 's from ' || start, true, to_timestamp(start), $3 FROM period
           ON CONFLICT (name, singleton_key) WHERE singleton_key IS NOT NULL DO NOTHING)
         SELECT start::text AS start FROM period`,
        [definition.name, period, definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS],
      )) as Array<{ start: string }>;
      // Asked again once the database's period should be over: a process clock ahead of the database's
      // asks a little early (and gets the same period), one behind it a little late; none skips a period.
      this.scheduledUntil.set(definition.name, (Number(current.start) + period) * 1000);
    }
  }

  /** Claims one due job and runs it in its transaction; false when none is due. */
  private async runOne(names: string[]): Promise<boolean> {
    return this.database.dataSource.transaction(async (manager) => {
      const [job] = (await manager.query(
        `SELECT id::text AS id, name, data, attempts, max_attempts, run_at FROM job
          WHERE state = 'pending' AND run_at <= now() AND name = ANY($1)
          ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [names],
      )) as ClaimedRow[];
      if (!job) return false;
      // Claimed by name among the defined ones.
      const definition = this.definitions.get(job.name) as JobDefinition<never>;
      const attempt = job.attempts + 1;
      // The handler's work is undone alone if it fails: the attempt is still recorded in this transaction.
      await manager.query('SAVEPOINT job_handler');
      try {
        await definition.handler({
          id: job.id,
          name: job.name,
          data: job.data as never,
          attempt,
          dueAt: new Date(job.run_at),
          manager,
          ctx: RequestContext.system(`job:${job.name}:${job.id}`).withManager(manager),
        });
        await manager.query('RELEASE SAVEPOINT job_handler');
        await manager.query(`UPDATE job SET state = 'completed', attempts = $2, last_error = NULL, finished_at = now() WHERE id = $1`, [
          job.id,
          attempt,
        ]);
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT job_handler');
        // NUL and lone surrogates cannot be stored in text: a failure that could not be recorded would loop on every poll.
        const message = (error instanceof Error ? error.message : String(error)).replaceAll('\u0000', '').toWellFormed();
        if (attempt >= job.max_attempts) {
          this.logger.error(`job ${job.name} #${job.id} failed for good after ${attempt} attempts: ${message}`);
          await manager.query(`UPDATE job SET state = 'failed', attempts = $2, last_error = $3, finished_at = now() WHERE id = $1`, [
            job.id,
            attempt,
            message.slice(0, 2000),
          ]);
        } else {
          const delay = Math.min(MAX_RETRY_DELAY_MS, (definition.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS) * 2 ** (attempt - 1));
          this.logger.warn(`job ${job.name} #${job.id} failed (attempt ${attempt}), retried in ${delay} ms: ${message}`);
          await manager.query(`UPDATE job SET attempts = $2, last_error = $3, run_at = now() + make_interval(secs => $4) WHERE id = $1`, [
            job.id,
            attempt,
            message.slice(0, 2000),
            delay / 1000,
          ]);
        }
      }
      return true;
    });
  }
}

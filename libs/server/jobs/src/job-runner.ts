import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext, rowCount } from '@danvan/core';
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
   * marked done, and is rolled back when it throws (the job is then retried) or when the job's lease was
   * lost meanwhile (another runner claimed it again). Side effects outside the database (a message sent)
   * cannot be rolled back: record them in the same transaction (e.g. a row per reminder sent) so that a
   * retry sees they were made.
   */
  handler: (job: JobContext<T>) => Promise<void>;
  /** Runs before the job fails for good (default 5); a run whose process died counts as one. */
  maxAttempts?: number;
  /**
   * How long a claim holds the job (default 5 minutes, at least 1 s): a job still running when its lease
   * passes is taken to be held by a dead process and claimed again by any runner. On a PostgreSQL server
   * the runner extends the lease while the handler runs (every third of it); on the embedded database,
   * one process, nobody else can claim it meanwhile.
   */
  leaseMs?: number;
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
  state: 'pending' | 'running' | 'completed' | 'failed';
  singleton_key: string | null;
  attempts: number;
  last_error: string | null;
  run_at: Date;
  /** While running: until when the claim holds it. */
  lease_until: Date | null;
  finished_at: Date | null;
}

/** Finished jobs without a key of their own (and runs of schedules) are deleted after this many days. */
export const JOB_RETENTION_DAYS = 14;
const MAX_RETRY_DELAY_MS = 3600_000;
const DEFAULT_RETRY_DELAY_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_JOB_LEASE_MS = 300_000;
const CLEANUP_JOB = 'jobs.cleanup';

interface DueRow {
  id: string;
  name: string;
  data: unknown;
  state: 'pending' | 'running';
  attempts: number;
  max_attempts: number;
  run_at: Date;
}

/** A job this runner holds: its completion or failure is written only while the row still carries `token`. */
interface Claim {
  job: DueRow;
  definition: JobDefinition<never>;
  token: string;
  attempt: number;
  leaseMs: number;
}

/** The job's row no longer carries this runner's claim token: its work must not commit. */
class LeaseLost extends Error {}

/**
 * Scheduled and deferred work on the application's own PostgreSQL (server or PGlite), exactly once across
 * every process sharing the database. A due row of `job` is claimed in a short transaction of its own
 * (`SELECT … FOR UPDATE SKIP LOCKED`, then `running` with the attempt counted, a claim token and a lease);
 * the handler then runs in another transaction, which marks the job completed only if the row still carries
 * the token, and is rolled back otherwise. A job whose process died is claimed again once its lease has
 * passed, and fails once its attempts are spent. See docs/architecture.md, "Jobs".
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
    if (definition.leaseMs !== undefined && !(Number.isInteger(definition.leaseMs) && definition.leaseMs >= 1000)) {
      throw new Error(`Job ${definition.name}: leaseMs must be an integer of at least 1000`);
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
      while (!this.stopping) {
        const outcome = await this.runOne(names);
        if (outcome === 'none') return;
        if (outcome === 'ran') ran++;
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    return ran;
  }

  /** Every job of a name (newest first), for tests and operators. */
  async list(name: string): Promise<JobRow[]> {
    return (await this.database.manager.query(
      `SELECT id::text AS id, name, state, singleton_key, attempts, last_error, run_at, lease_until, finished_at FROM job
        WHERE name = $1 ORDER BY id DESC`,
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

  /** Claims one due job and runs it: `none` when none is due, `expired` when the one found had spent its attempts. */
  private async runOne(names: string[]): Promise<'none' | 'ran' | 'expired'> {
    const claim = await this.claim(names);
    if (claim === 'none' || claim === 'expired') return claim;
    await this.work(claim);
    return 'ran';
  }

  /**
   * Its own short transaction, committed before the handler runs: the attempt is counted even if the process
   * dies during the handler. A running row whose lease has passed is due again (its runner is taken to be dead).
   */
  private async claim(names: string[]): Promise<Claim | 'none' | 'expired'> {
    return this.database.dataSource.transaction(async (manager) => {
      const [job] = (await manager.query(
        `SELECT id::text AS id, name, data, state, attempts, max_attempts, run_at FROM job
          WHERE name = ANY($1) AND (state = 'pending' AND run_at <= now() OR state = 'running' AND lease_until <= now())
          ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [names],
      )) as DueRow[];
      if (!job) return 'none';
      // Claimed by name among the defined ones.
      const definition = this.definitions.get(job.name) as JobDefinition<never>;
      const leaseMs = definition.leaseMs ?? DEFAULT_JOB_LEASE_MS;
      // The previous attempt never finished: its process died, or it outlived its lease.
      const expired =
        job.state === 'running'
          ? `lease expired on attempt ${job.attempts} of ${job.max_attempts} (the process running it died, or it ran past its lease of ${leaseMs / 1000} s)`
          : null;
      if (expired && job.attempts >= job.max_attempts) {
        this.logger.error(`job ${job.name} #${job.id} failed for good: ${expired}`);
        await manager.query(
          `UPDATE job SET state = 'failed', last_error = $2, claim_token = NULL, lease_until = NULL, finished_at = now() WHERE id = $1`,
          [job.id, expired],
        );
        return 'expired';
      }
      if (expired) this.logger.warn(`job ${job.name} #${job.id} claimed again: ${expired}`);
      const token = randomUUID();
      await manager.query(
        `UPDATE job SET state = 'running', attempts = attempts + 1, claim_token = $2, lease_until = now() + make_interval(secs => $3),
                last_error = coalesce($4, last_error)
          WHERE id = $1`,
        [job.id, token, leaseMs / 1000, expired],
      );
      return { job, definition, token, attempt: job.attempts + 1, leaseMs };
    });
  }

  /** Runs the handler in a transaction that commits only with the job's completion, under this runner's claim. */
  private async work({ job, definition, token, attempt, leaseMs }: Claim): Promise<void> {
    const heartbeat = this.heartbeat(job, token, leaseMs);
    try {
      await this.database.dataSource.transaction(async (manager) => {
        await definition.handler({
          id: job.id,
          name: job.name,
          data: job.data as never,
          attempt,
          dueAt: new Date(job.run_at),
          manager,
          ctx: RequestContext.system(`job:${job.name}:${job.id}`).withManager(manager),
        });
        const done = (await manager.query(
          `UPDATE job SET state = 'completed', last_error = NULL, claim_token = NULL, lease_until = NULL, finished_at = now()
            WHERE id = $1 AND claim_token = $2 RETURNING id`,
          [job.id, token],
        )) as unknown[];
        if (rowCount(done) === 0) throw new LeaseLost();
      });
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.logger.warn(
          `job ${job.name} #${job.id}: its lease passed and another runner claimed it again; this run's work is rolled back`,
        );
        return;
      }
      await this.recordFailure(job, definition, token, attempt, error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * On a server, extends the lease while the job runs (on a connection of its own: the handler's transaction
   * holds another). On the embedded database the one connection is the handler's, and no other process can
   * claim the job meanwhile.
   */
  private heartbeat(job: DueRow, token: string, leaseMs: number): NodeJS.Timeout | undefined {
    if (this.database.kind !== 'server') return undefined;
    const timer = setInterval(() => {
      this.database.manager
        .query(`UPDATE job SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND claim_token = $2`, [
          job.id,
          token,
          leaseMs / 1000,
        ])
        .catch((error: Error) => this.logger.warn(`job ${job.name} #${job.id}: its lease could not be extended: ${error.message}`));
    }, leaseMs / 3);
    timer.unref();
    return timer;
  }

  /** The handler threw (its work is rolled back): retried after a back-off, or failed for good after its last attempt. */
  private async recordFailure(
    job: DueRow,
    definition: JobDefinition<never>,
    token: string,
    attempt: number,
    error: unknown,
  ): Promise<void> {
    // NUL and lone surrogates cannot be stored in text: a failure that could not be recorded would hold the job until its lease passes.
    const message = (error instanceof Error ? error.message : String(error)).replaceAll('\u0000', '').toWellFormed();
    const final = attempt >= job.max_attempts;
    const delay = Math.min(MAX_RETRY_DELAY_MS, (definition.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS) * 2 ** (attempt - 1));
    // Only while the claim is still this runner's: another runner that claimed it again records its own outcome.
    const recorded = (await this.database.manager.query(
      final
        ? `UPDATE job SET state = 'failed', last_error = $3, claim_token = NULL, lease_until = NULL, finished_at = now()
            WHERE id = $1 AND claim_token = $2 RETURNING id`
        : `UPDATE job SET state = 'pending', last_error = $3, claim_token = NULL, lease_until = NULL, run_at = now() + make_interval(secs => $4)
            WHERE id = $1 AND claim_token = $2 RETURNING id`,
      final ? [job.id, token, message.slice(0, 2000)] : [job.id, token, message.slice(0, 2000), delay / 1000],
    )) as unknown[];
    if (rowCount(recorded) === 0) {
      this.logger.warn(`job ${job.name} #${job.id} failed (attempt ${attempt}) after another runner claimed it again: ${message}`);
    } else if (final) {
      this.logger.error(`job ${job.name} #${job.id} failed for good after ${attempt} attempts: ${message}`);
    } else {
      this.logger.warn(`job ${job.name} #${job.id} failed (attempt ${attempt}), retried in ${delay} ms: ${message}`);
    }
  }
}

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { UnitDto } from '@danvan/contracts';
import { Database } from '@danvan/database';
import { IDEMPOTENCY_PURGE_JOB, RATE_LIMIT_PURGE_JOB } from '@danvan/identity';
import { JobRunner, type JobContext } from '@danvan/jobs';
import { MIGRATIONS } from '@danvan/server-app';
import { TestServer } from '@danvan/testing';

/**
 * The job runner (docs/architecture.md, "Jobs") on the database the suite runs against (PGlite, or the
 * PostgreSQL server of TEST_DATABASE_URL): scheduled and deferred jobs, dedup keys, retries, and exactly
 * one run per job among several runners racing on the same table, and claims with a lease: a job whose
 * process died is run again (once) after its lease, and fails once its attempts are spent.
 */
const repoRoot = resolve(import.meta.dirname, '../../..');
let server: TestServer;
let runner: JobRunner;

const unit = (code: string) => ({ code, name: `Hội Nông dân ${code}`, kind: 'MASS_ORGANISATION', level: 'PROVINCE' });

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await server.database.manager.query(sql, params)) as T[];
}

const effects = async (label: string) =>
  (await rows<{ count: string }>(`SELECT count(*) FROM job_test_effect WHERE label = $1`, [label]))[0].count;

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  server = await TestServer.start();
  runner = server.app.get(JobRunner);
  await server.database.manager.query(`CREATE TABLE job_test_effect (job_id bigint NOT NULL, label text NOT NULL)`);
});

afterAll(async () => {
  await server?.close();
});

describe('the idempotency purge', () => {
  it('runs as a recurring job, once per hour, and deletes only the records past their retention', async () => {
    for (const key of ['purge-old', 'purge-fresh']) {
      expect((await server.rest<UnitDto>('POST', '/api/v1/units', unit(key.toUpperCase()), { 'idempotency-key': key })).status).toBe(201);
    }
    await rows(`UPDATE idempotency_record SET created_at = now() - interval '49 hours' WHERE key = 'purge-old'`);

    await runner.runDue();

    const kept = await rows<{ key: string }>(`SELECT key FROM idempotency_record WHERE key LIKE 'purge-%' ORDER BY key`);
    expect(kept.map((r) => r.key)).toEqual(['purge-fresh']);
    const runs = await runner.list(IDEMPOTENCY_PURGE_JOB);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ state: 'completed', attempts: 1 });
    expect(runs[0].singleton_key).toMatch(/^every 3600s from \d+$/);
    // Polling again within the hour enqueues no second run of this period (a second row only if the hour turned meanwhile).
    await runner.runDue();
    const again = await runner.list(IDEMPOTENCY_PURGE_JOB);
    expect(again.filter((run) => run.singleton_key === runs[0].singleton_key)).toHaveLength(1);
    expect(again.length).toBeLessThanOrEqual(2);
  });
});

describe('the rate-limit counter purge', () => {
  it('runs as a recurring job and deletes only the counters of windows older than a day', async () => {
    await rows(
      `INSERT INTO rate_limit_counter (bucket, window_start, hits) VALUES ('purge-test:old', now() - interval '25 hours', 3), ('purge-test:fresh', now() - interval '23 hours', 2)`,
    );

    // This hour's scheduled run may already have happened (the first runDue of this file): run it once more now.
    await runner.enqueue(RATE_LIMIT_PURGE_JOB, {});
    await runner.runDue();

    const kept = await rows<{ bucket: string }>(`SELECT bucket FROM rate_limit_counter WHERE bucket LIKE 'purge-test:%' ORDER BY bucket`);
    expect(kept.map((r) => r.bucket)).toEqual(['purge-test:fresh']);
    const runs = await runner.list(RATE_LIMIT_PURGE_JOB);
    expect(runs.some((run) => run.singleton_key?.startsWith('every 3600s from '))).toBe(true);
    expect(runs.every((run) => run.state === 'completed')).toBe(true);
  });
});

describe('deferred jobs', () => {
  beforeAll(() => {
    runner.define<{ label: string }>({
      name: 'test.record',
      handler: async ({ id, data, manager }) => {
        await manager.query(`INSERT INTO job_test_effect (job_id, label) VALUES ($1, $2)`, [id, data.label]);
      },
    });
  });

  it('with a dedup key: enqueued twice, before and after it ran, it runs once', async () => {
    const first = await runner.enqueue('test.record', { label: 'dedup' }, { singletonKey: 'obligation-7:late-3' });
    const second = await runner.enqueue('test.record', { label: 'dedup' }, { singletonKey: 'obligation-7:late-3' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    await runner.runDue();
    const again = await runner.enqueue('test.record', { label: 'dedup' }, { singletonKey: 'obligation-7:late-3' });
    expect(again).toEqual({ id: first.id, created: false });
    await runner.runDue();
    expect(await effects('dedup')).toBe('1');
    // Another step of the same obligation is another job.
    expect((await runner.enqueue('test.record', { label: 'dedup' }, { singletonKey: 'obligation-7:late-7' })).created).toBe(true);
  });

  it('does not run before it is due', async () => {
    const { id } = await runner.enqueue('test.record', { label: 'later' }, { delayMs: 3600_000 });
    await runner.runDue();
    expect(await effects('later')).toBe('0');
    await rows(`UPDATE job SET run_at = now() - interval '1 second' WHERE id = $1`, [id]);
    await runner.runDue();
    expect(await effects('later')).toBe('1');
  });

  it('enqueued in a transaction that rolls back, does not exist', async () => {
    await expect(
      server.database.dataSource.transaction(async (manager) => {
        await runner.enqueue('test.record', { label: 'rolled-back' }, { manager });
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    await runner.runDue();
    expect(await effects('rolled-back')).toBe('0');
  });

  it('a failing job is retried with backoff, the work of its failed attempts rolled back', async () => {
    const attempts: number[] = [];
    runner.define({
      name: 'test.flaky',
      retryDelayMs: 50,
      handler: async ({ id, attempt, manager }: JobContext) => {
        attempts.push(attempt);
        await manager.query(`INSERT INTO job_test_effect (job_id, label) VALUES ($1, 'flaky')`, [id]);
        if (attempt < 3) throw new Error(`unreachable mail server (attempt ${attempt})`);
      },
    });
    await runner.enqueue('test.flaky', {});
    await runner.runDue();
    const [afterFirst] = await runner.list('test.flaky');
    expect(afterFirst).toMatchObject({ state: 'pending', attempts: 1, last_error: 'unreachable mail server (attempt 1)' });
    expect(new Date(afterFirst.run_at).getTime()).toBeGreaterThan(Date.now() - 1000);
    await until(async () => {
      await runner.runDue();
      return (await runner.list('test.flaky'))[0].state === 'completed';
    });
    expect(attempts).toEqual([1, 2, 3]);
    expect(await runner.list('test.flaky')).toMatchObject([{ state: 'completed', attempts: 3, last_error: null }]);
    expect(await effects('flaky')).toBe('1');
  });

  it('fails for good after its last attempt, keeping the error', async () => {
    runner.define({
      name: 'test.broken',
      maxAttempts: 2,
      retryDelayMs: 10,
      handler: async () => {
        throw new Error('always broken');
      },
    });
    await runner.enqueue('test.broken', {});
    await until(async () => {
      await runner.runDue();
      return (await runner.list('test.broken'))[0].state !== 'pending';
    });
    expect(await runner.list('test.broken')).toMatchObject([{ state: 'failed', attempts: 2, last_error: 'always broken' }]);
  });

  it('records a failure whose message holds NUL or a lone surrogate (text PostgreSQL cannot store) instead of looping', async () => {
    runner.define({
      name: 'test.unstorable-error',
      maxAttempts: 1,
      handler: async () => {
        throw new Error('bad\u0000byte \ud800 here');
      },
    });
    await runner.enqueue('test.unstorable-error', {});
    await runner.runDue();
    expect(await runner.list('test.unstorable-error')).toMatchObject([{ state: 'failed', attempts: 1, last_error: 'badbyte \ufffd here' }]);
  });
});

describe('claims with a lease', () => {
  const onServer = !!process.env.TEST_DATABASE_URL;
  const dist = join(repoRoot, 'dist/server');

  /** A row as a runner that claimed it and died leaves it: running, the attempt counted, a token that is nobody's now. */
  const orphan = async (name: string, label: string, attempts: number, maxAttempts: number, lease: string) =>
    (
      await rows<{ id: string }>(
        `INSERT INTO job (name, data, state, attempts, max_attempts, claim_token, lease_until, run_at)
         VALUES ($1, jsonb_build_object('label', $2::text), 'running', $3, $4, $5, now() + $6::interval, now() - interval '1 minute')
         RETURNING id::text AS id`,
        [name, label, attempts, maxAttempts, randomUUID(), lease],
      )
    )[0].id;

  /** One run of job-crash-worker.mjs: an API process that claims a due job of this name and is killed mid-job. */
  async function crashingProcess(name: string): Promise<NodeJS.Signals | null> {
    if (!existsSync(join(dist, 'libs/server/jobs/src/index.js')))
      throw new Error('dist/server is missing: `npm run build` (npm test builds it)');
    const target = server.database.target as { url: string; schema: string };
    const child = spawn(process.execPath, [join(import.meta.dirname, 'job-crash-worker.mjs'), dist, target.url, target.schema, name], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '' },
      stdio: 'ignore',
    });
    return new Promise((done) => child.on('exit', (_code, signal) => done(signal)));
  }

  it('a job held by a dead runner is left alone until its lease passes, then run again once, the attempt counted', async () => {
    runner.define<{ label: string }>({
      name: 'test.orphan',
      handler: async ({ id, data, manager }) => {
        await manager.query(`INSERT INTO job_test_effect (job_id, label) VALUES ($1, $2)`, [id, data.label]);
      },
    });
    const id = await orphan('test.orphan', 'orphan', 1, 5, '1 hour');
    await runner.runDue();
    expect(await effects('orphan')).toBe('0');
    expect(await runner.list('test.orphan')).toMatchObject([{ id, state: 'running', attempts: 1 }]);

    await rows(`UPDATE job SET lease_until = now() - interval '1 second' WHERE id = $1`, [id]);
    await runner.runDue();
    await runner.runDue();

    expect(await effects('orphan')).toBe('1');
    expect(await runner.list('test.orphan')).toMatchObject([{ id, state: 'completed', attempts: 2, last_error: null, lease_until: null }]);
  });

  it('a job whose runner died on its last attempt fails for good, without running again', async () => {
    let ran = 0;
    runner.define({ name: 'test.dead-end', handler: async () => void ran++ });
    const id = await orphan('test.dead-end', 'dead-end', 3, 3, '-1 second');
    await runner.runDue();
    expect(ran).toBe(0);
    const [job] = await runner.list('test.dead-end');
    expect(job).toMatchObject({ id, state: 'failed', attempts: 3, lease_until: null });
    expect(job.last_error).toMatch(/^lease expired on attempt 3 of 3 \(the process running it died/);
    expect(job.finished_at).not.toBeNull();
  });

  it('a runner whose claim is no longer on the row does not commit its work', async () => {
    // One connection on PGlite: the row is changed from inside the handler's transaction, as a re-claim would leave it.
    runner.define<{ label: string }>({
      name: 'test.lost-claim',
      handler: async ({ id, data, manager }) => {
        await manager.query(`INSERT INTO job_test_effect (job_id, label) VALUES ($1, $2)`, [id, data.label]);
        await manager.query(`UPDATE job SET claim_token = $2 WHERE id = $1`, [id, randomUUID()]);
      },
    });
    const { id } = await runner.enqueue('test.lost-claim', { label: 'lost-claim' });
    await runner.runDue();
    expect(await effects('lost-claim')).toBe('0');
    // Nothing written by this runner: the job waits for its lease, as for a runner that died.
    expect(await runner.list('test.lost-claim')).toMatchObject([{ id, state: 'running', attempts: 1, last_error: null }]);
  });

  (onServer ? it : it.skip)(
    'a runner whose lease passed and was claimed again by another runner rolls its work back (two pools)',
    async () => {
      const slowDatabase = await Database.open({ target: server.database.target, migrations: MIGRATIONS });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = false;
      const slow = new JobRunner(slowDatabase, { concurrency: 1 });
      const record =
        (wait: boolean) =>
        async ({ id, attempt, manager }: JobContext) => {
          await manager.query(`INSERT INTO job_test_effect (job_id, label) VALUES ($1, $2)`, [id, `stolen-${attempt}`]);
          if (wait) {
            started = true;
            await gate;
          }
        };
      slow.define({ name: 'test.stolen', handler: record(true) });
      runner.define({ name: 'test.stolen', handler: record(false) });
      try {
        const { id } = await runner.enqueue('test.stolen', {});
        const slowRun = slow.runDue();
        await until(async () => started);
        // The slow runner's lease passes (its process stalled): another runner claims the job again and completes it.
        await rows(`UPDATE job SET lease_until = now() - interval '1 second' WHERE id = $1`, [id]);
        await runner.runDue();
        expect(await runner.list('test.stolen')).toMatchObject([{ id, state: 'completed', attempts: 2 }]);
        release();
        await slowRun;
        expect(await effects('stolen-1')).toBe('0');
        expect(await effects('stolen-2')).toBe('1');
        expect(await runner.list('test.stolen')).toMatchObject([{ id, state: 'completed', attempts: 2, last_error: null }]);
      } finally {
        release();
        await slowDatabase.close();
      }
    },
  );

  (onServer ? it : it.skip)('a handler running longer than its lease keeps its job: the lease is extended while it runs', async () => {
    const longDatabase = await Database.open({ target: server.database.target, migrations: MIGRATIONS });
    const long = new JobRunner(longDatabase, { concurrency: 1 });
    let finished = false;
    const handler = async ({ id, attempt, manager }: JobContext) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await manager.query(`INSERT INTO job_test_effect (job_id, label) VALUES ($1, $2)`, [id, `long-${attempt}`]);
    };
    let claimedAgain = 0;
    long.define({ name: 'test.long', leaseMs: 1000, handler });
    runner.define({ name: 'test.long', leaseMs: 1000, handler: async () => void claimedAgain++ });
    try {
      const { id } = await runner.enqueue('test.long', {});
      const longRun = long.runDue().finally(() => (finished = true));
      // Another runner keeps polling past the 1 s lease: the job is never due for it.
      await until(async () => (await runner.list('test.long'))[0].state === 'running');
      while (!finished) {
        await runner.runDue();
        expect(claimedAgain).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await longRun;
      expect(await runner.list('test.long')).toMatchObject([{ id, state: 'completed', attempts: 1 }]);
      expect(await effects('long-1')).toBe('1');
    } finally {
      await longDatabase.close();
    }
  });

  (onServer ? it : it.skip)(
    'a job whose process is killed mid-job runs again in another process after the lease, its effect once',
    async () => {
      runner.define<{ label: string }>({
        name: 'test.crash-once',
        handler: async ({ id, manager }) => {
          await manager.query(`INSERT INTO job_test_effect (job_id, label) VALUES ($1, 'test.crash-once')`, [id]);
        },
      });
      const { id } = await runner.enqueue('test.crash-once', {});
      expect(await crashingProcess('test.crash-once')).toBe('SIGKILL');
      // The claim committed before the process died: the attempt is counted, the job is held until its lease (1 s) passes.
      expect(await runner.list('test.crash-once')).toMatchObject([{ id, state: 'running', attempts: 1 }]);
      expect(await effects('test.crash-once')).toBe('0');
      await until(async () => {
        await runner.runDue();
        return (await runner.list('test.crash-once'))[0].state === 'completed';
      });
      expect(await runner.list('test.crash-once')).toMatchObject([{ id, state: 'completed', attempts: 2, last_error: null }]);
      expect(await effects('test.crash-once')).toBe('1');
    },
  );

  (onServer ? it : it.skip)('a job that kills its process at every attempt fails for good after its last one', async () => {
    let ran = 0;
    runner.define({ name: 'test.crash-always', handler: async () => void ran++ });
    const { id } = await runner.enqueue('test.crash-always', {}, { maxAttempts: 2 });
    for (const attempt of [1, 2]) {
      expect(await crashingProcess('test.crash-always')).toBe('SIGKILL');
      expect(await runner.list('test.crash-always')).toMatchObject([{ id, state: 'running', attempts: attempt }]);
      await until(
        async () => (await rows<{ passed: boolean }>(`SELECT lease_until < now() AS passed FROM job WHERE id = $1`, [id]))[0].passed,
      );
    }
    await runner.runDue();
    const [job] = await runner.list('test.crash-always');
    expect(job).toMatchObject({ id, state: 'failed', attempts: 2 });
    expect(job.last_error).toMatch(/^lease expired on attempt 2 of 2/);
    expect(ran).toBe(0);
    expect(await effects('test.crash-always')).toBe('0');
  });
});

describe('a server with JOBS on', () => {
  it('runs due jobs by itself and stops polling when it closes', async () => {
    const polling = await TestServer.start({ jobs: { enabled: true, pollIntervalMs: 100, concurrency: 2 } });
    const jobs = polling.app.get(JobRunner);
    try {
      expect(jobs.running).toBe(true);
      await until(async () => (await jobs.list(IDEMPOTENCY_PURGE_JOB))[0]?.state === 'completed');
      const ran: string[] = [];
      jobs.define({ name: 'test.soon', handler: async ({ id }) => void ran.push(id) });
      const { id } = await jobs.enqueue('test.soon', {}, { delayMs: 200 });
      await until(async () => ran.length > 0);
      expect(ran).toEqual([id]);
    } finally {
      await polling.close();
    }
    expect(jobs.running).toBe(false);
  });
});

describe('several runners on one database', () => {
  const JOBS = 300;

  it('never run the same job twice', async () => {
    // On a server, two runners with their own pools (two API processes); PGlite is one process, one connection.
    const onServer = server.database.kind === 'server';
    const databases = onServer
      ? await Promise.all([1, 2].map(() => Database.open({ target: server.database.target, migrations: MIGRATIONS })))
      : [server.database, server.database];
    const runs = new Map<string, number>();
    try {
      await rows(`CREATE TABLE job_test_race (job_id bigint NOT NULL, runner integer NOT NULL)`);
      const runners = databases.map((database, index) => {
        const racer = new JobRunner(database, { concurrency: 4, pollIntervalMs: 5000 });
        racer.define({
          name: 'test.race',
          handler: async ({ id, manager }) => {
            runs.set(id, (runs.get(id) ?? 0) + 1);
            await manager.query(`INSERT INTO job_test_race (job_id, runner) VALUES ($1, $2)`, [id, index]);
          },
        });
        racer.define({ name: 'test.race-schedule', everySeconds: 3600, handler: async () => undefined });
        return racer;
      });
      for (let i = 0; i < JOBS; i++) await runners[i % 2].enqueue('test.race', { i });

      const ran = await Promise.all(runners.map((racer) => racer.runDue()));

      expect(runs.size).toBe(JOBS);
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
      const [written] = await rows<{ total: string; distinct: string }>(
        `SELECT count(*) AS total, count(DISTINCT job_id) AS distinct FROM job_test_race`,
      );
      expect(written).toEqual({ total: String(JOBS), distinct: String(JOBS) });
      // Both runners enqueued the schedule's current period: one row (two if the hour turned meanwhile), each run once.
      const periods = await runners[0].list('test.race-schedule');
      expect(periods.length).toBeGreaterThanOrEqual(1);
      expect(periods.length).toBeLessThanOrEqual(2);
      expect(periods.every((period) => period.state === 'completed' && period.attempts === 1)).toBe(true);
      if (onServer) expect(ran.every((count) => count > 0)).toBe(true);
      const pending = await rows<{ count: string }>(`SELECT count(*) FROM job WHERE state = 'pending' AND name LIKE 'test.race%'`);
      expect(pending[0].count).toBe('0');
    } finally {
      if (onServer) for (const database of databases) await database.close();
    }
  });
});

describe('two API processes on one PostgreSQL server', () => {
  const onServer = !!process.env.TEST_DATABASE_URL;
  const JOBS = 600;
  const dist = join(repoRoot, 'dist/server');

  (onServer ? it : it.skip)('never run the same job twice (two node processes running the compiled runner)', async () => {
    if (!existsSync(join(dist, 'libs/server/jobs/src/index.js')))
      throw new Error('dist/server is missing: `npm run build` (npm test builds it)');
    const target = server.database.target as { url: string; schema: string };
    await rows(`CREATE TABLE IF NOT EXISTS job_test_race (job_id bigint NOT NULL, runner integer NOT NULL)`);
    await rows(`DELETE FROM job_test_race`);
    const workers = [1, 2].map(() => {
      const child = spawn(process.execPath, [join(import.meta.dirname, 'job-race-worker.mjs'), dist, target.url, target.schema], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '' },
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise<number | null>((done) => child.on('exit', done));
      return { child, output: () => output, exited };
    });
    try {
      await until(async () => workers.every((worker) => worker.output().includes('ready')), 30_000);
      await rows(`INSERT INTO job (name, data) SELECT 'test.race', jsonb_build_object('i', i) FROM generate_series(1, $1) AS i`, [JOBS]);
      for (const worker of workers) worker.child.stdin.write('go\n');
      expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);
      // Every job ran once, and both processes took part in the race.
      const [written] = await rows<{ total: string; distinct: string; runners: string }>(
        `SELECT count(*) AS total, count(DISTINCT job_id) AS distinct, count(DISTINCT runner) AS runners FROM job_test_race`,
      );
      expect(written).toEqual({ total: String(JOBS), distinct: String(JOBS), runners: '2' });
      const [left] = await rows<{ count: string }>(`SELECT count(*) FROM job WHERE name = 'test.race' AND state <> 'completed'`);
      expect(left.count).toBe('0');
    } finally {
      for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    }
  });
});

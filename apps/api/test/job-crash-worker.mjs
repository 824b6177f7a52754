// An API process that dies mid-job, for jobs.e2e-spec.ts: the compiled runner (dist/server) on its own pool
// to the test's schema claims one due job of the given name (lease 1 s), writes its effect in the job's
// transaction and is killed (SIGKILL) before that transaction commits, as a process cut mid-job would be.
import { join } from 'node:path';

const [dist, url, schema, name] = process.argv.slice(2);
const { Database } = await import(join(dist, 'libs/server/database/src/index.js'));
const { JobRunner } = await import(join(dist, 'libs/server/jobs/src/index.js'));

const database = await Database.open({ target: { kind: 'server', url, schema, poolSize: 3 }, migrations: [] });
const runner = new JobRunner(database, { concurrency: 1 });
runner.define({
  name,
  leaseMs: 1000,
  handler: async ({ id, manager }) => {
    await manager.query(`INSERT INTO job_test_effect (job_id, label) VALUES ($1, $2)`, [id, name]);
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  },
});
const ran = await runner.runDue();
await database.close();
process.stdout.write(`ran ${ran}\n`);
process.exit(0);

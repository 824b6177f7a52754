// One of the API processes racing in jobs.e2e-spec.ts: the compiled runner (dist/server, as `npm start`
// runs it) on its own pool to the test's schema. It says "ready", waits for "go" on stdin, runs every due
// `test.race` job (each writes a row naming this process), prints how many it ran, and exits.
import { createInterface } from 'node:readline';
import { join } from 'node:path';

const [dist, url, schema] = process.argv.slice(2);
const { Database } = await import(join(dist, 'libs/server/database/src/index.js'));
const { JobRunner } = await import(join(dist, 'libs/server/jobs/src/index.js'));

const database = await Database.open({ target: { kind: 'server', url, schema, poolSize: 5 }, migrations: [] });
const runner = new JobRunner(database, { concurrency: 4 });
runner.define({
  name: 'test.race',
  handler: async ({ id, manager }) => {
    await manager.query(`INSERT INTO job_test_race (job_id, runner) VALUES ($1, $2)`, [id, process.pid]);
  },
});
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line === 'go') break;
const ran = await runner.runDue();
await database.close();
process.stdout.write(`ran ${ran}\n`);
process.exit(0);

import 'reflect-metadata';
import { ConfigError, loadConfig, RequestContext } from '@danvan/core';
import { Database, DataFolderLockedError } from '@danvan/database';
import { AuthService } from '@danvan/identity';
import { JobRunner } from '@danvan/jobs';
import { beginDraining, createApp, createLogger, loadAllDemoData, MIGRATIONS } from '@danvan/server-app';

/** Time in-flight requests get to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;
/** Time the database then gets to close (PGlite writes its shutdown checkpoint) on a forced stop. */
const DATABASE_CLOSE_MS = 5_000;
/** How often keep-alive sockets that turned idle during the shutdown are closed. */
const IDLE_SWEEP_MS = 100;

/** Expected start-up failures print one line and exit 1; anything else keeps its stack. */
function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DataFolderLockedError) {
    process.stderr.write(`danvan: ${error.message}\n`);
  } else if (isConnectionError(error)) {
    process.stderr.write(`danvan: cannot reach the PostgreSQL server of DATABASE_URL (${(error as Error).message})\n`);
  } else if (isSqlState(error)) {
    process.stderr.write(
      `danvan: the database refused the start-up (SQLSTATE ${(error as { code: string }).code}): ${(error as Error).message}\n`,
    );
  } else {
    process.stderr.write(`danvan: start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}

/** A PostgreSQL error (five-character SQLSTATE), e.g. 42501 when the user may not create an extension. */
function isSqlState(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return /^[0-9A-Z]{5}$/.test(e?.code ?? e?.driverError?.code ?? '');
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', '28P01', '3D000', '28000'].includes(code ?? '');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await Database.open({
    target:
      config.database.kind === 'server'
        ? { kind: 'server', url: config.database.url }
        : { kind: 'embedded', location: { kind: 'folder', dataDir: config.database.dataDir } },
    migrations: MIGRATIONS,
    log: logger.child({ component: 'sql' }),
  });
  try {
    const applied = await database.migrate();
    logger.info({ applied, database: database.kind }, applied.length ? 'migrations applied' : 'schema up to date');
    const app = await createApp(config, database, logger);
    if (config.loadDemoData) {
      const result = await loadAllDemoData(app, database);
      logger.info(result, 'demo data');
    }
    const firstAdmin = await app.get(AuthService).ensureFirstAdministrator(RequestContext.system('first-admin'));
    if (firstAdmin) {
      // Shown once, to the person starting the first instance; only its hash is stored.
      process.stdout.write(
        `\n  danvan: first administrator created\n    username:           ${firstAdmin.username}\n` +
          `    one-time password:  ${firstAdmin.password}\n  Sign in at http://localhost:${config.port}/ and choose a new password.\n\n`,
      );
    }
    await app.listen({ port: config.port, host: config.host });
    logger.info(
      { port: config.port, database: database.kind },
      `danvan is serving http://localhost:${config.port}/ (admin), /api/v1 (REST), /graphql, /api/docs (OpenAPI), /health`,
    );
    let stopping = false;
    // Graceful stop: in-flight requests finish and are answered with `connection: close`, idle keep-alive
    // sockets are closed, new requests get 503; then the database is closed (PGlite: clean shutdown, lock
    // removed) and the process exits 0. Past the grace period connections are cut, the database is still
    // closed, and the exit code is 1.
    const stop = async (signal: string) => {
      if (stopping) {
        // A terminal's Ctrl-C reaches both `npm start` (which forwards it) and this process, and an operator
        // may press it twice: the stop already under way goes on (a default handler would kill it mid-way).
        logger.info({ signal }, 'already shutting down');
        return;
      }
      stopping = true;
      logger.info({ signal }, 'shutting down');
      beginDraining(app);
      // No job is claimed from now on; one running finishes (app.close() waits for it) before the database closes.
      void app.get(JobRunner).stop();
      const server = app.getHttpServer();
      // An answer already being written when the signal came keeps its keep-alive socket: close it once idle.
      setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS).unref();
      setTimeout(() => {
        logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'requests still running after the grace period: closing their connections');
        server.closeAllConnections();
        const exit = () => process.exit(1);
        setTimeout(exit, DATABASE_CLOSE_MS).unref();
        database.close().then(exit, exit);
      }, SHUTDOWN_GRACE_MS).unref();
      await app.close();
      await database.close();
      logger.info({ signal }, 'stopped');
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

main().catch(fail);

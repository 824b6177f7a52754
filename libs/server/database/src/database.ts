import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DataSource, type EntityManager, type MixedList } from 'typeorm';
import { openEmbeddedPostgres, type EmbeddedLocation, type EmbeddedPostgres } from './embedded-postgres.js';
import { StatementCounter, type DatabaseLogSink } from './statement-counter.js';

/** Where the data lives: a PostgreSQL server, or the embedded PGlite. */
export type DatabaseTarget =
  | { kind: 'server'; url: string; /** isolate in this schema (tests); created if missing */ schema?: string; poolSize?: number }
  | { kind: 'embedded'; location: EmbeddedLocation };

export interface OpenDatabaseOptions {
  target: DatabaseTarget;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  log?: DatabaseLogSink;
}

/**
 * The open database of one process: TypeORM's DataSource (pool, transactions,
 * migrations) over either a server or PGlite, plus a statement counter.
 */
export class Database {
  private constructor(
    readonly dataSource: DataSource,
    readonly statements: StatementCounter,
    readonly target: DatabaseTarget,
    private readonly embedded?: EmbeddedPostgres,
  ) {}

  static async open(options: OpenDatabaseOptions): Promise<Database> {
    const statements = new StatementCounter(options.log);
    const common = {
      type: 'postgres' as const,
      entities: [],
      migrations: options.migrations,
      migrationsTableName: 'schema_migration',
      logger: statements,
      synchronize: false,
      /** Statements slower than this are logged as warnings. */
      maxQueryExecutionTime: 500,
      uuidExtension: 'pgcrypto' as const,
      installExtensions: false,
    };
    if (options.target.kind === 'server') {
      const { url, schema, poolSize } = options.target;
      if (schema) await ensureSchema(url, schema);
      const dataSource = new DataSource({
        ...common,
        url,
        applicationName: 'danvan',
        extra: {
          max: poolSize ?? 10,
          // JIT compilation never pays off for the API's sub-second statements: it cost ≈ 20 ms per national
          // model count and, as data grows past jit_optimize_above_cost, ≈ 300 ms (docs/performance.md).
          options: ['-c jit=off', ...(schema ? [`-c search_path=${schema},public`] : [])].join(' '),
        },
      });
      await dataSource.initialize();
      return new Database(dataSource, statements, options.target);
    }
    const embedded = await openEmbeddedPostgres(options.target.location);
    try {
      // PGlite is one connection: the pool must hold exactly one client and never close it.
      const pgConfig = createPgConfig(embedded.pglite);
      const dataSource = new DataSource({
        ...common,
        extra: { ...pgConfig, max: 1, idleTimeoutMillis: 0 },
      });
      await dataSource.initialize();
      return new Database(dataSource, statements, options.target, embedded);
    } catch (error) {
      await embedded.close();
      throw error;
    }
  }

  get kind(): DatabaseTarget['kind'] {
    return this.target.kind;
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * Applies pending migrations. On a server, a PostgreSQL advisory lock makes
   * several processes starting together migrate one after the other.
   */
  async migrate(): Promise<string[]> {
    return this.exclusively('migrate', async () => (await this.dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name));
  }

  /** Runs `work` while holding a cluster-wide advisory lock (no-op for the single-process embedded database). */
  async exclusively<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (this.kind === 'embedded') return work();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`danvan:${name}`]);
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`danvan:${name}`]).catch(() => undefined);
      await runner.release();
    }
  }

  /** The embedded database's data folder as an uncompressed tar (PGlite `dumpDataDir`), to start another from. */
  async archive(): Promise<Blob> {
    if (!this.embedded) throw new Error('only an embedded database has a data folder to archive');
    return this.embedded.pglite.dumpDataDir('none');
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  async close(): Promise<void> {
    try {
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    } finally {
      await this.embedded?.close();
    }
  }
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  const setup = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
  await setup.initialize();
  try {
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await setup.destroy();
  }
}

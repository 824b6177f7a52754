import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

const RECENT_LIMIT = 20;

/**
 * Prefix of statements that background work sends on its own timer (e.g. the
 * rate limiter's flush): they belong to no request, so they are not counted.
 */
export const BACKGROUND_SQL = '/* background */';

/** The part of a logger the database layer writes to (pino fits). */
export interface DatabaseLogSink {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/**
 * TypeORM logger that counts every SQL statement sent (tests assert that the
 * number of statements for a GraphQL page does not grow with the page size) and
 * reports failed and slow statements to the application log.
 */
export class StatementCounter implements TypeOrmLogger {
  private count = 0;
  /** The last statements sent, newest last (for tests and debugging: EXPLAIN what the app really ran). */
  readonly recent: Array<{ query: string; parameters: unknown[] }> = [];

  constructor(private readonly sink?: DatabaseLogSink) {}

  get statements(): number {
    return this.count;
  }

  reset(): void {
    this.count = 0;
    this.recent.length = 0;
  }

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    if (query.startsWith(BACKGROUND_SQL)) return void this.sink?.debug({ query, parameters }, 'sql');
    this.count++;
    this.recent.push({ query, parameters: parameters ?? [] });
    if (this.recent.length > RECENT_LIMIT) this.recent.shift();
    this.sink?.debug({ query, parameters }, 'sql');
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    // Expected failures (unique/foreign-key violations) are translated by the domain; log at debug level.
    this.sink?.debug({ err: typeof error === 'string' ? error : error.message, query }, 'sql failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.sink?.warn({ ms: time, query }, 'slow sql');
  }

  logSchemaBuild(): void {
    // synchronize is off: TypeORM never builds the schema itself
  }

  logMigration(message: string): void {
    this.sink?.debug({ message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink?.warn({ message }, 'typeorm');
  }
}

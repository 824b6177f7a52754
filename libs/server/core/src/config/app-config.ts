import { resolve } from 'node:path';

/**
 * Runtime configuration, read once from the environment and validated at start-up.
 * A wrong value stops the process with one line naming the variable.
 */
export interface AppConfig {
  /** HTTP port (PORT, default 3000). */
  port: number;
  /** Interface to listen on (HOST, default 0.0.0.0). */
  host: string;
  /** `server`: DATABASE_URL is set; `embedded`: PGlite in DATA_DIR. */
  database: { kind: 'server'; url: string } | { kind: 'embedded'; dataDir: string };
  /** Folder of the built admin SPA served at `/` (ADMIN_DIST, default dist/admin). */
  adminDist: string;
  /** Load the demo data from the seed articles at start (DEMO_DATA; default true, false when NODE_ENV=production). */
  loadDemoData: boolean;
  /** pino level (LOG_LEVEL, default info). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest accepted request body in bytes (BODY_LIMIT, default 1 MiB). */
  bodyLimit: number;
  production: boolean;
  /** GraphQL introspection (GRAPHQL_INTROSPECTION; default: on outside production, off in production). */
  graphqlIntrospection: boolean;
  /** Requests per minute of one account or API key (RATE_LIMIT_PER_MINUTE, default 600). */
  rateLimitPerMinute: number;
  /** Requests per minute of one IP address without credentials (RATE_LIMIT_ANONYMOUS_PER_MINUTE, default 120). */
  rateLimitAnonymousPerMinute: number;
  /** Sign-in attempts per minute from one IP address (LOGIN_RATE_LIMIT_PER_MINUTE, default 20). */
  loginRateLimitPerMinute: number;
  /**
   * Reverse proxies in front of the API whose X-Forwarded-For is believed (0: none).
   * Behind a proxy, set it, or every caller shares the proxy's IP and its rate limits.
   */
  trustProxyHops: number;
  /** Key that signs access tokens (AUTH_SECRET); null: a random key kept in the database (table server_secret). */
  authSecret: string | null;
  /** Origins allowed to call the API from a browser (CORS_ORIGINS, comma-separated; default none: same origin only). */
  corsOrigins: string[];
  /**
   * The job runner (docs/operations.md, "Jobs"): JOBS (default true) runs scheduled and deferred jobs in this
   * process; JOBS_POLL_INTERVAL_MS (default 5000) is how often it looks for due jobs; JOBS_CONCURRENCY
   * (default 2; always 1 on the embedded database) how many it runs at once.
   */
  jobs: { enabled: boolean; pollIntervalMs: number; concurrency: number };
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${env[name]}")`);
}

/** Checks that DATABASE_URL is a usable postgres:// URL; returns it unchanged. */
export function validateDatabaseUrl(raw: string, name = 'DATABASE_URL'): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a URL (expected postgres://user:password@host:5432/database)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must start with postgres:// or postgresql:// (got "${url.protocol}//")`);
  }
  if (!url.hostname) throw new ConfigError(name, 'has no host name');
  if (url.pathname.length <= 1) throw new ConfigError(name, 'names no database (…/database at the end)');
  return raw;
}

/** AUTH_SECRET, when set, signs access tokens: long enough that it cannot be guessed. */
function authSecret(raw: string | undefined): string | null {
  const secret = raw?.trim();
  if (!secret) return null;
  if (secret.length < 32)
    throw new ConfigError('AUTH_SECRET', `must be at least 32 characters, e.g. from \`openssl rand -base64 48\` (got ${secret.length})`);
  return secret;
}

function corsOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', `must list origins like https://mttq.example.vn separated by commas (got "${origin}")`);
    }
  }
  return origins;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }
  const databaseUrl = env.DATABASE_URL?.trim();
  return {
    port: integer(env, 'PORT', 3000, 1, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    database: databaseUrl
      ? { kind: 'server', url: validateDatabaseUrl(databaseUrl) }
      : { kind: 'embedded', dataDir: resolve(cwd, env.DATA_DIR?.trim() || '.data/pglite') },
    adminDist: resolve(cwd, env.ADMIN_DIST?.trim() || 'dist/admin'),
    loadDemoData: bool(env, 'DEMO_DATA', env.NODE_ENV !== 'production'),
    logLevel: logLevel as AppConfig['logLevel'],
    bodyLimit: integer(env, 'BODY_LIMIT', 1024 * 1024, 1024, 100 * 1024 * 1024),
    production: env.NODE_ENV === 'production',
    graphqlIntrospection: bool(env, 'GRAPHQL_INTROSPECTION', env.NODE_ENV !== 'production'),
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    rateLimitAnonymousPerMinute: integer(env, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE', 120, 1, 1_000_000),
    loginRateLimitPerMinute: integer(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 1_000_000),
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    authSecret: authSecret(env.AUTH_SECRET),
    jobs: {
      enabled: bool(env, 'JOBS', true),
      pollIntervalMs: integer(env, 'JOBS_POLL_INTERVAL_MS', 5000, 100, 3_600_000),
      concurrency: integer(env, 'JOBS_CONCURRENCY', 2, 1, 16),
    },
  };
}

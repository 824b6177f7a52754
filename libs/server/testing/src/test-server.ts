import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { loadConfig, RequestContext, type AppConfig } from '@danvan/core';
import { Database } from '@danvan/database';
import { UnitService } from '@danvan/units';
import { buildOpenApiDocument, createApp, MIGRATIONS } from '@danvan/server-app';
import { AccountRepository } from '@danvan/identity';
import type { Role, SessionTokens } from '@danvan/contracts';
import type { UnitView } from '@danvan/units';
import { TestFactories, type TestAccount } from './factories.js';
import { openMigratedTestDatabase } from './test-database.js';
import { ContractCheck } from './contract-check.js';

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{
    message: string;
    extensions?: Record<string, unknown> & {
      code?: string;
      reason?: string;
      fields?: Array<{ field: string; code: string; message: string }>;
    };
  }>;
}

/** Calls the API over real HTTP as one caller (a bearer token, or nobody). */
export class TestClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null,
    /** Checks every answer against the published OpenAPI document (TestServer's clients). */
    protected readonly contract?: ContractCheck,
  ) {}

  async rest<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    const init: RequestInit = { method, headers: { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await this.fetch(path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  /**
   * A raw request (a binary upload, a download, an export), with this client's credentials, its answer
   * checked against the published OpenAPI document like `rest()`'s: status, headers, content type, and
   * a JSON body's schema. The answer is returned unread.
   */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.token && !headers.has('authorization')) headers.set('authorization', `Bearer ${this.token}`);
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers });
    const bytes = Buffer.from(await response.clone().arrayBuffer());
    const textual = /json|text/.test(response.headers.get('content-type') ?? '');
    this.contract?.check(
      (init.method ?? 'GET').toUpperCase(),
      path,
      response.status,
      response.headers,
      textual ? bytes.toString('utf8') : bytes.length ? '(binary)' : '',
    );
    return response;
  }

  async graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T> & { status: number }> {
    const response = await this.rest<GraphQLResult<T>>('POST', '/graphql', { query, variables });
    return { ...response.body, status: response.status };
  }
}

/** One event of the audit trail as stored (`recordAudit`): what changed of which record, filed under which unit path. */
export interface StoredAuditEvent {
  entity: string;
  entityId: string;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  scopePath: string | null;
}

/**
 * A real API server for one test file: real database (migrated), real HTTP on a
 * loopback port. `rest()` and `graphql()` call it with fetch; `factory` makes
 * valid records in one line.
 */
export class TestServer extends TestClient {
  /** The same server without credentials. */
  readonly anonymous: TestClient;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly database: Database,
    baseUrl: string,
    readonly factory: TestFactories,
    adminToken: string,
    contract: ContractCheck,
  ) {
    super(baseUrl, adminToken, contract);
    this.anonymous = new TestClient(baseUrl, null, contract);
  }

  /** A client acting with this bearer token (an account's access token or an API key). */
  as(token: string): TestClient {
    return new TestClient(this.baseUrl, token, this.contract);
  }

  /** Signs in over HTTP and returns the session answer. */
  async login(username: string, password: string): Promise<HttpResult<SessionTokens>> {
    return this.anonymous.rest<SessionTokens>('POST', '/api/v1/auth/login', { username, password });
  }

  /** The audit trail of one record, oldest first, as stored (the rows a change recorded). */
  async auditTrail(entityId: string): Promise<StoredAuditEvent[]> {
    return (await this.database.dataSource.query(
      `SELECT entity, entity_id AS "entityId", action, changes, scope_path AS "scopePath" FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    )) as StoredAuditEvent[];
  }

  /** A new account of `role` in `unit`, signed in: a client acting as it. */
  async signedIn(role: Role, unit: UnitView | null): Promise<TestClient & { account: TestAccount }> {
    const account = await this.factory.account({ role, unitId: unit?.id ?? null });
    const session = await this.login(account.username, account.password);
    if (session.status !== 200) throw new Error(`login of ${account.username} failed: ${JSON.stringify(session.body)}`);
    return Object.assign(this.as(session.body.accessToken), { account });
  }

  static async start(overrides: Partial<AppConfig> = {}): Promise<TestServer> {
    const database = await openMigratedTestDatabase(MIGRATIONS);
    const config: AppConfig = {
      ...loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      port: 0,
      host: '127.0.0.1',
      // Tests sign in and call far more than people do: limits are tested on their own.
      rateLimitPerMinute: 1_000_000,
      rateLimitAnonymousPerMinute: 1_000_000,
      loginRateLimitPerMinute: 1_000_000,
      // No job polls in the background of a test (statement counts stay exact): a test runs jobs with
      // `JobRunner.runDue()`, or starts a server with `jobs.enabled`.
      jobs: { enabled: false, pollIntervalMs: 5000, concurrency: 2 },
      ...overrides,
    };
    const app = await createApp(config, database, pino({ level: config.logLevel }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const factory = new TestFactories(app.get(UnitService), app.get(AccountRepository), RequestContext.system('test'));
    const baseUrl = `http://127.0.0.1:${port}`;
    const contract = new ContractCheck(buildOpenApiDocument(app));
    const admin = await factory.account({ role: 'ADMIN', unitId: null });
    const session = await new TestClient(baseUrl, null, contract).rest<SessionTokens>('POST', '/api/v1/auth/login', {
      username: admin.username,
      password: admin.password,
    });
    if (session.status !== 200) throw new Error(`test administrator cannot sign in: ${JSON.stringify(session.body)}`);
    return new TestServer(app, database, baseUrl, factory, session.body.accessToken, contract);
  }

  /** Closes the server; fails (after closing) when an answer did not match the OpenAPI document, listing them. */
  async close(): Promise<void> {
    const contract = this.contract as ContractCheck;
    await this.app.close();
    const target = this.database.target;
    if (target.kind === 'server' && target.schema) {
      await this.database.dataSource.query(`DROP SCHEMA IF EXISTS ${target.schema} CASCADE`).catch(() => undefined);
    }
    await this.database.close();
    process.stdout.write(`OpenAPI conformance: ${contract.checked} REST responses checked, ${contract.mismatches.length} mismatches\n`);
    if (contract.mismatches.length)
      throw new Error(`Answers that do not match the OpenAPI document:\n${[...new Set(contract.mismatches)].join('\n')}`);
  }
}

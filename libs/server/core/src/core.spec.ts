import { ERROR_CODES } from '@danvan/contracts';
import { ConfigError, loadConfig, validateDatabaseUrl } from './config/app-config.js';
import { DomainError } from './errors/domain-error.js';
import { ERROR_MAPPING, problemType } from './errors/error-mapping.js';
import { toProblem } from './errors/problem.js';
import { searchTokens } from './list-query/filters.js';
import { restSort } from './list-query/rest-sort.js';
import { versionFromIfMatch } from './rest/if-match.js';
import { isLocalDate } from './validation/is-local-date.js';
import { flattenValidationErrors } from './validation/validation-pipe.js';
import { findInputProblem } from './validation/input-checks.js';

describe('configuration', () => {
  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({}, '/srv/danvan');
    expect(config).toMatchObject({ port: 3000, database: { kind: 'embedded', dataDir: '/srv/danvan/.data/pglite' }, loadDemoData: true });
  });

  it('runs jobs by default, polling every 5 s; JOBS=false turns them off', () => {
    expect(loadConfig({}).jobs).toEqual({ enabled: true, pollIntervalMs: 5000, concurrency: 2 });
    expect(loadConfig({ JOBS: 'false', JOBS_POLL_INTERVAL_MS: '250', JOBS_CONCURRENCY: '4' }).jobs).toEqual({
      enabled: false,
      pollIntervalMs: 250,
      concurrency: 4,
    });
  });

  it('switches to a server with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/danvan' }).database).toEqual({
      kind: 'server',
      url: 'postgres://u:p@db:5432/danvan',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL must start with postgres://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL is not a URL'],
    [{ DATABASE_URL: 'postgres://host' }, 'names no database'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA must be true or false'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET must be at least 32 characters'],
    [{ TRUST_PROXY_HOPS: '-1' }, 'TRUST_PROXY_HOPS'],
    [{ JOBS: 'sometimes' }, 'JOBS must be true or false'],
    [{ JOBS_POLL_INTERVAL_MS: '10' }, 'JOBS_POLL_INTERVAL_MS must be an integer from 100 to 3600000'],
    [{ JOBS_CONCURRENCY: '0' }, 'JOBS_CONCURRENCY must be an integer from 1 to 16'],
  ])('rejects %j with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts postgresql:// too', () => {
    expect(validateDatabaseUrl('postgresql://postgres@127.0.0.1:5432/test')).toBe('postgresql://postgres@127.0.0.1:5432/test');
  });
});

describe('error vocabulary', () => {
  it('maps every code to a status and a GraphQL code', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MAPPING[code].httpStatus).toBeGreaterThanOrEqual(400);
      expect(ERROR_MAPPING[code].graphqlCode).toMatch(/^[A-Z_]+$/);
    }
    expect(problemType('VERSION_CONFLICT')).toBe('/problems/version-conflict');
  });

  it('keeps domain errors expected and hides unexpected ones', () => {
    expect(toProblem(DomainError.notFound('đơn vị', 'x'))).toMatchObject({ status: 404, unexpected: false });
    const internal = toProblem(new Error('relation "unit" does not exist'));
    expect(internal).toMatchObject({ status: 500, unexpected: true });
    expect(internal.detail).not.toContain('relation');
  });
});

describe('request helpers', () => {
  it('reads If-Match versions', () => {
    expect(versionFromIfMatch('"3"', true)).toBe(3);
    expect(versionFromIfMatch('W/"12"', true)).toBe(12);
    expect(versionFromIfMatch(undefined, false)).toBeNull();
    expect(() => versionFromIfMatch(undefined, true)).toThrow(expect.objectContaining({ code: 'PRECONDITION_REQUIRED' }));
    expect(() => versionFromIfMatch('"abc"', true)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('splits a search into composed words', () => {
    expect(searchTokens('  Tiền   Hải '.normalize('NFD'))).toEqual(['Tiền', 'Hải']);
    expect(searchTokens('   ')).toEqual([]);
  });

  it('validates calendar dates', () => {
    expect(isLocalDate('2024-01-12')).toBe(true);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('12/01/2024')).toBe(false);
  });

  it('flattens nested validation errors into dotted Vietnamese field errors', () => {
    const errors = flattenValidationErrors([
      {
        property: 'leaders',
        children: [
          { property: '0', children: [{ property: 'name', constraints: { isNotEmpty: 'name should not be empty' }, children: [] }] },
        ],
      },
      { property: 'extra', constraints: { whitelistValidation: 'property extra should not exist' }, children: [] },
    ]);
    expect(errors).toEqual([
      { field: 'leaders.0.name', code: 'isNotEmpty', message: 'Trường này không được để trống.' },
      { field: 'extra', code: 'whitelistValidation', message: 'Trường này không được phép gửi lên.' },
    ]);
  });
});

describe('list and input helpers', () => {
  it('reads the REST sort parameter: "-field" descending, "field" ascending, absent none', () => {
    expect(restSort('-decidedOn')).toEqual({ field: 'decidedOn', order: 'desc' });
    expect(restSort('name')).toEqual({ field: 'name', order: 'asc' });
    expect(restSort(undefined)).toBeUndefined();
  });

  it('finds the first text holding a NUL character, by its path; not in bytes', () => {
    const nulCharacterPath = (value: unknown) => {
      const problem = findInputProblem(value);
      return problem?.code === 'nulCharacter' ? problem.field : null;
    };
    expect(nulCharacterPath({ targets: [{ title: 'a' }, { title: 'b\u0000c' }] })).toBe('targets.1.title');
    expect(nulCharacterPath('x\u0000')).toBe('');
    expect(nulCharacterPath({ title: 'Mô hình' })).toBeNull();
    expect(nulCharacterPath(Buffer.from([0, 1, 2]))).toBeNull();
  });
});

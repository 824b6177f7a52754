import type { Page, ProblemDetails, UnitDto } from '@danvan/contracts';
import { TestServer } from '@danvan/testing';

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await server?.close();
});

const body = (code: string) => ({ code, name: `Hội Nông dân ${code}`, kind: 'MASS_ORGANISATION', level: 'PROVINCE' });

async function countCode(code: string): Promise<number> {
  return (await server.rest<Page<UnitDto>>('GET', `/api/v1/units?q=${code}`)).body.totalItems;
}

describe('safe retries (Idempotency-Key on REST POST)', () => {
  it('50 concurrent retries with one key create exactly one unit and all get the first answer', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => server.rest<UnitDto>('POST', '/api/v1/units', body('IDEM-50'), { 'idempotency-key': 'retry-50' })),
    );
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    expect(responses.every((r) => r.headers.get('location') === `/api/v1/units/${responses[0].body.id}`)).toBe(true);
    expect(await countCode('IDEM-50')).toBe(1);
  });

  it('the same key with another body is refused (422) and creates nothing', async () => {
    expect((await server.rest('POST', '/api/v1/units', body('IDEM-A'), { 'idempotency-key': 'k-mismatch' })).status).toBe(201);
    const other = await server.rest<ProblemDetails>('POST', '/api/v1/units', body('IDEM-B'), { 'idempotency-key': 'k-mismatch' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await countCode('IDEM-B')).toBe(0);
  });

  it('a failed request is not kept: the retry runs again', async () => {
    const bad = await server.rest('POST', '/api/v1/units', { ...body('IDEM-C'), kind: 'NOPE' }, { 'idempotency-key': 'k-failed' });
    expect(bad.status).toBe(400);
    const fixedButDifferent = await server.rest('POST', '/api/v1/units', body('IDEM-C'), { 'idempotency-key': 'k-failed' });
    expect(fixedButDifferent.status).toBe(201);
  });

  it('keys are per caller and well-formed', async () => {
    const other = await server.signedIn('ADMIN', null);
    expect((await server.rest('POST', '/api/v1/units', body('IDEM-D'), { 'idempotency-key': 'shared' })).status).toBe(201);
    expect((await other.rest('POST', '/api/v1/units', body('IDEM-E'), { 'idempotency-key': 'shared' })).status).toBe(201);
    expect((await server.rest('POST', '/api/v1/units', body('IDEM-F'), { 'idempotency-key': 'bad key with spaces' })).status).toBe(400);
  });

  it('session answers (sign-in) are never stored for replay: each sign-in gets its own tokens', async () => {
    const account = await server.factory.account({ role: 'ADMIN', unitId: null });
    const credentials = { username: account.username, password: account.password };
    const first = await server.anonymous.rest<{ refreshToken: string }>('POST', '/api/v1/auth/login', credentials, {
      'idempotency-key': 'login-1',
    });
    const second = await server.anonymous.rest<{ refreshToken: string }>('POST', '/api/v1/auth/login', credentials, {
      'idempotency-key': 'login-1',
    });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    const stored = (await server.database.manager.query(
      `SELECT count(*)::int AS n FROM idempotency_record WHERE key = 'login-1'`,
    )) as Array<{ n: number }>;
    expect(stored[0].n).toBe(0);
  });
});

describe('transactions', () => {
  it('a change and its audit record commit together, and the trail cannot be altered', async () => {
    const created = await server.rest<UnitDto>('POST', '/api/v1/units', body('AUDIT-1'));
    const events = await server.rest<{
      items: Array<{ action: string; changes: Record<string, unknown>; actorLabel: string; requestId: string }>;
    }>('GET', `/api/v1/audit-events?entity=unit&entityId=${created.body.id}`);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0].action).toBe('create');
    expect(events.body.items[0].changes.code).toEqual({ before: null, after: 'AUDIT-1' });
    expect(created.headers.get('x-request-id')).toBe(events.body.items[0].requestId);
    await expect(server.database.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(server.database.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    const failed = await server.rest(
      'PATCH',
      `/api/v1/units/${created.body.id}`,
      { name: 'Đổi tên', level: 'COMMUNE', adminAreaCode: '70' },
      { 'if-match': '"1"' },
    );
    expect(failed.status).toBe(422);
    const after = await server.rest<{ items: unknown[] }>('GET', `/api/v1/audit-events?entity=unit&entityId=${created.body.id}`);
    expect(after.body.items).toHaveLength(1);
  });
});

describe('the audit trail’s time range', () => {
  it('compares a date (a day in Vietnam) with an instant as the SQL reads them: the hour 17:00–18:00 UTC of 2 January (VN) is a range, 23:00 UTC on 2 January to that day is inverted', async () => {
    // 2024-01-02 in Vietnam is 2024-01-01T17:00Z … 2024-01-02T17:00Z.
    const valid = await server.rest<ProblemDetails>('GET', '/api/v1/audit-events?from=2024-01-02&to=2024-01-01T18:00:00Z');
    expect(valid.status).toBe(200);
    const inverted = await server.rest<ProblemDetails>('GET', '/api/v1/audit-events?from=2024-01-02T23:00:00Z&to=2024-01-02');
    expect(inverted.status).toBe(400);
    expect(inverted.body.errors?.map((e) => [e.field, e.code])).toEqual([['to', 'notBefore']]);
    // The last instant of the day is still in it; the first of the next is not.
    expect((await server.rest('GET', '/api/v1/audit-events?from=2024-01-02T16:59:59Z&to=2024-01-02')).status).toBe(200);
    expect((await server.rest('GET', '/api/v1/audit-events?from=2024-01-02T17:00:00Z&to=2024-01-02')).status).toBe(400);
    expect((await server.rest('GET', '/api/v1/audit-events?from=2024-01-03&to=2024-01-02')).status).toBe(400);
    expect((await server.rest('GET', '/api/v1/audit-events?from=2024-01-02&to=2024-01-02')).status).toBe(200);
  });
});

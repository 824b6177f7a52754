import { ANONYMOUS_CALLER, callerScope, inScope, pathInScope, RequestContext, SqlParams, SYSTEM_CALLER, type Caller } from '@danvan/core';
import { openEmbeddedPostgres, type EmbeddedPostgres } from '@danvan/database';
import { anyOf, anyScopedCaller, definePolicy, someUnitInSubtree, unitInSubtree, unrestrictedOnly } from '../index.js';

/**
 * The policy renderer: the SQL condition and the TypeScript check of one
 * declaration agree, for every caller × record of a small table, on a real
 * database. The tree: /r/ ⊃ /r/a/ ⊃ /r/a/x/, and /r/b/.
 */
interface Bloc {
  id: string;
  ownerPath: string;
  memberPaths: string[];
}

const BLOCS: Bloc[] = [
  { id: 'owned-by-a', ownerPath: '/r/a/', memberPaths: ['/r/a/x/'] },
  { id: 'owned-by-b-with-x', ownerPath: '/r/b/', memberPaths: ['/r/a/x/', '/r/b/'] },
  { id: 'owned-by-b', ownerPath: '/r/b/', memberPaths: ['/r/b/'] },
  { id: 'owned-by-root', ownerPath: '/r/', memberPaths: [] },
];

const MANAGES = unitInSubtree<Bloc>('đơn vị quản lý', 'b.owner_path', (b) => b.ownerPath);
const MEMBER = someUnitInSubtree<Bloc>(
  'đơn vị thành viên',
  (inSubtree) => `EXISTS (SELECT 1 FROM member m WHERE m.bloc_id = b.id AND ${inSubtree('m.path')})`,
  (b) => b.memberPaths,
);

const POLICY = definePolicy<Bloc, 'update' | 'retire' | 'catalogue'>({
  resource: 'khối',
  read: 'emulation:read',
  see: anyOf(MANAGES, MEMBER),
  actions: {
    update: { permission: 'emulation:manage', scope: MANAGES, refusal: 'Chỉ đơn vị quản lý.' },
    retire: { permission: 'emulation:manage', scope: MANAGES, refusal: 'Chỉ đơn vị quản lý.', when: (b) => b.memberPaths.length === 0 },
    catalogue: { permission: 'emulation:manage', scope: unrestrictedOnly(), refusal: 'Chỉ quản trị hệ thống.' },
  },
});

const account = (
  scopePath: string | null,
  role: Caller['role'] = 'SECRETARIAT',
  permissions: Caller['permissions'] = new Set(['emulation:manage']),
): Caller => ({
  kind: 'account',
  id: `account-${scopePath}`,
  label: 'test',
  role,
  unitId: scopePath ? 'unit' : null,
  scopePath,
  permissions,
  mustChangePassword: false,
});

const CALLERS: Array<[string, Caller]> = [
  ['system', SYSTEM_CALLER],
  ['administrator', account(null, 'ADMIN')],
  ['anonymous', ANONYMOUS_CALLER],
  ['account without a unit (not admin)', account(null)],
  ['root', account('/r/')],
  ['a', account('/r/a/')],
  ['x', account('/r/a/x/')],
  ['b', account('/r/b/')],
  ['a, reader only', account('/r/a/', 'VIEWER', new Set(['emulation:read']))],
];

describe('access policies: one declaration, rendered as SQL and as a TypeScript check', () => {
  let embedded: EmbeddedPostgres;

  beforeAll(async () => {
    embedded = await openEmbeddedPostgres({ kind: 'memory' });
    await embedded.pglite.exec(`
      CREATE TABLE bloc (id text PRIMARY KEY, owner_path text COLLATE "C" NOT NULL);
      CREATE TABLE member (bloc_id text NOT NULL, path text COLLATE "C" NOT NULL);`);
    for (const b of BLOCS) {
      await embedded.pglite.query(`INSERT INTO bloc VALUES ($1, $2)`, [b.id, b.ownerPath]);
      for (const path of b.memberPaths) await embedded.pglite.query(`INSERT INTO member VALUES ($1, $2)`, [b.id, path]);
    }
  });
  afterAll(() => embedded.close());

  const sqlIds = async (condition: string | null, params: SqlParams) =>
    (
      await embedded.pglite.query<{ id: string }>(`SELECT b.id FROM bloc b WHERE ${condition ?? 'TRUE'} ORDER BY b.id`, params.values)
    ).rows.map((r) => r.id);
  const tsIds = (check: (b: Bloc) => boolean) =>
    BLOCS.filter(check)
      .map((b) => b.id)
      .sort();

  it.each(CALLERS)('who sees what: SQL and TypeScript agree for %s', async (_name, caller) => {
    const ctx = new RequestContext('test', caller);
    const params = new SqlParams();
    expect(await sqlIds(POLICY.visibleSql(ctx, params), params)).toEqual(tsIds((b) => POLICY.canSee(ctx, b)));
  });

  it.each(CALLERS)('who reaches what by an action: SQL and TypeScript agree for %s', async (_name, caller) => {
    const ctx = new RequestContext('test', caller);
    for (const action of ['update', 'catalogue'] as const) {
      const params = new SqlParams();
      expect(await sqlIds(POLICY.actionSql(ctx, action, params), params)).toEqual(tsIds((b) => POLICY.reaches(ctx, action, b)));
    }
  });

  it('fails closed: the anonymous caller and a caller without a unit see nothing; only the system and administrators see all', async () => {
    const seenBy = async (caller: Caller) => {
      const params = new SqlParams();
      return sqlIds(POLICY.visibleSql(new RequestContext('test', caller), params), params);
    };
    const all = BLOCS.map((b) => b.id).sort();
    expect(await seenBy(ANONYMOUS_CALLER)).toEqual([]);
    expect(await seenBy(account(null))).toEqual([]);
    expect(await seenBy({ ...ANONYMOUS_CALLER, permissions: SYSTEM_CALLER.permissions })).toEqual([]);
    expect(await seenBy(SYSTEM_CALLER)).toEqual(all);
    expect(await seenBy(account(null, 'ADMIN'))).toEqual(all);
    // The member rule lets x see the bloc b manages with x as a member; the managing rule keeps b's own to b and root.
    expect(await seenBy(account('/r/a/x/'))).toEqual(['owned-by-a', 'owned-by-b-with-x']);
    expect(await seenBy(account('/r/b/'))).toEqual(['owned-by-b', 'owned-by-b-with-x']);
  });

  it('the core scope helpers fail closed too: the anonymous caller is never unrestricted', async () => {
    expect(callerScope(ANONYMOUS_CALLER)).toEqual({ kind: 'none' });
    expect(callerScope(account(null))).toEqual({ kind: 'none' });
    expect(callerScope({ ...SYSTEM_CALLER, kind: 'api-key' })).toEqual({ kind: 'none' });
    expect(callerScope(SYSTEM_CALLER)).toEqual({ kind: 'all' });
    expect(callerScope(account('/r/a/'))).toEqual({ kind: 'subtree', path: '/r/a/' });
    expect(inScope(ANONYMOUS_CALLER, '/r/')).toBe(false);
    const params = new SqlParams();
    const condition = pathInScope(new RequestContext('test', ANONYMOUS_CALLER), params, 'b.owner_path');
    expect(await sqlIds(condition, params)).toEqual([]);
  });

  it('a national rule (anyScopedCaller) holds for every caller with a scope, never for one without', () => {
    const national = definePolicy<Bloc, 'read'>({
      resource: 'danh mục',
      read: 'emulation:read',
      see: anyScopedCaller(),
      actions: { read: { permission: null, scope: anyScopedCaller(), refusal: '' } },
    });
    const seen = (caller: Caller) => national.canSee(new RequestContext('test', caller), BLOCS[0]);
    expect(seen(account('/r/b/'))).toBe(true);
    expect(seen(SYSTEM_CALLER)).toBe(true);
    expect(seen(ANONYMOUS_CALLER)).toBe(false);
    expect(seen(account(null))).toBe(false);
  });

  it('assert refuses with FORBIDDEN: the missing permission first, then the rule', () => {
    const refusal = (caller: Caller, action: 'update' | 'catalogue', bloc: Bloc) => {
      try {
        POLICY.assert(new RequestContext('test', caller), action, bloc);
        return null;
      } catch (error) {
        return { code: (error as { code: string }).code, message: (error as Error).message };
      }
    };
    expect(refusal(account('/r/a/'), 'update', BLOCS[0])).toBeNull();
    expect(refusal(account('/r/b/'), 'update', BLOCS[0])).toEqual({ code: 'FORBIDDEN', message: 'Chỉ đơn vị quản lý.' });
    expect(refusal(account('/r/a/', 'VIEWER', new Set(['emulation:read'])), 'update', BLOCS[0])?.message).toMatch(/^Bạn không có quyền: /);
    expect(refusal(account('/r/'), 'catalogue', BLOCS[0])).toEqual({ code: 'FORBIDDEN', message: 'Chỉ quản trị hệ thống.' });
    expect(refusal(account(null, 'ADMIN'), 'catalogue', BLOCS[0])).toBeNull();
    expect(refusal(ANONYMOUS_CALLER, 'update', BLOCS[0])?.code).toBe('FORBIDDEN');
  });

  it('allowedActions: permission, rule and state together, in declaration order', () => {
    const offered = (caller: Caller, bloc: Bloc) => POLICY.allowedActions(new RequestContext('test', caller), bloc);
    expect(offered(account('/r/a/'), BLOCS[0])).toEqual(['update']);
    expect(offered(account('/r/'), BLOCS[3])).toEqual(['update', 'retire']);
    expect(offered(account('/r/a/x/'), BLOCS[0])).toEqual([]);
    expect(offered(account('/r/a/', 'VIEWER', new Set(['emulation:read'])), BLOCS[0])).toEqual([]);
    expect(offered(SYSTEM_CALLER, BLOCS[3])).toEqual(['update', 'retire', 'catalogue']);
    expect(offered(ANONYMOUS_CALLER, BLOCS[3])).toEqual([]);
    expect(POLICY.vocabulary).toEqual(['update', 'retire', 'catalogue']);
  });

  it('the guards read their permissions from the policy: read, create and each action', () => {
    expect(POLICY.readPermission).toBe('emulation:read');
    expect(POLICY.permission('update')).toBe('emulation:manage');
    expect(() => POLICY.createPermission).toThrow(/declares no create permission/);
    expect(
      definePolicy<Bloc, 'update'>({ ...POLICY.spec, create: 'emulation:manage', actions: { update: POLICY.spec.actions.update } })
        .createPermission,
    ).toBe('emulation:manage');
  });
});

import type { UnitView } from '@danvan/units';
import { TestServer, type TestClient, type GraphQLResult } from '@danvan/testing';

/**
 * The GraphQL limits (docs/security.md, "Abuse limits"): a document is priced
 * with its fragments expanded and its variables' values, and refused before
 * anything runs; ordinary mistakes keep their ordinary 400.
 */
let server: TestServer;
let province: UnitView;
let secretariat: TestClient;

beforeAll(async () => {
  server = await TestServer.start();
  province = await server.factory.unit({ name: 'Tỉnh ủy Thái Bình', kind: 'PARTY_COMMITTEE', adminAreaCode: '34' });
  const district = await server.factory.unit({ parent: province, name: 'Huyện ủy Tiền Hải', kind: 'PARTY_COMMITTEE', level: 'DISTRICT' });
  await server.factory.unit({ parent: district, name: 'Đảng ủy xã Nam Trung', kind: 'PARTY_COMMITTEE', level: 'COMMUNE' });
  secretariat = await server.signedIn('SECRETARIAT', province);
});
afterAll(async () => {
  await server?.close();
});

type Answer = GraphQLResult & { status: number };

/** Sends one GraphQL request and counts the SQL statements it caused. */
async function send(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<Answer & { statements: number }> {
  server.database.statements.reset();
  const response = await secretariat.rest<GraphQLResult>('POST', '/graphql', { query, variables, operationName });
  return { ...response.body, status: response.status, statements: server.database.statements.statements };
}

function refusal(answer: Answer): { status: number; code: unknown; reason: unknown } {
  return { status: answer.status, code: answer.errors?.[0]?.extensions?.code, reason: answer.errors?.[0]?.extensions?.reason };
}

const TOO_COMPLEX = { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COMPLEX' };

/** 5 aliases of unit(id), then ancestors / children(limit: 500) alternating four levels deep (issue 8, item 1). */
function attack(id: string, style: 'inline' | 'fragments' | 'inline-fragments'): string {
  const levels = ['ancestors', 'children(limit: 500)', 'ancestors', 'children(limit: 500)'];
  const roots = (inner: string) => Array.from({ length: 5 }, (_, i) => `u${i}: unit(id: "${id}") { ${inner} }`).join(' ');
  if (style === 'fragments') {
    const fragments = levels.map(
      (list, i) => `fragment A${i} on Unit { id name ${list} { ${i + 1 < levels.length ? `...A${i + 1}` : 'id name code'} } }`,
    );
    return `{ ${roots('...A0')} } ${fragments.join(' ')}`;
  }
  const nest = (i: number): string =>
    i === levels.length
      ? 'id name code'
      : style === 'inline'
        ? `id name ${levels[i]} { ${nest(i + 1)} }`
        : `... on Unit { id name ${levels[i]} { ${nest(i + 1)} } }`;
  return `{ ${roots(nest(0))} }`;
}

describe('GraphQL cost: fragments and variables are priced', () => {
  it('the fragment version of the attack gets the same refusal as the inline one, and nothing runs', async () => {
    const inline = await send(attack(province.id, 'inline'));
    expect(refusal(inline)).toEqual(TOO_COMPLEX);
    const fragments = await send(attack(province.id, 'fragments'));
    expect(refusal(fragments)).toEqual(TOO_COMPLEX);
    expect(fragments.errors?.[0]?.message).toBe(inline.errors?.[0]?.message);
    expect(fragments.data).toBeUndefined();
    expect(fragments.statements).toBe(0);
  });

  it('inline fragments (... on Unit) are priced like the fields they hold', async () => {
    const inline = await send(attack(province.id, 'inline'));
    const inlineFragments = await send(attack(province.id, 'inline-fragments'));
    expect(refusal(inlineFragments)).toEqual(TOO_COMPLEX);
    expect(inlineFragments.errors?.[0]?.message).toBe(inline.errors?.[0]?.message);
    expect(inlineFragments.statements).toBe(0);
  });

  it('a fragment spread many times inside lists is multiplied by each list around each spread', async () => {
    const query = `{ units(options: { pageSize: 100 }) { items { ...Kids } } }
      fragment Kids on Unit { children(limit: 50) { ...Grandkids } }
      fragment Grandkids on Unit { children(limit: 50) { id name code } }`;
    expect(refusal(await send(query))).toEqual(TOO_COMPLEX);
  });

  it('fragments that fan out exponentially are refused quickly, before the estimate walks them all', async () => {
    const levels = 8; // depth 10, the most allowed; 4^8 = 65,536 fields once expanded
    const fragments = Array.from({ length: levels }, (_, i) => {
      const inner = i + 1 < levels ? `...F${i + 1}` : 'id';
      return `fragment F${i} on Unit { id parent { ${inner} } ancestors { ${inner} } children { ${inner} } successors { ${inner} } }`;
    });
    const started = Date.now();
    const answer = await send(`{ unit(id: "${province.id}") { ...F0 } } ${fragments.join(' ')}`);
    expect(refusal(answer)).toEqual(TOO_COMPLEX);
    expect(answer.errors?.[0]?.message).toContain('10.000 trường cần ước tính');
    expect(answer.statements).toBe(0);
    // Generous for a loaded CI machine: the message and the 0 statements show the walk stopped early; this only catches a walk of all 65,536.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a limit passed as a variable is priced by its value: 500 is refused like the literal, a small one passes', async () => {
    const query = `query Children($l: Int!) { units(options: { pageSize: 100 }) { items { children(limit: $l) { children(limit: $l) { id } } } } }`;
    const literal = await send(`{ units(options: { pageSize: 100 }) { items { children(limit: 500) { children(limit: 500) { id } } } } }`);
    expect(refusal(literal)).toEqual(TOO_COMPLEX);
    const variable = await send(query, { l: 500 });
    expect(refusal(variable)).toEqual(TOO_COMPLEX);
    expect(variable.statements).toBe(0);
    const small = await send(query, { l: 3 });
    expect({ status: small.status, errors: small.errors }).toEqual({ status: 200, errors: undefined });
  });

  it('a pageSize passed as a variable (whole options or the field alone) is priced by its value', async () => {
    const whole = `query Units($o: UnitListOptions) { units(options: $o) { items { children(limit: 500) { id children(limit: 5) { id } } } } }`;
    expect(refusal(await send(whole, { o: { pageSize: 100 } }))).toEqual(TOO_COMPLEX);
    const small = await send(whole, { o: { pageSize: 2 } });
    expect({ status: small.status, errors: small.errors }).toEqual({ status: 200, errors: undefined });
    const field = `query Units($size: Int) { units(options: { pageSize: $size }) { items { children(limit: 500) { id children(limit: 5) { id } } } } }`;
    expect(refusal(await send(field, { size: 100 }))).toEqual(TOO_COMPLEX);
    expect((await send(field, { size: 2 })).status).toBe(200);
  });

  it('a negative or zero limit does not lower the estimate of the fields beside it', async () => {
    const heavy = `units(options: { pageSize: 100 }) { items { children(limit: 500) { id children(limit: 5) { id } } } }`;
    const answer = await send(`query($l: Int!) { unit(id: "${province.id}") { children(limit: $l) { id name code parentId } } ${heavy} }`, {
      l: -100_000_000,
    });
    expect(refusal(answer)).toEqual(TOO_COMPLEX);
    expect(answer.statements).toBe(0);
  });

  it('the standard introspection query (GraphiQL, outside production) is not refused', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const answer = await send(getIntrospectionQuery());
    expect({ status: answer.status, errors: answer.errors }).toEqual({ status: 200, errors: undefined });
  });

  it('children accepts its declared bound (500) as a variable; above it the field answers 400 BAD_USER_INPUT', async () => {
    const ok = await send(`query($l: Int!) { unit(id: "${province.id}") { children(limit: $l) { id } } }`, { l: 500 });
    expect({ status: ok.status, errors: ok.errors }).toEqual({ status: 200, errors: undefined });
    const above = await send(`query($l: Int!) { unit(id: "${province.id}") { children(limit: $l) { id } } }`, { l: 501 });
    expect(above.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('GraphQL cost: a field running its own statement per parent is priced as such', () => {
  it('a page of pledges each asking its ranking is allowed once; the same ten times over (aliases) is refused before anything runs', async () => {
    const one = await send(`{ pledges(options: { pageSize: 100 }) { items { id ranking { final rows { rank } } } } }`);
    expect(one.status).toBe(200);
    expect(one.errors).toBeUndefined();
    const aliases = Array.from(
      { length: 10 },
      (_, i) => `p${i}: pledges(options: { pageSize: 100 }) { items { ranking { rows { rank } } } }`,
    );
    const flood = await send(`{ ${aliases.join(' ')} }`);
    expect(refusal(flood)).toEqual(TOO_COMPLEX);
    expect(flood.statements).toBe(0);
  });
});

describe('GraphQL depth and aliases count what fragments spread', () => {
  it('aliases inside a fragment count once per spread', async () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `n${i}: name`).join(' ');
    const query = `{ a: unit(id: "${province.id}") { ...Names } b: unit(id: "${province.id}") { ...Names } } fragment Names on Unit { ${aliases} }`;
    const answer = await send(query);
    expect(refusal(answer)).toEqual(TOO_COMPLEX);
    expect(answer.errors?.[0]?.message).toBe('Truy vấn dùng quá nhiều bí danh (alias): 24, tối đa 20.');
    expect(answer.statements).toBe(0);
  });

  it('depth counts the fields of the fragments, not the spreads', async () => {
    const parents = (n: number) => 'parent { '.repeat(n) + 'id' + ' }'.repeat(n);
    const answer = await send(`{ units { items { ...Up } } } fragment Up on Unit { ${parents(9)} }`);
    expect(refusal(answer)).toEqual(TOO_COMPLEX);
    expect(answer.errors?.[0]?.message).toBe('Truy vấn lồng quá sâu: 12 cấp, tối đa 10 cấp.');
    expect((await send(`{ units { items { ...Up } } } fragment Up on Unit { ${parents(7)} }`)).status).toBe(200);
  });
});

describe('GraphQL limits leave ordinary mistakes their ordinary 400', () => {
  it('an unknown field, an unknown operation name, variables of the wrong type or missing', async () => {
    const unknownField = await send('{ units { nope } }');
    expect({ status: unknownField.status, code: unknownField.errors?.[0]?.extensions?.code }).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
    expect(unknownField.errors?.[0]?.extensions?.reason).toBeUndefined();
    const unknownOperation = await send('query A { units { totalItems } }', undefined, 'B');
    expect(unknownOperation.status).toBe(400);
    const wrongType = await send('query($l: Int!) { unit(id: "x") { children(limit: $l) { id } } }', { l: 'năm trăm' });
    expect({ status: wrongType.status, code: wrongType.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    const wrongOptions = await send('query($o: UnitListOptions) { units(options: $o) { totalItems } }', { o: { pageSize: 'lớn' } });
    expect({ status: wrongOptions.status, code: wrongOptions.errors?.[0]?.extensions?.code }).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
    });
    const missing = await send('query($l: Int!) { unit(id: "x") { children(limit: $l) { id } } }');
    expect({ status: missing.status, code: missing.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    for (const answer of [unknownField, unknownOperation, wrongType, wrongOptions, missing]) expect(answer.statements).toBe(0);
  });
});

describe('GraphQL field suggestions', () => {
  const misspelled = '{ units { totalItem } }';
  const misspelledOption = 'query($o: UnitListOptions) { units(options: $o) { totalItems } }';

  it('outside production, a misspelled field is answered with a suggestion (developer help)', async () => {
    const answer = await send(misspelled);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.message).toContain('Did you mean "totalItems"?');
  });

  it('in production with introspection off, errors suggest no field, argument or enum value', async () => {
    const production = await TestServer.start({ production: true, graphqlIntrospection: false });
    try {
      const answers = [
        await production.graphql(misspelled),
        await production.graphql('{ units(option: { pageSize: 1 }) { totalItems } }'),
        await production.graphql('{ units(options: { filter: { kind: [PARTY_COMITTEE] } }) { totalItems } }'),
        await production.graphql(misspelledOption, { o: { pageSiz: 1 } }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.errors?.[0]?.message).toBeTruthy();
        expect(answer.errors?.map((error) => error.message).join('\n')).not.toMatch(/Did you mean/);
      }
    } finally {
      await production.close();
    }
  });
});

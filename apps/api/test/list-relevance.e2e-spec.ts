import { TOTAL_COUNT_LIMIT } from '@danvan/contracts';
import {
  assertExportable,
  fetchPage,
  LATE_ROW_LOOKUP_OFFSET,
  RANKED_CANDIDATES_MAX_ROWS,
  textSearch,
  type ListQuerySpec,
  type Queryable,
} from '@danvan/core';
import { TestServer } from '@danvan/testing';

/**
 * A search without an explicit sort lists by relevance, in SQL (textSearch's
 * ranking through fetchPage): the exact name first, then names starting with the
 * query, then names where the query starts a word, then the other matches; within
 * each, by trigram similarity; ties by the default sort and the id. Matching stays
 * diacritics- and case-insensitive. And a count beyond the list's limit says so.
 */
let server: TestServer;

type Named = { items: Array<{ id: string; name: string }>; totalItems: number; totalIsExact: boolean };
const names = (page: Named) => page.items.map((u) => u.name);

beforeAll(async () => {
  server = await TestServer.start();
  const root = await server.factory.unit({ name: 'Ban Chấp hành Trung ương thử', level: 'CENTRAL' });
  // Created in an order unrelated to the expected one.
  for (const name of [
    'Hội Nông dân tỉnh Hà Giang',
    'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Tĩnh',
    'Tỉnh ủy Hà Giang',
    'Hội Nông dân tỉnh Hà Tĩnh',
    'Thành ủy Hà Tĩnh',
    'Tỉnh ủy Hà Tĩnh',
    'Tỉnh ủy Hà Nam',
    // The words in another order, and "tân mỹ" in its tiers.
    'Mỹ Tân',
    'Đảng ủy xã Tân Mỹ',
    'Hội Nông dân xã Tân Mỹ',
    'Hội Nông dân xã Tân Mỹ',
    'Tân Mỹ Hạ',
    'Tân Mỹ',
  ]) {
    await server.factory.unit({ parent: root, name });
  }
});
afterAll(async () => {
  await server?.close();
});

describe('search relevance', () => {
  it('"hà tĩnh" puts "Tỉnh ủy Hà Tĩnh" first, then the other units named after Hà Tĩnh, then those merely containing both words', async () => {
    const { status, body } = await server.rest<Named>('GET', `/api/v1/units?q=${encodeURIComponent('hà tĩnh')}`);
    expect(status).toBe(200);
    expect(names(body)).toEqual([
      'Tỉnh ủy Hà Tĩnh',
      'Thành ủy Hà Tĩnh',
      'Hội Nông dân tỉnh Hà Tĩnh',
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Tĩnh',
      // "hà" and "tĩnh" both occur, not as the phrase: after every "… Hà Tĩnh", shortest (most similar) first.
      'Tỉnh ủy Hà Nam',
      'Tỉnh ủy Hà Giang',
      'Hội Nông dân tỉnh Hà Giang',
    ]);
    expect({ totalItems: body.totalItems, totalIsExact: body.totalIsExact }).toEqual({ totalItems: 7, totalIsExact: true });
  });

  it('ranks without diacritics or case the same: "HA TINH" and "ha tinh" answer the order of "hà tĩnh"', async () => {
    const accented = names((await server.rest<Named>('GET', `/api/v1/units?q=${encodeURIComponent('hà tĩnh')}`)).body);
    for (const q of ['ha tinh', 'HA TINH'])
      expect(names((await server.rest<Named>('GET', `/api/v1/units?q=${encodeURIComponent(q)}`)).body)).toEqual(accented);
  });

  it('exact name, then name start, then word start, then the rest; equal names by id, stable across pages', async () => {
    const { body } = await server.rest<Named>('GET', `/api/v1/units?q=${encodeURIComponent('tân mỹ')}`);
    expect(names(body)).toEqual(['Tân Mỹ', 'Tân Mỹ Hạ', 'Đảng ủy xã Tân Mỹ', 'Hội Nông dân xã Tân Mỹ', 'Hội Nông dân xã Tân Mỹ', 'Mỹ Tân']);
    const twins = body.items.filter((u) => u.name === 'Hội Nông dân xã Tân Mỹ').map((u) => u.id);
    expect(twins).toEqual([...twins].sort());
    // One row a page, page after page: the same order, each row once.
    const paged: string[] = [];
    for (let page = 1; page <= body.items.length; page++) {
      const one = await server.rest<Named>('GET', `/api/v1/units?q=${encodeURIComponent('tân mỹ')}&pageSize=1&page=${page}`);
      paged.push(...one.body.items.map((u) => u.id));
    }
    expect(paged).toEqual(body.items.map((u) => u.id));
  });

  it('an explicit sort wins over relevance', async () => {
    const { body } = await server.rest<Named>('GET', `/api/v1/units?q=${encodeURIComponent('tân mỹ')}&sort=-name`);
    const expected = names(body)
      .slice()
      .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    expect(names(body)).toEqual(expected);
    expect(names(body)[0]).not.toBe('Tân Mỹ');
  });

  it('GraphQL lists the same order, with totalIsExact', async () => {
    const rest = names((await server.rest<Named>('GET', `/api/v1/units?q=${encodeURIComponent('hà tĩnh')}`)).body);
    const gql = await server.graphql<{ units: Named }>(
      `query($q: String) { units(options: { filter: { search: $q } }) { items { id name } totalItems totalIsExact } }`,
      { q: 'hà tĩnh' },
    );
    expect(gql.errors).toBeUndefined();
    const units = gql.data?.units as Named;
    expect(names(units)).toEqual(rest);
    expect(units.totalIsExact).toBe(true);
  });
});

describe('every list says whether its total is exact', () => {
  it('GraphQL: totalIsExact beside totalItems on every list type', async () => {
    const lists = ['accountList', 'apiKeys', 'auditEvents', 'awards', 'blocs', 'documents', 'models', 'movements', 'pledges', 'units'];
    const answer = await server.graphql<Record<string, { totalItems: number; totalIsExact: boolean }>>(
      `{ ${lists.map((list) => `${list} { totalItems totalIsExact }`).join(' ')} }`,
    );
    expect(answer.errors).toBeUndefined();
    for (const list of lists) expect({ list, totalIsExact: answer.data?.[list]?.totalIsExact }).toEqual({ list, totalIsExact: true });
  });

  it('REST: the pages of documents, models and awards carry it too', async () => {
    for (const path of ['/api/v1/documents', '/api/v1/models', '/api/v1/awards']) {
      const page = await server.rest<{ totalIsExact: boolean }>('GET', path);
      expect({ path, status: page.status, totalIsExact: page.body.totalIsExact }).toEqual({ path, status: 200, totalIsExact: true });
    }
  });
});

describe('bounded count', () => {
  // The list mechanism itself, with a limit small enough to cross on this data set.
  const spec: ListQuerySpec<'name', { search?: string }> = {
    from: 'unit u',
    select: 'u.id, u.name',
    sortColumns: { name: 'u.name' },
    tieBreaker: 'u.id',
    defaultSort: { field: 'name', order: 'asc' },
    filters: { search: textSearch('u.search_text', { rankText: 'u.search_name' }) },
    countLimit: 5,
  };
  const list = (search: string, page = 1) =>
    server.database.dataSource.transaction((manager) =>
      fetchPage<{ id: string; name: string }, 'name', { search?: string }>(manager, spec, { page, pageSize: 3, filter: { search } }),
    );

  it('more matches than the limit: totalItems is the limit and totalIsExact false; every row is still reachable', async () => {
    const first = await list('hà tĩnh');
    expect({ totalItems: first.totalItems, totalIsExact: first.totalIsExact }).toEqual({ totalItems: 5, totalIsExact: false });
    expect((await list('hà tĩnh', 3)).items).toHaveLength(1); // 7 matches: pages of 3, 3 and 1
  });

  it('no more matches than the limit: the exact total', async () => {
    expect(await list('nông dân')).toMatchObject({ totalItems: 4, totalIsExact: true });
  });

  it('a deep page (a late row lookup from LATE_ROW_LOOKUP_OFFSET rows skipped on) answers the rows of that position', async () => {
    // 1,100 more units, straight into the table (the factory would take minutes).
    await server.database.dataSource.query(
      `WITH n AS (SELECT gen_random_uuid() AS id, i FROM generate_series(1, 1100) AS i)
       INSERT INTO unit (id, code, name, kind, level, path, depth)
       SELECT id, 'SAU-' || i, 'Đơn vị trang sâu ' || lpad((i % 97)::text, 3, '0'), 'MASS_MOBILISATION_COMMISSION', 'PROVINCE', '/' || id || '/', 1 FROM n`,
    );
    const byName = { ...spec, filters: { search: spec.filters.search } };
    const pageSize = 7;
    // Pages 143 and 144: 994 then 1,001 rows skipped, the plain statement then the late lookup.
    expect([142 * pageSize < LATE_ROW_LOOKUP_OFFSET, 143 * pageSize >= LATE_ROW_LOOKUP_OFFSET]).toEqual([true, true]);
    for (const page of [143, 144]) {
      const got = await server.database.dataSource.transaction((manager) =>
        fetchPage<{ id: string; name: string }, 'name', { search?: string }>(manager, byName, { page, pageSize }),
      );
      const expected = (await server.database.dataSource.query(`SELECT id, name FROM unit ORDER BY name, id LIMIT $1 OFFSET $2`, [
        pageSize,
        (page - 1) * pageSize,
      ])) as Array<{ id: string; name: string }>;
      expect(got.items).toEqual(expected);
    }
  });

  it('an export refuses a list whose total is not exact (more than counted)', () => {
    expect(() => assertExportable({ totalItems: TOTAL_COUNT_LIMIT, totalIsExact: false }, 'đơn vị')).toThrow(/^Có hơn 10\.000 đơn vị khớp/);
    expect(() => assertExportable({ totalItems: 10, totalIsExact: true }, 'đơn vị')).not.toThrow();
  });
});

describe('a broad search ranked from bounded candidates', () => {
  // The unit list's search, with and without the stored trigram count: the plain statement scores every match.
  type Spec = ListQuerySpec<'name', { search?: string }>;
  const plain: Spec = {
    from: 'unit u',
    select: 'u.id, u.name',
    sortColumns: { name: 'u.name' },
    tieBreaker: 'u.id',
    defaultSort: { field: 'name', order: 'asc' },
    filters: { search: textSearch('u.search_text', { rankText: 'u.search_name' }) },
  };
  const bounded: Spec = {
    ...plain,
    filters: { search: textSearch('u.search_text', { rankText: 'u.search_name', rankTrigrams: 'u.search_name_trigrams' }) },
  };
  const list = (spec: Spec, search: string, page: number, pageSize: number, statements: string[] = []) =>
    server.database.dataSource.transaction((manager) => {
      const recording: Queryable = { query: (sql, parameters) => (statements.push(sql), manager.query(sql, parameters)) };
      return fetchPage<{ id: string; name: string }, 'name', { search?: string }>(recording, spec, { page, pageSize, filter: { search } });
    });

  beforeAll(async () => {
    // 400 names starting with "Hội Nông dân" of many lengths (so many similarities), duplicates among them (ties by id),
    // one exactly "Hội Nông dân", and names where the phrase only starts a later word.
    await server.database.dataSource.query(
      `WITH n AS (SELECT gen_random_uuid() AS id, i FROM generate_series(1, 400) AS i)
       INSERT INTO unit (id, code, name, kind, level, path, depth)
       SELECT id, 'HND-' || i,
              CASE WHEN i = 1 THEN 'Hội Nông dân'
                   WHEN i % 10 = 0 THEN 'Ban Hội Nông dân ' || (i % 7)
                   ELSE 'Hội Nông dân ' || repeat('xã Tân ', i % 4) || 'Mỹ ' || (i % 23) END,
              'MASS_MOBILISATION_COMMISSION', 'COMMUNE', '/' || id || '/', 1 FROM n`,
    );
  });

  it.each([
    ['hội nông dân', 1, 20],
    ['hội nông dân', 2, 20],
    ['hội nông dân', 7, 13],
    ['hoi nong dan', 1, 50],
    ['hội', 1, 20],
    ['hội nông dân xã tân', 3, 10],
  ])('"%s" page %i of %i: the same rows as scoring every match', async (search, page, pageSize) => {
    const statements: string[] = [];
    const got = await list(bounded, search, page, pageSize, statements);
    const expected = await list(plain, search, page, pageSize);
    expect(got.items).toHaveLength(pageSize);
    expect(got).toEqual(expected);
    // Ranked from the candidates, not by the plain statement.
    expect(statements.some((sql) => sql.includes('u.search_name_trigrams BETWEEN'))).toBe(true);
  });

  it('the first two tiers too few for the page, or a page beyond RANKED_CANDIDATES_MAX_ROWS: the plain statement, the same rows', async () => {
    for (const [search, page, pageSize] of [
      ['nông dân', 1, 20], // the phrase starts a later word in most names: tiers 2 and 3 fill the page
      ['hội nông dân', Math.floor(RANKED_CANDIDATES_MAX_ROWS / 20) + 1, 20],
    ] as const) {
      const statements: string[] = [];
      expect(await list(bounded, search, page, pageSize, statements)).toEqual(await list(plain, search, page, pageSize));
      expect(statements.some((sql) => sql.includes('u.search_name_trigrams BETWEEN'))).toBe(false);
    }
  });

  it('through the API, "hội nông dân" lists the exact name first', async () => {
    const { status, body } = await server.rest<Named>('GET', `/api/v1/units?q=${encodeURIComponent('hội nông dân')}&pageSize=5`);
    expect(status).toBe(200);
    expect(body.items[0].name).toBe('Hội Nông dân');
    expect(body.totalIsExact).toBe(true);
  });
});

import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DEFAULT_PAGE_SIZE } from '@danvan/contracts';
import { DomainError, equals, inList, textSearch, type Queryable } from '@danvan/core';
import { openEmbeddedPostgres, type EmbeddedPostgres } from '@danvan/database';
import { booleanFilter, dateFilter, enumFilter, idFilter, intFilter, stringsFilter, textFilter } from './lists/list-filters.js';
import { defineList, enumKey } from './lists/define-list.js';
import { assertVersion, NO_VERSION_SENT, updateVersioned } from './versioned-writes/expected-version.js';
import { withIfMatch } from './versioned-writes/versioned-rest.js';

const COLOURS = ['RED', 'GREEN', 'BLUE'] as const;
const ColourEnum = Object.fromEntries(COLOURS.map((c) => [c, c]));

/** A small resource declared as a capability would declare it. */
const WIDGET_LIST = defineList({
  name: 'KitWidget',
  label: 'vật dụng',
  from: 'widget w',
  select: 'w.id, w.name, w.colour, w.size, w.made_on::text AS "madeOn", w.tags, w.retired',
  tieBreaker: 'w.id',
  sort: {
    columns: { name: 'w.name', size: 'w.size', madeOn: 'w.made_on' },
    labels: { name: 'Tên.', size: 'Cỡ.', madeOn: 'Ngày làm.' },
    default: { field: 'name', order: 'asc' },
  },
  filters: {
    search: textFilter(textSearch('danvan_normalize(w.name)'), { rest: 'q', description: 'Tìm theo tên.' }),
    colour: enumFilter(COLOURS, ColourEnum, inList('w.colour'), { description: 'Màu.' }),
    size: intFilter(equals('w.size'), { min: 1, max: 10, message: 'Cỡ phải từ 1 đến 10.', description: 'Cỡ.' }),
    madeFrom: dateFilter((date, params) => `w.made_on >= ${params.add(date)}::date`, { description: 'Làm từ ngày.' }),
    madeTo: dateFilter((date, params) => `w.made_on <= ${params.add(date)}::date`, { notBefore: 'madeFrom', description: 'Làm đến ngày.' }),
    tag: stringsFilter((tags, params) => `w.tags && ${params.add(tags)}::text[]`, { maxLength: 4, maxItems: 3, description: 'Nhãn.' }),
    retired: booleanFilter((retired) => (retired ? 'w.retired' : 'NOT w.retired'), { description: 'Đã ngừng.' }),
    parentId: idFilter(equals('w.parent_id'), { graphql: false, rest: false, description: 'Cha.' }),
  },
});

const WIDGET_LIST_DECLARATION_FOR_ERRORS = {
  name: 'KitBadRange',
  label: 'khoảng sai',
  from: 'widget w',
  select: 'w.id',
  tieBreaker: 'w.id',
  sort: { columns: { id: 'w.id' }, labels: { id: 'Mã.' }, default: { field: 'id' as const, order: 'asc' as const } },
};

async function restQuery(query: Record<string, string>) {
  const dto = plainToInstance(WIDGET_LIST.RestQuery, query);
  return { dto, errors: await validate(dto, { whitelist: true, forbidNonWhitelisted: true }) };
}

describe('a list declaration gives the REST query DTO', () => {
  it('reads the query string as the list request, with the REST names and shapes', async () => {
    const { dto, errors } = await restQuery({
      q: 'bàn',
      colour: 'RED,BLUE',
      size: '3',
      sort: '-madeOn',
      page: '2',
      retired: 'false',
      tag: 'a,b',
    });
    expect(errors).toEqual([]);
    expect(WIDGET_LIST.fromRest(dto, { parentId: 'p-1' })).toEqual({
      page: 2,
      pageSize: undefined,
      sort: { field: 'madeOn', order: 'desc' },
      filter: { search: 'bàn', colour: ['RED', 'BLUE'], size: 3, retired: false, tag: ['a', 'b'], parentId: 'p-1' },
    });
  });

  it('refuses what the declaration does not allow, in Vietnamese', async () => {
    const { errors } = await restQuery({
      sort: 'colour',
      size: '11',
      colour: 'PINK',
      madeFrom: '2024-02-30',
      tag: 'a,b,c,d',
      q: 'x'.repeat(101),
    });
    const byField = Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
    expect(Object.keys(byField).sort()).toEqual(['colour', 'madeFrom', 'q', 'size', 'sort', 'tag']);
    expect(byField.sort).toEqual(['Chỉ được sắp xếp theo: name, size, madeOn (thêm "-" phía trước để giảm dần).']);
    expect(byField.size).toContain('Cỡ phải từ 1 đến 10.');
    expect(byField.q).toContain('Chuỗi tìm kiếm không được dài quá 100 ký tự.');
  });

  it('has no parameter for a filter declared GraphQL- or path-only', async () => {
    const { errors } = await restQuery({ parentId: '00000000-0000-4000-8000-000000000000' });
    expect(errors.map((e) => e.property)).toEqual(['parentId']);
  });

  it('gives an export query without pages', async () => {
    const dto = plainToInstance(WIDGET_LIST.RestExportQuery, { page: '2' });
    expect((await validate(dto, { whitelist: true, forbidNonWhitelisted: true })).map((e) => e.property)).toEqual(['page']);
  });
});

describe('a list declaration gives the GraphQL options input', () => {
  it('refuses a range whose upper bound precedes its lower bound, on the upper bound, over REST and GraphQL', async () => {
    const inverted = await restQuery({ madeFrom: '2024-03-02', madeTo: '2024-03-01' });
    expect(inverted.errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([['madeTo', ['notBefore']]]);
    expect(Object.values(inverted.errors[0].constraints ?? {})[0]).toBe(
      'madeTo không được trước madeFrom (khoảng thời gian bị đảo ngược).',
    );
    expect((await restQuery({ madeFrom: '2024-03-01', madeTo: '2024-03-01' })).errors).toEqual([]);
    expect((await restQuery({ madeTo: '2024-03-01' })).errors).toEqual([]);
    // A malformed bound has its own error; the range is not compared.
    expect((await restQuery({ madeFrom: '2024-02-30', madeTo: '2024-01-01' })).errors.map((e) => e.property)).toEqual(['madeFrom']);
    const options = plainToInstance(WIDGET_LIST.Options, { filter: { madeFrom: '2024-03-02', madeTo: '2024-03-01' } });
    const [filterError] = await validate(options);
    expect(filterError.children?.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([['madeTo', ['notBefore']]]);
  });

  it('refuses a range bound naming a filter of another kind', () => {
    expect(() =>
      defineList({
        ...WIDGET_LIST_DECLARATION_FOR_ERRORS,
        filters: {
          size: intFilter(equals('w.size'), { min: 1, max: 2, description: 'Cỡ.' }),
          to: dateFilter(() => 'TRUE', { notBefore: 'size', description: 'Đến.' }),
        },
      }),
    ).toThrow(/to.notBefore must name a date filter/);
  });

  it('validates options { filter, sort, page, pageSize } with nested checks', async () => {
    const ok = plainToInstance(WIDGET_LIST.Options, {
      page: 1,
      sort: { field: 'size', order: 'desc' },
      filter: { colour: ['GREEN'], size: 2 },
    });
    expect(await validate(ok)).toEqual([]);
    expect(WIDGET_LIST.fromOptions(ok)).toMatchObject({ sort: { field: 'size', order: 'desc' }, filter: { colour: ['GREEN'], size: 2 } });
    const bad = plainToInstance(WIDGET_LIST.Options, { pageSize: 500, sort: { field: 'colour' }, filter: { colour: ['PINK'] } });
    expect((await validate(bad)).map((e) => e.property).sort()).toEqual(['filter', 'pageSize', 'sort']);
  });

  it('names sort fields as UPPER_SNAKE GraphQL enum values', () => {
    expect(['name', 'shortName', 'madeOn', 'validFrom2'].map(enumKey)).toEqual(['NAME', 'SHORT_NAME', 'MADE_ON', 'VALID_FROM2']);
  });
});

describe('a list declaration gives the OpenAPI page schema', () => {
  it('is a named class whose five members are required', () => {
    class WidgetView {}
    const page = WIDGET_LIST.page(WidgetView);
    expect(page.name).toBe('KitWidgetPage');
    expect(WIDGET_LIST.page(WidgetView)).toBe(page);
    const properties = Reflect.getMetadata('swagger/apiModelPropertiesArray', page.prototype) as string[];
    expect(properties).toEqual([':items', ':totalItems', ':totalIsExact', ':page', ':pageSize']);
    // Swagger lists a member as required unless it says `required: false`.
    for (const name of ['items', 'totalItems', 'totalIsExact', 'page', 'pageSize']) {
      expect((Reflect.getMetadata('swagger/apiModelProperties', page.prototype, name) as { required?: boolean }).required).not.toBe(false);
    }
  });
});

describe('a list declaration gives the GraphQL page type', () => {
  it('is one named class per list, refusing a second view (two types of one name)', () => {
    class WidgetView {}
    const page = WIDGET_LIST.graphqlPage(WidgetView);
    expect(page.name).toBe('KitWidgetList');
    expect(WIDGET_LIST.graphqlPage(WidgetView)).toBe(page);
    class OtherView {}
    expect(() => WIDGET_LIST.graphqlPage(OtherView)).toThrow(/already lists WidgetView/);
  });
});

describe('a list declaration gives the SQL, on a real database', () => {
  let embedded: EmbeddedPostgres;
  let db: Queryable;
  beforeAll(async () => {
    embedded = await openEmbeddedPostgres({ kind: 'memory' });
    db = { query: async (sql, params) => (await embedded.pglite.query(sql, params)).rows };
    await embedded.pglite.exec(`
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE FUNCTION danvan_normalize(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(unaccent($1)) $$;
      CREATE TABLE widget (id int PRIMARY KEY, name text NOT NULL, colour text NOT NULL, size int NOT NULL, made_on date,
        tags text[] NOT NULL DEFAULT '{}', retired boolean NOT NULL DEFAULT false, parent_id text, version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now());
      INSERT INTO widget (id, name, colour, size, made_on, tags, retired)
        SELECT i, 'Bàn ' || lpad(i::text, 2, '0'), (ARRAY['RED','GREEN','BLUE'])[1 + i % 3], 1 + i % 5, DATE '2024-01-01' + i, ARRAY['t' || (i % 2)], i > 40
        FROM generate_series(1, 45) i;`);
  });
  afterAll(() => embedded.close());

  it('applies the page defaults in one place: page 1, DEFAULT_PAGE_SIZE rows, the declared sort', async () => {
    expect(WIDGET_LIST.request({})).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: undefined, filter: undefined });
    const page = await WIDGET_LIST.fetch<{ id: number }>(db, {});
    expect(page).toMatchObject({ page: 1, pageSize: DEFAULT_PAGE_SIZE, totalItems: 45 });
    expect(page.items.map((w) => w.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('filters, sorts and pages with the declared SQL, the scope applied first', async () => {
    const page = await WIDGET_LIST.fetch<{ id: number; size: number }>(
      db,
      { page: 2, pageSize: 3, sort: { field: 'size', order: 'desc' }, filter: { colour: ['RED', 'BLUE'], retired: false, tag: ['t1'] } },
      (params) => `w.id <= ${params.add(30)}`,
    );
    // RED or BLUE: i % 3 in (0, 2); t1: odd i; not retired; i <= 30.
    const expected = Array.from({ length: 30 }, (_, i) => i + 1)
      .filter((i) => i % 3 !== 1 && i % 2 === 1)
      .sort((a, b) => 1 + (b % 5) - (1 + (a % 5)) || b - a);
    expect(page.totalItems).toBe(expected.length);
    expect(page.items.map((w) => w.id)).toEqual(expected.slice(3, 6));
  });

  it('searches ignoring diacritics, and a date filter is inclusive', async () => {
    expect((await WIDGET_LIST.fetch(db, { filter: { search: 'BAN 04' } })).items).toEqual([expect.objectContaining({ name: 'Bàn 04' })]);
    // 2024-02-14 is widget 44's day: it counts, as does 45.
    expect((await WIDGET_LIST.fetch(db, { filter: { madeFrom: '2024-02-14' } })).totalItems).toBe(2);
  });
});

describe('versioned writes', () => {
  const conflict = () => DomainError.versionConflict('vật dụng', 3, 4);

  it('gives the service NO_VERSION_SENT, never a number, when a required If-Match is missing, and answers 428 naming the current version', async () => {
    let seen: unknown;
    const refused = withIfMatch(undefined, 'required', async (expected) => {
      seen = expected;
      assertVersion('vật dụng', expected, 7);
      return 'written';
    });
    await expect(refused).rejects.toMatchObject({
      code: 'PRECONDITION_REQUIRED',
      currentVersion: 7,
      fields: [{ field: 'If-Match', code: 'required' }],
    });
    expect(seen).toBe(NO_VERSION_SENT);
  });

  it('assertVersion, before any rule: none sent is 428 naming the current version, a stale one 412 naming it too', () => {
    expect(() => assertVersion('vật dụng', NO_VERSION_SENT, 7)).toThrow(
      expect.objectContaining({ code: 'PRECONDITION_REQUIRED', currentVersion: 7 }),
    );
    expect(() => assertVersion('vật dụng', 3, 7)).toThrow(expect.objectContaining({ code: 'VERSION_CONFLICT', currentVersion: 7 }));
    expect(() => assertVersion('vật dụng', 7, 7)).not.toThrow();
  });

  it('answers a stale If-Match 412 with the current version, an optional one absent as null', async () => {
    await expect(withIfMatch('"3"', 'required', () => Promise.reject(conflict()))).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      currentVersion: 4,
    });
    await expect(withIfMatch(undefined, 'optional', async (expected) => expected)).resolves.toBeNull();
    await expect(withIfMatch('W/"5"', 'optional', async (expected) => expected)).resolves.toBe(5);
    await expect(withIfMatch('"abc"', 'optional', async () => 1)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('keeps the first-create answer: a version sent for nothing yet is 412 notCreatedYet on If-Match', async () => {
    await expect(
      withIfMatch('"2"', 'optional', async (expected) => {
        DomainError.refuseVersionMismatch('phiếu', expected, null);
        return 1;
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', fields: [{ field: 'If-Match', code: 'notCreatedYet' }] });
  });

  it('bumps a version with one conditional UPDATE, a lost race answered with the current version', async () => {
    const embedded = await openEmbeddedPostgres({ kind: 'memory' });
    try {
      const db: Queryable = { query: async (sql, params) => (await embedded.pglite.query(sql, params)).rows };
      await embedded.pglite.exec(
        `CREATE TABLE widget (id text PRIMARY KEY, name text, version int NOT NULL DEFAULT 1, updated_at timestamptz)`,
      );
      await embedded.pglite.exec(`INSERT INTO widget (id, name) VALUES ('w1', 'Bàn')`);
      const update = { table: 'widget', id: 'w1', set: 'name = $3', values: ['Ghế'], entityLabel: 'vật dụng', returning: 'name, version' };
      await expect(updateVersioned(db, { ...update, expectedVersion: 1 })).resolves.toEqual({ name: 'Ghế', version: 2 });
      await expect(updateVersioned(db, { ...update, expectedVersion: 1 })).rejects.toMatchObject({
        code: 'VERSION_CONFLICT',
        currentVersion: 2,
      });
      expect((await embedded.pglite.query(`SELECT name, version FROM widget`)).rows).toEqual([{ name: 'Ghế', version: 2 }]);
    } finally {
      await embedded.close();
    }
  });
});

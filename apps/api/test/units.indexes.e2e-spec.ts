import { TestServer } from '@danvan/testing';

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
  const root = await server.factory.unit({ name: 'Tỉnh ủy Thái Bình', level: 'PROVINCE' });
  for (let i = 0; i < 40; i++) {
    const district = await server.factory.unit({ parent: root, level: 'DISTRICT', name: `Huyện ủy số ${i}` });
    await server.factory.unit({ parent: district, level: 'COMMUNE', name: `Đảng ủy xã Tân Mỹ ${i}` });
  }
  await server.database.dataSource.query('ANALYZE unit');
});
afterAll(async () => {
  await server?.close();
});

/** The plan PostgreSQL picks for the list statement the API just ran, with sequential scans discouraged. */
async function planOfLastList(path: string): Promise<string> {
  server.database.statements.reset();
  expect((await server.rest('GET', path)).status).toBe(200);
  const list = server.database.statements.recent.find((s) => s.query.includes('OFFSET'));
  if (!list) throw new Error('no list statement recorded');
  return server.database.dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL enable_seqscan = off');
    const rows = (await manager.query(`EXPLAIN ${list.query}`, list.parameters)) as Array<{ 'QUERY PLAN': string }>;
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/** Search and tree filters are answered by PostgreSQL indexes, not by scanning (nor by JavaScript). */
describe('list indexes', () => {
  it('diacritics-insensitive search uses the trigram index on the stored normalised text', async () => {
    expect(await planOfLastList('/api/v1/units?q=tan%20my')).toContain('unit_search_text_trgm_idx');
  });

  it('"within the subtree of" uses the path index range', async () => {
    const root = (await server.rest<{ items: Array<{ id: string }> }>('GET', '/api/v1/units?q=thai%20binh')).body.items[0];
    expect(await planOfLastList(`/api/v1/units?withinUnitId=${root.id}&sort=code`)).toContain('unit_path_idx');
  });
});

describe('connection settings', () => {
  it('the API’s connections to a PostgreSQL server run without JIT compilation (it only slows sub-second statements)', async () => {
    const [{ jit }] = (await server.database.dataSource.query('SHOW jit')) as Array<{ jit: string }>;
    // PGlite is built without JIT (its default is already off); a server's default is on unless the pool turns it off.
    expect(jit).toBe('off');
  });
});

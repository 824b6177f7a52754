import { DEMO_PLEDGES, DEMO_REVIEWERS, DEMO_UNITS, TIEN_HAI_MODELS } from '@danvan/demo-data';
import { loadAllDemoData } from '@danvan/server-app';
import { TestServer } from '@danvan/testing';

/** The demo data of the seed articles: loaded once through the services, never duplicated. */
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await server?.close();
});

interface PledgeSummary {
  id: string;
  year: number;
  status: string;
  blocName: string;
  signedOn: string;
  signingPlace: string;
  documents: Array<{ number: string }>;
  signatories: unknown[];
}

describe('demo data', () => {
  it('loads the units and the emulation of the seeds once; a second load changes nothing', async () => {
    const first = await loadAllDemoData(server.app, server.database);
    expect(first.units).toEqual({ status: 'loaded', units: DEMO_UNITS.length });
    expect(first.emulation).toEqual({ status: 'loaded', pledges: DEMO_PLEDGES.length });
    expect(first.recognition).toEqual({
      status: 'loaded',
      awards: 3 + 7,
      models: TIEN_HAI_MODELS.typical + TIEN_HAI_MODELS.excellent + TIEN_HAI_MODELS.registered,
    });
    const second = await loadAllDemoData(server.app, server.database);
    expect(second).toEqual({
      units: { status: 'already-loaded' },
      emulation: { status: 'already-loaded' },
      recognition: { status: 'already-loaded' },
    });

    const { body } = await server.rest<{ items: PledgeSummary[] }>('GET', '/api/v1/pledges?pageSize=100');
    expect(body.items.map((p) => [p.year, p.status])).toEqual([
      [2024, 'REGISTRATION_OPEN'],
      [2023, 'FINALISED'],
      [2020, 'FINALISED'],
    ]);
    const binhPhuoc = body.items[0];
    expect(binhPhuoc).toMatchObject({ signedOn: '2024-01-12', signingPlace: 'Huyện Phú Riềng' });
    expect(binhPhuoc.documents.map((d) => d.number)).toContain('151-KH/BDVTU');
    expect(body.items[2].signatories).toHaveLength(7);
  });

  it('Hậu Giang 2023 is ranked and classified from the stored scores', async () => {
    const { body } = await server.rest<{ items: PledgeSummary[] }>('GET', '/api/v1/pledges?year=2023');
    const ranking = await server.rest<{
      final: boolean;
      rows: Array<{ rank: number; unit: { id: string; name: string }; classification: string }>;
    }>('GET', `/api/v1/pledges/${body.items[0].id}/ranking`);
    expect(ranking.body.final).toBe(true);
    expect(ranking.body.rows.slice(0, 3).map((r) => [r.rank, r.unit.name])).toEqual([
      [1, 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hậu Giang'],
      [2, 'Hội Nông dân tỉnh Hậu Giang'],
      [3, 'Hội Liên hiệp Phụ nữ tỉnh Hậu Giang'],
    ]);
    expect(ranking.body.rows[0].classification).toBe('Xuất sắc');
    // Each review step was accepted by its own reviewer.
    const sheet = await server.rest<{ status: string; events: Array<{ action: string; step: number; actorLabel: string }> }>(
      'GET',
      `/api/v1/pledges/${body.items[0].id}/score-sheets/${ranking.body.rows[0].unit.id}`,
    );
    expect(sheet.body.status).toBe('ACCEPTED');
    expect(sheet.body.events.filter((e) => e.action === 'ACCEPT').map((e) => [e.step, e.actorLabel])).toEqual(
      DEMO_REVIEWERS.map((r, i) => [i + 1, r.label]),
    );
    expect(ranking.body.rows.slice(0, 4).map((r) => (r as unknown as { awards: string[] }).awards)).toEqual([
      ['Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh (hạng Nhất)'],
      ['Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh (hạng Nhì)'],
      ['Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh (hạng Ba)'],
      [],
    ]);
  });

  it('Hà Tĩnh 2020: 7 collectives with a certificate of merit; Tiền Hải 2017: 106 typical and 9 excellent models', async () => {
    const awards = await server.rest<{ totalItems: number }>('GET', '/api/v1/awards?year=2020&pageSize=1');
    expect(awards.body.totalItems).toBe(7);
    const tienHai = await server.rest<{ id: string }[] | { items: Array<{ id: string }> }>(
      'GET',
      `/api/v1/units?q=${encodeURIComponent('Huyện ủy Tiền Hải')}`,
    );
    const tienHaiId = (tienHai.body as { items: Array<{ id: string; name: string }> }).items.find(
      (u) => u.name === 'Huyện ủy Tiền Hải',
    )?.id;
    const counts = await server.graphql<{ modelCounts: { total: number; summary: string } }>(
      `query($u: ID) { modelCounts(year: 2017, withinUnitId: $u) { total summary } }`,
      { u: tienHaiId },
    );
    expect(counts.errors).toBeUndefined();
    expect(counts.data?.modelCounts.summary).toMatch(/106 tiêu biểu, 9 tiêu biểu xuất sắc/);
  });
});

import ExcelJS from 'exceljs';
import type { ProblemDetails } from '@danvan/contracts';
import { TestServer } from '@danvan/testing';

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await server?.close();
});

async function download(path: string): Promise<{ status: number; headers: Headers; workbook: ExcelJS.Workbook }> {
  const response = await server.fetch(`${path}`, { headers: { authorization: `Bearer ${server.token}` } });
  const workbook = new ExcelJS.Workbook();
  if (response.status === 200) await workbook.xlsx.load(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, workbook };
}

/** Cell values of a row, as text. */
function texts(row: ExcelJS.Row): string[] {
  return (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
}

describe('Excel export of the unit register', () => {
  it('exports the filtered, sorted list with Vietnamese headers and dd/MM/yyyy dates, ready to print', async () => {
    const province = await server.factory.unit({ name: 'Tỉnh ủy Đồng Tháp', kind: 'PARTY_COMMITTEE', adminAreaCode: '87' });
    await server.factory.unit({
      parent: province,
      name: 'Huyện ủy Lấp Vò',
      shortName: 'HU Lấp Vò',
      kind: 'PARTY_COMMITTEE',
      level: 'DISTRICT',
      adminAreaCode: '875',
      status: 'DISSOLVED',
      validTo: '2025-06-30',
      leaders: [{ name: 'Nguyễn Văn A', title: 'Bí thư Huyện ủy' }],
    });
    await server.factory.unit({ parent: province, name: 'Ban Dân vận Tỉnh ủy Đồng Tháp', adminAreaCode: '87' });
    await server.factory.unit({ name: 'Không thuộc cây', adminAreaCode: '70' });

    const { status, headers, workbook } = await download(`/api/v1/units/export.xlsx?withinUnitId=${province.id}&sort=-name`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="don-vi-\d{4}-\d{2}-\d{2}\.xlsx"$/);

    const sheet = workbook.getWorksheet('Đơn vị');
    expect(sheet).toBeDefined();
    const rows: string[][] = [];
    let headerRowNumber = 0;
    sheet?.eachRow((row, number) => {
      rows.push(texts(row));
      if (texts(row)[0] === 'STT') headerRowNumber = number;
    });
    expect(rows[0][0]).toBe('DANH SÁCH ĐƠN VỊ');
    expect(rows[1][0]).toBe('Thuộc cây của: Tỉnh ủy Đồng Tháp');
    expect(rows[2][0]).toMatch(/^Xuất ngày \d{2}\/\d{2}\/\d{4}: 3 đơn vị\.$/);
    const headerIndex = rows.findIndex((r) => r[0] === 'STT');
    expect(rows[headerIndex]).toEqual([
      'STT',
      'Mã đơn vị',
      'Tên đơn vị',
      'Tên viết tắt',
      'Loại đơn vị',
      'Cấp',
      'Đơn vị cấp trên',
      'Mã ĐVHC',
      'Trạng thái',
      'Hiệu lực từ',
      'Hiệu lực đến',
      'Lãnh đạo',
    ]);
    const body = rows.slice(headerIndex + 1);
    expect(body.map((r) => r[2])).toEqual(['Tỉnh ủy Đồng Tháp', 'Huyện ủy Lấp Vò', 'Ban Dân vận Tỉnh ủy Đồng Tháp']);
    expect(body[1]).toEqual([
      '2',
      expect.any(String),
      'Huyện ủy Lấp Vò',
      'HU Lấp Vò',
      'Cấp ủy',
      'Huyện',
      'Tỉnh ủy Đồng Tháp',
      '875',
      'Đã giải thể',
      '',
      '30/06/2025',
      'Nguyễn Văn A (Bí thư Huyện ủy)',
    ]);
    expect(sheet?.pageSetup.orientation).toBe('landscape');
    expect(sheet?.pageSetup.printTitlesRow).toBe(`${headerRowNumber}:${headerRowNumber}`);
  });

  it('validates the filters like the list does', async () => {
    const response = await server.rest<ProblemDetails>('GET', '/api/v1/units/export.xlsx?kind=NOPE&pageSize=5');
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field).sort()).toEqual(['kind', 'pageSize']);
  });
});

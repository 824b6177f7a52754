import { describe, expect, it } from '@jest/globals';
import { HttpError } from 'react-admin';
import {
  EXPORT_FAILED_MESSAGE,
  fetchUnitsExport,
  filenameFromContentDisposition,
  toExportQuery,
  toExportUrl,
  toRestSort,
  UNITS_EXPORT_PATH,
  XLSX_CONTENT_TYPE,
} from './unitExport';

const parentId = '0b6c7a4e-1111-4c1e-9a55-000000000001';
const withinUnitId = '0b6c7a4e-2222-4c1e-9a55-000000000002';

describe('toRestSort', () => {
  it('writes the REST field name, with a leading "-" for descending', () => {
    expect(toRestSort({ field: 'name', order: 'ASC' })).toBe('name');
    expect(toRestSort({ field: 'name', order: 'DESC' })).toBe('-name');
    expect(toRestSort({ field: 'shortName', order: 'DESC' })).toBe('-shortName');
    expect(toRestSort({ field: 'validFrom', order: 'ASC' })).toBe('validFrom');
    expect(toRestSort({ field: 'updatedAt', order: 'DESC' })).toBe('-updatedAt');
  });

  it('leaves out fields the API cannot sort by', () => {
    expect(toRestSort({ field: 'id', order: 'ASC' })).toBeUndefined();
    expect(toRestSort({ field: 'parentId', order: 'DESC' })).toBeUndefined();
    expect(toRestSort(undefined)).toBeUndefined();
  });
});

describe('toExportQuery', () => {
  it('sends every filter of the list and its sort', () => {
    const query = toExportQuery(
      {
        q: ' tien hai ',
        kind: ['PARTY_COMMITTEE', 'FATHERLAND_FRONT'],
        level: 'DISTRICT',
        status: ['ACTIVE', 'DISSOLVED'],
        parentId,
        withinUnitId,
        validOn: '2025-06-30',
      },
      { field: 'name', order: 'DESC' },
    );
    expect(query).toBe(
      `q=tien+hai&kind=PARTY_COMMITTEE,FATHERLAND_FRONT&level=DISTRICT&status=ACTIVE,DISSOLVED&parentId=${parentId}&withinUnitId=${withinUnitId}&validOn=2025-06-30&sort=-name`,
    );
    const params = new URLSearchParams(query);
    expect(params.get('q')).toBe('tien hai');
    expect(params.get('kind')).toBe('PARTY_COMMITTEE,FATHERLAND_FRONT');
  });

  it('encodes Vietnamese search text and reserved characters', () => {
    const query = toExportQuery({ q: 'Tiền Hải & Kiến Xương' }, undefined);
    expect(new URLSearchParams(query).get('q')).toBe('Tiền Hải & Kiến Xương');
    expect(query).not.toContain(' ');
    expect(query.split('&')).toHaveLength(1);
  });

  it('drops what the list would not send either', () => {
    expect(
      toExportQuery(
        { q: '  ', kind: 'NOT_A_KIND', level: [], status: undefined, parentId: '', validOn: '30/06', ids: ['a'], foo: 'bar' },
        { field: 'id', order: 'ASC' },
      ),
    ).toBe('');
    expect(toExportQuery(undefined, undefined)).toBe('');
  });

  it('sends validOn as yyyy-MM-dd', () => {
    expect(toExportQuery({ validOn: '2025-06-30T00:00:00.000Z' }, undefined)).toBe('validOn=2025-06-30');
  });

  it('builds the URL, without "?" when there is no parameter', () => {
    expect(toExportUrl({}, undefined)).toBe(UNITS_EXPORT_PATH);
    expect(toExportUrl({ status: 'ACTIVE' }, { field: 'code', order: 'ASC' })).toBe(`${UNITS_EXPORT_PATH}?status=ACTIVE&sort=code`);
  });
});

describe('filenameFromContentDisposition', () => {
  it('reads the quoted file name the server sends', () => {
    expect(filenameFromContentDisposition('attachment; filename="don-vi-2025-06-30.xlsx"')).toBe('don-vi-2025-06-30.xlsx');
  });

  it('reads a token, and prefers filename* (UTF-8, percent-encoded)', () => {
    expect(filenameFromContentDisposition('attachment; filename=don-vi.xlsx')).toBe('don-vi.xlsx');
    expect(filenameFromContentDisposition(`attachment; filename="don-vi.xlsx"; filename*=UTF-8''%C4%91%C6%A1n-v%E1%BB%8B.xlsx`)).toBe(
      'đơn-vị.xlsx',
    );
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''%E0%A4%A; filename="x.xlsx"`)).toBe('x.xlsx');
  });

  it('keeps only the last path segment', () => {
    expect(filenameFromContentDisposition('attachment; filename="../../etc/don-vi.xlsx"')).toBe('don-vi.xlsx');
    expect(filenameFromContentDisposition('attachment; filename="C:\\\\tmp\\\\don-vi.xlsx"')).toBe('don-vi.xlsx');
  });

  it('is undefined without a file name', () => {
    expect(filenameFromContentDisposition(null)).toBeUndefined();
    expect(filenameFromContentDisposition('attachment')).toBeUndefined();
    expect(filenameFromContentDisposition('attachment; filename=""')).toBeUndefined();
  });
});

describe('fetchUnitsExport over a fake fetch', () => {
  const xlsxBytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);

  const fakeFetch = (respond: () => Response | Promise<Response>) => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fetchImpl = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      calls.push({ url: String(url), init });
      return respond();
    };
    return { calls, fetchImpl };
  };

  const failure = async (promise: Promise<unknown>): Promise<HttpError> => {
    const error = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(HttpError);
    return error as HttpError;
  };

  it('GETs the export with the filters and sort, and names the file from Content-Disposition', async () => {
    const { calls, fetchImpl } = fakeFetch(
      () =>
        new Response(xlsxBytes, {
          status: 200,
          headers: { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': 'attachment; filename="don-vi-2025-06-30.xlsx"' },
        }),
    );
    const result = await fetchUnitsExport({
      filter: { q: 'tien hai', status: 'ACTIVE' },
      sort: { field: 'name', order: 'ASC' },
      fetch: fetchImpl,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe(`${UNITS_EXPORT_PATH}?q=tien+hai&status=ACTIVE&sort=name`);
    expect(calls[0].init?.method).toBe('GET');
    expect(result.filename).toBe('don-vi-2025-06-30.xlsx');
    expect(new Uint8Array(await result.blob.arrayBuffer())).toEqual(xlsxBytes);
  });

  it('falls back to don-vi.xlsx', async () => {
    const { fetchImpl } = fakeFetch(() => new Response(xlsxBytes, { status: 200, headers: { 'content-type': XLSX_CONTENT_TYPE } }));
    expect((await fetchUnitsExport({ fetch: fetchImpl })).filename).toBe('don-vi.xlsx');
  });

  it('fails with the detail of a problem+json answer (too many rows)', async () => {
    const detail = 'Có 12.345 đơn vị khớp bộ lọc, vượt quá giới hạn 10.000 dòng của tệp Excel. Hãy lọc hẹp hơn.';
    const { fetchImpl } = fakeFetch(
      () =>
        new Response(JSON.stringify({ type: 'about:blank', title: 'Unprocessable Entity', status: 422, detail, code: 'RULE_VIOLATION' }), {
          status: 422,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    const error = await failure(fetchUnitsExport({ fetch: fetchImpl }));
    expect(error.message).toBe(detail);
    expect(error.status).toBe(422);
  });

  it('fails with a generic message when the error body is not a problem', async () => {
    const { fetchImpl } = fakeFetch(
      () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    const error = await failure(fetchUnitsExport({ fetch: fetchImpl }));
    expect(error.message).toBe(EXPORT_FAILED_MESSAGE);
    expect(error.status).toBe(502);
  });

  it('refuses a 200 that is not a workbook', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect((await failure(fetchUnitsExport({ fetch: fetchImpl }))).message).toBe(EXPORT_FAILED_MESSAGE);
  });

  it('turns a network failure into the translated network message', async () => {
    const error = await failure(
      fetchUnitsExport({
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    );
    expect(error.message).toBe('danvan.errors.network');
  });
});

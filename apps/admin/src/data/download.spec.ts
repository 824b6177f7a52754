import { describe, expect, it } from '@jest/globals';
import { HttpError } from 'react-admin';
import { fetchFile } from './download';
import { fetchSheetDetail, isApiPath, rankingWorkbookPath, scoreSheetPath } from '../scoring/sheetDetail';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fakeFetch = (respond: () => Response) => {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchImpl = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return respond();
  };
  return { calls, fetchImpl };
};

describe('fetchFile (ranking workbook, evidence)', () => {
  it('GETs the file and names it from Content-Disposition', async () => {
    const { calls, fetchImpl } = fakeFetch(
      () =>
        new Response(new Uint8Array([0x50, 0x4b]), {
          status: 200,
          headers: { 'content-type': XLSX, 'content-disposition': 'attachment; filename="xep-hang-2024-2024-12-30.xlsx"' },
        }),
    );
    const file = await fetchFile(rankingWorkbookPath('p 1'), { fetch: fetchImpl, fallbackName: 'xep-hang.xlsx', contentType: XLSX });
    expect(calls[0].url).toBe('/api/v1/pledges/p%201/ranking.xlsx');
    expect(calls[0].init?.method).toBe('GET');
    expect(file.filename).toBe('xep-hang-2024-2024-12-30.xlsx');
  });

  it('decodes a UTF-8 file name and falls back to the given one', async () => {
    const named = fakeFetch(
      () =>
        new Response('%PDF', {
          status: 200,
          headers: { 'content-type': 'application/pdf', 'content-disposition': "attachment; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n.pdf" },
        }),
    );
    expect((await fetchFile('/api/v1/evidence/e-1', { fetch: named.fetchImpl, fallbackName: 'x.pdf' })).filename).toBe('Biên bản.pdf');
    const unnamed = fakeFetch(() => new Response('%PDF', { status: 200, headers: { 'content-type': 'application/pdf' } }));
    expect((await fetchFile('/api/v1/evidence/e-1', { fetch: unnamed.fetchImpl, fallbackName: 'minh-chung.pdf' })).filename).toBe(
      'minh-chung.pdf',
    );
  });

  it('fails with the server’s detail, or refuses a page that is not the file asked for', async () => {
    const refused = fakeFetch(
      () =>
        new Response(JSON.stringify({ detail: 'Không tìm thấy giao ước.' }), {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    const error = (await fetchFile('/api/v1/pledges/p/ranking.xlsx', { fetch: refused.fetchImpl, fallbackName: 'x' }).catch(
      (reason: unknown) => reason,
    )) as HttpError;
    expect(error.message).toBe('Không tìm thấy giao ước.');
    expect(error.status).toBe(404);
    const html = fakeFetch(() => new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const wrong = (await fetchFile('/api/v1/pledges/p/ranking.xlsx', { fetch: html.fetchImpl, fallbackName: 'x', contentType: XLSX }).catch(
      (reason: unknown) => reason,
    )) as HttpError;
    expect(wrong.message).toBe('danvan.export.failed');
  });
});

describe('a unit’s sheet over REST', () => {
  it('reads the sheet, or null when the unit has none yet', async () => {
    const sheet = { id: 's', lines: [], events: [] };
    const found = fakeFetch(() => new Response(JSON.stringify(sheet), { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(await fetchSheetDetail('p', 'u', found.fetchImpl)).toEqual(sheet);
    expect(found.calls[0].url).toBe(scoreSheetPath('p', 'u'));
    const missing = fakeFetch(() => new Response(JSON.stringify({ detail: 'Không tìm thấy' }), { status: 404 }));
    expect(await fetchSheetDetail('p', 'u', missing.fetchImpl)).toBeNull();
  });

  it('sends the session’s token only to the API’s own paths', () => {
    expect(isApiPath('/api/v1/evidence/0b8e-1')).toBe(true);
    expect(isApiPath('https://example.org/api/v1/evidence/1')).toBe(false);
    expect(isApiPath('//example.org/api/v1/evidence/1')).toBe(false);
    expect(isApiPath('/api/v1/../auth/logout')).toBe(false);
  });
});

import { describe, expect, it } from '@jest/globals';
import { HttpError } from 'react-admin';
import { todayIso } from '../fields/localDay';
import { parseProblem, randomUuid, refusalError, sendFile, type UploadRequest } from '../data/upload';
import type { AccessTokenSource } from '../dataProvider';
import {
  deleteEvidence,
  evidenceContentType,
  evidenceFileProblem,
  evidencePath,
  evidenceUploadPath,
  formatFileSize,
  UPLOAD_MIN_TOKEN_VALIDITY_MS,
  uploadEvidence,
} from './evidence';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A fake XMLHttpRequest that answers `status`/`text` after reporting the upload's progress. */
const fakeRequest = (answers: { status: number; text: string }[]) => {
  const sent: { method: string; url: string; headers: Record<string, string>; body: Blob }[] = [];
  const create = (): UploadRequest => {
    const request = {
      method: '',
      url: '',
      headers: {} as Record<string, string>,
      status: 0,
      responseText: '',
      upload: { onprogress: null as UploadRequest['upload']['onprogress'] },
      onload: null as (() => void) | null,
      onerror: null as (() => void) | null,
      onabort: null as (() => void) | null,
      open(method: string, url: string) {
        request.method = method;
        request.url = url;
      },
      setRequestHeader(name: string, value: string) {
        request.headers[name] = value;
      },
      abort() {
        request.onabort?.();
      },
      send(body: Blob) {
        sent.push({ method: request.method, url: request.url, headers: { ...request.headers }, body });
        const answer = answers.shift() ?? { status: 500, text: '' };
        queueMicrotask(() => {
          request.upload.onprogress?.({ lengthComputable: true, loaded: body.size / 2, total: body.size });
          if (answer.status === 0) {
            request.onerror?.();
            return;
          }
          request.status = answer.status;
          request.responseText = answer.text;
          request.onload?.();
        });
      },
    };
    return request;
  };
  return { sent, create };
};

/** The session: a token, then a fresh one once the first is refused; records what validity each call asked for. */
const fakeAuth = (): AccessTokenSource & { tokens: string[]; asked: (number | undefined)[] } => {
  const tokens = ['old', 'new'];
  const asked: (number | undefined)[] = [];
  return {
    tokens,
    asked,
    withAccessToken: async (send, isRejected, options) => {
      asked.push(options?.minValidityMs);
      const first = await send(tokens[0]);
      return isRejected(first) ? send(tokens[1]) : first;
    },
  };
};

describe('evidence files', () => {
  it('names the REST paths', () => {
    expect(evidenceUploadPath('p 1', 'u/2', '1.a', 'Biên bản hội nghị.pdf')).toBe(
      '/api/v1/pledges/p%201/score-sheets/u%2F2/evidence?itemCode=1.a&filename=Bi%C3%AAn+b%E1%BA%A3n+h%E1%BB%99i+ngh%E1%BB%8B.pdf',
    );
    expect(evidencePath('e-1')).toBe('/api/v1/evidence/e-1');
  });

  it('takes the browser’s type when allowed, else the extension’s', () => {
    expect(evidenceContentType({ name: 'bien-ban.pdf', type: PDF })).toBe(PDF);
    expect(evidenceContentType({ name: 'Báo cáo.DOCX', type: '' })).toBe(DOCX);
    expect(evidenceContentType({ name: 'anh.jpg', type: 'application/octet-stream' })).toBe('image/jpeg');
    expect(evidenceContentType({ name: 'virus.exe', type: 'application/x-msdownload' })).toBeNull();
  });

  it('refuses before sending what the server would refuse: type, empty, over 10 MB, a sixth file', () => {
    const pdf = (size: number) => ({ name: 'bien-ban.pdf', type: PDF, size });
    expect(evidenceFileProblem(pdf(2048), 0)).toBeNull();
    expect(evidenceFileProblem(pdf(10 * 1024 * 1024), 4)).toBeNull();
    expect(evidenceFileProblem(pdf(10 * 1024 * 1024 + 1), 0)).toEqual({
      message: 'danvan.evidence.tooLarge',
      args: { name: 'bien-ban.pdf', size: '10 MB', max: '10 MB' },
    });
    expect(evidenceFileProblem(pdf(12_900_000), 0)?.args?.size).toBe('12,3 MB');
    expect(evidenceFileProblem(pdf(0), 0)).toEqual({ message: 'danvan.evidence.empty', args: { name: 'bien-ban.pdf' } });
    expect(evidenceFileProblem({ name: 'a.zip', type: 'application/zip', size: 10 }, 0)).toEqual({
      message: 'danvan.evidence.badType',
      args: { name: 'a.zip', types: 'PDF, Ảnh JPEG, Ảnh PNG, Word (.docx), Excel (.xlsx)' },
    });
    expect(evidenceFileProblem(pdf(10), 5)).toEqual({ message: 'danvan.evidence.tooMany', args: { max: 5 } });
    expect(formatFileSize(1536)).toBe('1,5 kB');
    expect(formatFileSize(900)).toBe('900 B');
  });
});

describe('uploading', () => {
  const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'Biên bản.pdf', { type: PDF });
  const stored = {
    id: 'e-1',
    itemCode: '1.a',
    filename: 'Biên bản.pdf',
    contentType: PDF,
    sizeBytes: 4,
    url: '/api/v1/evidence/e-1',
    uploadedBy: 'x',
    uploadedAt: '2024-12-01T00:00:00Z',
  };

  it('POSTs the raw file with its type and the token, reports the progress, answers the file stored', async () => {
    const request = fakeRequest([{ status: 201, text: JSON.stringify(stored) }]);
    const progress: number[] = [];
    const saved = await uploadEvidence({
      pledgeId: 'p',
      unitId: 'u',
      itemCode: '1.a',
      file,
      auth: fakeAuth(),
      onProgress: (fraction) => progress.push(fraction),
      createRequest: request.create,
    });
    expect(saved).toEqual(stored);
    expect(request.sent).toHaveLength(1);
    expect(request.sent[0]).toMatchObject({
      method: 'POST',
      url: evidenceUploadPath('p', 'u', '1.a', 'Biên bản.pdf'),
      headers: { 'content-type': PDF, authorization: 'Bearer old' },
    });
    expect(request.sent[0].body).toBe(file);
    expect(progress).toEqual([0.5, 1]);
  });

  it('sends again once with a fresh token after a 401, with the same Idempotency-Key', async () => {
    const request = fakeRequest([
      { status: 401, text: '' },
      { status: 201, text: JSON.stringify(stored) },
    ]);
    await uploadEvidence({
      pledgeId: 'p',
      unitId: 'u',
      itemCode: '1.a',
      file,
      auth: fakeAuth(),
      idempotencyKey: 'k-1',
      createRequest: request.create,
    });
    expect(request.sent.map((sent) => sent.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
    expect(request.sent.map((sent) => sent.headers['idempotency-key'])).toEqual(['k-1', 'k-1']);
  });

  it('asks for a token valid a few minutes more (renewed first otherwise), and gives each upload its own key', async () => {
    const auth = fakeAuth();
    const request = fakeRequest([
      { status: 201, text: JSON.stringify(stored) },
      { status: 201, text: JSON.stringify(stored) },
    ]);
    await uploadEvidence({ pledgeId: 'p', unitId: 'u', itemCode: '1.a', file, auth, createRequest: request.create });
    await uploadEvidence({ pledgeId: 'p', unitId: 'u', itemCode: '1.a', file, auth, createRequest: request.create });
    expect(UPLOAD_MIN_TOKEN_VALIDITY_MS).toBeGreaterThanOrEqual(3 * 60_000);
    expect(auth.asked).toEqual([UPLOAD_MIN_TOKEN_VALIDITY_MS, UPLOAD_MIN_TOKEN_VALIDITY_MS]);
    const keys = request.sent.map((sent) => sent.headers['idempotency-key']);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('makes version-4 UUIDs from random bytes', () => {
    expect(randomUuid((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(randomUuid((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('fails with the server’s field errors, its detail, or a network message', async () => {
    const refusal = JSON.stringify({
      detail: 'Dữ liệu gửi lên không hợp lệ.',
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'itemCode', code: 'unknownItem', message: 'Bảng tiêu chí không có mục "9".' }],
    });
    const refused = fakeRequest([{ status: 400, text: refusal }]);
    const error = (await uploadEvidence({
      pledgeId: 'p',
      unitId: 'u',
      itemCode: '9',
      file,
      auth: fakeAuth(),
      createRequest: refused.create,
    }).catch((reason: unknown) => reason)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Bảng tiêu chí không có mục "9".');
    const closed = fakeRequest([
      { status: 422, text: JSON.stringify({ detail: 'Giao ước đã tổng kết: điểm đã khóa, không thể thay đổi.' }) },
    ]);
    expect(
      (
        (await uploadEvidence({ pledgeId: 'p', unitId: 'u', itemCode: '1.a', file, auth: fakeAuth(), createRequest: closed.create }).catch(
          (reason: unknown) => reason,
        )) as Error
      ).message,
    ).toBe('Giao ước đã tổng kết: điểm đã khóa, không thể thay đổi.');
    const offline = fakeRequest([{ status: 0, text: '' }]);
    expect(
      (
        (await uploadEvidence({ pledgeId: 'p', unitId: 'u', itemCode: '1.a', file, auth: fakeAuth(), createRequest: offline.create }).catch(
          (reason: unknown) => reason,
        )) as Error
      ).message,
    ).toBe('danvan.errors.network');
  });

  it('never sends a file the server would refuse', async () => {
    const request = fakeRequest([]);
    const zip = new File(['x'], 'a.zip', { type: 'application/zip' });
    const error = (await uploadEvidence({
      pledgeId: 'p',
      unitId: 'u',
      itemCode: '1.a',
      file: zip,
      auth: fakeAuth(),
      createRequest: request.create,
    }).catch((reason: unknown) => reason)) as HttpError;
    expect(error.message).toBe('danvan.evidence.badType');
    expect(request.sent).toHaveLength(0);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const request = fakeRequest([]);
    await expect(
      sendFile('/x', file, { contentType: PDF, token: null, signal: controller.signal, createRequest: request.create }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(request.sent).toHaveLength(0);
  });
});

describe('removing', () => {
  it('DELETEs the file and accepts 204; a refusal says why', async () => {
    const calls: { url: string; method?: string }[] = [];
    const answer = (response: Response) => async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), method: init?.method });
      return response;
    };
    await deleteEvidence('e-1', answer(new Response(null, { status: 204 })));
    expect(calls).toEqual([{ url: '/api/v1/evidence/e-1', method: 'DELETE' }]);
    const refused = answer(
      new Response(JSON.stringify({ detail: 'Bảng điểm đã nộp, đang thẩm định: đơn vị không sửa được nữa.' }), { status: 422 }),
    );
    await expect(deleteEvidence('e-1', refused)).rejects.toMatchObject({
      status: 422,
      message: 'Bảng điểm đã nộp, đang thẩm định: đơn vị không sửa được nữa.',
    });
    await expect(deleteEvidence('e-1', answer(new Response('<html>', { status: 404 })))).rejects.toMatchObject({
      status: 404,
      message: 'danvan.evidence.removeFailed',
    });
  });

  it('reads problem details whatever their shape', () => {
    expect(parseProblem('not json')).toEqual({ errors: [] });
    expect(parseProblem('{"detail":" x ","errors":[{"field":"a","message":"m"},{"bad":1}]}')).toEqual({
      detail: 'x',
      errors: [{ field: 'a', message: 'm' }],
    });
    expect(refusalError(413, '', 'fallback').message).toBe('fallback');
  });
});

describe('todayIso', () => {
  it('is the calendar day in Vietnam, whatever the browser’s time zone', () => {
    // 18:30 UTC is 01:30 the next day in Hồ Chí Minh City (UTC+7).
    expect(todayIso(new Date('2026-03-10T18:30:00Z'))).toBe('2026-03-11');
    expect(todayIso(new Date('2026-03-10T16:59:59Z'))).toBe('2026-03-10');
    expect(todayIso(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });
});

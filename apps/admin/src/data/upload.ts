/**
 * Sending a file to the REST API with the progress of the upload (fetch reports none, XMLHttpRequest's
 * `upload.onprogress` does), and reading a refusal's problem details. The request is injected, so the
 * headers, the progress and the failures are unit-tested without a browser.
 */
import { HttpError } from 'react-admin';
import type { FieldError } from '@danvan/contracts';

/** The part of XMLHttpRequest an upload uses. */
export interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: Blob): void;
  abort(): void;
  readonly upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  readonly status: number;
  readonly responseText: string;
}

export interface SendFileOptions {
  method?: 'POST' | 'PUT';
  contentType: string;
  /** The session's access token (sent as `Authorization: Bearer`), or null. */
  token: string | null;
  /** Sent as `Idempotency-Key`: the same key on every attempt of one upload, so the server stores it once. */
  idempotencyKey?: string;
  /** From 0 to 1 as the body goes out. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** A new XMLHttpRequest in the browser; a fake in the tests. */
  createRequest?: () => UploadRequest;
}

export interface SentFile {
  status: number;
  text: string;
}

/** Sends `body` to `url` as is; resolves with the answer whatever its status, rejects on a network failure (HttpError status 0). */
export const sendFile = (
  url: string,
  body: Blob,
  { method = 'POST', contentType, token, idempotencyKey, onProgress, signal, createRequest }: SendFileOptions,
): Promise<SentFile> =>
  new Promise<SentFile>((resolve, reject) => {
    const request = createRequest ? createRequest() : (new XMLHttpRequest() as unknown as UploadRequest);
    request.open(method, url);
    request.setRequestHeader('content-type', contentType);
    request.setRequestHeader('accept', 'application/json, application/problem+json');
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    if (idempotencyKey) request.setRequestHeader('idempotency-key', idempotencyKey);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
    };
    request.onload = () => {
      onProgress?.(1);
      resolve({ status: request.status, text: request.responseText });
    };
    request.onerror = () => reject(new HttpError('danvan.errors.network', 0));
    request.onabort = () => reject(new DOMException('The upload was aborted.', 'AbortError'));
    if (signal) {
      if (signal.aborted) {
        request.abort();
        return;
      }
      signal.addEventListener('abort', () => request.abort(), { once: true });
    }
    request.send(body);
  });

/**
 * A random UUID (version 4) for an `Idempotency-Key`. From crypto.getRandomValues, which works on a plain
 * http:// intranet address too (crypto.randomUUID needs a secure context).
 */
export const randomUuid = (fill: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string => {
  const bytes = fill(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** A problem+json body's `detail` and field errors (`errors`), whatever parses of it. */
export const parseProblem = (text: string): { detail?: string; errors: FieldError[] } => {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null) return { errors: [] };
    const { detail, errors } = body as { detail?: unknown; errors?: unknown };
    return {
      ...(typeof detail === 'string' && detail.trim() !== '' ? { detail: detail.trim() } : {}),
      errors: Array.isArray(errors)
        ? errors.filter(
            (error): error is FieldError =>
              typeof error === 'object' && error !== null && typeof (error as FieldError).message === 'string',
          )
        : [],
    };
  } catch {
    return { errors: [] };
  }
};

/**
 * A refused REST call → an HttpError whose message says why: the field errors' messages (what to correct),
 * or the detail when there are none; `fallback` when the answer says nothing. `body.fieldErrors` keeps them.
 */
export const refusalError = (status: number, text: string, fallback = 'ra.notification.http_error'): HttpError => {
  const { detail, errors } = parseProblem(text);
  const messages = [...new Set(errors.map((error) => error.message.trim()).filter((message) => message !== ''))];
  const message = messages.length > 0 ? messages.join(' ') : (detail ?? fallback);
  return new HttpError(message, status, { fieldErrors: errors });
};

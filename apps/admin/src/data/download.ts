/**
 * Files the API serves over REST (the ranking workbook, evidence files): fetched with the session's
 * Bearer token (authClient.fetch: refresh and retry once on a 401), then handed to the browser as a
 * download. The fetch is injected, so the request and its failures are unit-tested.
 */
import { HttpError } from 'react-admin';
import { EXPORT_FAILED_MESSAGE, filenameFromContentDisposition, readProblemDetail } from '../units/unitExport';

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

export interface FetchFileOptions {
  /** The session's fetch (authClient.fetch) in the app; a fake in the tests. */
  fetch: typeof fetch;
  /** Used when the answer names no file. */
  fallbackName: string;
  /** Content types accepted; a 200 of another type (a proxy's HTML page) is refused. Absent: any. */
  contentType?: string;
  /** Translation key of the message when the server gives no reason of its own. */
  failedMessage?: string;
  signal?: AbortSignal;
}

/** GETs `url` into memory; fails with an HttpError carrying the server's `detail`, the network message or `failedMessage`. */
export const fetchFile = async (
  url: string,
  { fetch: fetchImpl, fallbackName, contentType, failedMessage = EXPORT_FAILED_MESSAGE, signal }: FetchFileOptions,
): Promise<DownloadedFile> => {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'GET',
      credentials: 'same-origin',
      headers: { accept: `${contentType ?? '*/*'}, application/problem+json` },
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new HttpError('danvan.errors.network', 0);
  }
  if (!response.ok) throw new HttpError((await readProblemDetail(response)) ?? failedMessage, response.status);
  const type = response.headers.get('content-type');
  if (contentType && type && !type.toLowerCase().startsWith(contentType)) throw new HttpError(failedMessage, response.status);
  const blob = await response.blob();
  return { blob, filename: filenameFromContentDisposition(response.headers.get('content-disposition')) ?? fallbackName };
};

/** Hands a blob to the browser as a download named `filename` (no navigation, so request headers can be set). */
export const saveBlob = (blob: Blob, filename: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; the blob is freed a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

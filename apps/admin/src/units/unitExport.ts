/**
 * Excel export of the unit list: GET /api/v1/units/export.xlsx with the list's filters and sort.
 * The server renders the workbook (Vietnamese headers, dd/MM/yyyy, at most 10,000 rows); this module
 * builds the request and reads the answer. Pure apart from the injected fetch, so it is unit-tested.
 */
import { HttpError, type SortPayload } from 'react-admin';
import { UNIT_SORT_FIELDS, type UnitSortField } from '@danvan/contracts';
import { toUnitFilter } from '../dataProvider';

export const UNITS_EXPORT_PATH = '/api/v1/units/export.xlsx';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Used when the response names no file. */
export const EXPORT_FALLBACK_FILENAME = 'don-vi.xlsx';
/** Translation key of the message shown when the server gives no reason of its own. */
export const EXPORT_FAILED_MESSAGE = 'danvan.export.failed';

const isSortField = (field: string): field is UnitSortField => (UNIT_SORT_FIELDS as readonly string[]).includes(field);

/** react-admin sort → the REST `sort` parameter (`name`, `-name`); undefined for a field the API cannot sort by. */
export const toRestSort = (sort: SortPayload | undefined): string | undefined =>
  sort?.field && isSortField(sort.field) ? `${sort.order === 'DESC' ? '-' : ''}${sort.field}` : undefined;

/**
 * The list's filter values and sort → the export's query string: q, kind, level, status (comma-separated),
 * parentId, withinUnitId, validOn (yyyy-MM-dd), sort. Filters the list would not send are left out too
 * (blank search, unknown enum values, a date still being typed).
 */
export const toExportQuery = (filter: Record<string, unknown> | undefined, sort: SortPayload | undefined): string => {
  const unitFilter = toUnitFilter(filter) ?? {};
  const params = new URLSearchParams();
  const set = (name: string, value: string | string[] | undefined) => {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text) params.set(name, text);
  };
  set('q', unitFilter.search);
  set('kind', unitFilter.kind);
  set('level', unitFilter.level);
  set('status', unitFilter.status);
  set('parentId', unitFilter.parentId);
  set('withinUnitId', unitFilter.withinUnitId);
  set('validOn', unitFilter.validOn);
  set('sort', toRestSort(sort));
  // A comma is allowed in a query string; keeping it literal makes the URL readable (kind=A,B).
  return params.toString().replace(/%2C/gi, ',');
};

export const toExportUrl = (
  filter: Record<string, unknown> | undefined,
  sort: SortPayload | undefined,
  path = UNITS_EXPORT_PATH,
): string => {
  const query = toExportQuery(filter, sort);
  return query ? `${path}?${query}` : path;
};

/** Keeps a server-given name from pointing into folders or carrying control characters. */
const safeFilename = (name: string): string | undefined => {
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^.*[\\/]/, '')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? undefined : cleaned;
};

/**
 * The file name of a Content-Disposition header: `filename*=UTF-8''…` (RFC 6266/5987) first, then
 * `filename="…"` or `filename=token`; undefined when there is none.
 */
export const filenameFromContentDisposition = (header: string | null | undefined): string | undefined => {
  if (!header) return undefined;
  const extended = /(?:^|;)\s*filename\*\s*=\s*([\w!#$&+.^`|~-]+)'[^']*'([^;\s]+)/i.exec(header);
  if (extended) {
    try {
      const decoded = safeFilename(decodeURIComponent(extended[2]));
      if (decoded) return decoded;
    } catch {
      // Malformed percent-encoding: fall back to the plain parameter.
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) return safeFilename(quoted[1].replace(/\\(.)/g, '$1'));
  const token = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header);
  return token ? safeFilename(token[1]) : undefined;
};

/** The `detail` of an application/problem+json body, or undefined when the body is something else. */
export const readProblemDetail = async (response: Response): Promise<string | undefined> => {
  try {
    const body: unknown = JSON.parse(await response.text());
    if (typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string' && body.detail.trim() !== '') {
      return body.detail.trim();
    }
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body).
  }
  return undefined;
};

export interface UnitsExport {
  blob: Blob;
  filename: string;
}

export interface FetchUnitsExportOptions {
  filter?: Record<string, unknown>;
  sort?: SortPayload;
  signal?: AbortSignal;
  /** Injected by the tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
}

/**
 * Downloads the workbook into memory. Fails with an HttpError whose message is the server's `detail`
 * (e.g. the 422 for more than 10,000 rows), `danvan.errors.network` when the server cannot be reached,
 * or `danvan.export.failed`.
 */
export const fetchUnitsExport = async ({
  filter,
  sort,
  signal,
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
}: FetchUnitsExportOptions): Promise<UnitsExport> => {
  let response: Response;
  try {
    response = await fetchImpl(toExportUrl(filter, sort), {
      method: 'GET',
      credentials: 'same-origin',
      headers: { accept: `${XLSX_CONTENT_TYPE}, application/problem+json` },
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new HttpError('danvan.errors.network', 0);
  }
  if (!response.ok) {
    throw new HttpError((await readProblemDetail(response)) ?? EXPORT_FAILED_MESSAGE, response.status);
  }
  // A 200 that is not a workbook (e.g. an HTML page from a proxy) would save as a broken .xlsx.
  const contentType = response.headers.get('content-type');
  if (contentType && !contentType.toLowerCase().startsWith(XLSX_CONTENT_TYPE)) {
    throw new HttpError(EXPORT_FAILED_MESSAGE, response.status);
  }
  const blob = await response.blob();
  return { blob, filename: filenameFromContentDisposition(response.headers.get('content-disposition')) ?? EXPORT_FALLBACK_FILENAME };
};

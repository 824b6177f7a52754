/**
 * Query strings of the REST list endpoints (the Excel exports of models and awards take exactly the
 * query parameters of their lists): lists comma-separated, the sort as `field` / `-field`. Pure.
 */
import type { SortPayload } from 'react-admin';

export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** react-admin sort → the REST `sort` parameter (`name`, `-name`); undefined for a field the API cannot sort by. */
export const toRestSortParam = (sort: SortPayload | undefined, allowed: readonly string[]): string | undefined =>
  sort?.field && allowed.includes(sort.field) ? `${sort.order === 'DESC' ? '-' : ''}${sort.field}` : undefined;

/**
 * `path?name=value&…` in the order given, leaving out empty values (undefined, '', empty lists); `path`
 * alone when nothing is left. Booleans are sent as `true` / `false`.
 */
export const toRestUrl = (path: string, values: ReadonlyArray<readonly [string, QueryValue]>): string => {
  const params = new URLSearchParams();
  for (const [name, value] of values) {
    const text = Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
    if (text) params.set(name, text);
  }
  // A comma is allowed in a query string; keeping it literal makes the URL readable (rank=FIRST,SECOND).
  const query = params.toString().replace(/%2C/gi, ',');
  return query ? `${path}?${query}` : path;
};

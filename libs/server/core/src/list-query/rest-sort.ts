import type { SortOrder } from '@danvan/contracts';

/**
 * The REST `sort` parameter (`name`, `-name` for descending), already checked
 * against the list's allow-list by its query DTO, as a list request's sort.
 */
export function restSort<F extends string>(sort: string | undefined): { field: F; order: SortOrder } | undefined {
  if (!sort) return undefined;
  return sort.startsWith('-') ? { field: sort.slice(1) as F, order: 'desc' } : { field: sort as F, order: 'asc' };
}

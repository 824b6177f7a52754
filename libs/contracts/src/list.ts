/** Pagination contract shared by every list of every resource. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export type SortOrder = 'asc' | 'desc';

export interface Page<T> {
  items: T[];
  totalItems: number;
  page: number;
  pageSize: number;
}

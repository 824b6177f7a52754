/** Pagination contract shared by every list of every resource. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** The highest page number a list accepts (100 million rows at the largest page size): beyond it an offset is meaningless and would overflow. */
export const MAX_PAGE = 1_000_000;

export type SortOrder = 'asc' | 'desc';

export interface Page<T> {
  items: T[];
  totalItems: number;
  page: number;
  pageSize: number;
}

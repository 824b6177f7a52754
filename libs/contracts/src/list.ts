/** Pagination contract shared by every list of every resource. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** The highest page number a list accepts (100 million rows at the largest page size): beyond it an offset is meaningless and would overflow. */
export const MAX_PAGE = 1_000_000;

export type SortOrder = 'asc' | 'desc';

/**
 * A list's count reads at most this many matches (plus one): beyond, `totalItems`
 * is this number and `totalIsExact` false ("more than 10,000").
 */
export const TOTAL_COUNT_LIMIT = 10_000;

export interface Page<T> {
  items: T[];
  /** How many rows match, at most TOTAL_COUNT_LIMIT (see totalIsExact). */
  totalItems: number;
  /** False when more rows match than were counted: totalItems is then TOTAL_COUNT_LIMIT, a lower bound. */
  totalIsExact: boolean;
  page: number;
  pageSize: number;
}

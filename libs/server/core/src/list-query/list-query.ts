import { TOTAL_COUNT_LIMIT, type Page, type SortOrder } from '@danvan/contracts';
import type { RequestContext } from '../request-context/request-context.js';
import { isSearchCondition, type SearchCondition } from './filters.js';
import { SqlParams } from './sql-params.js';
import { refuseUnitsNotVisible, visibleUnitIdsSql } from './subtree-sql.js';

/** Anything that runs SQL: TypeORM's EntityManager or a QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface SortSpec<TSort extends string> {
  field: TSort;
  order: SortOrder;
}

/** A list request after validation: page numbers in range, sort field from the allow-list. */
export interface ListRequest<TSort extends string, TFilter> {
  page: number;
  pageSize: number;
  sort?: SortSpec<TSort>;
  filter?: TFilter;
}

/** Turns one filter value into a SQL condition, adding its parameters to `params`. */
export type FilterCondition<V> = (value: V, params: SqlParams) => string;

/**
 * How one resource is listed. Every filter key must have a condition (the mapped
 * type makes a forgotten filter a compile error), and sorting only ever uses the
 * SQL of `sortColumns`, so no caller-supplied text reaches ORDER BY.
 */
export interface ListQuerySpec<TSort extends string, TFilter> {
  /** FROM clause with alias, e.g. `unit u`. */
  from: string;
  /** Select list, e.g. `u.*`. */
  select: string;
  sortColumns: Record<TSort, string>;
  /**
   * Unique column (or columns, comma-separated, ending with a unique one) appended to every ORDER BY so the
   * order is total and paging through ties never repeats or skips a row. Its leading columns keep reading
   * order, ascending, whatever the sort's direction (blocs of a year A→Z by name, years newest first); its last,
   * unique column follows the sort field's direction (`-year` with `b.name, b.id`: `b.year DESC, b.name ASC,
   * b.id DESC`), so an index on (sort column, id) serves a one-column tie breaker scanned either way.
   */
  tieBreaker: string;
  defaultSort: SortSpec<TSort>;
  filters: { [K in keyof TFilter]-?: FilterCondition<NonNullable<TFilter[K]>> };
  /**
   * Filters that name one unit by id. fetchPage checks that the unit exists and
   * lies in the caller's subtree or is carried by a row the caller may see (an
   * award's issuer, a bloc's peer member), and answers NOT_FOUND otherwise (the
   * same answer for "does not exist" and "not yours", so nothing leaks), instead of
   * an empty page that hides a mistyped or foreign id.
   */
  unitFilters?: ReadonlyArray<keyof TFilter & string>;
  /**
   * The count stops after this many rows (default TOTAL_COUNT_LIMIT): beyond, the
   * page says `totalItems: countLimit, totalIsExact: false` instead of reading
   * every match to count it.
   */
  countLimit?: number;
}

/** From this many rows skipped on, a page is read with a late row lookup (see fetchPage). */
export const LATE_ROW_LOOKUP_OFFSET = 1_000;

/**
 * The one list-query mechanism of every resource: filtering, sorting from an
 * allow-list, pagination and a total count, as two SQL statements.
 */
export async function fetchPage<Row, TSort extends string, TFilter extends object>(
  db: Queryable,
  spec: ListQuerySpec<TSort, TFilter>,
  request: ListRequest<TSort, TFilter>,
  /** The caller's row scope as a SQL condition (null: unrestricted); applied before any filter. */
  scope?: (params: SqlParams) => string | null,
  /** The caller, against whose subtree the units named by `spec.unitFilters` are checked (required when the spec has any). */
  ctx?: RequestContext,
): Promise<Page<Row>> {
  const namedUnits = (spec.unitFilters ?? []).flatMap((field) => {
    const id = request.filter?.[field];
    return typeof id === 'string' ? [{ field, id }] : [];
  });
  if (namedUnits.length && !ctx) throw new Error(`fetchPage of ${spec.from}: unit filters need the caller's context`);
  const params = new SqlParams();
  const conditions: string[] = [];
  const scoped = scope?.(params);
  if (scoped) conditions.push(`(${scoped})`);
  for (const [key, value] of Object.entries(request.filter ?? {})) {
    if (value === undefined || value === null) continue;
    const condition = spec.filters[key as keyof TFilter] as FilterCondition<unknown> | undefined;
    if (!condition) throw new Error(`No SQL condition for filter "${key}"`);
    conditions.push(`(${condition(value, params)})`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const countParams = new SqlParams();
  countParams.values.push(...params.values);
  // The units the filters name are checked in the count's statement: no extra round trip.
  // A named unit also counts as known when a row in the caller's scope carries it (that filter alone, the others aside).
  const seenInRows = namedUnits.map((named) => ({
    ...named,
    seenInRows: `EXISTS (SELECT 1 FROM ${spec.from} WHERE ${[scoped ? `(${scoped})` : null, `(${(spec.filters[named.field as keyof TFilter] as FilterCondition<unknown>)(named.id, countParams)})`].filter(Boolean).join(' AND ')})`,
  }));
  // A bounded count: at most countLimit + 1 matching rows are read, however many match.
  const countLimit = spec.countLimit ?? TOTAL_COUNT_LIMIT;
  const boundedCount = `(SELECT count(*)::int FROM (SELECT 1 FROM ${spec.from} ${where} LIMIT ${countLimit + 1}) AS counted)`;
  const countSql =
    namedUnits.length && ctx
      ? `SELECT ${boundedCount} AS total, ${visibleUnitIdsSql(ctx, countParams, seenInRows)} AS "visibleUnits"`
      : `SELECT ${boundedCount} AS total`;
  const whereValues = [...params.values];
  const orderBy = orderByOf(spec, request, params);
  const limit = params.add(request.pageSize);
  const offset = params.add((request.page - 1) * request.pageSize);
  const skipped = (request.page - 1) * request.pageSize;
  // Deep pages: a late row lookup. The page's keys first (ordered, the offset skipped: an index-only walk
  // where an index covers the filter and the sort), then the select list for those rows only, not for
  // every row skipped. Shallow pages keep the plain statement (the planner's usual plans).
  const pageSql =
    skipped >= LATE_ROW_LOOKUP_OFFSET
      ? `SELECT ${spec.select} FROM ${spec.from} WHERE (${spec.tieBreaker}) IN ` +
        `(SELECT ${spec.tieBreaker} FROM ${spec.from} ${where} ${orderBy} LIMIT ${limit} OFFSET ${offset}) ${orderBy}`
      : `SELECT ${spec.select} FROM ${spec.from} ${where} ${orderBy} LIMIT ${limit} OFFSET ${offset}`;
  const counting = db.query(countSql, countParams.values);
  const ranked = skipped + request.pageSize <= RANKED_CANDIDATES_MAX_ROWS ? rankedSearchOf(spec, request) : null;
  const candidatePage = ranked
    ? await rankedPageFromCandidates(db, spec, request, where, whereValues, ranked.condition, ranked.query)
    : null;
  const [rows, countRows] = await Promise.all([candidatePage ?? db.query(pageSql, params.values), counting]);
  if (namedUnits.length) refuseUnitsNotVisible(namedUnits, (countRows as Array<{ visibleUnits: string[] | null }>)[0]?.visibleUnits ?? []);
  const counted = (countRows as Array<{ total: number }>)[0]?.total ?? 0;
  return {
    items: rows as Row[],
    totalItems: Math.min(counted, countLimit),
    totalIsExact: counted <= countLimit,
    page: request.page,
    pageSize: request.pageSize,
  };
}

/** A relevance-ordered page is ranked from bounded candidates when it ends within this many rows (see rankedPageFromCandidates). */
export const RANKED_CANDIDATES_MAX_ROWS = 500;

/** The similarity thresholds tried in turn, lower each time the candidates do not fill the page; below the last, the plain statement. */
const CANDIDATE_THRESHOLDS = [0.8, 0.6, 0.45, 0.34, 0.25, 0.19, 0.14, 0.1];

/** The text search that orders the page by relevance (no sort requested), when it can bound its candidates. */
function rankedSearchOf<TSort extends string, TFilter extends object>(
  spec: ListQuerySpec<TSort, TFilter>,
  request: ListRequest<TSort, TFilter>,
): { condition: SearchCondition; query: string } | null {
  if (request.sort) return null;
  // The same filter orderByOf ranks by: the first text search given.
  for (const [key, value] of Object.entries(request.filter ?? {})) {
    const condition = spec.filters[key as keyof TFilter];
    if (typeof value !== 'string' || !isSearchCondition(condition)) continue;
    return condition.rankedCandidates ? { condition, query: value } : null;
  }
  return null;
}

/**
 * The rows of a relevance-ordered page without scoring every match (a broad search
 * matches 10,000–20,000 names). The order is tier (exact name, name starts with the
 * query, phrase at a word start, other), similarity, default sort, id. When the rows
 * of the first two tiers fill the page, only those whose similarity can reach the
 * page are scored: a stored trigram count bounds a name's similarity from above
 * (`|T(q)| / |T(name)|`), so with a threshold t the candidates are the first two
 * tiers' rows whose bound reaches t (an index range), ranked by the same ORDER BY.
 * The page is exact when its last row's similarity is at least t: every row left
 * out has a bound, hence a similarity, below t, so it ranks after the page.
 * Otherwise t goes down a little (8 %), at most to that last similarity (which
 * then holds), or to the next threshold when the candidates were too few. Null
 * when the first two tiers cannot fill the page, or no threshold served: the
 * caller runs the plain statement.
 */
async function rankedPageFromCandidates<TSort extends string, TFilter extends object>(
  db: Queryable,
  spec: ListQuerySpec<TSort, TFilter>,
  request: ListRequest<TSort, TFilter>,
  where: string,
  whereValues: unknown[],
  search: SearchCondition,
  query: string,
): Promise<unknown[] | null> {
  const rowsNeeded = (request.page - 1) * request.pageSize + request.pageSize;
  const paramsWithWhere = () => {
    const params = new SqlParams();
    params.values.push(...whereValues);
    return params;
  };
  const and = where ? `${where} AND` : 'WHERE';
  // Do the first two tiers fill the page? (At most rowsNeeded of their rows are read.)
  const probe = paramsWithWhere();
  const probed = search.rankedCandidates?.(query, probe);
  if (!probed) return null;
  const [{ rows: prefixRows }] = (await db.query(
    `SELECT count(*)::int AS rows FROM (SELECT 1 FROM ${spec.from} ${and} (${probed.prefix()}) LIMIT ${probe.add(rowsNeeded)}) AS prefixed`,
    probe.values,
  )) as Array<{ rows: number }>;
  if (prefixRows < rowsNeeded) return null;
  let threshold = CANDIDATE_THRESHOLDS[0];
  for (let attempt = 0; attempt < 2 * CANDIDATE_THRESHOLDS.length; attempt++) {
    const params = paramsWithWhere();
    const candidates = search.rankedCandidates?.(query, params);
    if (!candidates) return null;
    const similarity = candidates.similarity();
    const window = candidates.window(threshold);
    const orderBy = orderByOf(spec, request, params);
    const rows = (await db.query(
      `SELECT ${spec.select}, ${similarity} AS "__similarity" FROM ${spec.from} ${and} (${window}) ${orderBy} LIMIT ${params.add(rowsNeeded)}`,
      params.values,
    )) as Array<Record<string, unknown>>;
    const last = rows.length === rowsNeeded ? Number(rows[rowsNeeded - 1].__similarity) : null;
    if (last !== null && last >= threshold) {
      const page = rows.slice(rowsNeeded - request.pageSize);
      for (const row of page) delete row.__similarity;
      return page;
    }
    // Full but the last row below the threshold: a little lower (the window grows fast below ≈ 0.25 on real
    // names), at most down to that similarity, which then holds. Too few candidates: the next threshold.
    const next = last !== null ? Math.max(last, threshold * 0.92) : CANDIDATE_THRESHOLDS.find((t) => t < threshold);
    if (next === undefined || next < CANDIDATE_THRESHOLDS[CANDIDATE_THRESHOLDS.length - 1]) return null;
    threshold = next;
  }
  return null;
}

/**
 * ORDER BY of a page: the requested sort; without one, relevance when a text
 * search is given (its ranking terms, then the default sort), else the default
 * sort. The tie breaker last (its leading columns ascending, its unique one in
 * the sort field's direction), so every order is total and pages are stable.
 */
function orderByOf<TSort extends string, TFilter extends object>(
  spec: ListQuerySpec<TSort, TFilter>,
  request: ListRequest<TSort, TFilter>,
  params: SqlParams,
): string {
  const sort = request.sort ?? spec.defaultSort;
  const direction = sort.order === 'desc' ? 'DESC' : 'ASC';
  const terms = [
    `${spec.sortColumns[sort.field]} ${direction} NULLS LAST`,
    ...tieBreakerColumns(spec.tieBreaker).map((c, i, all) => `${c} ${i === all.length - 1 ? direction : 'ASC'}`),
  ];
  if (!request.sort) {
    for (const [key, value] of Object.entries(request.filter ?? {})) {
      const condition = spec.filters[key as keyof TFilter];
      if (typeof value !== 'string' || !isSearchCondition(condition)) continue;
      const relevance = condition.relevance(value, params);
      if (relevance) terms.unshift(...relevance);
      break;
    }
  }
  return `ORDER BY ${terms.join(', ')}`;
}

/** The columns of a tie breaker (`b.name, b.id`), split at the commas outside parentheses. */
function tieBreakerColumns(tieBreaker: string): string[] {
  const columns: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tieBreaker.length; i++) {
    const c = tieBreaker[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      columns.push(tieBreaker.slice(start, i).trim());
      start = i + 1;
    }
  }
  columns.push(tieBreaker.slice(start).trim());
  return columns;
}

import type { FilterCondition } from './list-query.js';
import type { SqlParams } from './sql-params.js';

/** Typed filter operators shared by every resource's ListQuerySpec. */

export const equals =
  <V>(column: string): FilterCondition<V> =>
  (value, params) =>
    `${column} = ${params.add(value)}`;

export const inList =
  <V>(column: string): FilterCondition<V[]> =>
  (values, params) =>
    `${column} = ANY(${params.add(values)})`;

/** Rows valid on a date: `from` and `to` are inclusive, NULL means open-ended. */
export const validOn =
  (fromColumn: string, toColumn: string): FilterCondition<string> =>
  (date, params) => {
    const p = params.add(date);
    return `(${fromColumn} IS NULL OR ${fromColumn} <= ${p}::date) AND (${toColumn} IS NULL OR ${toColumn} >= ${p}::date)`;
  };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Search words of a query, in the composed Unicode form PostgreSQL's unaccent rules expect. */
export function searchTokens(query: string): string[] {
  return query.normalize('NFC').trim().split(/\s+/u).filter(Boolean).slice(0, 8);
}

/** A text-search filter: its condition, and how relevant a row is to the same query. */
export interface SearchCondition extends FilterCondition<string> {
  /**
   * ORDER BY terms ranking the rows by relevance to `query` (most relevant first),
   * or null when the query has no word. fetchPage orders by them when a search is
   * given and the request names no sort.
   */
  relevance(query: string, params: SqlParams): string[] | null;
  /**
   * Present when a trigram count of the ranked text is stored (`rankTrigrams`):
   * SQL for the rows of the first two tiers (the text is the query or starts with
   * it), for those of them whose similarity can reach a threshold (`|T(q)| / |T(text)|`
   * bounds it from above), and for the similarity of a row. fetchPage ranks only those
   * candidates when they fill the page (see rankedPageFromCandidates).
   */
  rankedCandidates?(query: string, params: SqlParams): RankedCandidates | null;
}

/** SQL of the candidates of a ranked page (see SearchCondition.rankedCandidates); each adds its parameters when called. */
export interface RankedCandidates {
  /** The first two tiers: the ranked text is the query or starts with it. */
  prefix(): string;
  /** `prefix`, and a trigram count whose similarity bound reaches `threshold`. */
  window(threshold: number): string;
  /** A row's similarity to the query (the second ORDER BY term of `relevance`). */
  similarity(): string;
}

/**
 * Diacritics- and case-insensitive search: every word must occur in the
 * normalised text. `matchText` must be the exact expression (or stored column)
 * of the trigram index so PostgreSQL can use the index. `rankText` is the
 * normalised text relevance is judged on (default `matchText`), typically the
 * normalised name: 0 the name is the query, 1 it starts with the query, 2 the
 * query starts one of its words (as a phrase), 3 it merely contains every word;
 * within a tier, by trigram similarity (pg_trgm `similarity`), highest first.
 * At scale, give a stored column for both: a computed `danvan_normalize` costs
 * microseconds per candidate row.
 */
export function textSearch(matchText: string, options: { rankText?: string; rankTrigrams?: string } = {}): SearchCondition {
  const rankText = options.rankText ?? matchText;
  const { rankTrigrams } = options;
  const condition: FilterCondition<string> = (query, params) => {
    const tokens = searchTokens(query);
    if (!tokens.length) return 'TRUE';
    return tokens.map((token) => `${matchText} LIKE '%' || danvan_normalize(${params.add(escapeLike(token))}) || '%'`).join(' AND ');
  };
  const relevance = (query: string, params: SqlParams): string[] | null => {
    const phrase = searchTokens(query).join(' ');
    if (!phrase) return null;
    const exact = `danvan_normalize(${params.add(phrase)})`;
    const pattern = `danvan_normalize(${params.add(escapeLike(phrase))})`;
    return [
      `CASE WHEN ${rankText} = ${exact} THEN 0 WHEN ${rankText} LIKE ${pattern} || '%' THEN 1 WHEN ${rankText} LIKE '% ' || ${pattern} || '%' THEN 2 ELSE 3 END`,
      `similarity(${rankText}, ${exact}) DESC`,
    ];
  };
  if (!rankTrigrams) return Object.assign(condition, { relevance });
  const rankedCandidates = (query: string, params: SqlParams): RankedCandidates | null => {
    const phrase = searchTokens(query).join(' ');
    if (!phrase) return null;
    const exact = () => `danvan_normalize(${params.add(phrase)})`;
    const prefix = () => `${rankText} LIKE danvan_normalize(${params.add(escapeLike(phrase))}) || '%'`;
    return {
      prefix,
      // similarity = common / (|T(q)| + |T(text)| - common) <= min / max of the two counts, so a text
      // can reach t only with |T(q)|·t <= |T(text)| <= |T(q)|/t. Widened by 1e-6: a float rounding
      // may let a row in, never keep one out.
      window: (threshold) => {
        const queryTrigrams = `cardinality(show_trgm(${exact()}))`;
        const t = params.add(threshold * (1 - 1e-6));
        return `${prefix()} AND ${rankTrigrams} BETWEEN ceil(${queryTrigrams} * ${t}::float8)::int AND floor(${queryTrigrams} / ${t}::float8)::int`;
      },
      similarity: () => `similarity(${rankText}, ${exact()})`,
    };
  };
  return Object.assign(condition, { relevance, rankedCandidates });
}

/** The filter's condition is a text search (it can rank rows by relevance). */
export function isSearchCondition(condition: unknown): condition is SearchCondition {
  return typeof condition === 'function' && typeof (condition as Partial<SearchCondition>).relevance === 'function';
}

import type { FilterCondition } from './list-query.js';

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

/**
 * Diacritics- and case-insensitive search: every word must occur in the
 * normalised text. `normalisedExpression` must be the exact expression of the
 * trigram index (`danvan_normalize(...)`) so PostgreSQL can use the index.
 */
export const textSearch =
  (normalisedExpression: string): FilterCondition<string> =>
  (query, params) => {
    const tokens = searchTokens(query);
    if (!tokens.length) return 'TRUE';
    return tokens
      .map((token) => `${normalisedExpression} LIKE '%' || danvan_normalize(${params.add(escapeLike(token))}) || '%'`)
      .join(' AND ');
  };

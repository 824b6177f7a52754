import type { FilterCondition } from '@danvan/core';

/**
 * One filter of a list declaration: its SQL condition and the type of its value,
 * from which the kit derives the REST query parameter (with its class-validator
 * checks and OpenAPI description) and the GraphQL filter field.
 */
export interface ListFilter<V> {
  readonly kind: 'text' | 'id' | 'ids' | 'enum' | 'enums' | 'date' | 'dateTime' | 'int' | 'boolean' | 'string' | 'strings';
  /** The condition this value adds to the WHERE clause (see ListQuerySpec.filters). */
  readonly sql: FilterCondition<V>;
  /** Vietnamese, on the GraphQL field and the OpenAPI parameter. */
  readonly description: string;
  /** The REST query parameter's name when it differs from the filter's (`q` for `search`); false: GraphQL only. */
  readonly rest?: string | false;
  /** false: REST only (a path parameter or a REST-only convenience). */
  readonly graphql?: boolean;
  /** The value names one unit by id: fetchPage checks it is visible to the caller (ListQuerySpec.unitFilters). */
  readonly namesUnit?: boolean;
  /** Validation message (Vietnamese) when the value is refused. */
  readonly message?: string;
  readonly maxLength?: number;
  /** At most this many values (`strings`). */
  readonly maxItems?: number;
  readonly min?: number;
  readonly max?: number;
  /** Allowed values (`enums`), and the GraphQL enum object registered for them. */
  readonly values?: readonly string[];
  readonly graphqlEnum?: object;
  /**
   * A range's upper bound (`date`, `dateTime`): the name of the filter holding its lower bound. A value
   * before that bound is refused (400 / BAD_USER_INPUT on this field) instead of answering an empty page.
   */
  readonly notBefore?: string;
  /** A phantom of the value type, for inference only. */
  readonly __value?: V;
}

type Options = Pick<ListFilter<unknown>, 'description' | 'rest' | 'graphql' | 'message'>;

/** Free text (search words); at most `maxLength` characters (100 unless told). */
export function textFilter(sql: FilterCondition<string>, options: Options & { maxLength?: number }): ListFilter<string> {
  return { kind: 'text', sql, maxLength: 100, ...options };
}

/** An exact short string (an entity name, an action). */
export function stringFilter(sql: FilterCondition<string>, options: Options & { maxLength?: number }): ListFilter<string> {
  return { kind: 'string', sql, maxLength: 100, ...options };
}

/** Any of some short strings (REST: comma-separated or repeated), each at most `maxLength`, at most `maxItems` of them. */
export function stringsFilter(
  sql: FilterCondition<string[]>,
  options: Options & { maxLength: number; maxItems: number },
): ListFilter<string[]> {
  return { kind: 'strings', sql, ...options };
}

/** One id (uuid); `namesUnit` when it names a unit the caller must be able to see. */
export function idFilter(sql: FilterCondition<string>, options: Options & { namesUnit?: boolean }): ListFilter<string> {
  return { kind: 'id', sql, ...options };
}

/** Several ids (at most `maxItems`, a page of them unless told). */
export function idsFilter(sql: FilterCondition<string[]>, options: Options & { maxItems?: number }): ListFilter<string[]> {
  return { kind: 'ids', sql, ...options };
}

/** Any of some enum values (REST: `kind=A,B` or repeated; GraphQL: a list of the enum). */
export function enumFilter<T extends string>(
  values: readonly T[],
  graphqlEnum: object,
  sql: FilterCondition<T[]>,
  options: Options,
): ListFilter<T[]> {
  return { kind: 'enums', sql, values, graphqlEnum, ...options };
}

/** One enum value. */
export function enumValueFilter<T extends string>(
  values: readonly T[],
  graphqlEnum: object,
  sql: FilterCondition<T>,
  options: Options,
): ListFilter<T> {
  return { kind: 'enum', sql, values, graphqlEnum, ...options };
}

/** What a range's upper bound declares: `notBefore` names the filter of its lower bound (checked by the kit, once for every range). */
type RangeOptions = Options & { notBefore?: string };

/** A calendar date (yyyy-MM-dd). */
export function dateFilter(sql: FilterCondition<string>, options: RangeOptions): ListFilter<string> {
  return { kind: 'date', sql, ...options };
}

/** The first instant of a calendar day in Vietnam (UTC+07:00 all year, no daylight saving). */
export function startOfVietnamDay(date: string): string {
  return `${date}T00:00:00+07:00`;
}

/** The calendar day after `date` (yyyy-MM-dd). */
export function nextCalendarDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** A date (a day in Vietnam) or an ISO 8601 instant. */
export function dateTimeFilter(sql: FilterCondition<string>, options: RangeOptions): ListFilter<string> {
  return { kind: 'dateTime', sql, ...options };
}

/** An integer between `min` and `max`. */
export function intFilter(sql: FilterCondition<number>, options: Options & { min: number; max: number }): ListFilter<number> {
  return { kind: 'int', sql, ...options };
}

/** true or false (REST: `true`/`false`). */
export function booleanFilter(sql: FilterCondition<boolean>, options: Options): ListFilter<boolean> {
  return { kind: 'boolean', sql, ...options };
}

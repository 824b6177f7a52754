import { callerScope, type CallerScope, type Caller, type SqlParams } from '@danvan/core';

/**
 * A scope rule: which records of a resource lie within a caller's reach, said
 * once and rendered two ways — as an SQL condition over the resource's query
 * (`scopeSql`) and as a check of a record already read (`inScopeOf`). Both
 * renderings come from the same declaration, so a list and a change can never
 * disagree about who reaches what.
 *
 * Fail closed: an unrestricted caller (the system, an administrator) reaches
 * every record; a caller with no scope (no unit) reaches none; a caller with a
 * subtree reaches the records the rule places in it.
 */
export type ScopeRule<R> =
  | { kind: 'unit'; label: string; pathSql: string; path: (record: R) => string | null }
  | {
      kind: 'someUnit';
      label: string;
      /** SQL holding when one of the record's units satisfies `inSubtree(pathSql)`. */
      sql: (inSubtree: (pathSql: string) => string) => string;
      paths: (record: R) => readonly string[];
    }
  | { kind: 'anyOf'; rules: ReadonlyArray<ScopeRule<R>> }
  | { kind: 'everyone'; label: string }
  | { kind: 'unrestricted'; label: string };

/**
 * The record's unit lies in the caller's subtree: `pathSql` is the unit path's
 * column in the resource's query, `path` reads the same path from a record
 * (null: a record without a unit, reached by unrestricted callers only).
 */
export function unitInSubtree<R>(label: string, pathSql: string, path: (record: R) => string | null): ScopeRule<R> {
  return { kind: 'unit', label, pathSql, path };
}

/**
 * One of the record's units (e.g. a bloc's members) lies in the caller's subtree:
 * `sql` builds the EXISTS over them from the subtree condition it is handed.
 */
export function someUnitInSubtree<R>(
  label: string,
  sql: (inSubtree: (pathSql: string) => string) => string,
  paths: (record: R) => readonly string[],
): ScopeRule<R> {
  return { kind: 'someUnit', label, sql, paths };
}

/** Any of the rules. */
export function anyOf<R>(...rules: Array<ScopeRule<R>>): ScopeRule<R> {
  return { kind: 'anyOf', rules };
}

/** Every caller with a scope, whatever its subtree (a national announcement): still nobody without one. */
export function anyScopedCaller<R>(label = 'mọi đơn vị'): ScopeRule<R> {
  return { kind: 'everyone', label };
}

/** Nobody limited to a subtree: the system and administrators only (a national catalogue). */
export function unrestrictedOnly<R>(label = 'quản trị hệ thống'): ScopeRule<R> {
  return { kind: 'unrestricted', label };
}

/**
 * SQL: the rule holds for the caller. null when it holds for every row (an
 * unrestricted caller), `FALSE` when for none (no scope).
 */
export function scopeSql<R>(rule: ScopeRule<R>, caller: Caller, params: SqlParams): string | null {
  const scope = callerScope(caller);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'FALSE';
  return render(rule, scope.path, params);
}

function render<R>(rule: ScopeRule<R>, scopePath: string, params: SqlParams): string {
  switch (rule.kind) {
    case 'unit':
      return subtreeSql(rule.pathSql, params.add(scopePath));
    case 'someUnit': {
      const p = params.add(scopePath);
      return rule.sql((pathSql) => subtreeSql(pathSql, p));
    }
    case 'anyOf':
      return rule.rules.length ? `(${rule.rules.map((r) => render(r, scopePath, params)).join(' OR ')})` : 'FALSE';
    case 'everyone':
      return 'TRUE';
    case 'unrestricted':
      return 'FALSE';
  }
}

/** A unit path in a subtree: a btree range on the "C"-collated path. */
function subtreeSql(pathSql: string, p: string): string {
  return `(${pathSql} >= ${p} AND ${pathSql} < ${p} || '~')`;
}

/** TypeScript: the rule holds for the caller on a record already read (the same rule `scopeSql` renders). */
export function inScopeOf<R>(rule: ScopeRule<R>, caller: Caller, record: R): boolean {
  return holds(rule, callerScope(caller), record);
}

function holds<R>(rule: ScopeRule<R>, scope: CallerScope, record: R): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  const within = (path: string | null) => path !== null && path.startsWith(scope.path);
  switch (rule.kind) {
    case 'unit':
      return within(rule.path(record));
    case 'someUnit':
      return rule.paths(record).some(within);
    case 'anyOf':
      return rule.rules.some((r) => holds(r, scope, record));
    case 'everyone':
      return true;
    case 'unrestricted':
      return false;
  }
}

/** How a rule reads to people (documentation, refusals): "đơn vị quản lý khối, hoặc đơn vị thành viên". */
export function describeRule<R>(rule: ScopeRule<R>): string {
  switch (rule.kind) {
    case 'unit':
    case 'someUnit':
    case 'everyone':
    case 'unrestricted':
      return rule.label;
    case 'anyOf':
      return rule.rules.map(describeRule).join(', hoặc ');
  }
}

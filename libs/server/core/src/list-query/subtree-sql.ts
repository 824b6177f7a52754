import type { UnitLevel } from '@danvan/contracts';
import { callerScope } from '../access/caller.js';
import { DomainError } from '../errors/domain-error.js';
import { transactionOf, type RequestContext } from '../request-context/request-context.js';
import { SqlParams } from './sql-params.js';

/**
 * SQL pieces of the unit tree shared by every capability. A unit's `path`
 * (`/<root>/…/<unit>/`, collation "C") makes "in the subtree" a btree range.
 */

/** SQL: the unit path `pathSql` lies in the caller's subtree (null when unrestricted, FALSE for a caller with no scope). */
export function pathInScope(ctx: RequestContext, params: SqlParams, pathSql: string): string | null {
  const scope = callerScope(ctx.caller);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'FALSE';
  const p = params.add(scope.path);
  return `(${pathSql} >= ${p} AND ${pathSql} < ${p} || '~')`;
}

/** SQL: the unit path `pathSql` lies in the subtree of the unit with id `unitId` (the unit itself included). */
export function pathWithin(params: SqlParams, pathSql: string, unitId: string): string {
  const p = params.add(unitId);
  return `${pathSql} >= (SELECT path FROM unit_directory WHERE id = ${p}) AND ${pathSql} < (SELECT path || '~' FROM unit_directory WHERE id = ${p})`;
}

/** Joins conditions with AND, leaving out the absent ones. */
export function allOf(...conditions: Array<string | null | undefined>): string {
  const present = conditions.filter((c): c is string => Boolean(c));
  return present.length ? present.join(' AND ') : 'TRUE';
}

/** Affected rows of an UPDATE/DELETE … RETURNING, whichever shape the driver answers in. */
export function rowCount(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return result.length;
}

/**
 * The unit exists and lies in the caller's subtree: its path and level, read in
 * the transaction `tx` carries (the change that names the unit). Otherwise a rule
 * error on `field` that does not reveal whether the unit exists.
 */
export async function visibleUnit(
  tx: RequestContext,
  unitId: string,
  field: string,
  label: string,
): Promise<{ path: string; level: UnitLevel }> {
  const db = transactionOf(tx, 'visibleUnit');
  const params = new SqlParams();
  const where = allOf(`u.id = ${params.add(unitId)}`, pathInScope(tx, params, 'u.path'));
  const [row] = (await db.query(`SELECT u.path, u.level FROM unit_directory u WHERE ${where}`, params.values)) as Array<{
    path: string;
    level: UnitLevel;
  }>;
  if (!row) throw DomainError.rule(field, 'notFound', `${label} không tồn tại hoặc nằm ngoài phạm vi của bạn.`);
  return row;
}

/** A unit a list filter names by id (`field` is the filter's name). */
export interface NamedUnit {
  field: string;
  id: string;
  /**
   * SQL that holds when a row the caller may see carries this unit in the filtered
   * column (an award's issuer above the caller, a bloc's peer member): such a unit
   * is known to the caller through the list itself, so naming it is no mistake.
   */
  seenInRows?: string;
}

/**
 * SQL: a JSON array of the ids of the named units the caller may name (null when
 * none): those that exist in the caller's subtree, and those a row the caller may
 * see carries.
 */
export function visibleUnitIdsSql(ctx: RequestContext, params: SqlParams, named: NamedUnit[]): string {
  const ids = [...new Set(named.map((n) => n.id.toLowerCase()))];
  const inSubtree = `SELECT u.id::text AS id FROM unit_directory u WHERE ${allOf(`u.id = ANY(${params.add(ids)}::uuid[])`, pathInScope(ctx, params, 'u.path'))}`;
  const seen = named.filter((n) => n.seenInRows).map((n) => `SELECT ${params.add(n.id.toLowerCase())}::text AS id WHERE ${n.seenInRows}`);
  return `(SELECT json_agg(v.id) FROM (${[inSubtree, ...seen].join(' UNION ')}) AS v)`;
}

/**
 * NOT_FOUND on every field naming a unit that is not among the visible ones, in
 * words that do not reveal whether it exists outside the caller's subtree.
 */
export function refuseUnitsNotVisible(named: NamedUnit[], visibleIds: string[]): void {
  const visible = new Set(visibleIds.map((id) => id.toLowerCase()));
  const fields = named
    .filter((n) => !visible.has(n.id.toLowerCase()))
    .map(({ field, id }) => ({
      field,
      code: 'notFound',
      message: `Không tìm thấy đơn vị có mã định danh ${id} (không tồn tại hoặc nằm ngoài phạm vi của bạn).`,
    }));
  if (fields.length) throw new DomainError('NOT_FOUND', fields.map((f) => f.message).join(' '), fields);
}

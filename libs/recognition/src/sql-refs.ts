import type { RequestContext, SqlParams } from '@danvan/core';

/** JSON of a unit as RecognitionUnitRef, from a unit alias. */
export const unitRefJson = (alias: string) => `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'shortName', ${alias}.short_name, 'level', ${alias}.level)`;

/** JSON of a document as RecognitionDocumentRef, from a document alias. */
export const documentRefJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'number', ${alias}.number, 'issuedOn', to_char(${alias}.issued_on, 'YYYY-MM-DD'), 'title', ${alias}.title)`;

/** SQL: the unit path `pathSql` lies in the caller's subtree (null when unrestricted). */
export function pathInScope(ctx: RequestContext, params: SqlParams, pathSql: string): string | null {
  const scopePath = ctx.caller.scopePath;
  if (scopePath === null) return null;
  const p = params.add(scopePath);
  return `(${pathSql} >= ${p} AND ${pathSql} < ${p} || '~')`;
}

/** SQL: the unit path `pathSql` lies in the subtree of the unit with id `unitId` (the unit itself included). */
export function pathWithin(params: SqlParams, pathSql: string, unitId: string): string {
  const p = params.add(unitId);
  return `${pathSql} >= (SELECT path FROM unit WHERE id = ${p}) AND ${pathSql} < (SELECT path || '~' FROM unit WHERE id = ${p})`;
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

import { DomainError, rowCount, type Queryable } from '@danvan/core';

/**
 * "A version is required but none was sent" (REST: no If-Match on an update
 * that needs one), as a value of its own: the service makes its not-found and
 * permission checks first, then `assertVersion` answers 428 naming the current
 * version. No number stands for it, so no record can ever match it by accident.
 */
export const NO_VERSION_SENT: unique symbol = Symbol('no version sent');

/** The version a write expects: a number read earlier, or NO_VERSION_SENT. */
export type ExpectedVersion = number | typeof NO_VERSION_SENT;

/**
 * The one check of a version, on the row the service has read FOR UPDATE, after its not-found and
 * permission checks and before any rule: none sent → versionRequired (428, naming the current
 * version), another version → versionConflict (412 / VERSION_CONFLICT, naming it). Before the rules,
 * so a caller holding a stale version is always told to reload, never refused by a rule for a state it
 * has not seen. The version is then bumped by the one conditional write, `updateVersioned`, which
 * refuses a stale version once more should anything write the row without that lock.
 */
export function assertVersion(entityLabel: string, expected: ExpectedVersion, current: number): asserts expected is number {
  if (expected === NO_VERSION_SENT) throw DomainError.versionRequired(entityLabel, current);
  if (expected !== current) throw DomainError.versionConflict(entityLabel, expected, current);
}

/** An optional version (a delete): null when none was sent, checked when one was. */
export function assertVersionIfSent(entityLabel: string, expected: number | null, current: number): void {
  if (expected !== null && expected !== current) throw DomainError.versionConflict(entityLabel, expected, current);
}

export interface VersionedUpdate {
  /** Table, without alias. */
  table: string;
  id: string;
  expectedVersion: number;
  /** Assignments of the update, using `$3…` for `values` (`$1` is the id, `$2` the expected version). */
  set: string;
  values?: unknown[];
  /** Names the record in the conflict message ("đơn vị"). */
  entityLabel: string;
  /** Also set `updated_at = now()` (default true). */
  stampUpdatedAt?: boolean;
  /** What to return (default `id`). */
  returning?: string;
}

/**
 * The one way a version is bumped: `UPDATE … SET …, version = version + 1 WHERE
 * id = $1 AND version = $2 RETURNING …`. No row (someone changed the record after
 * it was read) → versionConflict carrying the current version, so the 412 names it.
 */
export async function updateVersioned<Row = { id: string }>(db: Queryable, update: VersionedUpdate): Promise<Row> {
  const stamp = update.stampUpdatedAt === false ? '' : ', updated_at = now()';
  const result = (await db.query(
    `UPDATE ${update.table} SET ${update.set}, version = version + 1${stamp} WHERE id = $1 AND version = $2 RETURNING ${update.returning ?? 'id'}`,
    [update.id, update.expectedVersion, ...(update.values ?? [])],
  )) as unknown[];
  const rows = (result.length === 2 && Array.isArray(result[0]) ? result[0] : result) as Row[];
  if (rowCount(result) === 1 && rows[0]) return rows[0];
  const [current] = (await db.query(`SELECT version FROM ${update.table} WHERE id = $1`, [update.id])) as Array<{ version: number }>;
  throw DomainError.versionConflict(update.entityLabel, update.expectedVersion, current?.version);
}

import { transactionOf, type RequestContext } from '../request-context/request-context.js';

/** What every write of a versioned record changes whatever was sent: left out when deciding whether anything changed. */
export const WRITE_STAMPS = ['version', 'updatedAt'] as const;

/** JSON value with object keys sorted and null/undefined members dropped: equal for equal content, whatever the key order (jsonb reorders). */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether two reads of one record hold the same content, `ignore` (the write stamps) aside. */
export function sameContent(before: object, after: object, ignore: readonly string[] = WRITE_STAMPS): boolean {
  const strip = (record: object) => Object.fromEntries(Object.entries(record).filter(([key]) => !ignore.includes(key)));
  return canonical(strip(before)) === canonical(strip(after));
}

let savepoints = 0;

/**
 * The one way an update skips a change that changes nothing. `write` makes the
 * update (its version bump included) and reads the record back, inside a
 * savepoint of the transaction `tx` carries; when the record reads the same as
 * `before` (the write stamps aside) the savepoint is rolled back: the caller
 * answers `before` (same version, same ETag) and records no audit event.
 * Comparing what the database reads back rather than the input counts every
 * normalisation (trim and NFC of names, dates, jsonb key order, arrays) as the
 * database keeps it. The version check must come before: a stale version is
 * refused even when nothing would change.
 */
export async function writeUnlessUnchanged<T extends object>(
  tx: RequestContext,
  before: T,
  write: () => Promise<T>,
  ignore: readonly string[] = WRITE_STAMPS,
): Promise<{ after: T; changed: boolean }> {
  const db = transactionOf(tx, 'writeUnlessUnchanged');
  const savepoint = `danvan_unchanged_${++savepoints}`;
  await db.query(`SAVEPOINT ${savepoint}`);
  const after = await write();
  if (sameContent(before, after, ignore)) {
    await db.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
    return { after: before, changed: false };
  }
  await db.query(`RELEASE SAVEPOINT ${savepoint}`);
  return { after, changed: true };
}

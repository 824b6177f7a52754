import { DomainError } from './domain-error.js';

/** PostgreSQL SQLSTATE codes the domain turns into expected failures. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
/** A delete blocked by an `ON DELETE RESTRICT` reference (checked at once, unlike NO ACTION's 23503). */
export const PG_RESTRICT_VIOLATION = '23001';

interface PgErrorLike {
  code?: string;
  constraint?: string;
  driverError?: PgErrorLike;
}

/** The SQLSTATE and constraint of a driver error, looking through TypeORM's QueryFailedError. */
export function pgErrorOf(error: unknown): { code?: string; constraint?: string } {
  if (typeof error !== 'object' || error === null) return {};
  const e = error as PgErrorLike;
  const inner = e.driverError ?? e;
  return { code: inner.code, constraint: inner.constraint };
}

/**
 * Runs `work` and turns unique and foreign-key violations into domain errors, using
 * the constraint name to say which field is at fault. Anything else is rethrown.
 */
export async function translatePgErrors<T>(
  work: () => Promise<T>,
  byConstraint: Record<string, () => DomainError>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, constraint } = pgErrorOf(error);
    if ((code === PG_UNIQUE_VIOLATION || code === PG_FOREIGN_KEY_VIOLATION || code === PG_RESTRICT_VIOLATION) && constraint && byConstraint[constraint]) {
      throw byConstraint[constraint]();
    }
    if (code === PG_FOREIGN_KEY_VIOLATION || code === PG_RESTRICT_VIOLATION) {
      throw DomainError.stillReferenced('Bản ghi đang được dữ liệu khác tham chiếu nên không thể thực hiện thao tác này.');
    }
    throw error;
  }
}

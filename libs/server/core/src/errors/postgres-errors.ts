import { DomainError } from './domain-error.js';

/** PostgreSQL SQLSTATE codes the domain turns into expected failures. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
/** A delete blocked by an `ON DELETE RESTRICT` reference (checked at once, unlike NO ACTION's 23503). */
export const PG_RESTRICT_VIOLATION = '23001';
/** Concurrent transactions PostgreSQL aborted one of: running it again normally succeeds. */
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK_DETECTED = '40P01';

/** Seconds a caller is told to wait (`Retry-After`) after a transaction conflict the server could not retry away. */
const TRANSACTION_CONFLICT_RETRY_AFTER_SECONDS = 1;

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

/** A serialization failure or deadlock: the transaction lost a race and may be run again from its start. */
export function isTransactionConflict(error: unknown): boolean {
  const { code } = pgErrorOf(error);
  return code === PG_SERIALIZATION_FAILURE || code === PG_DEADLOCK_DETECTED;
}

/** What a caller gets when a transaction still conflicts after the server's own retries (409, `Retry-After`). */
export function transactionConflictError(): DomainError {
  const error = new DomainError(
    'TRANSACTION_CONFLICT',
    'Yêu cầu bị xung đột với một thao tác khác đang thay đổi cùng dữ liệu nên chưa được thực hiện (không có gì thay đổi). Hãy thử lại sau giây lát.',
  );
  error.retryAfterSeconds = TRANSACTION_CONFLICT_RETRY_AFTER_SECONDS;
  return error;
}

/**
 * Runs `work` and turns unique and foreign-key violations into domain errors, using
 * the constraint name to say which field is at fault. Anything else is rethrown.
 */
export async function translatePgErrors<T>(work: () => Promise<T>, byConstraint: Record<string, () => DomainError>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, constraint } = pgErrorOf(error);
    if (
      (code === PG_UNIQUE_VIOLATION || code === PG_FOREIGN_KEY_VIOLATION || code === PG_RESTRICT_VIOLATION) &&
      constraint &&
      byConstraint[constraint]
    ) {
      throw byConstraint[constraint]();
    }
    if (code === PG_FOREIGN_KEY_VIOLATION || code === PG_RESTRICT_VIOLATION) {
      throw DomainError.stillReferenced('Bản ghi đang được dữ liệu khác tham chiếu nên không thể thực hiện thao tác này.');
    }
    throw error;
  }
}

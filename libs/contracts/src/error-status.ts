import type { ErrorCode } from './errors.js';

/**
 * The HTTP status each error code answers: what REST sends, and what the admin gives an error it reads from
 * GraphQL (`extensions.reason`). Exhaustive: a new code fails to compile until it has one.
 */
export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  IDEMPOTENCY_MISMATCH: 422,
  MALFORMED_REQUEST: 400,
  RULE_VIOLATION: 422,
  NOT_FOUND: 404,
  DUPLICATE: 409,
  STILL_REFERENCED: 409,
  VERSION_CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  TRANSACTION_CONFLICT: 409,
  INTERNAL: 500,
};

/** The HTTP status of an error code, or undefined for a string that is none (an older server's, a typo). */
export const httpStatusOf = (code: string | null | undefined): number | undefined =>
  code && Object.hasOwn(ERROR_HTTP_STATUS, code) ? ERROR_HTTP_STATUS[code as ErrorCode] : undefined;

/**
 * The error vocabulary of the whole system. Domain code throws these codes; one
 * mapper per transport turns them into HTTP statuses (REST) or `extensions.code`
 * (GraphQL). The admin reads `reason` to show a specific message.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'IDEMPOTENCY_MISMATCH',
  'MALFORMED_REQUEST',
  'RULE_VIOLATION',
  'NOT_FOUND',
  'DUPLICATE',
  'STILL_REFERENCED',
  'VERSION_CONFLICT',
  'PRECONDITION_FAILED',
  'PRECONDITION_REQUIRED',
  'PAYLOAD_TOO_LARGE',
  'TRANSACTION_CONFLICT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field; `field` is a dotted path (`leaders.0.name`). */
export interface FieldError {
  field: string;
  /** Machine-readable constraint (`isNotEmpty`, `maxLength`, `unique`, `cycle` …). */
  code: string;
  message: string;
}

/** REST error body (RFC 9457 problem details, with danvan extensions). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ErrorCode;
  errors?: FieldError[];
  /** On 409, 412 and 428 of a versioned record: its version now (also the `ETag` header); null when it does not exist yet. */
  currentVersion?: number | null;
  requestId?: string;
}

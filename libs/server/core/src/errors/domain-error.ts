import type { ErrorCode, FieldError } from '@danvan/contracts';

/**
 * The one error type domain code throws for an expected failure. Transports map
 * `code` to an HTTP status or a GraphQL `extensions.code` (see error-mapping.ts);
 * nothing expected ever surfaces as a 500.
 */
export class DomainError extends Error {
  /** For RATE_LIMITED: when to try again (REST `Retry-After`, GraphQL `extensions.retryAfter`). */
  retryAfterSeconds?: number;
  /**
   * For a version conflict or a missing precondition: the record's version now (REST `ETag`
   * and `currentVersion`, GraphQL `extensions.currentVersion`), so the caller can re-read or
   * retry knowingly; null when the record does not exist yet; undefined when unknown.
   */
  currentVersion?: number | null;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static rateLimited(message: string, retryAfterSeconds: number): DomainError {
    const error = new DomainError('RATE_LIMITED', message);
    error.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return error;
  }

  static validation(fields: FieldError[], message = 'Dữ liệu gửi lên không hợp lệ.'): DomainError {
    return new DomainError('VALIDATION_FAILED', message, fields);
  }

  /** A request that breaks a domain rule although each field is well-formed (HTTP 422). */
  static rule(field: string, code: string, message: string): DomainError {
    return new DomainError('RULE_VIOLATION', message, [{ field, code, message }]);
  }

  /** Refuses with one RULE_VIOLATION listing every problem, each on its field; does nothing when there is none. */
  static refuseIfAny(problems: Array<FieldError | null | undefined>): void {
    const present = problems.filter((p): p is FieldError => Boolean(p));
    if (present.length) throw new DomainError('RULE_VIOLATION', present.map((p) => p.message).join(' '), present);
  }

  static notFound(entityLabel: string, id: string): DomainError {
    return new DomainError('NOT_FOUND', `Không tìm thấy ${entityLabel} có mã định danh ${id}.`);
  }

  static duplicate(field: string, message: string): DomainError {
    return new DomainError('DUPLICATE', message, [{ field, code: 'unique', message }]);
  }

  static versionConflict(entityLabel: string, expected: number, actual?: number): DomainError {
    const now = actual === undefined ? '' : ` (phiên bản hiện tại là ${actual})`;
    const error = new DomainError(
      'VERSION_CONFLICT',
      `${capitalise(entityLabel)} đã được người khác thay đổi sau phiên bản ${expected} mà bạn đang sửa${now}. Hãy tải lại và sửa lại trên bản mới nhất.`,
    );
    error.currentVersion = actual;
    return error;
  }

  /**
   * The check of a record created on its first write (a registration, a score sheet): the version the
   * caller sent (null: none) against the one stored (null: nothing yet). Sent for nothing → nothingToMatch;
   * none sent for an existing record → versionRequired; another version → versionConflict.
   */
  static refuseVersionMismatch(entityLabel: string, expected: number | null, current: number | null): void {
    if (current === null) {
      if (expected !== null) throw DomainError.nothingToMatch(entityLabel, expected);
      return;
    }
    if (expected === null) throw DomainError.versionRequired(entityLabel, current);
    if (expected !== current) throw DomainError.versionConflict(entityLabel, expected, current);
  }

  /**
   * A version was sent for a record that does not exist yet (the first registration, the first
   * self-score): nobody changed it, there is nothing to match. Create it without a version.
   */
  static nothingToMatch(entityLabel: string, expected: number): DomainError {
    const message = `Chưa có ${entityLabel} nào nên không có phiên bản ${expected} để so khớp: lần tạo đầu tiên hãy gửi không kèm If-Match (GraphQL: bỏ trống expectedVersion).`;
    const error = new DomainError('VERSION_CONFLICT', message, [{ field: 'expectedVersion', code: 'notCreatedYet', message }]);
    error.currentVersion = null;
    return error;
  }

  /** A change of an existing record sent without the version read: say which version is current. */
  static versionRequired(entityLabel: string, current: number): DomainError {
    const message = `${capitalise(entityLabel)} đã có, phiên bản hiện tại là ${current}: hãy đọc lại rồi gửi If-Match: "${current}" (GraphQL: expectedVersion: ${current}) để sửa đúng bản đã đọc.`;
    const error = new DomainError('PRECONDITION_REQUIRED', message, [{ field: 'expectedVersion', code: 'required', message }]);
    error.currentVersion = current;
    return error;
  }

  static stillReferenced(message: string): DomainError {
    return new DomainError('STILL_REFERENCED', message);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

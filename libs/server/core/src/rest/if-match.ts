import { DomainError } from '../errors/domain-error.js';

/** The ETag of a versioned resource: its version, quoted (`"3"`). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header asks for. Required on REST updates so a stale
 * write can never pass unnoticed: missing → 428, unreadable → 400.
 */
export function versionFromIfMatch(header: string | undefined, required: boolean): number | null {
  if (header === undefined || header.trim() === '') {
    if (!required) return null;
    throw new DomainError(
      'PRECONDITION_REQUIRED',
      'Thiếu tiêu đề If-Match: hãy gửi ETag (phiên bản) nhận được khi đọc bản ghi, ví dụ If-Match: "3".',
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw DomainError.validation([{ field: 'If-Match', code: 'etag', message: 'If-Match phải là ETag nhận được khi đọc bản ghi, ví dụ "3".' }]);
  }
  return Number(match[1]);
}

/**
 * Runs an update guarded by If-Match; a version conflict becomes 412 Precondition
 * Failed, as HTTP prescribes for a failed conditional request.
 */
export async function withIfMatch<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'VERSION_CONFLICT') {
      throw new DomainError('PRECONDITION_FAILED', error.message, error.fields);
    }
    throw error;
  }
}

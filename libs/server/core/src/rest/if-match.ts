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
    throw DomainError.validation([
      { field: 'If-Match', code: 'etag', message: 'If-Match phải là ETag nhận được khi đọc bản ghi, ví dụ "3".' },
    ]);
  }
  return Number(match[1]);
}

// The If-Match protocol of writes (withIfMatch, NO_VERSION_SENT) lives in @danvan/kit (versioned-writes/).

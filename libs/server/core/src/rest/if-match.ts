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

/**
 * Stands for "If-Match required but not sent": no record has this version, so the
 * service's own version check (made after its not-found and permission checks,
 * before any write) refuses it and tells the current version, which the 428 then names.
 */
const IF_MATCH_ABSENT = -1;

/**
 * Runs an update guarded by If-Match, in the one shape every versioned REST resource
 * answers: a stale version → 412 Precondition Failed (as HTTP prescribes) with the
 * current `ETag`; a version sent for what does not exist yet → 412 with field code
 * `notCreatedYet` (send no If-Match to create it); a required If-Match missing →
 * 428 naming the current version. `work` gets the version asked for (null: none sent
 * and not required).
 */
export function withIfMatch<T>(header: string | undefined, required: true, work: (expectedVersion: number) => Promise<T>): Promise<T>;
export function withIfMatch<T>(
  header: string | undefined,
  required: false,
  work: (expectedVersion: number | null) => Promise<T>,
): Promise<T>;
export async function withIfMatch<T>(
  header: string | undefined,
  required: boolean,
  work: (expectedVersion: number) => Promise<T>,
): Promise<T> {
  const sent = versionFromIfMatch(header, false);
  try {
    return await work(sent ?? (required ? IF_MATCH_ABSENT : (null as unknown as number)));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'VERSION_CONFLICT' && sent === null && required) throw ifMatchRequired(error.currentVersion);
    if (error.code === 'VERSION_CONFLICT' || error.code === 'PRECONDITION_REQUIRED') {
      // GraphQL names the version `expectedVersion`; over REST it is the If-Match header.
      const fields = error.fields.map((f) => (f.field === 'expectedVersion' ? { ...f, field: 'If-Match' } : f));
      const rest = new DomainError(error.code === 'VERSION_CONFLICT' ? 'PRECONDITION_FAILED' : error.code, error.message, fields);
      rest.currentVersion = error.currentVersion;
      throw rest;
    }
    throw error;
  }
}

function ifMatchRequired(current: number | null | undefined): DomainError {
  const message =
    typeof current === 'number'
      ? `Thiếu tiêu đề If-Match: bản ghi đang ở phiên bản ${current}; hãy gửi If-Match: ${etagOf(current)} (ETag nhận được khi đọc) để sửa đúng bản đã đọc.`
      : 'Thiếu tiêu đề If-Match: hãy gửi ETag (phiên bản) nhận được khi đọc bản ghi, ví dụ If-Match: "3".';
  const error = new DomainError('PRECONDITION_REQUIRED', message, [{ field: 'If-Match', code: 'required', message }]);
  error.currentVersion = current ?? undefined;
  return error;
}

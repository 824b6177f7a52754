import { ERROR_CODES, ERROR_HTTP_STATUS, type ErrorCode } from '@danvan/contracts';

/** How one error code appears on each transport. Exhaustive: a new code fails to compile until mapped. */
interface ErrorMapping {
  /** The HTTP status: the shared rule of libs/contracts/src/error-status.ts (the admin applies it too). */
  httpStatus: number;
  graphqlCode: string;
  title: string;
}

const GRAPHQL_AND_TITLE: Record<ErrorCode, Omit<ErrorMapping, 'httpStatus'>> = {
  VALIDATION_FAILED: { graphqlCode: 'BAD_USER_INPUT', title: 'Dữ liệu không hợp lệ' },
  UNAUTHENTICATED: { graphqlCode: 'UNAUTHENTICATED', title: 'Chưa xác thực' },
  FORBIDDEN: { graphqlCode: 'FORBIDDEN', title: 'Không có quyền' },
  RATE_LIMITED: { graphqlCode: 'RATE_LIMITED', title: 'Quá nhiều yêu cầu' },
  IDEMPOTENCY_MISMATCH: { graphqlCode: 'BAD_USER_INPUT', title: 'Idempotency-Key đã dùng cho yêu cầu khác' },
  MALFORMED_REQUEST: { graphqlCode: 'BAD_REQUEST', title: 'Yêu cầu sai định dạng' },
  RULE_VIOLATION: { graphqlCode: 'BAD_USER_INPUT', title: 'Vi phạm quy tắc nghiệp vụ' },
  NOT_FOUND: { graphqlCode: 'NOT_FOUND', title: 'Không tìm thấy' },
  DUPLICATE: { graphqlCode: 'CONFLICT', title: 'Trùng dữ liệu' },
  STILL_REFERENCED: { graphqlCode: 'CONFLICT', title: 'Đang được tham chiếu' },
  VERSION_CONFLICT: { graphqlCode: 'CONFLICT', title: 'Xung đột phiên bản' },
  PRECONDITION_FAILED: { graphqlCode: 'CONFLICT', title: 'Phiên bản không khớp (If-Match)' },
  PRECONDITION_REQUIRED: { graphqlCode: 'BAD_USER_INPUT', title: 'Thiếu điều kiện phiên bản' },
  PAYLOAD_TOO_LARGE: { graphqlCode: 'BAD_REQUEST', title: 'Dữ liệu gửi lên quá lớn' },
  TRANSACTION_CONFLICT: { graphqlCode: 'CONFLICT', title: 'Xung đột với thao tác đồng thời' },
  INTERNAL: { graphqlCode: 'INTERNAL_SERVER_ERROR', title: 'Lỗi hệ thống' },
};

export const ERROR_MAPPING = Object.fromEntries(
  ERROR_CODES.map((code) => [code, { httpStatus: ERROR_HTTP_STATUS[code], ...GRAPHQL_AND_TITLE[code] }]),
) as Record<ErrorCode, ErrorMapping>;

/** RFC 9457 `type` of a problem: a relative URI documented in docs/api-guide.md. */
export function problemType(code: ErrorCode): string {
  return `/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

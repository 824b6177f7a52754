import type { ErrorCode } from '@danvan/contracts';

/** How one error code appears on each transport. Exhaustive: a new code fails to compile until mapped. */
interface ErrorMapping {
  httpStatus: number;
  graphqlCode: string;
  title: string;
}

export const ERROR_MAPPING: Record<ErrorCode, ErrorMapping> = {
  VALIDATION_FAILED: { httpStatus: 400, graphqlCode: 'BAD_USER_INPUT', title: 'Dữ liệu không hợp lệ' },
  UNAUTHENTICATED: { httpStatus: 401, graphqlCode: 'UNAUTHENTICATED', title: 'Chưa xác thực' },
  FORBIDDEN: { httpStatus: 403, graphqlCode: 'FORBIDDEN', title: 'Không có quyền' },
  RATE_LIMITED: { httpStatus: 429, graphqlCode: 'RATE_LIMITED', title: 'Quá nhiều yêu cầu' },
  IDEMPOTENCY_MISMATCH: { httpStatus: 422, graphqlCode: 'BAD_USER_INPUT', title: 'Idempotency-Key đã dùng cho yêu cầu khác' },
  MALFORMED_REQUEST: { httpStatus: 400, graphqlCode: 'BAD_REQUEST', title: 'Yêu cầu sai định dạng' },
  RULE_VIOLATION: { httpStatus: 422, graphqlCode: 'BAD_USER_INPUT', title: 'Vi phạm quy tắc nghiệp vụ' },
  NOT_FOUND: { httpStatus: 404, graphqlCode: 'NOT_FOUND', title: 'Không tìm thấy' },
  DUPLICATE: { httpStatus: 409, graphqlCode: 'CONFLICT', title: 'Trùng dữ liệu' },
  STILL_REFERENCED: { httpStatus: 409, graphqlCode: 'CONFLICT', title: 'Đang được tham chiếu' },
  VERSION_CONFLICT: { httpStatus: 409, graphqlCode: 'CONFLICT', title: 'Xung đột phiên bản' },
  PRECONDITION_FAILED: { httpStatus: 412, graphqlCode: 'CONFLICT', title: 'Phiên bản không khớp (If-Match)' },
  PRECONDITION_REQUIRED: { httpStatus: 428, graphqlCode: 'BAD_USER_INPUT', title: 'Thiếu điều kiện phiên bản' },
  PAYLOAD_TOO_LARGE: { httpStatus: 413, graphqlCode: 'BAD_REQUEST', title: 'Dữ liệu gửi lên quá lớn' },
  TRANSACTION_CONFLICT: { httpStatus: 409, graphqlCode: 'CONFLICT', title: 'Xung đột với thao tác đồng thời' },
  INTERNAL: { httpStatus: 500, graphqlCode: 'INTERNAL_SERVER_ERROR', title: 'Lỗi hệ thống' },
};

/** RFC 9457 `type` of a problem: a relative URI documented in docs/api-guide.md. */
export function problemType(code: ErrorCode): string {
  return `/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

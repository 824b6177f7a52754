import { HttpException } from '@nestjs/common';
import type { ErrorCode, FieldError } from '@danvan/contracts';
import { DomainError } from './domain-error.js';
import { ERROR_MAPPING } from './error-mapping.js';
import { isTransactionConflict, transactionConflictError } from './postgres-errors.js';

/** A failure in transport-neutral form, ready to render as problem+json or a GraphQL error. */
export interface Problem {
  code: ErrorCode;
  status: number;
  title: string;
  detail: string;
  fields: FieldError[];
  /** True when the cause is unexpected: logged with its stack, never shown to the caller. */
  unexpected: boolean;
  retryAfterSeconds?: number;
}

interface ErrorWithStatus {
  statusCode?: number;
  code?: string;
  message?: string;
}

const FASTIFY_MESSAGES_VI: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung JSON sai cú pháp.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung JSON trống.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Dữ liệu gửi lên vượt quá giới hạn cho phép.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Kiểu nội dung (Content-Type) không được hỗ trợ.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Độ dài nội dung không khớp với Content-Length.',
};

function fromMapping(code: ErrorCode, detail: string, fields: FieldError[] = [], status?: number): Problem {
  const mapping = ERROR_MAPPING[code];
  return { code, status: status ?? mapping.httpStatus, title: mapping.title, detail, fields, unexpected: code === 'INTERNAL' };
}

/** Classifies anything thrown while serving a request. */
export function toProblem(exception: unknown): Problem {
  if (exception instanceof DomainError) {
    return { ...fromMapping(exception.code, exception.message, exception.fields), retryAfterSeconds: exception.retryAfterSeconds };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) return fromMapping('NOT_FOUND', 'Không có tài nguyên nào tại đường dẫn này.');
    if (status === 413) return fromMapping('PAYLOAD_TOO_LARGE', FASTIFY_MESSAGES_VI.FST_ERR_CTP_BODY_TOO_LARGE);
    if (status === 415) return fromMapping('MALFORMED_REQUEST', FASTIFY_MESSAGES_VI.FST_ERR_CTP_INVALID_MEDIA_TYPE, [], 415);
    if (status < 500) {
      const detail = /empty/i.test(exception.message)
        ? FASTIFY_MESSAGES_VI.FST_ERR_CTP_EMPTY_JSON_BODY
        : /json/i.test(exception.message)
          ? FASTIFY_MESSAGES_VI.FST_ERR_CTP_INVALID_JSON_BODY
          : exception.message;
      return fromMapping('MALFORMED_REQUEST', detail, [], status);
    }
    return fromMapping('INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại sau.');
  }
  // A deadlock or serialization failure that reached the caller (retries exhausted, or outside a transaction).
  if (isTransactionConflict(exception)) return toProblem(transactionConflictError());
  const withStatus = exception as ErrorWithStatus | null;
  const status = withStatus?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const detail = (withStatus?.code && FASTIFY_MESSAGES_VI[withStatus.code]) ?? 'Yêu cầu không hợp lệ.';
    if (status === 413) return fromMapping('PAYLOAD_TOO_LARGE', detail);
    return fromMapping('MALFORMED_REQUEST', detail, [], status);
  }
  return fromMapping('INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại sau.');
}

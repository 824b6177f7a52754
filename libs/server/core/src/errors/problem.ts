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
  /** See DomainError.currentVersion. */
  currentVersion?: number | null;
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

/** A size in MB as messages print it: 1048576 → "1", 1572864 → "1,5". */
export function megabytes(bytes: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(bytes / (1024 * 1024));
}

/**
 * A refusal of the HTTP layer (a body too large, a media type not accepted)
 * whose Vietnamese message is meant for the caller, unlike Fastify's own errors.
 */
export class TransportRefusal extends Error {
  constructor(
    readonly statusCode: 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'TransportRefusal';
  }
}

/** What the request being answered allows, to say it in the message (Fastify's route options). */
export interface RequestLimits {
  routeOptions?: { bodyLimit?: number };
}

function fromMapping(code: ErrorCode, detail: string, fields: FieldError[] = [], status?: number): Problem {
  const mapping = ERROR_MAPPING[code];
  return { code, status: status ?? mapping.httpStatus, title: mapping.title, detail, fields, unexpected: code === 'INTERNAL' };
}

/** 413 of the JSON body limit (BODY_LIMIT, the route's `bodyLimit`), saying the limit when the request is known. */
function bodyTooLarge(request: RequestLimits | undefined): Problem {
  const limit = request?.routeOptions?.bodyLimit;
  return fromMapping(
    'PAYLOAD_TOO_LARGE',
    limit ? `Dữ liệu gửi lên vượt quá giới hạn ${megabytes(limit)} MB.` : FASTIFY_MESSAGES_VI.FST_ERR_CTP_BODY_TOO_LARGE,
  );
}

/** Classifies anything thrown while serving a request. */
export function toProblem(exception: unknown, request?: RequestLimits): Problem {
  if (exception instanceof DomainError) {
    return {
      ...fromMapping(exception.code, exception.message, exception.fields),
      retryAfterSeconds: exception.retryAfterSeconds,
      currentVersion: exception.currentVersion,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) return fromMapping('NOT_FOUND', 'Không có tài nguyên nào tại đường dẫn này.');
    if (status === 413) return bodyTooLarge(request);
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
  if (exception instanceof TransportRefusal) {
    return exception.statusCode === 413
      ? fromMapping('PAYLOAD_TOO_LARGE', exception.message)
      : fromMapping('MALFORMED_REQUEST', exception.message, [], 415);
  }
  const withStatus = exception as ErrorWithStatus | null;
  const status = withStatus?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const detail = (withStatus?.code && FASTIFY_MESSAGES_VI[withStatus.code]) ?? 'Yêu cầu không hợp lệ.';
    if (status === 413) return bodyTooLarge(request);
    return fromMapping('MALFORMED_REQUEST', detail, [], status);
  }
  return fromMapping('INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại sau.');
}

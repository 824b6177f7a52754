import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@danvan/contracts';
import { DomainError } from '../errors/domain-error.js';
import { findInputProblem } from './input-checks.js';
import { VALIDATION_MESSAGES_VI } from './validation-messages.js';

/** Flattens class-validator's error tree into dotted field paths (`leaders.0.name`). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [code, englishMessage] of Object.entries(error.constraints ?? {})) {
      result.push({ field, code, message: vietnameseMessage(code, englishMessage) });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}

function vietnameseMessage(code: string, message: string): string {
  // Decorators with an explicit Vietnamese message keep it; English defaults are replaced.
  if (/[À-ỹ]/u.test(message)) return message;
  return VALIDATION_MESSAGES_VI[code] ?? message;
}

/**
 * ValidationPipe that first refuses, on the field that holds it, what no DTO rule
 * sees: text with a NUL character or a lone surrogate, nesting beyond
 * MAX_INPUT_DEPTH, a GraphQL scalar that failed its format check. Every REST body,
 * query string and path parameter and every GraphQL argument (inline or from
 * variables: both arrive with metadata type 'body') passes through it; 'custom'
 * values (@Ctx(), the request context) are not input.
 */
const BODY_NOT_OBJECT = 'Nội dung yêu cầu phải là một đối tượng JSON ({ … }), không phải null.';

function isPrimitiveType(type: unknown): boolean {
  return type === String || type === Number || type === Boolean || type === Object || type === Array;
}

class DanvanValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A JSON `null` as the whole body would become an empty DTO (Nest turns nil into {}) and pass as
    // "change nothing"; a body of a DTO type must be an object.
    if (
      metadata.type === 'body' &&
      metadata.data === undefined &&
      value === null &&
      typeof metadata.metatype === 'function' &&
      !isPrimitiveType(metadata.metatype)
    ) {
      throw DomainError.validation([{ field: 'body', code: 'isObject', message: BODY_NOT_OBJECT }], BODY_NOT_OBJECT);
    }
    if (metadata.type !== 'custom') {
      const problem = findInputProblem(value);
      // Paths are those of the DTO's own errors (`leaders.0.name`); a bare value is named by its parameter.
      if (problem) throw DomainError.validation([{ ...problem, field: problem.field || metadata.data || metadata.type }], problem.message);
    }
    return super.transform(value, metadata);
  }
}

/**
 * The global validation pipe: text with a NUL character or a lone surrogate is refused, unknown fields
 * are rejected (not stripped), payloads are transformed to their DTO classes, and
 * failures become a VALIDATION_FAILED domain error with one entry per field.
 */
export function createValidationPipe(): ValidationPipe {
  return new DanvanValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}

import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@danvan/contracts';
import { DomainError } from '../errors/domain-error.js';
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
 * The global validation pipe: unknown fields are rejected (not stripped), payloads
 * are transformed to their DTO classes, and failures become a VALIDATION_FAILED
 * domain error with one entry per field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}

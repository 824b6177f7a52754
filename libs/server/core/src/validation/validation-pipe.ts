import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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
 * The dotted path of the first string holding a NUL character (PostgreSQL stores
 * none, in text or jsonb), '' for the value itself; null when there is none. Only
 * plain objects and arrays are walked (not Buffers: evidence files are bytes).
 */
export function nulCharacterPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulCharacterPath(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulCharacterPath(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

/** ValidationPipe that first refuses text with a NUL character, on the field that holds it. */
class DanvanValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const path = nulCharacterPath(value);
      if (path !== null) {
        const field = [metadata.type === 'body' && !metadata.data ? '' : (metadata.data ?? ''), path].filter(Boolean).join('.') || metadata.type;
        throw DomainError.validation([{ field, code: 'nulCharacter', message: 'Văn bản chứa ký tự NUL (\\0), không lưu được: hãy bỏ ký tự này.' }]);
      }
    }
    return super.transform(value, metadata);
  }
}

/**
 * The global validation pipe: text with a NUL character is refused, unknown fields
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

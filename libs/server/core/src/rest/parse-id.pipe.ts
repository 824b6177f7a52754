import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

/** Validates an `:id` path parameter (and GraphQL `id` argument) as a UUID. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !isUUID(value, 'all')) {
      throw DomainError.validation([{ field: 'id', code: 'isUuid', message: 'Mã định danh phải là UUID hợp lệ.' }]);
    }
    return value.toLowerCase();
  }
}

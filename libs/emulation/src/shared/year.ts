import { DomainError } from '@danvan/core';

/** The years an emulation record may name (list filters, inputs and the `year` arguments). */
export const YEAR = { min: 1945, max: 2100, message: 'Năm phải từ 1945 đến 2100.' };

/**
 * A year given as a plain argument (no input class to carry class-validator's checks), refused as
 * those checks refuse it: VALIDATION_FAILED (400 / BAD_USER_INPUT) on `field`, code `min` or `max`.
 */
export function assertYearInRange(field: string, year: number): void {
  if (year < YEAR.min || year > YEAR.max)
    throw DomainError.validation([{ field, code: year < YEAR.min ? 'min' : 'max', message: YEAR.message }]);
}

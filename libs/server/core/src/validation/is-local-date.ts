import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * The one place dates and instants of the API are checked (DTO decorators and the
 * GraphQL `Date` and `DateTime` scalars use these): real calendar dates only
 * (2024-02-30 is refused), four-digit years from 1000 to 9999 (no year 0000),
 * and only the ISO 8601 forms the API documents (no week dates `2024-W01-1`, no
 * ordinal dates, no basic format `20240101`). Narrower ranges are domain rules.
 */
export const DATE_YEAR_RANGE = { min: 1000, max: 9999 } as const;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339 date-time: a time needs its offset (`Z` or `+07:00`), fractions of a second to the nanosecond. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

/** True for a real calendar date written yyyy-MM-dd (2024-02-30 and 0000-01-01 are rejected). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < DATE_YEAR_RANGE.min || year > DATE_YEAR_RANGE.max) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for an instant written as a date-time with its offset (`2024-03-01T08:30:00+07:00`, `…Z`), on a real calendar date. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  return match !== null && isLocalDate(match[1]);
}

/** True for either form a time filter accepts: a calendar date (`2024-03-01`) or a date-time with its offset. */
export function isLocalDateOrDateTime(value: unknown): value is string {
  return isLocalDate(value) || isIsoDateTime(value);
}

function dateDecorator(name: string, check: (value: unknown) => boolean, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => check(value) },
    });
}

/** class-validator decorator for a calendar date without time (`validFrom`, `validOn`). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return dateDecorator('isLocalDate', isLocalDate, options);
}

/** class-validator decorator for a time filter (`from`, `to`): a calendar date or a date-time with its offset. */
export function IsDateOrDateTime(options?: ValidationOptions): PropertyDecorator {
  return dateDecorator('isDateOrDateTime', isLocalDateOrDateTime, options);
}

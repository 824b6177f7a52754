import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { InvalidScalarInput } from '../validation/input-checks.js';
import { isIsoDateTime, isLocalDate } from '../validation/is-local-date.js';

const LOCAL_DATE_MESSAGE = 'Phải là ngày có thật trên lịch, dạng yyyy-MM-dd (năm từ 1000 đến 9999).';
const DATE_TIME_MESSAGE = 'Phải là thời điểm có thật, dạng ISO 8601 có múi giờ (ví dụ 2026-12-31T23:59:59+07:00).';

// Input that fails the check becomes an InvalidScalarInput: the validation pipe, which sees every
// argument, refuses it on the field that holds it (VALIDATION_FAILED, `extensions.fields`).
function literal(ast: ValueNode): unknown {
  return ast.kind === Kind.STRING ? ast.value : undefined;
}

function outputDate(value: unknown): string {
  if (!isLocalDate(value)) throw new TypeError(`Date scalar cannot serialize ${String(value)}`);
  return value;
}

function inputDate(value: unknown): string | InvalidScalarInput {
  return isLocalDate(value) ? value : new InvalidScalarInput('isLocalDate', LOCAL_DATE_MESSAGE);
}

/** `Date`: a calendar date without time, `yyyy-MM-dd` (validity dates, document dates). */
export const LocalDateScalar = new GraphQLScalarType<string | InvalidScalarInput, string>({
  name: 'Date',
  description: 'Ngày theo lịch, dạng ISO yyyy-MM-dd (ví dụ 2025-06-30), không có giờ và múi giờ; giao diện hiển thị dd/MM/yyyy.',
  serialize: outputDate,
  parseValue: inputDate,
  parseLiteral: (ast) => inputDate(literal(ast)),
});

function inputDateTime(value: unknown): Date | InvalidScalarInput {
  return isIsoDateTime(value) ? new Date(value) : new InvalidScalarInput('isDateTime', DATE_TIME_MESSAGE);
}

/**
 * `DateTime` (JavaScript `Date` fields), in place of Nest's, which takes whatever
 * `new Date()` takes (`2024-02-30` becomes 1 March). Output is ISO 8601 in UTC.
 */
export const IsoDateTimeScalar = new GraphQLScalarType<Date | InvalidScalarInput, string>({
  name: 'DateTime',
  description:
    'Thời điểm theo ISO 8601: trả về theo giờ UTC (ví dụ 2026-12-31T16:59:59.000Z); khi gửi phải có múi giờ (ví dụ 2026-12-31T23:59:59+07:00).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : null) as string,
  parseValue: inputDateTime,
  parseLiteral: (ast) => inputDateTime(literal(ast)),
});

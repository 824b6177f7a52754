import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isLocalDate } from '../validation/is-local-date.js';

function parse(value: unknown): string {
  if (!isLocalDate(value)) {
    throw new GraphQLError(`Ngày "${String(value)}" không hợp lệ: cần dạng yyyy-MM-dd.`, {
      extensions: { code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' },
    });
  }
  return value;
}

/** `Date`: a calendar date without time, `yyyy-MM-dd` (validity dates, document dates). */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Ngày theo lịch, dạng yyyy-MM-dd (không có giờ).',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});

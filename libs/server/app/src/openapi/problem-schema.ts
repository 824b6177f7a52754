import { ERROR_CODES } from '@danvan/contracts';
import { ERROR_MAPPING, problemType, type ProblemStatus } from '@danvan/core';

/** Longest `detail`/`message` a problem carries (messages are ours; a field path quotes the input, bounded by the body limit). */
const PROBLEM_TEXT_MAX = 4000;

/** The RFC 9457 problem details every error answers (ProblemDetails of @danvan/contracts), and its field error. */
export const PROBLEM_SCHEMAS = {
  FieldError: {
    type: 'object',
    description: 'One problem with one input field.',
    required: ['field', 'code', 'message'],
    properties: {
      field: { type: 'string', maxLength: 512, description: 'Dotted path of the field (`leaders.0.name`), or a header name (`If-Match`)' },
      code: {
        type: 'string',
        maxLength: 64,
        pattern: '^[A-Za-z0-9_.-]+$',
        description: 'Machine-readable constraint (`isNotEmpty`, `maxLength`, `unique` …)',
      },
      message: { type: 'string', maxLength: PROBLEM_TEXT_MAX, description: 'Vietnamese message for people' },
    },
  },
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details (application/problem+json), with danvan extensions. See docs/api-guide.md.',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: {
        type: 'string',
        maxLength: 64,
        pattern: '^/problems/[a-z-]+$',
        description: 'A relative URI naming the kind of problem (`/problems/not-found`)',
        examples: [problemType('NOT_FOUND')],
      },
      title: { type: 'string', maxLength: 200, description: 'Short Vietnamese summary of the kind of problem' },
      status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599, description: 'The HTTP status, repeated' },
      detail: { type: 'string', maxLength: PROBLEM_TEXT_MAX, description: 'Vietnamese explanation of this occurrence' },
      instance: { type: 'string', maxLength: 8192, description: 'The request path (and query) that failed' },
      code: { type: 'string', enum: [...ERROR_CODES], description: 'danvan error code (stable; `reason` in GraphQL)' },
      errors: { type: 'array', maxItems: 1000, items: { $ref: '#/components/schemas/FieldError' }, description: 'Field errors (400, 422)' },
      currentVersion: {
        type: ['integer', 'null'],
        format: 'int32',
        minimum: 0,
        maximum: 2147483647,
        description: 'On 409, 412 and 428 of a versioned record: its version now (also the ETag header); null when it does not exist yet',
      },
      requestId: {
        type: 'string',
        maxLength: 64,
        pattern: '^[A-Za-z0-9._-]{1,64}$',
        description: 'The x-request-id of the request, to quote to support',
      },
    },
  },
} as const;

/** What each error status means here, for the responses' descriptions (the titles of its error codes). */
export function problemDescription(status: ProblemStatus): string {
  const titles = Object.values(ERROR_MAPPING)
    .filter((mapping) => mapping.httpStatus === status || (status === 400 && mapping.title === ERROR_MAPPING.MALFORMED_REQUEST.title))
    .map((mapping) => mapping.title);
  const extra: Partial<Record<ProblemStatus, string>> = {
    415: 'Kiểu nội dung (Content-Type) không được nhận',
  };
  return [...new Set([...titles, ...(extra[status] ? [extra[status]] : [])])].join('; ') || 'Lỗi';
}

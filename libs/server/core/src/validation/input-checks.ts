/// <reference lib="es2024.string" />
import type { FieldError } from '@danvan/contracts';

/**
 * The deepest nesting of arrays and objects accepted in any input (a JSON body,
 * GraphQL variables or arguments): `{"a":[1]}` is 2 deep. Real inputs nest 4 or 5
 * deep; the bound keeps every recursive walk downstream (class-transformer,
 * class-validator, graphql-js) far from the stack limit.
 */
export const MAX_INPUT_DEPTH = 32;

export const INPUT_MESSAGES = {
  nesting: `Dữ liệu lồng nhau quá sâu: tối đa ${MAX_INPUT_DEPTH} cấp mảng hoặc đối tượng.`,
  nulCharacter: 'Văn bản chứa ký tự NUL (\\0), không lưu được: hãy bỏ ký tự này.',
  illFormedUnicode:
    'Văn bản chứa ký tự Unicode không hợp lệ (nửa cặp thay thế UTF-16 đứng một mình), không lưu được: hãy gửi văn bản Unicode hợp lệ.',
} as const;

/**
 * A GraphQL scalar value that failed its format check (a `Date` of 2024-02-30).
 * The scalar returns it instead of throwing, so that the validation pipe reports
 * it on the field that holds it (graphql-js keeps no field path on scalar errors).
 */
export class InvalidScalarInput {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/**
 * True when a JSON text nests arrays and objects deeper than `maxDepth`. One pass
 * over the characters, no recursion and no parsing: brackets inside strings
 * (and escaped quotes) are skipped.
 */
export function jsonNestingExceeds(text: string, maxDepth = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > maxDepth) return true;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) depth--;
  }
  return false;
}

/**
 * Objects whose fields are input: plain ones (JSON bodies, variables) and those
 * without Object's prototype (graphql-js literals: no prototype; the query string
 * of fast-querystring: an empty prototype of its own). Not class instances
 * (Date, Buffer, a DTO), whose prototype chain is longer.
 */
function isInputRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function textProblem(text: string): 'nulCharacter' | 'illFormedUnicode' | null {
  if (text.includes('\u0000')) return 'nulCharacter';
  if (!text.isWellFormed()) return 'illFormedUnicode';
  return null;
}

/**
 * The first problem in an input value that no DTO rule can see and PostgreSQL
 * would fail on (or a recursive walk would overflow on): text with a NUL
 * character or a lone UTF-16 surrogate (in a value or a key), nesting deeper than
 * `maxDepth`, or a scalar that failed its format check. `field` is the dotted
 * path ('' for the value itself). Walks arrays and plain objects without
 * recursion; Buffers (evidence files), Dates and class instances are left alone.
 */
export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): FieldError | null {
  const problem = (field: string, code: keyof typeof INPUT_MESSAGES | string, message?: string): FieldError => ({
    field,
    code,
    message: message ?? INPUT_MESSAGES[code as keyof typeof INPUT_MESSAGES],
  });
  // Depth-first, in document order: children are pushed last-first.
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: item, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof item === 'string') {
      const code = textProblem(item);
      if (code) return problem(path, code);
      continue;
    }
    if (item instanceof InvalidScalarInput) return problem(path, item.code, item.message);
    const isArray = Array.isArray(item);
    if (!isArray && !isInputRecord(item)) continue;
    if (depth + 1 > maxDepth) return problem(path, 'nesting');
    const at = (key: string) => (path ? `${path}.${key}` : key);
    if (isArray) {
      for (let i = item.length - 1; i >= 0; i--) stack.push({ value: item[i], path: at(String(i)), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(item);
    for (const key of keys) {
      const code = textProblem(key);
      // The key is named in the answer, so it is made printable first.
      if (code) return problem(at(key.replaceAll('\u0000', '\uFFFD').toWellFormed()), code);
    }
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: item[keys[i]], path: at(keys[i]), depth: depth + 1 });
  }
  return null;
}

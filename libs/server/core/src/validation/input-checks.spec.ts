import { findInputProblem, InvalidScalarInput, jsonNestingExceeds, MAX_INPUT_DEPTH } from './input-checks.js';
import { isIsoDateTime, isLocalDate, isLocalDateOrDateTime } from './is-local-date.js';

const deep = (levels: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('findInputProblem', () => {
  it('finds a NUL character or a lone surrogate by its path, in plain and prototype-less objects', () => {
    const query = Object.assign(Object.create(null) as object, { q: 'a\u0000b' });
    expect(findInputProblem(query)).toMatchObject({ field: 'q', code: 'nulCharacter' });
    // fast-querystring's objects have an empty prototype of their own.
    const Empty = function () {
      /* an empty constructor, as fast-querystring's */
    } as unknown as { new (): Record<string, unknown>; prototype: object };
    Empty.prototype = Object.create(null) as object;
    expect(findInputProblem(Object.assign(new Empty(), { issuer: '\u0000' }))).toMatchObject({ field: 'issuer', code: 'nulCharacter' });
    expect(findInputProblem({ leaders: [{ name: 'A' }, { name: 'B\ud800' }] })).toMatchObject({
      field: 'leaders.1.name',
      code: 'illFormedUnicode',
    });
    expect(findInputProblem({ 'k\udc00': 1 })).toMatchObject({ code: 'illFormedUnicode' });
    expect(findInputProblem('x\u0000')).toMatchObject({ field: '', code: 'nulCharacter' });
  });

  it('leaves well-formed text, surrogate pairs and bytes alone', () => {
    expect(findInputProblem({ title: 'Mô hình 😀', n: 1, at: new Date(), file: Buffer.from([0, 0xd8]) })).toBeNull();
  });

  it('refuses nesting beyond the limit without recursion (100,000 deep), and reports scalar failures', () => {
    expect(findInputProblem(deep(MAX_INPUT_DEPTH))).toBeNull();
    expect(findInputProblem(deep(MAX_INPUT_DEPTH + 1))).toMatchObject({ code: 'nesting' });
    expect(findInputProblem(deep(100_000))).toMatchObject({ code: 'nesting' });
    expect(findInputProblem({ filter: { on: new InvalidScalarInput('isLocalDate', 'Ngày sai.') } })).toEqual({
      field: 'filter.on',
      code: 'isLocalDate',
      message: 'Ngày sai.',
    });
  });
});

describe('jsonNestingExceeds', () => {
  it('counts brackets outside strings only, in one pass', () => {
    expect(jsonNestingExceeds('['.repeat(32) + ']'.repeat(32))).toBe(false);
    expect(jsonNestingExceeds('['.repeat(33) + ']'.repeat(33))).toBe(true);
    expect(jsonNestingExceeds(JSON.stringify({ text: '['.repeat(100) + '"\\' }))).toBe(false);
    expect(jsonNestingExceeds('['.repeat(1_000_000))).toBe(true);
  });
});

describe('strict dates', () => {
  it('accepts real calendar dates of years 1000–9999 and RFC 3339 instants only', () => {
    expect(['2024-02-29', '1000-01-01', '9999-12-31'].every(isLocalDate)).toBe(true);
    expect(
      ['2024-02-30', '2023-02-29', '0000-01-01', '0999-12-31', '2024-W01-1', '2024-060', '20240101', '2024-1-1', ' 2024-01-01'].some(
        isLocalDate,
      ),
    ).toBe(false);
    expect(['2024-02-29T23:59:59Z', '2024-03-01T08:30+07:00', '2024-03-01T08:30:00.123456-05:00'].every(isIsoDateTime)).toBe(true);
    expect(
      [
        '2024-02-30T00:00:00Z',
        '2024-03-01T24:00:00Z',
        '2024-03-01T08:30:00',
        '2024-03-01T08:60:00Z',
        '2024-03-01T08:30:00+25:00',
        '2024-03-01',
      ].some(isIsoDateTime),
    ).toBe(false);
    expect(isLocalDateOrDateTime('2024-03-01')).toBe(true);
    expect(isLocalDateOrDateTime('2024-W09-5')).toBe(false);
  });
});

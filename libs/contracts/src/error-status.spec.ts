import { ERROR_CODES } from './errors.js';
import { ERROR_HTTP_STATUS, httpStatusOf } from './error-status.js';

describe('the HTTP status of an error code', () => {
  it('gives every code an error status', () => {
    for (const code of ERROR_CODES) expect(ERROR_HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
  });

  it('answers a rule violation 422, a failed If-Match 412 and a missing one 428', () => {
    expect(httpStatusOf('RULE_VIOLATION')).toBe(422);
    expect(httpStatusOf('PRECONDITION_FAILED')).toBe(412);
    expect(httpStatusOf('PRECONDITION_REQUIRED')).toBe(428);
    expect(httpStatusOf('VALIDATION_FAILED')).toBe(400);
  });

  it('answers nothing for a string that is no code, even a property of every object', () => {
    expect(httpStatusOf('NOPE')).toBeUndefined();
    expect(httpStatusOf('toString')).toBeUndefined();
    expect(httpStatusOf(undefined)).toBeUndefined();
    expect(httpStatusOf('')).toBeUndefined();
  });
});

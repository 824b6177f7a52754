import { describe, expect, it } from '@jest/globals';
import {
  DATE_FORMAT_MESSAGE,
  DATE_NONEXISTENT_MESSAGE,
  formatVnDate,
  isIsoDate,
  parseVnDate,
  toDateFormValue,
  validateVnDate,
} from './vnDate';

describe('parseVnDate (dd/MM/yyyy → yyyy-MM-dd)', () => {
  it('reads day first, with or without leading zeros', () => {
    expect(parseVnDate('30/06/2025')).toBe('2025-06-30');
    expect(parseVnDate('30/6/2025')).toBe('2025-06-30');
    expect(parseVnDate('1/7/2025')).toBe('2025-07-01');
    expect(parseVnDate(' 01/07/2025 ')).toBe('2025-07-01');
  });

  it('accepts dots and dashes between the parts, and a pasted ISO date', () => {
    expect(parseVnDate('30.06.2025')).toBe('2025-06-30');
    expect(parseVnDate('30-06-2025')).toBe('2025-06-30');
    expect(parseVnDate('2025-06-30')).toBe('2025-06-30');
  });

  it('never reads month first', () => {
    expect(parseVnDate('06/30/2025')).toBeNull();
    expect(parseVnDate('12/01/2025')).toBe('2025-01-12');
  });

  it('rejects days that do not exist', () => {
    expect(parseVnDate('31/02/2025')).toBeNull();
    expect(parseVnDate('29/02/2025')).toBeNull();
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
    expect(parseVnDate('29/02/1900')).toBeNull();
    expect(parseVnDate('29/02/2000')).toBe('2000-02-29');
    expect(parseVnDate('31/04/2025')).toBeNull();
    expect(parseVnDate('00/01/2025')).toBeNull();
    expect(parseVnDate('01/13/2025')).toBeNull();
    expect(parseVnDate('2025-02-31')).toBeNull();
  });

  it('rejects incomplete or malformed text', () => {
    for (const text of [
      '',
      '   ',
      '30/06',
      '30/06/25',
      '30/06/202',
      '30/06/20255',
      '30/06/0202',
      '3006/2025',
      'ngày 30/06/2025',
      '30 06 2025',
      '30/06-2025x',
    ]) {
      expect(parseVnDate(text)).toBeNull();
    }
  });
});

describe('formatVnDate (form value → text)', () => {
  it('shows yyyy-MM-dd as dd/MM/yyyy', () => {
    expect(formatVnDate('2025-06-30')).toBe('30/06/2025');
    expect(formatVnDate('2025-07-01')).toBe('01/07/2025');
  });

  it('cuts a timestamp or a Date to its (UTC) day', () => {
    expect(formatVnDate('2025-06-30T00:00:00.000Z')).toBe('30/06/2025');
    expect(formatVnDate(new Date('2025-06-30T00:00:00Z'))).toBe('30/06/2025');
    expect(formatVnDate(new Date('invalid'))).toBe('');
  });

  it('shows nothing for an empty value', () => {
    expect(formatVnDate(null)).toBe('');
    expect(formatVnDate(undefined)).toBe('');
    expect(formatVnDate('')).toBe('');
    expect(formatVnDate(42)).toBe('');
  });

  it('shows text still being typed as it is', () => {
    expect(formatVnDate('30/06')).toBe('30/06');
    expect(formatVnDate('31/02/2025')).toBe('31/02/2025');
    expect(formatVnDate('2025-02-31')).toBe('2025-02-31');
  });

  it('round-trips with parseVnDate', () => {
    for (const iso of ['2025-06-30', '2024-02-29', '1930-02-03', '2099-12-31']) {
      expect(parseVnDate(formatVnDate(iso))).toBe(iso);
    }
  });
});

describe('toDateFormValue (typed text → form value)', () => {
  it('keeps an empty input as null', () => {
    expect(toDateFormValue('')).toBeNull();
    expect(toDateFormValue('  ')).toBeNull();
  });

  it('stores a real date as yyyy-MM-dd', () => {
    expect(toDateFormValue('30/6/2025')).toBe('2025-06-30');
  });

  it('keeps anything else as typed, for the validator to report', () => {
    expect(toDateFormValue('30/06')).toBe('30/06');
    expect(toDateFormValue(' 31/02/2025 ')).toBe('31/02/2025');
  });
});

describe('isIsoDate', () => {
  it('accepts only real dates written yyyy-MM-dd', () => {
    expect(isIsoDate('2025-06-30')).toBe(true);
    expect(isIsoDate('2025-6-30')).toBe(false);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('30/06/2025')).toBe(false);
    expect(isIsoDate('2025-06-30T00:00:00Z')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('validateVnDate', () => {
  it('accepts an empty value and a date', () => {
    expect(validateVnDate(null)).toBeUndefined();
    expect(validateVnDate(undefined)).toBeUndefined();
    expect(validateVnDate('')).toBeUndefined();
    expect(validateVnDate('2025-06-30')).toBeUndefined();
    expect(validateVnDate(new Date('2025-06-30T00:00:00Z'))).toBeUndefined();
  });

  it('names a date that does not exist', () => {
    expect(validateVnDate(toDateFormValue('31/02/2025'))).toEqual({ message: DATE_NONEXISTENT_MESSAGE, args: { date: '31/02/2025' } });
  });

  it('asks for dd/mm/yyyy otherwise', () => {
    expect(validateVnDate(toDateFormValue('30/06'))).toBe(DATE_FORMAT_MESSAGE);
    expect(validateVnDate(toDateFormValue('06/30/2025'))).toEqual({ message: DATE_NONEXISTENT_MESSAGE, args: { date: '06/30/2025' } });
    expect(validateVnDate('hôm qua')).toBe(DATE_FORMAT_MESSAGE);
  });
});

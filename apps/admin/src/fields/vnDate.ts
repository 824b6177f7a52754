/**
 * Dates as Vietnamese users type and read them (dd/MM/yyyy), and as the API stores them (yyyy-MM-dd).
 * Pure functions, used by VnDateInput and unit-tested.
 */

/** Translation keys of the validation messages. */
export const DATE_FORMAT_MESSAGE = 'danvan.validation.dateFormat';
export const DATE_NONEXISTENT_MESSAGE = 'danvan.validation.dateNonexistent';

/** Shown in an empty date input. */
export const VN_DATE_PLACEHOLDER = 'dd/mm/yyyy';

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** Whether day/month/year name a day of the Gregorian calendar (31/02 does not; 29/02 only in leap years). */
const isCalendarDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
};

const toIso = (year: number, month: number, day: number): string => `${year}-${pad2(month)}-${pad2(day)}`;

/** `d/M/yyyy` (years 1000–9999) with `/`, `.` or `-` between the parts (30/06/2025, 30/6/2025, 30.06.2025, 30-06-2025). */
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-]([1-9]\d{3})$/;
/** yyyy-MM-dd, e.g. pasted from a system that uses ISO dates. Years start at 1000: 0202 is a typo, not a date. */
const ISO_DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

type Parsed = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'nonexistent' } | { kind: 'malformed' };

const parse = (text: string): Parsed => {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const vn = VN_DATE.exec(trimmed);
  const iso = vn ? undefined : ISO_DATE.exec(trimmed);
  const parts = vn ? { day: vn[1], month: vn[2], year: vn[3] } : iso ? { day: iso[3], month: iso[2], year: iso[1] } : undefined;
  if (!parts) return { kind: 'malformed' };
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  return isCalendarDate(year, month, day) ? { kind: 'date', iso: toIso(year, month, day) } : { kind: 'nonexistent' };
};

/** `30/06/2025` or `30/6/2025` → `2025-06-30`; null for blank text and anything that is not a real date. */
export const parseVnDate = (text: string): string | null => {
  const parsed = parse(text);
  return parsed.kind === 'date' ? parsed.iso : null;
};

/** Whether `value` is a real calendar date written yyyy-MM-dd (the only form value the API accepts). */
export const isIsoDate = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
};

/**
 * Form value → the text the input shows. `2025-06-30` (or a timestamp starting with it, or a Date) → `30/06/2025`;
 * null/undefined/'' → ''; any other string is text still being typed and is shown as it is.
 */
export const formatVnDate = (value: unknown): string => {
  if (value == null) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${pad2(value.getUTCDate())}/${pad2(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (typeof value !== 'string') return '';
  const datePart = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  if (datePart && isIsoDate(`${datePart[1]}-${datePart[2]}-${datePart[3]}`)) return `${datePart[3]}/${datePart[2]}/${datePart[1]}`;
  return value;
};

/**
 * Typed text → form value: null when blank, yyyy-MM-dd when it is a real date, otherwise the text itself,
 * kept so that the validator can say what is wrong (and the form cannot be saved with it).
 */
export const toDateFormValue = (text: string): string | null => {
  const parsed = parse(text);
  if (parsed.kind === 'empty') return null;
  if (parsed.kind === 'date') return parsed.iso;
  return text.trim();
};

/**
 * react-admin validator of the form value: accepts empty values and yyyy-MM-dd dates; otherwise a
 * translation key, naming the date when it has the right shape but does not exist (31/02/2025).
 */
export const validateVnDate = (value: unknown): string | { message: string; args: Record<string, unknown> } | undefined => {
  if (value == null || value === '' || value instanceof Date || isIsoDate(value)) return undefined;
  const text = String(value);
  return parse(text).kind === 'nonexistent' ? { message: DATE_NONEXISTENT_MESSAGE, args: { date: text.trim() } } : DATE_FORMAT_MESSAGE;
};

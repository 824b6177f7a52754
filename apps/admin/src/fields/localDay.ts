/**
 * Calendar days (yyyy-MM-dd, as VnDateInput gives them) → instants for the API's DateTime filters and
 * fields, in the browser's time zone: the day a Vietnamese user picks runs from 00:00 to 23:59 in Vietnam.
 */
import { isIsoDate } from './vnDate';

const parts = (isoDate: string): [number, number, number] => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return [year, month, day];
};

/** 00:00:00.000 local time of the day, as an ISO instant; undefined unless `value` is a yyyy-MM-dd date. */
export const localDayStart = (value: unknown): string | undefined => {
  if (!isIsoDate(value)) return undefined;
  const [year, month, day] = parts(value);
  return new Date(year, month - 1, day, 0, 0, 0, 0).toISOString();
};

/** 23:59:59.999 local time of the day, as an ISO instant; undefined unless `value` is a yyyy-MM-dd date. */
export const localDayEnd = (value: unknown): string | undefined => {
  if (!isIsoDate(value)) return undefined;
  const [year, month, day] = parts(value);
  return new Date(year, month - 1, day, 23, 59, 59, 999).toISOString();
};

/** The day `now` falls on in the browser's time zone, as yyyy-MM-dd (today by default). */
export const todayIso = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

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

/** Vietnam's time zone: the calendar of every date the admin proposes (decisions, recognitions, expiries). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const vietnamDay = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The day `now` falls on in Vietnam (Asia/Ho_Chi_Minh, whatever the browser's own time zone), as yyyy-MM-dd
 * (today by default): the date a decision taken in Vietnam carries.
 */
export const todayIso = (now: Date = new Date()): string => vietnamDay.format(now);

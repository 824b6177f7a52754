import { DateField, type DateFieldProps } from 'react-admin';

/**
 * `vi-VN` alone prints 5/1/2026; two-digit day and month give dd/MM/yyyy (05/01/2026).
 * A `Date` value (yyyy-MM-dd) is read as UTC midnight, so it is printed in UTC to stay on the same day.
 */
const DATE_OPTIONS: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
/** A `DateTime` is shown in the user's time zone: "14:05 23/11/2026". */
const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** Every date of the admin goes through this field. */
export const VnDateField = (props: DateFieldProps) => (
  <DateField locales="vi-VN" options={props.showTime ? DATE_TIME_OPTIONS : DATE_OPTIONS} {...props} />
);

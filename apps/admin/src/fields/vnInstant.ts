/** An instant (ISO timestamp) as a Vietnamese reader sees it, in the browser's time zone: 23/11/2026 or 14:05 23/11/2026. */
const DAY: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const DAY_TIME: Intl.DateTimeFormatOptions = { ...DAY, hour: '2-digit', minute: '2-digit' };

export const formatVnInstant = (value: string | null | undefined, withTime = false): string => {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat('vi-VN', withTime ? DAY_TIME : DAY).format(date);
};

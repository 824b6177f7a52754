import { DomainError } from '@danvan/core';

/** A movement ends on or after the day it starts (an open end is allowed). */
export function assertMovementDates(startsOn: string, endsOn: string | null): void {
  if (endsOn && endsOn < startsOn) throw DomainError.rule('endsOn', 'beforeStart', 'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.');
}

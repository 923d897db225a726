import { type CalendarDate, calendarDateAt, parseIsoDate } from '../../core/text/calendar.ts';
import type { ServiceContext } from '../context.ts';
import { InputError } from '../input-error.ts';

/** Today in the hall (China Standard Time), from the injected clock. */
export function today(context: Pick<ServiceContext, 'clock'>): CalendarDate {
  return calendarDateAt(context.clock.now());
}

/** A strict YYYY-MM-DD that names a real day, or an InputError naming the field. */
export function isoDay(value: string, field: string): string {
  if (!parseIsoDate(value)) {
    throw new InputError(
      field,
      `${value} is not a date (YYYY-MM-DD)`,
      `${value}不是有效日期（应为YYYY-MM-DD）`,
    );
  }
  return value;
}

/** `from` must not be after `to` (both YYYY-MM-DD or ISO times: text order is time order). */
export function notBefore(
  from: string | null | undefined,
  to: string | null | undefined,
  field: string,
): void {
  if (from && to && to < from) {
    throw new InputError(
      field,
      `ends (${to}) before it starts (${from})`,
      `结束（${to}）早于开始（${from}）`,
    );
  }
}

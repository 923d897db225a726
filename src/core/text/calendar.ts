// Plain calendar dates (proleptic Gregorian), with no Date objects and no clock: the caller injects
// "today" so that every check that depends on the date is reproducible in tests.

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Negative when a is earlier, 0 on the same day, positive when a is later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** 'YYYY-MM-DD', the form dates take in drafts, the database and JSON. */
export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** Parses a strict 'YYYY-MM-DD' that names a real day; anything else gives undefined. */
export function parseIsoDate(s: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

/**
 * The calendar date of an instant in a fixed UTC offset (China Standard Time, UTC+8, has no
 * daylight saving). The instant comes from the caller's clock; this function only converts it.
 */
export function calendarDateAt(instant: Date, utcOffsetMinutes = 480): CalendarDate {
  const shifted = new Date(instant.getTime() + utcOffsetMinutes * 60_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

// Dates and times as the Chinese press writes them (2021年9月27日, 9月27日上午, 上午9时整,
// 11月4日至6日) and as the English edition writes them (27 September 2021). Input is a plain
// record, never a Date from the clock. Digits are Arabic and unpadded, as in the seeds.

import { type CalendarDate, compareDates, isValidDate } from './calendar.ts';

export interface PressDateTime extends CalendarDate {
  hour?: number; // 0–23
  minute?: number; // 0–59
}

export interface ClockTime {
  hour: number;
  minute?: number;
}

/**
 * The day part written before a 12-hour time. The brief named 上午/下午/晚上; 凌晨 and 中午 are
 * added because "上午1时" or "下午12时" is wrong Chinese for 1:00 and 12:00.
 */
export type DayPart = '凌晨' | '上午' | '中午' | '下午' | '晚上';

function checkDate(d: CalendarDate): void {
  if (!isValidDate(d.year, d.month, d.day)) {
    throw new RangeError(`not a calendar date: ${d.year}-${d.month}-${d.day}`);
  }
}

function checkTime(t: ClockTime): void {
  const minute = t.minute ?? 0;
  if (
    !Number.isInteger(t.hour) ||
    t.hour < 0 ||
    t.hour > 23 ||
    !Number.isInteger(minute) ||
    minute < 0 ||
    minute > 59
  ) {
    throw new RangeError(`not a time of day: ${t.hour}:${minute}`);
  }
}

function requireHour(d: PressDateTime): ClockTime {
  if (d.hour === undefined) throw new RangeError('this form needs the hour');
  const time = { hour: d.hour, minute: d.minute ?? 0 };
  checkTime(time);
  return time;
}

/** 2021年9月27日 */
export function pressDate(d: CalendarDate): string {
  checkDate(d);
  return `${d.year}年${d.month}月${d.day}日`;
}

/** 9月27日 */
export function pressMonthDay(d: CalendarDate): string {
  checkDate(d);
  return `${d.month}月${d.day}日`;
}

/** 0–5 凌晨, 6–11 上午, 12 中午, 13–17 下午, 18–23 晚上. */
export function pressDayPart(hour: number): DayPart {
  checkTime({ hour });
  if (hour < 6) return '凌晨';
  if (hour < 12) return '上午';
  if (hour === 12) return '中午';
  if (hour < 18) return '下午';
  return '晚上';
}

/** 9月27日上午 */
export function pressMonthDayPart(d: PressDateTime): string {
  return pressMonthDay(d) + pressDayPart(requireHour(d).hour);
}

/** The hour on a 12-hour dial as the press writes it after the day part: 凌晨0时, 中午12时, 下午3时. */
function twelveHour(hour: number): number {
  return hour > 12 ? hour - 12 : hour;
}

/**
 * 上午9时整 on the hour, 上午8时20分 otherwise. Minutes below ten are zero-padded (9时05分),
 * as Xinhua writes times.
 */
export function pressTime(t: ClockTime): string {
  checkTime(t);
  const minute = t.minute ?? 0;
  const clock = `${twelveHour(t.hour)}时` + (minute === 0 ? '整' : `${String(minute).padStart(2, '0')}分`);
  return pressDayPart(t.hour) + clock;
}

/** 9月27日上午9时整 */
export function pressMonthDayTime(d: PressDateTime): string {
  return pressMonthDay(d) + pressTime(requireHour(d));
}

export interface RangeOptions {
  /** Write the year; default false, as the press does. A range across two years always has both. */
  withYear?: boolean;
}

function checkRange(start: CalendarDate, end: CalendarDate): void {
  checkDate(start);
  checkDate(end);
  if (compareDates(start, end) > 0) throw new RangeError('a date range cannot end before it starts');
}

/** 11月4日至6日 in one month, 10月30日至11月2日 across months, a single date when start = end. */
export function pressDateRange(start: CalendarDate, end: CalendarDate, options: RangeOptions = {}): string {
  checkRange(start, end);
  const crossesYear = start.year !== end.year;
  const withYear = options.withYear === true || crossesYear;
  const first = withYear ? pressDate(start) : pressMonthDay(start);
  if (compareDates(start, end) === 0) return first;
  if (crossesYear) return `${first}至${pressDate(end)}`;
  if (start.month === end.month) return `${first}至${end.day}日`;
  return `${first}至${pressMonthDay(end)}`;
}

// ---- English edition -------------------------------------------------------------------------

/** The months' English names, as the English edition and the console print them. */
export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const monthEn = (month: number): string => MONTHS_EN[month - 1]!;

/** 27 September 2021 */
export function pressDateEn(d: CalendarDate): string {
  checkDate(d);
  return `${d.day} ${monthEn(d.month)} ${d.year}`;
}

/** 27 September */
export function pressMonthDayEn(d: CalendarDate): string {
  checkDate(d);
  return `${d.day} ${monthEn(d.month)}`;
}

const DAY_PARTS_EN: Readonly<Record<DayPart, string>> = {
  凌晨: 'early morning',
  上午: 'morning',
  中午: 'midday',
  下午: 'afternoon',
  晚上: 'evening',
};

/** morning, afternoon, evening (and early morning, midday), matching pressDayPart. */
export function pressDayPartEn(hour: number): string {
  return DAY_PARTS_EN[pressDayPart(hour)];
}

/** 9:00 am, 8:20 am, 12:30 pm, 12:15 am */
export function pressTimeEn(t: ClockTime): string {
  checkTime(t);
  const minute = String(t.minute ?? 0).padStart(2, '0');
  const hour = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${hour}:${minute} ${t.hour < 12 ? 'am' : 'pm'}`;
}

/** 4–6 November, 30 October – 2 November, 30 December 2021 – 2 January 2022 (en dash). */
export function pressDateRangeEn(start: CalendarDate, end: CalendarDate, options: RangeOptions = {}): string {
  checkRange(start, end);
  const crossesYear = start.year !== end.year;
  const year = options.withYear === true && !crossesYear ? ` ${end.year}` : '';
  if (compareDates(start, end) === 0) return pressMonthDayEn(start) + year;
  if (crossesYear) return `${pressDateEn(start)} – ${pressDateEn(end)}`;
  if (start.month === end.month) return `${start.day}–${end.day} ${monthEn(end.month)}${year}`;
  return `${pressMonthDayEn(start)} – ${pressMonthDayEn(end)}${year}`;
}

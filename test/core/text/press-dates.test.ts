import { describe, expect, it } from 'vitest';
import {
  pressDate,
  pressDateEn,
  pressDateRange,
  pressDateRangeEn,
  pressDayPart,
  pressDayPartEn,
  pressMonthDay,
  pressMonthDayEn,
  pressMonthDayPart,
  pressMonthDayTime,
  pressTime,
  pressTimeEn,
} from '../../../src/core/text/press-dates.ts';

const opening = { year: 2021, month: 9, day: 27, hour: 9, minute: 0 };

describe('press dates (Chinese)', () => {
  it('writes the Tongliao seed’s date and times', () => {
    expect(pressDate(opening)).toBe('2021年9月27日');
    expect(pressMonthDay(opening)).toBe('9月27日');
    expect(pressMonthDayPart(opening)).toBe('9月27日上午');
    expect(pressTime({ hour: 9 })).toBe('上午9时整');
    expect(pressTime({ hour: 8, minute: 20 })).toBe('上午8时20分');
    expect(pressMonthDayTime(opening)).toBe('9月27日上午9时整');
  });

  it('uses the 12-hour dial after the day part', () => {
    expect(pressTime({ hour: 15, minute: 30 })).toBe('下午3时30分');
    expect(pressTime({ hour: 19 })).toBe('晚上7时整');
    expect(pressTime({ hour: 12, minute: 10 })).toBe('中午12时10分');
    expect(pressTime({ hour: 0, minute: 30 })).toBe('凌晨0时30分');
    expect(pressTime({ hour: 9, minute: 5 })).toBe('上午9时05分');
  });

  it.each([
    [0, '凌晨'],
    [5, '凌晨'],
    [6, '上午'],
    [11, '上午'],
    [12, '中午'],
    [13, '下午'],
    [17, '下午'],
    [18, '晚上'],
    [23, '晚上'],
  ])('hour %i is %s', (hour, part) => {
    expect(pressDayPart(hour)).toBe(part);
  });

  it('writes ranges as the Dalian seed does', () => {
    const nov = (day: number) => ({ year: 2021, month: 11, day });
    expect(pressDateRange(nov(4), nov(6))).toBe('11月4日至6日');
    expect(pressDateRange({ year: 2021, month: 10, day: 30 }, nov(2))).toBe('10月30日至11月2日');
    expect(pressDateRange(nov(4), nov(6), { withYear: true })).toBe('2021年11月4日至6日');
    expect(pressDateRange(nov(4), nov(4))).toBe('11月4日');
    expect(pressDateRange({ year: 2021, month: 12, day: 30 }, { year: 2022, month: 1, day: 2 })).toBe(
      '2021年12月30日至2022年1月2日',
    );
  });

  it('rejects impossible dates, times and reversed ranges', () => {
    expect(() => pressDate({ year: 2021, month: 2, day: 29 })).toThrow(RangeError);
    expect(pressDate({ year: 2024, month: 2, day: 29 })).toBe('2024年2月29日');
    expect(() => pressTime({ hour: 24 })).toThrow(RangeError);
    expect(() => pressTime({ hour: 9, minute: 60 })).toThrow(RangeError);
    expect(() => pressMonthDayPart({ year: 2021, month: 9, day: 27 })).toThrow(RangeError);
    expect(() =>
      pressDateRange({ year: 2021, month: 11, day: 6 }, { year: 2021, month: 11, day: 4 }),
    ).toThrow(RangeError);
  });
});

describe('press dates (English edition)', () => {
  it('writes day month year', () => {
    expect(pressDateEn(opening)).toBe('27 September 2021');
    expect(pressMonthDayEn(opening)).toBe('27 September');
    expect(pressDayPartEn(9)).toBe('morning');
    expect(pressDayPartEn(15)).toBe('afternoon');
    expect(pressDayPartEn(20)).toBe('evening');
  });

  it('writes 12-hour times', () => {
    expect(pressTimeEn({ hour: 9 })).toBe('9:00 am');
    expect(pressTimeEn({ hour: 8, minute: 20 })).toBe('8:20 am');
    expect(pressTimeEn({ hour: 12, minute: 30 })).toBe('12:30 pm');
    expect(pressTimeEn({ hour: 0, minute: 15 })).toBe('12:15 am');
    expect(pressTimeEn({ hour: 15, minute: 5 })).toBe('3:05 pm');
  });

  it('writes ranges', () => {
    const nov = (day: number) => ({ year: 2021, month: 11, day });
    expect(pressDateRangeEn(nov(4), nov(6))).toBe('4–6 November');
    expect(pressDateRangeEn(nov(4), nov(6), { withYear: true })).toBe('4–6 November 2021');
    expect(pressDateRangeEn({ year: 2021, month: 10, day: 30 }, nov(2))).toBe('30 October – 2 November');
    expect(pressDateRangeEn({ year: 2021, month: 12, day: 30 }, { year: 2022, month: 1, day: 2 })).toBe(
      '30 December 2021 – 2 January 2022',
    );
    expect(pressDateRangeEn(nov(4), nov(4), { withYear: true })).toBe('4 November 2021');
  });
});

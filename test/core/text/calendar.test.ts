import { describe, expect, it } from 'vitest';
import {
  calendarDateAt,
  compareDates,
  daysInMonth,
  formatIsoDate,
  isLeapYear,
  isValidDate,
  parseIsoDate,
} from '../../../src/core/text/calendar.ts';

describe('calendar', () => {
  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(isValidDate(2021, 4, 31)).toBe(false);
    expect(isValidDate(2021, 13, 1)).toBe(false);
    expect(isValidDate(2021, 12, 31)).toBe(true);
  });

  it('parses and formats strict ISO dates', () => {
    expect(parseIsoDate('1975-03-12')).toEqual({ year: 1975, month: 3, day: 12 });
    expect(parseIsoDate('1975-3-12')).toBeUndefined();
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(formatIsoDate({ year: 1975, month: 3, day: 2 })).toBe('1975-03-02');
    expect(compareDates({ year: 2021, month: 9, day: 27 }, { year: 2021, month: 11, day: 4 })).toBeLessThan(
      0,
    );
  });

  it('takes today in China time from an instant the caller supplies', () => {
    // 17:00 UTC on 26 September is 01:00 on 27 September in Beijing.
    expect(calendarDateAt(new Date('2021-09-26T17:00:00Z'))).toEqual({ year: 2021, month: 9, day: 27 });
    expect(calendarDateAt(new Date('2021-09-26T15:59:59Z'))).toEqual({ year: 2021, month: 9, day: 26 });
  });
});

import { describe, expect, it } from 'vitest';
import { compareSheetDate, parseSheetDate } from '../../../src/core/text/sheet-date.ts';

describe('parseSheetDate', () => {
  it.each([
    ['1975-03-12', '1975-03-12'],
    ['1975-3-12', '1975-03-12'],
    ['1975/3/12', '1975-03-12'],
    ['1975.03.12', '1975-03-12'],
    ['1975年3月12日', '1975-03-12'],
    ['19750312', '1975-03-12'],
    ['1975-03-12 00:00:00', '1975-03-12'],
    ['1975.03', '1975-03'],
    ['1975.3', '1975-03'],
    ['1975.10', '1975-10'],
    ['1975年3月', '1975-03'],
    ['1975-03', '1975-03'],
    ['197503', '1975-03'],
    // Excel serial for 1975-03-12, left when a date column was reformatted as General.
    ['27465', '1975-03-12'],
    ['2000-02-29', '2000-02-29'],
  ])('%s → %s', (input, value) => {
    expect(parseSheetDate(input)).toEqual({ ok: true, value });
  });

  it('marks 1975.1 as possibly October', () => {
    expect(parseSheetDate('1975.1')).toEqual({ ok: true, value: '1975-01', ambiguousWith: '1975-10' });
    expect(parseSheetDate('1975.01')).toEqual({ ok: true, value: '1975-01' });
    expect(parseSheetDate('1975年1月')).toEqual({ ok: true, value: '1975-01' });
  });

  it.each([
    '',
    '1975',
    '1975年',
    '1975-13',
    '1975-02-29',
    '1899-12-31',
    '75.3',
    'March 1975',
    '1975.03.12.1',
  ])('rejects %j with reasons in both languages', (input) => {
    const result = parseSheetDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.en).not.toBe('');
      expect(result.reason.zh).not.toBe('');
    }
  });

  it('compares at the precision of the sheet date', () => {
    const today = { year: 2025, month: 11, day: 24 };
    expect(compareSheetDate('2025-11', today)).toBe(0);
    expect(compareSheetDate('2025-12', today)).toBeGreaterThan(0);
    expect(compareSheetDate('2025-11-25', today)).toBeGreaterThan(0);
    expect(compareSheetDate('2025-11-23', today)).toBeLessThan(0);
  });
});

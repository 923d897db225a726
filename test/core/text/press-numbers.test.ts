import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatCountRange,
  formatNumber,
  formatPercent,
  percentTenths,
} from '../../../src/core/text/press-numbers.ts';

describe('counts', () => {
  it('writes the Tongliao seed’s attendance figures', () => {
    expect(formatCount(417, '名')).toBe('417名');
    expect(formatCount(4, '人')).toBe('4人');
    expect(formatCount(413, '名')).toBe('413名');
  });

  it('has no separator below 10,000 and groups by threes from there', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(2296)).toBe('2296');
    expect(formatNumber(9999)).toBe('9999');
    expect(formatNumber(10000)).toBe('10,000');
    expect(formatNumber(1234567)).toBe('1,234,567');
  });

  it('writes ranges with 至', () => {
    expect(formatCountRange(3, 5, '名')).toBe('3至5名');
    expect(formatCountRange(5, 5, '名')).toBe('5名');
    expect(() => formatCountRange(6, 5, '名')).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN])('rejects %s', (n) => {
    expect(() => formatCount(n, '名')).toThrow(RangeError);
  });
});

describe('percentages', () => {
  it.each([
    [1, 2, '50%'],
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [413, 417, '99%'],
    [1, 8, '12.5%'],
    [1, 40, '2.5%'],
    [0, 7, '0%'],
    [7, 7, '100%'],
    [3, 2, '150%'],
    // 1/16 = 6.25% rounds half up.
    [1, 16, '6.3%'],
  ])('%i / %i → %s', (num, den, text) => {
    expect(formatPercent(num, den)).toBe(text);
  });

  it('never prints 100% or 0% for a share that is not all or none', () => {
    expect(formatPercent(1999, 2000)).toBe('99.9%');
    expect(formatPercent(1, 2001)).toBe('0.1%');
    expect(formatPercent(20001, 20000)).toBe('100.1%');
  });

  it('rounds exactly like rational arithmetic (property)', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (num, den) => {
        const tenths = percentTenths(num, den);
        // tenths is the nearest integer to 1000·num/den, halves going up.
        expect(2 * tenths * den <= 2000 * num + den).toBe(true);
        expect(2000 * num + den < 2 * (tenths + 1) * den).toBe(true);
      }),
    );
  });

  it('rejects a zero denominator', () => {
    expect(() => formatPercent(1, 0)).toThrow(RangeError);
  });
});

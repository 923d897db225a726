import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromChineseNumeral,
  MAX_CHINESE_NUMERAL,
  toChineseNumeral,
} from '../../../src/core/text/chinese-numerals.ts';

describe('toChineseNumeral', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [2, '二'],
    [10, '十'],
    [13, '十三'],
    [20, '二十'],
    [21, '二十一'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1000, '一千'],
    [1005, '一千零五'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [10000, '一万'],
    [20300, '二万零三百'],
    [10010, '一万零一十'],
    [100000, '十万'],
    [150000, '十五万'],
    [100010, '十万零一十'],
    [1001000, '一百万一千'],
    [1000100, '一百万零一百'],
    [2030000, '二百零三万'],
    [10001000, '一千万一千'],
    [99_999_999, '九千九百九十九万九千九百九十九'],
  ])('%i → %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text);
  });

  it.each([-1, 1.5, 100_000_000, Number.NaN])('rejects %s', (n) => {
    expect(() => toChineseNumeral(n)).toThrow(RangeError);
  });
});

describe('fromChineseNumeral', () => {
  it.each([
    ['零', 0],
    ['〇', 0],
    ['十三', 13],
    ['一十三', 13],
    ['两', 2],
    ['两百', 200],
    ['两万零三百', 20300],
    ['一百〇五', 105],
    ['一百十', 110],
    ['二〇二一', 2021],
    ['一九七五', 1975],
    [' 四百一十七 ', 417],
  ])('%s → %i', (text, n) => {
    expect(fromChineseNumeral(text)).toBe(n);
  });

  // Spoken shorthand (一百五 = 150) and malformed strings are not guessed at.
  it.each([
    '',
    '万',
    '一百五',
    '一万三',
    '十十',
    '百',
    '一百零',
    '零五十',
    '一百零十',
    '三百二千',
    '一万万',
    'abc',
    '13',
  ])('rejects %j', (text) => {
    expect(fromChineseNumeral(text)).toBeUndefined();
  });

  it('round-trips every number below 20,000 exhaustively', () => {
    for (let n = 0; n < 20_000; n++) {
      if (fromChineseNumeral(toChineseNumeral(n)) !== n) expect.fail(`round trip failed for ${n}`);
    }
  });

  it('round-trips any number in range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CHINESE_NUMERAL }), (n) => {
        expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
      }),
      { numRuns: 20_000 },
    );
  });

  it('round-trips numbers with many zeros (property)', () => {
    // Random digits are mostly non-zero; this generator favours the zero rules.
    const digit = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 9 }));
    fc.assert(
      fc.property(fc.array(digit, { minLength: 1, maxLength: 8 }), (digits) => {
        const n = Number(digits.join(''));
        expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
      }),
      { numRuns: 20_000 },
    );
  });
});

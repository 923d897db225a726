import type { Fraction } from './types.ts';

// Thresholds are decided in integers only: a float can put 208.49999 on the wrong side of a seat.

/** x > (p/q)·n, i.e. x·q > p·n. */
export function exceedsFraction(x: number, fraction: Fraction, n: number): boolean {
  return x * fraction.denominator > fraction.numerator * n;
}

/** The least integer x with x > (p/q)·n. */
export function leastIntegerAbove(fraction: Fraction, n: number): number {
  const product = fraction.numerator * n;
  // Integer floor division (exact for non-negative integers, unlike a float quotient near a whole number).
  return (product - (product % fraction.denominator)) / fraction.denominator + 1;
}

export function formatFraction(fraction: Fraction): string {
  return `${fraction.numerator}/${fraction.denominator}`;
}

export function parseFraction(text: string): Fraction | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const numerator = Number(match[1]);
  const denominator = Number(match[2]);
  if (denominator === 0 || numerator > denominator) return undefined;
  return { numerator, denominator };
}

export const HALF: Fraction = { numerator: 1, denominator: 2 };
export const TWO_THIRDS: Fraction = { numerator: 2, denominator: 3 };
export const FOUR_FIFTHS: Fraction = { numerator: 4, denominator: 5 };

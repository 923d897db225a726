// Counts and shares as the press writes them: Arabic digits followed directly by the measure
// word (417名, 4人), percentages with one decimal only when it is not zero (50%, 33.3%).
// Everything is computed in integers; no floating point reaches a printed figure.

function checkCount(n: number, what = 'count'): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/**
 * 417, 2296, 12,345. Below 10,000 there is no separator, as the press writes counts; from
 * 10,000 up the digits are grouped by threes with commas (GB/T 15835 千分撇) rather than
 * rounded to 万, because a count printed in a result must stay exact.
 */
export function formatNumber(n: number): string {
  checkCount(n);
  const digits = String(n);
  return n < 10_000 ? digits : digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** formatCount(417, '名') → 417名; formatCount(4, '人') → 4人 */
export function formatCount(n: number, measureWord: string): string {
  return formatNumber(n) + measureWord;
}

/** formatCountRange(3, 5, '名') → 3至5名; equal bounds give a single count. */
export function formatCountRange(min: number, max: number, measureWord: string): string {
  checkCount(min, 'min');
  checkCount(max, 'max');
  if (min > max) throw new RangeError(`range minimum ${min} exceeds maximum ${max}`);
  if (min === max) return formatCount(min, measureWord);
  return `${formatNumber(min)}至${formatCount(max, measureWord)}`;
}

/**
 * numerator / denominator in tenths of a percent, rounded half up (四舍五入), exactly:
 * BigInt keeps 1000 × numerator exact however large the counts are.
 */
export function percentTenths(numerator: number, denominator: number): number {
  checkCount(numerator, 'numerator');
  checkCount(denominator, 'denominator');
  if (denominator === 0) throw new RangeError('denominator must be positive');
  const num = BigInt(numerator) * 2000n + BigInt(denominator);
  return Number(num / (BigInt(denominator) * 2n));
}

/**
 * 50%, 33.3%, 66.7%. A share that is not exactly all or none is never printed as 100% or 0%:
 * 1999 of 2000 reads 99.9%, not 100%, so that a figure never claims a unanimity (or an absence)
 * that the count does not show.
 */
export function formatPercent(numerator: number, denominator: number): string {
  let tenths = percentTenths(numerator, denominator);
  if (tenths === 1000 && numerator !== denominator) tenths = numerator < denominator ? 999 : 1001;
  if (tenths === 0 && numerator > 0) tenths = 1;
  const whole = Math.floor(tenths / 10);
  const decimal = tenths % 10;
  return (decimal === 0 ? String(whole) : `${whole}.${decimal}`) + '%';
}

// Chinese numerals as official text writes them (第十三次, 一百零五, 二万零三百).
// Zeros follow the school rule: a zero at the end of a four-digit group is silent, any other run
// of zeros is read as one 零 (1005 一千零五, 20300 二万零三百, 10001000 一千万一千). A number that
// starts in the tens place drops the leading 一 (十三, 十五万) but keeps it inside (一百一十).

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const GROUP_UNITS = ['', '十', '百', '千'] as const;

export const MAX_CHINESE_NUMERAL = 99_999_999;

/** A group of four digits (1–9999) without trailing zeros; a zero run inside becomes one 零. */
function groupToChinese(group: number): string {
  let out = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      // A zero only matters once a higher digit has been written.
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[digit]! + GROUP_UNITS[place]!;
  }
  return out;
}

/** The official written form of an integer from 0 to 99,999,999. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_CHINESE_NUMERAL) {
    throw new RangeError(`toChineseNumeral: ${n} is not an integer from 0 to ${MAX_CHINESE_NUMERAL}`);
  }
  if (n === 0) return '零';
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  let out = '';
  if (high > 0) out += groupToChinese(high) + '万';
  // 二万零三百: the low group needs a 零 when it does not reach the thousands place.
  if (low > 0) out += (high > 0 && low < 1000 ? '零' : '') + groupToChinese(low);
  // 十三, 十五万: the leading 一 of 一十 is dropped only at the very start of the number.
  return out.startsWith('一十') ? out.slice(1) : out;
}

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A group below 10,000. A bare digit after 百 or 千 without 零 (一百五) is the spoken shorthand
 * for 150 but could also be a slip for 105; official text never writes it, so it is rejected.
 */
function parseGroup(s: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10_000;
  let afterZero = false;
  for (const ch of s) {
    const d = DIGIT_VALUES[ch];
    if (d === 0) {
      // 零 stands between a written unit and a lower digit: 一百零五, never 零零 or 五零.
      if (digit !== undefined || afterZero || lastUnit === 10_000) return undefined;
      afterZero = true;
    } else if (d !== undefined) {
      if (digit !== undefined) return undefined;
      digit = d;
    } else {
      const unit = UNIT_VALUES[ch];
      if (unit === undefined || unit >= lastUnit) return undefined;
      if (afterZero && digit === undefined) return undefined; // 一百零十
      // 十 alone means 一十 (十三, 一百十 in looser writing); 百 and 千 need their digit.
      const multiplier = digit ?? (unit === 10 ? 1 : undefined);
      if (multiplier === undefined) return undefined;
      total += multiplier * unit;
      lastUnit = unit;
      digit = undefined;
      afterZero = false;
    }
  }
  if (afterZero) return digit === undefined ? undefined : total + digit;
  if (digit !== undefined) {
    if (lastUnit !== 10_000 && lastUnit !== 10) return undefined;
    total += digit;
  }
  return total;
}

/**
 * Reads a Chinese numeral back: the official form, 两 for 2, 〇 or 零 for zero, the looser
 * 一十三 / 一百十, and digit-by-digit strings such as years (二〇二一 → 2021).
 * Returns undefined for anything it cannot read unambiguously.
 */
export function fromChineseNumeral(input: string): number | undefined {
  const s = input.trim();
  if (s === '') return undefined;
  if (s.length === 1 && DIGIT_VALUES[s] !== undefined) return DIGIT_VALUES[s];
  // Digit-by-digit: only the ten digits, at least two of them (二〇二一, 一九七五).
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s)) {
    return Number([...s].map((ch) => DIGIT_VALUES[ch]).join(''));
  }
  const parts = s.split('万');
  if (parts.length > 2) return undefined;
  if (parts.length === 1) return parseGroup(s);
  const [highText, lowText] = parts as [string, string];
  const high = parseGroup(highText);
  if (high === undefined || high === 0) return undefined;
  if (lowText === '') return high * 10_000;
  // After 万 the low group either starts with 零 or reaches the thousands place (一万三千);
  // 一万三 (spoken for 13,000) is rejected like 一百五.
  const startsWithZero = lowText.startsWith('零') || lowText.startsWith('〇');
  const low = parseGroup(startsWithZero ? lowText.slice(1) : lowText);
  if (low === undefined || low === 0) return undefined;
  if (!startsWithZero && low < 1000 && !/[十百]/.test(lowText)) return undefined;
  return high * 10_000 + low;
}

// The citizen identity number (公民身份号码, GB 11643-1999): a 6-digit address code, the birth
// date YYYYMMDD, a 3-digit sequence code whose last digit is odd for men and even for women, and
// a check character computed with ISO 7064 MOD 11-2 (10 is written X).

import type { Bilingual } from './bilingual.ts';
import { type CalendarDate, compareDates, formatIsoDate, isValidDate, parseIsoDate } from './calendar.ts';
import type { Gender } from './gender-ethnicity.ts';

export type IdNumberResult =
  | { ok: true; normalized: string; birthDate: string; gender: Gender }
  | { ok: false; reason: Bilingual };

/**
 * Province-level address codes of GB/T 2260, plus 83: the residence permits of Taiwan residents
 * carry 830000 (81 and 82 for Hong Kong and Macao), while 71 is the code GB/T 2260 lists for
 * Taiwan. A leading 9 marks a foreigner's permanent-residence card (2023 edition), which is not a
 * citizen's number, so no 9x code is accepted.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

/** Weights 2^(17−i) mod 11 for the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** Birth years before this are typing errors in a list of living delegates, not real people. */
const EARLIEST_BIRTH_YEAR = 1900;

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Spreadsheet input arrives with spaces, full-width digits (１２３) and a lower-case x;
 * none of them changes the number.
 */
function normalise(input: string): string {
  return input
    .replace(/\s+/g, '')
    .replace(/[０-９Ｘｘ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

const fail = (en: string, zh: string): IdNumberResult => ({ ok: false, reason: { en, zh } });

/** Validates a citizen identity number; `today` bounds the birth date it contains. */
export function validateIdNumber(input: string, today: CalendarDate): IdNumberResult {
  const id = normalise(input);
  if (id === '') return fail('The ID number is empty.', '身份证号码为空。');
  if (/^\d(\.\d+)?E\+?\d+$/.test(id)) {
    return fail(
      'The ID number was stored as a number and Excel kept only its first 15 digits; format the column as text and enter the number again.',
      '身份证号码被存为数值，Excel 只保留了前15位；请将该列设为文本格式后重新录入。',
    );
  }
  if (/^\d{15}$/.test(id)) {
    return fail(
      'This is an old 15-digit ID number; give the 18-digit number.',
      '这是旧的15位身份证号码，请填写18位公民身份号码。',
    );
  }
  if (id.length !== 18) {
    return fail(
      `The ID number must have 18 characters; this one has ${id.length}.`,
      `身份证号码应为18位，此处为${id.length}位。`,
    );
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail(
      'The ID number must be 17 digits followed by a digit or X.',
      '身份证号码应为17位数字加1位数字或X。',
    );
  }
  const province = id.slice(0, 2);
  if (id.startsWith('9')) {
    return fail(
      'A number beginning with 9 belongs to a foreigner’s permanent residence card, not to a citizen.',
      '以9开头的是外国人永久居留身份证号码，不是公民身份号码。',
    );
  }
  if (!PROVINCE_CODES.has(province)) {
    return fail(
      `The first two digits (${province}) are not a province code.`,
      `前两位（${province}）不是有效的省级行政区划代码。`,
    );
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isValidDate(year, month, day)) {
    return fail(
      `Digits 7–14 (${id.slice(6, 14)}) are not a real date of birth.`,
      `第7至14位（${id.slice(6, 14)}）不是有效的出生日期。`,
    );
  }
  const birth = { year, month, day };
  if (compareDates(birth, today) > 0) {
    return fail(
      `The date of birth in the ID number (${formatIsoDate(birth)}) is in the future.`,
      `身份证号码中的出生日期（${formatIsoDate(birth)}）晚于今天。`,
    );
  }
  if (year < EARLIEST_BIRTH_YEAR) {
    return fail(
      `The date of birth in the ID number (${formatIsoDate(birth)}) is before ${EARLIEST_BIRTH_YEAR}.`,
      `身份证号码中的出生日期（${formatIsoDate(birth)}）早于${EARLIEST_BIRTH_YEAR}年。`,
    );
  }
  // The expected character is deliberately not shown: a mismatch usually means another digit was
  // mistyped, and "correcting" the last character would hide that.
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) {
    return fail(
      'The check character (last character) does not match the other 17 digits; a digit is probably mistyped.',
      '校验码（最后一位）与前17位不符，可能有数字录入错误。',
    );
  }
  return {
    ok: true,
    normalized: id,
    birthDate: formatIsoDate(birth),
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * Builds a valid number for tests and demonstration data: region is the 6-digit address code,
 * birthDate 'YYYY-MM-DD', sequence 0–999 (odd for a man, even for a woman).
 */
export function makeIdNumber(region: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(region)) throw new RangeError(`region must be 6 digits, got ${region}`);
  const birth = parseIsoDate(birthDate);
  if (!birth) throw new RangeError(`birthDate must be a real date YYYY-MM-DD, got ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer from 0 to 999, got ${sequence}`);
  }
  const first17 = region + birthDate.replaceAll('-', '') + String(sequence).padStart(3, '0');
  return first17 + idCheckCharacter(first17);
}

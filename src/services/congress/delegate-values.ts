import type { DelegateInput } from '../../contract/delegates.ts';
import { type CalendarDate, compareDates, isValidDate, parseIsoDate } from '../../core/text/calendar.ts';
import { type Gender, genderZh, parseEthnicity, parseGender } from '../../core/text/gender-ethnicity.ts';
import { validateIdNumber } from '../../core/text/id-number.ts';
import { nameProblem, normalisePersonName } from '../../core/text/person-name.ts';
import type { DelegatesTable } from '../../persistence/congress-schema.ts';
import { InputError } from '../input-error.ts';

// A delegate's fields as an administrator types them (create and edit): checked and put in the
// stored form. The importer (delegate-row.ts) applies the same rules to a file,
// row by row; both store gender as 'male'/'female' and ethnicity by its official name (汉族).

/** The fields an administrator types (create and edit), as the contract declares them. */
export type DelegateFieldsInput = Omit<DelegateInput, 'delegationId' | 'code'>;

export type DelegateFields = Pick<
  DelegatesTable,
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birth_date'
  | 'joined_date'
  | 'position'
  | 'id_number'
  | 'voting_rights'
  | 'suspension_reason'
  | 'photo'
>;

/** A passport-size portrait compresses well under this; larger files are refused, not shrunk. */
export const MAX_PHOTO_BYTES = 256 * 1024;

/**
 * The stored form of a name (normalisePersonName); what person-name.ts refuses, and notes in
 * brackets, are refused, as on import.
 */
export function normaliseName(raw: string): string {
  const problem = nameProblem(raw);
  if (problem) throw new InputError('name', problem.en, problem.zh);
  const s = raw.trim();
  if (/[（(【[]/.test(s)) {
    throw new InputError(
      'name',
      'contains a note in brackets; give gender and ethnicity in their own fields',
      '姓名中含有括号注释，性别、民族请填在各自的栏目中',
    );
  }
  const name = normalisePersonName(s);
  if (name === '') throw new InputError('name', 'must not be empty', '不能为空');
  return name;
}

function joinedDay(value: string, today: CalendarDate): string {
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  const valid = month
    ? isValidDate(Number(month[1]), Number(month[2]), 1)
    : parseIsoDate(value) !== undefined;
  if (!valid)
    throw new InputError(
      'joinedDate',
      `${value} is not a date (YYYY-MM-DD or YYYY-MM)`,
      `${value}不是有效日期（应为YYYY-MM-DD或YYYY-MM）`,
    );
  const day = parseIsoDate(month ? `${value}-01` : value)!;
  if (compareDates(day, today) > 0)
    throw new InputError('joinedDate', 'is in the future', '入党时间晚于今天');
  return value;
}

const PHOTO = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/]+={0,2})$/;
const SIGNATURES: Readonly<Record<string, (bytes: Buffer) => boolean>> = {
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  webp: (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The photo as stored: a data URL whose bytes really are the image type it names. */
export function checkPhoto(photo: string): string {
  const match = PHOTO.exec(photo);
  if (!match) {
    throw new InputError(
      'photo',
      'must be a data URL of a JPEG, PNG or WebP image (data:image/jpeg;base64,…)',
      '照片应为 JPEG、PNG 或 WebP 图片的 data URL',
    );
  }
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) {
    throw new InputError(
      'photo',
      `is ${Math.ceil(bytes.length / 1024)} KB; at most ${MAX_PHOTO_BYTES / 1024} KB`,
      `照片${Math.ceil(bytes.length / 1024)}KB，不得超过${MAX_PHOTO_BYTES / 1024}KB`,
    );
  }
  if (!SIGNATURES[match[1]!]!(bytes)) {
    throw new InputError('photo', `is not a ${match[1]} image`, `照片内容不是${match[1]}格式的图片`);
  }
  return photo;
}

/** Checks every field, and that the ID number agrees with gender and date of birth. */
export function delegateFields(input: DelegateFieldsInput, today: CalendarDate): DelegateFields {
  const name = normaliseName(input.name);
  const ethnicity = parseEthnicity(input.ethnicity);
  if (!ethnicity)
    throw new InputError(
      'ethnicity',
      `"${input.ethnicity}" is not one of the 56 ethnic groups`,
      `“${input.ethnicity}”不是56个民族之一`,
    );
  let gender: Gender | undefined;
  if (input.gender) {
    gender = parseGender(input.gender);
    if (!gender)
      throw new InputError(
        'gender',
        `"${input.gender}" should be 男 or 女`,
        `性别“${input.gender}”应为“男”或“女”`,
      );
  }
  let birthDate = input.birthDate ?? null;
  if (birthDate !== null) {
    const day = parseIsoDate(birthDate);
    if (!day)
      throw new InputError(
        'birthDate',
        `${birthDate} is not a date (YYYY-MM-DD)`,
        `${birthDate}不是有效日期（应为YYYY-MM-DD）`,
      );
    if (compareDates(day, today) > 0)
      throw new InputError('birthDate', 'is in the future', '出生日期晚于今天');
  }
  let idNumber: string | null = null;
  if (input.idNumber) {
    const checked = validateIdNumber(input.idNumber, today);
    if (!checked.ok) throw new InputError('idNumber', checked.reason.en, checked.reason.zh);
    idNumber = checked.normalized;
    if (gender && gender !== checked.gender) {
      throw new InputError(
        'gender',
        `does not match the ID number, which is a ${checked.gender}'s`,
        `性别“${genderZh(gender)}”与身份证号码（${genderZh(checked.gender)}）不符`,
      );
    }
    if (birthDate && birthDate !== checked.birthDate) {
      throw new InputError(
        'birthDate',
        `does not match the ID number (${checked.birthDate})`,
        `出生日期与身份证号码中的出生日期（${checked.birthDate}）不符`,
      );
    }
    gender = checked.gender;
    birthDate = checked.birthDate;
  }
  if (!gender)
    throw new InputError('gender', 'is required when there is no ID number', '无身份证号码时必须填写性别');
  const joinedDate = input.joinedDate ? joinedDay(input.joinedDate, today) : null;
  if (joinedDate && birthDate && joinedDate < birthDate.slice(0, joinedDate.length)) {
    throw new InputError(
      'joinedDate',
      `is before the date of birth (${birthDate})`,
      `入党时间早于出生日期（${birthDate}）`,
    );
  }
  const votingRights = input.votingRights ?? true;
  const reason = input.suspensionReason?.trim() || null;
  if (!votingRights && !reason) {
    throw new InputError(
      'suspensionReason',
      'is required when voting rights are suspended',
      '暂停表决权时必须填写原因',
    );
  }
  if (votingRights && reason) {
    throw new InputError(
      'suspensionReason',
      'is given, but the delegate has voting rights',
      '填写了暂停原因，但该代表有表决权',
    );
  }
  return {
    name,
    gender,
    ethnicity,
    birth_date: birthDate,
    joined_date: joinedDate,
    position: input.position?.trim() || null,
    id_number: idNumber,
    voting_rights: votingRights ? 1 : 0,
    suspension_reason: reason,
    photo: input.photo ? checkPhoto(input.photo) : null,
  };
}

/** The stored row as input again, so an edit can be checked as a whole. */
export function fieldsAsInput(row: DelegateFields): DelegateFieldsInput {
  return {
    name: row.name,
    gender: row.gender,
    ethnicity: row.ethnicity,
    birthDate: row.birth_date,
    joinedDate: row.joined_date,
    position: row.position,
    idNumber: row.id_number,
    votingRights: row.voting_rights === 1,
    suspensionReason: row.suspension_reason,
    photo: row.photo,
  };
}

export const CODE_PATTERN = /^[A-Za-z0-9-]{1,20}$/;

/**
 * Delegate codes (代表证号) for new delegates: after the highest all-digit code, zero-padded to
 * four digits (0001) or to the longest code already in use, skipping any code taken.
 */
export function nextCodes(existing: Iterable<string>, count: number): string[] {
  const taken = new Set(existing);
  let highest = 0;
  let width = 4;
  for (const code of taken) {
    if (!/^\d+$/.test(code)) continue;
    highest = Math.max(highest, Number(code));
    width = Math.max(width, code.length);
  }
  const codes: string[] = [];
  for (let n = highest + 1; codes.length < count; n++) {
    const code = String(n).padStart(width, '0');
    if (!taken.has(code)) codes.push(code);
  }
  return codes;
}

import { MARK_CODE, type Mark } from '../../core/rules/index.ts';
import { InputError } from '../input-error.ts';

/**
 * How a ballot's marks are stored, paper and electronic alike: one character per printed
 * candidate, in ballot order — F for (○), A against (×), - abstain (blank), ? unreadable.
 * Compact, readable in a database dump, and the same length as the candidate list.
 */
const TO_CHAR: Record<Mark, string> = { for: 'F', against: 'A', abstain: '-', unreadable: '?' };
const TO_CODE: Record<string, number> = {
  F: MARK_CODE.for,
  A: MARK_CODE.against,
  '-': MARK_CODE.abstain,
  '?': MARK_CODE.unreadable,
};
const TO_MARK: Record<string, Mark> = { F: 'for', A: 'against', '-': 'abstain', '?': 'unreadable' };

export const MARKS_PATTERN = /^[FA?-]*$/;

export function encodeMarks(marks: readonly Mark[]): string {
  return marks.map((mark) => TO_CHAR[mark]).join('');
}

export function decodeMarks(text: string): Mark[] {
  return [...text].map((char) => TO_MARK[char]!);
}

/** The marks as the rules engine's one-byte codes. */
export function markCodes(text: string): Uint8Array {
  const codes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = TO_CODE[text[i]!]!;
  return codes;
}

/** Checks stored or submitted marks against the round's candidate count. */
export function checkMarks(text: string, candidates: number, field = 'marks'): string {
  if (!MARKS_PATTERN.test(text)) {
    throw new InputError(
      field,
      'use F (for), A (against), - (abstain) or ? (unreadable)',
      '标记只能是 F（赞成）、A（不赞成）、-（弃权）或 ?（无法辨认）',
    );
  }
  if (text.length !== candidates) {
    throw new InputError(
      field,
      `needs one mark for each of the ${candidates} candidates`,
      `应为${candidates}名候选人各填一个标记`,
    );
  }
  return text;
}

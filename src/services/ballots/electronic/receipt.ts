import { InputError } from '../../../adapters/shared/input-error.ts';
import type { RandomSource } from '../../context.ts';

/**
 * A ballot's receipt: 12 random characters from the look-alike-free alphabet of
 * `context.random.code`, grouped by four for reading aloud (K7QH-2M9P-XR4T). It is the ballot's
 * only key [B4]: random, so neither its value nor the order it sorts in says anything about who
 * cast the ballot or when. 31^12 ≈ 8·10^17 codes: a clash is checked for anyway.
 */
export const RECEIPT_LENGTH = 12;
const GROUP = 4;

export function newReceipt(random: RandomSource): string {
  return groupReceipt(random.code(RECEIPT_LENGTH));
}

function groupReceipt(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join('-');
}

/** A receipt as someone typed it (any case, with or without separators) in its stored form. */
export function normaliseReceipt(text: string, field = 'receipt'): string {
  const code = text.toUpperCase().replace(/[\s\-_.·]/g, '');
  if (!/^[A-Z0-9]+$/.test(code) || code.length !== RECEIPT_LENGTH) {
    throw new InputError(
      field,
      `a receipt has ${RECEIPT_LENGTH} letters and digits, e.g. K7QH-2M9P-XR4T`,
      `回执码应为${RECEIPT_LENGTH}位字母和数字，例如 K7QH-2M9P-XR4T`,
    );
  }
  return groupReceipt(code);
}

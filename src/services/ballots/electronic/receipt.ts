import { createHash } from 'node:crypto';
import { InputError } from '../../input-error.ts';

/**
 * A ballot's receipt is its tracker [B4]: a hash of the sealed ballot (the ciphertext) written in
 * 12 characters of the look-alike-free alphabet of `context.random.code`, grouped by four for
 * reading aloud (K7QH-2M9P-XR4T). It finds the ballot on the published board — proof that the
 * ballot was received and counted — and says nothing of its marks: only the scrutineers' shares
 * together open a sealed ballot, and the opened ballots are published apart, in an order of their
 * own. Each sealed box has a fresh ephemeral key, so trackers are as unpredictable as random codes
 * and sort in no order of casting. 31^12 ≈ 8·10^17 trackers: a clash is checked for anyway.
 */
export const RECEIPT_LENGTH = 12;
const GROUP = 4;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** The tracker of a sealed ballot: the receipt its voter is given. */
export function trackerOf(ciphertext: Uint8Array): string {
  let value = BigInt(`0x${createHash('sha256').update(ciphertext).digest('hex')}`);
  let code = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) {
    code += ALPHABET[Number(value % 31n)];
    value /= 31n;
  }
  return groupReceipt(code);
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

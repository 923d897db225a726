import { createHash } from 'node:crypto';
import type { Share } from '../../../core/secrets/shamir.ts';
import { InputError } from '../../input-error.ts';

// How a key share is written for its holder (and typed or scanned back): 36 bytes — a version, the
// share's x-coordinate, its 32 bytes, and a 2-byte checksum that catches a mistyped character —
// in the letters and digits of the codes people read aloud (no 0/O, 1/I/L), 59 of them in groups
// of four. The code says nothing of the round: the server recognises a round's shares by the hash
// of each kept with the round (round-key.ts), never by the share.

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const BASE = BigInt(ALPHABET.length);
const VERSION = 1;
const SECRET_BYTES = 32;
const PAYLOAD_BYTES = 1 + 1 + SECRET_BYTES + 2;
/** Characters of a share code without separators: enough base-31 digits for 36 bytes. */
export const SHARE_CODE_LENGTH = Math.ceil((PAYLOAD_BYTES * 8) / Math.log2(ALPHABET.length));

function checksum(x: number, y: Uint8Array): Buffer {
  return createHash('sha256')
    .update('plenum key share')
    .update(Uint8Array.of(x))
    .update(y)
    .digest()
    .subarray(0, 2);
}

/** The share as its holder's code, K7QH-2M9P-…. */
export function shareCode(share: Share): string {
  if (share.y.length !== SECRET_BYTES) throw new RangeError('a round key share has 32 bytes');
  const payload = Buffer.concat([Uint8Array.of(VERSION, share.x), share.y, checksum(share.x, share.y)]);
  let value = BigInt(`0x${payload.toString('hex')}`);
  const digits: string[] = [];
  for (let i = 0; i < SHARE_CODE_LENGTH; i++) {
    digits.push(ALPHABET[Number(value % BASE)]!);
    value /= BASE;
  }
  const code = digits.reverse().join('');
  return code.match(/.{1,4}/g)!.join('-');
}

const unreadable = (en: string, zh: string) => new InputError('share', en, zh);

/** The share in a code as typed or scanned (any case, any separators); InputError if it is not one. */
export function parseShareCode(text: string): Share {
  const code = text.toUpperCase().replace(/[\s\-_.·]/g, '');
  if (code.length !== SHARE_CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) {
    throw unreadable(
      `a key share has ${SHARE_CODE_LENGTH} letters and digits (no 0, O, 1, I or L)`,
      `密钥分片应为${SHARE_CODE_LENGTH}位字母和数字（不含 0、O、1、I、L）`,
    );
  }
  let value = 0n;
  for (const c of code) value = value * BASE + BigInt(ALPHABET.indexOf(c));
  const hex = value.toString(16).padStart(PAYLOAD_BYTES * 2, '0');
  const payload = hex.length === PAYLOAD_BYTES * 2 ? Buffer.from(hex, 'hex') : undefined;
  const x = payload?.[1] ?? 0;
  const y = payload ? new Uint8Array(payload.subarray(2, 2 + SECRET_BYTES)) : new Uint8Array(0);
  if (
    !payload ||
    payload[0] !== VERSION ||
    x === 0 ||
    !checksum(x, y).equals(payload.subarray(2 + SECRET_BYTES))
  ) {
    throw unreadable(
      'this key share has a typing mistake: check each character against the printed share',
      '密钥分片有输入错误，请对照打印的分片逐字核对',
    );
  }
  return { x, y };
}

import { ServiceError } from '../../errors.ts';
import { InputError } from '../../input-error.ts';

// [B4] A ballot as the bytes that are sealed: every ballot of a round has the same length, so the
// length of a ciphertext says nothing of what is in it (not even whether a name was written in).
//
//   version (1) | marks (one byte per printed candidate: F, A, -) | names written in (1) |
//   per name: length in UTF-8 bytes (1), the bytes | zeros up to the round's ballot length
//
// The round's length leaves room for a name in every write-in slot, each of up to
// MAX_WRITE_IN_BYTES: 40 characters (the longest name the ballot form accepts) of at most three
// bytes each.

const VERSION = 1;
export const MAX_WRITE_IN_BYTES = 120;

/** The length every plaintext ballot of a round is padded to. */
export function ballotLength(candidates: number, writeInSlots: number): number {
  return 1 + candidates + 1 + writeInSlots * (1 + MAX_WRITE_IN_BYTES);
}

export interface PlainBallot {
  readonly marks: string;
  readonly writeIns: readonly string[];
}

/** The ballot as the fixed-length bytes to seal. */
export function encodeBallot(ballot: PlainBallot, candidates: number, writeInSlots: number): Uint8Array {
  const bytes = new Uint8Array(ballotLength(candidates, writeInSlots));
  if (ballot.marks.length !== candidates || !/^[FA-]*$/.test(ballot.marks))
    throw new Error(`a checked ballot has one mark F, A or - per candidate, not ${ballot.marks}`);
  if (ballot.writeIns.length > writeInSlots) throw new Error('more names written in than slots');
  bytes[0] = VERSION;
  for (let i = 0; i < candidates; i++) bytes[1 + i] = ballot.marks.charCodeAt(i);
  let at = 1 + candidates;
  bytes[at++] = ballot.writeIns.length;
  ballot.writeIns.forEach((name, i) => {
    const utf8 = Buffer.from(name, 'utf8');
    if (utf8.length > MAX_WRITE_IN_BYTES) {
      throw new InputError(
        `writeIns[${i}]`,
        `a name written in may be at most ${MAX_WRITE_IN_BYTES} bytes (40 characters)`,
        '另选他人的姓名过长（最多40个字）',
      );
    }
    bytes[at++] = utf8.length;
    bytes.set(utf8, at);
    at += utf8.length;
  });
  return bytes;
}

const damaged = (detail: string) =>
  new ServiceError(
    409,
    'ballots-inconsistent',
    `an opened ballot is not a ballot of this round (${detail}): the ballot box is not intact`,
    `解密后的选票不属于本轮投票（${detail}）：票箱不完整`,
  );

/** The ballot in the bytes opened from a sealed box of a round with these candidates and slots. */
export function decodeBallot(bytes: Uint8Array, candidates: number, writeInSlots: number): PlainBallot {
  if (bytes.length !== ballotLength(candidates, writeInSlots)) throw damaged(`${bytes.length} bytes`);
  if (bytes[0] !== VERSION) throw damaged(`version ${bytes[0]}`);
  const marks = Buffer.from(bytes.subarray(1, 1 + candidates)).toString('latin1');
  if (!/^[FA-]*$/.test(marks)) throw damaged('marks');
  let at = 1 + candidates;
  const count = bytes[at++]!;
  if (count > writeInSlots) throw damaged(`${count} names written in`);
  const writeIns: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = bytes[at++]!;
    if (length > MAX_WRITE_IN_BYTES || at + length > bytes.length) throw damaged('a name written in');
    writeIns.push(Buffer.from(bytes.subarray(at, at + length)).toString('utf8'));
    at += length;
  }
  if (bytes.subarray(at).some((byte) => byte !== 0)) throw damaged('padding');
  return { marks, writeIns };
}

import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import type { KeyHolderRole, KeyShare, RoundKeyShares } from '../../../contract/ballot-keys.ts';
import { sortNames } from '../../../core/names/index.ts';
import { majorityThreshold, type Share, splitSecret } from '../../../core/secrets/shamir.ts';
import type { RandomSource } from '../../context.ts';
import { ruleViolation } from '../../errors.ts';
import { KEY_BYTES, publicKeyOf, toBase64, wipe } from './ballot-crypto.ts';
import { shareCode } from './share-code.ts';

// [B4] A vote's key pair: made when the vote opens, the public key stored with it, the private key
// split at once among the holders (an election's scrutineers: 总监票人, 副总监票人, 监票人) so
// that a majority of them, never fewer than two, can open the ballots after the close, and fewer
// learn nothing. Each holder's share is shown once, to be printed (code and QR) and handed over;
// it is stored nowhere. Kept with the vote, besides the public key: the threshold, and for each
// holder the x-coordinate, the name and a hash of the share (shareCheck), by which an entered
// share is recognised as this vote's holder's — the hash of 32 random bytes says nothing of them.

export interface KeyHolder {
  readonly name: string;
  readonly role: KeyHolderRole;
}

/** How the private key was split, as stored (rounds.key_json). */
export interface RoundKeyRecord {
  readonly threshold: number;
  readonly holders: ReadonlyArray<KeyHolder & { readonly x: number; readonly check: string }>;
}

/** The hash kept of a share: names the vote, so a share of another vote is never taken for one of this. */
export function shareCheck(voteRef: string, share: Share): string {
  return createHash('sha256')
    .update(`plenum round key share\u0000${voteRef}\u0000${share.x}\u0000`)
    .update(share.y)
    .digest('hex');
}

const ROLE_RANK: Record<KeyHolderRole, number> = {
  'chief-scrutineer': 0,
  'deputy-chief-scrutineer': 1,
  scrutineer: 2,
};

/** Holders in share order: the chief scrutineer first, then the deputy, then the scrutineers by surname strokes. */
export function orderHolders(holders: readonly KeyHolder[]): KeyHolder[] {
  // Stable: within a role the stroke order stays.
  return sortNames(holders, (h) => h.name, { unknown: 'last' }).sort(
    (a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role],
  );
}

export interface NewRoundKey {
  readonly publicKey: string;
  readonly record: RoundKeyRecord;
  /** The shares to hand out, shown once; never stored. */
  readonly shares: RoundKeyShares;
}

/**
 * A fresh key pair for the vote `voteRef` (round:<id>), its private key split among `holders`.
 * Refused [B4] with fewer than two holders: one person must never be able to open the ballots.
 */
export async function newRoundKey(
  random: RandomSource,
  voteRef: string,
  holders: readonly KeyHolder[],
): Promise<NewRoundKey> {
  if (holders.length < 2) {
    throw ruleViolation(
      'B4',
      `electronic ballots are sealed to a key split among the election's scrutineers, at least two of them; ${holders.length} appointed: appoint the chief scrutineer and at least one more scrutineer`,
      `电子选票须用分持于监票人手中的密钥加密，至少需要两名监票人（含总监票人），现有${holders.length}名，请先确定监票人`,
    );
  }
  const ordered = orderHolders(holders);
  const threshold = majorityThreshold(ordered.length);
  const secretKey = new Uint8Array(random.bytes(KEY_BYTES));
  try {
    const publicKey = toBase64(await publicKeyOf(secretKey));
    const split = splitSecret(secretKey, threshold, ordered.length, (n) => new Uint8Array(random.bytes(n)));
    const record: RoundKeyRecord = {
      threshold,
      holders: ordered.map((holder, i) => ({
        ...holder,
        x: split[i]!.x,
        check: shareCheck(voteRef, split[i]!),
      })),
    };
    const shares: KeyShare[] = [];
    for (const [i, holder] of ordered.entries()) {
      const code = shareCode(split[i]!);
      wipe(split[i]!.y);
      shares.push({
        index: i + 1,
        holder: holder.name,
        role: holder.role,
        code,
        qrSvg: await QRCode.toString(code.replaceAll('-', ''), {
          type: 'svg',
          errorCorrectionLevel: 'M',
          margin: 2,
        }),
      });
    }
    return { publicKey, record, shares: { publicKey, threshold, shares } };
  } finally {
    wipe(secretKey);
  }
}

export function parseKeyRecord(json: string | null | undefined): RoundKeyRecord | null {
  return json ? (JSON.parse(json) as RoundKeyRecord) : null;
}

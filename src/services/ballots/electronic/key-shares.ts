import type { Kysely } from 'kysely';
import type { RoundKeyShares, RoundKeyStatus } from '../../../contract/ballot-keys.ts';
import { combineShares, type Share } from '../../../core/secrets/shamir.ts';
import {
  type BallotSetSeal,
  countedSetSeal,
  type Database,
  inReadTransaction,
  type Schema,
  sealedSetSeal,
  type WriteTransaction,
} from '../../../persistence/index.ts';
import type { Actor } from '../../actor.ts';
import { auditedWrite } from '../../audited-write.ts';
import type { RandomSource, ServiceContext } from '../../context.ts';
import { conflict, notFound, ServiceError } from '../../errors.ts';
import { fromBase64, openBox, publicKeyOf, toBase64, wipe } from '../sealed/ballot-crypto.ts';
import { decodeBallot, type PlainBallot } from '../sealed/ballot-plaintext.ts';
import { newRoundKey, parseKeyRecord, type RoundKeyRecord, shareCheck } from '../sealed/round-key.ts';
import { parseShareCode } from '../sealed/share-code.ts';
import { forgetShares, keepShare, keptShares } from '../sealed/share-keeper.ts';
import { ballotLayout, byReceipt, type ElectronicRound, loadElectronicRound } from './electronic-round.ts';

// [B4] Opening an electronic round's sealed ballots (issue 13): after the close, the election's
// scrutineers enter their shares of the round key, one request each (typed, or scanned from the
// QR code printed when the round opened). A share is recognised by the hash kept with the round,
// and held in memory; the share that completes the threshold rebuilds the private key in memory,
// checks it against the round's public key, opens every sealed ballot and writes the contents —
// in one transaction with no voter in it, each under a fresh random key and in that key's order,
// so unrelated to the order of casting — and records the digest of the opened set in the audit
// chain. The key is then overwritten; the shares were never stored. A crash loses nothing: the
// sealed ballots are durable, the shares are with their holders.

const OPEN_CHUNK = 500;

const voteRefOf = (roundId: string) => `round:${roundId}`;

function keyOf(round: ElectronicRound): { publicKey: string; record: RoundKeyRecord } {
  const record = parseKeyRecord(round.round.key_json);
  if (!round.round.public_key || !record) {
    throw conflict(
      'round-not-sealed',
      'the ballots of this round were cast before ballots were sealed: it has no key',
      '本轮投票的选票未加密，没有密钥',
    );
  }
  return { publicKey: round.round.public_key, record };
}

async function sealedCount(db: Kysely<Schema>, roundId: string): Promise<number> {
  const row = await db
    .selectFrom('sealed_ballots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function statusOf(
  context: ServiceContext,
  round: ElectronicRound,
  sealed: number,
  entered: ReadonlySet<number> = new Set(
    keptShares(context.database, voteRefOf(round.round.id)).map((s) => s.x),
  ),
): RoundKeyStatus {
  const record = parseKeyRecord(round.round.key_json);
  const opened = round.round.decrypted_at != null;
  return {
    roundId: round.round.id,
    publicKey: round.round.public_key ?? null,
    threshold: record?.threshold ?? null,
    holders: (record?.holders ?? []).map((h) => ({
      index: h.x,
      holder: h.name,
      role: h.role,
      entered: !opened && entered.has(h.x),
    })),
    entered: opened ? 0 : entered.size,
    sealed,
    opened,
    openedAt: round.round.decrypted_at ?? null,
  };
}

/** The round's key: its holders, the threshold, the shares entered so far, and whether the ballots are opened. */
export async function roundKeyStatus(
  context: ServiceContext,
  congressId: string,
  roundId: string,
): Promise<RoundKeyStatus> {
  return inReadTransaction(context.database, async (db) => {
    const round = await loadElectronicRound(db, congressId, roundId);
    return statusOf(context, round, await sealedCount(db, roundId));
  });
}

/**
 * A scrutineer enters one share after the close (or several, from one device). Refused while voting
 * is open, once the ballots are opened, and for a share that is not one of this round's (422,
 * typed wrongly or of another round). The share completing the threshold opens the ballots in the
 * same transaction.
 */
export async function enterKeyShare(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  code: string,
): Promise<RoundKeyStatus> {
  return enterKeyShares(context, actor, congressId, roundId, [code]);
}

/** Shares entered together (one audit entry); with those held in memory, they may complete the threshold. */
export async function enterKeyShares(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  codes: readonly string[],
): Promise<RoundKeyStatus> {
  const shares = codes.map((code) => parseShareCode(code));
  const voteRef = voteRefOf(roundId);
  try {
    const entered = await auditedWrite(context, actor, async (trx, at) => {
      const round = await loadElectronicRound(trx, congressId, roundId);
      const { publicKey, record } = keyOf(round);
      if (round.round.status === 'open') {
        throw conflict(
          'round-still-open',
          'the ballots stay sealed while voting is open: enter the shares after the close',
          '投票进行中选票保持加密，请在投票结束后输入密钥分片',
        );
      }
      if (round.round.decrypted_at) {
        throw conflict(
          'ballots-already-opened',
          'the ballots of this round are already opened',
          '本轮选票已经解密',
        );
      }
      const holders = shares.map((share) => {
        const holder = record.holders.find((h) => h.x === share.x && h.check === shareCheck(voteRef, share));
        if (!holder) {
          throw new ServiceError(
            422,
            'share-not-of-round',
            "this is not a share of this round's key: a share printed for another round, or another election",
            '该密钥分片不属于本轮投票（可能是其他轮次或其他选举的分片）',
            'B4',
          );
        }
        return holder;
      });
      // Copies: a serialization retry runs this again with the shares as entered.
      const pending = new Map(keptShares(context.database, voteRef).map((s) => [s.x, s] as const));
      for (const share of shares) pending.set(share.x, { x: share.x, y: share.y.slice() });
      const holderOf = (x: number) => record.holders.find((h) => h.x === x)!.name;
      const enteredNow = holders.map((h) => ({ share: h.x, holder: h.name }));
      if (pending.size < record.threshold) {
        for (const share of pending.values()) wipe(share.y);
        return {
          result: { round, opened: false, entered: new Set(pending.keys()) },
          audit: {
            action: 'round.key-share',
            subject: voteRef,
            after: { shares: enteredNow, entered: pending.size, threshold: record.threshold },
          },
        };
      }
      const seals = await openWithShares(trx, round, publicKey, [...pending.values()], context.random);
      await trx.updateTable('rounds').set({ decrypted_at: at }).where('id', '=', roundId).execute();
      return {
        result: {
          round: { ...round, round: { ...round.round, decrypted_at: at } },
          opened: true,
          entered: new Set<number>(),
        },
        audit: {
          action: 'round.decrypt',
          subject: voteRef,
          after: {
            entered: enteredNow,
            shares: [...pending.keys()].sort((a, b) => a - b).map((x) => ({ share: x, holder: holderOf(x) })),
            threshold: record.threshold,
            sealed: seals.sealed,
            counted: seals.counted,
          },
        },
      };
    });
    if (entered.opened) forgetShares(context.database, voteRef);
    else for (const share of shares) keepShare(context.database, voteRef, share);
    const sealed = await sealedCount(context.database.db, roundId);
    return statusOf(context, entered.round, sealed, entered.entered);
  } finally {
    for (const share of shares) wipe(share.y);
  }
}

/**
 * Rebuilds the private key from the shares, checks it against the round's public key, and opens
 * every sealed ballot of the round into electronic_ballots, in random order. The key is wiped.
 */
async function openWithShares(
  trx: WriteTransaction,
  round: ElectronicRound,
  publicKey: string,
  shares: readonly Share[],
  random: RandomSource,
): Promise<{ sealed: BallotSetSeal; counted: BallotSetSeal }> {
  const secretKey = combineShares(shares);
  try {
    const rebuilt = toBase64(await publicKeyOf(secretKey));
    if (rebuilt !== publicKey) {
      throw new ServiceError(
        409,
        'shares-do-not-open',
        "the shares entered do not rebuild this round's key",
        '所输入的密钥分片无法还原本轮密钥',
        'B4',
      );
    }
    return await openSealedBallots(trx, round, fromBase64(publicKey), secretKey, random);
  } finally {
    wipe(secretKey);
    for (const share of shares) wipe(share.y);
  }
}

/** Opens the round's sealed ballots with its key and writes their contents, keyed at random. */
export async function openSealedBallots(
  trx: WriteTransaction,
  round: ElectronicRound,
  publicKey: Uint8Array,
  secretKey: Uint8Array,
  random: RandomSource,
): Promise<{ sealed: BallotSetSeal; counted: BallotSetSeal }> {
  const roundId = round.round.id;
  const { sealed, opened } = await openContents(trx, round, publicKey, secretKey);
  // An order of their own: each opened ballot under a fresh random key, written in that key's order.
  const rows = opened
    .map((ballot) => ({
      receipt: random.id(),
      round_id: roundId,
      marks: ballot.marks,
      write_ins_json: ballot.writeIns.length > 0 ? JSON.stringify(ballot.writeIns) : null,
    }))
    .sort(byReceipt);
  for (let i = 0; i < rows.length; i += OPEN_CHUNK) {
    await trx
      .insertInto('electronic_ballots')
      .values(rows.slice(i, i + OPEN_CHUNK))
      .execute();
  }
  return { sealed: sealedSetSeal(sealed), counted: countedSetSeal(opened) };
}

/**
 * A new key for an open round in which nobody has voted yet: for shares lost before anyone voted
 * (the page that showed them closed too soon). The old shares stop working; audited.
 */
export async function rekeyRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<RoundKeyShares> {
  const voteRef = voteRefOf(roundId);
  const shares = await auditedWrite(context, actor, async (trx) => {
    const round = await loadElectronicRound(trx, congressId, roundId);
    const { record } = keyOf(round);
    if (round.round.status !== 'open')
      throw conflict('round-not-open', 'the round is not open', '本轮投票未在进行中');
    const voted = await trx
      .selectFrom('electronic_voters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    if (Number(voted.n) > 0 || (await sealedCount(trx, roundId)) > 0) {
      throw conflict(
        'ballots-already-cast',
        'ballots have been cast under this key: it cannot be replaced',
        '已有选票用该密钥加密，不能更换密钥',
      );
    }
    // The same holders as the key it replaces.
    const key = await newRoundKey(
      context.random,
      voteRef,
      record.holders.map((h) => ({ name: h.name, role: h.role })),
    );
    await trx
      .updateTable('rounds')
      .set({ public_key: key.publicKey, key_json: JSON.stringify(key.record) })
      .where('id', '=', roundId)
      .execute();
    return {
      result: key.shares,
      audit: {
        action: 'round.rekey',
        subject: voteRef,
        before: { publicKey: round.round.public_key },
        after: keyAuditOf(key.publicKey, key.record),
      },
    };
  });
  forgetShares(context.database, voteRef);
  return shares;
}

/** What the audit log records of a key: the public key and the holders, never a share. */
export function keyAuditOf(publicKey: string, record: RoundKeyRecord) {
  return {
    publicKey,
    threshold: record.threshold,
    holders: record.holders.map((h) => ({ share: h.x, holder: h.name, role: h.role })),
  };
}

/** What a scrutineers' proof of a round's count found (proveCount). */
export interface CountProof {
  readonly roundId: string;
  readonly title: string;
  /** The shares used, by holder; and how many were needed. */
  readonly shares: ReadonlyArray<{ readonly index: number; readonly holder: string }>;
  readonly threshold: number;
  readonly sealed: {
    readonly stored: BallotSetSeal;
    readonly recorded: BallotSetSeal | null;
    readonly recordedAt: number | null;
  };
  readonly opened: {
    /** The sealed ballots opened now, in memory, with the shares. */
    readonly fromShares: BallotSetSeal;
    /** The opened ballots stored, which the count reads. */
    readonly stored: BallotSetSeal;
    readonly recorded: BallotSetSeal | null;
    readonly recordedAt: number | null;
  };
  /** The sealed set is the one sealed at the close, and opens to exactly the ballots counted. */
  readonly proven: boolean;
}

/**
 * [B4] The scrutineers prove a round's count (`plenum ballots verify`): with enough of their
 * shares, every sealed ballot is opened again — in memory, nothing written — and the multiset of
 * contents must equal the opened ballots stored (those the count reads and the board publishes),
 * while the sealed set must be the one whose digest the closing entry recorded. The key is wiped.
 */
export async function proveCount(
  database: Database,
  roundId: string,
  codes: readonly string[],
): Promise<CountProof> {
  const shares = codes.map((code) => parseShareCode(code));
  try {
    return await inReadTransaction(database, async (db) => {
      const row = await db
        .selectFrom('rounds as r')
        .innerJoin('elections as e', 'e.id', 'r.election_id')
        .selectAll('r')
        .select(['e.congress_id'])
        .where('r.id', '=', roundId)
        .executeTakeFirst();
      if (!row) throw notFound('round', '投票轮次');
      const round = await loadElectronicRound(db, row.congress_id, roundId);
      const { publicKey, record } = keyOf(round);
      const voteRef = voteRefOf(roundId);
      const used = shares.map((share) => {
        const holder = record.holders.find((h) => h.x === share.x && h.check === shareCheck(voteRef, share));
        if (!holder) {
          throw new ServiceError(
            422,
            'share-not-of-round',
            "a share is not one of this round's key",
            '有密钥分片不属于本轮投票',
            'B4',
          );
        }
        return { index: holder.x, holder: holder.name };
      });
      const secretKey = combineShares(shares);
      let fromShares: BallotSetSeal;
      try {
        if (toBase64(await publicKeyOf(secretKey)) !== publicKey) {
          throw new ServiceError(
            409,
            'shares-do-not-open',
            `the shares given do not rebuild this round's key (${record.threshold} of them are needed)`,
            `所给密钥分片无法还原本轮密钥（需要${record.threshold}片）`,
            'B4',
          );
        }
        fromShares = countedSetSeal((await openContents(db, round, fromBase64(publicKey), secretKey)).opened);
      } finally {
        wipe(secretKey);
      }
      const entries = await db
        .selectFrom('audit_log')
        .select(['seq', 'action', 'after_json'])
        .where('subject', '=', voteRef)
        .where('action', 'in', ['round.close', 'round.decrypt'])
        .orderBy('seq')
        .execute();
      let sealedRecorded: { seal: BallotSetSeal; seq: number } | null = null;
      let openedRecorded: { seal: BallotSetSeal; seq: number } | null = null;
      for (const entry of entries) {
        const after = JSON.parse(entry.after_json ?? '{}') as {
          sealed?: BallotSetSeal;
          counted?: BallotSetSeal;
        };
        if (entry.action === 'round.close' && after.sealed)
          sealedRecorded = { seal: after.sealed, seq: entry.seq };
        if (entry.action === 'round.decrypt' && after.counted)
          openedRecorded = { seal: after.counted, seq: entry.seq };
      }
      const sealedStored = sealedSetSeal(
        await db
          .selectFrom('sealed_ballots')
          .select(['tracker', 'ciphertext'])
          .where('round_id', '=', roundId)
          .execute(),
      );
      const openedStored = countedSetSeal(
        (
          await db
            .selectFrom('electronic_ballots')
            .select(['marks', 'write_ins_json'])
            .where('round_id', '=', roundId)
            .execute()
        ).map((b) => ({
          marks: b.marks,
          writeIns: b.write_ins_json ? (JSON.parse(b.write_ins_json) as string[]) : [],
        })),
      );
      return {
        roundId,
        title: round.election.title,
        shares: used,
        threshold: record.threshold,
        sealed: {
          stored: sealedStored,
          recorded: sealedRecorded?.seal ?? null,
          recordedAt: sealedRecorded?.seq ?? null,
        },
        opened: {
          fromShares,
          stored: openedStored,
          recorded: openedRecorded?.seal ?? null,
          recordedAt: openedRecorded?.seq ?? null,
        },
        proven:
          sealedRecorded?.seal.digest === sealedStored.digest &&
          fromShares.digest === openedStored.digest &&
          (openedRecorded === null || openedRecorded.seal.digest === openedStored.digest),
      };
    });
  } finally {
    for (const share of shares) wipe(share.y);
  }
}

/**
 * Every sealed ballot of the round opened in memory with its key: the sealed rows and the contents
 * (in the sealed rows' order, which callers never store). A box that does not open is an error.
 */
async function openContents(
  db: Kysely<Schema>,
  round: ElectronicRound,
  publicKey: Uint8Array,
  secretKey: Uint8Array,
): Promise<{ sealed: Array<{ tracker: string; ciphertext: string }>; opened: PlainBallot[] }> {
  const sealed = await db
    .selectFrom('sealed_ballots')
    .select(['tracker', 'ciphertext'])
    .where('round_id', '=', round.round.id)
    .execute();
  const { candidates, writeInSlots } = ballotLayout(round);
  const opened: PlainBallot[] = [];
  for (const row of sealed) {
    const bytes = await openBox(fromBase64(row.ciphertext), publicKey, secretKey).catch(() => {
      throw new ServiceError(
        409,
        'ballots-inconsistent',
        `the sealed ballot ${row.tracker} does not open with the round's key: the ballot box is not intact`,
        `回执码为${row.tracker}的加密选票无法用本轮密钥解密：票箱不完整`,
      );
    });
    opened.push(decodeBallot(bytes, candidates, writeInSlots));
    wipe(bytes);
  }
  return { sealed, opened };
}

import type { Kysely } from 'kysely';
import type {
  PublishedBallot,
  PublishedBallots,
  PublishedMark,
  ReceiptCheck,
  SealedBallot,
} from '../../../contract/ballots.ts';
import { BallotBoxBuilder, countBallots, MARK_CODE } from '../../../core/rules/index.ts';
import { type BallotSetSeal, inReadTransaction, type Schema } from '../../../persistence/index.ts';
import type { ServiceContext } from '../../context.ts';
import { decodeMarks } from '../../elections/marks-codec.ts';
import { conflict, notFound } from '../../errors.ts';
import { ballotIsValid } from './ballot-input.ts';
import { type ElectronicRound, isClosed, loadElectronicRound } from './electronic-round.ts';
import { normaliseReceipt } from './receipt.ts';

const LABEL: Record<PublishedMark, string> = { for: '赞成', against: '不赞成', abstain: '弃权' };

const notPublishedYet = () =>
  conflict('ballots-not-published', 'ballots are published after voting closes', '选票在投票结束后公布');

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * [B4] The board of a closed round. Every ballot as it was cast — sealed to the round's key — by
 * its tracker, in tracker order: each voter finds their receipt there, proof that their ballot was
 * received and is counted. Once the scrutineers' shares have opened them, every ballot's content,
 * sorted by content, for anyone to recount: the same multiset the count used, never paired with a
 * tracker (the pairing exists nowhere), so a receipt can prove inclusion but never a vote. With
 * them, the digests the audit chain sealed (the close, the opening). Before the close: 409.
 */
export async function publishedBallots(
  context: ServiceContext,
  congressId: string,
  roundId: string,
): Promise<PublishedBallots> {
  return inReadTransaction(context.database, async (db) => {
    const round = await loadElectronicRound(db, congressId, roundId);
    if (!isClosed(round.round)) throw notPublishedYet();
    const sealed: SealedBallot[] = (
      await db
        .selectFrom('sealed_ballots')
        .select(['tracker', 'ciphertext'])
        .where('round_id', '=', roundId)
        .execute()
    ).sort((a, b) => byBytes(a.tracker, b.tracker));
    const opened = round.round.decrypted_at != null;
    const rows = opened
      ? await db
          .selectFrom('electronic_ballots')
          .select(['marks', 'write_ins_json'])
          .where('round_id', '=', roundId)
          .execute()
      : [];
    const seals = await recordedSeals(db, roundId);
    return {
      roundId,
      electionId: round.election.id,
      title: round.election.title,
      status: round.round.status,
      candidates: [...round.candidates],
      seats: round.round.seats,
      maxFor: round.maxFor,
      parameters: round.parameters,
      sealed,
      sealedSeal: seals.sealed,
      opened,
      ballots: rows
        .map((row) => ({ marks: row.marks, write_ins_json: row.write_ins_json ?? '' }))
        .sort((a, b) => byBytes(a.marks, b.marks) || byBytes(a.write_ins_json, b.write_ins_json))
        .map((row) => publish(row, round)),
      openedSeal: seals.counted,
    };
  });
}

/** The seals the audit chain recorded for the round: at its close, and at the opening of its ballots. */
async function recordedSeals(
  db: Kysely<Schema>,
  roundId: string,
): Promise<{ sealed: BallotSetSeal | null; counted: BallotSetSeal | null }> {
  const entries = await db
    .selectFrom('audit_log')
    .select(['action', 'after_json'])
    .where('subject', '=', `round:${roundId}`)
    .where('action', 'in', ['round.close', 'round.decrypt'])
    .orderBy('seq')
    .execute();
  let sealed: BallotSetSeal | null = null;
  let counted: BallotSetSeal | null = null;
  for (const entry of entries) {
    const after = entry.after_json
      ? (JSON.parse(entry.after_json) as { sealed?: BallotSetSeal; counted?: BallotSetSeal })
      : {};
    if (after.sealed) sealed = { ballots: after.sealed.ballots, digest: after.sealed.digest };
    if (after.counted) counted = { ballots: after.counted.ballots, digest: after.counted.digest };
  }
  return { sealed, counted };
}

/**
 * Whether a receipt (any case, with or without separators) is on the board of the closed round:
 * the sealed ballot it is the tracker of, and how many were sealed. 404 if it is not there. Never
 * the marks [B4]: a receipt that showed them would let a voter prove their vote to whoever
 * pressures or pays them.
 */
export async function verifyReceipt(
  context: ServiceContext,
  congressId: string,
  roundId: string,
  receipt: string,
): Promise<ReceiptCheck> {
  const key = normaliseReceipt(receipt);
  return inReadTransaction(context.database, async (db: Kysely<Schema>) => {
    const round = await loadElectronicRound(db, congressId, roundId);
    if (!isClosed(round.round)) throw notPublishedYet();
    const row = await db
      .selectFrom('sealed_ballots')
      .select(['tracker', 'ciphertext'])
      .where('tracker', '=', key)
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    if (!row) throw notFound(`ballot with receipt ${key}`, `回执码为${key}的选票`);
    const sealed = await db
      .selectFrom('sealed_ballots')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    return { tracker: row.tracker, onBoard: true, ciphertext: row.ciphertext, sealed: Number(sealed.n) };
  });
}

function publish(row: { marks: string; write_ins_json: string }, round: ElectronicRound): PublishedBallot {
  const writeIns = row.write_ins_json ? (JSON.parse(row.write_ins_json) as string[]) : [];
  const choices = decodeMarks(row.marks).map((mark, j) => {
    // An electronic ballot has no unreadable marks; were one ever stored, it counts as an abstention [B1].
    const shown: PublishedMark = mark === 'unreadable' ? 'abstain' : mark;
    return { candidate: round.candidates[j]!, mark: shown, label: LABEL[shown] };
  });
  return {
    marks: row.marks,
    choices,
    writeIns,
    valid: ballotIsValid(row.marks, writeIns, round.maxFor, round.parameters),
  };
}

export interface Recount {
  readonly returned: number;
  readonly valid: number;
  readonly invalid: number;
  /** Per printed candidate, in ballot order, from valid ballots only. */
  readonly candidates: ReadonlyArray<{
    readonly name: string;
    readonly for: number;
    readonly against: number;
    readonly abstain: number;
  }>;
  /** "For" votes of each name written in on a valid ballot. */
  readonly writeIns: ReadonlyArray<{ readonly name: string; readonly for: number }>;
}

/**
 * Recounts a published list from its readable form (candidate names and 赞成/不赞成/弃权), with the
 * rules engine's own count [B1] [B3]: what anyone can do with the list must equal the official count.
 */
export function recountPublished(
  published: Pick<PublishedBallots, 'candidates' | 'maxFor' | 'parameters' | 'ballots'>,
): Recount {
  const column = new Map(published.candidates.map((name, j) => [name, j]));
  const builder = new BallotBoxBuilder(published.candidates.length, Math.max(1, published.ballots.length));
  for (const [i, ballot] of published.ballots.entries()) {
    const marks = new Uint8Array(published.candidates.length);
    for (const choice of ballot.choices) {
      const j = column.get(choice.candidate);
      if (j === undefined)
        throw new Error(`ballot ${i + 1} marks ${choice.candidate}, who is not on the ballot`);
      marks[j] = MARK_CODE[choice.mark];
    }
    builder.add({ marks, writeIns: ballot.writeIns });
  }
  const box = builder.build();
  const count = countBallots(box, published.maxFor, published.parameters);
  return {
    returned: count.returned,
    valid: count.valid,
    invalid: count.invalid,
    candidates: published.candidates.map((name, j) => ({
      name,
      for: count.forVotes[j]!,
      against: count.againstVotes[j]!,
      abstain: count.abstainVotes[j]!,
    })),
    writeIns: [...count.writeInsOnValidBallots].map((id) => ({
      name: box.writeInNames[id]!,
      for: count.writeInVotes[id]!,
    })),
  };
}

import type { Kysely } from 'kysely';
import { inReadTransaction, type Schema } from '../../../adapters/db/index.ts';
import { BallotBoxBuilder, countBallots, MARK_CODE, type RuleParameters } from '../../../core/rules/index.ts';
import type { ServiceContext } from '../../context.ts';
import { decodeMarks } from '../../elections/marks-codec.ts';
import { conflict, notFound } from '../../errors.ts';
import { ballotIsValid } from './ballot-input.ts';
import { byReceipt, type ElectronicRound, isClosed, loadElectronicRound } from './electronic-round.ts';
import { normaliseReceipt } from './receipt.ts';

export type PublishedMark = 'for' | 'against' | 'abstain';

const LABEL: Record<PublishedMark, string> = { for: '赞成', against: '不赞成', abstain: '弃权' };

export interface PublishedChoice {
  readonly candidate: string;
  readonly mark: PublishedMark;
  /** 赞成 / 不赞成 / 弃权 */
  readonly label: string;
}

export interface PublishedBallot {
  readonly receipt: string;
  /** The stored marks, one character per candidate (F / A / -), for machine recounts. */
  readonly marks: string;
  readonly choices: readonly PublishedChoice[];
  readonly writeIns: readonly string[];
  /** [B3] false when it carries more "for" marks than seats (then none of its marks count). */
  readonly valid: boolean;
}

/** Everything needed to recount a round by hand or by program, and to find one's own ballot. */
export interface PublishedBallots {
  readonly roundId: string;
  readonly electionId: string;
  readonly title: string;
  readonly status: string;
  /** Printed candidates in ballot order. */
  readonly candidates: readonly string[];
  readonly seats: number;
  /** [B3] The most "for" marks a valid ballot may carry. */
  readonly maxFor: number;
  readonly parameters: RuleParameters;
  /** Every ballot of the round, sorted by receipt. */
  readonly ballots: readonly PublishedBallot[];
}

const notPublishedYet = () =>
  conflict('ballots-not-published', 'ballots are published after voting closes', '选票在投票结束后公布');

/**
 * [B4] After voting closes, every ballot of the round is public, sorted by its random receipt:
 * anyone can recount the round, and each delegate can find their own ballot by the receipt only
 * they hold. Nothing in the list says who cast a ballot or when. Before the close: 409.
 */
export async function publishedBallots(
  context: ServiceContext,
  congressId: string,
  roundId: string,
): Promise<PublishedBallots> {
  return inReadTransaction(context.database, async (db) => {
    const round = await loadElectronicRound(db, congressId, roundId);
    if (!isClosed(round.round)) throw notPublishedYet();
    const rows = await db
      .selectFrom('electronic_ballots')
      .select(['receipt', 'marks', 'write_ins_json'])
      .where('round_id', '=', roundId)
      .execute();
    return {
      roundId,
      electionId: round.election.id,
      title: round.election.title,
      status: round.round.status,
      candidates: round.candidates,
      seats: round.round.seats,
      maxFor: round.maxFor,
      parameters: round.parameters,
      ballots: rows.sort(byReceipt).map((row) => publish(row, round)),
    };
  });
}

/** One published ballot by its receipt (any case, with or without separators); 404 if none. */
export async function verifyReceipt(
  context: ServiceContext,
  congressId: string,
  roundId: string,
  receipt: string,
): Promise<PublishedBallot> {
  const key = normaliseReceipt(receipt);
  return inReadTransaction(context.database, async (db: Kysely<Schema>) => {
    const round = await loadElectronicRound(db, congressId, roundId);
    if (!isClosed(round.round)) throw notPublishedYet();
    const row = await db
      .selectFrom('electronic_ballots')
      .select(['receipt', 'marks', 'write_ins_json'])
      .where('receipt', '=', key)
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    if (!row) throw notFound(`ballot with receipt ${key}`, `回执码为${key}的选票`);
    return publish(row, round);
  });
}

function publish(
  row: { receipt: string; marks: string; write_ins_json: string | null },
  round: ElectronicRound,
): PublishedBallot {
  const writeIns = row.write_ins_json ? (JSON.parse(row.write_ins_json) as string[]) : [];
  const choices = decodeMarks(row.marks).map((mark, j) => {
    // An electronic ballot has no unreadable marks; were one ever stored, it counts as an abstention [B1].
    const shown: PublishedMark = mark === 'unreadable' ? 'abstain' : mark;
    return { candidate: round.candidates[j]!, mark: shown, label: LABEL[shown] };
  });
  return {
    receipt: row.receipt,
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
  for (const ballot of published.ballots) {
    const marks = new Uint8Array(published.candidates.length);
    for (const choice of ballot.choices) {
      const j = column.get(choice.candidate);
      if (j === undefined)
        throw new Error(`ballot ${ballot.receipt} marks ${choice.candidate}, who is not on the ballot`);
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

import type { Kysely } from 'kysely';
import { BALLOT_LAYOUT_VERSION } from '../../core/documents/ballot.ts';
import {
  ballotOrder,
  checkProposedRound,
  type Office,
  type RoundKind,
  sortByStrokes,
  usesApprovedOrder,
} from '../../core/rules/index.ts';
import type { Schema } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, ruleViolation } from '../errors.ts';
import { approvedOrderOf } from './approved-order.ts';
import { loadChain } from './chain-events.ts';
import {
  type ElectionRow,
  loadElection,
  loadRound,
  type RoundRow,
  roundCandidates,
} from './round-queries.ts';

// 准备选票: a round is prepared before the sitting — the round the chain requires, its seats and
// its list fixed and checked ([C1]–[C4], [T3], [T4]), in ballot order [C3] — so that its paper
// ballots can be printed in advance (hundreds of sheets are not printed while the hall waits).
// From then on the list, the seats and the kind of ballot cannot change unless the preparation is
// withdrawn (audited; the printed sheets name the withdrawn round and are void). Opening the vote
// (rounds.ts) then uses exactly the prepared round.

/** What a round is to be: the chain's next round by default, or the kind, seats and list given. */
export interface RoundProposal {
  readonly kind: RoundKind;
  /** Defaults to what the chain requires next. */
  readonly seats?: number;
  readonly advance?: number;
  /** Defaults to the fixed list the chain requires, or the election's candidate list. */
  readonly candidates?: readonly string[];
}

/** A round as it will be held: checked against the chain and the list rules, names in ballot order. */
export interface RoundToHold {
  readonly kind: RoundKind;
  readonly seats: number;
  readonly advance: number | undefined;
  /** The printed list, in ballot order [C3] (the column order of the marks). */
  readonly printed: string[];
}

/**
 * The round the chain requires ([C4], [T3], [T4]) with the given or registered list, refused with
 * the rule when the list breaks [C1]/[C2] or is not the one the chain requires.
 */
export async function roundToHold(
  db: Kysely<Schema>,
  election: ElectionRow,
  input: RoundProposal,
): Promise<RoundToHold> {
  const { plan, state } = await loadChain(db, election);
  const next = state.next;
  const required = next.step === 'round' && next.candidates !== 'open' ? next.candidates : undefined;
  const registered = await db
    .selectFrom('candidates')
    .select(['name', 'approved_rank'])
    .where('election_id', '=', election.id)
    .execute();
  const names = input.candidates ?? required ?? registered.map((c) => c.name);
  const seats =
    input.seats ??
    (next.step === 'round'
      ? next.seats
      : next.step === 'decide-shortfall' && next.stage === 'election'
        ? next.seats
        : plan.seats);
  const advance =
    input.advance ??
    (next.step === 'round'
      ? next.advance
      : next.step === 'decide-shortfall' && next.stage === 'preliminary'
        ? next.seats
        : undefined);
  const problems = checkProposedRound(plan, state, {
    kind: input.kind,
    seats,
    ...(advance === undefined ? {} : { advance }),
    candidates: names,
  });
  if (problems.length > 0) {
    const first = problems[0]!;
    throw ruleViolation(
      first.rule,
      problems.map((p) => p.en).join('; '),
      problems.map((p) => p.zh).join('；'),
    );
  }
  const office = election.office as Office;
  const approvedOrder = usesApprovedOrder(office)
    ? approvedAmong(await approvedOrderOf(db, election), names)
    : names;
  return { kind: input.kind, seats, advance, printed: ballotOrder(office, approvedOrder) };
}

/** The approved order [T7] restricted to a round's names; names outside it follow by strokes. */
export function approvedAmong(approved: readonly string[], names: readonly string[]): string[] {
  const inRound = new Set(names);
  const listed = approved.filter((name) => inRound.has(name));
  const listedSet = new Set(listed);
  return [...listed, ...sortByStrokes(names.filter((name) => !listedSet.has(name)))];
}

/** The election's prepared round, if one waits to be opened. */
export function preparedRoundOf(db: Kysely<Schema>, electionId: string): Promise<RoundRow | undefined> {
  return db
    .selectFrom('rounds')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('status', '=', 'prepared')
    .executeTakeFirst();
}

/**
 * Refuses a change to what a prepared round fixed (the list, the seats, the kind of ballot): the
 * preparation must be withdrawn first.
 */
export async function refuseWhilePrepared(db: Kysely<Schema>, electionId: string): Promise<void> {
  const prepared = await preparedRoundOf(db, electionId);
  if (prepared) {
    throw conflict(
      'round-prepared',
      `the ballots of round ${prepared.seq} are prepared: withdraw the preparation before changing the list, the seats or the kind of ballot`,
      `第${prepared.seq}轮选票已准备：如需更改候选人名单、应选名额或选票形式，请先撤销准备`,
    );
  }
}

/**
 * The prepared round opened as it was prepared: a request naming another kind, other seats or
 * another list is refused, and the chain and the rules in force are checked again (an election
 * method adopted since may ask for more candidates).
 */
export async function heldAsPrepared(
  db: Kysely<Schema>,
  election: ElectionRow,
  prepared: RoundRow,
  input: RoundProposal,
): Promise<RoundToHold> {
  const printed = roundCandidates(prepared);
  const differs =
    input.kind !== prepared.kind ||
    (input.seats !== undefined && input.seats !== prepared.seats) ||
    (input.advance !== undefined && input.advance !== prepared.advance) ||
    (input.candidates !== undefined && !sameNames(input.candidates, printed));
  if (differs) {
    throw conflict(
      'round-prepared',
      `round ${prepared.seq} was prepared with its own list and seats: open it as prepared, or withdraw the preparation`,
      `第${prepared.seq}轮已按准备的名单和名额印制选票：请按准备的内容开始投票，或先撤销准备`,
    );
  }
  await roundToHold(db, election, {
    kind: prepared.kind,
    seats: prepared.seats,
    ...(prepared.advance === null ? {} : { advance: prepared.advance }),
    candidates: printed,
  });
  return { kind: prepared.kind, seats: prepared.seats, advance: prepared.advance ?? undefined, printed };
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && set.size === b.length && b.every((name) => set.has(name));
}

/**
 * 准备选票: fixes the next round of an election — its kind, seats and list in ballot order,
 * checked as opening would check them — so that its ballots can be printed before the vote.
 * Refused while another round of the election is prepared or under way.
 */
export async function prepareRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  electionId: string,
  input: RoundProposal,
): Promise<{ roundId: string }> {
  return auditedWrite(context, actor, async (trx) => {
    const election = await loadElection(trx, congressId, electionId);
    const unfinished = await trx
      .selectFrom('rounds')
      .select(['seq', 'status'])
      .where('election_id', '=', election.id)
      .where('status', '!=', 'announced')
      .executeTakeFirst();
    if (unfinished) {
      throw unfinished.status === 'prepared'
        ? conflict(
            'round-prepared',
            `round ${unfinished.seq} is prepared already`,
            `第${unfinished.seq}轮选票已准备`,
          )
        : conflict(
            'round-under-way',
            `round ${unfinished.seq} is still ${unfinished.status}`,
            `第${unfinished.seq}轮投票尚未宣布结果`,
          );
    }
    const round = await roundToHold(trx, election, input);
    const last = await trx
      .selectFrom('rounds')
      .select('seq')
      .where('election_id', '=', election.id)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    const seq = (last?.seq ?? 0) + 1;
    const roundId = context.random.id();
    await trx
      .insertInto('rounds')
      .values({
        id: roundId,
        election_id: election.id,
        seq,
        kind: round.kind,
        mode: election.ballot_mode,
        status: 'prepared',
        candidates_json: JSON.stringify(round.printed),
        seats: round.seats,
        advance: round.advance ?? null,
        expected: null,
        present: null,
        ballots_issued: null,
        sitting_id: null,
        opened_at: null,
        closed_at: null,
        result_json: null,
        signed_off_at: null,
        announced_at: null,
      })
      .execute();
    return {
      result: { roundId },
      audit: {
        action: 'round.prepare',
        subject: `round:${roundId}`,
        after: {
          election: election.id,
          seq,
          kind: round.kind,
          mode: election.ballot_mode,
          // The paper sheets' layout in force when the list was fixed (their QR names it too).
          layout: election.ballot_mode === 'electronic' ? null : BALLOT_LAYOUT_VERSION,
          seats: round.seats,
          advance: round.advance,
          candidates: round.printed,
        },
      },
      events: [
        { type: 'voting', congressId, data: { roundId, electionId: election.id, status: 'prepared' } },
      ],
    };
  });
}

/**
 * Withdraws a prepared round that has not been opened: the list, the seats and the kind of ballot
 * may change again, and the sheets printed for it are void (they name a round that no longer
 * exists). The audit entry keeps what was prepared.
 */
export async function withdrawPreparation(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<void> {
  await auditedWrite(context, actor, async (trx) => {
    const round = await loadRound(trx, congressId, roundId);
    if (round.status !== 'prepared') {
      throw conflict(
        'round-not-prepared',
        'only a prepared round that has not been opened can be withdrawn',
        '只有尚未开始投票的已准备轮次可以撤销准备',
      );
    }
    await trx.deleteFrom('rounds').where('id', '=', roundId).execute();
    return {
      result: undefined,
      audit: {
        action: 'round.withdraw-preparation',
        subject: `round:${roundId}`,
        before: {
          election: round.election_id,
          seq: round.seq,
          kind: round.kind,
          mode: round.mode,
          seats: round.seats,
          advance: round.advance,
          candidates: roundCandidates(round),
        },
      },
      events: [
        {
          type: 'voting',
          congressId,
          data: { roundId, electionId: round.election_id, status: 'withdrawn' },
        },
      ],
    };
  });
}

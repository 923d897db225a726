import type { Kysely } from 'kysely';
import {
  type ElectionEvent,
  type ElectionPlan,
  type ElectionState,
  electionState,
  type Office,
  type RoundKind,
  type RuleSetId,
  type SeatReduction,
} from '../../core/rules/index.ts';
import type { Schema } from '../../persistence/index.ts';
import { type ElectionRow, electionParameters, roundCandidates, roundResult } from './round-queries.ts';

/** The election as the rules engine sees it: its plan. */
export function electionPlan(election: ElectionRow): ElectionPlan {
  return {
    ruleSet: election.rule_set as RuleSetId,
    office: election.office as Office,
    seats: election.seats,
    parameters: electionParameters(election),
    ...(election.preliminary_advance ? { preliminaryAdvance: election.preliminary_advance } : {}),
  };
}

/**
 * The chain of an election from the database: announced rounds (only a signed-off, announced
 * result counts [P2]) and recorded seat reductions, in the order they happened.
 */
export async function loadChain(
  db: Kysely<Schema>,
  election: ElectionRow,
): Promise<{ plan: ElectionPlan; events: ElectionEvent[]; state: ElectionState }> {
  const rounds = await db
    .selectFrom('rounds')
    .selectAll()
    .where('election_id', '=', election.id)
    .where('status', '=', 'announced')
    .orderBy('seq')
    .execute();
  const decisions = await db
    .selectFrom('election_decisions')
    .selectAll()
    .where('election_id', '=', election.id)
    .execute();
  const timeline: Array<{ after: number; order: number; event: ElectionEvent }> = [];
  for (const round of rounds) {
    timeline.push({
      after: round.seq,
      order: 0,
      event: {
        type: 'round',
        round: {
          kind: round.kind as RoundKind,
          seats: round.seats,
          ...(round.advance ? { advance: round.advance } : {}),
          candidates: roundCandidates(round),
          result: roundResult(round)!,
        },
      },
    });
  }
  for (const decision of decisions) {
    const detail = JSON.parse(decision.detail_json) as SeatReduction & { afterRoundSeq: number };
    timeline.push({
      after: detail.afterRoundSeq,
      order: 1,
      event: { type: 'reduce-seats', reduction: { seats: detail.seats, approvedBy: detail.approvedBy } },
    });
  }
  timeline.sort((a, b) => a.after - b.after || a.order - b.order);
  const plan = electionPlan(election);
  const events = timeline.map((entry) => entry.event);
  return { plan, events, state: electionState(plan, events) };
}

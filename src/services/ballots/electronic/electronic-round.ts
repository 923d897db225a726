import type { Kysely } from 'kysely';
import { maxForMarks, type RoundKind, type RuleParameters } from '../../../core/rules/index.ts';
import type { Schema } from '../../../persistence/index.ts';
import {
  type ElectionRow,
  electionParameters,
  loadElection,
  loadRound,
  type RoundRow,
  roundCandidates,
} from '../../elections/round-queries.ts';
import { conflict } from '../../errors.ts';

/** A round of this congress that is voted on electronically, with what a ballot of it needs. */
export interface ElectronicRound {
  readonly round: RoundRow;
  readonly election: Pick<ElectionRow, 'id' | 'title' | 'rule_set' | 'office' | 'parameters_json'>;
  /** Printed candidates in ballot order: the column order of the stored marks. */
  readonly candidates: readonly string[];
  readonly parameters: RuleParameters;
  /** [B3] The most "for" marks (write-ins included) a valid ballot may carry. */
  readonly maxFor: number;
}

/** The round (404 when it is not one of this congress's) with its election; 409 for a paper round. */
export async function loadElectronicRound(
  db: Kysely<Schema>,
  congressId: string,
  roundId: string,
): Promise<ElectronicRound> {
  const round = await loadRound(db, congressId, roundId);
  return electronicRound(round, await loadElection(db, congressId, round.election_id));
}

/** What a ballot of the round needs, from its row and its election's. */
export function electronicRound(round: RoundRow, election: ElectronicRound['election']): ElectronicRound {
  if (round.mode !== 'electronic') {
    throw conflict(
      'not-electronic',
      'this round is voted on paper ballots',
      '本轮为纸质选票投票，不能电子投票',
    );
  }
  return {
    round,
    election,
    candidates: roundCandidates(round),
    parameters: electionParameters(election),
    maxFor: maxForMarks({
      round: round.kind as RoundKind,
      seats: round.seats,
      ...(round.advance ? { advance: round.advance } : {}),
    }),
  };
}

/** After voting closes the ballots are published; before, nobody sees them [B4]. */
export function isClosed(round: Pick<RoundRow, 'status'>): boolean {
  return round.status !== 'open';
}

/** Byte order of receipts, the same on every engine and under every collation. */
export function byReceipt(a: { receipt: string }, b: { receipt: string }): number {
  return a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0;
}

/** [B4] The shape of a sealed ballot of the round: one mark per printed candidate, and the write-in slots. */
export function ballotLayout(round: ElectronicRound): { candidates: number; writeInSlots: number } {
  return { candidates: round.candidates.length, writeInSlots: round.parameters.writeIns ? round.maxFor : 0 };
}

import type { VotingEvent } from '../../../../contract/events.ts';

// What the event stream tells the pages about rounds under way: progress counts that change with
// every ballot (applied in place, no request), and the status changes after which an election's
// view must be fetched again (a handful per round, so a reload each is cheap). Also how a result's
// unfilled seats are told: a run-off's seats are not a shortfall.

export interface RoundProgress {
  /** Electronic: ballots cast so far. */
  readonly voted?: number;
  /** Paper: sheets keyed in either pass, settled (agreed or resolved), and disagreeing. */
  readonly entered?: number;
  readonly settled?: number;
  readonly disagreements?: number;
}

export type LiveRounds = Readonly<Record<string, RoundProgress>>;

/** The progress an event brings, merged into what is known of its round. */
export function withProgress(rounds: LiveRounds, event: VotingEvent): LiveRounds {
  // Progress carries no status; an adoption vote's progress names no round.
  if (!('roundId' in event) || 'status' in event) return rounds;
  const patch: RoundProgress =
    'voted' in event
      ? { voted: event.voted }
      : { entered: event.entered, settled: event.agreed, disagreements: event.disagreements };
  return { ...rounds, [event.roundId]: { ...rounds[event.roundId], ...patch } };
}

/** The election whose view an event makes stale (a round opened, closed or was counted), or null. */
export function staleElection(event: VotingEvent): string | null {
  return 'status' in event ? event.electionId : null;
}

/** The tally counts a run-off's seats as unfilled too; the hall hears of them as a run-off, not a shortfall. */
export function shortfallBeyondRunoff(result: {
  readonly shortfall: number;
  readonly runoff: { readonly seats: number } | null;
}): number {
  return result.shortfall - (result.runoff?.seats ?? 0);
}

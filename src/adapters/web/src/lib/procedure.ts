import {
  type AdoptionVoteView,
  type AgendaItemView,
  CHAIRED_SITTING_KINDS,
  type SittingKind,
  type SittingView,
} from '../../../../contract/procedure.ts';

// The sittings and agenda as the console shows them: in time order, which sittings have
// executive chairs, where each agenda item's vote stands and the rule that decides it.

type Sitting = Pick<SittingView, 'startsAt' | 'sortOrder' | 'status'>;

/** [P3] Executive chairs (大会执行主席) preside over the opening, plenary and closing sittings only. */
export const CHAIRED_KINDS: ReadonlySet<SittingKind> = new Set(CHAIRED_SITTING_KINDS);

/** By start time (a sitting without one goes after those with one), then by the congress's order. */
export function sittingsByTime<S extends Sitting>(sittings: readonly S[]): S[] {
  const time = (s: S) => (s.startsAt ? Date.parse(s.startsAt) : Number.POSITIVE_INFINITY);
  return [...sittings].sort((a, b) => time(a) - time(b) || a.sortOrder - b.sortOrder);
}

/** The sitting to show first: the one in session, else the next scheduled, else the last. */
export function currentSitting<S extends Sitting>(sittings: readonly S[]): S | undefined {
  const ordered = sittingsByTime(sittings);
  return (
    ordered.find((s) => s.status === 'open') ??
    ordered.find((s) => s.status === 'scheduled') ??
    ordered[ordered.length - 1]
  );
}

/** Where an agenda item's vote stands; 'unset' is an adoption-vote item without its vote settings. */
export type VoteStage = 'none' | 'unset' | AdoptionVoteView['state'];

export function voteStage(item: Pick<AgendaItemView, 'vote' | 'kind'>): VoteStage {
  if (item.vote) return item.vote.state;
  return item.kind === 'adoption-vote' ? 'unset' : 'none';
}

/**
 * The rule a vote is decided by: more than half of those present, or [P4] of the expected
 * electors; the base and the fewest votes for once the vote is open (the server computes them).
 */
export interface VoteRule {
  readonly rule: 'P4' | null;
  readonly basis: 'present' | 'expected';
  readonly base: number | null;
  readonly minimumFor: number | null;
}

export function voteRule(vote: AdoptionVoteView): VoteRule {
  return {
    rule: vote.rule,
    basis: vote.basis,
    base: vote.basis === 'expected' ? vote.expected : vote.present,
    minimumFor: vote.minimumFor,
  };
}

export interface HandCounts {
  readonly votesFor: number | null;
  readonly votesAgainst: number | null;
  readonly votesAbstain: number | null;
}

/**
 * What stops counts entered by hand from being sent: all three are needed (a missing count is not
 * a zero), and together they may not exceed those present. The server checks the same.
 */
export function handCountsProblem(
  counts: HandCounts,
  present: number | null,
): { readonly kind: 'missing' } | { readonly kind: 'too-many'; readonly total: number } | null {
  const { votesFor, votesAgainst, votesAbstain } = counts;
  if (votesFor === null || votesAgainst === null || votesAbstain === null) return { kind: 'missing' };
  const total = votesFor + votesAgainst + votesAbstain;
  if (present !== null && total > present) return { kind: 'too-many', total };
  return null;
}

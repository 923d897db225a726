import type { SittingKind } from '../../contract/procedure.ts';
import { HALL_ORDER } from '../congress/procedure-guards.ts';

// What the big screen shows when it follows the congress by itself, without I/O: the latest thing
// that happened in the hall and is still true — a vote opened and still open, a result announced
// (in announcement order: a round counted but not yet announced never holds the screen), a sitting
// opened and still under way. Between sittings, once delegates arrive for the next sitting of the
// whole congress, its attendance; before anything, a welcome. A closed congress shows that it
// closed: never a sitting that was never held, nor a quorum long gone.

export interface FollowSitting {
  readonly id: string;
  readonly kind: SittingKind;
  readonly status: 'scheduled' | 'open' | 'closed';
  readonly sortOrder: number;
  readonly openedAt: string | null;
  /** Delegates checked in for it (read for the next sitting only). */
  readonly arrived: number;
}

export interface FollowRound {
  readonly id: string;
  readonly status: string;
  readonly openedAt: string | null;
  readonly announcedAt: string | null;
  /** The election's place in the congress's list, then the round's number: ties in time break by them. */
  readonly electionOrder: number;
  readonly seq: number;
}

export interface FollowFacts {
  readonly congressClosed: boolean;
  readonly sittings: readonly FollowSitting[];
  readonly rounds: readonly FollowRound[];
}

export type FollowChoice =
  | { readonly kind: 'result'; readonly roundId: string }
  | { readonly kind: 'voting'; readonly roundId: string }
  | { readonly kind: 'attendance'; readonly sittingId: string }
  | { readonly kind: 'closed' }
  | { readonly kind: 'welcome' };

interface Happening {
  readonly at: string;
  /** On the same instant: a result over the vote that produced it, a vote over its sitting. */
  readonly weight: number;
  readonly order: readonly number[];
  readonly choice: FollowChoice;
}

const isHallSitting = (s: FollowSitting) => HALL_ORDER.includes(s.kind);

function later(a: Happening, b: Happening): boolean {
  if (a.at !== b.at) return a.at > b.at;
  if (a.weight !== b.weight) return a.weight > b.weight;
  for (let i = 0; i < Math.max(a.order.length, b.order.length); i++) {
    const x = a.order[i] ?? 0;
    const y = b.order[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}

/** The sitting of the whole congress the delegates are arriving for: the first scheduled after every one held. */
export function nextHallSitting(sittings: readonly FollowSitting[]): FollowSitting | undefined {
  const hall = sittings.filter(isHallSitting).sort((a, b) => a.sortOrder - b.sortOrder);
  const lastHeld = hall.reduce((at, s, i) => (s.status !== 'scheduled' ? i : at), -1);
  return hall.slice(lastHeld + 1).find((s) => s.status === 'scheduled');
}

/** The sitting of the whole congress under way, if any. */
export function hallSittingUnderWay(sittings: readonly FollowSitting[]): FollowSitting | undefined {
  return sittings.find((s) => isHallSitting(s) && s.status === 'open');
}

/** What the screen shows when it follows the congress. */
export function followChoice(facts: FollowFacts): FollowChoice {
  if (facts.congressClosed) return { kind: 'closed' };
  if (!hallSittingUnderWay(facts.sittings)) {
    const next = nextHallSitting(facts.sittings);
    if (next && next.arrived > 0) return { kind: 'attendance', sittingId: next.id };
  }
  const happenings: Happening[] = [];
  for (const round of facts.rounds) {
    const order = [round.electionOrder, round.seq];
    if (round.status === 'open' && round.openedAt)
      happenings.push({
        at: round.openedAt,
        weight: 2,
        order,
        choice: { kind: 'voting', roundId: round.id },
      });
    if (round.status === 'announced' && round.announcedAt)
      happenings.push({
        at: round.announcedAt,
        weight: 3,
        order,
        choice: { kind: 'result', roundId: round.id },
      });
  }
  for (const sitting of facts.sittings) {
    if (isHallSitting(sitting) && sitting.status === 'open' && sitting.openedAt)
      happenings.push({
        at: sitting.openedAt,
        weight: 1,
        order: [sitting.sortOrder],
        choice: { kind: 'attendance', sittingId: sitting.id },
      });
  }
  const latest = happenings.reduce<Happening | undefined>(
    (best, h) => (best === undefined || later(h, best) ? h : best),
    undefined,
  );
  return latest?.choice ?? { kind: 'welcome' };
}

/**
 * The sitting whose attendance the screen shows when asked for "the attendance" without naming
 * one: the sitting under way, else the next one the delegates arrive for, else the last held.
 */
export function attendanceSitting(sittings: readonly FollowSitting[]): FollowSitting | undefined {
  const hall = sittings.filter(isHallSitting).sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    hallSittingUnderWay(hall) ??
    nextHallSitting(hall) ??
    [...hall].reverse().find((s) => s.status === 'closed') ??
    sittings.find((s) => s.status === 'open')
  );
}

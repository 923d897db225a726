export interface Standing {
  readonly name: string;
  readonly votes: number;
}

export interface SeatAllocation {
  /** Seated outright: every qualifier above the tie, or all qualifiers when they fit. */
  readonly seated: readonly string[];
  /** [T3] Candidates tied at the last seat who cannot all be seated, and the seats they contest. */
  readonly runoff: { readonly seats: number; readonly candidates: readonly string[] } | null;
  /** [T4] Seats no qualifier is left for. */
  readonly shortfall: number;
}

/**
 * Fills `seats` from the qualifiers (those over the threshold).
 * [T3] "以得票多少为序，至取足应选名额为止；如遇票数相等不能确定当选人时，……就票数相等的被选举人再次投票"
 * — rank by votes; if the candidates tied at the last seat cannot all be seated, those above the
 * tie are seated and a run-off among the tied alone decides the remaining seats. Never an arbitrary pick.
 * [T4] Fewer qualifiers than seats: all are seated and the rest is a shortfall.
 */
export function allocateSeats(qualifiers: readonly Standing[], seats: number): SeatAllocation {
  if (seats <= 0) return { seated: [], runoff: null, shortfall: 0 };
  if (qualifiers.length <= seats) {
    return { seated: qualifiers.map((q) => q.name), runoff: null, shortfall: seats - qualifiers.length };
  }
  const ranked = [...qualifiers].sort((a, b) => b.votes - a.votes);
  const lastSeatVotes = ranked[seats - 1]!.votes;
  const above = ranked.filter((q) => q.votes > lastSeatVotes).map((q) => q.name);
  const tied = ranked.filter((q) => q.votes === lastSeatVotes).map((q) => q.name);
  const remaining = seats - above.length;
  if (tied.length === remaining) return { seated: [...above, ...tied], runoff: null, shortfall: 0 };
  return { seated: above, runoff: { seats: remaining, candidates: tied }, shortfall: 0 };
}

/** [T5] A combined member-and-alternate ballot, allocated. */
export interface CombinedAllocation {
  readonly members: SeatAllocation;
  /** Alternates whose election does not depend on a member run-off, and a tie at their last seat. */
  readonly alternates: SeatAllocation;
  /**
   * [T3][T5] Alternate seats that go to the member run-off's losers, in [T6] order: the run-off
   * decides who of the tied becomes a member and who an alternate, never anyone else's seat.
   */
  readonly alternateSeatsOfRunoff: number;
}

/**
 * [T5] "Among qualifiers, by votes, first fill the members, then the alternates." With a tie at the
 * last member seat [T3] only the tied go to the run-off: those above it are members, and as all the
 * tied have more votes than anyone below them, the run-off's losers take the first alternate seats
 * — at most as many as there are — whatever it gives. The alternate seats left after them are filled
 * now from the candidates below the tie, by votes, and are independent of the run-off.
 *
 * `alternatePool` is who may take an alternate seat: the qualifiers in a formal round; in a run-off
 * among candidates tied on a combined ballot, all of them (they qualified in the round that tied them).
 */
export function allocateCombined(
  memberPool: readonly Standing[],
  alternatePool: readonly Standing[],
  seats: number,
  alternateSeats: number,
): CombinedAllocation {
  const members = allocateSeats(memberPool, seats);
  const decided = new Set([...members.seated, ...(members.runoff?.candidates ?? [])]);
  const losers = members.runoff ? members.runoff.candidates.length - members.runoff.seats : 0;
  const alternateSeatsOfRunoff = Math.min(losers, alternateSeats);
  const alternates = allocateSeats(
    alternatePool.filter((s) => !decided.has(s.name)),
    alternateSeats - alternateSeatsOfRunoff,
  );
  return { members, alternates, alternateSeatsOfRunoff };
}

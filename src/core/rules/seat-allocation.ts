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

import type { BallotBox } from './ballot-box.ts';
import { countBallots } from './ballot-count.ts';
import { type CandidacyVerdict, checkCandidacy } from './candidacy.ts';
import { formatFraction } from './fraction.ts';
import type { RuleParameters } from './parameters.ts';
import { alternateOrder, compareNamesLeniently, publishedOrder, tallyRowOrder } from './published-order.ts';
import { checkQuorum, type QuorumVerdict } from './quorum.ts';
import { checkRoundValidity, type RoundValidityVerdict } from './round-validity.ts';
import { allocateCombined, allocateSeats, type Standing } from './seat-allocation.ts';
import { electionThreshold, runoffThreshold, type ThresholdVerdict } from './threshold.ts';
import type { Electors, Office, RoundKind, RuleSetId } from './types.ts';

export interface RoundInput {
  readonly ruleSet: RuleSetId;
  readonly office: Office;
  readonly round: RoundKind;
  /** Seats to fill in this round (members, on a combined ballot). */
  readonly seats: number;
  /**
   * [T5] Alternate seats on a combined member-and-alternate ballot. In a run-off among candidates
   * tied at the last member seat of such a ballot: the alternate seats its losers take ([T6] order).
   */
  readonly alternateSeats?: number;
  /** [C4] A preliminary round's number of candidates to put forward. */
  readonly advance?: number;
  /** [C4] The formal round's list came from a preliminary round (it may be equal). */
  readonly afterPreliminary?: boolean;
  readonly electors: Electors;
  readonly ballotsIssued: number;
  /** Printed candidates, in the column order of `ballots` (the printed ballot order [C3]). */
  readonly candidates: readonly string[];
  /**
   * [T7] The order approved by the higher committee, for the standing committee, secretary and
   * deputies, when it differs from the printed order. Defaults to `candidates`.
   */
  readonly approvedOrder?: readonly string[];
  readonly ballots: BallotBox;
  readonly parameters: RuleParameters;
}

export type Outcome =
  | 'no-quorum'
  | 'invalid-candidacy'
  | 'void'
  | 'complete'
  | 'runoff-required'
  | 'shortfall';

export interface CandidateResult {
  readonly name: string;
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly writeIn: boolean;
  readonly qualified: boolean;
  readonly elected: boolean;
}

export interface Runoff {
  readonly seats: number;
  readonly candidates: readonly string[];
  /** On a combined ballot [T5], whether the run-off decides member or alternate seats. */
  readonly office?: Office;
  /**
   * [T3][T5] A run-off for the last member seats of a combined ballot: this many of its losers
   * become alternates, in [T6] order (votes in the run-off, then strokes). Absent when none do.
   */
  readonly alternateSeats?: number;
}

export interface RoundResult {
  readonly outcome: Outcome;
  readonly quorum: QuorumVerdict;
  readonly candidacy: CandidacyVerdict;
  readonly validity: RoundValidityVerdict;
  readonly ballots: { readonly returned: number; readonly valid: number; readonly invalid: number };
  readonly threshold: ThresholdVerdict;
  readonly results: readonly CandidateResult[];
  readonly elected: readonly string[];
  readonly electedAlternates?: readonly string[];
  readonly advancing?: readonly string[];
  readonly runoff: Runoff | null;
  /**
   * [T5] On a combined ballot with a member run-off (in `runoff`): a tie at the last alternate seat
   * left after the run-off's losers, among candidates below the member tie. It does not depend on
   * the member run-off and is held after it. Null otherwise (an alternate tie alone is `runoff`).
   */
  readonly alternateRunoff?: Runoff | null;
  readonly shortfall: number;
  /** [T5] Alternate seats not filled by this round: a shortfall, or seats a run-off decides. */
  readonly alternateShortfall?: number;
  /** The parameters in force, so the result can be checked by hand. */
  readonly parameters: Record<string, string | number | boolean>;
}

export function describeParameters(parameters: RuleParameters): Record<string, string | number | boolean> {
  return {
    quorumFraction: formatFraction(parameters.quorumFraction),
    thresholdBase: parameters.thresholdBase,
    thresholdFraction: formatFraction(parameters.thresholdFraction),
    candidacy: parameters.candidacy,
    minSurplusPercent: parameters.minSurplusPercent,
    minSurplusCount: parameters.minSurplusCount,
    unreadable: parameters.unreadable,
    writeIns: parameters.writeIns,
    runoffThreshold: parameters.runoffThreshold,
  };
}

/**
 * The most "for" marks a valid ballot may carry [B3]: the seats (members and alternates on a
 * combined ballot). A run-off is voted for its member seats only; its losers' alternate seats
 * follow from the same votes [T5].
 */
export function maxForMarks(
  input: Pick<RoundInput, 'round' | 'seats' | 'alternateSeats' | 'advance'>,
): number {
  if (input.round === 'preliminary') return input.advance ?? input.seats;
  if (input.round === 'runoff') return input.seats;
  return input.seats + (input.alternateSeats ?? 0);
}

/**
 * Decides one round: [Q1]–[Q3] quorum, then [C1]/[C2]/[C4] candidacy, then [B2] round validity;
 * only then are ballots counted ([B1], [B3]) and seats allocated ([T1]/[T2] threshold, [T3] run-off,
 * [T4] shortfall, [T5] combined ballots, [T8] write-ins), and the elected listed in published order
 * ([T6], [T7]).
 */
export function tallyRound(input: RoundInput): RoundResult {
  const { parameters, electors } = input;
  const quorum = checkQuorum(input.ruleSet, parameters, electors);
  const candidacy = checkCandidacy({
    round: input.round,
    seats: input.seats,
    candidates: input.candidates.length,
    parameters,
    ...(input.advance === undefined ? {} : { advance: input.advance }),
    ...(input.afterPreliminary === undefined ? {} : { afterPreliminary: input.afterPreliminary }),
  });
  const count = countBallots(input.ballots, maxForMarks(input), parameters);
  const validity = checkRoundValidity(input.ballotsIssued, count.returned);
  const base = {
    quorum,
    candidacy,
    validity,
    parameters: describeParameters(parameters),
  };
  const seatsToFill = input.round === 'preliminary' ? (input.advance ?? input.seats) : input.seats;
  const notCounted = (outcome: Outcome): RoundResult => ({
    outcome,
    ...base,
    ballots: { returned: count.returned, valid: 0, invalid: 0 },
    threshold: electionThreshold(parameters, electors),
    results: [],
    elected: [],
    runoff: null,
    shortfall: seatsToFill,
    ...(input.alternateSeats
      ? { electedAlternates: [], alternateRunoff: null, alternateShortfall: input.alternateSeats }
      : {}),
    ...(input.round === 'preliminary' ? { advancing: [] } : {}),
  });
  if (!quorum.met) return notCounted('no-quorum');
  if (!candidacy.ok) return notCounted('invalid-candidacy');
  if (!validity.valid) return notCounted('void');

  const threshold =
    input.round === 'runoff'
      ? runoffThreshold(parameters, electors, count.valid)
      : electionThreshold(parameters, electors);

  // Every printed candidate and every name written in on a valid ballot [T8].
  const standings: Standing[] = input.candidates.map((name, j) => ({ name, votes: count.forVotes[j]! }));
  const rowOf = new Map<string, { against: number; abstain: number; writeIn: boolean }>();
  input.candidates.forEach((name, j) => {
    rowOf.set(name, { against: count.againstVotes[j]!, abstain: count.abstainVotes[j]!, writeIn: false });
  });
  // Handwritten names may hold characters the stroke data lacks: those go last, the count goes on.
  const writeInNames = [...count.writeInsOnValidBallots]
    .map((id) => input.ballots.writeInNames[id]!)
    .filter((n) => !rowOf.has(n))
    .sort(compareNamesLeniently);
  for (const name of writeInNames) {
    const id = input.ballots.writeInNames.indexOf(name);
    standings.push({ name, votes: count.writeInVotes[id]! });
    rowOf.set(name, { against: 0, abstain: 0, writeIn: true });
  }
  const votesOf = new Map(standings.map((s) => [s.name, s.votes]));
  const qualifiers = standings.filter((s) => s.votes >= threshold.minimumFor);

  // [T5] Combined ballot: qualifiers not seated as members fill the alternate seats, by votes; with
  // a tie at the last member seat, only the alternate seats its losers take wait for the run-off.
  const combined =
    input.alternateSeats && input.round !== 'preliminary'
      ? allocateCombined(
          qualifiers,
          input.round === 'runoff' ? standings : qualifiers,
          seatsToFill,
          input.alternateSeats,
        )
      : undefined;
  const members = combined?.members ?? allocateSeats(qualifiers, seatsToFill);
  const alternates = combined?.alternates;
  const electedSet = new Set(
    input.round === 'preliminary' ? [] : [...members.seated, ...(alternates?.seated ?? [])],
  );
  const qualifiedSet = new Set(qualifiers.map((q) => q.name));
  const approvedOrder = input.approvedOrder ?? input.candidates;
  const rowNames = [...tallyRowOrder(input.office, approvedOrder), ...writeInNames];
  const results: CandidateResult[] = rowNames.map((name) => {
    const row = rowOf.get(name)!;
    return {
      name,
      for: votesOf.get(name)!,
      against: row.against,
      abstain: row.abstain,
      writeIn: row.writeIn,
      qualified: qualifiedSet.has(name),
      elected: electedSet.has(name),
    };
  });
  const standingOf = (name: string): Standing => ({ name, votes: votesOf.get(name)! });
  const alternateTie: Runoff | null = alternates?.runoff
    ? { ...alternates.runoff, office: 'alternate-member' as const }
    : null;
  const memberRunoff: Runoff | null =
    members.runoff && combined?.alternateSeatsOfRunoff
      ? { ...members.runoff, alternateSeats: combined.alternateSeatsOfRunoff }
      : members.runoff;
  // [T3] The member run-off comes first; an alternate tie below it waits only for its own run-off.
  const runoff: Runoff | null = memberRunoff ?? alternateTie;
  const shortOfSeats = members.shortfall > 0 || (alternates?.shortfall ?? 0) > 0;
  const outcome: Outcome = runoff ? 'runoff-required' : shortOfSeats ? 'shortfall' : 'complete';
  // Seats still unfilled after this round: a shortfall [T4], or the seats a run-off must decide [T3].
  const unfilled = members.shortfall + (members.runoff?.seats ?? 0);

  if (input.round === 'preliminary') {
    // [C4] The advancing list, by votes descending (equal votes in stroke order for display).
    return {
      outcome,
      ...base,
      ballots: { returned: count.returned, valid: count.valid, invalid: count.invalid },
      threshold,
      results,
      elected: [],
      advancing: alternateOrder(members.seated.map(standingOf)),
      runoff,
      shortfall: unfilled,
    };
  }
  return {
    outcome,
    ...base,
    ballots: { returned: count.returned, valid: count.valid, invalid: count.invalid },
    threshold,
    results,
    elected: publishedOrder(input.office, members.seated.map(standingOf), approvedOrder),
    ...(combined
      ? {
          // [T6] votes descending, equal votes in stroke order.
          electedAlternates: alternateOrder(combined.alternates.seated.map(standingOf)),
          alternateRunoff: memberRunoff ? alternateTie : null,
          alternateShortfall:
            combined.alternateSeatsOfRunoff +
            combined.alternates.shortfall +
            (combined.alternates.runoff?.seats ?? 0),
        }
      : {}),
    runoff,
    shortfall: unfilled,
  };
}

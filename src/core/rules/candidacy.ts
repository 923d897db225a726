import type { RuleParameters } from './parameters.ts';
import type { RoundKind } from './types.ts';

export interface CandidacyVerdict {
  readonly rule: string;
  readonly ok: boolean;
  readonly candidates: number;
  readonly seats: number;
  /** The fewest candidates the rule allows for these seats. */
  readonly minimum: number;
  /** The most candidates the rule allows (equal elections), or null. */
  readonly maximum: number | null;
}

/** [C2] The fewest candidates for `seats`: (c − s)·100 ≥ r·s and c − s ≥ count, in integers. */
export function minimumCandidates(seats: number, parameters: RuleParameters): number {
  // The least surplus with surplus·100 ≥ r·s is r·s/100 rounded up, computed in integers.
  const product = parameters.minSurplusPercent * seats;
  const surplusByPercent = (product - (product % 100)) / 100 + (product % 100 === 0 ? 0 : 1);
  // [C1] competitive means at least one more candidate than seats, whatever the percentage.
  return seats + Math.max(surplusByPercent, parameters.minSurplusCount, 1);
}

/**
 * Whether a candidate list may be put to a vote.
 * [C1] competitive offices need more candidates than seats, secretaries and deputies exactly as many;
 * [C2] competitive lists need the minimum surplus; [C4] a preliminary round must be competitive
 * (more candidates than it advances), and the formal round after it may be equal;
 * [T3] a run-off is among more tied candidates than the seats it decides.
 */
export function checkCandidacy(input: {
  readonly round: RoundKind;
  readonly seats: number;
  readonly candidates: number;
  readonly parameters: RuleParameters;
  /** [C4] for a preliminary round: how many it puts forward. */
  readonly advance?: number;
  /** [C4] a formal round whose list came from a preliminary round may be equal. */
  readonly afterPreliminary?: boolean;
}): CandidacyVerdict {
  const { round, seats, candidates, parameters } = input;
  const verdict = (rule: string, minimum: number, maximum: number | null): CandidacyVerdict => ({
    rule,
    ok: candidates >= minimum && (maximum === null || candidates <= maximum),
    candidates,
    seats,
    minimum,
    maximum,
  });
  if (round === 'runoff') return verdict('T3', seats + 1, null);
  if (round === 'preliminary') {
    const advance = input.advance ?? seats;
    return verdict('C4', advance + 1, null);
  }
  if (parameters.candidacy === 'equal') return verdict('C1', seats, seats);
  if (parameters.candidacy === 'free') return verdict('C1', 1, null);
  if (round === 'formal' && input.afterPreliminary) return verdict('C4', seats, null);
  return verdict('C2', minimumCandidates(seats, parameters), null);
}

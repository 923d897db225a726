import { leastIntegerAbove } from './fraction.ts';
import type { RuleParameters } from './parameters.ts';
import type { Electors } from './types.ts';

export interface ThresholdVerdict {
  readonly rule: string;
  /** The number the votes are compared with: expected electors [T1], present electors [T2]. */
  readonly base: number;
  /** The fewest "for" votes that qualify. */
  readonly minimumFor: number;
}

/**
 * [T1] local: votes for × 2 > expected electors (应到会), not those present.
 * [T2] grassroots: votes for × 2 > electors present (实到会); exactly half fails.
 */
export function electionThreshold(parameters: RuleParameters, electors: Electors): ThresholdVerdict {
  const base = parameters.thresholdBase === 'expected' ? electors.expected : electors.present;
  return {
    rule: parameters.thresholdBase === 'expected' ? 'T1' : 'T2',
    base,
    minimumFor: leastIntegerAbove(parameters.thresholdFraction, base),
  };
}

/**
 * [T3] In a run-off among candidates tied at the last seat, "得票多的当选": more votes decide, so a
 * single "for" vote is the least that can win (base: the valid ballots of the run-off). With
 * `runoffThreshold` the [T1]/[T2] threshold applies again.
 */
export function runoffThreshold(
  parameters: RuleParameters,
  electors: Electors,
  validBallots: number,
): ThresholdVerdict {
  if (parameters.runoffThreshold) return electionThreshold(parameters, electors);
  return { rule: 'T3', base: validBallots, minimumFor: 1 };
}

import { exceedsFraction, formatFraction, leastIntegerAbove } from './fraction.ts';
import type { RuleParameters } from './parameters.ts';
import type { Electors, RuleSetId } from './types.ts';

export interface QuorumVerdict {
  readonly rule: string;
  readonly met: boolean;
  readonly present: number;
  readonly expected: number;
  /** The fewest present electors that would meet the quorum. */
  readonly minimumPresent: number;
}

/**
 * The rule that decides whether voting may start:
 * [Q1] local congress: present > 1/2 of expected (地方条例 第二十四条);
 * [Q2] local plenary: present > 2/3 of expected (3·present > 2·expected);
 * [Q3] grassroots: voting members present > 4/5 of expected.
 * A custom rule set names the fraction it compares against.
 */
export function quorumRuleId(ruleSet: RuleSetId, parameters: RuleParameters): string {
  if (ruleSet === 'local-congress') return 'Q1';
  if (ruleSet === 'local-plenary') return 'Q2';
  if (ruleSet === 'grassroots') return 'Q3';
  return `quorum>${formatFraction(parameters.quorumFraction)}`;
}

/** [Q1]–[Q3]: strictly more than the fraction; [Q4] the counts must be of electors with a vote. */
export function checkQuorum(
  ruleSet: RuleSetId,
  parameters: RuleParameters,
  electors: Electors,
): QuorumVerdict {
  return {
    rule: quorumRuleId(ruleSet, parameters),
    met: exceedsFraction(electors.present, parameters.quorumFraction, electors.expected),
    present: electors.present,
    expected: electors.expected,
    minimumPresent: leastIntegerAbove(parameters.quorumFraction, electors.expected),
  };
}

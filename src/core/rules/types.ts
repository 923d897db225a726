// The vocabulary of the rules engine (glossary.md gives one English name per concept).

export type RuleSetId = 'local-congress' | 'local-plenary' | 'grassroots' | 'custom';

export const RULE_SET_IDS: readonly RuleSetId[] = ['local-congress', 'local-plenary', 'grassroots', 'custom'];

export type Office =
  | 'delegate'
  | 'committee-member'
  | 'alternate-member'
  | 'discipline-member'
  | 'standing-committee'
  | 'secretary'
  | 'deputy-secretary'
  | 'other';

export const OFFICES: readonly Office[] = [
  'delegate',
  'committee-member',
  'alternate-member',
  'discipline-member',
  'standing-committee',
  'secretary',
  'deputy-secretary',
  'other',
];

export type RoundKind = 'formal' | 'preliminary' | 'runoff' | 'supplementary';

export const ROUND_KINDS: readonly RoundKind[] = ['formal', 'preliminary', 'runoff', 'supplementary'];

/** A mark beside one printed name on one ballot [B1]. */
export type Mark = 'for' | 'against' | 'abstain' | 'unreadable';

/** An exact ratio of integers; "more than p/q of n" is always evaluated as x·q > p·n. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

export interface Electors {
  /** 应到会: electors with a vote who should attend. */
  readonly expected: number;
  /** 实到会 / 参加: electors with a vote who attend. */
  readonly present: number;
}

import { FOUR_FIFTHS, HALF, TWO_THIRDS } from './fraction.ts';
import type { Fraction, Office, RuleSetId } from './types.ts';

/**
 * Every configurable parameter of an election (election-rules.md). A congress's adopted election
 * method [P4] may change the ones a named rule set leaves open; `custom` must give them all.
 * The values in force are recorded in every result.
 */
export interface RuleParameters {
  /** [Q1]–[Q3]: voting may start only when present > quorumFraction × expected. */
  readonly quorumFraction: Fraction;
  /** [T1] counts from the expected electors (应到会), [T2] from those present (实到会). */
  readonly thresholdBase: 'expected' | 'present';
  /** [T1]/[T2]: elected only with votes for > thresholdFraction × base. */
  readonly thresholdFraction: Fraction;
  /** [C1]: more candidates than seats, exactly as many, or no constraint (custom bodies). */
  readonly candidacy: 'competitive' | 'equal' | 'free';
  /** [C2]: (candidates − seats) × 100 ≥ minSurplusPercent × seats. */
  readonly minSurplusPercent: number;
  /** [C2]: candidates − seats ≥ minSurplusCount (standing committees: at least 1 more). */
  readonly minSurplusCount: number;
  /** [B1]: an unreadable mark counts as an abstention, or makes the whole ballot invalid. */
  readonly unreadable: 'abstain' | 'invalid-ballot';
  /** [B1]/[T8]: electors may write in another person (另选他人). */
  readonly writeIns: boolean;
  /** [T3]: whether a run-off winner must also clear the [T1]/[T2] threshold, or more votes suffice. */
  readonly runoffThreshold: boolean;
}

export const PARAMETER_NAMES = [
  'quorumFraction',
  'thresholdBase',
  'thresholdFraction',
  'candidacy',
  'minSurplusPercent',
  'minSurplusCount',
  'unreadable',
  'writeIns',
  'runoffThreshold',
] as const satisfies readonly (keyof RuleParameters)[];

/** Parameters a named rule set fixes by regulation; only `custom` may set them. */
export const FIXED_BY_REGULATION: ReadonlySet<keyof RuleParameters> = new Set([
  'quorumFraction',
  'thresholdBase',
  'thresholdFraction',
  'candidacy',
]);

/** [C1] Secretaries and deputies are elected with exactly as many candidates as seats. */
export function candidacyKind(office: Office): RuleParameters['candidacy'] {
  if (office === 'secretary' || office === 'deputy-secretary') return 'equal';
  if (office === 'other') return 'free';
  return 'competitive';
}

/** [C2] Default minimum surplus, per rule set and office (percent of seats, and a count). */
export function defaultSurplus(ruleSet: RuleSetId, office: Office): { percent: number; count: number } {
  const kind = candidacyKind(office);
  if (kind !== 'competitive') return { percent: 0, count: 0 };
  // Standing committees: at least one more candidate than seats.
  if (office === 'standing-committee') return { percent: 0, count: 1 };
  if (ruleSet === 'grassroots') return { percent: 20, count: 1 }; // 基层条例 第九条, 第十三条
  if (office === 'delegate') return { percent: 20, count: 1 };
  return { percent: 10, count: 1 }; // committee members, alternates, discipline commission members
}

/** [Q1] local congress > 1/2; [Q2] local plenary > 2/3; [Q3] grassroots > 4/5. */
function quorumFractionOf(ruleSet: Exclude<RuleSetId, 'custom'>): Fraction {
  if (ruleSet === 'local-plenary') return TWO_THIRDS;
  if (ruleSet === 'grassroots') return FOUR_FIFTHS;
  return HALF;
}

/** The documented defaults of a named rule set for one office. */
export function defaultParameters(ruleSet: Exclude<RuleSetId, 'custom'>, office: Office): RuleParameters {
  const surplus = defaultSurplus(ruleSet, office);
  return {
    quorumFraction: quorumFractionOf(ruleSet),
    // [T1] local congress and plenary count from the expected; [T2] grassroots from those present.
    thresholdBase: ruleSet === 'grassroots' ? 'present' : 'expected',
    thresholdFraction: HALF,
    candidacy: candidacyKind(office),
    minSurplusPercent: surplus.percent,
    minSurplusCount: surplus.count,
    unreadable: 'abstain',
    writeIns: true,
    runoffThreshold: false,
  };
}

export type ParameterOverrides = Partial<RuleParameters>;

export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    readonly en: string,
    readonly zh: string,
  ) {
    super(`${parameter}: ${en}`);
  }
}

/**
 * The parameters in force: a named rule set's defaults with the method's overrides, or a custom
 * set given in full. A named rule set refuses overrides of what the regulations fix.
 */
export function resolveParameters(
  ruleSet: RuleSetId,
  office: Office,
  overrides: ParameterOverrides,
): RuleParameters {
  if (ruleSet === 'custom') {
    for (const name of PARAMETER_NAMES) {
      if (overrides[name] === undefined) {
        throw new ParameterError(name, 'required with ruleSet custom', '自定义规则集必须给出此参数');
      }
    }
    return overrides as RuleParameters;
  }
  for (const name of PARAMETER_NAMES) {
    if (overrides[name] !== undefined && FIXED_BY_REGULATION.has(name)) {
      throw new ParameterError(
        name,
        `fixed by the regulations for ruleSet ${ruleSet}; use ruleSet custom to change it`,
        `${ruleSet} 规则集的此项由条例规定，不能更改；如需更改请使用 custom 规则集`,
      );
    }
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...defaultParameters(ruleSet, office), ...defined };
}

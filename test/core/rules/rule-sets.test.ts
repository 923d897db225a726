import { describe, expect, it } from 'vitest';
import {
  defaultParameters,
  PARAMETER_NAMES,
  ParameterError,
  type RuleParameters,
  resolveParameters,
  tallyRound,
} from '../../../src/core/rules/index.ts';
import { buildRound, votesFor } from './round-builder.ts';

const everything: RuleParameters = {
  quorumFraction: { numerator: 3, denominator: 5 },
  thresholdBase: 'present',
  thresholdFraction: { numerator: 2, denominator: 3 },
  candidacy: 'free',
  minSurplusPercent: 0,
  minSurplusCount: 0,
  unreadable: 'abstain',
  writeIns: false,
  runoffThreshold: false,
};

describe('rule sets', () => {
  it('local-congress: [Q1] > 1/2, [T1] from the expected, [C2] 10% for members and 20% for delegates', () => {
    expect(defaultParameters('local-congress', 'committee-member')).toMatchObject({
      quorumFraction: { numerator: 1, denominator: 2 },
      thresholdBase: 'expected',
      candidacy: 'competitive',
      minSurplusPercent: 10,
    });
    expect(defaultParameters('local-congress', 'delegate').minSurplusPercent).toBe(20);
  });

  it('local-plenary: [Q2] > 2/3, [T1] from the expected, [C1] equal for the secretary', () => {
    expect(defaultParameters('local-plenary', 'secretary')).toMatchObject({
      quorumFraction: { numerator: 2, denominator: 3 },
      thresholdBase: 'expected',
      candidacy: 'equal',
    });
  });

  it('grassroots: [Q3] > 4/5, [T2] from those present, [C2] 20%', () => {
    expect(defaultParameters('grassroots', 'committee-member')).toMatchObject({
      quorumFraction: { numerator: 4, denominator: 5 },
      thresholdBase: 'present',
      minSurplusPercent: 20,
    });
  });

  it('a named rule set accepts the method’s configurable choices and refuses what the regulations fix', () => {
    expect(resolveParameters('local-congress', 'delegate', { minSurplusPercent: 25 }).minSurplusPercent).toBe(
      25,
    );
    expect(() => resolveParameters('local-congress', 'delegate', { thresholdBase: 'present' })).toThrow(
      ParameterError,
    );
  });

  it('custom: every parameter must be given, and each is used', () => {
    for (const missing of PARAMETER_NAMES) {
      const partial: Partial<RuleParameters> = { ...everything };
      delete partial[missing];
      expect(() => resolveParameters('custom', 'other', partial)).toThrow(missing);
    }
    const parameters = resolveParameters('custom', 'other', everything);
    // 20 expected, 12 present (12·5 > 3·20 fails: exactly 3/5), 13 present meets it.
    const base = { seats: 1, expected: 20, candidates: ['王宁', '李强'], office: 'other' as const };
    const noQuorum = tallyRound({
      ...buildRound({ ...base, present: 12, ballots: [] }),
      ruleSet: 'custom',
      parameters,
    });
    expect(noQuorum.outcome).toBe('no-quorum');
    expect(noQuorum.quorum.rule).toBe('quorum>3/5');
    // 13 present: more than 2/3 of those present is 9.
    const result = tallyRound({
      ...buildRound({ ...base, present: 13, ballots: [votesFor(9, '王宁'), votesFor(4, '李强')] }),
      ruleSet: 'custom',
      parameters,
    });
    expect(result.threshold).toEqual({ rule: 'T2', base: 13, minimumFor: 9 });
    expect(result.elected).toEqual(['王宁']);
    expect(result.parameters).toMatchObject({
      quorumFraction: '3/5',
      thresholdFraction: '2/3',
      candidacy: 'free',
    });
  });
});

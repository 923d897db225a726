import { describe, expect, it } from 'vitest';
import {
  checkQuorum,
  countElectors,
  defaultParameters,
  type ElectorRecord,
  mayCast,
  tallyRound,
} from '../../../src/core/rules/index.ts';
import { buildRound, votesFor } from './round-builder.ts';

const congress = defaultParameters('local-congress', 'committee-member');
const plenary = defaultParameters('local-plenary', 'standing-committee');
const grassroots = defaultParameters('grassroots', 'committee-member');

describe('quorum', () => {
  it('[Q1] a local congress needs strictly more than half of the expected', () => {
    expect(checkQuorum('local-congress', congress, { expected: 417, present: 209 })).toEqual({
      rule: 'Q1',
      met: true,
      present: 209,
      expected: 417,
      minimumPresent: 209,
    });
    expect(checkQuorum('local-congress', congress, { expected: 417, present: 208 }).met).toBe(false);
    // Exactly half is not more than half.
    expect(checkQuorum('local-congress', congress, { expected: 416, present: 208 }).met).toBe(false);
    expect(checkQuorum('local-congress', congress, { expected: 416, present: 209 }).met).toBe(true);
  });

  it('[Q2] a local plenary needs strictly more than two thirds (3·present > 2·expected)', () => {
    expect(checkQuorum('local-plenary', plenary, { expected: 30, present: 20 }).met).toBe(false);
    expect(checkQuorum('local-plenary', plenary, { expected: 30, present: 21 })).toMatchObject({
      rule: 'Q2',
      met: true,
      minimumPresent: 21,
    });
    // 48 members as at the Quzhou plenary: 2/3 is 32, so 33 are needed.
    expect(checkQuorum('local-plenary', plenary, { expected: 48, present: 32 }).met).toBe(false);
    expect(checkQuorum('local-plenary', plenary, { expected: 48, present: 33 }).met).toBe(true);
  });

  it('[Q3] grassroots needs strictly more than four fifths of the expected', () => {
    expect(checkQuorum('grassroots', grassroots, { expected: 50, present: 40 }).met).toBe(false);
    expect(checkQuorum('grassroots', grassroots, { expected: 50, present: 41 })).toMatchObject({
      rule: 'Q3',
      met: true,
    });
    expect(checkQuorum('grassroots', grassroots, { expected: 7, present: 6 }).met).toBe(true); // 30 > 28
    expect(checkQuorum('grassroots', grassroots, { expected: 5, present: 4 }).met).toBe(false); // 20 = 20
  });

  it('[Q3] approved exclusions leave the expected count', () => {
    const roster: ElectorRecord[] = [
      ...Array.from({ length: 8 }, () => ({ standing: 'full' as const, present: true })),
      { standing: 'full', present: false },
      {
        standing: 'full',
        present: false,
        excludedFromExpected: { reason: '出国半年以上', approvedBy: '上级党组织' },
      },
    ];
    const electors = countElectors(roster);
    expect(electors).toEqual({ expected: 9, present: 8 });
    expect(checkQuorum('grassroots', grassroots, electors).met).toBe(true); // 40 > 36
  });

  it('[Q4] only members with voting rights count', () => {
    const roster: ElectorRecord[] = [
      { standing: 'full', present: true },
      { standing: 'full', present: false },
      { standing: 'probationary', present: true },
      { standing: 'on-probation-within-party', present: true },
      { standing: 'rights-suspended', present: false },
      { standing: 'non-voting-attendee', present: true },
    ];
    expect(countElectors(roster)).toEqual({ expected: 2, present: 1 });
  });

  it('[Q5] no proxy: only a present elector with a vote may cast a ballot', () => {
    expect(mayCast({ standing: 'full', present: true })).toBe(true);
    expect(mayCast({ standing: 'full', present: false })).toBe(false);
    expect(mayCast({ standing: 'probationary', present: true })).toBe(false);
  });

  it('[Q1] without quorum nothing is counted', () => {
    const result = tallyRound(
      buildRound({ seats: 1, present: 208, candidates: ['王宁', '李强'], ballots: [votesFor(208, '王宁')] }),
    );
    expect(result.outcome).toBe('no-quorum');
    expect(result.results).toEqual([]);
    expect(result.elected).toEqual([]);
    expect(result.quorum).toMatchObject({ rule: 'Q1', met: false, present: 208, expected: 417 });
  });
});

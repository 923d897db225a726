import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDecisionCounts, decisionAdopted, meetingQuorum } from '../../../src/core/rules/meetings.ts';

describe('§8 meetings of the committee between congresses', () => {
  it('[M1] a plenary proceeds with more than half of its members present', () => {
    expect(meetingQuorum('plenary', { membersDue: 57, present: 48 })).toEqual({
      rule: 'M1',
      met: true,
      present: 48,
      expected: 57,
      minimumPresent: 29,
    });
    expect(meetingQuorum('plenary', { membersDue: 56, present: 28 }).met).toBe(false);
    expect(meetingQuorum('plenary', { membersDue: 56, present: 29 }).met).toBe(true);
  });

  it('[M1] the plenary quorum is configurable (two-thirds)', () => {
    const verdict = meetingQuorum(
      'plenary',
      { membersDue: 57, present: 38 },
      { plenaryQuorum: { numerator: 2, denominator: 3 } },
    );
    expect(verdict).toMatchObject({ rule: 'M1', met: false, minimumPresent: 39 });
  });

  it('[M2] a standing committee meeting needs more than half of its members: 6 of 11, not 5', () => {
    expect(meetingQuorum('standing-committee', { membersDue: 11, present: 6 })).toMatchObject({
      rule: 'M2',
      met: true,
      minimumPresent: 6,
    });
    expect(meetingQuorum('standing-committee', { membersDue: 10, present: 5 }).met).toBe(false);
  });

  it('[M3] cadre appointments need at least two-thirds present: 8 of 12 is enough, 7 is not', () => {
    const cadre = { cadreAppointments: true };
    expect(meetingQuorum('standing-committee', { membersDue: 12, present: 8 }, cadre)).toMatchObject({
      rule: 'M3',
      met: true,
      minimumPresent: 8,
    });
    expect(meetingQuorum('standing-committee', { membersDue: 12, present: 7 }, cadre).met).toBe(false);
    expect(meetingQuorum('standing-committee', { membersDue: 11, present: 8 }, cadre)).toMatchObject({
      met: true,
      minimumPresent: 8,
    });
  });

  it('[M4] a decision passes when votes for exceed half of the members due, not of those present', () => {
    expect(decisionAdopted(29, 57)).toEqual({
      rule: 'M4',
      adopted: true,
      votesFor: 29,
      membersDue: 57,
      minimumFor: 29,
    });
    expect(decisionAdopted(28, 57).adopted).toBe(false);
    // Exactly half fails.
    expect(decisionAdopted(6, 12).adopted).toBe(false);
    expect(decisionAdopted(7, 12).adopted).toBe(true);
  });

  it('[M4] counts must add up and no one votes by proxy', () => {
    expect(
      checkDecisionCounts({ votesFor: 40, against: 5, abstain: 3, present: 48, membersDue: 57 }).ok,
    ).toBe(true);
    expect(
      checkDecisionCounts({ votesFor: 45, against: 5, abstain: 3, present: 48, membersDue: 57 }),
    ).toMatchObject({
      ok: false,
      zh: expect.stringContaining('不得委托他人表决'),
    });
    expect(checkDecisionCounts({ votesFor: 1, against: 0, abstain: 0, present: 58, membersDue: 57 }).ok).toBe(
      false,
    );
    expect(checkDecisionCounts({ votesFor: -1, against: 0, abstain: 0, present: 3, membersDue: 5 }).ok).toBe(
      false,
    );
  });
});

describe('§8 properties at the boundaries', () => {
  const members = fc.integer({ min: 1, max: 5000 });

  it('[M2] met exactly when 2 × present > members, and minimumPresent is the boundary', () => {
    fc.assert(
      fc.property(members, fc.nat(5000), (membersDue, raw) => {
        const present = raw % (membersDue + 1);
        const verdict = meetingQuorum('standing-committee', { membersDue, present });
        expect(verdict.met).toBe(2 * present > membersDue);
        expect(meetingQuorum('standing-committee', { membersDue, present: verdict.minimumPresent }).met).toBe(
          true,
        );
        expect(
          meetingQuorum('standing-committee', { membersDue, present: verdict.minimumPresent - 1 }).met,
        ).toBe(false);
      }),
    );
  });

  it('[M3] met exactly when 3 × present ≥ 2 × members, and minimumPresent is the boundary', () => {
    fc.assert(
      fc.property(members, fc.nat(5000), (membersDue, raw) => {
        const present = raw % (membersDue + 1);
        const cadre = { cadreAppointments: true };
        const verdict = meetingQuorum('plenary', { membersDue, present }, cadre);
        expect(verdict.met).toBe(3 * present >= 2 * membersDue);
        expect(meetingQuorum('plenary', { membersDue, present: verdict.minimumPresent }, cadre).met).toBe(
          true,
        );
        expect(meetingQuorum('plenary', { membersDue, present: verdict.minimumPresent - 1 }, cadre).met).toBe(
          false,
        );
      }),
    );
  });

  it('[M3] is never easier than [M2]: a cadre quorum is always a meeting quorum (members ≥ 2)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5000 }), fc.nat(5000), (membersDue, raw) => {
        const present = raw % (membersDue + 1);
        if (meetingQuorum('standing-committee', { membersDue, present }, { cadreAppointments: true }).met) {
          expect(meetingQuorum('standing-committee', { membersDue, present }).met).toBe(true);
        }
      }),
    );
  });

  it('[M4] adopted exactly when 2 × for > members due; minimumFor is the boundary', () => {
    fc.assert(
      fc.property(members, fc.nat(5000), (membersDue, raw) => {
        const votesFor = raw % (membersDue + 1);
        const verdict = decisionAdopted(votesFor, membersDue);
        expect(verdict.adopted).toBe(2 * votesFor > membersDue);
        expect(decisionAdopted(verdict.minimumFor, membersDue).adopted).toBe(true);
        expect(decisionAdopted(verdict.minimumFor - 1, membersDue).adopted).toBe(false);
      }),
    );
  });
});

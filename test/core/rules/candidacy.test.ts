import { describe, expect, it } from 'vitest';
import {
  ballotOrder,
  checkCandidacy,
  defaultParameters,
  minimumCandidates,
  resolveParameters,
  tallyRound,
} from '../../../src/core/rules/index.ts';
import { buildRound, votesFor } from './round-builder.ts';

const formal = (
  office: Parameters<typeof defaultParameters>[1],
  seats: number,
  candidates: number,
  ruleSet: 'local-congress' | 'grassroots' | 'local-plenary' = 'local-congress',
) => checkCandidacy({ round: 'formal', seats, candidates, parameters: defaultParameters(ruleSet, office) });

describe('candidacy', () => {
  it('[C1] secretary and deputies: exactly as many candidates as seats', () => {
    expect(formal('secretary', 1, 1)).toMatchObject({ rule: 'C1', ok: true, minimum: 1, maximum: 1 });
    expect(formal('secretary', 1, 2).ok).toBe(false);
    expect(formal('deputy-secretary', 3, 3).ok).toBe(true);
    expect(formal('deputy-secretary', 3, 2).ok).toBe(false);
  });

  it('[C1] competitive offices: never as many candidates as seats', () => {
    expect(formal('standing-committee', 11, 11).ok).toBe(false);
    expect(formal('committee-member', 1, 1).ok).toBe(false);
  });

  it('[C2] committee members, alternates, discipline members: surplus ≥ 10% of seats', () => {
    // 50 seats: 10% is 5, so 55 candidates and no fewer.
    expect(formal('committee-member', 50, 55)).toMatchObject({ rule: 'C2', ok: true, minimum: 55 });
    expect(formal('committee-member', 50, 54).ok).toBe(false);
    // 45 seats: 4.5 rounds up to 5 — (50 − 45)·100 = 500 ≥ 450, but (49 − 45)·100 = 400 < 450.
    expect(formal('alternate-member', 45, 50).ok).toBe(true);
    expect(formal('alternate-member', 45, 49).ok).toBe(false);
    expect(formal('discipline-member', 25, 28).ok).toBe(true);
    expect(formal('discipline-member', 25, 27).ok).toBe(false);
  });

  it('[C2] delegates: surplus ≥ 20%, computed in integers', () => {
    expect(formal('delegate', 10, 12).ok).toBe(true);
    expect(formal('delegate', 10, 11).ok).toBe(false);
    expect(minimumCandidates(7, defaultParameters('local-congress', 'delegate'))).toBe(9); // 1.4 → 2
    expect(minimumCandidates(5, defaultParameters('local-congress', 'delegate'))).toBe(6); // exactly 1
  });

  it('[C2] standing committees: at least one more candidate than seats', () => {
    expect(formal('standing-committee', 11, 12, 'local-plenary')).toMatchObject({ ok: true, minimum: 12 });
  });

  it('[C2] grassroots delegates and committee members: surplus ≥ 20%', () => {
    expect(formal('committee-member', 5, 6, 'grassroots').ok).toBe(true);
    expect(formal('committee-member', 7, 8, 'grassroots').ok).toBe(false);
    expect(formal('committee-member', 7, 9, 'grassroots').ok).toBe(true);
  });

  it('[C2] the method may change the surplus, and the result records it', () => {
    const parameters = resolveParameters('local-congress', 'committee-member', { minSurplusPercent: 20 });
    expect(checkCandidacy({ round: 'formal', seats: 10, candidates: 11, parameters }).ok).toBe(false);
    const result = tallyRound(
      buildRound({
        seats: 10,
        candidates: [...'甲乙丙丁戊己庚辛壬癸子'],
        ballots: [],
        parameters: { minSurplusPercent: 20 },
      }),
    );
    expect(result.outcome).toBe('invalid-candidacy');
    expect(result.candidacy).toMatchObject({ rule: 'C2', ok: false, candidates: 11, seats: 10, minimum: 12 });
    expect(result.parameters.minSurplusPercent).toBe(20);
  });

  it('[C2] a list that breaks the rule is not put to a vote', () => {
    const result = tallyRound(
      buildRound({ seats: 2, candidates: ['王宁', '李强'], ballots: [votesFor(400, '王宁', '李强')] }),
    );
    expect(result.outcome).toBe('invalid-candidacy');
    expect(result.elected).toEqual([]);
  });

  it('[C3] ballot order: members by strokes, secretary and deputies in the approved order', () => {
    expect(ballotOrder('committee-member', ['王宁', '丁小强', '于波'])).toEqual(['丁小强', '于波', '王宁']);
    expect(ballotOrder('standing-committee', ['王宁', '丁小强'])).toEqual(['丁小强', '王宁']);
    expect(ballotOrder('deputy-secretary', ['王宁', '丁小强', '于波'])).toEqual(['王宁', '丁小强', '于波']);
  });

  it('[C4] a preliminary round must be competitive; the formal round after it may be equal', () => {
    const parameters = defaultParameters('local-congress', 'committee-member');
    expect(
      checkCandidacy({ round: 'preliminary', seats: 50, advance: 55, candidates: 55, parameters }).ok,
    ).toBe(false);
    expect(
      checkCandidacy({ round: 'preliminary', seats: 50, advance: 55, candidates: 56, parameters }),
    ).toMatchObject({
      rule: 'C4',
      ok: true,
    });
    expect(
      checkCandidacy({ round: 'formal', seats: 50, candidates: 50, parameters, afterPreliminary: true }),
    ).toMatchObject({
      rule: 'C4',
      ok: true,
    });
    expect(checkCandidacy({ round: 'formal', seats: 50, candidates: 50, parameters }).ok).toBe(false);
  });

  it('[C4] preliminary qualifiers need > half of the expected, ranked by votes; ties at the cut go to a run-off', () => {
    const result = tallyRound(
      buildRound({
        round: 'preliminary',
        seats: 2,
        advance: 3,
        candidates: ['王宁', '丁小强', '于波', '李强', '张伟'],
        ballots: [
          votesFor(150, '王宁', '丁小强', '于波'),
          votesFor(100, '王宁', '丁小强', '李强'),
          votesFor(10, '王宁', '张伟'),
        ],
      }),
    );
    // 王宁 260, 丁小强 250, 于波 150, 李强 100, 张伟 10: only two reach 209.
    expect(result.threshold).toMatchObject({ rule: 'T1', minimumFor: 209 });
    expect(result.advancing).toEqual(['王宁', '丁小强']);
    expect(result.elected).toEqual([]);
    expect(result.outcome).toBe('shortfall');
    expect(result.shortfall).toBe(1);
  });
});

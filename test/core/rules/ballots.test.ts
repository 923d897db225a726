import { describe, expect, it } from 'vitest';
import { BallotBoxBuilder, checkRoundValidity, tallyRound } from '../../../src/core/rules/index.ts';
import { buildRound, votesFor } from './round-builder.ts';

const candidates = ['王宁', '丁小强', '李强', '张伟'];
const row = (name: string, result: ReturnType<typeof tallyRound>) =>
  result.results.find((r) => r.name === name)!;

describe('ballots', () => {
  it('[B1] for, against, abstain per printed name; a name without a mark is an abstention', () => {
    const result = tallyRound(
      buildRound({
        seats: 3,
        candidates,
        ballots: [
          { count: 250, marks: { 王宁: 'for', 丁小强: 'against' } },
          { count: 100, marks: { 王宁: 'against', 李强: 'abstain' } },
        ],
      }),
    );
    expect(row('王宁', result)).toMatchObject({ for: 250, against: 100, abstain: 0 });
    expect(row('丁小强', result)).toMatchObject({ for: 0, against: 250, abstain: 100 });
    expect(row('李强', result)).toMatchObject({ for: 0, against: 0, abstain: 350 });
  });

  it('[B1] an unreadable mark is an abstention by default, or voids the ballot when configured', () => {
    const ballots = [
      votesFor(300, '王宁'),
      { count: 10, marks: { 王宁: 'unreadable' as const, 丁小强: 'for' as const } },
    ];
    const byDefault = tallyRound(buildRound({ seats: 3, candidates, ballots }));
    expect(byDefault.ballots).toEqual({ returned: 310, valid: 310, invalid: 0 });
    expect(row('王宁', byDefault)).toMatchObject({ for: 300, abstain: 10 });
    const strict = tallyRound(
      buildRound({ seats: 3, candidates, ballots, parameters: { unreadable: 'invalid-ballot' } }),
    );
    expect(strict.ballots).toEqual({ returned: 310, valid: 300, invalid: 10 });
    expect(row('丁小强', strict).for).toBe(0);
    expect(strict.parameters.unreadable).toBe('invalid-ballot');
  });

  it('[B2] returned equal to issued: the round is valid', () => {
    expect(checkRoundValidity(413, 413)).toEqual({ rule: 'B2', valid: true, issued: 413, returned: 413 });
    expect(checkRoundValidity(413, 410).valid).toBe(true);
  });

  it('[B2] more returned than issued: the whole round is void and nothing is counted', () => {
    expect(checkRoundValidity(413, 414).valid).toBe(false);
    const result = tallyRound(
      buildRound({ seats: 3, candidates, issued: 400, ballots: [votesFor(401, '王宁')] }),
    );
    expect(result.outcome).toBe('void');
    expect(result.validity).toEqual({ rule: 'B2', valid: false, issued: 400, returned: 401 });
    expect(result.results).toEqual([]);
    expect(result.elected).toEqual([]);
    expect(result.shortfall).toBe(3);
  });

  it('[B3] as many "for" marks as seats is valid; one more invalidates the whole ballot', () => {
    const result = tallyRound(
      buildRound({
        seats: 2,
        candidates: ['王宁', '丁小强', '李强'],
        ballots: [votesFor(300, '王宁', '丁小强'), votesFor(50, '王宁', '丁小强', '李强')],
      }),
    );
    expect(result.ballots).toEqual({ returned: 350, valid: 300, invalid: 50 });
    expect(row('李强', result).for).toBe(0);
  });

  it('[B3] write-ins count towards the "for" marks', () => {
    const result = tallyRound(
      buildRound({
        seats: 2,
        candidates: ['王宁', '丁小强', '李强'],
        ballots: [
          { count: 5, marks: { 王宁: 'for', 丁小强: 'for' }, writeIns: ['赵六'] },
          votesFor(300, '王宁'),
        ],
      }),
    );
    expect(result.ballots.invalid).toBe(5);
    expect(result.results.some((r) => r.name === '赵六')).toBe(false);
  });

  it('[B3] a blank ballot is valid; a ballot the scrutineers declared invalid is not', () => {
    const result = tallyRound(
      buildRound({
        seats: 2,
        candidates: ['王宁', '丁小强', '李强'],
        ballots: [{ count: 3 }, { ...votesFor(1, '王宁'), void: '有识别标记' }],
      }),
    );
    expect(result.ballots).toEqual({ returned: 4, valid: 3, invalid: 1 });
    expect(row('王宁', result)).toMatchObject({ for: 0, abstain: 3 });
  });

  it('[B4] the compact ballot holds marks only: no voter, no time, no serial', () => {
    const box = new BallotBoxBuilder(3).add({ marks: [1, 2, 0] }).build();
    expect(Object.keys(box).sort()).toEqual(
      ['candidateCount', 'marks', 'size', 'voided', 'weights', 'writeIns', 'writeInNames'].sort(),
    );
    expect(box.marks.byteLength).toBe(3); // one byte per mark
  });
});

import { describe, expect, it } from 'vitest';
import { allocateSeats, alternateOrder, publishedOrder, tallyRound } from '../../../src/core/rules/index.ts';
import { buildRound, votesFor } from './round-builder.ts';

describe('who is elected', () => {
  it('[T1] local: votes for × 2 > expected electors, not those present', () => {
    // 417 expected, 300 present: 209 votes needed although 209 is far more than half of 300.
    const result = tallyRound(
      buildRound({
        seats: 2,
        present: 300,
        candidates: ['王宁', '丁小强', '李强'],
        ballots: [votesFor(209, '王宁', '丁小强'), votesFor(91, '王宁')],
      }),
    );
    expect(result.threshold).toEqual({ rule: 'T1', base: 417, minimumFor: 209 });
    expect(result.results.find((r) => r.name === '王宁')).toMatchObject({
      for: 300,
      qualified: true,
      elected: true,
    });
    expect(result.results.find((r) => r.name === '丁小强')).toMatchObject({
      for: 209,
      qualified: true,
      elected: true,
    });
    const oneShort = tallyRound(
      buildRound({
        seats: 2,
        present: 300,
        candidates: ['王宁', '丁小强', '李强'],
        ballots: [votesFor(208, '丁小强'), votesFor(92)],
      }),
    );
    expect(oneShort.results.find((r) => r.name === '丁小强')).toMatchObject({
      for: 208,
      qualified: false,
      elected: false,
    });
  });

  it('[T1] an even expected count: exactly half fails', () => {
    const result = tallyRound(
      buildRound({
        seats: 1,
        expected: 400,
        present: 400,
        candidates: ['王宁', '李强'],
        ballots: [votesFor(200, '王宁'), votesFor(200, '李强')],
      }),
    );
    expect(result.threshold.minimumFor).toBe(201);
    expect(result.elected).toEqual([]);
    expect(result.outcome).toBe('shortfall');
  });

  it('[T2] grassroots: votes for × 2 > electors present; exactly half fails', () => {
    const base = {
      ruleSet: 'grassroots' as const,
      seats: 1,
      expected: 110,
      present: 100,
      candidates: ['王宁', '李强'],
    };
    const half = tallyRound(buildRound({ ...base, ballots: [votesFor(50, '王宁'), votesFor(50, '李强')] }));
    expect(half.threshold).toEqual({ rule: 'T2', base: 100, minimumFor: 51 });
    expect(half.elected).toEqual([]);
    const more = tallyRound(buildRound({ ...base, ballots: [votesFor(51, '王宁'), votesFor(49, '李强')] }));
    expect(more.elected).toEqual(['王宁']);
  });

  it('[T3] more qualifiers than seats: the most votes fill the seats', () => {
    const result = tallyRound(
      buildRound({
        seats: 2,
        candidates: ['王宁', '丁小强', '李强'],
        ballots: [votesFor(250, '王宁', '丁小强'), votesFor(150, '王宁', '李强'), votesFor(10, '李强')],
      }),
    );
    // 王宁 400, 丁小强 250, 李强 160.
    expect(result.elected).toEqual(['丁小强', '王宁']);
    expect(result.outcome).toBe('complete');
    expect(result.shortfall).toBe(0);
  });

  it('[T3] a tie at the last seat: those above are elected, the tied go to a run-off', () => {
    const real = tallyRound(
      buildRound({
        seats: 2,
        candidates: ['王宁', '丁小强', '李强', '张伟'],
        ballots: [
          votesFor(163, '王宁', '丁小强'),
          votesFor(163, '王宁', '李强'),
          votesFor(87, '丁小强', '李强'),
        ],
      }),
    );
    // 王宁 326; 丁小强 and 李强 tie at 250 for the second seat.
    expect(real.outcome).toBe('runoff-required');
    expect(real.elected).toEqual(['王宁']);
    expect(real.runoff).toEqual({ seats: 1, candidates: expect.arrayContaining(['丁小强', '李强']) });
    expect(real.runoff!.candidates).toHaveLength(2);
    expect(real.shortfall).toBe(1);
  });

  it('[T3] a tie that can be seated in full needs no run-off', () => {
    expect(
      allocateSeats(
        [
          { name: 'a', votes: 300 },
          { name: 'b', votes: 250 },
          { name: 'c', votes: 250 },
        ],
        3,
      ),
    ).toEqual({
      seated: ['a', 'b', 'c'],
      runoff: null,
      shortfall: 0,
    });
    expect(
      allocateSeats(
        [
          { name: 'a', votes: 300 },
          { name: 'b', votes: 250 },
          { name: 'c', votes: 250 },
        ],
        2,
      ).runoff,
    ).toEqual({
      seats: 1,
      candidates: ['b', 'c'],
    });
  });

  it('[T3] a run-off is decided by more votes among the tied alone', () => {
    const result = tallyRound(
      buildRound({
        round: 'runoff',
        seats: 1,
        candidates: ['丁小强', '李强'],
        ballots: [votesFor(150, '丁小强'), votesFor(149, '李强')],
      }),
    );
    expect(result.threshold.rule).toBe('T3');
    expect(result.elected).toEqual(['丁小强']);
    expect(result.candidacy).toMatchObject({ rule: 'T3', ok: true });
    const again = tallyRound(
      buildRound({
        round: 'runoff',
        seats: 1,
        candidates: ['丁小强', '李强'],
        ballots: [votesFor(150, '丁小强'), votesFor(150, '李强')],
      }),
    );
    expect(again.outcome).toBe('runoff-required');
    const strict = tallyRound(
      buildRound({
        round: 'runoff',
        seats: 1,
        candidates: ['丁小强', '李强'],
        ballots: [votesFor(150, '丁小强'), votesFor(149, '李强')],
        parameters: { runoffThreshold: true },
      }),
    );
    expect(strict.threshold).toMatchObject({ rule: 'T1', minimumFor: 209 });
    expect(strict.elected).toEqual([]);
  });

  it('[T4] fewer qualifiers than seats: they are elected and the rest is a shortfall', () => {
    const result = tallyRound(
      buildRound({
        seats: 3,
        candidates: ['王宁', '丁小强', '李强', '张伟'],
        ballots: [votesFor(300, '王宁'), votesFor(100, '李强', '张伟')],
      }),
    );
    expect(result.elected).toEqual(['王宁']);
    expect(result.outcome).toBe('shortfall');
    expect(result.shortfall).toBe(2);
  });

  it('[T5] a combined ballot fills members first, then alternates, by votes', () => {
    const result = tallyRound(
      buildRound({
        seats: 2,
        alternateSeats: 2,
        candidates: ['王宁', '丁小强', '李强', '张伟', '于波'],
        ballots: [votesFor(300, '王宁', '丁小强', '李强', '张伟'), votesFor(50, '王宁', '丁小强', '于波')],
      }),
    );
    // 王宁 350, 丁小强 350, 李强 300, 张伟 300, 于波 50: a ballot may carry 4 "for" marks.
    expect(result.elected).toEqual(['丁小强', '王宁']);
    expect(result.electedAlternates).toEqual(['李强', '张伟']);
    expect(result.outcome).toBe('complete');
  });

  it('[T6] alternates: votes descending, equal votes in surname-stroke order', () => {
    expect(
      alternateOrder([
        { name: '王宁', votes: 300 },
        { name: '丁小强', votes: 280 },
        { name: '于波', votes: 300 },
      ]),
    ).toEqual(['于波', '王宁', '丁小强']);
    const result = tallyRound(
      buildRound({
        office: 'alternate-member',
        seats: 3,
        candidates: ['王宁', '丁小强', '于波', '张伟'],
        ballots: [votesFor(300, '王宁', '于波', '丁小强'), votesFor(20, '丁小强')],
      }),
    );
    expect(result.elected).toEqual(['丁小强', '于波', '王宁']);
  });

  it('[T7] published order: strokes for members, approved order for secretary and deputies', () => {
    const standings = [
      { name: '王宁', votes: 300 },
      { name: '丁小强', votes: 320 },
    ];
    expect(publishedOrder('committee-member', standings, ['王宁', '丁小强'])).toEqual(['丁小强', '王宁']);
    expect(publishedOrder('deputy-secretary', standings, ['王宁', '丁小强'])).toEqual(['王宁', '丁小强']);
    expect(publishedOrder('standing-committee', standings, ['王宁', '丁小强'])).toEqual(['王宁', '丁小强']);
    const result = tallyRound(
      buildRound({
        ruleSet: 'local-plenary',
        office: 'deputy-secretary',
        seats: 2,
        expected: 49,
        present: 48,
        candidates: ['王宁', '丁小强'],
        ballots: [votesFor(48, '王宁', '丁小强')],
      }),
    );
    expect(result.elected).toEqual(['王宁', '丁小强']);
    expect(result.results.map((r) => r.name)).toEqual(['王宁', '丁小强']);
  });

  it('[T8] a write-in reaching the threshold is elected like a printed candidate', () => {
    const result = tallyRound(
      buildRound({
        seats: 2,
        candidates: ['王宁', '丁小强', '李强'],
        ballots: [{ count: 250, marks: { 王宁: 'for' }, writeIns: ['赵六'] }, votesFor(100, '丁小强')],
      }),
    );
    expect(result.results.at(-1)).toMatchObject({
      name: '赵六',
      for: 250,
      writeIn: true,
      qualified: true,
      elected: true,
    });
    expect(result.elected).toEqual(['王宁', '赵六']);
  });
});

describe('write-ins the stroke data cannot order', () => {
  it('[T8] a handwritten name with an unknown character is counted and listed last, not refused', () => {
    const result = tallyRound(
      buildRound({
        seats: 2,
        candidates: ['王宁', '丁小强', '李强'],
        ballots: [
          { count: 250, marks: { 王宁: 'for' }, writeIns: ['Smith'] },
          { count: 10, writeIns: ['赵六'] },
        ],
      }),
    );
    expect(result.results.slice(-2).map((r) => r.name)).toEqual(['赵六', 'Smith']);
    expect(result.elected).toEqual(['王宁', 'Smith']);
  });
});

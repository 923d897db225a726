import { describe, expect, it } from 'vitest';
import { allocateSeats, alternateOrder, publishedOrder, tallyRound } from '../../../src/core/rules/index.ts';
import { ballotsWithVotes, buildRound, votesFor } from './round-builder.ts';

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

  it('[T5][T3] a tie at the last member seat: only the tied wait for the run-off; the alternates below it are elected now', () => {
    // 3 member seats, 2 alternate seats, 120 electors expected: threshold 61 [T1].
    const votes = { 王宁: 118, 丁小强: 104, 李强: 95, 张伟: 95, 赵敏: 88, 于波: 72 };
    const result = tallyRound(
      buildRound({
        seats: 3,
        alternateSeats: 2,
        expected: 120,
        present: 120,
        candidates: Object.keys(votes),
        ballots: ballotsWithVotes(votes, 120),
      }),
    );
    expect(result.threshold.minimumFor).toBe(61);
    expect(result.outcome).toBe('runoff-required');
    expect(result.elected).toEqual(['丁小强', '王宁']);
    // The two at 95 contest the last member seat; its loser is the first alternate, whatever it gives.
    expect(result.runoff).toEqual({ seats: 1, candidates: ['李强', '张伟'], alternateSeats: 1 });
    // 赵敏 (88) is the second alternate now; 于波 (72) is not elected.
    expect(result.electedAlternates).toEqual(['赵敏']);
    expect(result.alternateRunoff).toBeNull();
    expect(result.alternateShortfall).toBe(1);
    expect(result.shortfall).toBe(1);
    const row = (name: string) => result.results.find((r) => r.name === name)!;
    expect(row('赵敏')).toMatchObject({ qualified: true, elected: true });
    expect(row('于波')).toMatchObject({ qualified: true, elected: false });
    expect(row('李强').elected).toBe(false);
  });

  it('[T5][T3] the run-off for the last member seat elects its loser alternate, in [T6] order', () => {
    const runoff = (votes: Record<string, number>) =>
      tallyRound(
        buildRound({
          round: 'runoff',
          seats: 1,
          alternateSeats: 1,
          expected: 120,
          present: 120,
          candidates: ['李强', '张伟'],
          ballots: ballotsWithVotes(votes, 120),
        }),
      );
    const decided = runoff({ 李强: 70, 张伟: 50 });
    expect(decided).toMatchObject({ outcome: 'complete', elected: ['李强'], electedAlternates: ['张伟'] });
    expect(decided.alternateShortfall).toBe(0);
    // Its loser is an alternate even with no vote at all: the first round qualified them.
    expect(runoff({ 张伟: 120 })).toMatchObject({ elected: ['张伟'], electedAlternates: ['李强'] });
    // A tie again: a further run-off, its loser still an alternate.
    expect(runoff({ 李强: 60, 张伟: 60 })).toMatchObject({
      outcome: 'runoff-required',
      elected: [],
      electedAlternates: [],
      runoff: { seats: 1, candidates: ['李强', '张伟'], alternateSeats: 1 },
    });
  });

  it('[T5][T3] more tied than the seats left to them: the run-off decides the member seat and the alternate seats among them', () => {
    // 1 member seat, 2 alternate seats; four tied at 64 for the member seat (threshold 61).
    const votes = { 王宁: 64, 丁小强: 64, 李强: 64, 张伟: 64, 赵敏: 62 };
    const result = tallyRound(
      buildRound({
        seats: 1,
        alternateSeats: 2,
        expected: 120,
        present: 120,
        candidates: Object.keys(votes),
        ballots: ballotsWithVotes(votes, 120),
      }),
    );
    expect(result.runoff).toMatchObject({ seats: 1, alternateSeats: 2 });
    expect(result.runoff!.candidates).toHaveLength(4);
    expect(result.electedAlternates).toEqual([]);
    expect(result.results.find((r) => r.name === '赵敏')!.elected).toBe(false);
    // With 3 alternate seats, 赵敏 takes the one the run-off's 3 losers leave.
    const more = tallyRound(
      buildRound({
        seats: 1,
        alternateSeats: 4,
        expected: 120,
        present: 120,
        candidates: Object.keys(votes),
        ballots: ballotsWithVotes(votes, 120),
      }),
    );
    expect(more.runoff).toMatchObject({ seats: 1, alternateSeats: 3 });
    expect(more.electedAlternates).toEqual(['赵敏']);
  });

  it('[T5][T3] a member tie and an alternate tie below it: two run-offs, independent of each other', () => {
    const votes = { 王宁: 100, 丁小强: 90, 李强: 90, 张伟: 80, 赵敏: 70, 于波: 70 };
    const result = tallyRound(
      buildRound({
        seats: 2,
        alternateSeats: 3,
        expected: 120,
        present: 120,
        candidates: Object.keys(votes),
        ballots: ballotsWithVotes(votes, 120),
      }),
    );
    expect(result.elected).toEqual(['王宁']);
    expect(result.runoff).toEqual({ seats: 1, candidates: ['丁小强', '李强'], alternateSeats: 1 });
    expect(result.electedAlternates).toEqual(['张伟']);
    expect(result.alternateRunoff).toEqual({
      seats: 1,
      candidates: ['赵敏', '于波'],
      office: 'alternate-member',
    });
    expect(result.alternateShortfall).toBe(2);
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

import { describe, expect, it } from 'vitest';
import {
  ballotSummary,
  blankBallot,
  CHOICE_SYMBOL,
  replaced,
} from '../../../src/adapters/web/src/pages/vote/vote-ballot.ts';
import { electronicRounds, splitRounds } from '../../../src/adapters/web/src/pages/vote/vote-rounds.ts';
import { election, round } from './hall-fixtures.ts';

describe("the delegate's rounds", () => {
  const views = [
    election({
      id: 'e1',
      title: '委员',
      rounds: [round({ id: 'r1', seq: 1, status: 'announced' }), round({ id: 'r2', seq: 2, status: 'open' })],
    }),
    election({ id: 'e2', title: '代表', ballotMode: 'paper', rounds: [round({ id: 'r3', mode: 'paper' })] }),
    election({ id: 'e3', title: '纪委', rounds: [round({ id: 'r4', mode: 'paper' })] }),
  ];

  it('lists the electronic rounds of the electronic elections, named by their election', () => {
    expect(electronicRounds(views)).toEqual([
      { roundId: 'r1', title: '委员', seq: 1, status: 'announced' },
      { roundId: 'r2', title: '委员', seq: 2, status: 'open' },
    ]);
  });

  it('splits open rounds from closed ones, and keeps the receipts of closed rounds cast in this visit', () => {
    const rounds = [
      { roundId: 'r1', title: '委员', seq: 1, status: 'announced' as const },
      { roundId: 'r2', title: '委员', seq: 2, status: 'open' as const },
      { roundId: 'r5', title: '纪委', seq: 1, status: 'closed' as const },
    ];
    const split = splitRounds(rounds, { r1: 'K7QH-2M9P', r2: 'AAAA-BBBB' });
    expect(split.open.map((r) => r.roundId)).toEqual(['r2']);
    expect(split.closed.map((r) => r.roundId)).toEqual(['r1', 'r5']);
    expect(split.kept.map((r) => r.roundId)).toEqual(['r1']);
  });
});

describe("the delegate's ballot on the phone", () => {
  it('starts with every candidate abstained and every write-in line empty', () => {
    expect(blankBallot(3, 2)).toEqual({ choices: ['-', '-', '-'], writeIns: ['', ''] });
    expect(replaced(['-', '-', '-'], 1, 'F')).toEqual(['-', 'F', '-']);
    expect(CHOICE_SYMBOL).toEqual({ F: '○', A: '×', '-': '' });
  });

  it('[B1] sums up the review with write-ins counted as votes for', () => {
    expect(ballotSummary(['F', 'A', '-', '-'], ['林晓东', ' '])).toEqual({ for: 2, against: 1, abstain: 2 });
  });
});

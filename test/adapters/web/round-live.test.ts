import { describe, expect, it } from 'vitest';
import {
  shortfallBeyondRunoff,
  staleElection,
  withProgress,
} from '../../../src/adapters/web/src/lib/round-live.ts';

describe('rounds followed on the event stream', () => {
  it('keeps the progress of each round: ballots cast, sheets keyed', () => {
    let rounds = withProgress({}, { roundId: 'r1', voted: 3, issued: 300 });
    rounds = withProgress(rounds, { roundId: 'r1', voted: 4, issued: 300 });
    rounds = withProgress(rounds, { roundId: 'r2', entered: 10, agreed: 8, disagreements: 1 });
    expect(rounds).toEqual({
      r1: { voted: 4 },
      r2: { entered: 10, settled: 8, disagreements: 1 },
    });
  });

  it('names the election to fetch again when a round opens, closes or is counted; progress names none', () => {
    const open = {
      roundId: 'r1',
      electionId: 'e1',
      status: 'open',
      seq: 1,
      expected: 417,
      present: 300,
    } as const;
    expect(staleElection(open)).toBe('e1');
    expect(staleElection({ roundId: 'r1', electionId: 'e1', status: 'closed', ballotsIssued: 300 })).toBe(
      'e1',
    );
    expect(staleElection({ roundId: 'r1', electionId: 'e1', status: 'counted' })).toBe('e1');
    expect(staleElection({ roundId: 'r1', voted: 3, issued: 300 })).toBeNull();
    expect(staleElection({ voteId: 'v1', voted: 3 })).toBeNull();
    expect(withProgress({}, open)).toEqual({});
  });

  it('[T3] [T4] a run-off is not a shortfall, though the tally counts its seats as unfilled', () => {
    expect(shortfallBeyondRunoff({ shortfall: 1, runoff: { seats: 1 } })).toBe(0);
    expect(shortfallBeyondRunoff({ shortfall: 3, runoff: null })).toBe(3);
  });
});

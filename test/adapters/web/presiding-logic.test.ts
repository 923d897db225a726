import { describe, expect, it } from 'vitest';
import {
  bumpStale,
  closeRoundBody,
  electionStatusKey,
  groupedHash,
  hallCounts,
  latestRound,
  mayRekey,
  openRoundBody,
  reissueNotices,
  roundFinished,
  showsNextReason,
  slipsStillNeeded,
  withCounts,
} from '../../../src/adapters/web/src/pages/presiding/presiding-logic.ts';
import { counts, election, round } from './hall-fixtures.ts';

describe("the presiding officer's script", () => {
  it('marks one election to read again, or every one after a reconnection', () => {
    let stale = bumpStale({}, 'e1');
    stale = bumpStale(stale, 'e1');
    stale = bumpStale(stale, 'e2');
    expect(stale).toEqual({ e1: 2, e2: 1 });
    expect(bumpStale(stale, null)).toEqual({ e1: 3, e2: 2 });
  });

  it('opens the next round only once the last one is announced', () => {
    const view = election({
      id: 'e1',
      rounds: [round({ id: 'r1', status: 'announced' }), round({ id: 'r2' })],
    });
    expect(latestRound(view)?.id).toBe('r2');
    expect(roundFinished(undefined)).toBe(true);
    expect(roundFinished(round({ id: 'r1', status: 'announced' }))).toBe(true);
    expect(roundFinished(round({ id: 'r2', status: 'signed-off' }))).toBe(false);
    // A round prepared in advance (its ballots printed) is the one the next opening opens.
    expect(roundFinished(round({ id: 'r3', status: 'prepared' }))).toBe(true);
  });

  it('[C4] opens the round the chain requires, in the election’s sitting', () => {
    expect(openRoundBody({ kind: 'runoff', seats: 1 }, ['甲', '乙'], 's1')).toEqual({
      kind: 'runoff',
      seats: 1,
      candidates: ['甲', '乙'],
      sittingId: 's1',
    });
    expect(openRoundBody({ kind: 'preliminary', seats: 5, advance: 6 }, 'open', null)).toEqual({
      kind: 'preliminary',
      seats: 5,
      advance: 6,
    });
  });

  it('[B2] closes a paper round with the ballots issued, an electronic one without', () => {
    expect(closeRoundBody({ mode: 'paper' }, 300)).toEqual({ ballotsIssued: 300 });
    expect(closeRoundBody({ mode: 'paper' }, null)).toEqual({});
    expect(closeRoundBody({ mode: 'electronic' }, 300)).toEqual({});
  });

  it('says the reason of the next step unless it only repeats the kind of round', () => {
    const reason = { rule: 'T3', en: 'Run-off', zh: '再次投票' };
    const next = {
      step: 'round' as const,
      kind: 'runoff' as const,
      seats: 1,
      candidates: 'open' as const,
      afterPreliminary: false,
      reason,
    };
    expect(showsNextReason(next, '再次投票', '再次投票')).toBe(false);
    expect(showsNextReason(next, '得票相等，再次投票', '再次投票')).toBe(true);
    expect(showsNextReason({ step: 'complete', reason }, '选举完成', null)).toBe(true);
    expect(electionStatusKey('in-progress')).toBe('pres.status.voting');
    expect(electionStatusKey('preparing')).toBe('pres.status.preparing');
  });

  it('shows the sittings the server names, each with the newest counts from the stream', () => {
    const live = withCounts(withCounts({}, [counts('s1', 10), counts('s9', 3)]), [counts('s1', 12)]);
    expect(hallCounts([counts('s1', 0), counts('s2', 5)], live).map((c) => [c.sittingId, c.present])).toEqual(
      [
        ['s1', 12],
        ['s2', 5],
      ],
    );
  });
});

describe('the sealed ballot on the presiding page [B4]', () => {
  it('offers a new key only for an open electronic round nobody has voted in (unknown: the server decides)', () => {
    const open = round({ id: 'r', mode: 'electronic', status: 'open' });
    expect(mayRekey(open, 0)).toBe(true);
    expect(mayRekey(open, undefined)).toBe(true);
    expect(mayRekey(open, 1)).toBe(false);
    expect(mayRekey({ ...open, status: 'closed' }, 0)).toBe(false);
    expect(mayRekey({ ...open, mode: 'paper' }, 0)).toBe(false);
  });

  it('shows the key slips of the round just opened until its ballots are opened', () => {
    const open = round({ id: 'r', status: 'open' });
    expect(slipsStillNeeded(open, 'r')).toBe(true);
    expect(slipsStillNeeded(open, 'other')).toBe(false);
    expect(slipsStillNeeded({ ...open, status: 'closed' }, 'r')).toBe(true);
    expect(slipsStillNeeded({ ...open, status: 'closed', ballotsOpened: true }, 'r')).toBe(false);
    expect(slipsStillNeeded({ ...open, status: 'counted' }, 'r')).toBe(false);
  });

  it('shows the audit anchor in groups of eight', () => {
    expect(groupedHash('0123456789abcdef0123')).toBe('01234567 89abcdef 0123');
  });

  it('lists credentials waiting for a scrutineer first, then the newest', () => {
    const notices = reissueNotices([
      { id: 'a', status: 'approved', requestedAt: '2026-11-26T01:00:00Z' },
      { id: 'b', status: 'approved', requestedAt: '2026-11-26T02:00:00Z' },
      { id: 'c', status: 'pending', requestedAt: '2026-11-26T00:30:00Z' },
    ] as const);
    expect(notices.map((n) => n.id)).toEqual(['c', 'b', 'a']);
  });
});

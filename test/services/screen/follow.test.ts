import { describe, expect, it } from 'vitest';
import {
  attendanceSitting,
  type FollowRound,
  type FollowSitting,
  followChoice,
} from '../../../src/services/screen/follow.ts';

// What the big screen shows when it follows the congress (issue 12, defect 2).

const at = (minute: number) => `2026-11-28T01:${String(minute).padStart(2, '0')}:00.000Z`;

const sitting = (
  id: string,
  kind: FollowSitting['kind'],
  status: FollowSitting['status'],
  sortOrder: number,
  extra: Partial<FollowSitting> = {},
): FollowSitting => ({
  id,
  kind,
  status,
  sortOrder,
  openedAt: status === 'scheduled' ? null : at(0),
  arrived: 0,
  ...extra,
});

const round = (
  id: string,
  status: string,
  electionOrder: number,
  extra: Partial<FollowRound> = {},
): FollowRound => ({
  id,
  status,
  openedAt: at(10),
  announcedAt: null,
  electionOrder,
  seq: 1,
  ...extra,
});

const congressDay = [
  sitting('prep', 'preparatory', 'closed', 1),
  sitting('opening', 'opening', 'closed', 2),
  sitting('plenary', 'plenary', 'open', 3),
  sitting('closing', 'closing', 'scheduled', 4),
];

describe('the big screen following the congress', () => {
  it('shows the sitting under way, then the vote while it is open', () => {
    expect(followChoice({ congressClosed: false, sittings: congressDay, rounds: [] })).toEqual({
      kind: 'attendance',
      sittingId: 'plenary',
    });
    expect(
      followChoice({ congressClosed: false, sittings: congressDay, rounds: [round('members', 'open', 1)] }),
    ).toEqual({ kind: 'voting', roundId: 'members' });
  });

  it('never stays on a round counted but not announced: the announced result shows', () => {
    // 委员 announced while 候补委员 (opened later) is counted and waits for its announcement.
    const rounds = [
      round('members', 'announced', 1, { announcedAt: at(40) }),
      round('alternates', 'counted', 2, { openedAt: at(20) }),
    ];
    expect(followChoice({ congressClosed: false, sittings: congressDay, rounds })).toEqual({
      kind: 'result',
      roundId: 'members',
    });
    // A closed or counted round alone does not hold the screen: the sitting's attendance does.
    expect(
      followChoice({
        congressClosed: false,
        sittings: congressDay,
        rounds: [round('alternates', 'counted', 2)],
      }),
    ).toEqual({ kind: 'attendance', sittingId: 'plenary' });
  });

  it('shows the results in the order they are announced, whatever the order of the elections', () => {
    const rounds = [
      round('alternates', 'announced', 2, { announcedAt: at(40) }),
      round('members', 'announced', 1, { announcedAt: at(45) }),
      round('discipline', 'counted', 3),
    ];
    expect(followChoice({ congressClosed: false, sittings: congressDay, rounds })).toEqual({
      kind: 'result',
      roundId: 'members',
    });
    // On the same instant (a clock that does not move), the later election, then the later round.
    const tied = [
      round('members', 'announced', 1, { announcedAt: at(40) }),
      round('alternates', 'announced', 2, { announcedAt: at(40) }),
    ];
    expect(followChoice({ congressClosed: false, sittings: congressDay, rounds: tied })).toMatchObject({
      roundId: 'alternates',
    });
    // A vote opened after the last result takes the screen; once it closes, the result comes back.
    const voting = [...rounds, round('delegates', 'open', 4, { openedAt: at(50) })];
    expect(followChoice({ congressClosed: false, sittings: congressDay, rounds: voting })).toEqual({
      kind: 'voting',
      roundId: 'delegates',
    });
  });

  it('between sittings keeps the last result until delegates arrive for the next sitting', () => {
    const afterPlenary = congressDay.map((s) =>
      s.id === 'plenary' ? { ...s, status: 'closed' as const } : s,
    );
    const rounds = [round('members', 'announced', 1, { announcedAt: at(40) })];
    expect(followChoice({ congressClosed: false, sittings: afterPlenary, rounds })).toEqual({
      kind: 'result',
      roundId: 'members',
    });
    const arriving = afterPlenary.map((s) => (s.id === 'closing' ? { ...s, arrived: 120 } : s));
    expect(followChoice({ congressClosed: false, sittings: arriving, rounds })).toEqual({
      kind: 'attendance',
      sittingId: 'closing',
    });
  });

  it('before anything: a welcome, then the first sitting once delegates check in', () => {
    const before = congressDay.map((s) => ({ ...s, status: 'scheduled' as const, openedAt: null }));
    expect(followChoice({ congressClosed: false, sittings: before, rounds: [] })).toEqual({
      kind: 'welcome',
    });
    const arriving = before.map((s) => (s.id === 'prep' ? { ...s, arrived: 12 } : s));
    expect(followChoice({ congressClosed: false, sittings: arriving, rounds: [] })).toEqual({
      kind: 'attendance',
      sittingId: 'prep',
    });
  });

  it('never shows a sitting passed over, nor a presidium meeting, and after the congress says it closed', () => {
    // The preparatory meeting was never held (a congress from before the guards).
    const passedOver = [
      sitting('prep', 'preparatory', 'scheduled', 1, { arrived: 0 }),
      sitting('presidium', 'presidium', 'open', 2),
      sitting('plenary', 'plenary', 'closed', 3),
    ];
    expect(followChoice({ congressClosed: false, sittings: passedOver, rounds: [] })).toEqual({
      kind: 'welcome',
    });
    expect(attendanceSitting(passedOver)?.id).toBe('plenary');
    expect(
      followChoice({
        congressClosed: true,
        sittings: passedOver,
        rounds: [round('members', 'announced', 1, { announcedAt: at(40) })],
      }),
    ).toEqual({ kind: 'closed' });
  });

  it('asked for "the attendance": the sitting under way, else the next, else the last held', () => {
    expect(attendanceSitting(congressDay)?.id).toBe('plenary');
    const between = congressDay.map((s) => (s.id === 'plenary' ? { ...s, status: 'closed' as const } : s));
    expect(attendanceSitting(between)?.id).toBe('closing');
    const after = between.map((s) => ({ ...s, status: 'closed' as const }));
    expect(attendanceSitting(after)?.id).toBe('closing');
    expect(attendanceSitting([])).toBeUndefined();
  });
});

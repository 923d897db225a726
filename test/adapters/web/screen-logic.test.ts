import { describe, expect, it } from 'vitest';
import {
  resultLayout,
  roundLabel,
  shownCounts,
  shownRoundId,
  slideLines,
  stageScale,
  withLiveCounts,
  withLiveVoting,
} from '../../../src/adapters/web/src/pages/screen/screen-logic.ts';
import type { ScreenView } from '../../../src/contract/screen.ts';
import { counts } from './hall-fixtures.ts';

// The big screen shows what the server says (GET …/screen); between two readings the stream's
// counts and votes cast are applied, and what may change the choice makes it read again
// (issue 12, defect 2: a counted round held the screen and the announced result never came).

const view = (show: ScreenView['show'], mode: ScreenView['setting']['mode'] = 'follow'): ScreenView => ({
  congressId: 'c1',
  title: '中国共产党示范市第十三次代表大会',
  setting: mode === 'follow' ? { mode } : mode === 'blank' ? { mode } : { mode: 'attendance' },
  setAt: null,
  setBy: null,
  show,
});

const voting = (roundId: string) =>
  view({
    kind: 'voting',
    round: {
      electionId: 'e1',
      electionTitle: '委员',
      roundId,
      seq: 1,
      kind: 'formal',
      mode: 'electronic',
      present: 300,
      voted: 10,
    },
    counts: counts('s2', 300),
  });

describe('the big screen', () => {
  it('scales the 1920×1080 stage to fit the display', () => {
    expect(stageScale(1920, 1080)).toBe(1);
    expect(stageScale(3840, 1080)).toBe(1);
    expect(stageScale(960, 1080)).toBe(0.5);
  });

  it('updates the counts of the sitting on screen only', () => {
    const applied = (v: ScreenView, c: ReturnType<typeof counts>) => {
      const next = withLiveCounts(v, c);
      if (next === 'reload') throw new Error('read again');
      return next;
    };
    const shown = view({ kind: 'attendance', counts: counts('s2', 20) });
    expect(shownCounts(applied(shown, counts('s2', 21)).show)?.present).toBe(21);
    expect(withLiveCounts(shown, counts('s3', 1))).toBe(shown);
    expect(shownCounts(applied(voting('r1'), counts('s2', 301)).show)?.present).toBe(301);
    expect(shownCounts(view({ kind: 'blank' }).show)).toBeNull();
  });

  it('reads again when delegates arrive while a following screen welcomes or shows a result', () => {
    // The first check-in for the next sitting turns a following screen to its attendance.
    expect(withLiveCounts(view({ kind: 'welcome' }), counts('s1', 1))).toBe('reload');
    // What the secretariat put on it stays: no reading again for each arrival.
    const held = view({ kind: 'blank' }, 'blank');
    expect(withLiveCounts(held, counts('s1', 1))).toBe(held);
  });

  it('applies the ballots cast in the round on screen, and reads again when a round changes state', () => {
    const shown = voting('r1');
    const cast = withLiveVoting(shown, { roundId: 'r1', voted: 11, issued: 300 });
    expect(cast !== 'reload' && cast.show.kind === 'voting' && cast.show.round.voted).toBe(11);
    expect(withLiveVoting(shown, { roundId: 'r2', voted: 5, issued: 300 })).toBe(shown);
    // A round counted, signed off, closed or opened may change what a following screen shows.
    for (const status of ['counted', 'signed-off'] as const)
      expect(withLiveVoting(shown, { roundId: 'r2', electionId: 'e2', status })).toBe('reload');
    expect(
      withLiveVoting(shown, { roundId: 'r1', electionId: 'e1', status: 'closed', ballotsIssued: 300 }),
    ).toBe('reload');
    // A screen the secretariat holds does not move.
    const held = view({ kind: 'blank' }, 'blank');
    expect(withLiveVoting(held, { roundId: 'r2', electionId: 'e2', status: 'counted' })).toBe(held);
    expect(shownRoundId(shown.show)).toBe('r1');
    expect(shownRoundId(held.show)).toBeNull();
  });

  it('takes a slide’s lines as typed: one a line, blank lines dropped, at most eight', () => {
    expect(slideLines('上午  第二次全体会议\n\n  下午 闭幕大会 \r\n', 8)).toEqual([
      '上午  第二次全体会议',
      '下午 闭幕大会',
    ]);
    expect(slideLines(Array.from({ length: 10 }, (_, i) => `第${i + 1}行`).join('\n'), 8)).toHaveLength(8);
  });

  it('names rounds, and fits up to 80 names in the results panel', () => {
    expect(roundLabel(2, '再次投票', (n) => `第${n}轮`)).toBe('第2轮 · 再次投票');
    expect(roundLabel(0, '正式选举', (n) => `第${n}轮`)).toBe('正式选举');
    expect(resultLayout(2)).toEqual({ columns: 2, size: 'xl' });
    expect(resultLayout(12)).toEqual({ columns: 4, size: 'l' });
    expect(resultLayout(80)).toEqual({ columns: 8, size: 'xs' });
  });
});

import type { AttendanceCounts } from '../../../../../contract/attendance.ts';
import type { VotingEvent } from '../../../../../contract/events.ts';
import type { ScreenShow, ScreenView } from '../../../../../contract/screen.ts';

// The big screen without React: the stage's scale, what the server says to show kept current by
// the stream between two readings (attendance counts, votes cast), when to read it again, and how
// many names fit the results panel. The server decides what is shown (src/contract/screen.ts).

/** The stage is laid out at 1920×1080 and scaled to the display. */
export const STAGE = { width: 1920, height: 1080 } as const;

/** The scale at which the whole stage fits the window. */
export function stageScale(width: number, height: number): number {
  return Math.min(width / STAGE.width, height / STAGE.height);
}

/** The counts on screen, if any: an attendance panel, or the attendance above a vote. */
export function shownCounts(show: ScreenShow | undefined): AttendanceCounts | null {
  if (show?.kind === 'attendance') return show.counts;
  if (show?.kind === 'voting') return show.counts;
  return null;
}

/**
 * New counts of a sitting: applied if that sitting is on screen. A following screen that shows a
 * welcome or a result reads again ('reload'): the first delegates arriving for the next sitting
 * turn it to that sitting's attendance (services/screen/follow.ts). Otherwise the view as it was.
 */
export function withLiveCounts(view: ScreenView, counts: AttendanceCounts): ScreenView | 'reload' {
  const show = view.show;
  if (show.kind === 'attendance' && show.counts.sittingId === counts.sittingId)
    return { ...view, show: { ...show, counts } };
  if (show.kind === 'voting' && show.counts?.sittingId === counts.sittingId)
    return { ...view, show: { ...show, counts } };
  if (view.setting.mode === 'follow' && (show.kind === 'welcome' || show.kind === 'result')) return 'reload';
  return view;
}

/**
 * A voting event: the ballots cast in the round on screen are applied; a round opening, closing,
 * counted or signed off may change what a following screen shows ('reload'); other progress is
 * not on screen (unchanged).
 */
export function withLiveVoting(view: ScreenView, event: VotingEvent): ScreenView | 'reload' {
  if ('status' in event) return view.setting.mode === 'follow' ? 'reload' : view;
  const show = view.show;
  if ('voted' in event && 'issued' in event && show.kind === 'voting' && show.round.roundId === event.roundId)
    return { ...view, show: { ...show, round: { ...show.round, voted: event.voted } } };
  return view;
}

/** The round on screen, for the tests and the page's data attributes. */
export function shownRoundId(show: ScreenShow | undefined): string | null {
  if (show?.kind === 'result') return show.result.roundId;
  if (show?.kind === 'voting') return show.round.roundId;
  return null;
}

/** "Round 2 · Run-off", or the kind alone for a round without a number. */
export function roundLabel(seq: number, kindText: string, roundText: (n: number) => string): string {
  return seq > 0 ? `${roundText(seq)} · ${kindText}` : kindText;
}

/** Columns and type size so that up to 80 names fit the panel; fewer names get larger type. */
export function resultLayout(count: number): { columns: number; size: 'xl' | 'l' | 'm' | 's' | 'xs' } {
  if (count <= 6) return { columns: Math.max(1, Math.min(3, count)), size: 'xl' };
  if (count <= 12) return { columns: 4, size: 'l' };
  if (count <= 30) return { columns: 6, size: 'm' };
  if (count <= 49) return { columns: 7, size: 's' };
  return { columns: 8, size: 'xs' };
}

/** Lines of a slide as typed in the control: one a line, blank ones dropped, at most `max`. */
export function slideLines(text: string, max: number): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, max);
}

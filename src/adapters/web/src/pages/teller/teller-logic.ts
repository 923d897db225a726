import type { PaperEntry } from '../../../../../contract/ballots.ts';
import type { ElectionSummary, ElectionView, RoundView } from '../../../../../contract/elections.ts';
import { addWriteIn, type EntryState, emptySheet, overvote, voidSheet } from '../../lib/ballot-entry.ts';

// The teller's page without React: which elections and rounds may be keyed, which sheet comes
// next, and what the write-in and void dialogs do to the sheet. The keys themselves are the state
// machine of lib/ballot-entry.ts.

/** Pass A or B of double entry. */
export type Pass = 'A' | 'B';

/** The dialog the W and V keys (or their buttons) open. */
export type EntryDialog = 'write-in' | 'void';

/** The elections voted on paper. */
export function paperElections(elections: readonly ElectionSummary[]): ElectionSummary[] {
  return elections.filter((e) => e.ballotMode === 'paper');
}

/** The election being voted on is nearly always the one to key: chosen for the teller. */
export function electionUnderWay(elections: readonly ElectionSummary[]): string | undefined {
  return paperElections(elections).find((e) => e.status === 'in-progress')?.id;
}

/** The paper rounds that may be keyed: open or closed (not yet counted). */
export function keyableRounds(election: ElectionView | undefined): RoundView[] {
  return (election?.rounds ?? []).filter(
    (r) => r.mode === 'paper' && (r.status === 'open' || r.status === 'closed'),
  );
}

/** The last sheet this teller keyed in the batch and pass. */
export function lastEntry(entries: readonly PaperEntry[]): PaperEntry | undefined {
  return entries.length > 0 ? entries[entries.length - 1] : undefined;
}

/** The sheet number to key next: after the last one keyed, never going back. */
export function nextSheetNo(entries: readonly PaperEntry[], current: number): number {
  return Math.max(current, Math.max(0, ...entries.map((e) => e.sheetNo)) + 1);
}

/** A fresh sheet when the round's candidates change in number, else the sheet as it is. */
export function sheetFor(sheet: EntryState, candidates: number): EntryState {
  return sheet.cells.length === candidates ? sheet : emptySheet(candidates);
}

/** The text a dialog opens with: the void reason already given, or nothing for a write-in. */
export function dialogText(sheet: EntryState, dialog: EntryDialog): string {
  return dialog === 'void' ? (sheet.voidReason ?? '') : '';
}

/** The sheet once a dialog is confirmed with `text`. */
export function afterDialog(sheet: EntryState, dialog: EntryDialog, text: string): EntryState {
  return dialog === 'write-in' ? addWriteIn(sheet, text) : voidSheet(sheet, text);
}

/**
 * [B3] The sheet marks more names for (write-ins included) than the round has seats: it is keyed
 * as it is — the paper is what it is — but the teller is told, as it is keyed, that it is invalid.
 */
export function sheetOvervote(sheet: EntryState, seats: number | null) {
  return overvote(sheet.cells, sheet.writeIns, seats);
}

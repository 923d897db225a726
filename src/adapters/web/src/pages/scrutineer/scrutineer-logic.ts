import type {
  BatchComparison,
  ColumnDifference,
  Disagreement,
  resolvePaperSheetEndpoint,
  SheetContent,
} from '../../../../../contract/ballots.ts';
import type { ElectionSummary, ElectionView, RoundView } from '../../../../../contract/elections.ts';
import type { BodyIn } from '../../../../../contract/endpoint.ts';
import { keysOfMarks, MARK_SYMBOL, marksOfKeys, overvote, type SheetMark } from '../../lib/ballot-entry.ts';
import { splitNames } from '../../lib/name-list.ts';

// The scrutineers' comparison without React: which election and round are shown, which batches
// need looking at, and the form that records what a disputed sheet says [P2].

/** The election being voted on, unless the scrutineer chose another. */
export function shownElectionId(
  picked: string | undefined,
  elections: readonly ElectionSummary[],
): string | undefined {
  return picked ?? elections.find((e) => e.status === 'in-progress')?.id;
}

/** The latest round unless the scrutineer chose one: a run-off shows as soon as it opens. */
export function shownRound(
  election: ElectionView | undefined,
  picked: string | undefined,
): RoundView | undefined {
  // A prepared round has not been voted on: nothing to scrutinise yet.
  const rounds = (election?.rounds ?? []).filter((r) => r.status !== 'prepared');
  return rounds.find((r) => r.id === picked) ?? rounds[rounds.length - 1];
}

/** A batch with nothing to look at: every sheet keyed in both passes, and the passes agree. */
export function isQuiet(batch: BatchComparison): boolean {
  return batch.disagreements.length === 0 && batch.onlyA.length === 0 && batch.onlyB.length === 0;
}

/** A mark as the paper shows it: ○, ×, a dash for abstain, ? unreadable; anything else as `other` (or itself). */
export function markText(mark: string | undefined, other?: string): string {
  if (mark === '-') return '—';
  return MARK_SYMBOL[mark as SheetMark] ?? other ?? mark ?? '';
}

/** The resolution form of one disputed sheet: what the paper says, as the scrutineer records it. */
export interface Resolving {
  readonly batchNo: number;
  readonly sheetNo: number;
  readonly a: SheetContent;
  readonly b: SheetContent;
  readonly differing: readonly ColumnDifference[];
  readonly marks: string;
  /** Names separated by 、 or commas. */
  readonly writeIns: string;
  readonly voidReason: string;
}

/** The form for a disputed sheet, starting from its resolution if it has one, else from pass A. */
export function resolvingFrom(batchNo: number, d: Disagreement): Resolving {
  const start = d.resolution ?? d.a;
  return {
    batchNo,
    sheetNo: d.sheetNo,
    a: d.a,
    b: d.b,
    differing: d.differingCandidates,
    marks: start.marks,
    writeIns: start.writeIns.join('、'),
    voidReason: start.voidReason ?? '',
  };
}

/** The marks with one column changed. */
export function withMark(marks: string, column: number, mark: string): string {
  return marks.slice(0, column) + mark + marks.slice(column + 1);
}

/** The form filled from one pass, as that teller keyed the sheet. */
export function takePass(resolving: Resolving, content: SheetContent): Resolving {
  return {
    ...resolving,
    marks: content.marks,
    writeIns: content.writeIns.join('、'),
    voidReason: content.voidReason ?? '',
  };
}

/** The body of POST …/paper/resolutions. */
export function resolutionBody(resolving: Resolving): BodyIn<typeof resolvePaperSheetEndpoint> {
  const voidReason = resolving.voidReason.trim();
  return {
    batchNo: resolving.batchNo,
    sheetNo: resolving.sheetNo,
    marks: resolving.marks.trim().toUpperCase(),
    writeIns: splitNames(resolving.writeIns),
    voidReason: voidReason === '' ? null : voidReason,
  };
}

/**
 * [P2] Whether this login is linked to one of the election's scrutineers (总监票人, 副总监票人,
 * 监票人): only they sign off its count. Unknown (no officers in the view) counts as no.
 */
export function maySignOff(election: ElectionView | undefined, accountId: string | null): boolean {
  if (!election || !accountId) return false;
  return election.officers.some((o) => o.role !== 'teller' && o.accountId === accountId);
}

/** The whole sheet as typed in the dialog: with the tellers' keys (1 2 0 3), one set of keys [P2]. */
export function typedSheet(resolving: Resolving): string {
  return keysOfMarks(resolving.marks);
}

/** The dialog's marks once the whole sheet is typed with the tellers' keys. */
export function fromTyped(typed: string): string {
  return marksOfKeys(typed);
}

/** [B3] The reading records more names for than the seats: the sheet is invalid, say so before it is recorded. */
export function resolvingOvervote(resolving: Resolving, seats: number | null) {
  return overvote([...resolving.marks], splitNames(resolving.writeIns), seats);
}

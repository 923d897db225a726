import type { BatchComparison, PaperKeying } from '../../../../contract/ballots.ts';
import type { PositionView } from '../../../../contract/congress.ts';

// Summaries for the paper-ballot overview and the elections section: sheets keyed per pass, the
// double-entry comparison per batch, and [P6] where the elected stand with the higher committee.

/** Sheets keyed in each pass, all tellers together. */
export function passTotals(keying: PaperKeying | undefined): { readonly A: number; readonly B: number } {
  let a = 0;
  let b = 0;
  for (const teller of keying?.tellers ?? []) {
    if (teller.pass === 'A') a += teller.sheets;
    else b += teller.sheets;
  }
  return { A: a, B: b };
}

export interface BatchState {
  readonly batchNo: number;
  readonly agreed: number;
  readonly disagreements: number;
  /** Disagreements no scrutineer has resolved yet. */
  readonly unresolved: number;
  readonly onlyA: number;
  readonly onlyB: number;
  /** Every sheet keyed twice and every disagreement resolved. */
  readonly settled: boolean;
}

/** What batchStates reads of a batch of the comparison: whether each disagreement is resolved. */
type BatchCounts = Pick<BatchComparison, 'batchNo' | 'onlyA' | 'onlyB' | 'agreed'> & {
  readonly disagreements: ReadonlyArray<{ readonly sheetNo: number; readonly resolution: unknown }>;
};

export function batchStates(batches: readonly BatchCounts[]): BatchState[] {
  return [...batches]
    .sort((a, b) => a.batchNo - b.batchNo)
    .map((batch) => {
      const unresolved = batch.disagreements.filter((d) => d.resolution === null).length;
      return {
        batchNo: batch.batchNo,
        agreed: batch.agreed.length,
        disagreements: batch.disagreements.length,
        unresolved,
        onlyA: batch.onlyA.length,
        onlyB: batch.onlyB.length,
        settled: unresolved === 0 && batch.onlyA.length === 0 && batch.onlyB.length === 0,
      };
    });
}

export interface ReportingSummary {
  readonly filed: number;
  readonly pendingApproval: number;
  readonly approved: number;
}

/** [P6] The places an election filled: filed (备案), waiting for approval (待审批), approved (已批准). */
export function reportingOf(
  positions: readonly Pick<PositionView, 'electionId' | 'reportingStatus'>[],
  electionId: string,
): ReportingSummary | null {
  const mine = positions.filter((p) => p.electionId === electionId);
  if (mine.length === 0) return null;
  const count = (status: PositionView['reportingStatus']) =>
    mine.filter((p) => p.reportingStatus === status).length;
  return { filed: count('filed'), pendingApproval: count('pending-approval'), approved: count('approved') };
}

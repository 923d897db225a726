import type {
  ReviewItem,
  ScanIntake,
  ScanMark,
  ScanSheetView,
  ScanStatistics,
} from '../../../../../contract/scan.ts';
import { MAX_SCAN_BYTES } from '../../../../../contract/scan.ts';

// The scan pages' pure logic (扫描计票): which files may be uploaded, what an upload read, what a
// teller may decide on a reviewed box, and the figures the scrutineers see. No React, no fetch.

/** What the scanner writes: multi-page PDF, TIFF, PNG, JPEG. */
const SCAN_TYPES: ReadonlyArray<{ readonly extension: RegExp; readonly mediaType: string }> = [
  { extension: /\.pdf$/i, mediaType: 'application/pdf' },
  { extension: /\.tiff?$/i, mediaType: 'image/tiff' },
  { extension: /\.png$/i, mediaType: 'image/png' },
  { extension: /\.jpe?g$/i, mediaType: 'image/jpeg' },
];

export type FileRefusal = 'type' | 'size' | 'empty';

/** Why a chosen file is not sent (null: it is sent); the server decodes it and has the last word. */
export function refuseScanFile(file: {
  readonly name: string;
  readonly size: number;
  readonly type?: string;
}): FileRefusal | null {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_SCAN_BYTES) return 'size';
  const known = SCAN_TYPES.some(
    (t) => t.extension.test(file.name) || (file.type !== undefined && file.type === t.mediaType),
  );
  return known ? null : 'type';
}

/** The accept attribute of the file input. */
export const SCAN_ACCEPT = '.pdf,.tif,.tiff,.png,.jpg,.jpeg,application/pdf,image/tiff,image/png,image/jpeg';

/** Bytes as base64, in chunks (String.fromCharCode over a whole scan would overflow the stack). */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export interface IntakeSummary {
  readonly sheets: number;
  readonly read: number;
  /** Boxes sent to review on the sheets read. */
  readonly toReview: number;
  readonly rejected: ReadonlyArray<{ readonly page: number; readonly reason: string }>;
  readonly duplicates: number;
  readonly unchanged: boolean;
}

export function summariseIntake(outcome: 'created' | 'unchanged', intake: ScanIntake): IntakeSummary {
  const read = intake.sheets.filter((s) => s.status === 'read');
  return {
    sheets: intake.sheets.length,
    read: read.length,
    toReview: read.reduce((sum, s) => sum + s.items, 0),
    rejected: intake.sheets
      .filter((s) => s.status === 'rejected')
      .map((s) => ({ page: s.page, reason: s.reason ?? 'unreadable-image' })),
    duplicates: intake.sheets.filter((s) => s.status === 'duplicate').length,
    unchanged: outcome === 'unchanged',
  };
}

/** The readings a teller may give a box: a write-in box adds nothing, but needs a name to count as for. */
export function markChoices(item: Pick<ReviewItem, 'kind'>): readonly ScanMark[] {
  return item.kind === 'write-in' ? ['for', 'against', 'abstain', 'unreadable'] : SCAN_MARK_ORDER;
}
const SCAN_MARK_ORDER: readonly ScanMark[] = ['for', 'against', 'abstain', 'unreadable'];

export type DecisionProblem = 'name-needed' | 'name-printed' | null;

/**
 * Whether a decision may be sent: a write-in box read as "for" needs the name written in, and
 * that name may not be a printed candidate's (a vote for a printed name is marked in its box).
 * The server checks the same; this keeps the teller from a round trip.
 */
export function decisionProblem(
  item: Pick<ReviewItem, 'kind'>,
  mark: ScanMark,
  name: string,
  printed: readonly string[],
): DecisionProblem {
  if (item.kind !== 'write-in' || mark !== 'for') return null;
  const written = normaliseName(name);
  if (written === '') return 'name-needed';
  if (printed.some((p) => normaliseName(p) === written)) return 'name-printed';
  return null;
}

/** A name as compared: no spaces of any width (ballots space two-character names: 王　刚). */
export function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '');
}

/** The body of a decision: the name only for a write-in box read as for. */
export function decisionBody(
  item: Pick<ReviewItem, 'kind'>,
  mark: ScanMark,
  name: string,
): { mark: ScanMark; name?: string } {
  return item.kind === 'write-in' && mark === 'for' ? { mark, name: name.trim() } : { mark };
}

/** The rejected sheets a teller must still deal with (rescan, key by hand, or not this round's). */
export function sheetsAwaitingDisposition(sheets: readonly ScanSheetView[]): ScanSheetView[] {
  return sheets.filter((s) => s.status === 'rejected' && s.setAside === null);
}

export interface StatisticRow {
  readonly key: string;
  readonly value: number;
  /** Shown in warning colour: the count waits on it. */
  readonly attention: boolean;
}

/** The scrutineers' figures, in the order they read them: sheets, then boxes, then decisions. */
export function statisticRows(stats: ScanStatistics): StatisticRow[] {
  const { sheets, boxes } = stats;
  return [
    { key: 'files', value: stats.files, attention: false },
    { key: 'scanned', value: sheets.scanned, attention: false },
    { key: 'read', value: sheets.read, attention: false },
    { key: 'rejected', value: sheets.rejected, attention: false },
    { key: 'duplicates', value: sheets.duplicates, attention: false },
    { key: 'setAside', value: sheets.setAside, attention: false },
    {
      key: 'awaitingDisposition',
      value: sheets.awaitingDisposition,
      attention: sheets.awaitingDisposition > 0,
    },
    { key: 'awaitingReview', value: sheets.awaitingReview, attention: sheets.awaitingReview > 0 },
    { key: 'counted', value: sheets.counted, attention: false },
    { key: 'boxesRead', value: boxes.read, attention: false },
    { key: 'reviewed', value: boxes.reviewed, attention: false },
    { key: 'pending', value: boxes.pending, attention: boxes.pending > 0 },
    { key: 'agreed', value: boxes.agreed, attention: false },
    { key: 'disagreed', value: boxes.disagreed, attention: false },
    { key: 'resolved', value: boxes.resolved, attention: false },
    { key: 'corrections', value: boxes.corrections, attention: false },
    { key: 'changedFromMachine', value: boxes.changedFromMachine, attention: false },
    { key: 'writeIns', value: boxes.writeIns, attention: false },
  ];
}

/** The share of boxes a person had to look at, in per cent with one decimal ("0.0" when none read). */
export function reviewShare(stats: ScanStatistics): string {
  return stats.boxes.read === 0 ? '0.0' : ((100 * stats.boxes.reviewed) / stats.boxes.read).toFixed(1);
}

/** Whether the scanned sheets are ready to count: nothing pending, no rejected sheet waiting. */
export function scanSettled(stats: ScanStatistics): boolean {
  return (
    stats.boxes.pending === 0 && stats.sheets.awaitingDisposition === 0 && stats.sheets.awaitingReview === 0
  );
}

import type { PageOutcome, ScannedFile } from '../../src/services/ballots/scanned/scan-reader.ts';
import { type DeckFile, EXPECTED_REJECTION, type SheetTruth } from './deck.ts';
import { DEFINITE_MARKS, type DeckMark } from './pen-marks.ts';

// Scoring a reading of the deck against its truth. A silent error is a box read as a definite
// mark (for, against, empty) that is not what was drawn — an ambiguous mark (tick, dot, light…) read
// as anything definite included — or a write-in box with something in it that did not go to a
// teller. Sheets must be rejected exactly when they were spoiled.

export interface DeckStats {
  files: number;
  sheets: number;
  read: number;
  rejected: number;
  /** Spoiled sheets, and how many of them were rejected. */
  spoiled: number;
  spoiledRejected: number;
  /** Sheets that should have been read but were rejected, and spoiled sheets that were read. */
  falseRejections: string[];
  missedRejections: string[];
  /** Spoiled sheets rejected for another reason than the spoiling's (still rejected). */
  otherReason: string[];
  rejections: Record<string, number>;
  boxes: number;
  reviewed: number;
  silentErrors: string[];
  /** Per drawn mark: boxes, read definitely (and right), sent to review. */
  marks: Record<string, { boxes: number; definite: number; review: number }>;
}

export function emptyStats(): DeckStats {
  return {
    files: 0,
    sheets: 0,
    read: 0,
    rejected: 0,
    spoiled: 0,
    spoiledRejected: 0,
    falseRejections: [],
    missedRejections: [],
    otherReason: [],
    rejections: {},
    boxes: 0,
    reviewed: 0,
    silentErrors: [],
    marks: {},
  };
}

const DEFINITE: ReadonlySet<string> = new Set(DEFINITE_MARKS);

export function scorePage(stats: DeckStats, truth: SheetTruth, outcome: PageOutcome, where: string): void {
  stats.sheets++;
  if (truth.spoil) stats.spoiled++;
  if (outcome.status === 'rejected') {
    stats.rejected++;
    stats.rejections[outcome.reason] = (stats.rejections[outcome.reason] ?? 0) + 1;
    if (!truth.spoil)
      stats.falseRejections.push(
        `${where}: ${outcome.reason} (${outcome.detail}) [${truth.conditions.join('; ')}]`,
      );
    else {
      stats.spoiledRejected++;
      if (EXPECTED_REJECTION[truth.spoil] !== outcome.reason)
        stats.otherReason.push(`${where}: ${truth.spoil} → ${outcome.reason}`);
    }
    return;
  }
  stats.read++;
  if (truth.spoil) {
    stats.missedRejections.push(`${where}: ${truth.spoil} was read [${truth.conditions.join('; ')}]`);
    return;
  }
  outcome.cells.forEach((cell, i) => {
    const expected = truth.cells[i]!;
    stats.boxes++;
    const review =
      cell.kind === 'write-in'
        ? cell.written === true || cell.verdict !== 'empty'
        : cell.verdict === 'marginal';
    if (review) stats.reviewed++;
    const key = cell.kind === 'write-in' && expected.written ? `write-in ${expected.mark}` : expected.mark;
    stats.marks[key] ??= { boxes: 0, definite: 0, review: 0 };
    const entry = stats.marks[key];
    entry.boxes++;
    if (review) entry.review++;
    const label = `${where} ${cell.kind} ${cell.index + 1}`;
    if (cell.kind === 'write-in' && (expected.written || expected.mark !== 'empty')) {
      if (!review)
        stats.silentErrors.push(
          `${label}: ${expected.mark}${expected.written ? ' with a name' : ''} read as empty`,
        );
      return;
    }
    if (cell.verdict === 'marginal') return;
    const read: DeckMark = cell.verdict === 'for' ? 'for' : cell.verdict === 'against' ? 'against' : 'empty';
    if (read === expected.mark) entry.definite++;
    else if (!DEFINITE.has(expected.mark) || read !== expected.mark) {
      stats.silentErrors.push(`${label}: ${expected.mark} read as ${read} [${truth.conditions.join('; ')}]`);
    }
  });
}

export function scoreFile(
  stats: DeckStats,
  file: Pick<DeckFile, 'name' | 'truths'>,
  read: ScannedFile,
): void {
  stats.files++;
  read.pages.forEach((page, i) => {
    scorePage(stats, file.truths[i]!, page.outcome, `${file.name} p${page.page}`);
  });
}

/** The review rate: boxes sent to a teller over boxes read, in per cent. */
export function reviewRate(stats: DeckStats): number {
  return stats.boxes === 0 ? 0 : (100 * stats.reviewed) / stats.boxes;
}

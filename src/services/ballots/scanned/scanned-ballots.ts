import type { Kysely } from 'kysely';
import type { SheetContent } from '../../../contract/ballots.ts';
import type { ScanMark } from '../../../contract/scan.ts';
import type { Schema, WriteTransaction } from '../../../persistence/index.ts';
import { conflict } from '../../errors.ts';
import type { Announcement } from '../../event-types.ts';
import { sheetProgress } from '../paper/paper-sheet.ts';
import { loadSheets } from '../paper/paper-store.ts';
import { decisionsByItem, itemState, loadRoundScans, type RoundScans } from './scan-store.ts';

// What the scanned sheets of a round contribute to its count: the content of every settled sheet
// (its machine-read marks with the reviewed boxes filled in by the tellers' agreed decisions or a
// scrutineer's resolution), the ballots returned [B2], and what still holds the count back.

const MARK_CHAR: Readonly<Record<ScanMark, string>> = {
  for: 'F',
  against: 'A',
  abstain: '-',
  unreadable: '?',
};

export interface ScannedCount {
  /** The settled sheets, as the rules engine reads them [B1][B3]. */
  readonly contents: SheetContent[];
  /** Read sheets not set aside: the ballots returned by scanning [B2] (settled or not yet). */
  readonly returned: number;
  /** Read sheets with boxes not yet settled, those boxes, and the boxes the tellers differ on. */
  readonly awaitingReview: number;
  readonly pendingItems: number;
  readonly disagreements: number;
  /** Rejected sheets not yet set aside (rescanned, keyed by hand, or another round's). */
  readonly awaitingDisposition: number;
}

export function countScans(scans: RoundScans): ScannedCount {
  const byItem = decisionsByItem(scans.decisions);
  const itemsBySheet = new Map<string, RoundScans['items']>();
  for (const item of scans.items) {
    const list = itemsBySheet.get(item.sheet_id) ?? [];
    list.push(item);
    itemsBySheet.set(item.sheet_id, list);
  }
  const contents: SheetContent[] = [];
  let returned = 0;
  let awaitingReview = 0;
  let pendingItems = 0;
  let disagreements = 0;
  let awaitingDisposition = 0;
  for (const sheet of scans.sheets) {
    if (sheet.set_aside !== null) continue;
    if (sheet.status === 'rejected') {
      awaitingDisposition++;
      continue;
    }
    if (sheet.status !== 'read') continue;
    returned++;
    const marks = [...(sheet.marks ?? '')];
    const writeIns: string[] = [];
    let open = 0;
    for (const item of itemsBySheet.get(sheet.id) ?? []) {
      const { state, settled } = itemState(byItem.get(item.id) ?? []);
      if (!settled) {
        open++;
        if (state === 'disagreed') disagreements++;
        continue;
      }
      if (item.kind === 'mark') marks[item.position] = MARK_CHAR[settled.mark];
      else if (settled.mark === 'for' && settled.name && !writeIns.includes(settled.name))
        writeIns.push(settled.name);
    }
    if (open > 0) {
      awaitingReview++;
      pendingItems += open;
      continue;
    }
    contents.push({ marks: marks.join(''), writeIns: writeIns.sort(), voidReason: sheet.void_reason });
  }
  return { contents, returned, awaitingReview, pendingItems, disagreements, awaitingDisposition };
}

export async function scannedBallots(db: Kysely<Schema>, roundId: string): Promise<ScannedCount> {
  return countScans(await loadRoundScans(db, roundId));
}

/** Refuses the count while a scanned sheet is unsettled or a rejected one not yet dealt with. */
export function requireScansSettled(count: ScannedCount): void {
  if (count.awaitingReview === 0 && count.awaitingDisposition === 0) return;
  throw conflict(
    'scan-review-unsettled',
    `the scanned ballots cannot be counted yet: ${count.awaitingReview} sheet(s) with ${count.pendingItems} box(es) awaiting review ` +
      `(${count.disagreements} on which the tellers differ, for a scrutineer), ${count.awaitingDisposition} rejected sheet(s) ` +
      'to rescan or key by hand and set aside',
    `扫描选票尚不能计票：${count.awaitingReview}张选票的${count.pendingItems}个方格待复核（其中${count.disagreements}个两名计票人判读不一致，待监票人裁定），` +
      `${count.awaitingDisposition}张被拒读的选票待重新扫描或人工录入后标记处理`,
  );
}

/**
 * Live progress of a round's paper ballots, keyed and scanned together, announced by each write
 * that changes it (the same event the keying announces: sheets entered, counting, held back).
 */
export async function paperProgressEvent(
  trx: WriteTransaction,
  congressId: string,
  roundId: string,
): Promise<Announcement> {
  const keyed = sheetProgress(await loadSheets(trx, roundId));
  const scanned = await scannedBallots(trx, roundId);
  return {
    type: 'voting',
    congressId,
    data: {
      roundId,
      entered: keyed.sheets + scanned.returned,
      agreed: keyed.settled + scanned.contents.length,
      disagreements: keyed.unresolved + scanned.disagreements,
    },
  };
}

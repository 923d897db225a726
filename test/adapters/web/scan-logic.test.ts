import { describe, expect, it } from 'vitest';
import {
  base64Of,
  decisionBody,
  decisionProblem,
  markChoices,
  refuseScanFile,
  reviewShare,
  scanSettled,
  sheetsAwaitingDisposition,
  statisticRows,
  summariseIntake,
} from '../../../src/adapters/web/src/pages/scan/scan-logic.ts';
import type { ScanIntake, ScanSheetView, ScanStatistics } from '../../../src/contract/scan.ts';
import { MAX_SCAN_BYTES } from '../../../src/contract/scan.ts';

// The scan pages' pure logic: the files a teller may send, what an upload read, a reviewed box's
// decision [B1] [P2], and the scrutineers' figures.

const sheet = (fields: Partial<ScanSheetView>): ScanSheetView => ({
  id: 's1',
  fileId: 'f1',
  page: 1,
  status: 'read',
  reason: null,
  detail: null,
  duplicateOf: null,
  rotation: 0,
  serial: null,
  items: 0,
  pending: 0,
  setAside: null,
  voidReason: null,
  readAt: '2026-09-27T01:00:00.000Z',
  ...fields,
});

const stats = (
  sheets: Partial<ScanStatistics['sheets']>,
  boxes: Partial<ScanStatistics['boxes']>,
): ScanStatistics => ({
  files: 2,
  sheets: {
    scanned: 4,
    read: 3,
    rejected: 1,
    duplicates: 0,
    setAside: 1,
    awaitingDisposition: 0,
    awaitingReview: 0,
    counted: 3,
    ...sheets,
  },
  boxes: {
    read: 24,
    definite: 21,
    reviewed: 3,
    pending: 0,
    agreed: 2,
    disagreed: 1,
    resolved: 1,
    corrections: 0,
    changedFromMachine: 1,
    writeIns: 1,
    ...boxes,
  },
});

describe('scan files', () => {
  it('takes PDF, TIFF, PNG and JPEG by name or type, and refuses the rest before sending', () => {
    for (const name of ['a.pdf', 'B.TIF', 'c.tiff', 'd.png', 'e.jpg', 'f.JPEG'])
      expect(refuseScanFile({ name, size: 10 }), name).toBeNull();
    expect(refuseScanFile({ name: 'scan', size: 10, type: 'image/jpeg' })).toBeNull();
    expect(refuseScanFile({ name: 'notes.txt', size: 10, type: 'text/plain' })).toBe('type');
    expect(refuseScanFile({ name: 'a.pdf', size: 0 })).toBe('empty');
    expect(refuseScanFile({ name: 'a.pdf', size: MAX_SCAN_BYTES + 1 })).toBe('size');
  });

  it('encodes large files as base64 in chunks', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(base64Of(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64Of(new Uint8Array())).toBe('');
  });

  it('summarises an upload: read, boxes to review, rejected with their reasons, duplicates', () => {
    const intake = {
      file: {} as ScanIntake['file'],
      sheets: [
        sheet({ items: 2 }),
        sheet({ page: 2, items: 1 }),
        sheet({ page: 3, status: 'rejected', reason: 'fiducial-missing' }),
        sheet({ page: 4, status: 'duplicate', duplicateOf: 's0' }),
      ],
    } as ScanIntake;
    expect(summariseIntake('created', intake)).toEqual({
      sheets: 4,
      read: 2,
      toReview: 3,
      rejected: [{ page: 3, reason: 'fiducial-missing' }],
      duplicates: 1,
      unchanged: false,
    });
    expect(summariseIntake('unchanged', intake).unchanged).toBe(true);
  });
});

describe('[B1] [P2] a reviewed box', () => {
  const printed = ['丁宁', '王　刚'];
  it('offers the four readings of a box', () => {
    expect(markChoices({ kind: 'mark' })).toEqual(['for', 'against', 'abstain', 'unreadable']);
  });

  it('a write-in read as for needs the name written, not a printed candidate’s', () => {
    const writeIn = { kind: 'write-in' } as const;
    expect(decisionProblem(writeIn, 'for', '  ', printed)).toBe('name-needed');
    expect(decisionProblem(writeIn, 'for', '王刚', printed)).toBe('name-printed');
    expect(decisionProblem(writeIn, 'for', '刘洋', printed)).toBeNull();
    expect(decisionProblem(writeIn, 'abstain', '', printed)).toBeNull();
    expect(decisionProblem({ kind: 'mark' }, 'for', '', printed)).toBeNull();
  });

  it('sends the name only for a write-in read as for', () => {
    expect(decisionBody({ kind: 'write-in' }, 'for', ' 刘洋 ')).toEqual({ mark: 'for', name: '刘洋' });
    expect(decisionBody({ kind: 'write-in' }, 'unreadable', '刘洋')).toEqual({ mark: 'unreadable' });
    expect(decisionBody({ kind: 'mark' }, 'against', 'x')).toEqual({ mark: 'against' });
  });
});

describe('the scrutineers’ figures', () => {
  it('lists the rejected sheets not yet dealt with', () => {
    const sheets = [
      sheet({ id: 'a', status: 'rejected', reason: 'streak' }),
      sheet({ id: 'b', status: 'rejected', reason: 'qr-foreign', setAside: 'not-this-round' }),
      sheet({ id: 'c' }),
    ];
    expect(sheetsAwaitingDisposition(sheets).map((s) => s.id)).toEqual(['a']);
  });

  it('shows sheets, boxes and decisions, with what the count waits on marked', () => {
    const rows = statisticRows(stats({ awaitingDisposition: 1 }, { pending: 2 }));
    expect(rows.map((r) => r.key)).toEqual([
      'files',
      'scanned',
      'read',
      'rejected',
      'duplicates',
      'setAside',
      'awaitingDisposition',
      'awaitingReview',
      'counted',
      'boxesRead',
      'reviewed',
      'pending',
      'agreed',
      'disagreed',
      'resolved',
      'corrections',
      'changedFromMachine',
      'writeIns',
    ]);
    expect(rows.filter((r) => r.attention).map((r) => r.key)).toEqual(['awaitingDisposition', 'pending']);
    expect(reviewShare(stats({}, {}))).toBe('12.5');
    expect(reviewShare(stats({}, { read: 0, reviewed: 0 }))).toBe('0.0');
    expect(scanSettled(stats({}, {}))).toBe(true);
    expect(scanSettled(stats({}, { pending: 1 }))).toBe(false);
    expect(scanSettled(stats({ awaitingDisposition: 1 }, {}))).toBe(false);
  });
});

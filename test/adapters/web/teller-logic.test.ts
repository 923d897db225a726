import { describe, expect, it } from 'vitest';
import {
  addWriteIn,
  applyKey,
  applyKeys,
  emptySheet,
} from '../../../src/adapters/web/src/lib/ballot-entry.ts';
import {
  afterDialog,
  dialogText,
  electionUnderWay,
  keyableRounds,
  lastEntry,
  nextSheetNo,
  paperElections,
  sheetFor,
  sheetOvervote,
} from '../../../src/adapters/web/src/pages/teller/teller-logic.ts';
import type { PaperEntry } from '../../../src/contract/ballots.ts';
import { election, round, summary } from './hall-fixtures.ts';

const entry = (sheetNo: number) => ({ sheetNo, batchNo: 1, marks: 'FA' }) as PaperEntry;

describe("the teller's page", () => {
  it('offers the paper elections, the one under way first chosen', () => {
    const list = [
      summary({ id: 'e1', ballotMode: 'electronic', status: 'in-progress' }),
      summary({ id: 'e2', ballotMode: 'paper', status: 'complete' }),
      summary({ id: 'e3', ballotMode: 'paper', status: 'in-progress' }),
    ];
    expect(paperElections(list).map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(electionUnderWay(list)).toBe('e3');
    expect(electionUnderWay([list[0]!])).toBeUndefined();
  });

  it('keys paper rounds that are open or closed, not counted ones', () => {
    const view = election({
      id: 'e1',
      rounds: [
        round({ id: 'r1', mode: 'paper', status: 'announced' }),
        round({ id: 'r2', mode: 'paper', status: 'closed' }),
        round({ id: 'r3', mode: 'paper', status: 'open' }),
        round({ id: 'r4', mode: 'electronic', status: 'open' }),
      ],
    });
    expect(keyableRounds(view).map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(keyableRounds(undefined)).toEqual([]);
  });

  it('goes on after the last sheet this teller keyed, never back', () => {
    expect(nextSheetNo([], 1)).toBe(1);
    expect(nextSheetNo([entry(1), entry(7), entry(3)], 1)).toBe(8);
    expect(nextSheetNo([entry(2)], 5)).toBe(5);
    expect(lastEntry([entry(1), entry(2)])?.sheetNo).toBe(2);
    expect(lastEntry([])).toBeUndefined();
  });

  it('keeps the sheet for the same candidates, a fresh one for another round', () => {
    const keyed = applyKey(emptySheet(3), '1').state;
    expect(sheetFor(keyed, 3)).toBe(keyed);
    expect(sheetFor(keyed, 4)).toEqual(emptySheet(4));
  });

  it('opens the void dialog with the reason given, and applies write-ins and void reasons', () => {
    const sheet = emptySheet(2);
    expect(dialogText({ ...sheet, voidReason: '字迹无法辨认' }, 'void')).toBe('字迹无法辨认');
    expect(dialogText({ ...sheet, voidReason: '字迹无法辨认' }, 'write-in')).toBe('');
    expect(afterDialog(sheet, 'write-in', ' 林晓东 ').writeIns).toEqual(['林晓东']);
    expect(afterDialog(sheet, 'void', '多选').voidReason).toBe('多选');
  });
});

describe('[B3] an over-marked sheet, warned at entry', () => {
  it('counts the names marked for, write-ins included, against the seats', () => {
    const keyed = applyKeys(emptySheet(4), ['1', '1', '1', '2']).state;
    expect(sheetOvervote(keyed, 3)).toBeNull();
    expect(sheetOvervote(keyed, 2)).toEqual({ marked: 3, seats: 2 });
    // A name written in and marked for counts as one more.
    expect(sheetOvervote(addWriteIn(keyed, '林晓东'), 3)).toEqual({ marked: 4, seats: 3 });
    // Unknown seats (the round not loaded yet): no warning rather than a wrong one.
    expect(sheetOvervote(keyed, null)).toBeNull();
  });
});

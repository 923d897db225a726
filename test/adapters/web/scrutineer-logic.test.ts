import { describe, expect, it } from 'vitest';
import {
  applyKeys,
  emptySheet,
  keysOfMarks,
  marksOf,
} from '../../../src/adapters/web/src/lib/ballot-entry.ts';
import {
  fromTyped,
  isQuiet,
  markText,
  resolutionBody,
  resolvingFrom,
  resolvingOvervote,
  shownElectionId,
  shownRound,
  takePass,
  typedSheet,
  withMark,
} from '../../../src/adapters/web/src/pages/scrutineer/scrutineer-logic.ts';
import type { BatchComparison, Disagreement } from '../../../src/contract/ballots.ts';
import { election, round, summary } from './hall-fixtures.ts';

const a = { marks: 'FA-', writeIns: [], voidReason: null, enteredBy: '计票人甲' };
const b = { marks: 'FF-', writeIns: ['林晓东'], voidReason: null, enteredBy: '计票人乙' };
const disagreement = {
  sheetNo: 7,
  a,
  b,
  differingCandidates: [{ column: 1, candidate: '乙' }],
  writeInsDiffer: true,
  voidReasonDiffers: false,
  resolution: null,
} as unknown as Disagreement;

describe("the scrutineers' comparison", () => {
  it('shows the election under way and its latest round unless another was chosen', () => {
    const list = [summary({ id: 'e1', status: 'complete' }), summary({ id: 'e2', status: 'in-progress' })];
    expect(shownElectionId(undefined, list)).toBe('e2');
    expect(shownElectionId('e1', list)).toBe('e1');
    const view = election({ id: 'e2', rounds: [round({ id: 'r1' }), round({ id: 'r2' })] });
    expect(shownRound(view, undefined)?.id).toBe('r2');
    expect(shownRound(view, 'r1')?.id).toBe('r1');
    expect(shownRound(undefined, undefined)).toBeUndefined();
  });

  it('folds batches where both passes agree throughout into one line', () => {
    const quiet = {
      batchNo: 1,
      agreed: [1, 2],
      disagreements: [],
      onlyA: [],
      onlyB: [],
    } as unknown as BatchComparison;
    expect(isQuiet(quiet)).toBe(true);
    expect(isQuiet({ ...quiet, onlyB: [3] })).toBe(false);
    expect(isQuiet({ ...quiet, disagreements: [disagreement] })).toBe(false);
  });

  it('writes marks as the paper shows them', () => {
    expect([...'FA-?'].map((m) => markText(m))).toEqual(['○', '×', '—', '?']);
    expect(markText('X')).toBe('X');
    expect(markText(undefined, '·')).toBe('·');
    expect(markText('X', '·')).toBe('·');
  });

  it('[P2] records what the paper says: from pass A, a column changed, or pass B taken whole', () => {
    const form = resolvingFrom(3, disagreement);
    expect(form).toMatchObject({ batchNo: 3, sheetNo: 7, marks: 'FA-', writeIns: '', voidReason: '' });
    expect(withMark(form.marks, 1, 'F')).toBe('FF-');
    const fromB = takePass(form, b);
    expect(fromB.writeIns).toBe('林晓东');
    expect(resolutionBody({ ...fromB, marks: ' ff- ', voidReason: '  ' })).toEqual({
      batchNo: 3,
      sheetNo: 7,
      marks: 'FF-',
      writeIns: ['林晓东'],
      voidReason: null,
    });
  });
});

describe('one set of keys for tellers and scrutineers, and [B3] at the scrutineer’s desk', () => {
  it('shows and takes the whole sheet with the tellers’ keys: 1 for, 2 against, 0 abstain, 3 unreadable', () => {
    const resolving = resolvingFrom(1, disagreement);
    expect(typedSheet(resolving)).toBe('120');
    expect(fromTyped('1203')).toBe('FA-?');
    // A space is 0 at both desks; anything else is not a mark and is left out.
    expect(fromTyped('1 2x')).toBe('F-A');
    // What a teller keys and what the scrutineer types are the same characters.
    const keyed = marksOf(applyKeys(emptySheet(4), ['1', '2', '0', '3']).state)!;
    expect(keysOfMarks(keyed)).toBe('1203');
    expect(fromTyped(keysOfMarks(keyed))).toBe(keyed);
  });

  it('warns when the reading records more names for than the seats', () => {
    const resolving = { ...resolvingFrom(1, disagreement), marks: 'FF-', writeIns: '林晓东' };
    expect(resolvingOvervote(resolving, 3)).toBeNull();
    expect(resolvingOvervote(resolving, 2)).toEqual({ marked: 3, seats: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import {
  checkSheet,
  differences,
  groupSheets,
  type KeyedEntry,
  type SheetContent,
  settledContent,
  sheetProgress,
  sheetState,
} from '../../../../src/services/ballots/paper/paper-sheet.ts';
import { ServiceError } from '../../../../src/services/errors.ts';
import { InputError } from '../../../../src/services/input-error.ts';

// The entry validation of one paper ballot, without a database.

const ballot = { candidates: ['丁宁（女）', '王　刚', '李强'], writeInsAllowed: true };

function refusal(fn: () => unknown): InputError | ServiceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError || error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkSheet: what a teller may key for one paper ballot', () => {
  it('[B1] needs exactly one mark (F, A, - or ?) per printed candidate', () => {
    expect(checkSheet({ marks: 'FA?' }, ballot)).toEqual({ marks: 'FA?', writeIns: [], voidReason: null });
    expect(refusal(() => checkSheet({ marks: 'FA' }, ballot))).toMatchObject({
      field: 'marks',
      zh: '应为3名候选人各填一个标记',
    });
    expect(refusal(() => checkSheet({ marks: 'FAXX' }, ballot))).toMatchObject({ field: 'marks' });
    expect(refusal(() => checkSheet({ marks: 'fa-' }, ballot))).toMatchObject({
      field: 'marks',
      en: expect.stringContaining('F (for)'),
    });
  });

  it('[B3] stores an over-marked ballot as the paper says: its validity is for the rules engine', () => {
    expect(checkSheet({ marks: 'FFF', writeIns: ['刘洋'] }, ballot)).toEqual({
      marks: 'FFF',
      writeIns: ['刘洋'],
      voidReason: null,
    });
  });

  it('[B1] takes names written in once each, not printed on the ballot, in canonical order', () => {
    expect(checkSheet({ marks: '---', writeIns: [' 赵敏', '刘洋 '] }, ballot).writeIns).toEqual(
      ['刘洋', '赵敏'].sort(),
    );
    expect(refusal(() => checkSheet({ marks: '---', writeIns: ['  '] }, ballot))).toMatchObject({
      field: 'writeIns[0]',
      zh: '应填写姓名',
    });
    expect(refusal(() => checkSheet({ marks: '---', writeIns: ['（女）'] }, ballot))).toMatchObject({
      field: 'writeIns[0]',
    });
    // Printed names are recognised without their annotations and padding.
    expect(refusal(() => checkSheet({ marks: '---', writeIns: ['刘洋', '丁宁'] }, ballot))).toMatchObject({
      field: 'writeIns[1]',
      en: '丁宁（女） is printed on the ballot: key the mark in that column',
    });
    expect(refusal(() => checkSheet({ marks: '---', writeIns: ['王刚'] }, ballot))).toMatchObject({
      field: 'writeIns[0]',
    });
    expect(refusal(() => checkSheet({ marks: '---', writeIns: ['刘洋', '刘 洋'] }, ballot))).toMatchObject({
      field: 'writeIns[1]',
      zh: expect.stringContaining('重复'),
    });
    expect(refusal(() => checkSheet({ marks: '---', writeIns: ['名'.repeat(65)] }, ballot))).toMatchObject({
      field: 'writeIns[0]',
    });
    // A handwritten name the stroke data cannot order is still what the paper says: kept (the count lists it last).
    expect(checkSheet({ marks: '---', writeIns: ['Smith'] }, ballot).writeIns).toEqual(['Smith']);
  });

  it('[B1] refuses write-ins where the election method does not allow them', () => {
    const error = refusal(() =>
      checkSheet({ marks: '---', writeIns: ['刘洋'] }, { ...ballot, writeInsAllowed: false }),
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ status: 422, rule: 'B1', zh: expect.stringContaining('另选他人') });
    expect(
      checkSheet({ marks: '---', writeIns: [] }, { ...ballot, writeInsAllowed: false }).writeIns,
    ).toEqual([]);
  });

  it('[B3] keeps a void reason, trimmed; an empty one is none', () => {
    expect(checkSheet({ marks: 'F--', voidReason: ' 有识别标记 ' }, ballot).voidReason).toBe('有识别标记');
    expect(checkSheet({ marks: 'F--', voidReason: '  ' }, ballot).voidReason).toBeNull();
    expect(checkSheet({ marks: 'F--', voidReason: null }, ballot).voidReason).toBeNull();
    expect(refusal(() => checkSheet({ marks: 'F--', voidReason: '因'.repeat(201) }, ballot))).toMatchObject({
      field: 'voidReason',
    });
  });
});

describe('comparing the two passes', () => {
  const content = (
    marks: string,
    writeIns: string[] = [],
    voidReason: string | null = null,
  ): SheetContent => ({ marks, writeIns, voidReason });
  const entry = (pass: 'A' | 'B', sheetNo: number, c: SheetContent) => ({
    id: `${pass}${sheetNo}`,
    pass,
    batchNo: 1,
    sheetNo,
    content: c,
    enteredBy: pass === 'A' ? 't1' : 't2',
    enteredAt: '2026-09-28T03:00:00.000Z',
  });

  it('names the differing candidate columns, write-ins and void reason', () => {
    expect(differences(content('FA-'), content('F-?', ['刘洋'], '有识别标记'), ['甲', '乙', '丙'])).toEqual({
      columns: [
        { column: 1, candidate: '乙', a: 'against', b: 'abstain' },
        { column: 2, candidate: '丙', a: 'abstain', b: 'unreadable' },
      ],
      writeIns: true,
      voidReason: true,
    });
    expect(differences(content('F--'), content('F--'), ['甲', '乙', '丙'])).toEqual({
      columns: [],
      writeIns: false,
      voidReason: false,
    });
  });

  it('a sheet counts when both passes agree exactly, or as a scrutineer resolved it', () => {
    const entries: Array<KeyedEntry & { batchNo: number; sheetNo: number }> = [
      entry('A', 3, content('F--')),
      entry('B', 1, content('F--')),
      entry('A', 1, content('F--')),
      entry('A', 2, content('F--', ['刘洋'])),
      entry('B', 2, content('F--')),
      entry('B', 4, content('-F-')),
      entry('A', 5, content('-F-')),
      entry('B', 5, content('--F')),
    ];
    const resolutions = [
      {
        id: 'r5',
        batchNo: 1,
        sheetNo: 5,
        content: content('-F-'),
        resolvedBy: 's1',
        resolvedAt: '2026-09-28T04:00:00.000Z',
      },
    ];
    const sheets = groupSheets(entries, resolutions);
    expect(sheets.map((s) => [s.sheetNo, sheetState(s), settledContent(s)?.marks])).toEqual([
      [1, 'agreed', 'F--'],
      [2, 'disagreed', undefined],
      [3, 'only-a', undefined],
      [4, 'only-b', undefined],
      [5, 'disagreed', '-F-'],
    ]);
    expect(sheetProgress(sheets)).toEqual({
      sheets: 5,
      onlyA: 1,
      onlyB: 1,
      agreed: 1,
      resolved: 1,
      unresolved: 1,
      settled: 2,
    });
  });
});

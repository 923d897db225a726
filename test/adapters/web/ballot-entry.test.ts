import { describe, expect, it } from 'vitest';
import {
  addWriteIn,
  applyKey,
  applyKeys,
  emptySheet,
  marksOf,
  sheetBody,
  tallyMarks,
  voidSheet,
} from '../../../src/adapters/web/src/lib/ballot-entry.ts';

const keys = (text: string) => [...text];

describe('keyboard entry of a paper ballot', () => {
  it('turns 1 / 2 / 0 / space / 3 into F / A / - / - / ? in ballot order', () => {
    const { state } = applyKeys(emptySheet(5), keys('120 3'));
    expect(marksOf(state)).toBe('FA--?');
    expect(state.cursor).toBe(5);
  });

  it('ignores marks past the last cell', () => {
    const { state } = applyKeys(emptySheet(2), keys('1112'));
    expect(marksOf(state)).toBe('FF');
  });

  it('has no marks string until every cell is keyed', () => {
    const { state } = applyKeys(emptySheet(3), keys('12'));
    expect(marksOf(state)).toBeNull();
    expect(sheetBody(state)).toBeNull();
    expect(applyKey(state, 'Enter').action).toBe('incomplete');
  });

  it('F fills the rest as 弃权 and Enter commits', () => {
    const filled = applyKeys(emptySheet(50), [...keys('12'), 'F']);
    expect(marksOf(filled.state)).toBe(`FA${'-'.repeat(48)}`);
    const enter = applyKey(filled.state, 'Enter');
    expect(enter.action).toBe('commit');
    expect(sheetBody(enter.state)).toEqual({ marks: `FA${'-'.repeat(48)}` });
  });

  it('Backspace clears the previous cell and steps back onto it', () => {
    const { state } = applyKeys(emptySheet(4), [...keys('112'), 'Backspace', '0', 'f']);
    expect(marksOf(state)).toBe('FF--');
    const atStart = applyKey(emptySheet(2), 'Backspace').state;
    expect(atStart.cursor).toBe(0);
  });

  it('arrows move the cursor (up and down by the grid width) and a mark overwrites', () => {
    const { state } = applyKeys(emptySheet(10), [...keys('1111'), 'ArrowLeft', 'ArrowLeft', '2'], 5);
    expect(state.cells.slice(0, 4)).toEqual(['F', 'F', 'A', 'F']);
    expect(state.cursor).toBe(3);
    const down = applyKeys(state, ['ArrowDown'], 5).state;
    expect(down.cursor).toBe(8);
    const up = applyKeys(down, ['ArrowUp', 'ArrowUp'], 5).state;
    expect(up.cursor).toBe(0);
    expect(
      applyKeys(emptySheet(3), ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']).state.cursor,
    ).toBe(3);
  });

  it('W and V ask the page for a write-in and a void reason; other keys pass through', () => {
    expect(applyKey(emptySheet(2), 'w').action).toBe('write-in');
    expect(applyKey(emptySheet(2), 'V').action).toBe('void');
    const other = applyKey(emptySheet(2), 'x');
    expect(other.handled).toBe(false);
  });

  it('carries write-ins once each, and a void reason with a whole sheet', () => {
    let state = applyKeys(emptySheet(3), keys('1')).state;
    state = addWriteIn(addWriteIn(addWriteIn(state, ' 张三 '), '张三'), '');
    expect(state.writeIns).toEqual(['张三']);
    const voided = voidSheet(state, '字迹涂改无法确认');
    expect(sheetBody(voided)).toEqual({ marks: 'F--', writeIns: ['张三'], voidReason: '字迹涂改无法确认' });
  });

  it('keys a ballot of 50 candidates from a short sequence', () => {
    const sequence = [...keys('1'.repeat(20)), ...keys('2'.repeat(5)), '3', 'F', 'Enter'];
    const result = applyKeys(emptySheet(50), sequence);
    expect(result.action).toBe('commit');
    expect(marksOf(result.state)).toBe(`${'F'.repeat(20)}${'A'.repeat(5)}?${'-'.repeat(24)}`);
    expect(tallyMarks(result.state.cells)).toEqual({ F: 20, A: 5, '-': 24, '?': 1, empty: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import {
  castBody,
  findReceipt,
  forCount,
  shownWriteInLines,
} from '../../../src/adapters/web/src/pages/vote/vote-ballot.ts';

describe("the delegate's phone ballot", () => {
  it('[B1] counts a written-in name as a vote for; blank lines do not count', () => {
    expect(forCount(['F', 'A', '-', 'F'], ['', '  林晓东 ', ''])).toBe(3);
    expect(forCount(['-', '-'], [' ', ''])).toBe(0);
  });

  it('shows the filled write-in lines and one empty line, never more than the slots', () => {
    expect(shownWriteInLines(Array(30).fill(''), 30)).toBe(1);
    expect(shownWriteInLines(['林晓东', '', ''], 3)).toBe(2);
    expect(shownWriteInLines(['', '', '林晓东'], 3)).toBe(3);
    expect(shownWriteInLines(['甲', '乙'], 2)).toBe(2);
    expect(shownWriteInLines([], 0)).toBe(0);
  });

  it('[B3] sends the marks in ballot order, the names written in, and an over-marked ballot only as knowingly invalid', () => {
    expect(castBody(['F', 'A', '-'], ['', ''], 2)).toEqual({ marks: 'FA-' });
    expect(castBody(['F', '-', '-'], [' 林晓东 ', ''], 2)).toEqual({ marks: 'F--', writeIns: ['林晓东'] });
    expect(castBody(['F', 'F', '-'], ['林晓东'], 2)).toEqual({
      marks: 'FF-',
      writeIns: ['林晓东'],
      confirmInvalid: true,
    });
  });

  it('[B4] finds a receipt in the published list however it was typed, and says where', () => {
    const published = [{ tracker: '3KQH-2M9P-XR4T' }, { tracker: 'K7QH-2M9P-XR4T' }];
    expect(findReceipt(published, 'K7QH-2M9P-XR4T')).toBe(2);
    expect(findReceipt(published, 'k7qh 2m9p xr4t')).toBe(2);
    expect(findReceipt(published, 'K7QH2M9PXR4T')).toBe(2);
    expect(findReceipt(published, 'K7QH-2M9P-XR4A')).toBeNull();
    expect(findReceipt(published, '  ')).toBeNull();
  });
});

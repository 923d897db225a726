import { describe, expect, it } from 'vitest';
import { nameLines } from '../../../src/adapters/pdf/ballot-renderer.ts';
import { BallotTooLargeError, planBallot, REGISTRATION } from '../../../src/adapters/pdf/index.ts';
import { breakLines, breakUnits, fontRuns } from '../../../src/adapters/pdf/text-layout.ts';

/** Every character 10 wide: a line of width 50 holds five. */
const measure = (text: string) => [...text].length * 10;
const instructions = () => 60;

describe('line breaking', () => {
  it('keeps numbers and Latin words whole', () => {
    expect(breakUnits('应到417人，U+20BB7')).toEqual(['应', '到', '417', '人', '，', 'U+20BB7']);
  });

  it('breaks between Chinese characters', () => {
    expect(breakLines('中国共产党示范市委员会', 50, measure)).toEqual(['中国共产党', '示范市委员', '会']);
  });

  it('never starts a line with a closing mark, nor ends one with an opening mark', () => {
    expect(breakLines('一二三四五，六七', 50, measure)).toEqual(['一二三四', '五，六七']);
    expect(breakLines('一二三四“五六”', 50, measure)).toEqual(['一二三四', '“五六”']);
    // Two closing marks in a row go down together with the character before them.
    expect(breakLines('一二“三”；四', 50, measure)).toEqual(['一二', '“三”；四']);
  });

  it('starts a new line at a newline', () => {
    expect(breakLines('一二\n三', 50, measure)).toEqual(['一二', '三']);
  });

  it('groups characters into runs of one face', () => {
    const runs = fontRuns('王𠮷田a', (cp) => (cp > 0xffff ? 'fallback' : 'primary'));
    expect(runs).toEqual([
      { text: '王', face: 'primary' },
      { text: '𠮷', face: 'fallback' },
      { text: '田a', face: 'primary' },
    ]);
  });

  it('breaks a long transliterated name after its separator', () => {
    expect(nameLines('阿不都·热合曼', () => true)).toEqual(['阿不都·', '热合曼']);
    expect(nameLines('司马相如远', () => true)).toEqual(['司马相', '如远']);
  });
});

describe('ballot layout', () => {
  it('puts a small ballot on A4 with comfortable cells, at most ten to a row, centred', () => {
    expect(planBallot(25, 21, instructions).columns).toBe(10);
    const layout = planBallot(7, 6, instructions);
    expect(layout.paper).toBe('A4');
    expect(layout.columns).toBe(7);
    const left = layout.candidates[0]!.mark.x;
    const right = layout.candidates[6]!.mark.x + layout.candidates[6]!.mark.width;
    expect(left - 50).toBeCloseTo(layout.width - 50 - right);
    expect(layout.writeIns[0]!.mark.x).toBe(left);
    expect(layout.candidates).toHaveLength(7);
    expect(layout.writeIns).toHaveLength(6);
    expect(layout.nameSize).toBe(12);
  });

  it('puts the mark box directly above each name, inside the four distinct corner fiducials', () => {
    const layout = planBallot(25, 21, instructions);
    const [topLeft, , , bottomRight] = layout.registration;
    expect(topLeft).toEqual({
      corner: 'top-left',
      x: REGISTRATION.inset,
      y: REGISTRATION.inset,
      width: REGISTRATION.size,
      height: REGISTRATION.size,
    });
    for (const cell of [...layout.candidates, ...layout.writeIns]) {
      expect(cell.name.x).toBe(cell.mark.x);
      expect(cell.name.y).toBeCloseTo(cell.mark.y + cell.mark.height);
      expect(cell.mark.x).toBeGreaterThan(topLeft!.x + topLeft!.width);
      expect(cell.name.y + cell.name.height).toBeLessThan(bottomRight!.y);
      expect(cell.name.x + cell.name.width).toBeLessThanOrEqual(bottomRight!.x + 0.001);
    }
    // Write-in boxes start below the last candidate row.
    const lastCandidate = layout.candidates.at(-1)!;
    expect(layout.writeIns[0]!.mark.y).toBeGreaterThan(lastCandidate.name.y + lastCandidate.name.height);
  });

  it('moves to A3 when A4 cannot hold the grid (the demo committee: 50 candidates, 45 seats, fits A4 tight)', () => {
    expect(planBallot(50, 45, instructions)).toMatchObject({ paper: 'A4', nameSize: 10.5 });
    expect(planBallot(120, 100, instructions)).toMatchObject({ paper: 'A3' });
  });

  it('refuses a ballot no A3 sheet can hold', () => {
    expect(() => planBallot(400, 350, instructions)).toThrow(BallotTooLargeError);
  });
});

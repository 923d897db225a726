import { makeIdNumber } from '../../src/core/text/id-number.ts';

// What the whole-congress browser test feeds the congress, designed so that the outcome is known
// before anything is counted: the delegate list to import, the paper ballots of the alternates'
// election (keyed partly in the browser), and the electronic ballots of the election of delegates
// to the provincial congress, crafted so that the 30th seat is tied and a run-off is needed.

export interface NewDelegate {
  readonly name: string;
  readonly ethnicity: string;
  readonly joined: string;
  readonly position: string;
  readonly delegation: string;
  readonly idNumber: string;
}

/** Four delegates elected late by their units; the desks check them in by name and by pinyin. */
export const NEW_DELEGATES: readonly NewDelegate[] = [
  {
    name: '欧阳慧敏',
    ethnicity: '汉族',
    joined: '2003-06-15',
    position: '市中心医院主任医师',
    delegation: '卫生健康系统代表团',
    idNumber: makeIdNumber('110101', '1980-05-21', 4),
  },
  {
    name: '司马振华',
    ethnicity: '汉族',
    joined: '1998-07',
    position: '示范市第一中学校长',
    delegation: '教育系统代表团',
    idNumber: makeIdNumber('110101', '1975-03-12', 3),
  },
  {
    name: '诸葛文博',
    ethnicity: '汉族',
    joined: '2006-07',
    position: '示范市农业科学研究所研究员',
    delegation: '科技系统代表团',
    idNumber: makeIdNumber('110101', '1979-09-30', 7),
  },
  {
    name: '阿依古丽·买买提',
    ethnicity: '维吾尔族',
    joined: '2010-07',
    position: '社区党委书记',
    delegation: '河东区代表团',
    idNumber: makeIdNumber('650102', '1985-01-01', 2),
  },
];

/** The delegate list as a secretariat exports it from its spreadsheet. */
export function delegateCsv(delegates: readonly NewDelegate[]): string {
  return [
    '序号,姓名,民族,入党时间,职务,代表团,身份证号码',
    ...delegates.map((d, i) =>
      [i + 1, d.name, d.ethnicity, d.joined, d.position, d.delegation, d.idNumber].join(','),
    ),
  ].join('\n');
}

/** The same row with a mistyped ID number: its check digit no longer fits. */
export function mistyped(delegate: NewDelegate): NewDelegate {
  const last = delegate.idNumber.slice(-1);
  return { ...delegate, idNumber: delegate.idNumber.slice(0, -1) + (last === '1' ? '2' : '1') };
}

/**
 * The sheets two tellers key in the browser (batch 1 of the alternates' election, 9 candidates):
 * the keys each pass types, and what the paper says. Sheet 3 is misread in pass B (column 8, ×
 * for ○): the one disagreement the scrutineer resolves. Sheet 4 is keyed with the arrows.
 */
export interface KeyedSheet {
  readonly keysA: readonly string[];
  readonly keysB: readonly string[];
  /** The marks the paper carries (and pass A keys). */
  readonly paper: string;
  readonly keyedB: string;
}

const ALL_FOR = ['1', '1', '2', '1', '1', '1', '1', '1', '1'];
export const KEYED_SHEETS: readonly KeyedSheet[] = [
  { keysA: ALL_FOR, keysB: ALL_FOR, paper: 'FFAFFFFFF', keyedB: 'FFAFFFFFF' },
  {
    // F fills what is left as 弃权.
    keysA: ['1', '1', '0', '1', '1', '1', '1', '1', 'f'],
    keysB: ['1', '1', '0', '1', '1', '1', '1', '1', 'f'],
    paper: 'FF-FFFFF-',
    keyedB: 'FF-FFFFF-',
  },
  {
    keysA: ALL_FOR,
    keysB: ['1', '1', '2', '1', '1', '1', '1', '2', '1'],
    paper: 'FFAFFFFFF',
    keyedB: 'FFAFFFFAF',
  },
  {
    // Nine ○, then ↑ (five columns back) and ← ← to the third cell, which becomes ×.
    keysA: ['1', '1', '1', '1', '1', '1', '1', '1', '1', 'ArrowUp', 'ArrowLeft', 'ArrowLeft', '2'],
    keysB: ['1', '1', '1', '1', '1', '1', '1', '1', '1', 'ArrowUp', 'ArrowLeft', 'ArrowLeft', '2'],
    paper: 'FFAFFFFFF',
    keyedB: 'FFAFFFFFF',
  },
];

/**
 * The other ballots of the alternates' election, entered by two more tellers: every ballot is for
 * all candidates but one, who is marked against; how often each is left out decides the votes.
 * With the four sheets above (○ for everyone but the third candidate, and the ninth on sheet 2),
 * the votes for are 270, 300, 145, 290, 260, 295, 280, 285, 274: the third candidate stays under
 * the [T1] threshold (more than half of the 417 expected: 209) and the other eight are elected.
 */
export const PAPER_LEFT_OUT = [30, 0, 151, 10, 40, 5, 20, 15, 25] as const;
export const PAPER_FOR = [270, 300, 145, 290, 260, 295, 280, 285, 274] as const;

/** One ballot per entry of `leftOut` (a candidate index): ○ for the first `width` columns but that one. */
export function ballotsLeavingOut(leftOut: readonly number[], width: number, columns = width): string[] {
  return leftOut.map((out) =>
    Array.from({ length: columns }, (_, j) => (j < width && j !== out ? 'F' : 'A')).join(''),
  );
}

/** Each index repeated as often as `counts` says, interleaved (batches hold a mix, as real ones do). */
export function interleave(counts: readonly number[]): number[] {
  const left = [...counts];
  const order: number[] = [];
  while (left.some((n) => n > 0)) {
    left.forEach((n, i) => {
      if (n > 0) {
        order.push(i);
        left[i] = n - 1;
      }
    });
  }
  return order;
}

/**
 * How often each of the first `seats + 1` candidates is left out of `ballots` ballots (each ○ for
 * all of them but one) so that the last two tie and everyone before them gets more:
 * the two tied are left out `t` times each, every other at most `t - 1` times.
 */
export function tiedLeftOut(ballots: number, seats: number): number[] {
  const above = seats - 1;
  const tied = Math.ceil((ballots + above) / (above + 2));
  const rest = ballots - 2 * tied;
  const counts = Array.from(
    { length: above },
    (_, i) => Math.floor(rest / above) + (i < rest % above ? 1 : 0),
  );
  return [...counts, tied, tied];
}

import type { enterPaperBallotEndpoint } from '../../../../contract/ballots.ts';
import type { BodyIn } from '../../../../contract/endpoint.ts';

// Keyboard entry of one paper ballot (计票人录入选票): a pure state machine, so the key sequences
// a teller types are tested without a browser. One cell per printed candidate in ballot order;
// the marks string the API takes has one character per cell: F 赞成 ○, A 不赞成 ×, - 弃权 (blank),
// ? 无法辨认.

export type SheetMark = 'F' | 'A' | '-' | '?';

export interface EntryState {
  /** One cell per printed candidate; null until keyed. */
  readonly cells: readonly (SheetMark | null)[];
  /** 0..cells.length (at the end once the last cell is keyed). */
  readonly cursor: number;
  readonly writeIns: readonly string[];
  readonly voidReason: string | null;
}

/** What a key asks of the page beyond the new state. */
export type EntryAction = 'commit' | 'incomplete' | 'write-in' | 'void' | null;

export interface KeyResult {
  readonly state: EntryState;
  readonly action: EntryAction;
  /** Whether the page should swallow the key (preventDefault). */
  readonly handled: boolean;
}

export const MARK_KEYS: Readonly<Record<string, SheetMark>> = {
  '1': 'F',
  '2': 'A',
  '0': '-',
  ' ': '-',
  '3': '?',
};

export function emptySheet(candidates: number): EntryState {
  return { cells: Array.from({ length: candidates }, () => null), cursor: 0, writeIns: [], voidReason: null };
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(max, value));
}

function setCell(cells: readonly (SheetMark | null)[], at: number, mark: SheetMark | null) {
  const next = [...cells];
  next[at] = mark;
  return next;
}

/**
 * Applies one key (KeyboardEvent.key) to the sheet. `columns` is the grid's width, for the up and
 * down arrows.
 */
export function applyKey(state: EntryState, key: string, columns = 1): KeyResult {
  const n = state.cells.length;
  const done = (next: EntryState, action: EntryAction = null): KeyResult => ({
    state: next,
    action,
    handled: true,
  });
  const mark = MARK_KEYS[key];
  if (mark !== undefined) {
    if (state.cursor >= n) return done(state);
    return done({ ...state, cells: setCell(state.cells, state.cursor, mark), cursor: state.cursor + 1 });
  }
  switch (key) {
    case 'ArrowRight':
      return done({ ...state, cursor: clamp(state.cursor + 1, n) });
    case 'ArrowLeft':
      return done({ ...state, cursor: clamp(state.cursor - 1, n) });
    case 'ArrowDown':
      return done({ ...state, cursor: clamp(state.cursor + columns, n) });
    case 'ArrowUp':
      return done({ ...state, cursor: clamp(state.cursor - columns, n) });
    case 'Home':
      return done({ ...state, cursor: 0 });
    case 'End':
      return done({ ...state, cursor: firstEmpty(state) ?? n });
    case 'Backspace': {
      // Like a text field: clears the cell before the cursor and steps back onto it.
      const at = state.cursor > 0 ? state.cursor - 1 : 0;
      if (n === 0) return done(state);
      return done({ ...state, cells: setCell(state.cells, at, null), cursor: at });
    }
    case 'Delete':
      if (state.cursor >= n) return done(state);
      return done({ ...state, cells: setCell(state.cells, state.cursor, null) });
    case 'f':
    case 'F':
      return done(fillRest(state));
    case 'w':
    case 'W':
      return done(state, 'write-in');
    case 'v':
    case 'V':
      return done(state, 'void');
    case 'Enter':
      return done(state, isComplete(state) ? 'commit' : 'incomplete');
    default:
      return { state, action: null, handled: false };
  }
}

/** Applies a sequence of keys (for tests and for pasting a keyed line). */
export function applyKeys(state: EntryState, keys: readonly string[], columns = 1): KeyResult {
  let result: KeyResult = { state, action: null, handled: false };
  for (const key of keys) result = applyKey(result.state, key, columns);
  return result;
}

/** "F": every cell not yet keyed becomes 弃权; the cursor goes past the end. */
export function fillRest(state: EntryState): EntryState {
  return { ...state, cells: state.cells.map((c) => c ?? '-'), cursor: state.cells.length };
}

export function firstEmpty(state: EntryState): number | null {
  const at = state.cells.indexOf(null);
  return at === -1 ? null : at;
}

export function isComplete(state: EntryState): boolean {
  return state.cells.every((c) => c !== null);
}

export function addWriteIn(state: EntryState, name: string): EntryState {
  const trimmed = name.trim();
  if (trimmed === '' || state.writeIns.includes(trimmed)) return state;
  return { ...state, writeIns: [...state.writeIns, trimmed] };
}

export function removeWriteIn(state: EntryState, name: string): EntryState {
  return { ...state, writeIns: state.writeIns.filter((w) => w !== name) };
}

/** A void sheet (废票) with its reason; the unkeyed cells are filled as 弃权 so the sheet is whole. */
export function voidSheet(state: EntryState, reason: string): EntryState {
  const trimmed = reason.trim();
  if (trimmed === '') return { ...state, voidReason: null };
  return { ...fillRest(state), voidReason: trimmed };
}

/** The marks string in ballot order (F / A / - / ?), or null while a cell is not keyed. */
export function marksOf(state: EntryState): string | null {
  if (!isComplete(state)) return null;
  return state.cells.join('');
}

/** The body of POST …/paper/entries without the pass, the batch and sheet numbers and `correct`. */
export type SheetBody = Omit<
  BodyIn<typeof enterPaperBallotEndpoint>,
  'pass' | 'batchNo' | 'sheetNo' | 'correct'
>;

/** The body of POST …/paper/entries (without pass, batch and sheet numbers), or null if incomplete. */
export function sheetBody(state: EntryState): SheetBody | null {
  const marks = marksOf(state);
  if (marks === null) return null;
  return {
    marks,
    ...(state.writeIns.length > 0 ? { writeIns: [...state.writeIns] } : {}),
    ...(state.voidReason ? { voidReason: state.voidReason } : {}),
  };
}

/** Counts of each mark, for the line under the grid. */
export function tallyMarks(marks: readonly (SheetMark | null)[]): Record<SheetMark | 'empty', number> {
  const tally = { F: 0, A: 0, '-': 0, '?': 0, empty: 0 };
  for (const m of marks) tally[m ?? 'empty']++;
  return tally;
}

/** Marks as the paper shows them: ○ for, × against, blank abstain, ? unreadable. */
export const MARK_SYMBOL: Readonly<Record<SheetMark, string>> = { F: '○', A: '×', '-': '', '?': '?' };

/**
 * The key each mark is typed with: the teller's keys, which the scrutineer's whole-sheet field
 * takes too (one set of keys on every page): 1 赞成, 2 不赞成, 0 弃权, 3 无法辨认.
 */
export const KEY_OF_MARK: Readonly<Record<SheetMark, string>> = { F: '1', A: '2', '-': '0', '?': '3' };

/** A marks string (F / A / - / ?) as the keys that type it (1 / 2 / 0 / 3). */
export function keysOfMarks(marks: string): string {
  return [...marks].map((m) => KEY_OF_MARK[m as SheetMark] ?? m).join('');
}

/** What was typed with the teller's keys (1 / 2 / 0 or space / 3), as marks; any other key is left out. */
export function marksOfKeys(typed: string): string {
  return [...typed].map((key) => MARK_KEYS[key] ?? '').join('');
}

/**
 * [B3] A sheet marking more names for (write-ins included) than there are seats is invalid and
 * none of its marks count: how many it marks, when that is more than the seats.
 */
export function overvote(
  marks: readonly (SheetMark | string | null)[],
  writeIns: readonly string[],
  seats: number | null,
): { readonly marked: number; readonly seats: number } | null {
  if (seats === null) return null;
  const marked = marks.filter((m) => m === 'F').length + writeIns.length;
  return marked > seats ? { marked, seats } : null;
}

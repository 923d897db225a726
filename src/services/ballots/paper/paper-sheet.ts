import {
  type ColumnDifference,
  MAX_NAME_LENGTH,
  MAX_VOID_REASON_LENGTH,
  type Pass,
  type SheetContent,
  type SheetProgress,
} from '../../../contract/ballots.ts';
import { stripAnnotations } from '../../../core/names/index.ts';
import { checkMarks, decodeMarks } from '../../elections/marks-codec.ts';
import { ruleViolation } from '../../errors.ts';
import { InputError } from '../../input-error.ts';

// One paper ballot (sheet) as the tellers key it, and how the two passes of double entry compare.
// Pure: the database side is paper-store.ts. What a sheet says (SheetContent), the passes and the
// limits on names are declared with the API (src/contract/ballots.ts).

export type { SheetContent };

export interface SheetInput {
  readonly marks: string;
  readonly writeIns?: readonly string[] | undefined;
  readonly voidReason?: string | null | undefined;
}

/** What the printed ballot of the round allows. */
export interface PrintedBallot {
  /** The printed candidates, in ballot order (rounds.candidates_json). */
  readonly candidates: readonly string[];
  /** [B1] whether the election method allows write-ins (electionParameters(election).writeIns). */
  readonly writeInsAllowed: boolean;
}

/**
 * Checks a keyed sheet against the printed ballot and returns it in canonical form. Marks: one per
 * printed candidate. Write-ins: non-empty names that are not printed on the ballot, each once, and
 * only where the election allows them. The number of "for" marks is NOT checked: an over-marked
 * ballot is a real ballot, stored as the paper says it and counted invalid by the rules engine [B3].
 */
export function checkSheet(input: SheetInput, ballot: PrintedBallot): SheetContent {
  const marks = checkMarks(input.marks, ballot.candidates.length);
  const printed = new Map(ballot.candidates.map((name) => [stripAnnotations(name.normalize('NFC')), name]));
  const seen = new Set<string>();
  const writeIns: string[] = [];
  (input.writeIns ?? []).forEach((raw, i) => {
    const field = `writeIns[${i}]`;
    const name = raw.normalize('NFC').trim();
    const key = stripAnnotations(name);
    if (key === '') throw new InputError(field, 'must be a name', '应填写姓名');
    if (name.length > MAX_NAME_LENGTH) {
      throw new InputError(
        field,
        `must be at most ${MAX_NAME_LENGTH} characters`,
        `不得超过${MAX_NAME_LENGTH}个字符`,
      );
    }
    const candidate = printed.get(key);
    if (candidate !== undefined) {
      throw new InputError(
        field,
        `${candidate} is printed on the ballot: key the mark in that column`,
        `${candidate}是选票上印有的候选人，请在其名下录入标记`,
      );
    }
    if (seen.has(key))
      throw new InputError(
        field,
        `${name} is written in twice: key the name once`,
        `${name}重复填写，只需录入一次`,
      );
    seen.add(key);
    writeIns.push(name);
  });
  if (writeIns.length > 0 && !ballot.writeInsAllowed) {
    throw ruleViolation(
      'B1',
      'the election method of this election does not allow write-ins',
      '本次选举的选举办法不允许另选他人',
    );
  }
  const reason = input.voidReason?.normalize('NFC').trim() ?? '';
  if (reason.length > MAX_VOID_REASON_LENGTH) {
    throw new InputError(
      'voidReason',
      `must be at most ${MAX_VOID_REASON_LENGTH} characters`,
      `不得超过${MAX_VOID_REASON_LENGTH}个字符`,
    );
  }
  return { marks, writeIns: writeIns.sort(), voidReason: reason === '' ? null : reason };
}

/** Exact agreement: the same marks, the same names written in, the same void reason. */
export function sameContent(a: SheetContent, b: SheetContent): boolean {
  return (
    a.marks === b.marks &&
    a.voidReason === b.voidReason &&
    a.writeIns.length === b.writeIns.length &&
    a.writeIns.every((name, i) => name === b.writeIns[i])
  );
}

export interface SheetDifference {
  /** The candidate columns where the passes differ, named. */
  readonly columns: readonly ColumnDifference[];
  readonly writeIns: boolean;
  readonly voidReason: boolean;
}

/** Where two passes of one sheet differ. */
export function differences(
  a: SheetContent,
  b: SheetContent,
  candidates: readonly string[],
): SheetDifference {
  const marksA = decodeMarks(a.marks);
  const marksB = decodeMarks(b.marks);
  const columns: ColumnDifference[] = [];
  candidates.forEach((candidate, column) => {
    if (marksA[column] !== marksB[column])
      columns.push({ column, candidate, a: marksA[column]!, b: marksB[column]! });
  });
  return {
    columns,
    writeIns: !sameContent({ ...a, marks: '', voidReason: null }, { ...b, marks: '', voidReason: null }),
    voidReason: a.voidReason !== b.voidReason,
  };
}

export interface KeyedEntry {
  readonly id: string;
  readonly pass: Pass;
  readonly content: SheetContent;
  readonly enteredBy: string;
  readonly enteredAt: string;
}

export interface Resolution {
  readonly id: string;
  readonly content: SheetContent;
  readonly resolvedBy: string;
  readonly resolvedAt: string;
}

/** One physical sheet: its entries in pass A and B, and a scrutineer's resolution if any. */
export interface Sheet {
  readonly batchNo: number;
  readonly sheetNo: number;
  readonly a: KeyedEntry | undefined;
  readonly b: KeyedEntry | undefined;
  readonly resolution: Resolution | undefined;
}

export type SheetState = 'only-a' | 'only-b' | 'agreed' | 'disagreed';

export function sheetState(sheet: Sheet): SheetState {
  if (!sheet.a) return 'only-b';
  if (!sheet.b) return 'only-a';
  return sameContent(sheet.a.content, sheet.b.content) ? 'agreed' : 'disagreed';
}

/**
 * What a sheet counts as: the scrutineer's resolution where there is one, else the content both
 * passes agree on; undefined while it is keyed in one pass only or the passes disagree.
 */
export function settledContent(sheet: Sheet): SheetContent | undefined {
  if (!sheet.a || !sheet.b) return undefined;
  if (sheet.resolution) return sheet.resolution.content;
  return sameContent(sheet.a.content, sheet.b.content) ? sheet.a.content : undefined;
}

/** The sheets of a round from its entries and resolutions, by batch then sheet number. */
export function groupSheets(
  entries: ReadonlyArray<KeyedEntry & { readonly batchNo: number; readonly sheetNo: number }>,
  resolutions: ReadonlyArray<Resolution & { readonly batchNo: number; readonly sheetNo: number }>,
): Sheet[] {
  const sheets = new Map<
    string,
    { batchNo: number; sheetNo: number; a?: KeyedEntry; b?: KeyedEntry; resolution?: Resolution }
  >();
  const at = (batchNo: number, sheetNo: number) => {
    const key = `${batchNo}/${sheetNo}`;
    let sheet = sheets.get(key);
    if (!sheet) {
      sheet = { batchNo, sheetNo };
      sheets.set(key, sheet);
    }
    return sheet;
  };
  for (const entry of entries) {
    const sheet = at(entry.batchNo, entry.sheetNo);
    const keyed: KeyedEntry = {
      id: entry.id,
      pass: entry.pass,
      content: entry.content,
      enteredBy: entry.enteredBy,
      enteredAt: entry.enteredAt,
    };
    if (entry.pass === 'A') sheet.a = keyed;
    else sheet.b = keyed;
  }
  for (const resolution of resolutions) {
    const { id, content, resolvedBy, resolvedAt } = resolution;
    at(resolution.batchNo, resolution.sheetNo).resolution = { id, content, resolvedBy, resolvedAt };
  }
  return [...sheets.values()]
    .sort((x, y) => x.batchNo - y.batchNo || x.sheetNo - y.sheetNo)
    .map((s) => ({ batchNo: s.batchNo, sheetNo: s.sheetNo, a: s.a, b: s.b, resolution: s.resolution }));
}

export function sheetProgress(sheets: readonly Sheet[]): SheetProgress {
  let onlyA = 0;
  let onlyB = 0;
  let agreed = 0;
  let resolved = 0;
  let unresolved = 0;
  let settled = 0;
  for (const sheet of sheets) {
    const state = sheetState(sheet);
    if (state === 'only-a') onlyA++;
    else if (state === 'only-b') onlyB++;
    else if (state === 'agreed') agreed++;
    else if (sheet.resolution) resolved++;
    else unresolved++;
    if (settledContent(sheet)) settled++;
  }
  return { sheets: sheets.length, onlyA, onlyB, agreed, resolved, unresolved, settled };
}

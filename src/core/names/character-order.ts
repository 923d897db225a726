import { CHARACTERS, VARIANTS } from './data/stroke-table.generated.ts';
import { UnknownCharacterError } from './errors.ts';

/** The five stroke classes of §7 rule 2b, in their order: 横 < 竖 < 撇 < 点 < 折. */
export type StrokeClass = '一' | '丨' | '丿' | '丶' | '乛';
export const STROKE_CLASS_ORDER: readonly StrokeClass[] = ['一', '丨', '丿', '丶', '乛'];

/** §7 rule 2c: left-right (左右), then top-bottom (上下), then every other structure. */
export type Structure = 'left-right' | 'top-bottom' | 'other';
const STRUCTURES: Readonly<Record<string, Structure>> = { l: 'left-right', t: 'top-bottom', o: 'other' };
const STRUCTURE_RANK: Readonly<Record<Structure, number>> = { 'left-right': 0, 'top-bottom': 1, other: 2 };

/** What §7 counts for one character. */
export interface StrokeProfile {
  /** The character as given. */
  readonly character: string;
  /** Its standard form (§7 rule 6), the one whose strokes are counted. */
  readonly standard: string;
  readonly count: number;
  /** One of 一丨丿丶乛 per stroke, in writing order. */
  readonly classes: string;
  /** The structure, where it decides a tie of count and classes (§7 rule 2c); undefined elsewhere. */
  readonly structure: Structure | undefined;
}

interface CharacterEntry {
  readonly character: string;
  readonly codePoint: number;
  /** One digit per stroke: 1 横 … 5 折. Digits compare in the order of the classes. */
  readonly digits: string;
  readonly structure: Structure | undefined;
  /** 1-based position in the total order of the characters. */
  rank: number;
}

interface CharacterTable {
  /** standard character (or reviewed extra) -> entry */
  readonly entries: ReadonlyMap<string, CharacterEntry>;
  /** traditional / variant character -> standard character */
  readonly variants: ReadonlyMap<string, string>;
  /** Rank by BMP code point (0 = not covered), for the hot path of name keys. */
  readonly bmpRank: Uint16Array;
  /** Rank of covered characters outside the BMP (the standard characters of Extensions A–E are in the BMP or here). */
  readonly astralRank: ReadonlyMap<number, number>;
}

let table: CharacterTable | undefined;

const isDigit = (unit: number) => unit >= 0x31 && unit <= 0x35;

function parseEntries(): Map<string, CharacterEntry> {
  const entries = new Map<string, CharacterEntry>();
  for (const line of CHARACTERS) {
    let i = 0;
    while (i < line.length) {
      const codePoint = line.codePointAt(i)!;
      i += codePoint > 0xffff ? 2 : 1;
      const start = i;
      while (i < line.length && isDigit(line.charCodeAt(i))) i++;
      const digits = line.slice(start, i);
      let structure: Structure | undefined;
      if (i < line.length && STRUCTURES[line[i]!] !== undefined) structure = STRUCTURES[line[i++]!];
      const character = String.fromCodePoint(codePoint);
      if (digits.length === 0 || entries.has(character)) {
        throw new Error(`names: stroke data unreadable at ${character} (regenerate it with scripts/names)`);
      }
      entries.set(character, { character, codePoint, digits, structure, rank: 0 });
    }
  }
  return entries;
}

/**
 * Built once, on first use, so that loading the module stays cheap for a CLI that may never sort.
 * Every character is put into one total order (§7 rule 2):
 *   a. total stroke count, fewer first;
 *   b. the classes stroke by stroke, 横 < 竖 < 撇 < 点 < 折, with no sub-forms;
 *   c. the structure: left-right, then top-bottom, then any other;
 *   d. the code point, so that different characters never compare equal.
 * The data (data/stroke-table.generated.ts) gives a structure to every character that ties with
 * another on a and b, and to no other.
 */
function characterTable(): CharacterTable {
  if (table) return table;
  const entries = parseEntries();
  const ordered = [...entries.values()].sort(compareCharacters);
  ordered.forEach((entry, index) => {
    entry.rank = index + 1;
  });
  if (ordered.length > MAX_RANK) throw new Error('names: too many characters for one code unit per rank');

  const variants = new Map<string, string>();
  const units = Array.from(VARIANTS);
  for (let i = 0; i + 1 < units.length; i += 2) variants.set(units[i]!, units[i + 1]!);

  const bmpRank = new Uint16Array(0x10000);
  const astralRank = new Map<number, number>();
  const setRank = (codePoint: number, rank: number) => {
    if (codePoint < 0x10000) bmpRank[codePoint] = rank;
    else astralRank.set(codePoint, rank);
  };
  for (const entry of entries.values()) setRank(entry.codePoint, entry.rank);
  for (const [variant, standard] of variants) {
    const entry = entries.get(standard);
    if (!entry)
      throw new Error(`names: the variant ${variant} maps to ${standard}, which has no stroke data`);
    setRank(variant.codePointAt(0)!, entry.rank);
  }
  table = { entries, variants, bmpRank, astralRank };
  return table;
}

/** The highest rank a name key can hold in one UTF-16 code unit above 0x100 and below the surrogates. */
const MAX_RANK = 0xd800 - 0x101;

/** §7 rule 2 a–d for two distinct characters (never 0). */
function compareCharacters(a: CharacterEntry, b: CharacterEntry): number {
  const x = a.digits;
  const y = b.digits;
  if (x.length !== y.length) return x.length - y.length;
  if (x !== y) return x < y ? -1 : 1;
  if (a.structure === undefined || b.structure === undefined) {
    throw new Error(`names: ${a.character} and ${b.character} tie without a structure (regenerate the data)`);
  }
  return STRUCTURE_RANK[a.structure] - STRUCTURE_RANK[b.structure] || a.codePoint - b.codePoint;
}

/** The rank of one code point in the total character order, or 0 when it is not covered. */
export function rankOfCodePoint(codePoint: number): number {
  const t = characterTable();
  return codePoint < 0x10000 ? t.bmpRank[codePoint]! : (t.astralRank.get(codePoint) ?? 0);
}

const profiles = new Map<string, StrokeProfile>();

/** §7 rules 2 and 6 for one character. Throws UnknownCharacterError outside the data. */
export function strokeProfile(character: string): StrokeProfile {
  const cached = profiles.get(character);
  if (cached) return cached;
  if (Array.from(character).length !== 1) {
    throw new RangeError(`strokeProfile takes exactly one character, not “${character}”; 只接受一个汉字`);
  }
  const { entries, variants } = characterTable();
  const standard = variants.get(character) ?? character;
  const entry = entries.get(standard);
  if (!entry) throw new UnknownCharacterError(character, character);
  const profile: StrokeProfile = Object.freeze({
    character,
    standard,
    count: entry.digits.length,
    classes: Array.from(entry.digits, (d) => STROKE_CLASS_ORDER[Number(d) - 1]!).join(''),
    structure: entry.structure,
  });
  profiles.set(character, profile);
  return profile;
}

/** The highest rank any character has: name keys reserve room for it. */
export function highestRank(): number {
  return characterTable().entries.size;
}

/** For tests and diagnostics: the characters with stroke data in their total order (no variants). */
export function orderedCharacters(): string[] {
  const ordered: string[] = [];
  for (const [character, entry] of characterTable().entries) ordered[entry.rank - 1] = character;
  return ordered;
}

/** For tests: every traditional or variant form and the standard form it is counted as. */
export function variantForms(): ReadonlyMap<string, string> {
  return characterTable().variants;
}

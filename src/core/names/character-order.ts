import { UnknownCharacterError } from './errors.ts';
import { type ClassifiedStroke, classifyStroke } from './stroke-classes.ts';
import {
  cncharCharacters,
  cncharStrokeLetters,
  cncharStrokeNameOf,
  cncharTradToSimple,
} from './stroke-data.ts';
import { STROKE_OVERRIDES, VARIANT_OVERRIDES } from './stroke-overrides.ts';

/** What §7 counts for one character. */
export interface StrokeProfile {
  /** The character as given. */
  character: string;
  /** Its standard simplified form (§7 rule 6), the one whose strokes are counted. */
  standard: string;
  count: number;
  /** One of 一丨丿丶乛 per stroke, in writing order. */
  classes: string;
  /** The named strokes, in writing order (cnchar-order's names). */
  strokes: readonly string[];
}

interface CharacterEntry {
  readonly standard: string;
  readonly strokes: readonly ClassifiedStroke[];
  /** 1-based position in the total order of standard characters. */
  rank: number;
}

interface CharacterTable {
  /** standard character -> entry */
  readonly entries: ReadonlyMap<string, CharacterEntry>;
  /** traditional / variant character -> standard character */
  readonly variants: ReadonlyMap<string, string>;
  /** Rank by BMP code point (0 = not covered), for the hot path of name keys. */
  readonly bmpRank: Uint16Array;
  /** Rank of covered characters outside the BMP. */
  readonly astralRank: Map<number, number>;
  /** Characters whose data could not be classified (a stroke name unknown or straddling classes). */
  readonly dataProblems: readonly string[];
}

let table: CharacterTable | undefined;

/**
 * Built once, on first use, so that loading the module stays cheap for a CLI that may never sort.
 * Every covered standard character is put into one total order (§7 rules 2 and 3):
 *   1. total stroke count, fewer first;
 *   2. stroke classes in writing order, one by one: 横 < 竖 < 撇 < 点 < 折;
 *   3. stroke sub-forms in writing order, one by one (primary before secondary, turning strokes in
 *      GF 2001-2001 order) — as far as cnchar's data tells the forms apart;
 *   4. Unicode code point. GF 3003-1999 goes on with the structure of the character, which the data
 *      does not have; the code point makes the order of distinct characters total and the same on
 *      every run. Characters that reach this step have identical strokes in our data.
 */
function characterTable(): CharacterTable {
  if (table) return table;

  const entries = new Map<string, CharacterEntry>();
  const dataProblems: string[] = [];
  const add = (character: string, strokes: readonly (ClassifiedStroke | null)[]) => {
    if (strokes.length === 0 || strokes.includes(null)) dataProblems.push(character);
    else entries.set(character, { standard: character, strokes: strokes as ClassifiedStroke[], rank: 0 });
  };

  // A reviewed variant is counted as its standard form only, even where cnchar lists it (製 → 制).
  const variantForms = new Set(VARIANT_OVERRIDES.map((v) => v.character));
  const overridden = new Set(STROKE_OVERRIDES.map((o) => o.character));
  // Each of cnchar's 26 stroke letters is classified once, by its name (this loop runs over some
  // 60,000 strokes at start-up, hence the array indexed by the letter's code).
  const byLetter: (ClassifiedStroke | null | undefined)[] = [];
  for (const character of cncharCharacters()) {
    if (variantForms.has(character) || overridden.has(character)) continue;
    const letters = cncharStrokeLetters(character)!;
    const strokes = new Array<ClassifiedStroke | null>(letters.length);
    for (let i = 0; i < letters.length; i++) {
      const code = letters.charCodeAt(i);
      let stroke = byLetter[code];
      if (stroke === undefined) {
        stroke = classifyStroke(cncharStrokeNameOf(letters[i]!));
        byLetter[code] = stroke;
      }
      strokes[i] = stroke;
    }
    add(character, strokes);
  }
  for (const override of STROKE_OVERRIDES) {
    add(override.character, override.strokes.split(/\s+/).map(classifyStroke));
  }

  const ordered = [...entries.values()].sort(compareCharacters);
  ordered.forEach((entry, index) => {
    entry.rank = index + 1;
  });
  if (ordered.length > MAX_RANK) throw new Error('names: too many characters for one code unit per rank');

  const variants = new Map<string, string>();
  for (const v of VARIANT_OVERRIDES) {
    if (entries.has(v.standard)) variants.set(v.character, v.standard);
  }

  const bmpRank = new Uint16Array(0x10000);
  const astralRank = new Map<number, number>();
  const setRank = (character: string, rank: number) => {
    const codePoint = character.codePointAt(0)!;
    if (codePoint < 0x10000) bmpRank[codePoint] = rank;
    else astralRank.set(codePoint, rank);
  };
  for (const [character, entry] of entries) setRank(character, entry.rank);
  for (const [character, standard] of variants) setRank(character, entries.get(standard)!.rank);
  // Forms that only cnchar-trad maps are resolved on first sight (rankOfCodePoint), not here:
  // most lists never contain one, and the map has some 2,700 of them.
  table = { entries, variants, bmpRank, astralRank, dataProblems };
  return table;
}

/** The highest rank a name key can hold in one UTF-16 code unit above 0x100 and below the surrogates. */
const MAX_RANK = 0xd800 - 0x101;

/** Steps 1–4 above, for two distinct standard characters (never 0). */
function compareCharacters(a: CharacterEntry, b: CharacterEntry): number {
  const x = a.strokes;
  const y = b.strokes;
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) {
    if (x[i]!.classRank !== y[i]!.classRank) return x[i]!.classRank - y[i]!.classRank;
  }
  for (let i = 0; i < x.length; i++) {
    if (x[i]!.formRank !== y[i]!.formRank) return x[i]!.formRank - y[i]!.formRank;
  }
  return a.standard.codePointAt(0)! - b.standard.codePointAt(0)!;
}

/**
 * §7 rule 6: the standard form whose strokes are counted. An entry of the reviewed variant table
 * comes first; then a character with stroke data of its own is counted as written; otherwise
 * cnchar-trad's simplified form, if that has stroke data.
 */
function standardFormOf(character: string): string | undefined {
  const { entries, variants } = characterTable();
  const variant = variants.get(character);
  if (variant !== undefined) return variant;
  if (entries.has(character)) return character;
  const simplified = cncharTradToSimple(character);
  return simplified !== undefined && entries.has(simplified) ? simplified : undefined;
}

/** The rank of one code point in the total character order, or 0 when it is not covered. */
export function rankOfCodePoint(codePoint: number): number {
  const t = characterTable();
  if (codePoint < 0x10000) {
    const rank = t.bmpRank[codePoint]!;
    if (rank !== 0) return rank;
  } else {
    const rank = t.astralRank.get(codePoint);
    if (rank !== undefined) return rank;
  }
  // Not precomputed: a traditional form that only cnchar-trad maps. Resolve it once and remember it.
  const character = String.fromCodePoint(codePoint);
  const standard = standardFormOf(character);
  const rank = standard === undefined ? 0 : t.entries.get(standard)!.rank;
  if (rank !== 0) {
    if (codePoint < 0x10000) t.bmpRank[codePoint] = rank;
    else t.astralRank.set(codePoint, rank);
  }
  return rank;
}

const profiles = new Map<string, StrokeProfile>();

/** §7 rules 2 and 6 for one character. Throws UnknownCharacterError outside the data. */
export function strokeProfile(character: string): StrokeProfile {
  const cached = profiles.get(character);
  if (cached) return cached;
  if (Array.from(character).length !== 1) {
    throw new RangeError(`strokeProfile takes exactly one character, not “${character}”; 只接受一个汉字`);
  }
  const standard = standardFormOf(character);
  if (standard === undefined) throw new UnknownCharacterError(character, character);
  const entry = characterTable().entries.get(standard)!;
  const profile: StrokeProfile = Object.freeze({
    character,
    standard,
    count: entry.strokes.length,
    classes: entry.strokes.map((s) => s.strokeClass).join(''),
    strokes: Object.freeze(entry.strokes.map((s) => s.name)),
  });
  profiles.set(character, profile);
  return profile;
}

/** The highest rank any character has: name keys reserve room for it. */
export function highestRank(): number {
  return characterTable().entries.size;
}

/** For tests and diagnostics: how many standard characters are ordered, and which data was unusable. */
export function characterCoverage(): { characters: number; dataProblems: readonly string[] } {
  const t = characterTable();
  return { characters: t.entries.size, dataProblems: t.dataProblems };
}

/** For tests: the standard characters in their total order. */
export function orderedCharacters(): string[] {
  const ordered: string[] = [];
  for (const [character, entry] of characterTable().entries) ordered[entry.rank - 1] = character;
  return ordered;
}

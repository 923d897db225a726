import { pinyin, polyphonic } from 'pinyin-pro';
import { stripAnnotations } from '../../core/names/index.ts';

/**
 * The pinyin readings of a delegate's name that a desk may type: each reading is the name's
 * syllables (王小强 → wang xiao qiang). A name has several readings when its characters do:
 * pinyin-pro's surname mode reads 曾 as zeng, 单 as shan, 解 as xie, but a desk may type the
 * everyday reading (ceng, dan, jie), so the surname's other readings are kept too; ü is typed
 * v or u (吕 → lv, lu).
 */
export interface PinyinReading {
  readonly syllables: readonly string[];
  /** wxq */
  readonly initials: string;
  /** wangxiaoqiang */
  readonly full: string;
}

export interface PinyinReadings {
  readonly readings: readonly PinyinReading[];
  /** The letters a matching query can start with: most names are ruled out by this alone. */
  readonly firstLetters: string;
}

// Readings per name text. Converting is slow (tens of µs a name: a 3,000-delegate congress takes
// 0.1–0.5 s), so each distinct name is converted once per process and reused by every search;
// keyed by the text itself, an edited name simply gets its own entry, and nothing can go stale.
const cache = new Map<string, PinyinReadings>();
const CACHE_LIMIT = 50_000;

const MAX_READINGS = 8;

export function pinyinReadings(name: string): PinyinReadings {
  let readings = cache.get(name);
  if (!readings) {
    readings = computeReadings(name);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(name, readings);
  }
  return readings;
}

function computeReadings(name: string): PinyinReadings {
  const text = stripAnnotations(name);
  if (text === '') return { readings: [], firstLetters: '' };
  const options = { toneType: 'none', type: 'array', v: true } as const;
  const asSurname = pinyin(text, { ...options, surname: 'head' });
  // Every reading of the first character: the surname reading and the everyday ones.
  const firstReadings = polyphonic(text.slice(0, 1), options)[0] ?? [];
  const candidates = [asSurname, ...firstReadings.map((first) => [first, ...asSurname.slice(1)])];
  const seen = new Set<string>();
  const readings: PinyinReading[] = [];
  const add = (syllables: string[]) => {
    const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, '')).filter((s) => s !== '');
    const key = clean.join(' ');
    if (clean.length === 0 || seen.has(key) || readings.length >= MAX_READINGS) return;
    seen.add(key);
    readings.push({ syllables: clean, initials: clean.map((s) => s[0]).join(''), full: clean.join('') });
  };
  for (const syllables of candidates) add(syllables);
  // ü typed as u (lu for 吕) on keyboards where v is not the habit.
  for (const reading of [...readings]) {
    if (reading.full.includes('v')) add(reading.syllables.map((s) => s.replaceAll('v', 'u')));
  }
  return { readings, firstLetters: [...new Set(readings.map((r) => r.initials[0]))].join('') };
}

/** How a typed query matches a reading; lower is better. */
export type PinyinMatch = 'exact' | 'prefix';

/**
 * Whether `query` (lower-case letters) spells the start of the name: every syllable in turn
 * contributes a non-empty prefix of itself, so initials (wxq), full pinyin (wangxiaoqiang), a
 * prefix of it (wangxiao, wangx) and mixtures (wangxq) all match 王小强. 'exact' when the query
 * is all the initials or the whole pinyin.
 */
export function matchPinyin(name: PinyinReadings, query: string): PinyinMatch | undefined {
  if (query === '' || !name.firstLetters.includes(query[0]!)) return undefined;
  let best: PinyinMatch | undefined;
  for (const reading of name.readings) {
    if (reading.initials === query || reading.full === query) return 'exact';
    if (!best && spells(reading.syllables, 0, query, 0)) best = 'prefix';
  }
  return best;
}

function spells(syllables: readonly string[], index: number, query: string, position: number): boolean {
  if (position === query.length) return true;
  const syllable = syllables[index];
  if (syllable === undefined) return false;
  // Longest first: "xian" should try xian before xi + an… (backtracking keeps it correct either way).
  let common = 0;
  while (
    common < syllable.length &&
    position + common < query.length &&
    syllable[common] === query[position + common]
  )
    common++;
  for (let taken = common; taken >= 1; taken--) {
    if (spells(syllables, index + 1, query, position + taken)) return true;
  }
  return false;
}

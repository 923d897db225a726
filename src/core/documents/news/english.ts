// The English edition's names: people in pinyin, surname first (孟宪东 → Meng Xiandong), places
// (通辽市 → Tongliao, Municipal), and the bodies as the English-language press names them
// (the 6th CPC Tongliao Municipal Congress). Pinyin comes from pinyin-pro, a pure table lookup.

import { pinyin } from 'pinyin-pro';
import { stripAnnotations } from '../../names/index.ts';
import type { OrganisationNames } from '../../text/ordinals.ts';

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st. */
export function englishOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`an ordinal needs a positive integer, got ${n}`);
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** one … ten in words, as style guides write small numbers; 11 and up in digits. */
export function englishNumber(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** A, B and C */
export function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Compound surnames: the first two characters are the surname (欧阳修 → Ouyang Xiu). */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '令狐',
  '慕容',
  '尉迟',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '公孙',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '澹台',
  '轩辕',
  '万俟',
  '闻人',
  '申屠',
  '太史',
  '拓跋',
  '钟离',
  '宗政',
  '濮阳',
  '淳于',
  '单于',
  '太叔',
  '仲孙',
  '轩丘',
  '百里',
  '东郭',
  '南门',
  '羊舌',
  '微生',
]);

const HAN = /\p{Script=Han}/u;

/** ü as the passport and the English-language press write it after l and n (吕 → Lyu); elsewhere u. */
function syllable(text: string): string {
  return text
    .replace(/([ln])ü/g, '$1yu')
    .replace(/ü/g, 'u')
    .replace(/v/g, 'u');
}

/** Syllables run together, with an apostrophe before one starting with a, o or e (Xi'an). */
function joinSyllables(syllables: readonly string[]): string {
  let out = '';
  for (const s of syllables) {
    if (out !== '' && /^[aoe]/.test(s)) out += "'";
    out += s;
  }
  return out;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A person's name in pinyin, surname first: 孟宪东 → Meng Xiandong, 欧阳修 → Ouyang Xiu,
 * 王　宁（女） → Wang Ning. A name with no Chinese characters is kept as it is.
 */
export function personNameEn(name: string): string {
  const bare = stripAnnotations(name).replace(/[\s·•‧・･]/gu, '');
  if (!HAN.test(bare)) return name.trim();
  const chars = [...bare];
  const surnameLength = COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const read = (text: string, mode: 'surname' | 'normal') =>
    (pinyin(text, { toneType: 'none', type: 'array', mode }) as string[]).map((s) =>
      syllable(s.toLowerCase()),
    );
  const surname = capitalise(joinSyllables(read(chars.slice(0, surnameLength).join(''), 'surname')));
  const rest = chars.slice(surnameLength).join('');
  return rest === '' ? surname : `${surname} ${capitalise(joinSyllables(read(rest, 'normal')))}`;
}

/** Level suffixes of a locality, longest first, with the adjective the English names take. */
const LEVELS: readonly (readonly [string, string])[] = [
  ['自治区', 'Autonomous Regional'],
  ['自治州', 'Autonomous Prefectural'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['特别行政区', 'Special Administrative Region'],
  ['省', 'Provincial'],
  ['市', 'Municipal'],
  ['县', 'County'],
  ['区', 'District'],
  ['盟', 'League'],
  ['旗', 'Banner'],
];

/** Places whose English name is not their pinyin. */
const PLACES: Readonly<Record<string, string>> = {
  内蒙古: 'Inner Mongolia',
  广西壮族: 'Guangxi Zhuang',
  宁夏回族: 'Ningxia Hui',
  新疆维吾尔: 'Xinjiang Uygur',
  西藏: 'Xizang',
  陕西: 'Shaanxi',
  香港: 'Hong Kong',
  澳门: 'Macao',
};

export interface PlaceEn {
  /** Tongliao */
  readonly place: string;
  /** Municipal */
  readonly adjective: string;
  /** municipal: for "the municipal Party committee". */
  readonly level: string;
}

/** 通辽市 → Tongliao, Municipal; 内蒙古自治区 → Inner Mongolia, Autonomous Regional. */
export function placeEn(locality: string): PlaceEn {
  const text = locality.trim();
  const level = LEVELS.find(([suffix]) => text.endsWith(suffix) && text.length > suffix.length);
  const core = level ? text.slice(0, -level[0].length) : text;
  const adjective = level?.[1] ?? '';
  const known = PLACES[core];
  const place =
    known ??
    (HAN.test(core)
      ? capitalise(
          joinSyllables(
            (pinyin(core, { toneType: 'none', type: 'array' }) as string[]).map((s) =>
              syllable(s.toLowerCase()),
            ),
          ),
        )
      : core);
  return { place, adjective, level: adjective.toLowerCase() };
}

/** The bodies of an organisation as the English-language press names them. */
export interface BodyNamesEn {
  /** the 6th CPC Tongliao Municipal Congress */
  congress(n: number): string;
  /** the 5th CPC Tongliao Municipal Committee; without a term: the CPC Tongliao Municipal Committee */
  committee(term?: number): string;
  /** the 6th CPC Tongliao Municipal Commission for Discipline Inspection */
  discipline(term?: number): string;
  /** the 2nd Plenary Session of the 8th CPC Quzhou Municipal Committee */
  plenary(term: number, n: number): string;
  /** the municipal Party committee */
  readonly committeeShort: string;
  /** the municipal commission for discipline inspection */
  readonly disciplineShort: string;
  /** Tongliao */
  readonly place: string;
}

export function bodyNamesEn(org: Pick<OrganisationNames, 'locality'>): BodyNamesEn {
  const { place, adjective, level } = placeEn(org.locality);
  const named = (what: string, n?: number) =>
    `the ${n === undefined || n < 1 ? '' : `${englishOrdinal(n)} `}CPC ${place}${adjective ? ` ${adjective}` : ''} ${what}`;
  return {
    congress: (n) => named('Congress', n),
    committee: (term) => named('Committee', term),
    discipline: (term) => named('Commission for Discipline Inspection', term),
    plenary: (term, n) => `the ${englishOrdinal(n)} Plenary Session of ${named('Committee', term)}`,
    committeeShort: `the ${level ? `${level} ` : ''}Party committee`,
    disciplineShort: `the ${level ? `${level} ` : ''}commission for discipline inspection`,
    place,
  };
}

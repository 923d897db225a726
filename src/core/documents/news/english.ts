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

// Capacities ------------------------------------------------------------------------------------

/** The levels a capacity names, with the adjective of the bodies at that level. */
const CAPACITY_LEVELS: Readonly<Record<string, string>> = {
  自治区: 'autonomous regional',
  自治州: 'autonomous prefectural',
  省: 'provincial',
  市: 'municipal',
  州: 'prefectural',
  县: 'county',
  区: 'district',
  盟: 'league',
  旗: 'banner',
};
const LEVEL_PATTERN = '(自治区|自治州|省|市|州|县|区|盟|旗)';

/** A role in the singular and the plural: secretary / secretaries. */
type Role = readonly [one: string, many: string];

const COMMITTEE_ROLES: Readonly<Record<string, Role>> = {
  书记: ['secretary', 'secretaries'],
  副书记: ['deputy secretary', 'deputy secretaries'],
  常委: ['member of the Standing Committee', 'members of the Standing Committee'],
  委员: ['member', 'members'],
  候补委员: ['alternate member', 'alternate members'],
  秘书长: ['secretary-general', 'secretaries-general'],
};

const HEADS: Readonly<Record<string, Role>> = {
  省长: ['governor', 'governors'],
  副省长: ['vice governor', 'vice governors'],
  市长: ['mayor', 'mayors'],
  副市长: ['vice mayor', 'vice mayors'],
  县长: ['county head', 'county heads'],
  副县长: ['deputy county head', 'deputy county heads'],
  区长: ['district head', 'district heads'],
  副区长: ['deputy district head', 'deputy district heads'],
};

/** One title of a capacity (市委书记), in the singular and the plural, or null if not a usual one. */
function titleEn(title: string): Role | null {
  const head = HEADS[title];
  if (head) return head;
  const party = new RegExp(`^${LEVEL_PATTERN}(?:党委|委)(书记|副书记|常委|委员|候补委员|秘书长)$`, 'u').exec(
    title,
  );
  if (party) {
    const [one, many] = COMMITTEE_ROLES[party[2]!]!;
    const body = `the ${CAPACITY_LEVELS[party[1]!]} Party committee`;
    return [`${one} of ${body}`, `${many} of ${body}`];
  }
  const discipline = new RegExp(`^${LEVEL_PATTERN}纪委(书记|副书记|常委|委员)$`, 'u').exec(title);
  if (discipline) {
    const [one, many] = COMMITTEE_ROLES[discipline[2]!]!;
    const body = `the ${CAPACITY_LEVELS[discipline[1]!]} commission for discipline inspection`;
    return [`${one} of ${body}`, `${many} of ${body}`];
  }
  const congress = new RegExp(`^${LEVEL_PATTERN}人大常委会(主任|副主任)$`, 'u').exec(title);
  if (congress) {
    const vice = congress[2] === '副主任' ? 'vice ' : '';
    const body = `the Standing Committee of the ${CAPACITY_LEVELS[congress[1]!]} people's congress`;
    return [`${vice}chairman of ${body}`, `${vice}chairmen of ${body}`];
  }
  const cppcc = new RegExp(`^${LEVEL_PATTERN}政协(主席|副主席)$`, 'u').exec(title);
  if (cppcc) {
    const vice = cppcc[2] === '副主席' ? 'vice ' : '';
    const body = `the ${CAPACITY_LEVELS[cppcc[1]!]} committee of the Chinese People's Political Consultative Conference`;
    return [`${vice}chairman of ${body}`, `${vice}chairmen of ${body}`];
  }
  return null;
}

/**
 * A capacity in English when every title in it is a usual one: 省委常委、市委书记 → member of the
 * Standing Committee of the provincial Party committee and secretary of the municipal Party
 * committee. `many` is the plural for several people of one capacity (a single title only).
 * Null when a title is not known: the English then keeps the Chinese, for the secretariat.
 */
export function capacityEn(capacity: string): { readonly one: string; readonly many: string | null } | null {
  const titles = capacity
    .split(/[、，,]/u)
    .map((title) => title.trim())
    .filter((title) => title !== '');
  if (titles.length === 0) return null;
  const roles = titles.map(titleEn);
  if (roles.some((role) => role === null)) return null;
  const known = roles as Role[];
  return {
    one: englishList(known.map(([one]) => one)),
    many: known.length === 1 ? known[0]![1] : null,
  };
}

/**
 * The plural of a capacity the secretariat wrote in English, for several people of one capacity:
 * deputy secretary of X → deputy secretaries of X. Null when it names more than one title.
 */
export function pluralCapacityEn(capacity: string): string | null {
  const at = capacity.indexOf(' of ');
  const head = at === -1 ? capacity : capacity.slice(0, at);
  if (/,| and /u.test(head) || head.trim() === '') return null;
  const words = head.split(' ');
  const last = words.pop()!;
  let plural: string;
  if (/man$/u.test(last)) plural = last.replace(/man$/u, 'men');
  else if (/[^aeiou]y$/u.test(last)) plural = `${last.slice(0, -1)}ies`;
  else if (/(s|sh|ch|x|z)$/u.test(last)) plural = `${last}es`;
  else plural = `${last}s`;
  return [...words, plural].join(' ') + (at === -1 ? '' : capacity.slice(at));
}

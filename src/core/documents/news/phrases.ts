// The sentences and fragments the announcements are made of, in Chinese as the press writes them
// (应到代表417名，因事因病请假4人，实到代表413名，符合法定人数) and in English.

import { toChineseNumeral } from '../../text/chinese-numerals.ts';
import {
  type PressDateTime,
  pressDayPartEn,
  pressMonthDay,
  pressMonthDayEn,
  pressMonthDayPart,
  pressTime,
  pressTimeEn,
} from '../../text/press-dates.ts';
import { formatCount } from '../../text/press-numbers.ts';
import { bodyNamesEn, capacityEn, englishList, personNameEn, pluralCapacityEn } from './english.ts';
import type {
  AdoptionRecord,
  AttendanceRecord,
  AttendeeGroupRecord,
  NewsLang,
  NewsOrganisation,
  PersonRecord,
  SpeechRecord,
  TranslatedText,
} from './record.ts';

/** A name as it reads in running text: the padding of 王　宁 removed, annotations kept. */
export function cleanName(name: string): string {
  return name.replace(/[\s\u3000]+/gu, '');
}

/** 孟宪东、郭玉峰、方玉东 */
export function zhNames(names: readonly string[]): string {
  return names.map(cleanName).join('、');
}

/** Meng Xiandong, Guo Yufeng and Fang Yudong */
export function enNames(names: readonly string[]): string {
  return englishList(names.map(personNameEn));
}

/** “…” around Chinese text in an English sentence; its own “” become ‘’ so the quotes nest. */
export function quoteEn(text: string): string {
  return `“${text.replace(/“/gu, '‘').replace(/”/gu, '’')}”`;
}

/** A; B; and C: clauses that hold commas of their own. */
export function semicolonList(clauses: readonly string[]): string {
  if (clauses.length <= 1) return clauses.join('');
  return `${clauses.slice(0, -1).join('; ')}; and ${clauses.at(-1)}`;
}

/** A和B, A、B和C */
export function zhList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items.at(-1)}`;
}

/** Trailing 。；, and spaces off a stored text, so a template can end the sentence itself. */
export function fragment(text: string | null | undefined): string {
  return (text ?? '').trim().replace(/[。．.；;，,\s]+$/u, '');
}

/** A, B and C; or A; B; and C when an item holds a comma of its own. */
export function enEnumeration(items: readonly string[]): string {
  return items.some((item) => item.includes(',')) ? semicolonList(items) : englishList(items);
}

/** A、B、C; or A，B，C when an item holds a 、 of its own (市人大常委会、市政协各委室主任). */
export function zhEnumeration(items: readonly string[]): string {
  return items.join(items.some((item) => item.includes('、')) ? '，' : '、');
}

/** to A, and to B; to A, to B, and to C: clauses that may hold commas of their own. */
export function clauseList(clauses: readonly string[]): string {
  if (clauses.length <= 1) return clauses.join('');
  return `${clauses.slice(0, -1).join(', ')}, and ${clauses.at(-1)}`;
}

/** Free text in one language: the English where the secretariat gave it, else the Chinese. */
export function translated(text: TranslatedText | null | undefined, lang: NewsLang): string {
  if (!text) return '';
  const en = fragment(text.en);
  return lang === 'en' && en !== '' ? en : fragment(text.zh);
}

/** Whether the English of a free text was given (else the English keeps the Chinese). */
export function hasEnglish(text: TranslatedText | null | undefined): boolean {
  return fragment(text?.en) !== '';
}

/** The categories of one kind of attendee group, in order, in one language. */
export function attendeeCategories(
  groups: readonly AttendeeGroupRecord[],
  kind: AttendeeGroupRecord['kind'],
  lang: NewsLang,
): string[] {
  return groups.filter((g) => g.kind === kind).map((g) => translated(g.category, lang));
}

// Bodies ----------------------------------------------------------------------------------------

/** 市委常委会 / the Standing Committee of the municipal Party committee. */
export function standingCommitteeName(org: NewsOrganisation, lang: NewsLang): string {
  return lang === 'zh'
    ? `${org.committeeShortName}常委会`
    : `the Standing Committee of ${bodyNamesEn(org).committeeShort}`;
}

/** A body the press names in Chinese (市委常委会, 大会主席团) in English, or null if not a usual one. */
export function bodyEn(zh: string, org: NewsOrganisation): string | null {
  if (/常委会$|常务委员会$/u.test(zh)) return standingCommitteeName(org, 'en');
  if (/主席团$/u.test(zh)) return 'the presidium of the congress';
  return null;
}

// Reports heard ---------------------------------------------------------------------------------

/** One report heard: who delivered it, on whose behalf, and its title (Chinese, and English if given). */
export interface HeardReport {
  readonly presenter: string;
  readonly onBehalfOf: string;
  readonly title: string;
  readonly titleEn?: string | null;
}

/**
 * 高屹受市委常委会委托作的工作报告和关于……的报告 / the work report and the report on … delivered
 * by Gao Yi on behalf of …: consecutive reports of one presenter on one behalf named together, as
 * the press does. Names and bodies come in the language asked for; titles are picked here.
 */
export function heardReports(reports: readonly HeardReport[], lang: NewsLang): string {
  const groups: { key: string; presenter: string; onBehalfOf: string; titles: string[] }[] = [];
  for (const report of reports) {
    const { title, quoted } = reportTitle(report.title);
    const en = fragment(report.titleEn);
    let what: string;
    if (lang === 'zh') what = quoted ? `题为《${title}》的报告` : title;
    else if (en !== '') what = en;
    else what = title === '工作报告' ? 'the work report' : `the report ${quoteEn(title)}`;
    const key = `${report.presenter}\u0000${report.onBehalfOf}`;
    const last = groups.at(-1);
    if (last && last.key === key) last.titles.push(what);
    else groups.push({ key, presenter: report.presenter, onBehalfOf: report.onBehalfOf, titles: [what] });
  }
  if (lang === 'zh') {
    return zhList(
      groups.map((g) =>
        g.presenter === ''
          ? zhList(g.titles)
          : `${g.presenter}${g.onBehalfOf ? `受${g.onBehalfOf}委托` : ''}作的${zhList(g.titles)}`,
      ),
    );
  }
  return englishList(
    groups.map(
      (g) =>
        englishList(g.titles) +
        (g.presenter ? ` delivered by ${g.presenter}` : '') +
        (g.onBehalfOf ? ` on behalf of ${g.onBehalfOf}` : ''),
    ),
  );
}

// Dates -----------------------------------------------------------------------------------------

/** 9月27日上午 / the morning of 27 September; without the hour, 9月27日 / 27 September. */
export function dateOf(at: PressDateTime | null, lang: NewsLang): string {
  if (!at) return '';
  if (lang === 'zh') return at.hour === undefined ? pressMonthDay(at) : pressMonthDayPart(at);
  return at.hour === undefined
    ? pressMonthDayEn(at)
    : `the ${pressDayPartEn(at.hour)} of ${pressMonthDayEn(at)}`;
}

/** 上午9时整 / 9:00 am, or '' without the hour. */
export function timeOf(at: PressDateTime | null, lang: NewsLang): string {
  if (!at || at.hour === undefined) return '';
  const time = { hour: at.hour, minute: at.minute ?? 0 };
  return lang === 'zh' ? pressTime(time) : pressTimeEn(time);
}

// People ----------------------------------------------------------------------------------------

/** 谭作钧 / Tan Zuojun (the English the record gives, else the pinyin). */
export function personName(person: PersonRecord, lang: NewsLang): string {
  if (lang === 'zh') return cleanName(person.name);
  return fragment(person.nameEn) || personNameEn(person.name);
}

/**
 * 省委常委、市委书记 / member of the Standing Committee of the provincial Party committee and
 * secretary of the municipal Party committee; `many` the plural for several people, when known.
 * English: the record's, else the usual titles translated, else the Chinese.
 */
export function personCapacity(
  person: PersonRecord,
  lang: NewsLang,
): { readonly one: string; readonly many: string | null } {
  const zh = fragment(person.capacity?.zh);
  if (lang === 'zh') return { one: zh, many: zh };
  const en = fragment(person.capacity?.en);
  if (en !== '') return { one: en, many: pluralCapacityEn(en) };
  if (zh === '') return { one: '', many: null };
  return capacityEn(zh) ?? { one: zh, many: null };
}

/** 省委常委、市委书记谭作钧 / Tan Zuojun, member of … */
export function personWithCapacity(person: PersonRecord, lang: NewsLang): string {
  const name = personName(person, lang);
  const capacity = personCapacity(person, lang).one;
  if (capacity === '') return name;
  return lang === 'zh' ? `${capacity}${name}` : `${name}, ${capacity}`;
}

/**
 * People with their capacities, those of one capacity named together as the press does:
 * 市委副书记徐张艳、徐良平 / Xu Zhangyan and Xu Liangping, deputy secretaries of the municipal
 * Party committee.
 */
export function peopleList(people: readonly PersonRecord[], lang: NewsLang): string {
  const groups: { capacity: { one: string; many: string | null }; names: string[] }[] = [];
  for (const person of people) {
    const capacity = personCapacity(person, lang);
    const name = personName(person, lang);
    const last = groups.at(-1);
    if (last && last.capacity.one === capacity.one && (lang === 'zh' || capacity.many !== null))
      last.names.push(name);
    else groups.push({ capacity, names: [name] });
  }
  if (lang === 'zh') return groups.map((g) => `${g.capacity.one}${g.names.join('、')}`).join('，');
  const items = groups.map((g) => {
    const names = englishList(g.names);
    if (g.capacity.one === '') return names;
    return `${names}, ${g.names.length === 1 ? g.capacity.one : g.capacity.many}`;
  });
  return enEnumeration(items);
}

/**
 * A speech as one sentence (the template ends it): 新当选的大连市委书记胡玉亭发表讲话，对……;
 * 高屹就贯彻落实省党代会和市委全会精神作了讲话 / Gao Yi delivered a speech on ….
 */
export function speechSentence(
  speech: SpeechRecord,
  lang: NewsLang,
  options: { readonly withCapacity: boolean; readonly capacity?: string },
): string {
  const name = personName(speech.speaker, lang);
  const capacity = options.withCapacity ? (options.capacity ?? personCapacity(speech.speaker, lang).one) : '';
  const subject = translated(speech.subject, lang);
  const summary = translated(speech.summary, lang);
  if (lang === 'zh') {
    return `${capacity}${name}${subject ? `就${subject}作了讲话` : '发表讲话'}${summary ? `，${summary}` : ''}`;
  }
  return `${name}${capacity ? `, ${capacity},` : ''} delivered a speech${subject ? ` on ${subject}` : ''}${summary ? `, ${summary}` : ''}`;
}

// Attendance ------------------------------------------------------------------------------------

/** 因事因病 / 因病 / 因事因病等 / '' : the reasons the press names before 请假. */
function leaveReasonsZh(onLeave: AttendanceRecord['onLeave']): string {
  const named = (onLeave.personal > 0 ? '因事' : '') + (onLeave.illness > 0 ? '因病' : '');
  return named !== '' && onLeave.other > 0 ? `${named}等` : named;
}

export function leaveTotal(onLeave: AttendanceRecord['onLeave']): number {
  return onLeave.personal + onLeave.illness + onLeave.other;
}

/** 应到代表417名，因事因病请假4人，实到代表413名，符合法定人数 (noun 代表 or 委员). */
export function attendanceZh(attendance: AttendanceRecord, noun: string): string {
  const leave = leaveTotal(attendance.onLeave);
  return [
    `应到${noun}${formatCount(attendance.expected, '名')}`,
    ...(leave > 0 ? [`${leaveReasonsZh(attendance.onLeave)}请假${formatCount(leave, '人')}`] : []),
    `实到${noun}${formatCount(attendance.present, '名')}`,
    attendance.quorumMet ? '符合法定人数' : '不足法定人数',
  ].join('，');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 417 delegates were expected, 4 were on leave, 413 attended; the quorum was met */
export function attendanceEn(attendance: AttendanceRecord, noun: 'delegate' | 'member'): string {
  const leave = leaveTotal(attendance.onLeave);
  const expected = `${plural(attendance.expected, noun, `${noun}s`)} ${attendance.expected === 1 ? 'was' : 'were'} expected`;
  const present = `${attendance.present} attended`;
  const counts =
    leave > 0
      ? `${expected}, ${leave} ${leave === 1 ? 'was' : 'were'} on leave, ${present}`
      : `${expected} and ${present}`;
  return `${counts}; the quorum was ${attendance.quorumMet ? 'met' : 'not met'}`;
}

// Reports ---------------------------------------------------------------------------------------

/** The report's own title: the text in 《》 if the agenda item names one, else the item's title. */
export function reportTitle(agendaTitle: string): { title: string; quoted: boolean } {
  const match = /《([^》]+)》/u.exec(agendaTitle);
  if (match) return { title: match[1]!.trim(), quoted: true };
  return { title: fragment(agendaTitle.replace(/^(听取和?审查|听取和讨论|审议)/u, '')), quoted: false };
}

/**
 * The parts of a report as its body announces them — 报告共分四个部分：一、五年来的工作回顾；
 * 二、…… — or as numbered headings on lines of their own (一、五年来的工作回顾).
 */
export function reportParts(body: string | null): string[] {
  if (!body) return [];
  const announced = /共分[一二三四五六七八九十]+个部分[：:]([^。\n]+)/u.exec(body);
  const source = announced
    ? announced[1]!
    : body
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^[一二三四五六七八九十]+、/u.test(line))
        .join('；');
  const parts: string[] = [];
  for (const piece of source.split(/[；;]/u)) {
    const match = /^\s*([一二三四五六七八九十]+)、(.+)$/u.exec(piece);
    if (!match || match[1] !== toChineseNumeral(parts.length + 1)) break;
    parts.push(fragment(match[2]));
  }
  return parts;
}

/** 关于党费收缴、使用和管理情况的书面报告 → 关于党费收缴、使用和管理情况的报告 */
export function writtenReportZh(title: string): string {
  let text = fragment(title).replace(/^(大会)?(以书面形式)?/u, '');
  text = text.replace(/(的)?书面报告$/u, '的报告');
  if (!text.endsWith('报告')) text += '的报告';
  if (!text.startsWith('关于')) text = `关于${text}`;
  return text.replace(/的的报告$/u, '的报告');
}

/** Written reports whose English is standard; others keep their Chinese title in quotes. */
const KNOWN_WRITTEN_REPORTS: readonly (readonly [RegExp, string])[] = [
  [/党费/u, 'the collection, use and management of Party membership dues'],
];

/** a written report on the collection, use and management of Party membership dues */
export function writtenReportEn(title: string): string {
  const known = KNOWN_WRITTEN_REPORTS.find(([pattern]) => pattern.test(title));
  return known
    ? `a written report on ${known[1]}`
    : `a written report entitled ${quoteEn(writtenReportZh(title))}`;
}

// Resolutions and decisions ---------------------------------------------------------------------

/** Votes that set up the meeting rather than decide on its business. */
const PROCEDURAL_SUBJECT = /(选举办法|监票人|计票人|议程|主席团|秘书长|资格审查)/u;

/** An adopted resolution or decision worth reporting: 关于……报告的决议, 《……的决定》. */
export function isReportedResolution(vote: AdoptionRecord | null): vote is AdoptionRecord {
  return vote !== null && vote.adopted === true && !vote.procedural && !PROCEDURAL_SUBJECT.test(vote.subject);
}

/** 通过关于……的决议 → 关于……的决议 (the verb is the template's). */
export function resolutionSubject(subject: string): string {
  return fragment(subject).replace(/^(审议)?通过(了)?/u, '');
}

const DOCUMENT_ENDINGS = /(决定|决议|意见|建议|规划|纲要|办法|规定|条例|报告)$/u;

/** A document's title in 《》 as the press quotes it: 《中共衢州市委关于……的决定》. */
export function documentTitle(subject: string): string {
  const text = resolutionSubject(subject);
  if (text.includes('《') || !DOCUMENT_ENDINGS.test(text) || text.startsWith('关于')) return text;
  return `《${text}》`;
}

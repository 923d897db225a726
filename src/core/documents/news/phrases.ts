// The sentences and fragments the announcements are made of, in Chinese as the press writes them
// (应到代表417名，因事因病请假4人，实到代表413名，符合法定人数) and in English.

import { toChineseNumeral } from '../../text/chinese-numerals.ts';
import { formatCount } from '../../text/press-numbers.ts';
import { englishList, personNameEn } from './english.ts';
import type { AdoptionRecord, AttendanceRecord } from './record.ts';

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

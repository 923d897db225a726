import type { CongressKind } from '../../../../contract/congress.ts';
import type { Task } from '../../../../contract/follow-up.ts';
import type { Committee, MeetingSummary } from '../../../../contract/meetings.ts';
import type { RegisterPerson } from '../../../../contract/register.ts';
import type { TopicStatus } from '../../../../contract/topics.ts';
import { parseIsoDate } from '../../../../core/text/calendar.ts';
import { normalisePersonName } from '../../../../core/text/person-name.ts';
import { pressDate, pressDateEn, pressTime, pressTimeEn } from '../../../../core/text/press-dates.ts';
import type { Lang } from './format.ts';

// The committee's year as the pages lay it out, without React: which consoles are a meeting's,
// when a meeting was held as the press writes it, the calendar by month, names pasted as a list,
// the [M4] figure a decision needs, and which steps of a topic or a follow-up task a reader may
// take. The server decides every one of these again; the pages only show and offer.

/** A plenary session or a standing committee meeting (not a congress): its console is a meeting's. */
export function isCommitteeMeeting(kind: CongressKind | undefined): boolean {
  return kind === 'plenary' || kind === 'standing-committee';
}

// ---- when a meeting was held --------------------------------------------------------------------

/** `2022-07-20T09:00` → { date: '2022-07-20', time: '09:00' }; the time may be ''. */
export function splitHeldAt(heldAt: string | null | undefined): { date: string; time: string } {
  if (!heldAt) return { date: '', time: '' };
  return { date: heldAt.slice(0, 10), time: heldAt.length >= 16 ? heldAt.slice(11, 16) : '' };
}

/** The form's date and time as the API takes them: `2022-07-20T09:00`, `2022-07-20`, or null. */
export function joinHeldAt(date: string | undefined, time: string | undefined): string | null {
  const day = date?.trim();
  if (!day) return null;
  const clock = time?.trim();
  return clock ? `${day}T${clock.slice(0, 5)}` : day;
}

/** 2022年7月20日上午9时整 / 20 July 2022, 9:00 am; the date alone when no time was recorded. */
export function formatHeldAt(heldAt: string | null | undefined, lang: Lang): string {
  const { date, time } = splitHeldAt(heldAt);
  const day = parseIsoDate(date);
  if (!day) return heldAt ?? '';
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const clock = match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
  if (lang === 'zh') return pressDate(day) + (clock ? pressTime(clock) : '');
  return pressDateEn(day) + (clock ? `, ${pressTimeEn(clock)}` : '');
}

// ---- the calendar -------------------------------------------------------------------------------

export interface MonthGroup {
  /** `2022-07`, or 'undated' for meetings whose date is not recorded yet. */
  readonly key: string;
  readonly year: number | null;
  readonly month: number | null;
  readonly meetings: readonly MeetingSummary[];
}

/** The years the term's meetings were held in, latest first. */
export function meetingYears(meetings: readonly MeetingSummary[]): number[] {
  const years = new Set<number>();
  for (const meeting of meetings) if (meeting.heldAt) years.add(Number(meeting.heldAt.slice(0, 4)));
  return [...years].sort((a, b) => b - a);
}

/** The meetings by month, in the order held; those without a date last. `year` keeps one year. */
export function calendarMonths(meetings: readonly MeetingSummary[], year?: number): MonthGroup[] {
  const dated = meetings
    .filter((m) => m.heldAt && (year === undefined || Number(m.heldAt.slice(0, 4)) === year))
    .sort((a, b) => (a.heldAt! < b.heldAt! ? -1 : a.heldAt! > b.heldAt! ? 1 : a.number - b.number));
  const groups: MonthGroup[] = [];
  for (const meeting of dated) {
    const key = meeting.heldAt!.slice(0, 7);
    const last = groups.at(-1);
    if (last?.key === key) (last.meetings as MeetingSummary[]).push(meeting);
    else
      groups.push({
        key,
        year: Number(key.slice(0, 4)),
        month: Number(key.slice(5, 7)),
        meetings: [meeting],
      });
  }
  const undated = meetings.filter((m) => !m.heldAt);
  if (undated.length > 0 && year === undefined)
    groups.push({ key: 'undated', year: null, month: null, meetings: undated });
  return groups;
}

/** 2022年7月 / July 2022 */
export function formatMonth(year: number, month: number, lang: Lang): string {
  if (lang === 'zh') return `${year}年${month}月`;
  const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${name} ${year}`;
}

// ---- names typed as a list ----------------------------------------------------------------------

/**
 * Names pasted as a list: separated by 、，, ；; lines or spaces (the ideographic space pads a
 * two-character name in print, 王　宁, and is not a separator); normalised, repeats dropped.
 */
export function parseNames(text: string): string[] {
  const names: string[] = [];
  for (const part of text.split(/[、，,；;\n\r\t]+| {2,}|(?<=\p{Script=Han}) +(?=\p{Script=Han})/u)) {
    const name = normalisePersonName(part);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * A list typed one item a line or separated by 、，；: the minutes' distribution, units. A
 * separator inside brackets belongs to the item: 各县（市、区）委 is one.
 */
export function parseList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  const push = () => {
    const item = current.trim();
    if (item && !items.includes(item)) items.push(item);
    current = '';
  };
  for (const character of text) {
    if ('（(〔【《'.includes(character)) depth++;
    if ('）)〕】》'.includes(character)) depth = Math.max(0, depth - 1);
    if (character === '\n' || character === '\r' || (depth === 0 && '、，,；;'.includes(character))) push();
    else current += character;
  }
  push();
  return items;
}

export interface AlternateLine {
  readonly personName: string;
  readonly votes: number;
}

/**
 * Alternates pasted one per line, each with the votes that elected them (`王宁 312`); the server
 * ranks them by votes, then by strokes [T6]. A list without votes keeps the order typed: each is
 * given one vote fewer than the one above it. Null when some lines have votes and others not.
 */
export function parseAlternates(text: string): AlternateLine[] | null {
  const lines = text
    .split(/[\n\r]+/)
    .map((line) => line.trim())
    .filter(Boolean);
  const rows = lines.flatMap((line) => {
    const match = /^(.*?)[\s,，、:：]+(\d+)\s*票?$/.exec(line);
    const name = normalisePersonName(match ? match[1]! : line);
    return name ? [{ name, votes: match ? Number(match[2]) : null }] : [];
  });
  const withVotes = rows.filter((row) => row.votes !== null).length;
  if (withVotes > 0 && withVotes < rows.length) return null;
  return rows.map((row, index) => ({ personName: row.name, votes: row.votes ?? rows.length - index }));
}

// ---- [M4] ---------------------------------------------------------------------------------------

/**
 * [M4] The fewest votes for that adopt a decision: more than half of the members due (2 × for >
 * due). Shown beside the form; the server's verdict is the one recorded.
 */
export function decisionMinimum(membersDue: number): number {
  return Math.floor(membersDue / 2) + 1;
}

// ---- the roster ---------------------------------------------------------------------------------

/** What a person on a meeting's roster is, as the roll call labels them: never 代表. */
export type RosterKind =
  | 'secretary'
  | 'deputy-secretary'
  | 'standing-member'
  | 'member'
  | 'alternate'
  | 'attendee';

export interface RosterLabel {
  readonly kind: RosterKind;
  /** An alternate's place in the succession order [T6]. */
  readonly rank: number | null;
}

/**
 * A roster name as the register knows it: the highest office (书记, 副书记, 常委), else 委员, or
 * 候补委员 with their rank. Without the register: an elector is a 委员 (常委 at a standing committee
 * meeting); a non-elector an alternate at a plenary [M1], an attendee (列席) otherwise.
 */
export function rosterLabel(
  committee: Committee,
  name: string,
  votingRights: boolean,
  register?: { readonly people: readonly RegisterPerson[] },
): RosterLabel {
  const person = register?.people.find((p) => p.name === name);
  if (person?.standing === 'alternate') return { kind: 'alternate', rank: person.alternateRank };
  if (!votingRights) return { kind: committee === 'plenary' ? 'alternate' : 'attendee', rank: null };
  const office = person?.offices[0];
  if (office === 'secretary' || office === 'deputy-secretary' || office === 'standing-member')
    return { kind: office, rank: null };
  return { kind: committee === 'plenary' ? 'member' : 'standing-member', rank: null };
}

// ---- conclusions --------------------------------------------------------------------------------

/** Who speaks in a conclusion: 全会 at a plenary, 会议 at a standing committee meeting. */
export function conclusionSubject(committee: 'plenary' | 'standing-committee'): '全会' | '会议' {
  return committee === 'plenary' ? '全会' : '会议';
}

/** The first sentence of a conclusion (up to 。；), at most `max` characters: a task's title. */
export function conclusionLead(text: string, max = 40): string {
  const first = text.split(/[。；;]/)[0]?.trim() ?? '';
  return [...first].length > max ? `${[...first].slice(0, max).join('')}…` : first;
}

// ---- topics -------------------------------------------------------------------------------------

export type TopicStep = 'review' | 'schedule' | 'withdraw' | 'edit';

/** What the office (or the requesting unit) may do with a topic in the queue. */
export function topicSteps(status: TopicStatus, who: { readonly office: boolean }): TopicStep[] {
  const steps: TopicStep[] = [];
  if (status === 'requested' && who.office) steps.push('review');
  if ((status === 'approved' || status === 'deferred') && who.office) steps.push('schedule');
  if (status === 'requested' || (who.office && (status === 'approved' || status === 'deferred')))
    steps.push('edit');
  if (status === 'requested' || status === 'approved' || status === 'deferred') steps.push('withdraw');
  return steps;
}

// ---- follow-up ----------------------------------------------------------------------------------

/** The board's tabs: every task, the overdue, those due within 3 days, the closed (销号). */
export const BOARD_VIEWS = ['all', 'overdue', 'due-soon', 'closed'] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];

export type TaskStep =
  | 'acknowledge'
  | 'report'
  | 'extension'
  | 'decide-extension'
  | 'check'
  | 'close'
  | 'report-back';

/**
 * The steps a reader may take on a task now: the lead unit acknowledges and asks for more time,
 * the lead or a supporting unit reports progress, the office checks, closes (销号), answers an
 * extension and puts a report-back on a later meeting. The office may record a unit's steps for it.
 */
export function taskSteps(
  task: Pick<Task, 'status' | 'leadUnit' | 'supportingUnits' | 'pendingExtension' | 'reportBackTopicId'>,
  who: { readonly office: boolean; readonly unitIds: ReadonlySet<string> },
): TaskStep[] {
  const lead = who.office || who.unitIds.has(task.leadUnit.id);
  const involved = lead || task.supportingUnits.some((unit) => who.unitIds.has(unit.id));
  const open = task.status !== 'checked' && task.status !== 'closed';
  const steps: TaskStep[] = [];
  if (task.status === 'assigned' && lead) steps.push('acknowledge');
  if ((task.status === 'acknowledged' || task.status === 'reported') && involved) steps.push('report');
  if (open && lead && !task.pendingExtension && !who.office) steps.push('extension');
  if (task.pendingExtension && who.office) steps.push('decide-extension');
  if (task.status === 'reported' && who.office) steps.push('check');
  if (task.status === 'checked' && who.office) steps.push('close');
  if (task.status !== 'closed' && who.office && !task.reportBackTopicId) steps.push('report-back');
  return steps;
}

/** An ISO date `days` after `from` (the deadline a new task is offered). */
export function addDaysIso(from: string, days: number): string {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

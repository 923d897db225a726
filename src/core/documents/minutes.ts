// 会议纪要: the minutes of a meeting of the committee [M6], drafted from its record and printed with
// the document number of the year (〔2026〕12号) and the distribution list (分送). Pure: the
// service gathers the record; the office may edit the draft before it is issued.

import type { CalendarDate } from '../text/calendar.ts';
import { toChineseNumeral } from '../text/chinese-numerals.ts';
import { pressDate, pressDayPart } from '../text/press-dates.ts';
import type { Block, FlowDocument } from './model.ts';

import { conclusionZh } from './news/meeting-values.ts';
import type { ConclusionVerb } from './news/record.ts';

export type { ConclusionVerb };

export interface MinutesTopic {
  readonly title: string;
  /** 传达学习 / 汇报 / 审议 / 干部任免 / 其他 */
  readonly kind: 'study' | 'report' | 'decision' | 'cadre' | 'other';
  readonly presenter: string | null;
  readonly onBehalfOf: string | null;
  readonly attendees: readonly string[];
  readonly conclusions: readonly { readonly verb: ConclusionVerb; readonly text: string }[];
  readonly decisions: readonly MinutesDecision[];
}

export interface MinutesDecision {
  readonly title: string;
  readonly person: string | null;
  readonly status: 'adopted' | 'rejected' | 'deferred';
  readonly votes: { readonly for: number; readonly against: number; readonly abstain: number } | null;
  readonly method: 'show-of-hands' | 'oral' | 'secret-ballot' | 'named-ballot';
}

export interface MinutesRecord {
  /** 市委常委会2026年第12次会议 */
  readonly meetingTitle: string;
  readonly committee: 'plenary' | 'standing-committee';
  /** The organisation's committee in the press: 市委. */
  readonly committeeShortName: string;
  readonly date: CalendarDate | null;
  readonly hour: number | null;
  readonly venue: string | null;
  readonly presidedBy: string | null;
  readonly present: readonly string[];
  /** 请假: name and reason. */
  readonly onLeave: readonly { readonly name: string; readonly reason: string | null }[];
  /** 列席: alternates and other attendees, named or by category. */
  readonly attending: readonly string[];
  readonly topics: readonly MinutesTopic[];
  /** Conclusions not tied to one topic. */
  readonly generalConclusions: readonly { readonly verb: ConclusionVerb; readonly text: string }[];
}

const METHOD_ZH: Readonly<Record<MinutesDecision['method'], string>> = {
  'show-of-hands': '举手表决',
  oral: '口头表决',
  'secret-ballot': '无记名投票',
  'named-ballot': '记名投票',
};

const KIND_VERB: Readonly<Record<MinutesTopic['kind'], string>> = {
  study: '传达学习',
  report: '听取',
  decision: '审议',
  cadre: '研究',
  other: '研究',
};

/** 〔2026〕12号 */
export function minutesNumber(year: number, number: number): string {
  return `〔${year}〕${number}号`;
}

/** The title the office issues: 市委常委会会议纪要. */
export function minutesTitle(record: Pick<MinutesRecord, 'committee' | 'committeeShortName'>): string {
  return record.committee === 'plenary'
    ? `${record.committeeShortName}全体会议纪要`
    : `${record.committeeShortName}常委会会议纪要`;
}

function decisionLine(decision: MinutesDecision): string {
  const subject = decision.person ? `关于${decision.person}同志的任免事项` : decision.title;
  if (decision.status === 'deferred') return `会议决定，${subject}暂缓表决，留待以后会议研究。`;
  const votes = decision.votes
    ? `（${METHOD_ZH[decision.method]}：赞成${decision.votes.for}票，不赞成${decision.votes.against}票，弃权${decision.votes.abstain}票）`
    : `（${METHOD_ZH[decision.method]}）`;
  return decision.status === 'adopted'
    ? `会议表决通过了${subject}${votes}。`
    : `${subject}未获通过${votes}。`;
}

/** The draft text: an opening sentence, one numbered section per topic, then who attended. */
export function minutesText(record: MinutesRecord): string {
  const when = record.date
    ? `${pressDate(record.date)}${record.hour === null ? '' : pressDayPart(record.hour)}，`
    : '';
  const where = record.venue ? `在${record.venue}` : '';
  const opening = record.presidedBy
    ? `${when}${record.presidedBy}${where}主持召开${record.meetingTitle}。`
    : `${when}${where}召开${record.meetingTitle}。`;
  const lines = [opening, record.topics.length > 0 ? '会议研究了以下事项：' : ''].filter(Boolean);
  record.topics.forEach((topic, index) => {
    const presenter = topic.presenter
      ? `${topic.presenter}${topic.onBehalfOf ? `受${topic.onBehalfOf}委托` : ''}作了汇报。`
      : '';
    lines.push(`${toChineseNumeral(index + 1)}、${KIND_VERB[topic.kind]}${topic.title}`);
    if (presenter) lines.push(presenter);
    for (const c of topic.conclusions) lines.push(conclusionZh('会议', c.verb, c.text));
    for (const d of topic.decisions) lines.push(decisionLine(d));
    if (topic.attendees.length > 0) lines.push(`列席该议题：${topic.attendees.join('、')}。`);
  });
  for (const c of record.generalConclusions) lines.push(conclusionZh('会议', c.verb, c.text));
  lines.push(`出席：${record.present.join('、') || '—'}`);
  if (record.onLeave.length > 0) {
    lines.push(
      `请假：${record.onLeave.map((p) => (p.reason ? `${p.name}（${p.reason}）` : p.name)).join('、')}`,
    );
  }
  if (record.attending.length > 0) lines.push(`列席：${record.attending.join('、')}`);
  return lines.join('\n');
}

export interface IssuedMinutes {
  readonly title: string;
  readonly body: string;
  readonly documentNumber: string | null;
  readonly issuedOn: CalendarDate | null;
  readonly issuer: string;
  readonly distribution: readonly string[];
}

/** The printable minutes: title, number, text paragraph by paragraph, issuer and date, distribution. */
export function minutesDocument(minutes: IssuedMinutes): FlowDocument {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: minutes.title },
    { kind: 'note', text: minutes.documentNumber ?? '（草稿）' },
    { kind: 'spacer' },
    ...minutes.body
      .split(/\n+/)
      .filter((line) => line.trim() !== '')
      .map((text): Block => ({ kind: 'paragraph', text: text.trim(), indent: true })),
    { kind: 'spacer' },
    { kind: 'paragraph', text: minutes.issuer, align: 'right' },
    ...(minutes.issuedOn
      ? [{ kind: 'paragraph', text: pressDate(minutes.issuedOn), align: 'right' } as Block]
      : []),
  ];
  if (minutes.distribution.length > 0) {
    blocks.push(
      { kind: 'spacer' },
      { kind: 'paragraph', text: `分送：${minutes.distribution.join('，')}。` },
    );
  }
  return {
    kind: 'flow',
    title: minutes.documentNumber ? `${minutes.title}${minutes.documentNumber}` : `${minutes.title}（草稿）`,
    subject: '会议纪要',
    warnings: minutes.documentNumber ? [] : ['draft'],
    runningHeader: minutes.title,
    runningFooter: minutes.documentNumber ?? '草稿',
    blocks,
  };
}

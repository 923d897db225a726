// The congress record the announcements are written from: plain data, loaded by the news service
// from the database (announced results only) and built by hand in tests. Times are local (China
// Standard Time) calendar dates and clock times, never instants: this layer has no clock.

import type { SittingCommittee } from '../../rules/meetings.ts';
import type { Office } from '../../rules/types.ts';
import type { CalendarDate } from '../../text/calendar.ts';
import type { OrganisationNames } from '../../text/ordinals.ts';
import type { PressDateTime } from '../../text/press-dates.ts';

/**
 * What the generator can write: a congress's opening and closing reports, the first plenary's
 * communiqué and a later plenary's decision (from a congress's records), and the reports of the
 * committee's meetings between congresses [M1][M2] (from a MeetingRecord).
 */
export type NewsKind =
  | 'opening'
  | 'closing'
  | 'first-plenary'
  | 'plenary-decision'
  | 'standing-committee-meeting'
  | 'plenary-session';
export const NEWS_KINDS: readonly NewsKind[] = [
  'opening',
  'closing',
  'first-plenary',
  'plenary-decision',
  'standing-committee-meeting',
  'plenary-session',
];

export type NewsLang = 'zh' | 'en';
export const NEWS_LANGS: readonly NewsLang[] = ['zh', 'en'];

export interface NewsOrganisation extends OrganisationNames {
  /** The discipline commission's short name in the press: 市纪委, 自治区纪委. */
  readonly disciplineShortName: string;
}

/** 应到 / 请假 by reason / 实到 of one sitting, and [Q4] those attending without a vote (列席). */
export interface AttendanceRecord {
  /** 应到: electors with a vote. */
  readonly expected: number;
  /** 实到: electors with a vote who are checked in. */
  readonly present: number;
  /** 请假, by the kind the desk recorded (因事, 因病, 其他). */
  readonly onLeave: { readonly personal: number; readonly illness: number; readonly other: number };
  readonly quorumMet: boolean;
  /**
   * Attending without a vote: at a plenary, the alternate members (候补委员列席), and only they —
   * the news prints this as 候补委员N名. Non-member attendees (列席 by category, 应邀参加) are not
   * counted here: a meeting's record keeps them as categories (AttendeeGroupRecord).
   */
  readonly nonVoting: { readonly expected: number; readonly present: number };
}

export interface AdoptionRecord {
  /** What was put to the vote, as read out: 关于十二届市委报告的决议. */
  readonly subject: string;
  /** The subject as the English text names it; missing, the English keeps the Chinese. */
  readonly subjectEn?: string | null;
  /** null while the vote is open or was never held. */
  readonly adopted: boolean | null;
  /** The vote set up the congress (presidium, agenda, election method…): not a resolution to report. */
  readonly procedural: boolean;
}

export interface AgendaRecord {
  readonly kind: 'report' | 'written-report' | 'adoption-vote' | 'election' | 'other';
  /** 听取和审查中国共产党示范市第十二届委员会工作报告：《…》, or just the report's title. */
  readonly title: string;
  /** The report's title in English (the text inside 《》 when the title quotes one). */
  readonly titleEn?: string | null;
  readonly presenter: string | null;
  readonly body: string | null;
  readonly vote: AdoptionRecord | null;
}

export interface SittingRecord {
  readonly kind: 'preparatory' | 'opening' | 'plenary' | 'closing' | 'presidium' | 'delegation-discussion';
  readonly title: string;
  readonly venue: string | null;
  /** When it opened (or, before it did, when it was scheduled to), local time. */
  readonly at: PressDateTime | null;
  /** Who presided (主持), as announced: 郭玉峰, or a body: 市委常委会. */
  readonly presiding: string | null;
  /** 大会执行主席, in their order. */
  readonly chairs: readonly string[];
  readonly attendance: AttendanceRecord | null;
  readonly agenda: readonly AgendaRecord[];
}

/** Someone elected in an announced round, with their votes for ([T6] orders alternates by them). */
export interface ElectedRecord {
  readonly name: string;
  readonly votes: number;
}

/** One election and its announced, non-preliminary rounds, in the order they were held. */
export interface ElectionRecord {
  readonly office: Office;
  /** 出席中国共产党内蒙古自治区第十一次代表大会代表: the heading of the delegates' list. */
  readonly title: string;
  readonly rounds: readonly {
    readonly elected: readonly ElectedRecord[];
    /** [T5] a combined ballot's alternates. */
    readonly electedAlternates?: readonly ElectedRecord[];
  }[];
  /** [T7] The order the higher committee approved (standing committee, secretary, deputies). */
  readonly approvedOrder: readonly string[];
}

/** [P5] What the discipline commission's first plenary elected, in the approved order. */
export interface DisciplineFirstPlenaryRecord {
  readonly standingMembers: readonly string[];
  readonly secretary: string | null;
  readonly deputies: readonly string[];
}

/** A plenary session of a committee: N届M次全会. */
export interface PlenaryRecord {
  readonly kind: 'plenary';
  readonly organisation: NewsOrganisation;
  /** N: the term of the committee meeting in plenary. */
  readonly term: number;
  /** M: the plenary's number within the term. */
  readonly plenaryNumber: number;
  readonly date: CalendarDate | null;
  readonly venue: string | null;
  readonly sittings: readonly SittingRecord[];
  readonly elections: readonly ElectionRecord[];
  /** First plenary only: the commission's result the plenary adopts. */
  readonly discipline: DisciplineFirstPlenaryRecord | null;
}

/** A congress: 第N次代表大会, which elects the Nth committee [P7]. */
export interface CongressRecord {
  readonly kind: 'congress';
  readonly organisation: NewsOrganisation;
  readonly number: number;
  readonly theme: string | null;
  /** The theme in English; missing, the English keeps the Chinese. */
  readonly themeEn?: string | null;
  /** 大会的主要任务是，…… (seed 002): the congress's main tasks, as one passage. */
  readonly mainTasks?: TranslatedText | null;
  readonly venue: string | null;
  readonly startsOn: CalendarDate | null;
  readonly endsOn: CalendarDate | null;
  /** Every sitting, in order. */
  readonly sittings: readonly SittingRecord[];
  readonly elections: readonly ElectionRecord[];
  /** The new committee's first plenary, once it has announced results. */
  readonly firstPlenary: PlenaryRecord | null;
  /**
   * Who attends without being a delegate: 列席 by category ('non-voting': 不是代表的委员会委员…
   * 以及其他需要列席的同志) and guests of the opening sitting ('invited': 部分党外人士作为来宾).
   */
  readonly attendeeGroups?: readonly AttendeeGroupRecord[];
  /** The higher committee's guidance groups at the congress (…指导督导组组长…到会指导), in order. */
  readonly guidanceGroups?: readonly GuidanceGroupRecord[];
  /** Speeches at the closing sitting: 新当选的大连市委书记胡玉亭发表讲话，…… (seed 000). */
  readonly closingSpeeches?: readonly SpeechRecord[];
}

// The committee between congresses (§8) -----------------------------------------------------------

/**
 * Chinese free text with the English the secretariat entered for it. Where `en` is missing the
 * English edition keeps the Chinese, and the editor flags the draft (untranslatedSpans).
 * Both are written as they read inside a sentence: no final 。 or full stop.
 */
export interface TranslatedText {
  readonly zh: string;
  readonly en?: string | null;
}

/** A person named in a report, with what they are: 省委常委、市委书记 谭作钧. */
export interface PersonRecord {
  /** 谭作钧 */
  readonly name: string;
  /** Tan Zuojun; missing, the pinyin of the name. */
  readonly nameEn?: string | null;
  /**
   * 省委常委、市委书记 / member of the Standing Committee of the provincial Party committee and
   * secretary of the municipal Party committee. Missing English: the usual titles (书记, 副书记,
   * 常委, 市长…) are translated, anything else stays Chinese.
   */
  readonly capacity?: TranslatedText | null;
}

/** Who presided (主持): a person with their capacity, or a body — 市委常委会主持会议 (seed 004). */
export type PresiderRecord =
  | { readonly kind: 'person'; readonly person: PersonRecord }
  | { readonly kind: 'body'; readonly body: TranslatedText };

/**
 * Non-members at a meeting or a congress, by category [M1]: 'non-voting' attend by category
 * (列席: 不是市委委员的副厅级以上领导干部), 'invited' by invitation (应邀参加: 副厅级以上老干部;
 * at a congress, 来宾). Never alternates, and never counted: the record keeps no number of them.
 */
export interface AttendeeGroupRecord {
  readonly kind: 'non-voting' | 'invited';
  readonly category: TranslatedText;
}

/** A guidance group at a congress: its leader and members, and what it did (default 到会指导). */
export interface GuidanceGroupRecord {
  /** 自治区党委组织部第四现场指导督导组组长、……张秦同志，指导督导组成员尹存良同志、铁木尔同志 */
  readonly members: TranslatedText;
  /** 督查指导大会; null: 到会指导 / attended the congress to give guidance. */
  readonly action: TranslatedText | null;
}

/** [M6] Members present, due and on leave; alternates attend without a vote ([Q4], [M1]). */
export interface MeetingAttendanceRecord {
  /** 应到会成员: the committee's members (plenary), the standing committee's (its meetings). */
  readonly membersDue: number;
  readonly membersPresent: number;
  readonly onLeave: number;
  /** 候补委员 present (non-voting). Non-member attendees are never counted here. */
  readonly alternatesPresent: number;
}

/**
 * A topic's kind (议题), as topics are recorded: 'study' 传达学习, 'report' 听取汇报/报告,
 * 'decision' 审议, 'cadre' 干部任免 (never in the news, [M3]), 'other' (the title carries its verb:
 * 研究部署我市贯彻落实工作).
 */
export type TopicKind = 'study' | 'report' | 'decision' | 'cadre' | 'other';

/**
 * What a meeting concluded, as the press opens each paragraph: 'noted' 指出, 'held' 认为,
 * 'stressed' 强调, 'required' 要求, 'called' 号召 — and 'affirmed' 充分肯定了……, a sentence that
 * opens the paragraph of the conclusion after it (全会充分肯定了今年以来市委常委会的工作。全会认为，…).
 */
export type ConclusionVerb = 'noted' | 'held' | 'stressed' | 'required' | 'called' | 'affirmed';

/** One paragraph of conclusions: 会议指出，…… / It was noted that …. */
export interface ConclusionRecord {
  readonly verb: ConclusionVerb;
  readonly text: TranslatedText;
}

/** An agenda topic of a meeting, in order. */
export interface TopicRecord {
  readonly kind: TopicKind;
  /**
   * What the topic is about, without the verb of its kind: 习近平总书记在……上的重要讲话精神
   * (study), 工作报告 (report), 《……的决定》 (decision); an 'other' topic's title has its verb.
   * English as it reads after "to convey and study" / "to hear" / "to review" / "to".
   */
  readonly title: TranslatedText;
  readonly presenter: PersonRecord | null;
  /** On whose behalf the presenter spoke: 受市委常委会委托 → 市委常委会. */
  readonly onBehalfOf: TranslatedText | null;
  /** The conclusions on this topic, in order. */
  readonly conclusions: readonly ConclusionRecord[];
}

/** A speech: 市委书记高屹讲话; 全会结束时，高屹就……作了讲话. */
export interface SpeechRecord {
  readonly speaker: PersonRecord;
  /** 就……作了讲话: what it was on, as a noun phrase (贯彻落实省党代会和市委全会精神). */
  readonly subject: TranslatedText | null;
  /** What it said, as clauses after 发表讲话，: 对新一届市委加强自身建设提出六个方面要求，强调…… */
  readonly summary?: TranslatedText | null;
  /** The speech at the end of the meeting (全会结束时). */
  readonly closing: boolean;
}

/** [M4] A decision put to the vote; cadre decisions ([M3]) never appear in the news. */
export interface DecisionRecord {
  readonly kind: 'decision' | 'cadre';
  /** 中共衢州市委关于……的决定 (the press quotes it in 《》); English: the Decision of …. */
  readonly title: TranslatedText;
  readonly adopted: boolean;
  /** The counts, when the vote was counted ([M4]); the press does not print them. */
  readonly votes?: { readonly for: number; readonly against: number; readonly abstain: number } | null;
}

/**
 * A meeting of the committee between congresses [M1]–[M6]: a plenary session (全体会议, numbered
 * within the term: 八届二次) or a standing committee meeting (常委会会议, numbered within the
 * term and within the year). What the news reports of it; the full record (leave reasons, per-topic
 * attendees, minutes, follow-up) stays with the meeting.
 */
export interface MeetingRecord {
  readonly kind: 'meeting';
  readonly committee: SittingCommittee;
  readonly organisation: NewsOrganisation;
  /** N: the committee's term. */
  readonly term: number;
  /** The meeting's number within the term: M of N届M次全会, or the standing committee's count. */
  readonly number: number;
  /** Standing committee meetings: the number within the year (2021年第3次). */
  readonly yearNumber: number | null;
  /** 扩大会议: non-members attend by category or invitation [M1]. */
  readonly enlarged: boolean;
  /** When it was held, local time, as the secretariat recorded it (never when a button was clicked). */
  readonly heldAt: PressDateTime | null;
  readonly venue: TranslatedText | null;
  readonly presidedBy: PresiderRecord | null;
  readonly attendance: MeetingAttendanceRecord | null;
  /** 列席 by category and 应邀参加, in order: never counted as alternates. */
  readonly attendeeGroups: readonly AttendeeGroupRecord[];
  /** Leaders who attended (市委副书记徐张艳、徐良平出席), in order. */
  readonly attendingLeaders: readonly PersonRecord[];
  /** What the plenary held high before its business: 高举……旗帜，深入学习贯彻…… (no final ，). */
  readonly preamble?: TranslatedText | null;
  /** What its business was for, after it: 进一步动员全市上下……. */
  readonly purpose?: TranslatedText | null;
  readonly topics: readonly TopicRecord[];
  /** Conclusions of the meeting as a whole (全会指出 / 全会强调 …), after the topics' own. */
  readonly conclusions: readonly ConclusionRecord[];
  readonly speeches: readonly SpeechRecord[];
  readonly decisions: readonly DecisionRecord[];
}

export type NewsRecord = CongressRecord | PlenaryRecord | MeetingRecord;

/** What the generator writes, in both languages. */
export interface NewsText {
  readonly titleZh: string;
  readonly bodyZh: string;
  readonly titleEn: string;
  readonly bodyEn: string;
}

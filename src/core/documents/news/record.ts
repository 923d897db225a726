// The congress record the announcements are written from: plain data, loaded by the news service
// from the database (announced results only) and built by hand in tests. Times are local (China
// Standard Time) calendar dates and clock times, never instants: this layer has no clock.

import type { Office } from '../../rules/types.ts';
import type { CalendarDate } from '../../text/calendar.ts';
import type { OrganisationNames } from '../../text/ordinals.ts';
import type { PressDateTime } from '../../text/press-dates.ts';

/** What the generator can write. */
export type NewsKind = 'opening' | 'closing' | 'first-plenary' | 'plenary-decision';
export const NEWS_KINDS: readonly NewsKind[] = ['opening', 'closing', 'first-plenary', 'plenary-decision'];

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
  /** Attending without a vote: at a plenary, the alternate members (候补委员列席). */
  readonly nonVoting: { readonly expected: number; readonly present: number };
}

export interface AdoptionRecord {
  /** What was put to the vote, as read out: 关于十二届市委报告的决议. */
  readonly subject: string;
  /** null while the vote is open or was never held. */
  readonly adopted: boolean | null;
  /** The vote set up the congress (presidium, agenda, election method…): not a resolution to report. */
  readonly procedural: boolean;
}

export interface AgendaRecord {
  readonly kind: 'report' | 'written-report' | 'adoption-vote' | 'election' | 'other';
  /** 听取和审查中国共产党示范市第十二届委员会工作报告：《…》, or just the report's title. */
  readonly title: string;
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
  readonly venue: string | null;
  readonly startsOn: CalendarDate | null;
  readonly endsOn: CalendarDate | null;
  /** Every sitting, in order. */
  readonly sittings: readonly SittingRecord[];
  readonly elections: readonly ElectionRecord[];
  /** The new committee's first plenary, once it has announced results. */
  readonly firstPlenary: PlenaryRecord | null;
}

export type NewsRecord = CongressRecord | PlenaryRecord;

/** What the generator writes, in both languages. */
export interface NewsText {
  readonly titleZh: string;
  readonly bodyZh: string;
  readonly titleEn: string;
  readonly bodyEn: string;
}

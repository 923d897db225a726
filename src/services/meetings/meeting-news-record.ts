import type {
  ConclusionRecord,
  MeetingRecord,
  PersonRecord,
  PresiderRecord,
  SpeechRecord,
  TopicRecord,
} from '../../core/documents/news/index.ts';
import { parseIsoDate } from '../../core/text/calendar.ts';
import type { PressDateTime } from '../../core/text/press-dates.ts';
import type { ConclusionsTable } from '../../persistence/committee-schema.ts';
import { attendanceCounts } from '../attendance/attendance-counts.ts';
import { sittingOfCongress } from '../attendance/sitting-lookup.ts';
import { organisationRow, type Reader, termRow } from '../congress/lookups.ts';
import { newsOrganisation } from '../news/news-record.ts';
import { outcomeRows } from '../outcomes/outcomes.ts';
import { meetingRow } from './meeting-lookup.ts';
import { isCurrent } from './roster.ts';

// The record a meeting's news is written from (core/documents/news MeetingRecord): what the office
// recorded — the date held, never the clock — the attendance counts, with alternates apart from
// other attendees, the topics with their conclusions, the speeches and the decisions. Cadre
// matters are in the record; the generator leaves them out of every report.

/** `2022-07-20T09:00` (local, as recorded) as the press's date and time. */
export function localDateTime(text: string | null): PressDateTime | null {
  if (!text) return null;
  const date = parseIsoDate(text.slice(0, 10));
  if (!date) return null;
  if (text.length < 16) return date;
  return { ...date, hour: Number(text.slice(11, 13)), minute: Number(text.slice(14, 16)) };
}

const text = (zh: string, en?: string | null) => ({ zh, en: en ?? null });

function conclusionRecord(row: ConclusionsTable): ConclusionRecord {
  return { verb: row.verb, text: text(row.text, row.text_en) };
}

export async function meetingNewsRecord(db: Reader, meetingId: string): Promise<MeetingRecord> {
  const meeting = await meetingRow(db, meetingId);
  const term = await termRow(db, meeting.term_id);
  const org = await organisationRow(db, term.organisation_id);
  const positions = (
    await db.selectFrom('term_positions').selectAll().where('term_id', '=', term.id).execute()
  ).filter(isCurrent);
  const secretary = positions.find((p) => p.position === 'secretary')?.person_name;
  const deputies = positions
    .filter((p) => p.position === 'deputy-secretary')
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  /** What the register says a person is, as the press writes it: 市委书记, 市委副书记. */
  const capacityOf = (name: string): string | null => {
    if (name === secretary) return `${org.short_name}书记`;
    if (deputies.some((d) => d.person_name === name)) return `${org.short_name}副书记`;
    return null;
  };
  const person = (name: string, capacity?: string | null, capacityEn?: string | null): PersonRecord => {
    const zh = capacity ?? capacityOf(name);
    return { name, capacity: zh ? text(zh, capacityEn) : null };
  };

  const sitting = await db
    .selectFrom('sittings')
    .selectAll()
    .where('congress_id', '=', meetingId)
    .orderBy('sort_order')
    .executeTakeFirstOrThrow();
  const counts = await attendanceCounts(db, await sittingOfCongress(db, meetingId, sitting.id));
  const recorded = counts.present + counts.onLeave.total + counts.nonVoting.present > 0;
  const presentNames = new Set(
    (
      await db
        .selectFrom('attendance as a')
        .innerJoin('delegates as d', 'd.id', 'a.delegate_id')
        .select('d.name')
        .where('a.sitting_id', '=', sitting.id)
        .where('a.status', '=', 'present')
        .execute()
    ).map((row) => row.name),
  );

  const presidedBy = meeting.presided_by ?? null;
  const presider: PresiderRecord | null = !presidedBy
    ? null
    : /常委会$|委员会$/.test(presidedBy)
      ? { kind: 'body', body: text(presidedBy) }
      : { kind: 'person', person: person(presidedBy, meeting.presided_by_capacity) };

  const [topics, { conclusions, speeches, decisions }, groups] = await Promise.all([
    db
      .selectFrom('topics')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .where('status', 'in', ['scheduled', 'concluded'])
      .orderBy('sort_order')
      .execute(),
    outcomeRows(db, meetingId),
    db
      .selectFrom('meeting_attendee_groups')
      .selectAll()
      .where('congress_id', '=', meetingId)
      .orderBy('sort_order')
      .execute(),
  ]);
  const topicRecords: TopicRecord[] = topics.map((topic) => ({
    kind: topic.kind,
    title: text(topic.title, topic.title_en),
    presenter: topic.presenter ? person(topic.presenter) : null,
    onBehalfOf: topic.on_behalf_of ? text(topic.on_behalf_of) : null,
    conclusions: conclusions.filter((c) => c.topic_id === topic.id).map(conclusionRecord),
  }));
  const speechRecords: SpeechRecord[] = speeches.map((speech) => ({
    speaker: { ...person(speech.speaker, speech.capacity, speech.capacity_en), nameEn: speech.speaker_en },
    subject: text(speech.subject, speech.subject_en),
    closing: speech.moment === 'closing',
  }));
  // 出席: at a plenary, the deputies present who neither presided nor spoke (市委副书记徐张艳、
  // 徐良平出席). A standing committee meeting's report names no one who merely attended.
  const named = new Set([presidedBy, ...speeches.map((s) => s.speaker)]);
  const leaders =
    meeting.kind === 'plenary'
      ? deputies
          .filter((d) => presentNames.has(d.person_name) && !named.has(d.person_name))
          .map((d) => person(d.person_name))
      : [];

  return {
    kind: 'meeting',
    committee: meeting.kind,
    organisation: newsOrganisation(org),
    term: term.number,
    number: meeting.plenary_number ?? 0,
    yearNumber: meeting.year_number ?? null,
    enlarged: meeting.enlarged === 1,
    heldAt: localDateTime(meeting.held_at ?? meeting.starts_on),
    venue: meeting.venue ? text(meeting.venue) : null,
    presidedBy: presider,
    attendance: recorded
      ? {
          membersDue: counts.expected,
          membersPresent: counts.present,
          onLeave: counts.onLeave.total,
          alternatesPresent: counts.alternates?.present ?? 0,
        }
      : null,
    attendeeGroups: groups.flatMap((group) =>
      group.kind === 'guidance'
        ? []
        : [{ kind: group.kind, category: text(group.category, group.category_en) }],
    ),
    attendingLeaders: leaders,
    topics: topicRecords,
    conclusions: conclusions.filter((c) => c.topic_id === null).map(conclusionRecord),
    speeches: speechRecords,
    decisions: decisions
      .filter((d) => d.status !== 'deferred')
      .map((d) => ({
        kind: d.kind,
        title: text(d.title, d.title_en),
        adopted: d.status === 'adopted',
        votes:
          d.votes_for === null
            ? null
            : { for: d.votes_for, against: d.votes_against ?? 0, abstain: d.votes_abstain ?? 0 },
      })),
  };
}

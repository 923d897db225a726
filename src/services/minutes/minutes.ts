import type { Minutes } from '../../contract/decisions.ts';
import {
  type MinutesRecord,
  minutesDocument,
  minutesNumber,
  minutesText,
  minutesTitle,
} from '../../core/documents/minutes.ts';
import { sortNames } from '../../core/names/index.ts';
import { parseIsoDate } from '../../core/text/calendar.ts';
import type { MinutesTable } from '../../persistence/committee-schema.ts';
import type { Actor } from '../actor.ts';
import { leaveKindOf, leaveNoteOf } from '../attendance/leave-reason.ts';
import { auditedWrite } from '../audited-write.ts';
import { organisationRow, type Reader, termRow } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import { type DocumentFile, type DocumentRenderer, documentFile } from '../documents/document-file.ts';
import { conflict } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { meetingRow, meetingSummary, meetingYear } from '../meetings/meeting-lookup.ts';
import { decisionView } from '../outcomes/outcomes.ts';

// The minutes (会议纪要) of a meeting [M6]: drafted from its record until the office edits them,
// then issued with the next number of the year for that body (〔2026〕12号) and the date, after
// which neither the minutes nor the record they rest on change.

const LEAVE_ZH = { personal: '因事', illness: '因病', other: '其他' } as const;

/** Everything the minutes draw on, read from the meeting's record. */
export async function minutesRecord(db: Reader, meetingId: string): Promise<MinutesRecord> {
  const meeting = await meetingRow(db, meetingId);
  const term = await termRow(db, meeting.term_id);
  const org = await organisationRow(db, term.organisation_id);
  const summary = meetingSummary(meeting, org, term);
  const attendance = await db
    .selectFrom('delegates as d')
    .leftJoin('sittings as s', (join) => join.on('s.congress_id', '=', meetingId))
    .leftJoin('attendance as a', (join) =>
      join.onRef('a.delegate_id', '=', 'd.id').onRef('a.sitting_id', '=', 's.id'),
    )
    .select(['d.name', 'd.capacity', 'd.voting_rights', 'a.status', 'a.leave_reason'])
    .where('d.congress_id', '=', meetingId)
    .execute();
  const votingPresent = attendance.filter((row) => row.voting_rights === 1 && row.status === 'present');
  const onLeave = attendance.filter((row) => row.voting_rights === 1 && row.status === 'leave');
  const alternates = attendance.filter((row) => row.capacity === 'alternate' && row.status === 'present');
  const groups = await db
    .selectFrom('meeting_attendee_groups')
    .select(['category'])
    .where('congress_id', '=', meetingId)
    .where('kind', '=', 'non-voting')
    .orderBy('sort_order')
    .execute();
  const topics = await db
    .selectFrom('topics')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('status', 'in', ['scheduled', 'concluded'])
    .orderBy('sort_order')
    .execute();
  const conclusions = await db
    .selectFrom('conclusions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('sort_order')
    .execute();
  const decisions = (
    await db
      .selectFrom('decisions')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('sort_order')
      .execute()
  ).map(decisionView);
  const decisionsOf = (topicId: string | null) =>
    decisions
      .filter((d) => d.topicId === topicId)
      .map((d) => ({
        title: d.title,
        person: d.person,
        status: d.status,
        method: d.votingMethod,
        votes:
          d.votesFor === null
            ? null
            : { for: d.votesFor, against: d.votesAgainst ?? 0, abstain: d.votesAbstain ?? 0 },
      }));
  const heldAt = meeting.held_at ?? null;
  const names = (rows: readonly { name: string }[]) =>
    sortNames(
      rows.map((row) => row.name),
      (name) => name,
      { unknown: 'last' },
    );
  return {
    meetingTitle: summary.title,
    committee: meeting.kind,
    committeeShortName: org.short_name,
    date: heldAt ? (parseIsoDate(heldAt.slice(0, 10)) ?? null) : null,
    hour: heldAt && heldAt.length > 10 ? Number(heldAt.slice(11, 13)) : null,
    venue: meeting.venue,
    presidedBy: meeting.presided_by ?? null,
    present: names(votingPresent),
    onLeave: sortNames(onLeave, (row) => row.name, { unknown: 'last' }).map((row) => ({
      name: row.name,
      reason: row.leave_reason
        ? (leaveNoteOf(row.leave_reason) ?? LEAVE_ZH[leaveKindOf(row.leave_reason)])
        : null,
    })),
    attending: [
      ...(alternates.length > 0 ? [`候补委员${names(alternates).join('、')}`] : []),
      ...groups.map((group) => group.category),
    ],
    topics: topics.map((topic) => ({
      title: topic.title,
      kind: topic.kind,
      presenter: topic.presenter,
      onBehalfOf: topic.on_behalf_of,
      attendees: JSON.parse(topic.attendees_json) as string[],
      conclusions: conclusions
        .filter((c) => c.topic_id === topic.id)
        .map((c) => ({ verb: c.verb, text: c.text })),
      decisions: decisionsOf(topic.id),
    })),
    generalConclusions: conclusions
      .filter((c) => c.topic_id === null)
      .map((c) => ({ verb: c.verb, text: c.text })),
  };
}

function minutesView(row: MinutesTable): Minutes {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    title: row.title,
    body: row.body,
    distribution: JSON.parse(row.distribution_json),
    status: row.status,
    year: row.year,
    number: row.status === 'issued' ? row.number : null,
    documentNumber: row.status === 'issued' ? minutesNumber(row.year, row.number) : null,
    issuedOn: row.issued_on,
  };
}

/** The stored minutes, or a draft written from the record (not stored until the office saves it). */
export async function meetingMinutes(db: Reader, meetingId: string): Promise<Minutes> {
  const stored = await db
    .selectFrom('minutes')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (stored) return minutesView(stored);
  const meeting = await meetingRow(db, meetingId);
  const record = await minutesRecord(db, meetingId);
  return {
    id: '',
    meetingId,
    title: minutesTitle(record),
    body: minutesText(record),
    distribution: [],
    status: 'draft',
    year: meetingYear(meeting) ?? Number(meeting.created_at.slice(0, 4)),
    number: null,
    documentNumber: null,
    issuedOn: null,
  };
}

export async function saveMinutes(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: { readonly title: string; readonly body: string; readonly distribution: readonly string[] },
): Promise<Minutes> {
  return auditedWrite(context, actor, async (trx) => {
    const meeting = await meetingRow(trx, meetingId);
    const year = meetingYear(meeting);
    if (year === null) {
      throw new InputError(
        'heldAt',
        'record when the meeting was held before its minutes',
        '请先填写会议召开日期，再编写会议纪要',
      );
    }
    const before = await trx
      .selectFrom('minutes')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (before?.status === 'issued') {
      throw conflict('minutes-issued', 'issued minutes do not change', '会议纪要已印发，不能修改');
    }
    const row: MinutesTable = {
      id: before?.id ?? context.random.id(),
      meeting_id: meetingId,
      title: input.title,
      body: input.body,
      distribution_json: JSON.stringify(input.distribution),
      status: 'draft',
      year,
      number: 0,
      issued_on: null,
    };
    if (before) {
      await trx
        .updateTable('minutes')
        .set({ title: row.title, body: row.body, distribution_json: row.distribution_json, year })
        .where('id', '=', row.id)
        .execute();
    } else {
      await trx.insertInto('minutes').values(row).execute();
    }
    const view = minutesView(row);
    return {
      result: view,
      audit: {
        action: 'minutes.save',
        subject: `congress:${meetingId}`,
        before: before ? minutesView(before) : null,
        after: view,
      },
    };
  });
}

/** Issues the minutes: the next number of the year among this body's minutes, and the date. */
export async function issueMinutes(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: { readonly issuedOn: string },
): Promise<Minutes> {
  return auditedWrite(context, actor, async (trx) => {
    const meeting = await meetingRow(trx, meetingId);
    const before = await trx
      .selectFrom('minutes')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!before) throw conflict('minutes-not-saved', 'save the draft minutes first', '请先保存会议纪要草稿');
    if (before.status === 'issued')
      throw conflict('minutes-issued', 'the minutes are already issued', '会议纪要已印发');
    if (input.issuedOn < (meeting.held_at ?? '').slice(0, 10)) {
      throw new InputError('body.issuedOn', 'is before the meeting was held', '早于会议召开日期');
    }
    // Numbered per year within the body: the organisation's plenary minutes, or its standing committee's.
    const sameSeries = await trx
      .selectFrom('minutes as m')
      .innerJoin('congresses as c', 'c.id', 'm.meeting_id')
      .select(['m.number'])
      .where('c.organisation_id', '=', meeting.organisation_id)
      .where('c.kind', '=', meeting.kind)
      .where('m.year', '=', before.year)
      .where('m.status', '=', 'issued')
      .execute();
    const number = Math.max(0, ...sameSeries.map((row) => row.number)) + 1;
    const after: MinutesTable = { ...before, status: 'issued', number, issued_on: input.issuedOn };
    await trx
      .updateTable('minutes')
      .set({ status: 'issued', number, issued_on: input.issuedOn })
      .where('id', '=', before.id)
      .execute();
    const view = minutesView(after);
    return {
      result: view,
      audit: { action: 'minutes.issue', subject: `congress:${meetingId}`, after: view },
    };
  });
}

export async function minutesPdf(
  context: ServiceContext,
  meetingId: string,
  render: DocumentRenderer,
): Promise<DocumentFile> {
  const db = context.database.db;
  const minutes = await meetingMinutes(db, meetingId);
  const meeting = await meetingRow(db, meetingId);
  const org = await organisationRow(db, meeting.organisation_id);
  return documentFile(
    context,
    render,
    minutesDocument({
      title: minutes.title,
      body: minutes.body,
      documentNumber: minutes.documentNumber,
      issuedOn: minutes.issuedOn ? (parseIsoDate(minutes.issuedOn) ?? null) : null,
      issuer: meeting.kind === 'plenary' ? `中共${org.locality}委员会` : `中共${org.locality}委员会办公室`,
      distribution: minutes.distribution,
    }),
  );
}

import type { AttendeeGroup, Committee, MeetingSummary, MeetingView } from '../../contract/meetings.ts';
import type { CongressesTable } from '../../persistence/congress-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { attendanceCounts } from '../attendance/attendance-counts.ts';
import { sittingOfCongress } from '../attendance/sitting-lookup.ts';
import { auditedWrite } from '../audited-write.ts';
import { attendeeGroups, writeAttendeeGroups } from '../congress/attendee-groups.ts';
import { organisationRow, type Reader, termRow } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, ruleViolation } from '../errors.ts';
import { InputError } from '../input-error.ts';
import {
  type MeetingRow,
  meetingRow,
  meetingSummaries,
  meetingSummary,
  meetingYear,
  termMeetingRows,
} from './meeting-lookup.ts';
import { writeRoster } from './roster.ts';

// Recording the committee's meetings between congresses (§8): a plenary session or a standing
// committee meeting of a term, with the date and time it was held as the office records it (a past
// meeting can be recorded afterwards: the news uses this date, never the clock), where, who
// presided, the non-members attending by category, and the roster taken from the register.

export interface NewMeeting {
  readonly committee: Committee;
  readonly heldAt?: string | null | undefined;
  readonly venue?: string | null | undefined;
  readonly presidedBy?: string | null | undefined;
  readonly presidedByCapacity?: string | null | undefined;
  readonly enlarged?: boolean | undefined;
  readonly number?: number | undefined;
  readonly yearNumber?: number | undefined;
  readonly attendeeGroups?: readonly AttendeeGroup[] | undefined;
}

/** The meeting's one sitting, where its attendance is taken. */
async function meetingSittingId(db: Reader, meetingId: string): Promise<string> {
  const sitting = await db
    .selectFrom('sittings')
    .select('id')
    .where('congress_id', '=', meetingId)
    .orderBy('sort_order')
    .executeTakeFirst();
  if (!sitting) throw conflict('no-sitting', 'the meeting has no sitting', '该会议没有会次');
  return sitting.id;
}

/** The meeting as the office and the hall see it: the record, the roster's counts and the live quorum. */
export async function meetingView(db: Reader, meetingId: string): Promise<MeetingView> {
  const row = await meetingRow(db, meetingId);
  const term = await termRow(db, row.term_id);
  const org = await organisationRow(db, term.organisation_id);
  const sittingId = await meetingSittingId(db, meetingId);
  const counts = await attendanceCounts(db, await sittingOfCongress(db, meetingId, sittingId));
  const { ruleSet: _ruleSet, fraction: _fraction, atLeast: _atLeast, ...quorum } = counts.quorum;
  return {
    ...meetingSummary(row, org, term),
    committeeShortName: org.short_name,
    attendeeGroups: await attendeeGroups(db, meetingId),
    sittingId,
    roster: {
      membersDue: counts.expected,
      alternates: counts.alternates?.expected ?? 0,
      attendees: counts.nonVoting.expected - (counts.alternates?.expected ?? 0),
    },
    quorum,
  };
}

/** A term's meetings, earliest first, optionally of one year or one committee. */
export async function termMeetings(
  db: Reader,
  termId: string,
  filter: { readonly year?: number | undefined; readonly committee?: Committee | undefined } = {},
): Promise<MeetingSummary[]> {
  await termRow(db, termId);
  const rows = (await termMeetingRows(db, termId)).filter(
    (row) =>
      (filter.committee === undefined || row.kind === filter.committee) &&
      (filter.year === undefined || meetingYear(row) === filter.year),
  );
  return meetingSummaries(db, rows);
}

function checkHeldAt(heldAt: string | null | undefined): void {
  if (!heldAt) return;
  const date = new Date(`${heldAt.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== heldAt.slice(0, 10)) {
    throw new InputError('body.heldAt', 'is not a date that exists', '日期不存在');
  }
  const time = heldAt.slice(11);
  if (time && (Number(time.slice(0, 2)) > 23 || Number(time.slice(3, 5)) > 59)) {
    throw new InputError('body.heldAt', 'is not a time of day', '时间不正确');
  }
}

/** The next free number: within the term, and for standing committee meetings within the year. */
async function nextNumbers(
  trx: WriteTransaction,
  termId: string,
  committee: Committee,
  year: number | null,
): Promise<{ number: number; yearNumber: number | null }> {
  const rows = (await termMeetingRows(trx, termId)).filter((row) => row.kind === committee);
  const number = Math.max(0, ...rows.map((row) => row.plenary_number ?? 0)) + 1;
  if (committee !== 'standing-committee' || year === null) return { number, yearNumber: null };
  const sameYear = rows.filter((row) => meetingYear(row) === year);
  return { number, yearNumber: Math.max(0, ...sameYear.map((row) => row.year_number ?? 0)) + 1 };
}

export async function createMeeting(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  input: NewMeeting,
): Promise<MeetingView> {
  checkHeldAt(input.heldAt);
  const meetingId = await auditedWrite(context, actor, async (trx, at) => {
    const term = await termRow(trx, termId);
    if (term.body !== 'committee') {
      throw new InputError(
        'termId',
        "a discipline commission's meetings are not recorded here",
        '纪律检查委员会的会议不在此记录',
      );
    }
    const org = await organisationRow(trx, term.organisation_id);
    const year = input.heldAt ? Number(input.heldAt.slice(0, 4)) : null;
    const next = await nextNumbers(trx, termId, input.committee, year);
    const number = input.number ?? next.number;
    const yearNumber =
      input.committee === 'standing-committee' ? (input.yearNumber ?? next.yearNumber) : null;
    const clash = (await termMeetingRows(trx, termId)).find(
      (row) =>
        row.kind === input.committee &&
        (row.plenary_number === number ||
          (yearNumber !== null && row.year_number === yearNumber && meetingYear(row) === year)),
    );
    if (clash) {
      throw conflict(
        'meeting-number-taken',
        'a meeting of this body already has that number',
        '该会议编号已被使用',
      );
    }
    const enlarged = input.committee === 'plenary' && input.enlarged === true;
    const id = context.random.id();
    const row: CongressesTable = {
      id,
      organisation_id: term.organisation_id,
      kind: input.committee,
      number: term.number,
      plenary_number: number,
      term_id: termId,
      title: '',
      theme: null,
      venue: input.venue ?? null,
      starts_on: input.heldAt ? input.heldAt.slice(0, 10) : null,
      ends_on: input.heldAt ? input.heldAt.slice(0, 10) : null,
      rule_set: 'local-plenary',
      status: 'preparing',
      secretary_general: null,
      created_at: at,
      enlarged: enlarged ? 1 : 0,
      year_number: yearNumber,
      held_at: input.heldAt ?? null,
      presided_by: input.presidedBy ?? (input.committee === 'plenary' ? `${org.short_name}常委会` : null),
      presided_by_capacity: input.presidedByCapacity ?? null,
    };
    const summary = meetingSummary(row as MeetingRow, org, term);
    row.title = summary.title;
    await trx.insertInto('congresses').values(row).execute();
    await trx
      .insertInto('sittings')
      .values({
        id: context.random.id(),
        congress_id: id,
        kind: 'plenary',
        title: summary.title,
        status: 'scheduled',
        sort_order: 1,
        starts_at: null,
        ends_at: null,
        venue: input.venue ?? null,
        presiding: row.presided_by ?? null,
        opened_at: null,
        closed_at: null,
      })
      .execute();
    const roster = await writeRoster(trx, context, { id, committee: input.committee, termId }, at);
    if (roster === 0) {
      throw ruleViolation(
        input.committee === 'plenary' ? 'M1' : 'M2',
        input.committee === 'plenary'
          ? 'the register has no members'
          : 'the register has no standing committee members',
        input.committee === 'plenary' ? '名册中没有委员' : '名册中没有常委',
      );
    }
    await writeAttendeeGroups(trx, context, id, input.attendeeGroups ?? []);
    return {
      result: id,
      audit: { action: 'meeting.create', subject: `congress:${id}`, after: { ...summary, roster } },
    };
  });
  return meetingView(context.database.db, meetingId);
}

export interface MeetingPatch {
  readonly heldAt?: string | null | undefined;
  readonly venue?: string | null | undefined;
  readonly presidedBy?: string | null | undefined;
  readonly presidedByCapacity?: string | null | undefined;
  readonly enlarged?: boolean | undefined;
}

export async function updateMeeting(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
  patch: MeetingPatch,
): Promise<MeetingView> {
  checkHeldAt(patch.heldAt);
  await auditedWrite(context, actor, async (trx) => {
    const before = await meetingRow(trx, meetingId);
    const term = await termRow(trx, before.term_id);
    const org = await organisationRow(trx, term.organisation_id);
    const after: MeetingRow = {
      ...before,
      ...(patch.heldAt !== undefined
        ? {
            held_at: patch.heldAt,
            starts_on: patch.heldAt ? patch.heldAt.slice(0, 10) : null,
            ends_on: patch.heldAt ? patch.heldAt.slice(0, 10) : null,
          }
        : {}),
      ...(patch.venue !== undefined ? { venue: patch.venue } : {}),
      ...(patch.presidedBy !== undefined ? { presided_by: patch.presidedBy } : {}),
      ...(patch.presidedByCapacity !== undefined ? { presided_by_capacity: patch.presidedByCapacity } : {}),
      ...(patch.enlarged !== undefined
        ? { enlarged: before.kind === 'plenary' && patch.enlarged ? 1 : 0 }
        : {}),
    };
    const summary = meetingSummary(after, org, term);
    await trx
      .updateTable('congresses')
      .set({
        held_at: after.held_at ?? null,
        starts_on: after.starts_on,
        ends_on: after.ends_on,
        venue: after.venue,
        presided_by: after.presided_by ?? null,
        presided_by_capacity: after.presided_by_capacity ?? null,
        enlarged: after.enlarged ?? 0,
        title: summary.title,
      })
      .where('id', '=', meetingId)
      .execute();
    await trx
      .updateTable('sittings')
      .set({ title: summary.title, venue: after.venue, presiding: after.presided_by ?? null })
      .where('congress_id', '=', meetingId)
      .execute();
    return {
      result: undefined,
      audit: {
        action: 'meeting.update',
        subject: `congress:${meetingId}`,
        before: meetingSummary(before, org, term),
        after: summary,
      },
    };
  });
  return meetingView(context.database.db, meetingId);
}

/** Takes the roster from the register again, while no one's attendance has been recorded. */
export async function refreshRoster(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
): Promise<MeetingView> {
  await auditedWrite(context, actor, async (trx, at) => {
    const meeting = await meetingRow(trx, meetingId);
    const recorded = await trx
      .selectFrom('attendance as a')
      .innerJoin('sittings as s', 's.id', 'a.sitting_id')
      .select('a.delegate_id')
      .where('s.congress_id', '=', meetingId)
      .limit(1)
      .executeTakeFirst();
    const votedOrElected = await trx
      .selectFrom('elections')
      .select('id')
      .where('congress_id', '=', meetingId)
      .limit(1)
      .executeTakeFirst();
    if (recorded || votedOrElected || meeting.status !== 'preparing') {
      throw conflict(
        'roster-in-use',
        'attendance is already being taken: the roster can no longer be replaced',
        '已开始签到，不能再更新名单',
      );
    }
    const roster = await writeRoster(
      trx,
      context,
      { id: meetingId, committee: meeting.kind, termId: meeting.term_id },
      at,
    );
    return {
      result: undefined,
      audit: { action: 'meeting.roster', subject: `congress:${meetingId}`, after: { roster } },
    };
  });
  return meetingView(context.database.db, meetingId);
}

import type { Committee } from '../../contract/meetings.ts';
import type { TopicKind, TopicStatus, TopicView } from '../../contract/topics.ts';
import type { TopicsTable } from '../../persistence/committee-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import { type Actor, rolesIn } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import { type Reader, termRow } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { meetingRow } from '../meetings/meeting-lookup.ts';
import { requireOwnedIds } from '../owned-ids.ts';
import { actorUnits, isOffice, unitRow } from '../units/units.ts';

// Topics (议题) [M6]: a unit requests one for a plenary or a standing committee meeting; the office
// approves it for the queue or sends it back; the secretary puts it on a meeting's agenda (the
// office records it); a deferred topic returns to the queue. A cadre topic (干部任免) is
// confidential: only the office and the members at the meeting see it.

export interface TopicFields {
  readonly title: string;
  readonly titleEn?: string | null | undefined;
  readonly kind: TopicKind;
  readonly presentingUnit?: string | null | undefined;
  readonly presenter?: string | null | undefined;
  readonly onBehalfOf?: string | null | undefined;
  readonly papers?: readonly { title: string; url: string | null }[] | undefined;
  readonly attendees?: readonly string[] | undefined;
}

export async function topicView(db: Reader, row: TopicsTable): Promise<TopicView> {
  const unit = row.requesting_unit_id ? await unitRow(db, row.requesting_unit_id) : null;
  return {
    id: row.id,
    termId: row.term_id,
    committee: row.committee,
    title: row.title,
    titleEn: row.title_en,
    kind: row.kind,
    status: row.status,
    requestingUnit: unit && { id: unit.id, name: unit.name },
    presentingUnit: row.presenting_unit,
    presenter: row.presenter,
    onBehalfOf: row.on_behalf_of,
    papers: JSON.parse(row.papers_json),
    attendees: JSON.parse(row.attendees_json),
    confidential: row.confidential === 1,
    meetingId: row.meeting_id,
    sortOrder: row.sort_order,
    note: row.note,
    requestedAt: row.requested_at,
    reviewedAt: row.reviewed_at,
    reportBackTaskId: row.report_back_task_id,
  };
}

async function topicRow(db: Reader, termId: string, topicId: string): Promise<TopicsTable> {
  const row = await db
    .selectFrom('topics')
    .selectAll()
    .where('id', '=', topicId)
    .where('term_id', '=', termId)
    .executeTakeFirst();
  if (!row) throw notFound('topic', '议题');
  return row;
}

/** Whether the actor may see a topic: confidential ones only the office, and members at its meeting. */
async function maySee(
  db: Reader,
  actor: Actor,
  row: TopicsTable,
  units: ReadonlySet<string> | null,
): Promise<boolean> {
  if (units === null) return true;
  if (row.confidential === 1) {
    if (actor.kind !== 'delegate' || row.meeting_id !== actor.congressId) return false;
    const member = await db
      .selectFrom('delegates')
      .select('capacity')
      .where('id', '=', actor.delegateId)
      .executeTakeFirst();
    return member?.capacity === 'member' || member?.capacity === 'standing-member';
  }
  if (actor.kind === 'delegate') return row.meeting_id === actor.congressId;
  // Unit staff see their own units' requests; the presiding officer of a meeting sees its agenda.
  if (row.requesting_unit_id && units.has(row.requesting_unit_id)) return true;
  return row.meeting_id !== null && rolesIn(actor, row.meeting_id).has('presiding');
}

const QUEUED: readonly TopicStatus[] = ['requested', 'approved', 'deferred'];

/** The queue of a term: requested, approved and deferred topics (or those of one status). */
export async function topicQueue(
  db: Reader,
  actor: Actor,
  termId: string,
  filter: { readonly status?: TopicStatus | undefined; readonly committee?: Committee | undefined },
): Promise<TopicView[]> {
  await termRow(db, termId);
  const units = await actorUnits(db, actor);
  let query = db.selectFrom('topics').selectAll().where('term_id', '=', termId);
  query = filter.status
    ? query.where('status', '=', filter.status)
    : query.where('status', 'in', [...QUEUED]);
  if (filter.committee) query = query.where('committee', '=', filter.committee);
  const rows = await query.orderBy('requested_at').orderBy('id').execute();
  const views: TopicView[] = [];
  for (const row of rows) if (await maySee(db, actor, row, units)) views.push(await topicView(db, row));
  return views;
}

/** A meeting's agenda of topics, in order; confidential ones only for the office and members. */
export async function meetingTopics(db: Reader, actor: Actor, meetingId: string): Promise<TopicView[]> {
  await meetingRow(db, meetingId);
  const units = await actorUnits(db, actor);
  const rows = await db
    .selectFrom('topics')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('status', 'in', ['scheduled', 'concluded'])
    .orderBy('sort_order')
    .execute();
  const views: TopicView[] = [];
  for (const row of rows) {
    const staffOfMeeting = actor.kind === 'account' && rolesIn(actor, meetingId).size > 1;
    if (
      units === null ||
      (await maySee(db, actor, row, units)) ||
      (staffOfMeeting && row.confidential === 0)
    ) {
      views.push(await topicView(db, row));
    }
  }
  return views;
}

function fields(input: TopicFields): Partial<TopicsTable> {
  return {
    title: input.title,
    title_en: input.titleEn ?? null,
    kind: input.kind,
    presenting_unit: input.presentingUnit ?? null,
    presenter: input.presenter ?? null,
    on_behalf_of: input.onBehalfOf ?? null,
    papers_json: JSON.stringify(input.papers ?? []),
    attendees_json: JSON.stringify(input.attendees ?? []),
    confidential: input.kind === 'cadre' ? 1 : 0,
  };
}

async function checkUnitActor(db: Reader, actor: Actor, unitId: string): Promise<void> {
  const units = await actorUnits(db, actor);
  if (units !== null && !units.has(unitId)) {
    throw forbidden('you do not act for this unit', '您不能代表该单位');
  }
}

export async function requestTopic(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  input: TopicFields & { readonly committee: Committee; readonly requestingUnitId: string },
): Promise<TopicView> {
  return auditedWrite(context, actor, async (trx, at) => {
    const term = await termRow(trx, termId);
    const unit = await unitRow(trx, input.requestingUnitId);
    if (unit.organisation_id !== term.organisation_id) {
      throw new InputError(
        'body.requestingUnitId',
        "is not a unit of the term's organisation",
        '不是本组织的单位',
      );
    }
    await checkUnitActor(trx, actor, unit.id);
    const row: TopicsTable = {
      id: context.random.id(),
      term_id: termId,
      committee: input.committee,
      status: 'requested',
      requested_at: at,
      requesting_unit_id: unit.id,
      meeting_id: null,
      note: null,
      reviewed_at: null,
      report_back_task_id: null,
      sort_order: 0,
      ...(fields(input) as Pick<
        TopicsTable,
        | 'title'
        | 'title_en'
        | 'kind'
        | 'presenting_unit'
        | 'presenter'
        | 'on_behalf_of'
        | 'papers_json'
        | 'attendees_json'
        | 'confidential'
      >),
    };
    await trx.insertInto('topics').values(row).execute();
    const view = await topicView(trx, row);
    return { result: view, audit: { action: 'topic.request', subject: `topic:${row.id}`, after: view } };
  });
}

export async function updateTopic(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  topicId: string,
  patch: Partial<TopicFields>,
): Promise<TopicView> {
  return auditedWrite(context, actor, async (trx) => {
    const before = await topicRow(trx, termId, topicId);
    if (!isOffice(actor)) {
      await checkUnitActor(trx, actor, before.requesting_unit_id ?? '');
      if (before.status !== 'requested') {
        throw conflict(
          'topic-reviewed',
          'the office has reviewed this topic: ask the office to change it',
          '议题已经审核，如需修改请联系办公室',
        );
      }
    }
    if (before.status === 'concluded' || before.status === 'withdrawn') {
      throw conflict('topic-closed', 'the topic is concluded or withdrawn', '议题已办结或已撤回');
    }
    const merged: TopicFields = {
      title: patch.title ?? before.title,
      titleEn: patch.titleEn !== undefined ? patch.titleEn : before.title_en,
      kind: patch.kind ?? before.kind,
      presentingUnit: patch.presentingUnit !== undefined ? patch.presentingUnit : before.presenting_unit,
      presenter: patch.presenter !== undefined ? patch.presenter : before.presenter,
      onBehalfOf: patch.onBehalfOf !== undefined ? patch.onBehalfOf : before.on_behalf_of,
      papers: patch.papers ?? JSON.parse(before.papers_json),
      attendees: patch.attendees ?? JSON.parse(before.attendees_json),
    };
    const after = { ...before, ...fields(merged) } as TopicsTable;
    await trx.updateTable('topics').set(fields(merged)).where('id', '=', topicId).execute();
    return {
      result: await topicView(trx, after),
      audit: {
        action: 'topic.update',
        subject: `topic:${topicId}`,
        before: await topicView(trx, before),
        after: await topicView(trx, after),
      },
    };
  });
}

async function setStatus(
  trx: WriteTransaction,
  topic: TopicsTable,
  change: Partial<Pick<TopicsTable, 'status' | 'note' | 'reviewed_at' | 'meeting_id' | 'sort_order'>>,
): Promise<TopicsTable> {
  await trx.updateTable('topics').set(change).where('id', '=', topic.id).execute();
  return { ...topic, ...change };
}

export async function reviewTopic(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  topicId: string,
  input: { readonly approve: boolean; readonly note?: string | undefined },
): Promise<TopicView> {
  return auditedWrite(context, actor, async (trx, at) => {
    const before = await topicRow(trx, termId, topicId);
    if (before.status !== 'requested') {
      throw conflict('topic-not-requested', 'only a requested topic is reviewed', '只有待审核的议题才能审核');
    }
    const after = await setStatus(trx, before, {
      status: input.approve ? 'approved' : 'rejected',
      note: input.note ?? null,
      reviewed_at: at,
    });
    return {
      result: await topicView(trx, after),
      audit: {
        action: input.approve ? 'topic.approve' : 'topic.reject',
        subject: `topic:${topicId}`,
        after: { note: input.note ?? null },
      },
    };
  });
}

export async function withdrawTopic(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  topicId: string,
): Promise<TopicView> {
  return auditedWrite(context, actor, async (trx) => {
    const before = await topicRow(trx, termId, topicId);
    await checkUnitActor(trx, actor, before.requesting_unit_id ?? '');
    if (!QUEUED.includes(before.status)) {
      throw conflict(
        'topic-scheduled',
        'a topic on an agenda or concluded cannot be withdrawn',
        '已列入议程或已办结的议题不能撤回',
      );
    }
    const after = await setStatus(trx, before, { status: 'withdrawn' });
    return {
      result: await topicView(trx, after),
      audit: { action: 'topic.withdraw', subject: `topic:${topicId}` },
    };
  });
}

async function renumberAgenda(
  trx: WriteTransaction,
  _meetingId: string,
  order: readonly string[],
): Promise<void> {
  for (const [index, id] of order.entries()) {
    await trx
      .updateTable('topics')
      .set({ sort_order: index + 1 })
      .where('id', '=', id)
      .execute();
  }
}

async function agendaIds(trx: WriteTransaction, meetingId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('topics')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('status', 'in', ['scheduled', 'concluded'])
    .orderBy('sort_order')
    .execute();
  return rows.map((row) => row.id);
}

/** Puts an approved or deferred topic on the meeting's agenda, at a place (default: last). */
export async function scheduleTopic(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: { readonly topicId: string; readonly place?: number | undefined },
): Promise<TopicView[]> {
  await auditedWrite(context, actor, async (trx) => {
    const meeting = await meetingRow(trx, meetingId);
    await requireOwnedIds(trx, 'topic', meeting.term_id, [{ field: 'body.topicId', id: input.topicId }]);
    const topic = await topicRow(trx, meeting.term_id, input.topicId);
    if (topic.status !== 'approved' && topic.status !== 'deferred') {
      throw conflict(
        'topic-not-ready',
        'only an approved or deferred topic is put on an agenda',
        '只有已审核通过或暂缓的议题才能列入议程',
      );
    }
    if (topic.committee !== meeting.kind) {
      throw new InputError(
        'body.topicId',
        `this topic is for a ${topic.committee} meeting`,
        topic.committee === 'plenary' ? '该议题应提交全会' : '该议题应提交常委会会议',
      );
    }
    if (meeting.status === 'closed') throw conflict('meeting-closed', 'the meeting is closed', '会议已结束');
    const order = await agendaIds(trx, meetingId);
    const place = Math.min(Math.max(1, input.place ?? order.length + 1), order.length + 1);
    order.splice(place - 1, 0, topic.id);
    await setStatus(trx, topic, { status: 'scheduled', meeting_id: meetingId });
    await renumberAgenda(trx, meetingId, order);
    return {
      result: undefined,
      audit: { action: 'topic.schedule', subject: `topic:${topic.id}`, after: { meetingId, place } },
    };
  });
  return meetingTopics(context.database.db, actor, meetingId);
}

/** Takes a topic off the agenda: back to the queue as deferred (暂缓), with the reason. */
export async function deferTopic(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
  topicId: string,
  input: { readonly note?: string | undefined },
): Promise<TopicView[]> {
  await auditedWrite(context, actor, async (trx) => {
    const meeting = await meetingRow(trx, meetingId);
    const topic = await topicRow(trx, meeting.term_id, topicId);
    if (topic.meeting_id !== meetingId || topic.status !== 'scheduled') {
      throw conflict(
        'topic-not-scheduled',
        'the topic is not on this meeting’s agenda',
        '该议题不在本次会议议程中',
      );
    }
    await setStatus(trx, topic, {
      status: 'deferred',
      meeting_id: null,
      note: input.note ?? topic.note,
      sort_order: 0,
    });
    await renumberAgenda(trx, meetingId, await agendaIds(trx, meetingId));
    return {
      result: undefined,
      audit: {
        action: 'topic.defer',
        subject: `topic:${topicId}`,
        after: { meetingId, note: input.note ?? null },
      },
    };
  });
  return meetingTopics(context.database.db, actor, meetingId);
}

import type { Task } from '../../contract/follow-up.ts';
import type { TopicsTable } from '../../persistence/committee-schema.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, ServiceError } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { type MeetingRow, meetingRow } from '../meetings/meeting-lookup.ts';
import { unitRow } from '../units/units.ts';
import { accessTask, boardDates, requireOffice, taskView } from './task-records.ts';

// Report-back (督办情况汇报) [M6]: the office puts a topic on the agenda of a later meeting of the
// same term, in which the lead unit reports how the task was carried out. The topic is scheduled
// directly (the office itself asks for it), last on that meeting's agenda, and names the task.

/** When a meeting was held (or is to be): its recorded date, else its scheduled day; none sorts last. */
const heldKey = (row: MeetingRow) => row.held_at ?? row.starts_on ?? '9999';

/** Whether `later` is held after `earlier`: by date, and for two of one body on a day, by number. */
export function heldAfter(later: MeetingRow, earlier: MeetingRow): boolean {
  const [a, b] = [heldKey(later), heldKey(earlier)];
  if (a !== b) return a > b;
  return later.kind === earlier.kind && (later.plenary_number ?? 0) > (earlier.plenary_number ?? 0);
}

/** Topics still on their way to a meeting (not concluded, withdrawn or rejected). */
const OPEN_TOPICS: readonly TopicsTable['status'][] = ['requested', 'approved', 'scheduled', 'deferred'];

export async function reportBack(
  context: ServiceContext,
  actor: Actor,
  taskId: string,
  input: { readonly meetingId: string },
): Promise<Task> {
  requireOffice(actor);
  const dates = boardDates(context);
  return auditedWrite(context, actor, async (trx, at) => {
    const { task } = await accessTask(trx, actor, taskId);
    const origin = await meetingRow(trx, task.meeting_id);
    const target = await meetingRow(trx, input.meetingId).catch((error: unknown) => {
      if (error instanceof ServiceError && error.status === 404) {
        throw new InputError('body.meetingId', 'is not a meeting', '不是会议');
      }
      throw error;
    });
    if (target.term_id !== task.term_id) {
      throw new InputError('body.meetingId', "is not a meeting of the task's term", '不是本届的会议');
    }
    if (target.id === origin.id || !heldAfter(target, origin)) {
      throw conflict(
        'not-a-later-meeting',
        'a task is reported back at a meeting held after the one it came from',
        '督办情况应在交办会议之后召开的会议上汇报',
      );
    }
    if (target.status === 'closed') throw conflict('meeting-closed', 'the meeting is closed', '会议已结束');
    const open = await trx
      .selectFrom('topics')
      .select('id')
      .where('report_back_task_id', '=', taskId)
      .where('status', 'in', [...OPEN_TOPICS])
      .executeTakeFirst();
    if (open) {
      throw conflict(
        'report-back-scheduled',
        'a report-back on this task is already on its way to a meeting',
        '该事项的落实情况汇报已在议题中',
      );
    }
    const lead = await unitRow(trx, task.lead_unit_id);
    const { last } = await trx
      .selectFrom('topics')
      .select((eb) => eb.fn.max('sort_order').as('last'))
      .where('meeting_id', '=', target.id)
      .where('status', 'in', ['scheduled', 'concluded'])
      .executeTakeFirstOrThrow();
    const topic: TopicsTable = {
      id: context.random.id(),
      term_id: task.term_id,
      committee: target.kind,
      title: `关于《${task.title}》落实情况的汇报`,
      title_en: null,
      kind: 'report',
      status: 'scheduled',
      papers_json: '[]',
      attendees_json: '[]',
      requested_at: at,
      requesting_unit_id: lead.id,
      meeting_id: target.id,
      presenting_unit: lead.name,
      presenter: null,
      on_behalf_of: null,
      note: null,
      reviewed_at: at,
      report_back_task_id: task.id,
      confidential: 0,
      sort_order: Number(last ?? 0) + 1,
    };
    await trx.insertInto('topics').values(topic).execute();
    return {
      result: await taskView(trx, task, dates),
      audit: {
        action: 'task.report-back',
        subject: `task:${taskId}`,
        after: { meetingId: target.id, topicId: topic.id, title: topic.title, place: topic.sort_order },
      },
    };
  });
}

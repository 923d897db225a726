import type { ExpressionBuilder } from 'kysely';
import type { Task } from '../../contract/follow-up.ts';
import type { TasksTable } from '../../persistence/committee-schema.ts';
import type { Schema, WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import { type Reader, termRow } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import { InputError } from '../input-error.ts';
import { type MeetingRow, meetingRow } from '../meetings/meeting-lookup.ts';
import { actorUnits } from '../units/units.ts';
import {
  accessTask,
  appendTaskEvent,
  boardDates,
  requireOffice,
  taskView,
  taskViews,
} from './task-records.ts';

// Follow-up tasks (督办事项) [M6]: the office turns a meeting's decision or stressed task into a
// task with a lead unit, supporting units and a deadline; the board lists them — all, open, overdue,
// due within 3 days, closed — and a unit's staff see only their own units' tasks.

export interface NewTask {
  readonly title: string;
  readonly detail: string;
  readonly decisionId: string | null;
  readonly conclusionId: string | null;
  readonly leadUnitId: string;
  readonly supportingUnitIds: readonly string[];
  /** `2026-12-31` */
  readonly deadline: string;
}

export type BoardView = 'all' | 'open' | 'overdue' | 'due-soon' | 'closed';

/** The decision or conclusion must be one of this meeting's, and a decision one that was adopted. */
async function checkSource(trx: WriteTransaction, meeting: MeetingRow, input: NewTask): Promise<void> {
  if (input.decisionId !== null) {
    const decision = await trx
      .selectFrom('decisions')
      .select(['meeting_id', 'status'])
      .where('id', '=', input.decisionId)
      .executeTakeFirst();
    if (decision?.meeting_id !== meeting.id) {
      throw new InputError('body.decisionId', 'is not a decision of this meeting', '不是本次会议的决定');
    }
    if (decision.status !== 'adopted') {
      throw new InputError('body.decisionId', 'the decision was not adopted', '该决定未获通过');
    }
  }
  if (input.conclusionId !== null) {
    const conclusion = await trx
      .selectFrom('conclusions')
      .select('meeting_id')
      .where('id', '=', input.conclusionId)
      .executeTakeFirst();
    if (conclusion?.meeting_id !== meeting.id) {
      throw new InputError(
        'body.conclusionId',
        'is not a conclusion of this meeting',
        '不是本次会议的会议精神（结论）',
      );
    }
  }
}

/** Every unit must be a unit of the meeting's organisation; the lead unit does not also support. */
async function checkUnits(trx: WriteTransaction, meeting: MeetingRow, input: NewTask): Promise<string[]> {
  const supporting = [...new Set(input.supportingUnitIds)];
  const ids = [input.leadUnitId, ...supporting];
  const found = new Set(
    (
      await trx
        .selectFrom('units')
        .select('id')
        .where('id', 'in', ids)
        .where('organisation_id', '=', meeting.organisation_id)
        .execute()
    ).map((row) => row.id),
  );
  if (!found.has(input.leadUnitId)) {
    throw new InputError(
      'body.leadUnitId',
      "is not a unit of the meeting's organisation",
      '不是本组织的单位',
    );
  }
  const stranger = supporting.find((id) => !found.has(id));
  if (stranger !== undefined) {
    throw new InputError(
      'body.supportingUnitIds',
      `${stranger} is not a unit of the meeting's organisation`,
      `${stranger}不是本组织的单位`,
    );
  }
  if (supporting.includes(input.leadUnitId)) {
    throw new InputError(
      'body.supportingUnitIds',
      'the lead unit cannot also be a supporting unit',
      '牵头单位不能同时作为配合单位',
    );
  }
  return supporting;
}

/** Tasks one of the units leads or supports. */
const involving = (unitIds: readonly string[]) => (eb: ExpressionBuilder<Schema, 'tasks'>) =>
  eb.or([
    eb('lead_unit_id', 'in', unitIds),
    eb('id', 'in', eb.selectFrom('task_units').select('task_id').where('unit_id', 'in', unitIds)),
  ]);

/** Turns a meeting's decision or stressed task into a follow-up task, assigned to its units. */
export async function createTask(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: NewTask,
): Promise<Task> {
  requireOffice(actor);
  const dates = boardDates(context);
  return auditedWrite(context, actor, async (trx, at) => {
    const meeting = await meetingRow(trx, meetingId);
    await checkSource(trx, meeting, input);
    const supporting = await checkUnits(trx, meeting, input);
    const task: TasksTable = {
      id: context.random.id(),
      term_id: meeting.term_id,
      meeting_id: meeting.id,
      lead_unit_id: input.leadUnitId,
      title: input.title,
      detail: input.detail,
      deadline: input.deadline,
      status: 'assigned',
      created_at: at,
      decision_id: input.decisionId,
      conclusion_id: input.conclusionId,
      closed_at: null,
    };
    await trx.insertInto('tasks').values(task).execute();
    if (supporting.length > 0) {
      await trx
        .insertInto('task_units')
        .values(supporting.map((unitId) => ({ task_id: task.id, unit_id: unitId })))
        .execute();
    }
    await appendTaskEvent(trx, actor, at, task.id, { kind: 'assigned', deadline: task.deadline });
    return {
      result: await taskView(trx, task, dates),
      audit: {
        action: 'task.create',
        subject: `task:${task.id}`,
        after: {
          meetingId: meeting.id,
          decisionId: task.decision_id,
          conclusionId: task.conclusion_id,
          title: task.title,
          leadUnitId: task.lead_unit_id,
          supportingUnitIds: supporting,
          deadline: task.deadline,
        },
      },
    };
  });
}

/** One task with its history, if the actor may see it (else 404). */
export async function getTask(context: ServiceContext, actor: Actor, taskId: string): Promise<Task> {
  const db = context.database.db;
  const { task } = await accessTask(db, actor, taskId);
  return taskView(db, task, boardDates(context));
}

/**
 * The follow-up board of a term: the tasks the actor may see (a unit's staff: where one of their
 * units leads or supports), optionally of one unit, by deadline.
 */
export async function taskBoard(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  filter: { readonly view: BoardView; readonly unitId?: string | undefined },
): Promise<Task[]> {
  const db: Reader = context.database.db;
  await termRow(db, termId);
  const dates = boardDates(context);
  const units = await actorUnits(db, actor);
  if (units !== null && units.size === 0) return [];
  let query = db.selectFrom('tasks').selectAll().where('term_id', '=', termId);
  if (units !== null) query = query.where(involving([...units]));
  if (filter.unitId !== undefined) query = query.where(involving([filter.unitId]));
  switch (filter.view) {
    case 'open':
      query = query.where('status', '!=', 'closed');
      break;
    case 'closed':
      query = query.where('status', '=', 'closed');
      break;
    case 'overdue':
      query = query.where('status', '!=', 'closed').where('deadline', '<', dates.today);
      break;
    case 'due-soon':
      query = query
        .where('status', '!=', 'closed')
        .where('deadline', '>=', dates.today)
        .where('deadline', '<=', dates.dueSoonUntil);
      break;
    case 'all':
      break;
  }
  const rows = await query.orderBy('deadline').orderBy('created_at').orderBy('id').execute();
  return taskViews(db, rows, dates);
}

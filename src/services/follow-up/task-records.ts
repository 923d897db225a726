import type { Task, TaskStatus } from '../../contract/follow-up.ts';
import { type CalendarDate, formatIsoDate } from '../../core/text/calendar.ts';
import type { TaskEventsTable, TasksTable, UnitsTable } from '../../persistence/committee-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { today } from '../congress/dates.ts';
import type { Reader } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { type MeetingRow, meetingRow, meetingSummaries } from '../meetings/meeting-lookup.ts';
import { actorUnits, isOffice } from '../units/units.ts';

// What every follow-up step shares: the task as its reader may see it (a unit's staff only their
// units' tasks, any other id answers 404 so that ids cannot be probed), its history of events, the
// board's dates in China time, and the view the API answers with.

/** Days a task is "due soon" before its deadline. */
export const DUE_SOON_DAYS = 3;

/** Today's date and the last day that counts as due soon, in China Standard Time (UTC+8). */
export interface BoardDates {
  readonly today: string;
  readonly dueSoonUntil: string;
}

function addDays(date: CalendarDate, days: number): string {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return shifted.toISOString().slice(0, 10);
}

export function boardDates(context: Pick<ServiceContext, 'clock'>): BoardDates {
  const now = today(context);
  return { today: formatIsoDate(now), dueSoonUntil: addDays(now, DUE_SOON_DAYS) };
}

/** Past its deadline and not closed. */
export function isOverdue(task: Pick<TasksTable, 'deadline' | 'status'>, dates: BoardDates): boolean {
  return task.status !== 'closed' && task.deadline < dates.today;
}

/** Due today or within the next 3 days, and not closed. */
export function isDueSoon(task: Pick<TasksTable, 'deadline' | 'status'>, dates: BoardDates): boolean {
  return task.status !== 'closed' && dates.today <= task.deadline && task.deadline <= dates.dueSoonUntil;
}

/** A task its reader may see, with the units the reader acts for (null: the office, all of them). */
export interface TaskAccess {
  readonly task: TasksTable;
  readonly units: ReadonlySet<string> | null;
  readonly supportingUnitIds: readonly string[];
}

const taskNotFound = () => notFound('task', '督办事项');

/**
 * The task, if the actor may see it: the office sees every task, a unit's staff those where one of
 * their units leads or supports. Any other id answers 404, exactly as an id that does not exist.
 */
export async function accessTask(db: Reader, actor: Actor, taskId: string): Promise<TaskAccess> {
  const task = await db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!task) throw taskNotFound();
  const units = await actorUnits(db, actor);
  const supportingUnitIds = (
    await db.selectFrom('task_units').select('unit_id').where('task_id', '=', taskId).execute()
  ).map((row) => row.unit_id);
  if (units !== null && !units.has(task.lead_unit_id) && !supportingUnitIds.some((id) => units.has(id))) {
    throw taskNotFound();
  }
  return { task, units, supportingUnitIds };
}

/** Only the office (an administrator of every congress) checks, closes and decides. */
export function requireOffice(actor: Actor): void {
  if (!isOffice(actor)) {
    throw forbidden('only the general office may do this', '只有办公室才能进行此操作');
  }
}

/**
 * The lead unit, for the steps only it takes (acknowledging, asking for an extension); the office
 * may record them on its behalf. Returns the unit the event is recorded for.
 */
export function requireLeadUnit(access: TaskAccess, en: string, zh: string): string {
  if (access.units !== null && !access.units.has(access.task.lead_unit_id)) throw forbidden(en, zh);
  return access.task.lead_unit_id;
}

/** The unit a lead or supporting unit's report is recorded for: the lead unit first. */
export function reportingUnit(access: TaskAccess): string {
  const { units, task, supportingUnitIds } = access;
  if (units === null || units.has(task.lead_unit_id)) return task.lead_unit_id;
  const unit = supportingUnitIds.find((id) => units.has(id));
  if (!unit) throw taskNotFound();
  return unit;
}

/** The name a task's history shows for who acted. */
function actorName(actor: Actor): string {
  if (actor.kind === 'account') return actor.displayName;
  if (actor.kind === 'delegate') return actor.name;
  return 'public';
}

/**
 * Appends one event to the task's history. Events are numbered within the task (`<task>:0001`):
 * steps taken in the same millisecond keep their order, and two concurrent writes of the same
 * step collide on the key instead of both succeeding.
 */
export async function appendTaskEvent(
  trx: WriteTransaction,
  actor: Actor,
  at: string,
  taskId: string,
  event: Pick<TaskEventsTable, 'kind'> & Partial<Pick<TaskEventsTable, 'unit_id' | 'text' | 'deadline'>>,
): Promise<void> {
  const { count } = await trx
    .selectFrom('task_events')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('task_id', '=', taskId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('task_events')
    .values({
      id: `${taskId}:${String(Number(count) + 1).padStart(4, '0')}`,
      task_id: taskId,
      kind: event.kind,
      at,
      actor: actorName(actor),
      unit_id: event.unit_id ?? null,
      text: event.text ?? null,
      deadline: event.deadline ?? null,
    })
    .execute();
}

/**
 * Moves the task from one status to another, refusing (409) when it is not in `from` — also when a
 * concurrent request moved it first.
 */
export async function moveTask(
  trx: WriteTransaction,
  task: TasksTable,
  from: readonly TaskStatus[],
  change: Partial<Pick<TasksTable, 'status' | 'deadline' | 'closed_at'>>,
  refusal: { readonly code: string; readonly en: string; readonly zh: string },
): Promise<TasksTable> {
  const refuse = () => conflict(refusal.code, refusal.en, refusal.zh);
  if (!from.includes(task.status)) throw refuse();
  const result = await trx
    .updateTable('tasks')
    .set(change)
    .where('id', '=', task.id)
    .where('status', '=', task.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw refuse();
  return { ...task, ...change };
}

/** The refusal of a step on a task already checked or closed. */
export const TASK_DONE = {
  code: 'task-done',
  en: 'the task has been checked or closed',
  zh: '该事项已核查通过或已销号',
} as const;

/**
 * The extension asked for and not yet answered: the last extension event of the history, in
 * order, if it is a request (none once the task is closed).
 */
export function pendingExtensionOf(
  task: Pick<TasksTable, 'status'>,
  history: readonly TaskEventsTable[],
): (TaskEventsTable & { deadline: string }) | null {
  if (task.status === 'closed') return null;
  const last = history.filter((event) => event.kind.startsWith('extension-')).at(-1);
  return last?.kind === 'extension-requested' && last.deadline !== null
    ? { ...last, deadline: last.deadline }
    : null;
}

/** A task's history, in order. */
export async function taskEvents(db: Reader, taskId: string): Promise<TaskEventsTable[]> {
  return db.selectFrom('task_events').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

const noIds = (ids: readonly string[]) => ids.length === 0;

/** The views of tasks, reading their units, meetings, histories and report-back topics in bulk. */
export async function taskViews(
  db: Reader,
  tasks: readonly TasksTable[],
  dates: BoardDates,
): Promise<Task[]> {
  if (tasks.length === 0) return [];
  const taskIds = tasks.map((task) => task.id);
  const links = await db.selectFrom('task_units').selectAll().where('task_id', 'in', taskIds).execute();
  const events = await db
    .selectFrom('task_events')
    .selectAll()
    .where('task_id', 'in', taskIds)
    .orderBy('id')
    .execute();
  const unitIds = [
    ...new Set([
      ...tasks.map((task) => task.lead_unit_id),
      ...links.map((link) => link.unit_id),
      ...events.flatMap((event) => (event.unit_id ? [event.unit_id] : [])),
    ]),
  ];
  const units = new Map<string, UnitsTable>(
    noIds(unitIds)
      ? []
      : (await db.selectFrom('units').selectAll().where('id', 'in', unitIds).execute()).map((unit) => [
          unit.id,
          unit,
        ]),
  );
  const meetingIds = [...new Set(tasks.map((task) => task.meeting_id))];
  const meetings: MeetingRow[] = [];
  for (const id of meetingIds) meetings.push(await meetingRow(db, id));
  const titles = new Map(
    (await meetingSummaries(db, meetings)).map((summary) => [summary.id, summary.title] as const),
  );
  const topics = await db
    .selectFrom('topics')
    .select(['id', 'report_back_task_id'])
    .where('report_back_task_id', 'in', taskIds)
    .where('status', 'not in', ['withdrawn', 'rejected'])
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
  const reportBack = new Map(topics.map((topic) => [topic.report_back_task_id, topic.id] as const));

  const ref = (unitId: string) => {
    const unit = units.get(unitId);
    return { id: unitId, name: unit?.name ?? '' };
  };
  const sortOrder = (unitId: string) => units.get(unitId)?.sort_order ?? 0;
  return tasks.map((task) => {
    const history = events.filter((event) => event.task_id === task.id);
    const pending = pendingExtensionOf(task, history);
    return {
      id: task.id,
      termId: task.term_id,
      meetingId: task.meeting_id,
      meetingTitle: titles.get(task.meeting_id) ?? '',
      decisionId: task.decision_id,
      conclusionId: task.conclusion_id,
      title: task.title,
      detail: task.detail,
      leadUnit: ref(task.lead_unit_id),
      supportingUnits: links
        .filter((link) => link.task_id === task.id)
        .map((link) => link.unit_id)
        .sort((a, b) => sortOrder(a) - sortOrder(b))
        .map(ref),
      deadline: task.deadline,
      status: task.status,
      overdue: isOverdue(task, dates),
      dueSoon: isDueSoon(task, dates),
      pendingExtension: pending && { deadline: pending.deadline, text: pending.text },
      reportBackTopicId: reportBack.get(task.id) ?? null,
      createdAt: task.created_at,
      closedAt: task.closed_at,
      events: history.map((event) => ({
        kind: event.kind,
        at: event.at,
        by: event.actor,
        unit: event.unit_id ? ref(event.unit_id) : null,
        text: event.text,
        deadline: event.deadline,
      })),
    };
  });
}

/** One task's view. */
export async function taskView(db: Reader, task: TasksTable, dates: BoardDates): Promise<Task> {
  const [view] = await taskViews(db, [task], dates);
  return view!;
}

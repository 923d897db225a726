import type { Task } from '../../contract/follow-up.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { InputError } from '../input-error.ts';
import {
  accessTask,
  appendTaskEvent,
  boardDates,
  moveTask,
  reportingUnit,
  requireLeadUnit,
  requireOffice,
  TASK_DONE,
  taskView,
} from './task-records.ts';

// The steps of a follow-up task [M6]: the lead unit acknowledges it (签收); the lead or a
// supporting unit reports progress (报送进展); the office checks the result — accepted (核查通过),
// or returned to the unit with a note — and closes a checked task (销号). Each step is one audited
// write; a unit's staff reach only their own units' tasks (any other answers 404).

const NOT_ACKNOWLEDGED = {
  code: 'task-not-acknowledged',
  en: 'the lead unit has not acknowledged the task yet',
  zh: '牵头单位尚未签收该事项',
};

/** The lead unit acknowledges the task: assigned → acknowledged. */
export async function acknowledgeTask(
  context: ServiceContext,
  actor: Actor,
  taskId: string,
  input: { readonly text?: string | undefined },
): Promise<Task> {
  const dates = boardDates(context);
  return auditedWrite(context, actor, async (trx, at) => {
    const access = await accessTask(trx, actor, taskId);
    const unitId = requireLeadUnit(
      access,
      'only the lead unit acknowledges the task',
      '只有牵头单位才能签收督办事项',
    );
    const task = await moveTask(
      trx,
      access.task,
      ['assigned'],
      { status: 'acknowledged' },
      {
        code: 'task-not-assigned',
        en: 'the task has already been acknowledged',
        zh: '该事项已签收',
      },
    );
    await appendTaskEvent(trx, actor, at, taskId, {
      kind: 'acknowledged',
      unit_id: unitId,
      text: input.text || null,
    });
    return {
      result: await taskView(trx, task, dates),
      audit: {
        action: 'task.acknowledge',
        subject: `task:${taskId}`,
        before: { status: access.task.status },
        after: { status: task.status, unitId },
      },
    };
  });
}

/** The lead or a supporting unit reports progress: acknowledged (or reported) → reported. */
export async function reportProgress(
  context: ServiceContext,
  actor: Actor,
  taskId: string,
  input: { readonly text: string },
): Promise<Task> {
  const dates = boardDates(context);
  return auditedWrite(context, actor, async (trx, at) => {
    const access = await accessTask(trx, actor, taskId);
    const unitId = reportingUnit(access);
    const task = await moveTask(
      trx,
      access.task,
      ['acknowledged', 'reported'],
      { status: 'reported' },
      access.task.status === 'assigned' ? NOT_ACKNOWLEDGED : TASK_DONE,
    );
    await appendTaskEvent(trx, actor, at, taskId, { kind: 'reported', unit_id: unitId, text: input.text });
    return {
      result: await taskView(trx, task, dates),
      audit: {
        action: 'task.report',
        subject: `task:${taskId}`,
        before: { status: access.task.status },
        after: { status: task.status, unitId, text: input.text },
      },
    };
  });
}

/**
 * The office checks the reported result: accepted → checked; returned → acknowledged, with the
 * note saying what is missing (a returned task needs one).
 */
export async function checkTask(
  context: ServiceContext,
  actor: Actor,
  taskId: string,
  input: { readonly accepted: boolean; readonly text?: string | undefined },
): Promise<Task> {
  requireOffice(actor);
  if (!input.accepted && !input.text) {
    throw new InputError('body.text', 'say why the task is returned to the unit', '退回时请说明理由');
  }
  const dates = boardDates(context);
  return auditedWrite(context, actor, async (trx, at) => {
    const access = await accessTask(trx, actor, taskId);
    const task = await moveTask(
      trx,
      access.task,
      ['reported'],
      { status: input.accepted ? 'checked' : 'acknowledged' },
      {
        code: 'task-not-reported',
        en: 'only a task whose progress has been reported is checked',
        zh: '只有已报送进展的事项才能核查',
      },
    );
    await appendTaskEvent(trx, actor, at, taskId, {
      kind: input.accepted ? 'checked' : 'returned',
      text: input.text || null,
    });
    return {
      result: await taskView(trx, task, dates),
      audit: {
        action: input.accepted ? 'task.check' : 'task.return',
        subject: `task:${taskId}`,
        before: { status: access.task.status },
        after: { status: task.status, text: input.text ?? null },
      },
    };
  });
}

/** The office closes a checked task (销号). */
export async function closeTask(
  context: ServiceContext,
  actor: Actor,
  taskId: string,
  input: { readonly text?: string | undefined },
): Promise<Task> {
  requireOffice(actor);
  const dates = boardDates(context);
  return auditedWrite(context, actor, async (trx, at) => {
    const access = await accessTask(trx, actor, taskId);
    const task = await moveTask(
      trx,
      access.task,
      ['checked'],
      { status: 'closed', closed_at: at },
      {
        code: 'task-not-checked',
        en: 'only a checked task is closed (销号)',
        zh: '只有核查通过的事项才能销号',
      },
    );
    await appendTaskEvent(trx, actor, at, taskId, { kind: 'closed', text: input.text || null });
    return {
      result: await taskView(trx, task, dates),
      audit: {
        action: 'task.close',
        subject: `task:${taskId}`,
        before: { status: access.task.status },
        after: { status: task.status, text: input.text ?? null },
      },
    };
  });
}

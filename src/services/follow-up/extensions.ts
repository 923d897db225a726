import type { Task } from '../../contract/follow-up.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict } from '../errors.ts';
import { InputError } from '../input-error.ts';
import {
  accessTask,
  appendTaskEvent,
  boardDates,
  moveTask,
  pendingExtensionOf,
  requireLeadUnit,
  requireOffice,
  TASK_DONE,
  taskEvents,
  taskView,
} from './task-records.ts';

// Extensions (申请延期) [M6]: the lead unit asks for a later deadline and says why; the office
// grants it (the deadline moves) or refuses it (the deadline stays). One request at a time.

/** The lead unit asks for a later deadline, saying why. */
export async function requestExtension(
  context: ServiceContext,
  actor: Actor,
  taskId: string,
  input: { readonly deadline: string; readonly text: string },
): Promise<Task> {
  const dates = boardDates(context);
  return auditedWrite(context, actor, async (trx, at) => {
    const access = await accessTask(trx, actor, taskId);
    const unitId = requireLeadUnit(
      access,
      'only the lead unit asks for an extension',
      '只有牵头单位才能申请延期',
    );
    const { task } = access;
    if (task.status === 'checked' || task.status === 'closed') {
      throw conflict(TASK_DONE.code, TASK_DONE.en, TASK_DONE.zh);
    }
    if (pendingExtensionOf(task, await taskEvents(trx, taskId))) {
      throw conflict(
        'extension-pending',
        'an extension has already been asked for and not yet answered',
        '已有延期申请尚待审批',
      );
    }
    if (input.deadline <= task.deadline) {
      throw new InputError(
        'body.deadline',
        `must be later than the current deadline ${task.deadline}`,
        `应晚于现在的办理时限${task.deadline}`,
      );
    }
    await appendTaskEvent(trx, actor, at, taskId, {
      kind: 'extension-requested',
      unit_id: unitId,
      text: input.text,
      deadline: input.deadline,
    });
    return {
      result: await taskView(trx, task, dates),
      audit: {
        action: 'task.extension-request',
        subject: `task:${taskId}`,
        before: { deadline: task.deadline },
        after: { deadline: input.deadline, text: input.text, unitId },
      },
    };
  });
}

/** The office grants a requested extension (the deadline moves) or refuses it (it stays). */
export async function decideExtension(
  context: ServiceContext,
  actor: Actor,
  taskId: string,
  input: { readonly grant: boolean; readonly text?: string | undefined },
): Promise<Task> {
  requireOffice(actor);
  const dates = boardDates(context);
  return auditedWrite(context, actor, async (trx, at) => {
    const access = await accessTask(trx, actor, taskId);
    const pending = pendingExtensionOf(access.task, await taskEvents(trx, taskId));
    if (!pending) {
      throw conflict('no-extension-pending', 'no extension has been asked for', '没有待审批的延期申请');
    }
    const task = input.grant
      ? await moveTask(
          trx,
          access.task,
          ['assigned', 'acknowledged', 'reported', 'checked'],
          { deadline: pending.deadline },
          TASK_DONE,
        )
      : access.task;
    await appendTaskEvent(trx, actor, at, taskId, {
      kind: input.grant ? 'extension-granted' : 'extension-refused',
      text: input.text || null,
      deadline: pending.deadline,
    });
    return {
      result: await taskView(trx, task, dates),
      audit: {
        action: input.grant ? 'task.extension-grant' : 'task.extension-refuse',
        subject: `task:${taskId}`,
        before: { deadline: access.task.deadline },
        after: { deadline: task.deadline, asked: pending.deadline, text: input.text ?? null },
      },
    };
  });
}

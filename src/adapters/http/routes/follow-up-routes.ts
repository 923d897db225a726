import {
  acknowledgeTaskEndpoint,
  checkTaskEndpoint,
  closeTaskEndpoint,
  createTaskEndpoint,
  createUnitAccountEndpoint,
  createUnitEndpoint,
  decideExtensionEndpoint,
  myUnitsEndpoint,
  reportBackEndpoint,
  reportProgressEndpoint,
  requestExtensionEndpoint,
  taskEndpoint,
  tasksEndpoint,
  unitsEndpoint,
} from '../../../contract/follow-up.ts';
import { decideExtension, requestExtension } from '../../../services/follow-up/extensions.ts';
import { reportBack } from '../../../services/follow-up/report-back.ts';
import {
  acknowledgeTask,
  checkTask,
  closeTask,
  reportProgress,
} from '../../../services/follow-up/task-steps.ts';
import { createTask, getTask, taskBoard } from '../../../services/follow-up/tasks.ts';
import { createUnit, createUnitAccount, listUnits, myUnits } from '../../../services/units/units.ts';
import { implement } from '../route.ts';

// Units and follow-up tasks (督办) of the committee (contract: src/contract/follow-up.ts).

export const followUpRoutes = [
  implement(unitsEndpoint).with(async ({ params, context }) =>
    listUnits(context.database.db, params.organisationId),
  ),
  implement(createUnitEndpoint).with(async ({ params, body, actor, context }) =>
    createUnit(context, actor, params.organisationId, body),
  ),
  implement(myUnitsEndpoint).with(async ({ actor, context }) => myUnits(context.database.db, actor)),
  implement(createUnitAccountEndpoint).with(async ({ params, body, actor, context }) =>
    createUnitAccount(context, actor, params.unitId, body),
  ),
  implement(tasksEndpoint).with(async ({ params, query, actor, context }) =>
    taskBoard(context, actor, params.termId, query),
  ),
  implement(createTaskEndpoint).with(async ({ params, body, actor, context }) =>
    createTask(context, actor, params.congressId, body),
  ),
  implement(taskEndpoint).with(async ({ params, actor, context }) => getTask(context, actor, params.taskId)),
  implement(acknowledgeTaskEndpoint).with(async ({ params, body, actor, context }) =>
    acknowledgeTask(context, actor, params.taskId, body),
  ),
  implement(reportProgressEndpoint).with(async ({ params, body, actor, context }) =>
    reportProgress(context, actor, params.taskId, body),
  ),
  implement(checkTaskEndpoint).with(async ({ params, body, actor, context }) =>
    checkTask(context, actor, params.taskId, body),
  ),
  implement(closeTaskEndpoint).with(async ({ params, body, actor, context }) =>
    closeTask(context, actor, params.taskId, body),
  ),
  implement(requestExtensionEndpoint).with(async ({ params, body, actor, context }) =>
    requestExtension(context, actor, params.taskId, body),
  ),
  implement(decideExtensionEndpoint).with(async ({ params, body, actor, context }) =>
    decideExtension(context, actor, params.taskId, body),
  ),
  implement(reportBackEndpoint).with(async ({ params, body, actor, context }) =>
    reportBack(context, actor, params.taskId, body),
  ),
];

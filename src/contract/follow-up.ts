import * as z from 'zod';
import { congressParams, id, instant, nameText, shortText } from './common.ts';
import { endpoint } from './endpoint.ts';
import { OFFICE_ROLES, UNIT_ROLES } from './roles.ts';
import { unitRefSchema } from './topics.ts';

// Follow-up (督办) [M6]: a decision or a stressed task becomes tasks with a lead unit, supporting
// units, a deadline and a status — assigned → acknowledged → progress reported → checked → closed
// (销号) — with extension requests and a report-back item on a later meeting's agenda. Unit staff
// see and report only their own units' tasks.

export const TASK_STATUSES = ['assigned', 'acknowledged', 'reported', 'checked', 'closed'] as const;
export const taskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const TASK_EVENT_KINDS = [
  'assigned',
  'acknowledged',
  'reported',
  'checked',
  'returned',
  'closed',
  'extension-requested',
  'extension-granted',
  'extension-refused',
] as const;

export const unitSchema = z.strictObject({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;

export const taskEventSchema = z.strictObject({
  kind: z.enum(TASK_EVENT_KINDS),
  at: instant,
  /** Who acted: a person's name as the account shows it. */
  by: z.string(),
  unit: unitRefSchema.nullable(),
  text: z.string().nullable(),
  /** The deadline the event is about: the first one (assigned), or an extension's (asked for, granted, refused). */
  deadline: z.string().nullable(),
});

export const taskSchema = z.strictObject({
  id: z.string(),
  termId: z.string(),
  meetingId: z.string(),
  /** The meeting the task came from, as the board names it. */
  meetingTitle: z.string(),
  decisionId: z.string().nullable(),
  conclusionId: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  leadUnit: unitRefSchema,
  supportingUnits: z.array(unitRefSchema),
  /** `2026-12-31`; moved by a granted extension. */
  deadline: z.string(),
  status: taskStatusSchema,
  /** Past its deadline and not closed. */
  overdue: z.boolean(),
  /** Due within 3 days and not closed. */
  dueSoon: z.boolean(),
  /** An extension asked for and not yet answered. */
  pendingExtension: z.strictObject({ deadline: z.string(), text: z.string().nullable() }).nullable(),
  /** The topic that reports back on it at a later meeting, if one is scheduled. */
  reportBackTopicId: z.string().nullable(),
  createdAt: instant,
  closedAt: instant.nullable(),
  events: z.array(taskEventSchema),
});
export type Task = z.infer<typeof taskSchema>;

const day = z.iso.date();
const organisationParams = z.strictObject({ organisationId: id });
const termParams = z.strictObject({ termId: id });
const taskParams = z.strictObject({ taskId: id });
const note = z.string().trim().max(2000);

export const unitsEndpoint = endpoint({
  method: 'GET',
  path: '/api/organisations/:organisationId/units',
  tag: 'follow-up',
  summary: 'The units that request topics and carry out tasks (市委办公室, 市发展改革委…)',
  allow: UNIT_ROLES,
  params: organisationParams,
  response: z.array(unitSchema),
});

export const createUnitEndpoint = endpoint({
  method: 'POST',
  path: '/api/organisations/:organisationId/units',
  tag: 'follow-up',
  summary: 'Add a unit',
  allow: OFFICE_ROLES,
  params: organisationParams,
  body: z.strictObject({ name: nameText(100) }),
  response: unitSchema,
});

export const myUnitsEndpoint = endpoint({
  method: 'GET',
  path: '/api/units/mine',
  tag: 'follow-up',
  summary: 'The units the caller acts for (all of them for the office)',
  allow: UNIT_ROLES,
  response: z.array(unitSchema),
});

export const createUnitAccountEndpoint = endpoint({
  method: 'POST',
  path: '/api/units/:unitId/accounts',
  tag: 'follow-up',
  summary: "A staff account of a unit: it requests topics and reports on the unit's tasks, nothing else",
  allow: OFFICE_ROLES,
  params: z.strictObject({ unitId: id }),
  body: z.strictObject({
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/),
    displayName: nameText(50),
    password: z.string().min(10).max(256),
  }),
  response: z.strictObject({ id: z.string(), username: z.string() }),
});

export const tasksEndpoint = endpoint({
  method: 'GET',
  path: '/api/terms/:termId/tasks',
  tag: 'follow-up',
  summary: 'The follow-up board: all tasks, the overdue, those due within 3 days (a unit sees its own)',
  allow: UNIT_ROLES,
  params: termParams,
  query: z.strictObject({
    view: z.enum(['all', 'open', 'overdue', 'due-soon', 'closed']).default('open'),
    unitId: id.optional(),
  }),
  response: z.array(taskSchema),
});

export const createTaskEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/tasks',
  tag: 'follow-up',
  summary: "Turn a meeting's decision or stressed task into a follow-up task (督办事项)",
  allow: OFFICE_ROLES,
  params: congressParams,
  body: z.strictObject({
    title: shortText(200),
    detail: z.string().trim().max(4000).default(''),
    decisionId: id.nullable().default(null),
    conclusionId: id.nullable().default(null),
    leadUnitId: id,
    supportingUnitIds: z.array(id).max(30).default([]),
    deadline: day,
  }),
  response: taskSchema,
});

export const taskEndpoint = endpoint({
  method: 'GET',
  path: '/api/tasks/:taskId',
  tag: 'follow-up',
  summary: 'One task with its history',
  allow: UNIT_ROLES,
  params: taskParams,
  response: taskSchema,
});

export const acknowledgeTaskEndpoint = endpoint({
  method: 'POST',
  path: '/api/tasks/:taskId/acknowledge',
  tag: 'follow-up',
  summary: 'The lead unit acknowledges the task (签收)',
  allow: UNIT_ROLES,
  params: taskParams,
  body: z.strictObject({ text: note.optional() }),
  response: taskSchema,
});

export const reportProgressEndpoint = endpoint({
  method: 'POST',
  path: '/api/tasks/:taskId/progress',
  tag: 'follow-up',
  summary: 'A lead or supporting unit reports progress (报送进展)',
  allow: UNIT_ROLES,
  params: taskParams,
  body: z.strictObject({ text: note.min(1) }),
  response: taskSchema,
});

export const checkTaskEndpoint = endpoint({
  method: 'POST',
  path: '/api/tasks/:taskId/check',
  tag: 'follow-up',
  summary: 'The office checks the reported result: accepted (核查通过) or returned to the unit',
  allow: OFFICE_ROLES,
  params: taskParams,
  body: z.strictObject({ accepted: z.boolean(), text: note.optional() }),
  response: taskSchema,
});

export const closeTaskEndpoint = endpoint({
  method: 'POST',
  path: '/api/tasks/:taskId/close',
  tag: 'follow-up',
  summary: 'Close a checked task (销号)',
  allow: OFFICE_ROLES,
  params: taskParams,
  body: z.strictObject({ text: note.optional() }),
  response: taskSchema,
});

export const requestExtensionEndpoint = endpoint({
  method: 'POST',
  path: '/api/tasks/:taskId/extension',
  tag: 'follow-up',
  summary: 'The lead unit asks for a later deadline, saying why (申请延期)',
  allow: UNIT_ROLES,
  params: taskParams,
  body: z.strictObject({ deadline: day, text: note.min(1) }),
  response: taskSchema,
});

export const decideExtensionEndpoint = endpoint({
  method: 'POST',
  path: '/api/tasks/:taskId/extension/decision',
  tag: 'follow-up',
  summary: 'The office grants or refuses a requested extension',
  allow: OFFICE_ROLES,
  params: taskParams,
  body: z.strictObject({ grant: z.boolean(), text: note.optional() }),
  response: taskSchema,
});

export const reportBackEndpoint = endpoint({
  method: 'POST',
  path: '/api/tasks/:taskId/report-back',
  tag: 'follow-up',
  summary: "Put a report-back topic on a later meeting's agenda (督办情况汇报)",
  allow: OFFICE_ROLES,
  params: taskParams,
  body: z.strictObject({ meetingId: id }),
  response: taskSchema,
});

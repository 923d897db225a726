import * as z from 'zod';
import { congressParams, id, instant, nameText, shortText } from './common.ts';
import { endpoint } from './endpoint.ts';
import { committeeSchema } from './meetings.ts';
import { CONGRESS_READER_ROLES, OFFICE_ROLES, UNIT_ROLES } from './roles.ts';

// Topics (议题) of the committee's meetings [M6]: a unit requests one, the office reviews it, the
// secretary puts it on a meeting's agenda; a deferred topic goes back to the queue. Cadre topics
// (干部任免) are seen only by the office and the members at the meeting.

/** 传达学习, 汇报, 审议 (a decision), 干部任免, 其他. */
export const TOPIC_KINDS = ['study', 'report', 'decision', 'cadre', 'other'] as const;
export const topicKindSchema = z.enum(TOPIC_KINDS);
export type TopicKind = z.infer<typeof topicKindSchema>;

export const TOPIC_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'scheduled',
  'deferred',
  'concluded',
  'withdrawn',
] as const;
export const topicStatusSchema = z.enum(TOPIC_STATUSES);
export type TopicStatus = z.infer<typeof topicStatusSchema>;

export const topicPaperSchema = z.strictObject({
  title: shortText(200),
  /** A link to the paper, when it is online. */
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
});

export const unitRefSchema = z.strictObject({ id: z.string(), name: z.string() });

export const topicViewSchema = z.strictObject({
  id: z.string(),
  termId: z.string(),
  committee: committeeSchema,
  title: z.string(),
  titleEn: z.string().nullable(),
  kind: topicKindSchema,
  status: topicStatusSchema,
  requestingUnit: unitRefSchema.nullable(),
  /** Who presents it: the unit and the person (市发展改革委, 主任张三). */
  presentingUnit: z.string().nullable(),
  presenter: z.string().nullable(),
  /** 受市委常委会委托: on whose behalf it is presented. */
  onBehalfOf: z.string().nullable(),
  papers: z.array(topicPaperSchema),
  /** People who attend for this topic only (列席该议题). */
  attendees: z.array(z.string()),
  /** Cadre topics: shown only to the office and the members. */
  confidential: z.boolean(),
  meetingId: z.string().nullable(),
  /** The place on the meeting's agenda. */
  sortOrder: z.number().int(),
  note: z.string().nullable(),
  requestedAt: instant,
  reviewedAt: instant.nullable(),
  /** A report-back topic: the follow-up task it reports on. */
  reportBackTaskId: z.string().nullable(),
});
export type TopicView = z.infer<typeof topicViewSchema>;

const topicFields = {
  title: shortText(200),
  titleEn: z.string().trim().max(400).nullable().optional(),
  kind: topicKindSchema,
  presentingUnit: z.string().trim().max(100).nullable().optional(),
  presenter: nameText(100, { allowEmpty: true }).nullable().optional(),
  onBehalfOf: z.string().trim().max(100).nullable().optional(),
  papers: z.array(topicPaperSchema).max(30).optional(),
  attendees: z.array(shortText(100)).max(100).optional(),
};

const termParams = z.strictObject({ termId: id });
const topicParams = z.strictObject({ termId: id, topicId: id });
const meetingTopicParams = z.strictObject({ congressId: id, topicId: id });

export const topicQueueEndpoint = endpoint({
  method: 'GET',
  path: '/api/terms/:termId/topics',
  tag: 'topics',
  summary: 'The topic queue: requested, approved and deferred topics (a unit sees its own units’ requests)',
  allow: UNIT_ROLES,
  params: termParams,
  query: z.strictObject({
    status: topicStatusSchema.optional(),
    committee: committeeSchema.optional(),
  }),
  response: z.array(topicViewSchema),
});

export const requestTopicEndpoint = endpoint({
  method: 'POST',
  path: '/api/terms/:termId/topics',
  tag: 'topics',
  summary: 'A unit requests a topic for a plenary or a standing committee meeting (申请上会议题)',
  allow: UNIT_ROLES,
  params: termParams,
  body: z.strictObject({ committee: committeeSchema, requestingUnitId: id, ...topicFields }),
  response: topicViewSchema,
});

export const updateTopicEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/terms/:termId/topics/:topicId',
  tag: 'topics',
  summary:
    'Correct a topic: its unit while it waits for review, the office at any time before it is concluded',
  allow: UNIT_ROLES,
  params: topicParams,
  body: z.strictObject(topicFields).partial(),
  response: topicViewSchema,
});

export const reviewTopicEndpoint = endpoint({
  method: 'POST',
  path: '/api/terms/:termId/topics/:topicId/review',
  tag: 'topics',
  summary: 'The office approves a requested topic for the queue, or sends it back with a note',
  allow: OFFICE_ROLES,
  params: topicParams,
  body: z.strictObject({ approve: z.boolean(), note: z.string().trim().max(300).optional() }),
  response: topicViewSchema,
});

export const withdrawTopicEndpoint = endpoint({
  method: 'POST',
  path: '/api/terms/:termId/topics/:topicId/withdraw',
  tag: 'topics',
  summary: 'The requesting unit withdraws a topic not yet on an agenda',
  allow: UNIT_ROLES,
  params: topicParams,
  response: topicViewSchema,
});

export const meetingTopicsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/topics',
  tag: 'topics',
  summary: "A meeting's agenda of topics, in order (cadre topics only for the office and members)",
  allow: CONGRESS_READER_ROLES,
  params: congressParams,
  response: z.array(topicViewSchema),
});

export const scheduleTopicEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/topics',
  tag: 'topics',
  summary: "Put an approved or deferred topic on the meeting's agenda, at a place (default: last)",
  allow: OFFICE_ROLES,
  params: congressParams,
  body: z.strictObject({ topicId: id, place: z.number().int().min(1).max(200).optional() }),
  response: z.array(topicViewSchema),
});

export const deferTopicEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/topics/:topicId/defer',
  tag: 'topics',
  summary: 'Take a topic off the agenda: it returns to the queue as deferred (暂缓), with the reason',
  allow: OFFICE_ROLES,
  params: meetingTopicParams,
  body: z.strictObject({ note: z.string().trim().max(300).optional() }),
  response: z.array(topicViewSchema),
});

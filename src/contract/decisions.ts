import * as z from 'zod';
import { congressParams, id, instant, personName, shortText } from './common.ts';
import { endpoint } from './endpoint.ts';
import { CONGRESS_READER_ROLES, OFFICE_ROLES } from './roles.ts';

// What a meeting of the committee concluded [M6]: conclusions paragraph by paragraph (会议指出 /
// 认为 / 强调 / 要求 / 号召), the speeches, the decisions adopted by vote [M4] (cadre decisions per
// person [M3]), and the minutes (会议纪要) numbered per year, with their distribution list.

/** 指出, 认为, 强调, 要求, 号召, and 充分肯定 (全会充分肯定了……). */
export const CONCLUSION_VERBS = ['noted', 'held', 'stressed', 'required', 'called', 'affirmed'] as const;
export const conclusionVerbSchema = z.enum(CONCLUSION_VERBS);
export type ConclusionVerb = z.infer<typeof conclusionVerbSchema>;

/** 举手表决, 口头表决, 无记名投票, 记名投票 [M4]. */
export const VOTING_METHODS = ['show-of-hands', 'oral', 'secret-ballot', 'named-ballot'] as const;
export const votingMethodSchema = z.enum(VOTING_METHODS);

export const DECISION_STATUSES = ['adopted', 'rejected', 'deferred'] as const;
export const decisionStatusSchema = z.enum(DECISION_STATUSES);

const optionalEnglish = (max: number) => z.string().trim().max(max).nullable().default(null);

export const conclusionInputSchema = z.strictObject({
  topicId: id.nullable().default(null),
  verb: conclusionVerbSchema,
  /** The paragraph after 会议指出，… */
  text: shortText(4000),
  textEn: optionalEnglish(8000),
});
export const conclusionSchema = conclusionInputSchema
  .extend({ id: z.string(), topicId: z.string().nullable() })
  .strict();
export type Conclusion = z.infer<typeof conclusionSchema>;

export const speechInputSchema = z.strictObject({
  topicId: id.nullable().default(null),
  speaker: personName(50),
  speakerEn: optionalEnglish(100),
  /** 市委书记 */
  capacity: z.string().trim().max(100).nullable().default(null),
  capacityEn: optionalEnglish(200),
  /** What on: 就贯彻落实省党代会和市委全会精神 */
  subject: shortText(400),
  subjectEn: optionalEnglish(800),
  /** 'closing': the speech at the end of the meeting (全会结束时…作了讲话). */
  moment: z.enum(['closing']).nullable().default(null),
});
export const speechSchema = speechInputSchema
  .extend({ id: z.string(), topicId: z.string().nullable() })
  .strict();
export type Speech = z.infer<typeof speechSchema>;

/** [M4] the verdict, with the numbers compared. */
export const decisionVerdictSchema = z.strictObject({
  rule: z.literal('M4'),
  adopted: z.boolean(),
  votesFor: z.number().int(),
  membersDue: z.number().int(),
  minimumFor: z.number().int(),
});

export const decisionSchema = z.strictObject({
  id: z.string(),
  topicId: z.string().nullable(),
  kind: z.enum(['decision', 'cadre']),
  /** 《中共衢州市委关于…的决定》 */
  title: z.string(),
  titleEn: z.string().nullable(),
  text: z.string(),
  /** A cadre decision: the one person it concerns [M3]. */
  person: z.string().nullable(),
  votingMethod: votingMethodSchema,
  votesFor: z.number().int().nullable(),
  votesAgainst: z.number().int().nullable(),
  votesAbstain: z.number().int().nullable(),
  /** Members present and members due when it was decided (应到 / 实到). */
  present: z.number().int(),
  membersDue: z.number().int(),
  status: decisionStatusSchema,
  verdict: decisionVerdictSchema.nullable(),
  decidedAt: instant,
});
export type Decision = z.infer<typeof decisionSchema>;

export const outcomesSchema = z.strictObject({
  meetingId: z.string(),
  conclusions: z.array(conclusionSchema),
  speeches: z.array(speechSchema),
  decisions: z.array(decisionSchema),
});
export type Outcomes = z.infer<typeof outcomesSchema>;

export const minutesSchema = z.strictObject({
  id: z.string(),
  meetingId: z.string(),
  title: z.string(),
  /** The text, drafted from the record and edited by the office. */
  body: z.string(),
  /** 分送: who receives a copy. */
  distribution: z.array(z.string()),
  status: z.enum(['draft', 'issued']),
  year: z.number().int(),
  /** Assigned when issued: 〔2026〕12号. */
  number: z.number().int().nullable(),
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
});
export type Minutes = z.infer<typeof minutesSchema>;

const decisionParams = z.strictObject({ congressId: id, decisionId: id });

export const outcomesEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/outcomes',
  tag: 'decisions',
  summary:
    "A meeting's conclusions, speeches and decisions (cadre decisions only for the office and members)",
  allow: CONGRESS_READER_ROLES,
  params: congressParams,
  response: outcomesSchema,
});

export const setConclusionsEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/outcomes/conclusions',
  tag: 'decisions',
  summary: 'The conclusions, in order: 会议指出 / 认为 / 强调 / 要求 / 号召 paragraphs',
  allow: OFFICE_ROLES,
  params: congressParams,
  body: z.strictObject({ conclusions: z.array(conclusionInputSchema).max(100) }),
  response: outcomesSchema,
});

export const setSpeechesEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/outcomes/speeches',
  tag: 'decisions',
  summary: 'The speeches, in order: who spoke, in what capacity, on what',
  allow: OFFICE_ROLES,
  params: congressParams,
  body: z.strictObject({ speeches: z.array(speechInputSchema).max(100) }),
  response: outcomesSchema,
});

const decisionInput = {
  topicId: id.nullable().default(null),
  kind: z.enum(['decision', 'cadre']).default('decision'),
  title: shortText(300),
  titleEn: optionalEnglish(600),
  text: z.string().trim().max(20_000).default(''),
  person: personName(50, { allowEmpty: true }).nullable().default(null),
  votingMethod: votingMethodSchema,
  /** Omitted with `deferred`: a divisive matter put off to a later meeting [M4]. */
  votesFor: z.number().int().min(0).max(100_000).nullable().default(null),
  votesAgainst: z.number().int().min(0).max(100_000).nullable().default(null),
  votesAbstain: z.number().int().min(0).max(100_000).nullable().default(null),
  deferred: z.boolean().default(false),
};

export const recordDecisionEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/decisions',
  tag: 'decisions',
  summary:
    '[M4] Record a decision and its vote (passes when votes for exceed half of the members due); [M3] cadre decisions one person at a time',
  allow: OFFICE_ROLES,
  params: congressParams,
  body: z.strictObject(decisionInput),
  response: decisionSchema,
});

export const correctDecisionEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/decisions/:decisionId',
  tag: 'decisions',
  summary: 'Correct a decision recorded with a mistake, before the minutes are issued (audited)',
  allow: OFFICE_ROLES,
  params: decisionParams,
  body: z.strictObject(decisionInput),
  response: decisionSchema,
});

export const minutesEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/minutes',
  tag: 'decisions',
  summary: "The meeting's minutes (会议纪要), drafted from its record until the office edits them",
  allow: CONGRESS_READER_ROLES,
  params: congressParams,
  response: minutesSchema,
});

export const saveMinutesEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/minutes',
  tag: 'decisions',
  summary: 'Edit the draft minutes: title, text and distribution list (分送)',
  allow: OFFICE_ROLES,
  params: congressParams,
  body: z.strictObject({
    title: shortText(200),
    body: z.string().trim().min(1).max(100_000),
    distribution: z.array(shortText(100)).max(200),
  }),
  response: minutesSchema,
});

export const issueMinutesEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/minutes/issue',
  tag: 'decisions',
  summary: 'Issue the minutes: the next number of the year (〔2026〕12号) and the date; no change after',
  allow: OFFICE_ROLES,
  params: congressParams,
  body: z.strictObject({ issuedOn: z.iso.date() }),
  response: minutesSchema,
});

export const minutesPdfEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/minutes.pdf',
  tag: 'decisions',
  summary: 'The minutes as a printable PDF, with the document number and the distribution list',
  allow: CONGRESS_READER_ROLES,
  params: congressParams,
  response: 'file',
});

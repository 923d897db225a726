import * as z from 'zod';
import { type AttendeeGroup, attendeeGroupSchema } from './attendees.ts';
import { congressParams, id, nameText } from './common.ts';
import { congressStatusSchema } from './congress.ts';
import { endpoint } from './endpoint.ts';
import { quorumVerdictSchema } from './quorum.ts';
import { COMMITTEE_READER_ROLES, CONGRESS_READER_ROLES, OFFICE_ROLES } from './roles.ts';

// Meetings of the sitting committee between congresses (§8): plenary sessions (全体会议, numbered
// within the term, optionally enlarged 扩大) and standing committee meetings (常委会会议, numbered
// within the term and within the year). A meeting is a record beside the congresses (its id is a
// congress id), so attendance, sittings, votes and documents work for it as for a congress; its
// roster is taken from the term's register.

/** Which body meets. */
export const COMMITTEES = ['plenary', 'standing-committee'] as const;
export const committeeSchema = z.enum(COMMITTEES);
export type Committee = z.infer<typeof committeeSchema>;

/** When a meeting was held, local time as recorded by the office: `2022-07-20T09:00` (time optional). */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'YYYY-MM-DD or YYYY-MM-DDTHH:MM');

export const meetingSummarySchema = z.strictObject({
  id: z.string(),
  termId: z.string(),
  committee: committeeSchema,
  /** A plenary's number within the term (八届二次全会: 2); a standing committee meeting's too. */
  number: z.number().int(),
  /** A standing committee meeting's number within its year (2026年第12次). */
  yearNumber: z.number().int().nullable(),
  /** 市委八届二次全体(扩大)会议 / 市委常委会2026年第12次会议 */
  title: z.string(),
  titleEn: z.string(),
  enlarged: z.boolean(),
  heldAt: z.string().nullable(),
  venue: z.string().nullable(),
  /** A person (高屹), or a body (市委常委会) for a plenary. */
  presidedBy: z.string().nullable(),
  /** The presiding person's capacity as reported (省委常委、市委书记); null: taken from the register. */
  presidedByCapacity: z.string().nullable(),
  status: congressStatusSchema,
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

/** Who is on the meeting's roster, by what they attend as; counts only. */
export const rosterCountsSchema = z.strictObject({
  /** 应到会成员: members of the committee (plenary) or of the standing committee. */
  membersDue: z.number().int(),
  /** Alternates attending without a vote [M1] (plenaries only). */
  alternates: z.number().int(),
  /** Members of the committee attending a standing committee meeting without being on it. */
  attendees: z.number().int(),
});

export const meetingViewSchema = meetingSummarySchema
  .extend({
    /** The organisation's committee, as the press names it: 市委. */
    committeeShortName: z.string(),
    attendeeGroups: z.array(attendeeGroupSchema),
    /** The meeting's sitting: attendance is taken there. */
    sittingId: z.string(),
    roster: rosterCountsSchema,
    /** [M1]–[M3] whether the meeting may proceed now: [M3] when a cadre topic is on its agenda. */
    quorum: quorumVerdictSchema,
  })
  .strict();
export type MeetingView = z.infer<typeof meetingViewSchema>;

const termParams = z.strictObject({ termId: id });

const meetingFields = {
  heldAt: localDateTime.nullable().optional(),
  venue: z.string().trim().max(100).nullable().optional(),
  presidedBy: nameText(100, { allowEmpty: true }).nullable().optional(),
  presidedByCapacity: z.string().trim().max(100).nullable().optional(),
  enlarged: z.boolean().optional(),
};

export const termMeetingsEndpoint = endpoint({
  method: 'GET',
  path: '/api/terms/:termId/meetings',
  tag: 'meetings',
  summary: "The term's calendar of meetings: plenaries and standing committee meetings, earliest first",
  allow: COMMITTEE_READER_ROLES,
  params: termParams,
  query: z.strictObject({
    year: z.coerce.number().int().min(1949).max(2200).optional(),
    committee: committeeSchema.optional(),
  }),
  response: z.array(meetingSummarySchema),
});

export const createMeetingEndpoint = endpoint({
  method: 'POST',
  path: '/api/terms/:termId/meetings',
  tag: 'meetings',
  summary: 'Record a plenary session or a standing committee meeting; its roster is taken from the register',
  allow: OFFICE_ROLES,
  params: termParams,
  body: z.strictObject({
    committee: committeeSchema,
    ...meetingFields,
    /** Default: the next number in the term (and in the year of heldAt). */
    number: z.number().int().min(1).max(999).optional(),
    yearNumber: z.number().int().min(1).max(999).optional(),
    attendeeGroups: z.array(attendeeGroupSchema).max(30).optional(),
  }),
  response: meetingViewSchema,
});

export const meetingEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/meeting',
  tag: 'meetings',
  summary:
    'A meeting of the committee: when and where, who presided, its attendees by category, roster and quorum',
  allow: CONGRESS_READER_ROLES,
  params: congressParams,
  response: meetingViewSchema,
});

export const updateMeetingEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/congresses/:congressId/meeting',
  tag: 'meetings',
  summary: 'Correct when and where a meeting was held, who presided, whether it was enlarged',
  allow: OFFICE_ROLES,
  params: congressParams,
  body: z.strictObject(meetingFields),
  response: meetingViewSchema,
});

export const refreshRosterEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/meeting/roster',
  tag: 'meetings',
  summary:
    'Take the roster from the register again (after a departure or a succession), before the meeting opens',
  allow: OFFICE_ROLES,
  params: congressParams,
  response: meetingViewSchema,
});

export type { AttendeeGroup };

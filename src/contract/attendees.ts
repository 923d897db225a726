import * as z from 'zod';
import { congressParams, shortText } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ADMIN_ROLES, CONGRESS_READER_ROLES } from './roles.ts';

// Who attends a congress or a meeting without being a delegate or a member, as the reports name
// them: 列席 by category, 应邀参加 / 来宾 by invitation, and the higher committee's guidance groups
// (指导督导组) with what they did (到会指导). Kept in the order the press names them.

export const ATTENDEE_GROUP_KINDS = ['non-voting', 'invited', 'guidance'] as const;
export const attendeeGroupKindSchema = z.enum(ATTENDEE_GROUP_KINDS);

const optionalEnglish = (max: number) => z.string().trim().max(max).nullable().default(null);

export const attendeeGroupSchema = z.strictObject({
  kind: attendeeGroupKindSchema,
  /** 不是市委委员的副厅级以上领导干部; for a guidance group, its members (组长…张秦同志，成员…). */
  category: shortText(500),
  /** The English the news needs. */
  categoryEn: optionalEnglish(1000),
  /** How many attended, when the office counts them. */
  count: z.number().int().min(0).max(100_000).nullable().default(null),
  /** A guidance group's action: 到会指导, 督查指导大会 (default 到会指导). */
  action: z.string().trim().max(100).nullable().default(null),
  actionEn: optionalEnglish(200),
});
export type AttendeeGroup = z.infer<typeof attendeeGroupSchema>;

export const attendeeGroupsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/attendee-groups',
  tag: 'congress',
  summary: 'Non-member attendees by category (列席), invited guests (来宾) and guidance groups (指导组)',
  allow: CONGRESS_READER_ROLES,
  params: congressParams,
  response: z.array(attendeeGroupSchema),
});

export const setAttendeeGroupsEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/attendee-groups',
  tag: 'congress',
  summary:
    'Replace the attendee categories, invited guests and guidance groups, in the order the press names them',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: z.strictObject({ groups: z.array(attendeeGroupSchema).max(30) }),
  response: z.array(attendeeGroupSchema),
});

import * as z from 'zod';
import { id, shortText } from './common.ts';
import { positionSchema, positionViewSchema, termViewSchema } from './congress.ts';
import { endpoint } from './endpoint.ts';
import { meetingSummarySchema } from './meetings.ts';
import { COMMITTEE_READER_ROLES, OFFICE_ROLES } from './roles.ts';

// The term's register (名册): who the committee's members and alternates are, who sits on the
// standing committee, who is secretary and deputy; who left, when and why; who succeeded whom
// ([M5], alternates in the [T6] order). Rows are never deleted once the term is under way: the
// register keeps its history.

/** A calendar date that exists: `2022-07-20`. */
const day = z.iso.date();

/** How a position was filled: elected by the congress or a plenary, by succession ([M5]), or appointed. */
export const POSITION_SOURCES = ['election', 'succession', 'appointment'] as const;
export const positionSourceSchema = z.enum(POSITION_SOURCES);

export const registerEntrySchema = positionViewSchema
  .extend({
    /** The date the person took the position. */
    since: z.string().nullable(),
    /** The date and reason the person left it (调离, 退休, 逝世…); null while they hold it. */
    leftOn: z.string().nullable(),
    leftReason: z.string().nullable(),
    source: positionSourceSchema.nullable(),
    /** [M5] The member's seat a succession fills. */
    succeedsId: z.string().nullable(),
  })
  .strict();
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

/** One person of the term, with every position they hold now. */
export const registerPersonSchema = z.strictObject({
  name: z.string(),
  /** 委员 or 候补委员 (a member's other offices are listed in `offices`). */
  standing: z.enum(['member', 'alternate']),
  /** An alternate's place in the succession order [T6]. */
  alternateRank: z.number().int().nullable(),
  /** 书记, 副书记, 常委, in that order. */
  offices: z.array(positionSchema),
  /** The member or alternate row. */
  entryId: z.string(),
});
export type RegisterPerson = z.infer<typeof registerPersonSchema>;

export const registerSchema = z.strictObject({
  term: termViewSchema,
  counts: z.strictObject({
    members: z.number().int(),
    alternates: z.number().int(),
    standingMembers: z.number().int(),
  }),
  /** Everyone holding a position now, in the published order [T7]: secretary, deputies, standing committee, members, alternates. */
  current: z.array(registerEntrySchema),
  /** Members and alternates: members in surname-stroke order, then alternates in [T6] order. */
  people: z.array(registerPersonSchema),
  /** Positions held earlier in the term, latest departure first. */
  former: z.array(registerEntrySchema),
  /** [M5] Members' seats vacated and not yet filled by succession. */
  vacancies: z.array(registerEntrySchema),
  /** Every meeting of the term, earliest first: plenaries and standing committee meetings. */
  meetings: z.array(meetingSummarySchema),
});
export type Register = z.infer<typeof registerSchema>;

const termParams = z.strictObject({ termId: id });
const entryParams = z.strictObject({ termId: id, positionId: id });

export const registerEndpoint = endpoint({
  method: 'GET',
  path: '/api/terms/:termId/register',
  tag: 'register',
  summary:
    "The term's register: members, alternates in [T6] order, standing committee, who left and who succeeded, and its meetings",
  allow: COMMITTEE_READER_ROLES,
  params: termParams,
  response: registerSchema,
});

export const recordDepartureEndpoint = endpoint({
  method: 'POST',
  path: '/api/terms/:termId/register/:positionId/departure',
  tag: 'register',
  summary:
    'A member or alternate leaves the term (调离, 退休…), with the date and reason; their other offices end with it',
  allow: OFFICE_ROLES,
  params: entryParams,
  body: z.strictObject({ leftOn: day, reason: shortText(100) }),
  response: registerSchema,
});

export const recordSuccessionEndpoint = endpoint({
  method: 'POST',
  path: '/api/terms/:termId/register/:positionId/succession',
  tag: 'register',
  summary:
    "[M5] Fill a vacated member's seat with the first alternate in the [T6] order (递补); pending approval [P6]",
  allow: OFFICE_ROLES,
  params: entryParams,
  body: z.strictObject({ on: day, note: z.string().trim().max(200).optional() }),
  response: registerSchema,
});

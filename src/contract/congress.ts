import * as z from 'zod';
import { congressParams, id, instant, nameText, personName, shortText } from './common.ts';
import { endpoint } from './endpoint.ts';
import {
  bodiesSchema,
  bodyKindSchema,
  bodyMemberInputSchema,
  bodySchema,
  congressImportSchema,
} from './procedure.ts';
import { ruleSetSchema } from './quorum.ts';
import { ADMIN_ROLES, CONGRESS_READER_ROLES, STAFF_READER_ROLES } from './roles.ts';

// Party organisations (党组织), the terms (届) of their committees and discipline commissions with
// the positions in them, and the congresses and plenaries that elect them [P5]–[P7]. The
// congress's bodies (procedure.ts declares their views) and the whole congress as one JSON
// document are set up here too. Organisations and terms are outside any congress: their routes
// check the roles held in every congress ('*').

// ---- vocabularies ------------------------------------------------------------------------------

/** 省级, 市级, 县级, 基层: a parent is a higher level; grassroots organisations may nest. */
export const ORGANISATION_LEVELS = ['province', 'city', 'county', 'grassroots'] as const;
export const organisationLevelSchema = z.enum(ORGANISATION_LEVELS);
export type OrganisationLevel = z.infer<typeof organisationLevelSchema>;

/** 委员会, 纪律检查委员会. */
export const TERM_BODIES = ['committee', 'discipline-commission'] as const;
export const termBodySchema = z.enum(TERM_BODIES);
export type TermBody = z.infer<typeof termBodySchema>;

/** 委员, 候补委员, 常委, 书记, 副书记. */
export const POSITIONS = ['member', 'alternate', 'standing-member', 'secretary', 'deputy-secretary'] as const;
export const positionSchema = z.enum(POSITIONS);
export type Position = z.infer<typeof positionSchema>;

/** [P6] Members and alternates are filed (备案); standing members, secretaries and deputies approved (审批). */
export const REPORTING_STATUSES = ['filed', 'pending-approval', 'approved'] as const;
export const reportingStatusSchema = z.enum(REPORTING_STATUSES);
export type ReportingStatus = z.infer<typeof reportingStatusSchema>;

/**
 * 代表大会, 全体会议, and (migration 0006) a meeting of the standing committee: they share the
 * congresses table.
 */
export const CONGRESS_KINDS = ['congress', 'plenary', 'standing-committee'] as const;
export const congressKindSchema = z.enum(CONGRESS_KINDS);
export type CongressKind = z.infer<typeof congressKindSchema>;

export const CONGRESS_STATUSES = ['preparing', 'in-session', 'closed'] as const;
export const congressStatusSchema = z.enum(CONGRESS_STATUSES);
export type CongressStatus = z.infer<typeof congressStatusSchema>;

/** The rule set follows from what meets: a local congress, a local plenary, or a grassroots organisation. */
export const congressRuleSetSchema = ruleSetSchema.exclude(['custom']);
export type CongressRuleSet = z.infer<typeof congressRuleSetSchema>;

// ---- shared input pieces -----------------------------------------------------------------------

/** A calendar date that exists: `2026-12-04` (not `2026-02-30`). */
export const isoDate = z.iso.date();
const positiveInt = z.number().int().min(1).max(999);

// ---- views -------------------------------------------------------------------------------------

export const organisationViewSchema = z.strictObject({
  id: z.string(),
  /** 中共通辽市委员会 */
  name: z.string(),
  /** The committee's short name in the press: 市委, 省委, 自治区党委, 县委, 党委. */
  shortName: z.string(),
  /** What follows 中国共产党 in a congress title: 通辽市. */
  locality: z.string(),
  level: organisationLevelSchema,
  parentId: z.string().nullable(),
});
export type OrganisationView = z.infer<typeof organisationViewSchema>;

export const termViewSchema = z.strictObject({
  id: z.string(),
  organisationId: z.string(),
  body: termBodySchema,
  number: z.number().int(),
  /** 中国共产党通辽市第六届委员会 */
  title: z.string(),
  /** 第六届委员会 */
  name: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  /** The congress that elected it: same organisation, same number [P7]. */
  electedByCongressId: z.string().nullable(),
});
export type TermView = z.infer<typeof termViewSchema>;

export const positionViewSchema = z.strictObject({
  id: z.string(),
  termId: z.string(),
  personName: z.string(),
  position: positionSchema,
  /** Alternates: place in the succession order [T6]; the others but members: the approved order. */
  rank: z.number().int().nullable(),
  delegateId: z.string().nullable(),
  electionId: z.string().nullable(),
  reportingStatus: reportingStatusSchema.nullable(),
  approvedAt: instant.nullable(),
  approvalNote: z.string().nullable(),
});
export type PositionView = z.infer<typeof positionViewSchema>;

/** A term with its positions in the published order [T7]. */
export const termWithPositionsSchema = termViewSchema
  .extend({ positions: z.array(positionViewSchema) })
  .strict();
export type TermWithPositions = z.infer<typeof termWithPositionsSchema>;

/** [P7] [T6] A vacated seat: the positions the member left and the alternate who succeeded, if any. */
export const vacancySchema = z.strictObject({
  vacated: z.array(positionViewSchema),
  successor: positionViewSchema.nullable(),
});
export type Vacancy = z.infer<typeof vacancySchema>;

/** What anyone may read: the published basics, nothing about delegates or procedure. */
export const congressBasicsSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  venue: z.string().nullable(),
});
export type CongressBasics = z.infer<typeof congressBasicsSchema>;

export const congressViewSchema = congressBasicsSchema
  .extend({
    organisationId: z.string(),
    organisationName: z.string(),
    kind: congressKindSchema,
    /** N of 第N次代表大会; for a plenary, the number of its term. */
    number: z.number().int(),
    /** M of N届M次全会. */
    plenaryNumber: z.number().int().nullable(),
    termId: z.string().nullable(),
    /** 第十三次代表大会, or for a plenary the press form 市委十三届一次全会. */
    name: z.string(),
    theme: z.string().nullable(),
    themeEn: z.string().nullable(),
    mainTasks: z.string().nullable(),
    mainTasksEn: z.string().nullable(),
    ruleSet: congressRuleSetSchema,
    status: congressStatusSchema,
    secretaryGeneral: z.string().nullable(),
    createdAt: instant,
    /** For a congress: the first plenary of the committee it elected, once prepared [P5]. */
    firstPlenaryId: z.string().nullable(),
  })
  .strict();
export type CongressView = z.infer<typeof congressViewSchema>;

// ---- inputs ------------------------------------------------------------------------------------

const organisationBody = z.strictObject({
  name: nameText(100),
  shortName: nameText(20),
  locality: shortText(50),
  level: organisationLevelSchema,
  parentId: z.string().min(1).nullable().optional(),
});
export type OrganisationInput = z.output<typeof organisationBody>;

const termBody = z.strictObject({
  body: termBodySchema,
  number: positiveInt,
  startedOn: isoDate,
  endedOn: isoDate.nullable().optional(),
  electedByCongressId: z.string().min(1).nullable().optional(),
});
export type TermInput = z.output<typeof termBody>;
const termPatchBody = termBody.pick({ startedOn: true, endedOn: true, electedByCongressId: true }).partial();
export type TermPatch = z.output<typeof termPatchBody>;

const positionBody = z.strictObject({
  personName: personName(50),
  position: positionSchema,
  /** Alternates: place in the succession order; the others: place in the approved order. Default: last. */
  rank: positiveInt.nullable().optional(),
  delegateId: z.string().min(1).nullable().optional(),
  electionId: z.string().min(1).nullable().optional(),
});
export type PositionInput = z.output<typeof positionBody>;

const alternateStanding = z.strictObject({
  personName: personName(50),
  /** Votes for in the election that chose them. */
  votes: z.number().int().min(0).max(1_000_000),
  delegateId: z.string().min(1).nullable().optional(),
  electionId: z.string().min(1).nullable().optional(),
});
export type AlternateStanding = z.output<typeof alternateStanding>;

const congressCommon = {
  title: shortText(200).optional(),
  theme: z.string().trim().max(500).nullable().optional(),
  /** The theme in English, for the English reports. */
  themeEn: z.string().trim().max(1000).nullable().optional(),
  /** 大会的主要任务是，…: what the congress is to do (seed 002), and its English. */
  mainTasks: z.string().trim().max(2000).nullable().optional(),
  mainTasksEn: z.string().trim().max(4000).nullable().optional(),
  venue: z.string().trim().max(200).nullable().optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
};
const congressPatchBody = z.strictObject(congressCommon);
export type CongressPatch = z.output<typeof congressPatchBody>;

const newCongressBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('congress'),
    organisationId: z.string().min(1),
    /** N of 第N次代表大会; it elects the Nth term [P7]. */
    number: positiveInt,
    ...congressCommon,
  }),
  z.strictObject({
    kind: z.literal('plenary'),
    termId: z.string().min(1),
    /** M of N届M次全会. */
    plenaryNumber: positiveInt,
    ...congressCommon,
  }),
]);
export type NewCongress = z.output<typeof newCongressBody>;

const organisationParams = z.strictObject({ organisationId: id });
const termParams = z.strictObject({ termId: id });
const positionParams = z.strictObject({ termId: id, positionId: id });

// ---- organisations and terms (not congress-scoped: roles held in every congress) ---------------

export const organisationsEndpoint = endpoint({
  method: 'GET',
  path: '/api/organisations',
  tag: 'congress',
  summary: 'Party organisations (党组织), higher levels first',
  allow: STAFF_READER_ROLES,
  response: z.array(organisationViewSchema),
});

export const createOrganisationEndpoint = endpoint({
  method: 'POST',
  path: '/api/organisations',
  tag: 'congress',
  summary: 'Create an organisation under its parent',
  allow: ADMIN_ROLES,
  body: organisationBody,
  response: organisationViewSchema,
});

export const organisationEndpoint = endpoint({
  method: 'GET',
  path: '/api/organisations/:organisationId',
  tag: 'congress',
  summary: 'One organisation',
  allow: STAFF_READER_ROLES,
  params: organisationParams,
  response: organisationViewSchema,
});

export const updateOrganisationEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/organisations/:organisationId',
  tag: 'congress',
  summary: 'Edit an organisation',
  allow: ADMIN_ROLES,
  params: organisationParams,
  body: organisationBody.partial(),
  response: organisationViewSchema,
});

export const termsEndpoint = endpoint({
  method: 'GET',
  path: '/api/organisations/:organisationId/terms',
  tag: 'congress',
  summary: 'Terms (届) of the committee and the discipline commission',
  // A unit's staff find the term of their follow-up board and topic requests here.
  allow: [...STAFF_READER_ROLES, 'unit'],
  params: organisationParams,
  response: z.array(termViewSchema),
});

export const createTermEndpoint = endpoint({
  method: 'POST',
  path: '/api/organisations/:organisationId/terms',
  tag: 'congress',
  summary: 'Create a term; the Nth congress elects the Nth term [P7]',
  allow: ADMIN_ROLES,
  params: organisationParams,
  body: termBody,
  response: termViewSchema,
});

export const termEndpoint = endpoint({
  method: 'GET',
  path: '/api/terms/:termId',
  tag: 'congress',
  summary: 'A term with its positions in published order [T7]',
  allow: STAFF_READER_ROLES,
  params: termParams,
  response: termWithPositionsSchema,
});

export const updateTermEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/terms/:termId',
  tag: 'congress',
  summary: 'Edit a term (dates, electing congress)',
  allow: ADMIN_ROLES,
  params: termParams,
  body: termPatchBody,
  response: termViewSchema,
});

export const addPositionEndpoint = endpoint({
  method: 'POST',
  path: '/api/terms/:termId/positions',
  tag: 'congress',
  summary: 'Add a member, alternate, standing committee member, secretary or deputy [P6]',
  allow: ADMIN_ROLES,
  params: termParams,
  body: positionBody,
  response: positionViewSchema,
});

export const setAlternatesEndpoint = endpoint({
  method: 'PUT',
  path: '/api/terms/:termId/alternates',
  tag: 'congress',
  summary: 'Set the alternates, ranked by votes then strokes: the succession order [T6]',
  allow: ADMIN_ROLES,
  params: termParams,
  body: z.strictObject({ alternates: z.array(alternateStanding).max(500) }),
  response: z.array(positionViewSchema),
});

export const removePositionEndpoint = endpoint({
  method: 'DELETE',
  path: '/api/terms/:termId/positions/:positionId',
  tag: 'congress',
  summary: 'Remove a position entered by mistake',
  allow: ADMIN_ROLES,
  params: positionParams,
  response: 'empty',
});

export const approvePositionEndpoint = endpoint({
  method: 'POST',
  path: '/api/terms/:termId/positions/:positionId/approve',
  tag: 'congress',
  summary: "Record the higher committee's approval (审批) [P6]",
  allow: ADMIN_ROLES,
  params: positionParams,
  body: z.strictObject({ note: shortText(500) }),
  response: positionViewSchema,
});

export const vacatePositionEndpoint = endpoint({
  method: 'POST',
  path: '/api/terms/:termId/positions/:positionId/vacate',
  tag: 'congress',
  summary: "A member's seat falls vacant; the first alternate succeeds [P7] [T6]",
  allow: ADMIN_ROLES,
  params: positionParams,
  response: vacancySchema,
});

// ---- congresses and plenaries ------------------------------------------------------------------

export const congressesEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses',
  tag: 'congress',
  summary: 'The public list of congresses: title, dates, venue',
  allow: 'anyone',
  response: z.array(congressBasicsSchema),
});

export const createCongressEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses',
  tag: 'congress',
  summary: 'Create a congress (第N次代表大会) or a plenary (N届M次全会) [P7]',
  allow: ADMIN_ROLES,
  body: newCongressBody,
  response: congressViewSchema,
});

export const importCongressEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/import',
  tag: 'congress',
  summary: 'Import a congress exported as one JSON document (into a database without it)',
  allow: ADMIN_ROLES,
  bodyLimit: 200 * 1024 * 1024,
  // The document is validated by the service (zod, scope and columns), not here.
  body: z.unknown(),
  response: congressImportSchema,
});

export const publicCongressEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/public',
  tag: 'congress',
  summary: 'The published basics of one congress',
  allow: 'anyone',
  params: congressParams,
  response: congressBasicsSchema,
});

export const congressEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId',
  tag: 'congress',
  summary: 'A congress or plenary: numbering, rule set, status, secretary-general',
  allow: CONGRESS_READER_ROLES,
  params: congressParams,
  response: congressViewSchema,
});

export const updateCongressEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/congresses/:congressId',
  tag: 'congress',
  summary: 'Edit title, theme, venue and dates',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: congressPatchBody,
  response: congressViewSchema,
});

export const closeCongressEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/close',
  tag: 'congress',
  summary: 'Close the congress (闭幕) once every sitting is closed',
  allow: ADMIN_ROLES,
  params: congressParams,
  response: congressViewSchema,
});

export const bodiesEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/bodies',
  tag: 'congress',
  summary: 'Presidium, its standing committee, credentials committee; the ~10% guide [P3]',
  allow: CONGRESS_READER_ROLES,
  params: congressParams,
  response: bodiesSchema,
});

export const setBodyMembersEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/bodies/:body',
  tag: 'congress',
  summary: "Set a body's members (delegates of this congress) [P3]",
  allow: ADMIN_ROLES,
  params: congressParams.extend({ body: bodyKindSchema }).strict(),
  body: z.strictObject({
    members: z
      .array(bodyMemberInputSchema.extend({ rank: positiveInt.nullable().optional() }).strict())
      .max(5000),
  }),
  response: bodySchema,
});

export const exportCongressEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/export',
  tag: 'congress',
  summary: 'The whole congress as one JSON document',
  allow: ADMIN_ROLES,
  params: congressParams,
  // A download (content-disposition: attachment) of procedure.ts's congressDocumentSchema.
  response: 'file',
});

import * as z from 'zod';
import { sittingStatusSchema } from './attendance.ts';
import { congressParams, id, instant, nameText, personName, shortText, sittingParams } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ADMIN_ROLES, CONGRESS_READER_ROLES, PRESIDING_DESK_ROLES } from './roles.ts';

// The procedure of a congress: sittings (会次) and their executive chairs, the agenda (reports,
// written reports, adoption votes) and the votes themselves; the congress's bodies (presidium,
// its standing committee, the credentials committee) and what adopting a vote sets; the whole
// congress as one JSON document. The presiding officer's desk opens and closes sittings and
// votes; administrators set everything up; delegates read and vote.

// ---- vocabularies ------------------------------------------------------------------------------

/** 预备会议, 开幕大会, 全体会议, 闭幕大会, 主席团会议, 代表团讨论. */
export const SITTING_KINDS = [
  'preparatory',
  'opening',
  'plenary',
  'closing',
  'presidium',
  'delegation-discussion',
] as const;
export const sittingKindSchema = z.enum(SITTING_KINDS);
export type SittingKind = z.infer<typeof sittingKindSchema>;
/** [P3] Executive chairs (大会执行主席) preside over the opening, plenary and closing sittings only. */
export const CHAIRED_SITTING_KINDS = [
  'opening',
  'plenary',
  'closing',
] as const satisfies readonly SittingKind[];
export type SittingStatus = z.infer<typeof sittingStatusSchema>;

/** Reports delivered (工作报告), written reports distributed (书面报告), adoption votes, elections, anything else. */
export const AGENDA_KINDS = ['report', 'written-report', 'adoption-vote', 'election', 'other'] as const;
export const agendaKindSchema = z.enum(AGENDA_KINDS);
export type AgendaKind = z.infer<typeof agendaKindSchema>;

/** counts: entered by hand; electronic: cast by the delegates present. */
export const VOTE_MODES = ['counts', 'electronic'] as const;
export const voteModeSchema = z.enum(VOTE_MODES);
export type VoteMode = z.infer<typeof voteModeSchema>;

/** What "more than half" counts against: those present, or [P4] the expected electors. */
export const VOTE_BASES = ['present', 'expected'] as const;
export const voteBasisSchema = z.enum(VOTE_BASES);
export type VoteBasis = z.infer<typeof voteBasisSchema>;

/** prepared with its agenda item, voting once opened, closed with its result. */
export const VOTE_STATES = ['prepared', 'voting', 'closed'] as const;
export const voteStateSchema = z.enum(VOTE_STATES);
export type VoteState = z.infer<typeof voteStateSchema>;

/** 赞成 / 不赞成 / 弃权. */
export const ADOPTION_CHOICES = ['for', 'against', 'abstain'] as const;
export const adoptionChoiceSchema = z.enum(ADOPTION_CHOICES);
export type AdoptionChoice = z.infer<typeof adoptionChoiceSchema>;

/** [P3] 主席团, 主席团常务委员会, 代表资格审查委员会. */
export const BODY_KINDS = ['presidium', 'presidium-standing-committee', 'credentials-committee'] as const;
export const bodyKindSchema = z.enum(BODY_KINDS);
export type BodyKind = z.infer<typeof bodyKindSchema>;

export const BODY_ROLES = ['chair', 'deputy-chair', 'member'] as const;
export const bodyRoleSchema = z.enum(BODY_ROLES);
export type BodyRole = z.infer<typeof bodyRoleSchema>;

// ---- bodies and proposals ----------------------------------------------------------------------

/** A member of a body as a list names them. */
export const bodyMemberInputSchema = z.strictObject({
  delegateId: z.string().min(1),
  role: bodyRoleSchema.optional(),
  /** The order the list is read out in, when it is not surname-stroke order. */
  rank: z.number().int().min(1).nullable().optional(),
});
export type BodyMemberInput = z.infer<typeof bodyMemberInputSchema>;

/**
 * What adopting an adoption vote sets. The preparatory meeting (预备会议) adopts the presidium
 * list, the secretary-general, the credentials committee list and the agenda [P3]; the
 * presidium's first meeting adopts its standing committee; a full sitting adopts the election
 * method [P4] and the scrutineers of its elections [P1]. Reports and decisions have no proposal:
 * adopting them is the record.
 */
export const proposalSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('body'),
    body: bodyKindSchema,
    members: z.array(bodyMemberInputSchema).min(1).max(5000),
  }),
  z.strictObject({ kind: z.literal('secretary-general'), name: personName(50) }),
  z.strictObject({ kind: z.literal('agenda') }),
  z.strictObject({ kind: z.literal('election-method'), methodId: z.string().min(1).optional() }),
  /**
   * [P1] The list of the chief scrutineer, deputy and scrutineers of the sitting's elections
   * (总监票人、副总监票人和监票人名单): until the sitting adopts it, none of its elections opens a round.
   */
  z.strictObject({ kind: z.literal('scrutineers') }),
]);
export type Proposal = z.output<typeof proposalSchema>;

export const bodyMemberSchema = z.strictObject({
  delegateId: z.string(),
  name: z.string(),
  code: z.string(),
  delegation: z.string().nullable(),
  /** chair, deputy-chair or member, as stored (a congress document is copied as it was). */
  role: z.string(),
  rank: z.number().int().nullable(),
});
export type BodyMember = z.infer<typeof bodyMemberSchema>;

/** A body's members: chair, deputies, then members; an explicit rank first; otherwise surname-stroke order. */
export const bodySchema = z.strictObject({ body: bodyKindSchema, members: z.array(bodyMemberSchema) });
export type BodyView = z.infer<typeof bodySchema>;

export const bodiesSchema = z.strictObject({
  bodies: z.array(bodySchema),
  /** [P3] about 10% of the delegates: shown, never enforced. */
  presidiumGuide: z.strictObject({
    rule: z.literal('P3'),
    delegates: z.number().int(),
    suggested: z.number().int(),
    actual: z.number().int(),
  }),
});
export type BodiesView = z.infer<typeof bodiesSchema>;

// ---- sittings ----------------------------------------------------------------------------------

/** An executive chair (大会执行主席) of a sitting [P3], in the order they are announced. */
export const chairSchema = z.strictObject({
  delegateId: z.string(),
  name: z.string(),
  rank: z.number().int().nullable(),
});
export type ChairView = z.infer<typeof chairSchema>;

export const sittingSchema = z.strictObject({
  id: z.string(),
  congressId: z.string(),
  kind: sittingKindSchema,
  title: z.string(),
  status: sittingStatusSchema,
  sortOrder: z.number().int(),
  /** ISO-8601 UTC times. */
  startsAt: instant.nullable(),
  endsAt: instant.nullable(),
  venue: z.string().nullable(),
  /** Who presides (主持), as announced: 郭玉峰. */
  presiding: z.string().nullable(),
  openedAt: instant.nullable(),
  closedAt: instant.nullable(),
  chairs: z.array(chairSchema),
});
export type SittingView = z.infer<typeof sittingSchema>;

// ---- adoption votes and the agenda -------------------------------------------------------------

/**
 * An adoption vote (表决): prepared with its agenda item, opened (expected and present are
 * recorded then), closed with its result. Basis 'present': adopted when votes for are more than
 * half of those present; 'expected' ([P4], the election method): of the expected electors.
 */
export const adoptionVoteSchema = z.strictObject({
  id: z.string(),
  agendaItemId: z.string(),
  sittingId: z.string(),
  /** What is put to the vote, as read out. */
  subject: z.string(),
  mode: voteModeSchema,
  basis: voteBasisSchema,
  proposal: proposalSchema.nullable(),
  state: voteStateSchema,
  /** 应到: electors with a vote, recorded when the vote opens. */
  expected: z.number().int().nullable(),
  /** 实到: of them, present at the sitting when the vote opens. */
  present: z.number().int().nullable(),
  /** Electronic votes: how many have voted so far (never how). */
  voted: z.number().int(),
  /** The counts, once closed. */
  votesFor: z.number().int().nullable(),
  votesAgainst: z.number().int().nullable(),
  votesAbstain: z.number().int().nullable(),
  adopted: z.boolean().nullable(),
  /** The fewest votes for that adopt it, once opened. */
  minimumFor: z.number().int().nullable(),
  rule: z.literal('P4').nullable(),
  openedAt: instant.nullable(),
  closedAt: instant.nullable(),
});
export type AdoptionVoteView = z.infer<typeof adoptionVoteSchema>;

/** A vote as one caller sees it: a delegate also learns whether they have voted. */
export const adoptionVoteForCallerSchema = adoptionVoteSchema
  .extend({ youVoted: z.boolean().optional() })
  .strict();
export type AdoptionVoteForCaller = z.infer<typeof adoptionVoteForCallerSchema>;

/** A document of an agenda item: a page of this site, or an https address. */
export const attachmentSchema = z.strictObject({ name: z.string(), url: z.string() });
export type Attachment = z.infer<typeof attachmentSchema>;

export const agendaItemSchema = z.strictObject({
  id: z.string(),
  sittingId: z.string(),
  kind: agendaKindSchema,
  title: z.string(),
  sortOrder: z.number().int(),
  presenter: z.string().nullable(),
  /** The text of a report, for the delegates to read. */
  body: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  /** An adoption-vote item's vote; null for any other item (or one entered without its vote). */
  vote: adoptionVoteSchema.nullable(),
});
export type AgendaItemView = z.infer<typeof agendaItemSchema>;

/** An electronic ballot's receipt: random, carrying nothing of who voted. */
export const adoptionReceiptSchema = z.strictObject({ receipt: z.string() });

// ---- inputs ------------------------------------------------------------------------------------

const isoTime = z.iso.datetime();
const sittingFields = {
  title: shortText(200).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  startsAt: isoTime.nullable().optional(),
  endsAt: isoTime.nullable().optional(),
  venue: z.string().trim().max(200).nullable().optional(),
  presiding: nameText(100, { allowEmpty: true }).nullable().optional(),
};
const newSittingSchema = z.strictObject({ kind: sittingKindSchema, ...sittingFields });
const sittingPatchSchema = z.strictObject(sittingFields);
export type SittingInput = z.output<typeof newSittingSchema>;
export type SittingPatch = z.output<typeof sittingPatchSchema>;

const attachmentInput = z.strictObject({
  name: shortText(200),
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^(https:\/\/|\/(?!\/))\S+$/, 'https:// or /'),
});

/** How an adoption vote is taken and what adopting it sets. */
const voteSettingsSchema = z.strictObject({
  mode: voteModeSchema,
  /** Default 'present'; 'expected' for the election method [P4]. */
  basis: voteBasisSchema.optional(),
  /** What is put to the vote, as read out; default the item's title. */
  subject: shortText(200).optional(),
  proposal: proposalSchema.nullable().optional(),
});
export type VoteSettings = z.output<typeof voteSettingsSchema>;

const itemFields = {
  title: shortText(200),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  presenter: nameText(100, { allowEmpty: true }).nullable().optional(),
  body: z.string().max(500_000).nullable().optional(),
  attachments: z.array(attachmentInput).max(50).optional(),
  /** Required for an adoption-vote item, refused for any other. */
  vote: voteSettingsSchema.optional(),
};
const newAgendaItemSchema = z.strictObject({ kind: agendaKindSchema, ...itemFields });
const agendaItemPatchSchema = z.strictObject(itemFields).partial();
export type AgendaItemInput = z.output<typeof newAgendaItemSchema>;
export type AgendaItemPatch = z.output<typeof agendaItemPatchSchema>;

const count = z.number().int().min(0).max(100_000);
const itemParams = congressParams.extend({ itemId: id }).strict();
const voteParams = congressParams.extend({ voteId: id }).strict();

// ---- endpoints: sittings -----------------------------------------------------------------------

export const sittingsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/sittings',
  tag: 'procedure',
  summary: 'Sittings in order, with their executive chairs',
  allow: CONGRESS_READER_ROLES,
  params: congressParams,
  response: z.array(sittingSchema),
});

export const createSittingEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/sittings',
  tag: 'procedure',
  summary: 'Schedule a sitting (preparatory, opening, plenary, closing, presidium, delegation discussion)',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: newSittingSchema,
  response: sittingSchema,
});

export const sittingEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/sittings/:sittingId',
  tag: 'procedure',
  summary: 'One sitting',
  allow: CONGRESS_READER_ROLES,
  params: sittingParams,
  response: sittingSchema,
});

export const updateSittingEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/congresses/:congressId/sittings/:sittingId',
  tag: 'procedure',
  summary: 'Edit a sitting that has not closed',
  allow: ADMIN_ROLES,
  params: sittingParams,
  body: sittingPatchSchema,
  response: sittingSchema,
});

export const deleteSittingEndpoint = endpoint({
  method: 'DELETE',
  path: '/api/congresses/:congressId/sittings/:sittingId',
  tag: 'procedure',
  summary: 'Remove a scheduled sitting with nothing recorded',
  allow: ADMIN_ROLES,
  params: sittingParams,
  response: 'empty',
});

export const openSittingEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/sittings/:sittingId/open',
  tag: 'procedure',
  summary: 'Open a scheduled sitting',
  allow: PRESIDING_DESK_ROLES,
  params: sittingParams,
  response: sittingSchema,
});

export const closeSittingEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/sittings/:sittingId/close',
  tag: 'procedure',
  summary: 'Close an open sitting (its votes must be closed)',
  allow: PRESIDING_DESK_ROLES,
  params: sittingParams,
  response: sittingSchema,
});

export const setChairsEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/sittings/:sittingId/chairs',
  tag: 'procedure',
  summary: 'Executive chairs (大会执行主席) of a sitting, presidium members only [P3]',
  allow: ADMIN_ROLES,
  params: sittingParams,
  body: z.strictObject({ delegateIds: z.array(z.string().min(1)).max(100) }),
  response: sittingSchema,
});

// ---- endpoints: the agenda ---------------------------------------------------------------------

export const agendaEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/sittings/:sittingId/agenda',
  tag: 'procedure',
  summary: 'The agenda of a sitting: reports, documents and votes',
  allow: CONGRESS_READER_ROLES,
  params: sittingParams,
  response: z.array(agendaItemSchema),
});

export const createAgendaItemEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/sittings/:sittingId/agenda',
  tag: 'procedure',
  summary: 'Add an agenda item (an adoption vote with its mode, basis and proposal)',
  allow: ADMIN_ROLES,
  params: sittingParams,
  body: newAgendaItemSchema,
  response: agendaItemSchema,
});

export const agendaItemEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/agenda/:itemId',
  tag: 'procedure',
  summary: 'One agenda item with its document',
  allow: CONGRESS_READER_ROLES,
  params: itemParams,
  response: agendaItemSchema,
});

export const updateAgendaItemEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/congresses/:congressId/agenda/:itemId',
  tag: 'procedure',
  summary: 'Edit an agenda item (vote settings only before the vote opens)',
  allow: ADMIN_ROLES,
  params: itemParams,
  body: agendaItemPatchSchema,
  response: agendaItemSchema,
});

export const deleteAgendaItemEndpoint = endpoint({
  method: 'DELETE',
  path: '/api/congresses/:congressId/agenda/:itemId',
  tag: 'procedure',
  summary: 'Remove an agenda item whose vote has not opened',
  allow: ADMIN_ROLES,
  params: itemParams,
  response: 'empty',
});

// ---- endpoints: adoption votes -----------------------------------------------------------------

export const adoptionVoteEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/adoption-votes/:voteId',
  tag: 'procedure',
  summary: 'An adoption vote: state, expected/present, result (and whether you voted)',
  allow: CONGRESS_READER_ROLES,
  params: voteParams,
  response: adoptionVoteForCallerSchema,
});

export const openVoteEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/adoption-votes/:voteId/open',
  tag: 'procedure',
  summary: 'Open the vote; expected and present are recorded now',
  allow: PRESIDING_DESK_ROLES,
  params: voteParams,
  /** A count by hand may give the number present the secretariat counted. */
  body: z.strictObject({ present: count.optional() }),
  response: adoptionVoteSchema,
});

export const closeVoteEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/adoption-votes/:voteId/close',
  tag: 'procedure',
  summary: 'Close the vote with its result (counts entered for a vote by hand) [P4]',
  allow: PRESIDING_DESK_ROLES,
  params: voteParams,
  /** Counts by hand come as all three or not at all (the server says which is missing). */
  body: z.strictObject({ votesFor: count, votesAgainst: count, votesAbstain: count }).partial(),
  response: adoptionVoteSchema,
});

export const castAdoptionBallotEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/adoption-votes/:voteId/ballots',
  tag: 'procedure',
  summary: 'Vote for, against or abstain (a delegate present at the sitting, once)',
  allow: ['delegate'],
  params: voteParams,
  body: z.strictObject({ choice: adoptionChoiceSchema }),
  response: adoptionReceiptSchema,
});

// ---- the congress as one document --------------------------------------------------------------

export const DOCUMENT_FORMAT = 'plenum-congress';
export const DOCUMENT_VERSION = 1;

const cell = z.union([z.string(), z.number().finite(), z.null()]);

/**
 * One congress as one JSON document: every row that belongs to it, table by table (columns in
 * name order, cells of text, integers and null), to move a congress between installations
 * (SQLite ↔ PostgreSQL) or keep it on record.
 */
export const congressDocumentSchema = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(DOCUMENT_VERSION),
  schemaVersion: z.string().min(1),
  congressId: z.string().min(1),
  tables: z.record(z.string(), z.array(z.record(z.string(), cell))),
});
export type CongressDocument = z.infer<typeof congressDocumentSchema>;

/** What an import loaded: the congress and the rows written, by table. */
export const congressImportSchema = z.strictObject({
  congressId: z.string(),
  rows: z.record(z.string(), z.number().int()),
});
export type CongressImport = z.infer<typeof congressImportSchema>;

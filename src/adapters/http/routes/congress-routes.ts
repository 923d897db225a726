import { z } from 'zod';
import {
  BODY_KINDS,
  BODY_ROLES,
  type BodyKind,
  type BodyRole,
  listBodies,
  setBodyMembers,
} from '../../../services/congress/bodies.ts';
import { exportCongress, importCongress } from '../../../services/congress/congress-document.ts';
import {
  closeCongress,
  createCongress,
  getCongress,
  getCongressBasics,
  listCongressBasics,
  updateCongress,
} from '../../../services/congress/congresses.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  ORGANISATION_LEVELS,
  type OrganisationLevel,
  updateOrganisation,
} from '../../../services/congress/organisations.ts';
import {
  addPosition,
  approvePosition,
  fillVacancy,
  POSITIONS,
  type Position,
  removePosition,
  setAlternates,
} from '../../../services/congress/term-positions.ts';
import { createTerm, getTerm, listTerms, updateTerm } from '../../../services/congress/terms.ts';
import type { Role } from '../../db/congress-schema.ts';
import { route } from '../route.ts';

// Organisations, terms and their positions; congresses and plenaries; the congress's bodies;
// the whole congress as one JSON document.

/** Staff who work a congress read its set-up and lists. */
export const STAFF_READERS: readonly Role[] = ['admin', 'presiding', 'check-in', 'teller', 'scrutineer'];
/** …and a delegate reads the sittings, agenda and documents of their own congress. */
export const CONGRESS_READERS: readonly Role[] = [...STAFF_READERS, 'delegate'];
export const ADMIN: readonly Role[] = ['admin'];

export const congressParams = z.strictObject({ congressId: z.string().min(1).max(64) });
const organisationParams = z.strictObject({ organisationId: z.string().min(1).max(64) });
const termParams = z.strictObject({ termId: z.string().min(1).max(64) });
const positionParams = z.strictObject({
  termId: z.string().min(1).max(64),
  positionId: z.string().min(1).max(64),
});

export const shortText = (max = 100) => z.string().trim().min(1).max(max);
export const isoDate = z.iso.date();
const positiveInt = z.number().int().min(1).max(999);

const organisationBody = z.strictObject({
  name: shortText(),
  shortName: shortText(20),
  locality: shortText(50),
  level: z.enum(ORGANISATION_LEVELS as [OrganisationLevel, ...OrganisationLevel[]]),
  parentId: z.string().min(1).nullable().optional(),
});

const termBody = z.strictObject({
  body: z.enum(['committee', 'discipline-commission']),
  number: positiveInt,
  startedOn: isoDate,
  endedOn: isoDate.nullable().optional(),
  electedByCongressId: z.string().min(1).nullable().optional(),
});

const congressCommon = {
  title: shortText(200).optional(),
  theme: z.string().trim().max(500).nullable().optional(),
  venue: z.string().trim().max(200).nullable().optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
};

const newCongressBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('congress'),
    organisationId: z.string().min(1),
    number: positiveInt,
    ...congressCommon,
  }),
  z.strictObject({
    kind: z.literal('plenary'),
    termId: z.string().min(1),
    plenaryNumber: positiveInt,
    ...congressCommon,
  }),
]);

export const congressRoutes = [
  // ---- organisations and terms (not congress-scoped: roles held in every congress) ----
  route({
    method: 'GET',
    url: '/api/organisations',
    tag: 'congress',
    summary: 'Party organisations (党组织), higher levels first',
    allow: STAFF_READERS,
    handler: async ({ context }) => listOrganisations(context),
  }),
  route({
    method: 'POST',
    url: '/api/organisations',
    tag: 'congress',
    summary: 'Create an organisation under its parent',
    allow: ADMIN,
    body: organisationBody,
    handler: async ({ context, actor, body }) => createOrganisation(context, actor, body),
  }),
  route({
    method: 'GET',
    url: '/api/organisations/:organisationId',
    tag: 'congress',
    summary: 'One organisation',
    allow: STAFF_READERS,
    params: organisationParams,
    handler: async ({ context, params }) => getOrganisation(context, params.organisationId),
  }),
  route({
    method: 'PATCH',
    url: '/api/organisations/:organisationId',
    tag: 'congress',
    summary: 'Edit an organisation',
    allow: ADMIN,
    params: organisationParams,
    body: organisationBody.partial(),
    handler: async ({ context, actor, params, body }) =>
      updateOrganisation(context, actor, params.organisationId, body),
  }),
  route({
    method: 'GET',
    url: '/api/organisations/:organisationId/terms',
    tag: 'congress',
    summary: 'Terms (届) of the committee and the discipline commission',
    allow: STAFF_READERS,
    params: organisationParams,
    handler: async ({ context, params }) => listTerms(context, params.organisationId),
  }),
  route({
    method: 'POST',
    url: '/api/organisations/:organisationId/terms',
    tag: 'congress',
    summary: 'Create a term; the Nth congress elects the Nth term [P7]',
    allow: ADMIN,
    params: organisationParams,
    body: termBody,
    handler: async ({ context, actor, params, body }) =>
      createTerm(context, actor, params.organisationId, body),
  }),
  route({
    method: 'GET',
    url: '/api/terms/:termId',
    tag: 'congress',
    summary: 'A term with its positions in published order [T7]',
    allow: STAFF_READERS,
    params: termParams,
    handler: async ({ context, params }) => getTerm(context, params.termId),
  }),
  route({
    method: 'PATCH',
    url: '/api/terms/:termId',
    tag: 'congress',
    summary: 'Edit a term (dates, electing congress)',
    allow: ADMIN,
    params: termParams,
    body: termBody.pick({ startedOn: true, endedOn: true, electedByCongressId: true }).partial(),
    handler: async ({ context, actor, params, body }) => updateTerm(context, actor, params.termId, body),
  }),
  route({
    method: 'POST',
    url: '/api/terms/:termId/positions',
    tag: 'congress',
    summary: 'Add a member, alternate, standing committee member, secretary or deputy [P6]',
    allow: ADMIN,
    params: termParams,
    body: z.strictObject({
      personName: shortText(50),
      position: z.enum(POSITIONS as [Position, ...Position[]]),
      rank: positiveInt.nullable().optional(),
      delegateId: z.string().min(1).nullable().optional(),
      electionId: z.string().min(1).nullable().optional(),
    }),
    handler: async ({ context, actor, params, body }) => addPosition(context, actor, params.termId, body),
  }),
  route({
    method: 'PUT',
    url: '/api/terms/:termId/alternates',
    tag: 'congress',
    summary: 'Set the alternates, ranked by votes then strokes: the succession order [T6]',
    allow: ADMIN,
    params: termParams,
    body: z.strictObject({
      alternates: z
        .array(
          z.strictObject({
            personName: shortText(50),
            votes: z.number().int().min(0).max(1_000_000),
            delegateId: z.string().min(1).nullable().optional(),
            electionId: z.string().min(1).nullable().optional(),
          }),
        )
        .max(500),
    }),
    handler: async ({ context, actor, params, body }) =>
      setAlternates(context, actor, params.termId, body.alternates),
  }),
  route({
    method: 'DELETE',
    url: '/api/terms/:termId/positions/:positionId',
    tag: 'congress',
    summary: 'Remove a position entered by mistake',
    allow: ADMIN,
    params: positionParams,
    handler: async ({ context, actor, params }) =>
      removePosition(context, actor, params.termId, params.positionId),
  }),
  route({
    method: 'POST',
    url: '/api/terms/:termId/positions/:positionId/approve',
    tag: 'congress',
    summary: "Record the higher committee's approval (审批) [P6]",
    allow: ADMIN,
    params: positionParams,
    body: z.strictObject({ note: shortText(500) }),
    handler: async ({ context, actor, params, body }) =>
      approvePosition(context, actor, params.termId, params.positionId, body.note),
  }),
  route({
    method: 'POST',
    url: '/api/terms/:termId/positions/:positionId/vacate',
    tag: 'congress',
    summary: "A member's seat falls vacant; the first alternate succeeds [P7] [T6]",
    allow: ADMIN,
    params: positionParams,
    handler: async ({ context, actor, params }) =>
      fillVacancy(context, actor, params.termId, params.positionId),
  }),

  // ---- congresses and plenaries ----
  route({
    method: 'GET',
    url: '/api/congresses',
    tag: 'congress',
    summary: 'The public list of congresses: title, dates, venue',
    allow: 'anyone',
    handler: async ({ context }) => listCongressBasics(context),
  }),
  route({
    method: 'POST',
    url: '/api/congresses',
    tag: 'congress',
    summary: 'Create a congress (第N次代表大会) or a plenary (N届M次全会) [P7]',
    allow: ADMIN,
    body: newCongressBody,
    handler: async ({ context, actor, body }) => createCongress(context, actor, body),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/import',
    tag: 'congress',
    summary: 'Import a congress exported as one JSON document (into a database without it)',
    allow: ADMIN,
    bodyLimit: 200 * 1024 * 1024,
    // The document is validated by the service (zod, scope and columns), not here.
    body: z.unknown(),
    handler: async ({ context, actor, body }) => importCongress(context, actor, body),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/public',
    tag: 'congress',
    summary: 'The published basics of one congress',
    allow: 'anyone',
    params: congressParams,
    handler: async ({ context, params }) => getCongressBasics(context, params.congressId),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId',
    tag: 'congress',
    summary: 'A congress or plenary: numbering, rule set, status, secretary-general',
    allow: CONGRESS_READERS,
    params: congressParams,
    handler: async ({ context, params }) => getCongress(context, params.congressId),
  }),
  route({
    method: 'PATCH',
    url: '/api/congresses/:congressId',
    tag: 'congress',
    summary: 'Edit title, theme, venue and dates',
    allow: ADMIN,
    params: congressParams,
    body: z.strictObject(congressCommon),
    handler: async ({ context, actor, params, body }) =>
      updateCongress(context, actor, params.congressId, body),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/close',
    tag: 'congress',
    summary: 'Close the congress (闭幕) once every sitting is closed',
    allow: ADMIN,
    params: congressParams,
    handler: async ({ context, actor, params }) => closeCongress(context, actor, params.congressId),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/bodies',
    tag: 'congress',
    summary: 'Presidium, its standing committee, credentials committee; the ~10% guide [P3]',
    allow: CONGRESS_READERS,
    params: congressParams,
    handler: async ({ context, params }) => listBodies(context, params.congressId),
  }),
  route({
    method: 'PUT',
    url: '/api/congresses/:congressId/bodies/:body',
    tag: 'congress',
    summary: "Set a body's members (delegates of this congress) [P3]",
    allow: ADMIN,
    params: congressParams.extend({ body: z.enum(BODY_KINDS as [BodyKind, ...BodyKind[]]) }),
    body: z.strictObject({
      members: z
        .array(
          z.strictObject({
            delegateId: z.string().min(1),
            role: z.enum(BODY_ROLES as [BodyRole, ...BodyRole[]]).optional(),
            rank: positiveInt.nullable().optional(),
          }),
        )
        .max(5000),
    }),
    handler: async ({ context, actor, params, body }) =>
      setBodyMembers(context, actor, params.congressId, params.body, body.members),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/export',
    tag: 'congress',
    summary: 'The whole congress as one JSON document',
    allow: ADMIN,
    params: congressParams,
    handler: async ({ context, params, reply }) => {
      const document = await exportCongress(context, params.congressId);
      reply.header('content-disposition', `attachment; filename="congress-${params.congressId}.json"`);
      return document;
    },
  }),
];

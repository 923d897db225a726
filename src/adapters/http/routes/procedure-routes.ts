import { z } from 'zod';
import {
  castAdoptionBallot,
  closeVote,
  getVote,
  openVote,
} from '../../../services/congress/adoption-votes.ts';
import {
  AGENDA_KINDS,
  type AgendaKind,
  createAgendaItem,
  deleteAgendaItem,
  getAgendaItem,
  listAgenda,
  updateAgendaItem,
} from '../../../services/congress/agenda.ts';
import { proposalSchema } from '../../../services/congress/proposals.ts';
import { SITTING_KINDS, type SittingKind } from '../../../services/congress/sitting-kinds.ts';
import {
  closeSitting,
  createSitting,
  deleteSitting,
  getSitting,
  listSittings,
  openSitting,
  setChairs,
  updateSitting,
} from '../../../services/congress/sittings.ts';
import type { Role } from '../../db/congress-schema.ts';
import { InputError } from '../../shared/input-error.ts';
import { route } from '../route.ts';
import { ADMIN, CONGRESS_READERS, congressParams, shortText } from './congress-routes.ts';

// The procedure of a congress: sittings and their executive chairs, the agenda (reports, written
// reports, adoption votes) and the votes themselves. The presiding officer's desk opens and
// closes sittings and votes; administrators set everything up; delegates read and vote.

const RUNNERS: readonly Role[] = ['admin', 'presiding'];

const sittingParams = congressParams.extend({ sittingId: z.string().min(1).max(64) });
const itemParams = congressParams.extend({ itemId: z.string().min(1).max(64) });
const voteParams = congressParams.extend({ voteId: z.string().min(1).max(64) });

const isoTime = z.iso.datetime();
const sittingFields = {
  title: shortText(200).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  startsAt: isoTime.nullable().optional(),
  endsAt: isoTime.nullable().optional(),
  venue: z.string().trim().max(200).nullable().optional(),
  presiding: z.string().trim().max(100).nullable().optional(),
};

/** A document link: a page of this site, or an https address. */
const attachment = z.strictObject({
  name: shortText(200),
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^(https:\/\/|\/(?!\/))\S+$/, 'https:// or /'),
});

const voteSettings = z.strictObject({
  mode: z.enum(['counts', 'electronic']),
  basis: z.enum(['present', 'expected']).optional(),
  subject: shortText(200).optional(),
  proposal: proposalSchema.nullable().optional(),
});

const itemFields = {
  title: shortText(200),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  presenter: z.string().trim().max(100).nullable().optional(),
  body: z.string().max(500_000).nullable().optional(),
  attachments: z.array(attachment).max(50).optional(),
  vote: voteSettings.optional(),
};

const count = z.number().int().min(0).max(100_000);

export const procedureRoutes = [
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/sittings',
    tag: 'procedure',
    summary: 'Sittings in order, with their executive chairs',
    allow: CONGRESS_READERS,
    params: congressParams,
    handler: async ({ context, params }) => listSittings(context, params.congressId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/sittings',
    tag: 'procedure',
    summary: 'Schedule a sitting (preparatory, opening, plenary, closing, presidium, delegation discussion)',
    allow: ADMIN,
    params: congressParams,
    body: z.strictObject({
      kind: z.enum(SITTING_KINDS as [SittingKind, ...SittingKind[]]),
      ...sittingFields,
    }),
    handler: async ({ context, actor, params, body }) =>
      createSitting(context, actor, params.congressId, body),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/sittings/:sittingId',
    tag: 'procedure',
    summary: 'One sitting',
    allow: CONGRESS_READERS,
    params: sittingParams,
    handler: async ({ context, params }) => getSitting(context, params.congressId, params.sittingId),
  }),
  route({
    method: 'PATCH',
    url: '/api/congresses/:congressId/sittings/:sittingId',
    tag: 'procedure',
    summary: 'Edit a sitting that has not closed',
    allow: ADMIN,
    params: sittingParams,
    body: z.strictObject(sittingFields),
    handler: async ({ context, actor, params, body }) =>
      updateSitting(context, actor, params.congressId, params.sittingId, body),
  }),
  route({
    method: 'DELETE',
    url: '/api/congresses/:congressId/sittings/:sittingId',
    tag: 'procedure',
    summary: 'Remove a scheduled sitting with nothing recorded',
    allow: ADMIN,
    params: sittingParams,
    handler: async ({ context, actor, params }) =>
      deleteSitting(context, actor, params.congressId, params.sittingId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/sittings/:sittingId/open',
    tag: 'procedure',
    summary: 'Open a scheduled sitting',
    allow: RUNNERS,
    params: sittingParams,
    handler: async ({ context, actor, params }) =>
      openSitting(context, actor, params.congressId, params.sittingId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/sittings/:sittingId/close',
    tag: 'procedure',
    summary: 'Close an open sitting (its votes must be closed)',
    allow: RUNNERS,
    params: sittingParams,
    handler: async ({ context, actor, params }) =>
      closeSitting(context, actor, params.congressId, params.sittingId),
  }),
  route({
    method: 'PUT',
    url: '/api/congresses/:congressId/sittings/:sittingId/chairs',
    tag: 'procedure',
    summary: 'Executive chairs (大会执行主席) of a sitting, presidium members only [P3]',
    allow: ADMIN,
    params: sittingParams,
    body: z.strictObject({ delegateIds: z.array(z.string().min(1)).max(100) }),
    handler: async ({ context, actor, params, body }) =>
      setChairs(context, actor, params.congressId, params.sittingId, body.delegateIds),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/sittings/:sittingId/agenda',
    tag: 'procedure',
    summary: 'The agenda of a sitting: reports, documents and votes',
    allow: CONGRESS_READERS,
    params: sittingParams,
    handler: async ({ context, params }) => listAgenda(context, params.congressId, params.sittingId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/sittings/:sittingId/agenda',
    tag: 'procedure',
    summary: 'Add an agenda item (an adoption vote with its mode, basis and proposal)',
    allow: ADMIN,
    params: sittingParams,
    body: z.strictObject({ kind: z.enum(AGENDA_KINDS as [AgendaKind, ...AgendaKind[]]), ...itemFields }),
    handler: async ({ context, actor, params, body }) =>
      createAgendaItem(context, actor, params.congressId, params.sittingId, body),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/agenda/:itemId',
    tag: 'procedure',
    summary: 'One agenda item with its document',
    allow: CONGRESS_READERS,
    params: itemParams,
    handler: async ({ context, params }) => getAgendaItem(context, params.congressId, params.itemId),
  }),
  route({
    method: 'PATCH',
    url: '/api/congresses/:congressId/agenda/:itemId',
    tag: 'procedure',
    summary: 'Edit an agenda item (vote settings only before the vote opens)',
    allow: ADMIN,
    params: itemParams,
    body: z.strictObject(itemFields).partial(),
    handler: async ({ context, actor, params, body }) =>
      updateAgendaItem(context, actor, params.congressId, params.itemId, body),
  }),
  route({
    method: 'DELETE',
    url: '/api/congresses/:congressId/agenda/:itemId',
    tag: 'procedure',
    summary: 'Remove an agenda item whose vote has not opened',
    allow: ADMIN,
    params: itemParams,
    handler: async ({ context, actor, params }) =>
      deleteAgendaItem(context, actor, params.congressId, params.itemId),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/adoption-votes/:voteId',
    tag: 'procedure',
    summary: 'An adoption vote: state, expected/present, result (and whether you voted)',
    allow: CONGRESS_READERS,
    params: voteParams,
    handler: async ({ context, actor, params }) => getVote(context, actor, params.congressId, params.voteId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/adoption-votes/:voteId/open',
    tag: 'procedure',
    summary: 'Open the vote; expected and present are recorded now',
    allow: RUNNERS,
    params: voteParams,
    body: z.strictObject({ present: count.optional() }),
    handler: async ({ context, actor, params, body }) =>
      openVote(context, actor, params.congressId, params.voteId, body),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/adoption-votes/:voteId/close',
    tag: 'procedure',
    summary: 'Close the vote with its result (counts entered for a vote by hand) [P4]',
    allow: RUNNERS,
    params: voteParams,
    body: z.strictObject({ votesFor: count, votesAgainst: count, votesAbstain: count }).partial(),
    handler: async ({ context, actor, params, body }) => {
      const { votesFor, votesAgainst, votesAbstain } = body;
      if (votesFor === undefined && votesAgainst === undefined && votesAbstain === undefined) {
        return closeVote(context, actor, params.congressId, params.voteId);
      }
      // Counts by hand come as all three or not at all: a missing count is not a zero.
      for (const [field, value] of Object.entries({ votesFor, votesAgainst, votesAbstain })) {
        if (value === undefined)
          throw new InputError(
            `body.${field}`,
            'is required with the other counts',
            '赞成、反对、弃权票数须一并填写',
          );
      }
      return closeVote(context, actor, params.congressId, params.voteId, {
        votesFor: votesFor!,
        votesAgainst: votesAgainst!,
        votesAbstain: votesAbstain!,
      });
    },
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/adoption-votes/:voteId/ballots',
    tag: 'procedure',
    summary: 'Vote for, against or abstain (a delegate present at the sitting, once)',
    allow: ['delegate'],
    params: voteParams,
    body: z.strictObject({ choice: z.enum(['for', 'against', 'abstain']) }),
    handler: async ({ context, actor, params, body }) =>
      castAdoptionBallot(context, actor, params.congressId, params.voteId, body.choice),
  }),
];

import { z } from 'zod';
import {
  rehearsalState,
  rehearseCheckIns,
  rehearseElectronicVotes,
  rehearsePaperKeying,
} from '../../../services/demo/rehearsal.ts';
import { route } from '../route.ts';

// 演练 in the demonstration congress: the rest of the hall acts at the administrator's request
// (services/demo/rehearsal.ts). Any other congress refuses with 409 not-a-rehearsal.

const id = z.string().min(1).max(64);

export const rehearsalRoutes = [
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/rehearsal',
    tag: 'rehearsal',
    summary:
      'Whether this congress can be rehearsed (演练: the demo), its open sittings and the rounds under way',
    allow: ['admin'],
    params: z.object({ congressId: id }),
    handler: ({ context, params }) => rehearsalState(context.database.db, params.congressId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/rehearsal/check-ins',
    tag: 'rehearsal',
    summary: 'Rehearsal: this many more delegates check in to the sitting',
    allow: ['admin'],
    params: z.object({ congressId: id }),
    body: z.strictObject({ sittingId: id, count: z.number().int().min(1).max(5000) }),
    handler: ({ context, actor, params, body }) =>
      rehearseCheckIns(context, actor, params.congressId, body.sittingId, body.count),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/rehearsal/rounds/:roundId/votes',
    tag: 'rehearsal',
    summary: 'Rehearsal: every present elector who has not voted casts an electronic ballot',
    allow: ['admin'],
    params: z.object({ congressId: id, roundId: id }),
    handler: ({ context, actor, params }) =>
      rehearseElectronicVotes(context, actor, params.congressId, params.roundId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/rehearsal/rounds/:roundId/paper-keying',
    tag: 'rehearsal',
    summary: 'Rehearsal: two tellers key every paper ballot handed out and not keyed yet',
    allow: ['admin'],
    params: z.object({ congressId: id, roundId: id }),
    handler: ({ context, actor, params }) =>
      rehearsePaperKeying(context, actor, params.congressId, params.roundId),
  }),
];

import * as z from 'zod';
import { roundKeyStatusSchema } from './ballot-keys.ts';
import { congressParams, id, roundParams } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ADMIN_ROLES } from './roles.ts';

// 演练 in the demonstration congress (and the first plenary it leads to): the rest of the hall
// acts at the administrator's request — the other delegates check in, the other electors vote,
// two tellers key the other paper ballots — each act through the service the hall would use. Any
// other congress refuses with 409 not-a-rehearsal.

/** What the hall could still do, for the rehearsal panel: open sittings and rounds under way. */
export const rehearsalStateSchema = z.strictObject({
  /** Whether this congress can be rehearsed; if not, the lists are empty. */
  allowed: z.boolean(),
  /** Open sittings, with how many voting delegates have neither checked in nor asked for leave. */
  sittings: z.array(z.strictObject({ id: z.string(), title: z.string(), absent: z.number().int() })),
  /**
   * Rounds the hall is voting or keying: an open electronic round with the electors present who
   * have not voted; an open or closed paper round with the sheets handed out and not keyed.
   */
  rounds: z.array(
    z.strictObject({
      roundId: z.string(),
      /** The election's title. */
      election: z.string(),
      seq: z.number().int(),
      mode: z.enum(['paper', 'electronic']),
      status: z.enum(['open', 'closed']),
      /** Electors yet to vote, or paper sheets yet to key. */
      pending: z.number().int(),
    }),
  ),
});
export type RehearsalState = z.infer<typeof rehearsalStateSchema>;

export const rehearsalStateEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/rehearsal',
  tag: 'rehearsal',
  summary:
    'Whether this congress can be rehearsed (演练: the demo), its open sittings and the rounds under way',
  allow: ADMIN_ROLES,
  params: congressParams,
  response: rehearsalStateSchema,
});

export const rehearseCheckInsEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/rehearsal/check-ins',
  tag: 'rehearsal',
  summary:
    'Rehearsal: this many more delegates arrive at the sitting (about one in a hundred asks for leave instead)',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: z.strictObject({ sittingId: id, count: z.number().int().min(1).max(5000) }),
  response: z.strictObject({ checkedIn: z.number().int(), onLeave: z.number().int() }),
});

export const rehearseVotesEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/rehearsal/rounds/:roundId/votes',
  tag: 'rehearsal',
  summary: 'Rehearsal: every present elector who has not voted casts an electronic ballot',
  allow: ADMIN_ROLES,
  params: roundParams,
  response: z.strictObject({ cast: z.number().int() }),
});

export const rehearsePaperKeyingEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/rehearsal/rounds/:roundId/paper-keying',
  tag: 'rehearsal',
  summary: 'Rehearsal: two tellers key every paper ballot handed out and not keyed yet',
  allow: ADMIN_ROLES,
  params: roundParams,
  response: z.strictObject({ sheets: z.number().int() }),
});

export const rehearseKeySharesEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/rehearsal/rounds/:roundId/key-shares',
  tag: 'rehearsal',
  summary:
    "Rehearsal [B4]: the scrutineers enter their shares of a closed electronic round's key (kept in memory from the opening, in a rehearsal only); the ballots are opened",
  allow: ADMIN_ROLES,
  params: roundParams,
  response: roundKeyStatusSchema,
});

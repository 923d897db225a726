import { z } from 'zod';
import { OFFICES, ROUND_KINDS } from '../../../core/rules/index.ts';
import { rolesIn } from '../../../services/actor.ts';
import { electionView, listElections } from '../../../services/elections/election-view.ts';
import {
  createElection,
  setBallotMode,
  setCandidates,
  setOfficers,
} from '../../../services/elections/elections.ts';
import {
  prepareFirstPlenary,
  recordDisciplineFirstPlenary,
} from '../../../services/elections/first-plenary.ts';
import {
  createMethod,
  methodOverridesSchema,
  recordMethodVote,
} from '../../../services/elections/methods.ts';
import {
  announceRound,
  closeRound,
  countRound,
  openRound,
  reduceSeats,
  signOffRound,
} from '../../../services/elections/rounds.ts';
import { route } from '../route.ts';

const id = z.string().min(1).max(64);
const congress = z.object({ congressId: id });
const election = z.object({ congressId: id, electionId: id });
const round = z.object({ congressId: id, roundId: id });
const name = z.string().trim().min(1).max(40);
const count = z.number().int().min(0).max(1_000_000);

const STAFF = ['admin', 'presiding', 'scrutineer', 'teller'] as const;

export const electionRoutes = [
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/election-methods',
    tag: 'elections',
    summary: 'Draft the election method (选举办法) [P4]',
    allow: ['admin'],
    params: congress,
    body: z.strictObject({
      title: z.string().trim().min(1).max(200),
      body: z.string().max(100_000).optional(),
      overrides: methodOverridesSchema.default({}),
    }),
    handler: ({ context, actor, params, body }) => createMethod(context, actor, params.congressId, body),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/election-methods',
    tag: 'elections',
    summary: 'The election methods and their adoption votes',
    allow: [...STAFF, 'delegate'],
    params: congress,
    handler: ({ context, params }) =>
      context.database.db
        .selectFrom('election_methods')
        .selectAll()
        .where('congress_id', '=', params.congressId)
        .execute(),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/election-methods/:methodId/vote',
    tag: 'elections',
    summary:
      'Record the vote on the election method: adopted with more than half of the expected electors [P4]',
    allow: ['admin', 'presiding'],
    params: z.object({ congressId: id, methodId: id }),
    body: z.strictObject({
      votesFor: count,
      votesAgainst: count,
      votesAbstain: count,
      expected: count.min(1).optional(),
    }),
    handler: ({ context, actor, params, body }) =>
      recordMethodVote(context, actor, params.congressId, params.methodId, body),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/elections',
    tag: 'elections',
    summary: 'The elections of a congress',
    allow: [...STAFF, 'check-in', 'delegate'],
    params: congress,
    handler: ({ context, params }) => listElections(context.database.db, params.congressId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/elections',
    tag: 'elections',
    summary: 'Create an election (office, seats, paper or electronic ballot)',
    allow: ['admin'],
    params: congress,
    body: z.strictObject({
      office: z.enum(OFFICES as [string, ...string[]]),
      title: z.string().trim().min(1).max(200),
      seats: z.number().int().min(1).max(1000),
      ballotMode: z.enum(['paper', 'electronic']),
      sittingId: id.optional(),
      preliminaryAdvance: z.number().int().min(1).max(2000).optional(),
    }),
    handler: ({ context, actor, params, body }) =>
      createElection(context, actor, params.congressId, {
        ...body,
        office: body.office as (typeof OFFICES)[number],
      }),
  }),
  route({
    method: 'PUT',
    url: '/api/congresses/:congressId/elections/:electionId/ballot-mode',
    tag: 'elections',
    summary: 'Choose paper or electronic ballots, before voting begins',
    allow: ['admin'],
    params: election,
    body: z.strictObject({ ballotMode: z.enum(['paper', 'electronic']) }),
    handler: ({ context, actor, params, body }) =>
      setBallotMode(context, actor, params.congressId, params.electionId, body.ballotMode),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/results',
    tag: 'elections',
    summary: 'Announced results of every election of a congress (public: only what was announced)',
    allow: 'anyone',
    params: congress,
    handler: async ({ context, params }) => {
      const elections = await listElections(context.database.db, params.congressId);
      return {
        elections: await Promise.all(
          elections.map((e) => electionView(context.database.db, params.congressId, e.id, { staff: false })),
        ),
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/elections/:electionId',
    tag: 'elections',
    summary:
      'An election: list and [C1]/[C2] verdict, officers, rounds and results, the next step of the chain',
    allow: [...STAFF, 'check-in', 'delegate', 'public'],
    params: election,
    handler: ({ context, actor, params }) => {
      const roles = rolesIn(actor, params.congressId);
      const staff = STAFF.some((role) => roles.has(role));
      return electionView(context.database.db, params.congressId, params.electionId, { staff });
    },
  }),
  route({
    method: 'PUT',
    url: '/api/congresses/:congressId/elections/:electionId/candidates',
    tag: 'elections',
    summary: 'Set the candidate list; returns the [C1]/[C2] verdict and the ballot order [C3]',
    allow: ['admin'],
    params: election,
    body: z.strictObject({
      candidates: z
        .array(
          z.strictObject({
            name,
            delegateId: id.optional(),
            gender: z.string().max(8).optional(),
            ethnicity: z.string().max(16).optional(),
            position: z.string().max(200).optional(),
          }),
        )
        .max(2000),
    }),
    handler: ({ context, actor, params, body }) =>
      setCandidates(context, actor, params.congressId, params.electionId, body.candidates),
  }),
  route({
    method: 'PUT',
    url: '/api/congresses/:congressId/elections/:electionId/officers',
    tag: 'elections',
    summary: 'Set the chief scrutineer, scrutineers [P1] and tellers [P2]',
    allow: ['admin'],
    params: election,
    body: z.strictObject({
      officers: z
        .array(
          z.strictObject({
            role: z.enum(['chief-scrutineer', 'deputy-chief-scrutineer', 'scrutineer', 'teller']),
            name,
            delegateId: id.optional(),
            accountId: id.optional(),
          }),
        )
        .max(200),
    }),
    handler: ({ context, actor, params, body }) =>
      setOfficers(context, actor, params.congressId, params.electionId, body.officers),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/elections/:electionId/rounds',
    tag: 'elections',
    summary: 'Open a round: the one the chain requires, with quorum [Q1]–[Q3]',
    allow: ['presiding', 'admin'],
    params: election,
    body: z.strictObject({
      kind: z.enum(ROUND_KINDS as [string, ...string[]]),
      seats: z.number().int().min(1).max(1000).optional(),
      advance: z.number().int().min(1).max(2000).optional(),
      candidates: z.array(name).max(2000).optional(),
      sittingId: id.optional(),
    }),
    handler: ({ context, actor, params, body }) =>
      openRound(context, actor, params.congressId, params.electionId, {
        ...body,
        kind: body.kind as (typeof ROUND_KINDS)[number],
      }),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/elections/:electionId/reduce-seats',
    tag: 'elections',
    summary: 'Reduce the seats instead of a supplementary round, with who approved it [T4]',
    allow: ['presiding', 'admin'],
    params: election,
    body: z.strictObject({
      seats: z.number().int().min(1).max(1000),
      approvedBy: z.enum(['electors-majority', 'presidium']),
    }),
    handler: ({ context, actor, params, body }) =>
      reduceSeats(context, actor, params.congressId, params.electionId, body),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/rounds/:roundId/close',
    tag: 'elections',
    summary: 'Close voting; for paper ballots, the number issued [B2]',
    allow: ['presiding', 'admin'],
    params: round,
    body: z.strictObject({ ballotsIssued: count.optional() }),
    handler: ({ context, actor, params, body }) =>
      closeRound(context, actor, params.congressId, params.roundId, body),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/rounds/:roundId/count',
    tag: 'elections',
    summary: 'Count a closed round with the rules engine',
    allow: ['teller', 'scrutineer', 'admin'],
    params: round,
    handler: ({ context, actor, params }) => countRound(context, actor, params.congressId, params.roundId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/rounds/:roundId/sign-off',
    tag: 'elections',
    summary: 'A scrutineer confirms the count [P2]',
    allow: ['scrutineer'],
    params: round,
    handler: ({ context, actor, params }) => signOffRound(context, actor, params.congressId, params.roundId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/rounds/:roundId/announce',
    tag: 'elections',
    summary: 'Announce a signed-off result [P2]',
    allow: ['presiding', 'admin'],
    params: round,
    handler: ({ context, actor, params }) => announceRound(context, actor, params.congressId, params.roundId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/first-plenary',
    tag: 'elections',
    summary: 'Prepare the new committee’s first plenary session [P5]',
    allow: ['admin'],
    params: congress,
    body: z.strictObject({
      startsOn: z.iso.date().optional(),
      venue: z.string().max(200).optional(),
      standingCommitteeSeats: z.number().int().min(1).max(100),
      deputySecretarySeats: z.number().int().min(0).max(10),
      ballotMode: z.enum(['paper', 'electronic']),
    }),
    handler: ({ context, actor, params, body }) =>
      prepareFirstPlenary(context, actor, params.congressId, body),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/discipline-first-plenary',
    tag: 'elections',
    summary: 'Record the discipline commission’s first-plenary result adopted by the plenary [P5]',
    allow: ['admin'],
    params: congress,
    body: z.strictObject({
      standingMembers: z.array(name).max(50),
      secretary: name,
      deputies: z.array(name).max(10),
    }),
    handler: ({ context, actor, params, body }) =>
      recordDisciplineFirstPlenary(context, actor, params.congressId, body),
  }),
];

import { z } from 'zod';
import { myBallot } from '../../../services/ballots/electronic/ballot-form.ts';
import { castElectronicBallot } from '../../../services/ballots/electronic/cast.ts';
import { publishedBallots, verifyReceipt } from '../../../services/ballots/electronic/publication.ts';
import { notYetVoted, votingProgress } from '../../../services/ballots/electronic/turnout.ts';
import { route } from '../route.ts';

const id = z.string().min(1).max(64);
const round = z.object({ congressId: id, roundId: id });
const base = '/api/congresses/:congressId/rounds/:roundId/electronic';

// Electronic voting (issue item 7). A ballot is cast only by the delegate in their own session [Q5];
// ballots are public after the close, by receipt, never with who cast them [B4].
export const electronicBallotRoutes = [
  route({
    method: 'GET',
    url: `${base}/ballot`,
    tag: 'electronic-ballots',
    summary:
      'The delegate’s ballot form (candidates in ballot order, seats, write-in slots) and whether they have voted (电子选票)',
    allow: ['delegate'],
    params: round,
    handler: ({ context, actor, params }) => myBallot(context, actor, params.congressId, params.roundId),
  }),
  route({
    method: 'POST',
    url: `${base}/cast`,
    tag: 'electronic-ballots',
    summary:
      'Cast the delegate’s own ballot once [Q4] [Q5]; returns the receipt code, shown only now [B4] (投票)',
    allow: ['delegate'],
    params: round,
    body: z.strictObject({
      marks: z.string().max(2000),
      writeIns: z.array(z.string().trim().min(1).max(40)).max(200).optional(),
      confirmInvalid: z.boolean().optional(),
    }),
    handler: async ({ context, actor, params, body, reply }) => {
      const cast = await castElectronicBallot(context, actor, params.congressId, params.roundId, body);
      reply.status(201);
      return cast;
    },
  }),
  route({
    method: 'GET',
    url: `${base}/progress`,
    tag: 'electronic-ballots',
    summary: 'Voting progress for staff: ballots issued, cast, not yet cast (投票进度)',
    allow: ['admin', 'presiding', 'scrutineer', 'teller'],
    params: round,
    handler: ({ context, params }) => votingProgress(context, params.congressId, params.roundId),
  }),
  route({
    method: 'GET',
    url: `${base}/turnout`,
    tag: 'electronic-ballots',
    summary: 'Counts only, for the big screen: ballots issued and cast (已投票人数)',
    allow: 'anyone',
    params: round,
    handler: async ({ context, params }) => {
      const { roundId, status, issued, voted } = await votingProgress(
        context,
        params.congressId,
        params.roundId,
      );
      return { roundId, status, issued, voted };
    },
  }),
  route({
    method: 'GET',
    url: `${base}/not-yet-voted`,
    tag: 'electronic-ballots',
    summary: 'Electors present at opening who have not voted yet: names and delegations only (未投票代表)',
    allow: ['admin', 'presiding'],
    params: round,
    handler: async ({ context, params }) => ({
      delegates: await notYetVoted(context, params.congressId, params.roundId),
    }),
  }),
  route({
    method: 'GET',
    url: `${base}/ballots`,
    tag: 'electronic-ballots',
    summary: 'Every ballot of the closed round, by receipt, for anyone to recount [B4] (公布选票)',
    allow: 'anyone',
    params: round,
    handler: ({ context, params }) => publishedBallots(context, params.congressId, params.roundId),
  }),
  route({
    method: 'GET',
    url: `${base}/receipt/:receipt`,
    tag: 'electronic-ballots',
    summary: 'One ballot of the closed round by its receipt code (核对回执码)',
    allow: 'anyone',
    params: round.extend({ receipt: z.string().min(1).max(40) }),
    handler: ({ context, params }) =>
      verifyReceipt(context, params.congressId, params.roundId, params.receipt),
  }),
];

import {
  ballotFormEndpoint,
  castBallotEndpoint,
  enterKeyShareEndpoint,
  notYetVotedEndpoint,
  publishedBallotsEndpoint,
  receiptEndpoint,
  rekeyRoundEndpoint,
  roundKeyEndpoint,
  turnoutEndpoint,
  votingProgressEndpoint,
} from '../../../contract/ballots.ts';
import { myBallot } from '../../../services/ballots/electronic/ballot-form.ts';
import { castElectronicBallot } from '../../../services/ballots/electronic/cast.ts';
import {
  enterKeyShares,
  rekeyRound,
  roundKeyStatus,
} from '../../../services/ballots/electronic/key-shares.ts';
import { publishedBallots, verifyReceipt } from '../../../services/ballots/electronic/publication.ts';
import { notYetVoted, votingProgress } from '../../../services/ballots/electronic/turnout.ts';
import { keepRehearsalShares } from '../../../services/demo/rehearsal.ts';
import { implement } from '../route.ts';

// Electronic voting (issue item 7; contract: src/contract/ballots.ts). A ballot is cast only by the
// delegate in their own session [Q5], sealed to the round's key; after the close the scrutineers'
// key shares open the ballots, and the board shows the sealed ballots by tracker (receipt) and
// the opened ones by content, never paired [B4] (issue 13).
export const electronicBallotRoutes = [
  implement(ballotFormEndpoint).with(async ({ context, actor, params }) =>
    myBallot(context, actor, params.congressId, params.roundId),
  ),
  implement(castBallotEndpoint).with(async ({ context, actor, params, body, reply }) => {
    const cast = await castElectronicBallot(context, actor, params.congressId, params.roundId, body);
    reply.status(201);
    return cast;
  }),
  implement(votingProgressEndpoint).with(async ({ context, params }) =>
    votingProgress(context, params.congressId, params.roundId),
  ),
  implement(turnoutEndpoint).with(async ({ context, params }) => {
    const { roundId, status, issued, voted } = await votingProgress(
      context,
      params.congressId,
      params.roundId,
    );
    return { roundId, status, issued, voted };
  }),
  implement(notYetVotedEndpoint).with(async ({ context, params }) => ({
    delegates: await notYetVoted(context, params.congressId, params.roundId),
  })),
  implement(publishedBallotsEndpoint).with(async ({ context, params }) =>
    publishedBallots(context, params.congressId, params.roundId),
  ),
  implement(receiptEndpoint).with(async ({ context, params }) =>
    verifyReceipt(context, params.congressId, params.roundId, params.receipt),
  ),
  implement(roundKeyEndpoint).with(async ({ context, params }) =>
    roundKeyStatus(context, params.congressId, params.roundId),
  ),
  implement(enterKeyShareEndpoint).with(async ({ context, actor, params, body }) =>
    enterKeyShares(context, actor, params.congressId, params.roundId, body.shares),
  ),
  implement(rekeyRoundEndpoint).with(async ({ context, actor, params }) => {
    const key = await rekeyRound(context, actor, params.congressId, params.roundId);
    // [B4] A rehearsal (the demo) keeps the new shares in place of the old, as at the opening.
    await keepRehearsalShares(context, params.congressId, params.roundId, key);
    return key;
  }),
];

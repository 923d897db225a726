import {
  rehearsalStateEndpoint,
  rehearseCheckInsEndpoint,
  rehearseKeySharesEndpoint,
  rehearsePaperKeyingEndpoint,
  rehearseVotesEndpoint,
} from '../../../contract/rehearsal.ts';
import {
  rehearsalState,
  rehearseCheckIns,
  rehearseElectronicVotes,
  rehearseKeyShares,
  rehearsePaperKeying,
} from '../../../services/demo/rehearsal.ts';
import { implement } from '../route.ts';

// 演练 in the demonstration congress (contract: src/contract/rehearsal.ts): the rest of the hall
// acts at the administrator's request (services/demo/rehearsal.ts). Any other congress refuses
// with 409 not-a-rehearsal.

export const rehearsalRoutes = [
  implement(rehearsalStateEndpoint).with(async ({ context, params }) =>
    rehearsalState(context.database.db, params.congressId),
  ),
  implement(rehearseCheckInsEndpoint).with(async ({ context, actor, params, body }) =>
    rehearseCheckIns(context, actor, params.congressId, body.sittingId, body.count),
  ),
  implement(rehearseVotesEndpoint).with(async ({ context, actor, params }) =>
    rehearseElectronicVotes(context, actor, params.congressId, params.roundId),
  ),
  implement(rehearsePaperKeyingEndpoint).with(async ({ context, actor, params }) =>
    rehearsePaperKeying(context, actor, params.congressId, params.roundId),
  ),
  implement(rehearseKeySharesEndpoint).with(async ({ context, actor, params }) =>
    rehearseKeyShares(context, actor, params.congressId, params.roundId),
  ),
];

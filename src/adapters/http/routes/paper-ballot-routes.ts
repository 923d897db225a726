import {
  enterPaperBallotEndpoint,
  myPaperEntriesEndpoint,
  paperComparisonEndpoint,
  paperKeyingEndpoint,
  paperReconciliationEndpoint,
  resolvePaperSheetEndpoint,
} from '../../../contract/ballots.ts';
import { enterPaperBallot } from '../../../services/ballots/paper/paper-entry.ts';
import { paperKeying } from '../../../services/ballots/paper/paper-keying.ts';
import { resolvePaperSheet } from '../../../services/ballots/paper/paper-resolution.ts';
import {
  myPaperEntries,
  paperComparison,
  paperReconciliation,
} from '../../../services/ballots/paper/paper-views.ts';
import { implement } from '../route.ts';

// Paper ballots with double entry (contract: src/contract/ballots.ts): tellers key every sheet
// twice (passes A and B, independently), scrutineers resolve the disagreements, and the count takes
// agreed or resolved sheets only.

export const paperBallotRoutes = [
  implement(enterPaperBallotEndpoint).with(async ({ context, actor, params, body, reply }) => {
    const written = await enterPaperBallot(context, actor, params.congressId, params.roundId, body);
    if (written.outcome === 'created') reply.status(201);
    return written;
  }),
  implement(myPaperEntriesEndpoint).with(async ({ context, actor, params, query }) =>
    myPaperEntries(context, actor, params.congressId, params.roundId, query),
  ),
  implement(paperComparisonEndpoint).with(async ({ context, actor, params, query }) =>
    paperComparison(context, actor, params.congressId, params.roundId, query),
  ),
  implement(resolvePaperSheetEndpoint).with(async ({ context, actor, params, body, reply }) => {
    const written = await resolvePaperSheet(context, actor, params.congressId, params.roundId, body);
    if (written.outcome === 'created') reply.status(201);
    return written;
  }),
  implement(paperReconciliationEndpoint).with(async ({ context, params }) =>
    paperReconciliation(context, params.congressId, params.roundId),
  ),
  implement(paperKeyingEndpoint).with(async ({ context, params }) =>
    paperKeying(context, params.congressId, params.roundId),
  ),
];

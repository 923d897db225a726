import {
  correctDecisionEndpoint,
  issueMinutesEndpoint,
  minutesEndpoint,
  minutesPdfEndpoint,
  outcomesEndpoint,
  recordDecisionEndpoint,
  saveMinutesEndpoint,
  setConclusionsEndpoint,
  setSpeechesEndpoint,
} from '../../../contract/decisions.ts';
import { issueMinutes, meetingMinutes, minutesPdf, saveMinutes } from '../../../services/minutes/minutes.ts';
import {
  correctDecision,
  meetingOutcomes,
  recordDecision,
  setConclusions,
  setSpeeches,
} from '../../../services/outcomes/outcomes.ts';
import { renderPdf } from '../../pdf/index.ts';
import { implement } from '../route.ts';
import { sendPdf } from './document-routes.ts';

// What a meeting concluded and decided, and its minutes (contract: src/contract/decisions.ts).

export const decisionRoutes = [
  implement(outcomesEndpoint).with(async ({ params, actor, context }) =>
    meetingOutcomes(context.database.db, actor, params.congressId),
  ),
  implement(setConclusionsEndpoint).with(async ({ params, body, actor, context }) =>
    setConclusions(context, actor, params.congressId, body.conclusions),
  ),
  implement(setSpeechesEndpoint).with(async ({ params, body, actor, context }) =>
    setSpeeches(context, actor, params.congressId, body.speeches),
  ),
  implement(recordDecisionEndpoint).with(async ({ params, body, actor, context }) =>
    recordDecision(context, actor, params.congressId, body),
  ),
  implement(correctDecisionEndpoint).with(async ({ params, body, actor, context }) =>
    correctDecision(context, actor, params.congressId, params.decisionId, body),
  ),
  implement(minutesEndpoint).with(async ({ params, context }) =>
    meetingMinutes(context.database.db, params.congressId),
  ),
  implement(saveMinutesEndpoint).with(async ({ params, body, actor, context }) =>
    saveMinutes(context, actor, params.congressId, body),
  ),
  implement(issueMinutesEndpoint).with(async ({ params, body, actor, context }) =>
    issueMinutes(context, actor, params.congressId, body),
  ),
  implement(minutesPdfEndpoint).with(async ({ params, context, reply }) =>
    sendPdf(reply, await minutesPdf(context, params.congressId, renderPdf), 'minutes.pdf'),
  ),
];

import {
  deferTopicEndpoint,
  meetingTopicsEndpoint,
  requestTopicEndpoint,
  reviewTopicEndpoint,
  scheduleTopicEndpoint,
  topicQueueEndpoint,
  updateTopicEndpoint,
  withdrawTopicEndpoint,
} from '../../../contract/topics.ts';
import {
  deferTopic,
  meetingTopics,
  requestTopic,
  reviewTopic,
  scheduleTopic,
  topicQueue,
  updateTopic,
  withdrawTopic,
} from '../../../services/topics/topics.ts';
import { implement } from '../route.ts';

// Topics of the committee's meetings (contract: src/contract/topics.ts).

export const topicRoutes = [
  implement(topicQueueEndpoint).with(async ({ params, query, actor, context }) =>
    topicQueue(context.database.db, actor, params.termId, query),
  ),
  implement(requestTopicEndpoint).with(async ({ params, body, actor, context }) =>
    requestTopic(context, actor, params.termId, body),
  ),
  implement(updateTopicEndpoint).with(async ({ params, body, actor, context }) =>
    updateTopic(context, actor, params.termId, params.topicId, body),
  ),
  implement(reviewTopicEndpoint).with(async ({ params, body, actor, context }) =>
    reviewTopic(context, actor, params.termId, params.topicId, body),
  ),
  implement(withdrawTopicEndpoint).with(async ({ params, actor, context }) =>
    withdrawTopic(context, actor, params.termId, params.topicId),
  ),
  implement(meetingTopicsEndpoint).with(async ({ params, actor, context }) =>
    meetingTopics(context.database.db, actor, params.congressId),
  ),
  implement(scheduleTopicEndpoint).with(async ({ params, body, actor, context }) =>
    scheduleTopic(context, actor, params.congressId, body),
  ),
  implement(deferTopicEndpoint).with(async ({ params, body, actor, context }) =>
    deferTopic(context, actor, params.congressId, params.topicId, body),
  ),
];

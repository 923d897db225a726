import { attendeeGroupsEndpoint, setAttendeeGroupsEndpoint } from '../../../contract/attendees.ts';
import {
  createMeetingEndpoint,
  meetingEndpoint,
  refreshRosterEndpoint,
  termMeetingsEndpoint,
  updateMeetingEndpoint,
} from '../../../contract/meetings.ts';
import { attendeeGroups, setAttendeeGroups } from '../../../services/congress/attendee-groups.ts';
import {
  createMeeting,
  meetingView,
  refreshRoster,
  termMeetings,
  updateMeeting,
} from '../../../services/meetings/meetings.ts';
import { implement } from '../route.ts';

// Meetings of the committee between congresses (contract: src/contract/meetings.ts).

export const meetingRoutes = [
  implement(termMeetingsEndpoint).with(async ({ params, query, context }) =>
    termMeetings(context.database.db, params.termId, query),
  ),
  implement(createMeetingEndpoint).with(async ({ params, body, actor, context }) =>
    createMeeting(context, actor, params.termId, body),
  ),
  implement(meetingEndpoint).with(async ({ params, context }) =>
    meetingView(context.database.db, params.congressId),
  ),
  implement(updateMeetingEndpoint).with(async ({ params, body, actor, context }) =>
    updateMeeting(context, actor, params.congressId, body),
  ),
  implement(attendeeGroupsEndpoint).with(async ({ params, context }) =>
    attendeeGroups(context.database.db, params.congressId),
  ),
  implement(setAttendeeGroupsEndpoint).with(async ({ params, body, actor, context }) =>
    setAttendeeGroups(context, actor, params.congressId, body.groups),
  ),
  implement(refreshRosterEndpoint).with(async ({ params, actor, context }) =>
    refreshRoster(context, actor, params.congressId),
  ),
];

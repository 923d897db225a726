import type { CongressChange, VotingEvent } from '../../contract/events.ts';
import type { Announcement } from '../event-types.ts';

// What the screens of a congress hear when what they show changes (a sitting opened or closed,
// chairs named, a vote opened or its result): returned as Change.events by the write that made
// the change, so it is stored in its transaction and announced once it has committed.

export function congressChange(congressId: string, data: CongressChange): Announcement {
  return { type: 'congress', congressId, data };
}

/** Voting progress: how many have voted, never how. */
export function votingChange(congressId: string, data: VotingEvent): Announcement {
  return { type: 'voting', congressId, data };
}

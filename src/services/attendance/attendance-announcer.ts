import type { ServiceContext } from '../context.ts';
import type { EventHub } from '../event-types.ts';
import { attendanceCounts } from './attendance-counts.ts';
import { sittingOfCongress } from './sitting-lookup.ts';

// After each committed change the stream gets the sitting's new counts. At a busy desk hour
// (20 desks, a check-in every few milliseconds) recounting after every single change would spend
// more time counting than checking in (a count reads the whole roster), and the big screen cannot
// show more than a few updates a second anyway. So per sitting at most one count runs at a time,
// counts start at least MIN_INTERVAL_MS apart, and changes that commit meanwhile are covered by
// one more count afterwards: every change is followed, within MIN_INTERVAL_MS or so, by an event
// whose counts include it. Nobody listening: no count at all.
//
// The changes are announced to every server instance as 'attendance-changed' notices (stored
// with the change, event-types.ts); each instance's hub calls this for its own subscribers, so
// every instance delivers the latest counts, whichever instance the desk used.

/** At most five counts a second per sitting. */
export const MIN_INTERVAL_MS = 200;

interface Pending {
  running: boolean;
  again: boolean;
  lastStarted: number;
}

const pendingByHub = new WeakMap<EventHub, Map<string, Pending>>();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Publishes the sitting's counts as an 'attendance' event, soon; never throws, never waits. */
export function announceAttendance(
  context: Pick<ServiceContext, 'database' | 'events'>,
  congressId: string,
  sittingId: string,
): void {
  if (context.events.subscriberCount(congressId) === 0) return;
  let pending = pendingByHub.get(context.events);
  if (!pending) {
    pending = new Map();
    pendingByHub.set(context.events, pending);
  }
  let state = pending.get(sittingId);
  if (!state) {
    state = { running: false, again: false, lastStarted: 0 };
    pending.set(sittingId, state);
  }
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  const sitting = state;
  void (async () => {
    try {
      do {
        const wait = sitting.lastStarted + MIN_INTERVAL_MS - Date.now();
        if (wait > 0) await pause(wait);
        // Changes committed from here on need another count; earlier ones are in this one.
        sitting.again = false;
        sitting.lastStarted = Date.now();
        const db = context.database.db;
        const counts = await attendanceCounts(db, await sittingOfCongress(db, congressId, sittingId));
        context.events.publish({ type: 'attendance', congressId, data: counts });
      } while (sitting.again);
    } catch {
      // The database closed under us (shutdown) or a count failed: the next change, or a client
      // reconnecting (its snapshot), brings the screen up to date.
    } finally {
      sitting.running = false;
    }
  })();
}

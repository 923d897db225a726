import type { CurrentAttendance } from '../contract/attendance.ts';
import { pruneStreamEvents, streamEventsAfter, streamEventWindow } from '../persistence/index.ts';
import { announceAttendance } from './attendance/attendance-announcer.ts';
import { currentAttendance } from './attendance/current-attendance.ts';
import type { ServiceContext } from './context.ts';
import type { AttendanceNotice, EventHub, StoredAnnouncement } from './event-types.ts';

// What a stream that reconnects is owed: the events of its congress after the last one it had
// (the browser's Last-Event-ID), read from the stored events (event-log.ts) on whichever instance
// it reconnects to. Stored events are kept for a window (pruneStreamEvents): a stream that was
// away longer is told that the replay is incomplete, and reloads.

/** Rows per read of a replay. */
const PAGE = 1000;

/** The newest stored event id (0 when there is none): where a new stream starts. */
export async function streamPosition(context: ServiceContext): Promise<number> {
  return (await streamEventWindow(context.database.db)).newest ?? 0;
}

export interface MissedEvents {
  /** Every event after `after` is still stored (none was pruned, and `after` is not from the future). */
  readonly complete: boolean;
  /** The congress's events after `after` up to `upTo`, in id order. */
  readonly events: readonly StoredAnnouncement[];
}

export async function missedEvents(
  context: ServiceContext,
  congressId: string,
  after: number,
  upTo: number,
): Promise<MissedEvents> {
  const db = context.database.db;
  const events: StoredAnnouncement[] = [];
  for (let from = after; ; ) {
    const page = await streamEventsAfter(db, from, { congressId, upTo, limit: PAGE });
    for (const row of page)
      events.push({
        id: row.id,
        type: row.type,
        congressId: row.congressId,
        data: row.data,
      } as StoredAnnouncement);
    if (page.length < PAGE) break;
    from = page.at(-1)!.id;
  }
  const { oldest } = await streamEventWindow(db);
  // A stored id above the newest (upTo) means the data was restored from an older backup.
  const complete = after <= upTo && (oldest === null || after + 1 >= oldest);
  return { complete, events };
}

/**
 * The counts behind notices a stream missed: sent again to this instance's streams (coalesced as
 * ever), so that the reconnected one ends with the latest.
 */
export function recount(context: ServiceContext, notices: readonly AttendanceNotice[]): void {
  const sittings = new Set(notices.map((notice) => `${notice.congressId}\u0000${notice.data.sittingId}`));
  for (const key of sittings) {
    const [congressId, sittingId] = key.split('\u0000') as [string, string];
    announceAttendance(context, congressId, sittingId);
  }
}

/** Stored events are kept for a day at most… */
export const STREAM_KEEP_MS = 24 * 60 * 60 * 1000;
/** …and no more than the newest 100,000 (a hall day is some tens of thousands). */
export const STREAM_KEEP_COUNT = 100_000;
/** How often each server instance prunes. */
export const STREAM_PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Deletes stored events outside the window (a prefix of the ids, never the newest). Every
 * instance does it now and then; doing it twice does no harm.
 */
export async function pruneStream(context: ServiceContext): Promise<number> {
  return pruneStreamEvents(context.database, {
    now: context.clock.now().toISOString(),
    keepMs: STREAM_KEEP_MS,
    keepCount: STREAM_KEEP_COUNT,
  });
}

interface Flight {
  running: Promise<CurrentAttendance> | undefined;
  next: Promise<CurrentAttendance> | undefined;
}

const snapshotFlights = new WeakMap<EventHub, Map<string, Flight>>();

/**
 * The snapshot a stream starts with (the counts of the sittings the big screen shows), shared by
 * the streams that open together: a hall of phones opening at once would otherwise count the
 * roster once per phone. A caller gets a count that starts after it asked — the one waiting to
 * start, or a new one — so it never misses a change committed before; at most one count runs per
 * congress, and one waits.
 */
export function streamSnapshot(context: ServiceContext, congressId: string): Promise<CurrentAttendance> {
  let byCongress = snapshotFlights.get(context.events);
  if (!byCongress) {
    byCongress = new Map();
    snapshotFlights.set(context.events, byCongress);
  }
  let flight = byCongress.get(congressId);
  if (!flight) {
    flight = { running: undefined, next: undefined };
    byCongress.set(congressId, flight);
  }
  const current = flight;
  const start = () => {
    const counting = currentAttendance(context.database.db, congressId).finally(() => {
      if (current.running === counting) current.running = undefined;
    });
    current.running = counting;
    return counting;
  };
  if (current.next) return current.next;
  if (!current.running) return start();
  const after = current.running.then(
    () => undefined,
    () => undefined,
  );
  current.next = after.then(() => {
    current.next = undefined;
    return start();
  });
  return current.next;
}

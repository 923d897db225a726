import type { Database } from '../persistence/index.ts';
import { announceAttendance } from './attendance/attendance-announcer.ts';
import type { CongressEvent, EventCheck, EventHub, Listener, StoredAnnouncement } from './event-types.ts';

export type {
  Announcement,
  AttendanceNotice,
  CongressEvent,
  EventCheck,
  EventHub,
  Listener,
  StoredAnnouncement,
} from './event-types.ts';

/**
 * Live updates per congress (attendance, voting progress, results) for the server-sent-events
 * stream, in one process: the hub of the command line and of most tests. A write stores its
 * announcements in its own transaction (audited-write.ts) and hands them here once committed,
 * with their ids; they go to the subscribers at once, in the order the writes hear of their
 * commits, which is not always commit order (event-feed.ts says why). A notice that a sitting's
 * attendance changed becomes the sitting's counts, coalesced (attendance-announcer.ts). The
 * server uses DatabaseEventFeed (event-feed.ts), which reads what was committed back in order.
 * What an event carries is declared in src/contract/events.ts.
 */
export class EventBus implements EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  #check: EventCheck | undefined;

  checkWith(check: EventCheck): void {
    this.#check = check;
  }

  get check(): EventCheck | undefined {
    return this.#check;
  }

  subscribe(congressId: string, listener: Listener): () => void {
    let set = this.listeners.get(congressId);
    if (!set) {
      set = new Set();
      this.listeners.set(congressId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(congressId) === set) this.listeners.delete(congressId);
    };
  }

  publish(event: CongressEvent): void {
    this.#check?.(event);
    this.deliver(event, undefined);
  }

  committed(events: readonly StoredAnnouncement[], database: Database): void {
    for (const event of events) this.receive(event, database);
  }

  subscriberCount(congressId: string): number {
    return this.listeners.get(congressId)?.size ?? 0;
  }

  /** One committed announcement: an event for the subscribers, or a notice to derive one from. */
  protected receive(stored: StoredAnnouncement, database: Database): void {
    if (stored.type === 'attendance-changed') {
      announceAttendance({ database, events: this }, stored.congressId, stored.data.sittingId);
      return;
    }
    // Subscribers get the event as published, the id beside it.
    const { id, ...event } = stored;
    this.deliver(event as CongressEvent, id);
  }

  private deliver(event: CongressEvent, id: number | undefined): void {
    for (const listener of this.listeners.get(event.congressId) ?? []) {
      try {
        listener(event, id);
      } catch {
        // A broken subscriber (a closed stream) must not stop the others.
      }
    }
  }
}

import type { PublishedEvent } from '../contract/events.ts';
import type { Database } from '../persistence/index.ts';

// What the live stream carries and how services reach it (ServiceContext.events). The stream's
// events are declared in src/contract/events.ts; here is what a write announces and the hub that
// delivers it. Kept apart from the hub's implementations (events.ts, event-feed.ts) so that the
// context can name the hub without importing the services those use.

/** An event of the stream, for one congress. */
export type CongressEvent = PublishedEvent & { readonly congressId: string };

/**
 * That a sitting's attendance changed. Each server instance then sends the sitting's counts to
 * its streams (attendance-announcer.ts), a few times a second at most, instead of one event with
 * counts per check-in: counting reads the whole roster, and 20 desks check in every few ms.
 */
export interface AttendanceNotice {
  readonly type: 'attendance-changed';
  readonly congressId: string;
  readonly data: { readonly sittingId: string };
}

/**
 * What a write announces (Change.events in audited-write.ts), stored in the same transaction: an
 * event of the stream as subscribers get it, or a notice from which each instance derives one.
 */
export type Announcement = Exclude<CongressEvent, { type: 'attendance' }> | AttendanceNotice;

/** An announcement as stored, with its id (the stream's event id: dense, in commit order). */
export type StoredAnnouncement = Announcement & { readonly id: number };

/** Gets each event for a congress; `id` is its stored id, absent for derived counts. */
export type Listener = (event: CongressEvent, id: number | undefined) => void;

/** Checks an event before it is stored or delivered; throws when it is not what the contract declares. */
export type EventCheck = (event: CongressEvent) => void;

/**
 * The live updates of one server instance: its subscribers (the open streams) per congress, and
 * the announcements committed by any instance, delivered in id order.
 */
export interface EventHub {
  /**
   * Checks every event stored or published from now on (the HTTP app does when it checks its
   * answers): a malformed event fails its write, as a malformed answer fails its request.
   */
  checkWith(check: EventCheck): void;
  readonly check: EventCheck | undefined;
  subscribe(congressId: string, listener: Listener): () => void;
  subscriberCount(congressId: string): number;
  /** Delivers an event to this instance's subscribers now, without an id (derived counts). */
  publish(event: CongressEvent): void;
  /**
   * A transaction that stored these announcements has committed (auditedWrite and group commit
   * call this). In one process the hub delivers them at once; behind several instances it reads
   * them, with everyone else's, from the table.
   */
  committed(events: readonly StoredAnnouncement[], database: Database): void;
}

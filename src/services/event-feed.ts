import {
  type Database,
  listenForStreamEvents,
  type StreamEventListener,
  streamEventsAfter,
  streamEventWindow,
} from '../persistence/index.ts';
import type { StoredAnnouncement } from './event-types.ts';
import { EventBus } from './events.ts';

// The hub of a server instance, on either database. Announcements are stored in the transaction
// of their change (event-log.ts), with ids in commit order; here one reader per instance delivers
// every stored event, of whichever instance or process, in id order, to this instance's
// subscribers. It reads "everything after the last id I delivered":
// - when a write of this instance has committed,
// - PostgreSQL: when the listening connection is notified that a transaction of any instance
//   committed events, and when that connection is (re)established (notifications may have been
//   missed),
// - every POLL_MS regardless, in case a notification was lost some other way (on SQLite: a write
//   of the command line, in another process).
// Why not deliver a commit's events as its write hears of them (EventBus)? Writes hear of their
// commits out of order: on SQLite each commit's WAL sync runs in the thread pool (wal-sync.ts),
// and the later of two syncs may finish first. A stream that coalesces a round's progress would
// then keep the older count (a teller's screen stuck at 299 of 300 sheets). Reading the table
// delivers in commit order whoever hears first.
// Reads never overlap; a wake-up during a read makes one more read after it, unless it named the
// id to reach (a notification, a commit of this instance) and that read reached it: each commit
// wakes its own instance twice (its commit, then its notification), and in a hall's burst the
// second read, always empty, was a third of the feed's queries. Nothing is delivered twice and
// nothing is skipped: ids are dense and committed in order (event-log.ts).

/** The slow safety net under notifications. */
const POLL_MS = 2_000;
/** Rows per read. */
const PAGE = 500;

export class DatabaseEventFeed extends EventBus {
  /** The last id delivered. */
  private last = 0;
  private reading: Promise<void> | undefined;
  /** Read again after the current read: every id up to this one, or (Infinity) whatever is there. */
  private again = 0;
  private listener: StreamEventListener | undefined;
  private poll: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly database: Database,
    private readonly log: (message: string) => void = (message) => console.error(message),
  ) {
    super();
  }

  /**
   * Starts after the newest stored event (history is for reconnecting streams), then listens
   * (PostgreSQL; SQLite has no notifications, and one server process).
   */
  async start(): Promise<void> {
    this.last = (await streamEventWindow(this.database.db)).newest ?? 0;
    this.poll = setInterval(() => this.wake(), POLL_MS);
    this.poll.unref();
    if (this.database.dialect !== 'postgres') return;
    this.listener = await listenForStreamEvents(this.database, {
      onNotify: (lastId) => {
        if (lastId > this.last) this.wake(lastId);
      },
      onConnect: () => this.wake(),
      onLost: (error) =>
        this.log(`plenum: live-update listener lost its connection (${error.message}); reconnecting`),
    });
  }

  /** Whether the listening connection is up (for health checks; PostgreSQL only). */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  /** The last event id this instance has delivered. */
  get position(): number {
    return this.last;
  }

  override committed(events: readonly StoredAnnouncement[], _database: Database): void {
    // Delivered from the table, in order with every other instance's.
    const newest = Math.max(...events.map((event) => event.id));
    if (newest > this.last) this.wake(newest);
  }

  /** Resolves once every event committed before the call has been delivered (tests, shutdown). */
  async caughtUp(): Promise<void> {
    this.wake();
    while (this.reading) await this.reading;
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    await this.listener?.close();
    await this.reading?.catch(() => {});
  }

  /** Reads what is new: up to `upTo` at least when given, else whatever is stored. */
  private wake(upTo = Number.POSITIVE_INFINITY): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = Math.max(this.again, upTo);
      return;
    }
    this.reading = this.readAll().finally(() => {
      this.reading = undefined;
    });
  }

  private async readAll(): Promise<void> {
    try {
      do {
        this.again = 0;
        let page: Awaited<ReturnType<typeof streamEventsAfter>>;
        do {
          page = await streamEventsAfter(this.database.db, this.last, { limit: PAGE });
          for (const row of page) {
            if (this.stopped) return;
            this.last = row.id;
            this.receive(
              {
                id: row.id,
                type: row.type,
                congressId: row.congressId,
                data: row.data,
              } as StoredAnnouncement,
              this.database,
            );
          }
        } while (page.length === PAGE);
        if (page.length === 0) await this.noticeRewind();
      } while (this.again > this.last && !this.stopped);
    } catch (error) {
      // The database is unreachable for now: the listener reconnects and wakes us, and so does the poll.
      if (!this.stopped)
        this.log(
          `plenum: reading live updates failed: ${error instanceof Error ? error.message : String(error)}`,
        );
    }
  }

  /**
   * Ids only grow, except when the data is restored from a backup under a running server: then the
   * newest id may be below the last delivered, and the feed goes on from the newest.
   */
  private async noticeRewind(): Promise<void> {
    const { newest } = await streamEventWindow(this.database.db);
    if ((newest ?? 0) < this.last) this.last = newest ?? 0;
  }
}

import { type AuditAppender, appendStreamEvents, type WriteTransaction } from '../persistence/index.ts';
import type { Announcement, EventCheck, StoredAnnouncement } from './event-types.ts';

/**
 * The announcements of one write transaction, gathered while it runs and stored with it just
 * before it commits (event-log.ts): so a change rolled back (a refusal, a savepoint undone by
 * group commit) announces nothing, and a transaction run again after a serialization failure
 * starts a fresh list and announces once. Each is checked against the contract as it is added,
 * when the hub checks (the HTTP app's contract check): a malformed event fails its write.
 */
export class Announcements {
  private readonly pending: Announcement[] = [];

  constructor(private readonly check: EventCheck | undefined) {}

  add(events: readonly Announcement[]): void {
    for (const event of events) {
      if (event.type !== 'attendance-changed') this.check?.(event);
      this.pending.push(event);
    }
  }

  /** A mark to rewind to when what was added since is rolled back to a savepoint. */
  get mark(): number {
    return this.pending.length;
  }

  rewind(mark: number): void {
    this.pending.length = mark;
  }

  /**
   * Stores what was added, in order, in `trx`; the stored announcements carry their ids. `audit`,
   * when given, is closed with them (in one statement on PostgreSQL: appendStreamEvents).
   */
  async store(trx: WriteTransaction, at: string, audit?: AuditAppender): Promise<StoredAnnouncement[]> {
    const stored = await appendStreamEvents(trx, this.pending, at, audit);
    return stored.map((event, i) => ({ ...this.pending[i]!, id: event.id }) as StoredAnnouncement);
  }
}

import { expect, it } from 'vitest';
import type { Database } from '../../src/persistence/index.ts';
import { auditedWrite } from '../../src/services/audited-write.ts';
import { DatabaseEventFeed } from '../../src/services/event-feed.ts';
import { EventBus, type StoredAnnouncement } from '../../src/services/events.ts';
import { seedAttendanceCongress } from '../services/attendance/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../support/databases.ts';
import { SYSTEM, testContext } from '../support/http.ts';

// Writes hear of their commits out of order: on SQLite each commit's WAL sync runs in the thread
// pool, and the later of two syncs may finish first (wal-sync.ts). The server's hub reads what
// was committed back from the table, so its streams get the events in commit order whichever
// write hears first. Before, the hub delivered each write's events as the write heard of them,
// a stream coalescing a round's progress kept the older count, and a teller's screen stayed at
// 299 of 300 sheets (CI, whole-congress browser test).

/** A hub that only keeps what each write hands it, so that the test can hand it on in any order. */
class HeldBack extends EventBus {
  readonly calls: StoredAnnouncement[][] = [];
  override committed(events: readonly StoredAnnouncement[]): void {
    this.calls.push([...events]);
  }
}

/** Two commits, each announcing a paper round's progress; what each write was handed, in order. */
async function twoKeyedSheets(database: Database, congressId: string): Promise<StoredAnnouncement[][]> {
  const held = new HeldBack();
  const context = { ...testContext(database), events: held };
  for (const entered of [299, 300])
    await auditedWrite(context, SYSTEM, async () => ({
      result: undefined,
      audit: { action: 'test.keyed', subject: 'round-1' },
      events: [
        {
          type: 'voting',
          congressId,
          data: { roundId: 'round-1', entered, agreed: entered, disagreements: 0 },
        },
      ],
    }));
  return held.calls;
}

/** A congress, and a started feed on its database that records what it delivers. */
async function feedOn(database: Database) {
  const { congressId } = await seedAttendanceCongress(database, { voting: 2 });
  const feed = new DatabaseEventFeed(database, () => {});
  await feed.start();
  const heard: { id: number | undefined; entered: unknown }[] = [];
  feed.subscribe(congressId, (event, id) =>
    heard.push({ id, entered: (event.data as { entered?: number }).entered }),
  );
  return { congressId, feed, heard };
}

describeEachDatabase('the server hub delivers in commit order', (target) => {
  it('two commits heard in reverse order reach the subscribers in id order, each once', async () => {
    const database = await openMigrated(target);
    const { congressId, feed, heard } = await feedOn(database);
    try {
      const [first, second] = (await twoKeyedSheets(database, congressId)) as [
        StoredAnnouncement[],
        StoredAnnouncement[],
      ];
      expect(second[0]!.id).toBe(first[0]!.id + 1);
      // The later commit is heard first, then the earlier one.
      feed.committed(second, database);
      feed.committed(first, database);
      await feed.caughtUp();
      expect(heard).toEqual([
        { id: first[0]!.id, entered: 299 },
        { id: second[0]!.id, entered: 300 },
      ]);
    } finally {
      await feed.close();
    }
  });

  it('what another process committed (the command line) reaches the streams too', async () => {
    const database = await openMigrated(target);
    const { congressId, feed, heard } = await feedOn(database);
    try {
      // Nobody tells this feed of these commits: its poll (or any later wake) finds them.
      await twoKeyedSheets(database, congressId);
      await feed.caughtUp();
      expect(heard.map((h) => h.entered)).toEqual([299, 300]);
    } finally {
      await feed.close();
    }
  });
});

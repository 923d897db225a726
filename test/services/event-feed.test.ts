import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttendanceCounts } from '../../src/contract/attendance.ts';
import { type Database, migrate } from '../../src/persistence/index.ts';
import { checkIn } from '../../src/services/attendance/check-in.ts';
import { auditedWrite } from '../../src/services/audited-write.ts';
import { updateSitting } from '../../src/services/congress/sittings.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { DatabaseEventFeed } from '../../src/services/event-feed.ts';
import type { CongressEvent } from '../../src/services/events.ts';
import { DESK, seedAttendanceCongress } from '../services/attendance/fixtures.ts';
import { openAt, POSTGRES_TEST_URL, testDatabase, testDatabases } from '../support/databases.ts';
import { SYSTEM, testContext } from '../support/http.ts';

// Several server instances on one PostgreSQL database, each with its own DatabaseEventFeed: what
// one instance commits, every instance delivers, in the same id order, once; a listening
// connection that is lost is re-established and the events committed meanwhile are delivered; a
// transaction run again after a serialization failure announces once.

interface Heard {
  readonly event: CongressEvent;
  readonly id: number | undefined;
}

/** Waits for `ready` to hold, polling; fails with `what` after `ms`. */
async function until(ready: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const postgres = testDatabases.includes(testDatabase.postgres);

describe.skipIf(!postgres)('live updates through PostgreSQL, several instances', () => {
  const feeds: DatabaseEventFeed[] = [];
  afterEach(async () => {
    for (const feed of feeds.splice(0)) await feed.close();
  });

  /** Two instances (database handles with their feeds) on one fresh schema, and a congress. */
  async function twoInstances() {
    const place = await testDatabase.postgres.place();
    const instance = async (): Promise<{
      context: ServiceContext;
      feed: DatabaseEventFeed;
      heard: Heard[];
    }> => {
      const database: Database = await openAt(place.config);
      await migrate(database);
      const feed = new DatabaseEventFeed(database, () => {});
      feeds.push(feed);
      await feed.start();
      return { context: { ...testContext(database), events: feed }, feed, heard: [] };
    };
    const a = await instance();
    const b = await instance();
    const fixture = await seedAttendanceCongress(a.context.database, { voting: 6 });
    for (const { feed, heard } of [a, b])
      feed.subscribe(fixture.congressId, (event, id) => heard.push({ event, id }));
    return { a, b, fixture, schema: place.config.schema! };
  }

  const stored = (heard: readonly Heard[]) =>
    heard.filter((h) => h.id !== undefined).map((h) => [h.id, h.event.type, JSON.stringify(h.event.data)]);

  it('what one instance commits, every instance delivers in id order, once; attendance as counts', async () => {
    const { a, b, fixture } = await twoInstances();
    const { congressId, sittingId, delegates } = fixture;
    await updateSitting(a.context, SYSTEM, congressId, sittingId, { title: '第一次全体会议' });
    await updateSitting(b.context, SYSTEM, congressId, sittingId, { venue: '大礼堂' });
    await Promise.all(
      delegates.slice(0, 4).map((d, i) =>
        checkIn(i % 2 === 0 ? a.context : b.context, DESK, {
          congressId,
          sittingId,
          delegate: { code: d.code },
          desk: String(i),
        }),
      ),
    );
    await updateSitting(a.context, SYSTEM, congressId, sittingId, { venue: '会议中心' });
    for (const { heard } of [a, b]) {
      await until(() => stored(heard).length === 3, 'three stored events');
      await until(
        () =>
          heard.some(
            (h) => h.event.type === 'attendance' && (h.event.data as AttendanceCounts).present === 4,
          ),
        'the counts of four check-ins',
      );
    }
    expect(stored(a.heard)).toEqual(stored(b.heard));
    const ids = stored(a.heard).map(([id]) => id as number);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(3);
    expect(a.heard.filter((h) => h.event.type === 'congress').map((h) => h.event.data)).toEqual([
      { change: 'sitting', sittingId },
      { change: 'sitting', sittingId },
      { change: 'sitting', sittingId },
    ]);
    // Counts come without an id: they are derived by each instance, never stored.
    expect(a.heard.filter((h) => h.event.type === 'attendance').every((h) => h.id === undefined)).toBe(true);
  });

  it('a lost listening connection comes back, and what was committed meanwhile is delivered', async () => {
    const { a, b, fixture, schema } = await twoInstances();
    const { congressId, sittingId } = fixture;
    const admin = new pg.Client({ connectionString: POSTGRES_TEST_URL });
    await admin.connect();
    try {
      // Ends both listening connections (this schema's only), as a restarted server or a network cut would.
      const { rowCount } = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where application_name = 'plenum-listener' and query = $1`,
        [`listen "plenum_events_${schema}"`],
      );
      expect(rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    await until(() => !a.feed.listening && !b.feed.listening, 'both listeners to notice');
    await updateSitting(a.context, SYSTEM, congressId, sittingId, { title: '断线期间' });
    await until(() => a.feed.listening && b.feed.listening, 'both listeners to reconnect');
    await updateSitting(b.context, SYSTEM, congressId, sittingId, { title: '重连之后' });
    for (const { heard } of [a, b]) await until(() => stored(heard).length === 2, 'both events');
    expect(stored(a.heard)).toEqual(stored(b.heard));
  });

  it('a transaction run again after a serialization failure announces once', async () => {
    const { a, b, fixture } = await twoInstances();
    const { congressId, sittingId } = fixture;
    let attempts = 0;
    // The contract check runs as each event is added: the second event of the first attempt fails
    // as PostgreSQL fails a transaction it cannot order, after the first was added.
    a.feed.checkWith((event) => {
      if (event.type === 'congress' && event.data.change === 'agenda' && ++attempts === 1)
        throw Object.assign(new Error('could not serialize access'), { code: '40001' });
    });
    await auditedWrite(a.context, SYSTEM, async (trx) => {
      await trx.updateTable('sittings').set({ title: '重试' }).where('id', '=', sittingId).execute();
      return {
        result: undefined,
        audit: { action: 'sitting.update', subject: `sitting:${sittingId}` },
        events: [
          { type: 'congress', congressId, data: { change: 'sitting', sittingId } },
          { type: 'congress', congressId, data: { change: 'agenda', sittingId } },
        ],
      };
    });
    expect(attempts).toBe(2);
    for (const { heard } of [a, b]) await until(() => stored(heard).length === 2, 'the two events');
    const rows = await a.context.database.db.selectFrom('stream_events').select(['id', 'type']).execute();
    expect(rows.map((row) => row.id)).toEqual([1, 2]);
    expect(stored(b.heard).map(([, type]) => type)).toEqual(['congress', 'congress']);
  });
});

import { expect, it } from 'vitest';
import {
  appendStreamEvents,
  inTransaction,
  pruneStreamEvents,
  streamEventsAfter,
  streamEventWindow,
} from '../../src/persistence/index.ts';
import { describeEachDatabase, openMigrated } from '../support/databases.ts';

const AT = '2026-09-27T01:00:00.000Z';
const event = (congressId: string, n: number) => ({ congressId, type: 'voting', data: { n } });

describeEachDatabase('stored stream events', (target) => {
  it('numbers events densely in commit order; a rolled-back transaction stores none', async () => {
    const database = await openMigrated(target);
    const first = await inTransaction(database, (trx) =>
      appendStreamEvents(trx, [event('c1', 1), event('c2', 2), event('c1', 3)], AT),
    );
    expect(first.map((e) => e.id)).toEqual([1, 2, 3]);
    await expect(
      inTransaction(database, async (trx) => {
        await appendStreamEvents(trx, [event('c1', 4)], AT);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    // Concurrent writers: each transaction's ids follow the last committed one, none is reused.
    const concurrent = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        inTransaction(database, (trx) =>
          appendStreamEvents(trx, [event('c1', 10 + i), event('c2', 20 + i)], AT),
        ),
      ),
    );
    const ids = concurrent.flatMap((batch) => batch.map((e) => e.id)).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: 16 }, (_, i) => 4 + i));
    for (const batch of concurrent) expect(batch[1]!.id).toBe(batch[0]!.id + 1);

    const all = await streamEventsAfter(database.db, 0);
    expect(all.map((e) => e.id)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(all[0]).toEqual({ id: 1, congressId: 'c1', type: 'voting', data: { n: 1 }, at: AT });
    const c1 = await streamEventsAfter(database.db, 1, { congressId: 'c1', upTo: 10 });
    expect(c1.every((e) => e.congressId === 'c1' && e.id > 1 && e.id <= 10)).toBe(true);
    expect(await streamEventWindow(database.db)).toEqual({ oldest: 1, newest: 19 });
  });

  it('prunes the oldest events — by age and by count — but never the newest', async () => {
    const database = await openMigrated(target);
    const hour = 60 * 60 * 1000;
    const at = (hoursAgo: number) => new Date(Date.parse(AT) - hoursAgo * hour).toISOString();
    for (const hoursAgo of [30, 26, 20, 2, 1]) {
      await inTransaction(database, (trx) => appendStreamEvents(trx, [event('c1', hoursAgo)], at(hoursAgo)));
    }
    // Older than a day: ids 1 and 2.
    expect(await pruneStreamEvents(database, { now: AT, keepMs: 24 * hour, keepCount: 100 })).toBe(2);
    expect(await streamEventWindow(database.db)).toEqual({ oldest: 3, newest: 5 });
    // At most two kept.
    expect(await pruneStreamEvents(database, { now: AT, keepMs: 24 * hour, keepCount: 2 })).toBe(1);
    expect(await streamEventWindow(database.db)).toEqual({ oldest: 4, newest: 5 });
    // Everything is old: the newest stays, so the next id still follows it.
    expect(await pruneStreamEvents(database, { now: at(-48), keepMs: hour, keepCount: 100 })).toBe(1);
    expect(await streamEventWindow(database.db)).toEqual({ oldest: 5, newest: 5 });
    const [next] = await inTransaction(database, (trx) => appendStreamEvents(trx, [event('c1', 0)], AT));
    expect(next!.id).toBe(6);
  });
});

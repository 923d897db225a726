import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { type Database, verifyAuditChain, type WriteTransaction } from '../../src/persistence/index.ts';
import { ServiceError } from '../../src/services/errors.ts';
import { groupCommittedWrite, SQLITE_GROUP_SPACING_MS } from '../../src/services/group-commit.ts';
import { organisationRow } from '../support/builder/rows.ts';
import { describeEachDatabase, openMigrated } from '../support/databases.ts';
import { SYSTEM, testContext } from '../support/http.ts';

// Group commit (src/services/group-commit.ts): requests that arrive together share a transaction,
// yet each is atomic with its audit entry, a refused one changes nothing and gets its own error,
// and none is answered before its transaction has committed.

/** The row each write adds (the writes under test go through the transaction they are given). */
function organisation(id: string) {
  return organisationRow({ id, name: `组织${id}`, short_name: id, locality: '示范市', level: 'city' });
}

describeEachDatabase('group commit', (target) => {
  it('commits concurrent requests together, each with its audit entry; a refused one changes nothing', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const transactions = new Set<WriteTransaction>();
    const requests = Array.from({ length: 40 }, (_, i) =>
      groupCommittedWrite(context, SYSTEM, async (trx) => {
        transactions.add(trx);
        await trx
          .insertInto('organisations')
          .values(organisation(`org-${i}`))
          .execute();
        // Request 7 writes, then is refused: its row must vanish, the others must stay.
        if (i === 7) throw new ServiceError(409, 'refused', 'refused on purpose', '按设计拒绝');
        return { result: i, audit: { action: 'test.write', subject: `org:${i}`, after: { i } } };
      }),
    );
    const outcomes = await Promise.allSettled(requests);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(39);
    expect(outcomes[7]).toMatchObject({ status: 'rejected', reason: { code: 'refused' } });
    expect(outcomes[8]).toEqual({ status: 'fulfilled', value: 8 });
    // Requests made in the same turn of the event loop share one transaction.
    expect(transactions.size).toBe(1);
    const rows = await database.db.selectFrom('organisations').select('id').execute();
    expect(rows.map((r) => r.id).sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `org-${i}`)
        .filter((id) => id !== 'org-7')
        .sort(),
    );
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['seq', 'subject'])
      .orderBy('seq')
      .execute();
    expect(audit).toHaveLength(39);
    expect(audit.map((a) => a.subject)).not.toContain('org:7');
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 39 });
  });

  it('a database error in one request (a duplicate key) fails that request only', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const write = (id: string) =>
      groupCommittedWrite(context, SYSTEM, async (trx) => {
        await trx.insertInto('organisations').values(organisation(id)).execute();
        return { result: id, audit: { action: 'test.write', subject: `org:${id}` } };
      });
    const outcomes = await Promise.allSettled([write('a'), write('b'), write('b'), write('c')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const ids = await database.db.selectFrom('organisations').select('id').orderBy('id').execute();
    expect(ids.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 3 });
  });

  it('answers a request only after its transaction has committed', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const id = await groupCommittedWrite(context, SYSTEM, async (trx) => {
      await trx.insertInto('organisations').values(organisation('durable')).execute();
      return { result: 'durable', audit: { action: 'test.write', subject: 'org:durable' } };
    });
    // Read through the pool, outside any transaction: only committed rows are visible here.
    const row = await database.db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toEqual({ id: 'durable' });
  });

  if (target.name === 'sqlite') {
    it('under a burst on SQLite the next group starts SQLITE_GROUP_SPACING_MS after the last and holds what arrived meanwhile', async () => {
      const database = await openMigrated(target);
      const context = testContext(database);
      const started = new Map<WriteTransaction, number>();
      const later: Promise<string>[] = [];
      const write = (id: string, during?: () => void) =>
        groupCommittedWrite(context, SYSTEM, async (trx) => {
          if (!started.has(trx)) started.set(trx, performance.now());
          during?.();
          await trx.insertInto('organisations').values(organisation(id)).execute();
          return { result: id, audit: { action: 'test.write', subject: `org:${id}` } };
        });
      // A group of three; while it is written, three more requests arrive.
      const first = [
        write('a1', () => later.push(write('b1'), write('b2'))),
        write('a2'),
        write('a3', () => later.push(write('b3'))),
      ];
      expect(await Promise.all([...first])).toEqual(['a1', 'a2', 'a3']);
      expect(await Promise.all(later)).toEqual(['b1', 'b2', 'b3']);
      // Two transactions: the second took all three that came during the first, and began no
      // sooner than the spacing after it (a lower bound: a busy machine only makes it later; the
      // millisecond less allows for the timers' clock, which ticks in whole milliseconds).
      const [a, b] = [...started.values()];
      expect(started.size).toBe(2);
      expect(b! - a!).toBeGreaterThanOrEqual(SQLITE_GROUP_SPACING_MS - 1);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 6 });
    });
  }

  if (target.name === 'postgres') {
    it('takes its group once it holds the writer lock: requests that arrive while another writer holds it join the group', async () => {
      const database = await openMigrated(target);
      const context = testContext(database);
      const transactions: WriteTransaction[] = [];
      const write = (id: string) =>
        groupCommittedWrite(context, SYSTEM, async (trx) => {
          transactions.push(trx);
          await trx.insertInto('organisations').values(organisation(id)).execute();
          return { result: id, audit: { action: 'test.write', subject: `org:${id}` } };
        });
      // Another writer (another instance) holds the lock.
      let release!: () => void;
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      const other = database.db.transaction().execute(async (trx) => {
        await sql`lock table audit_head in exclusive mode`.execute(trx);
        held();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await holding;
      const first = write('first');
      // The first group's transaction is waiting for the lock ...
      await waitUntil(async () => (await lockWaiters(database)) > 0);
      // ... when more requests arrive.
      const later = [write('second'), write('third')];
      release();
      await other;
      expect(await Promise.all([first, ...later])).toEqual(['first', 'second', 'third']);
      // One transaction wrote all three.
      expect(new Set(transactions).size).toBe(1);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 3 });
    });
  }
});

/** Sessions of this database waiting for a lock. */
async function lockWaiters(database: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_locks where not granted and relation = 'audit_head'::regclass`.execute(
    database.db,
  );
  return rows[0]!.n;
}

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

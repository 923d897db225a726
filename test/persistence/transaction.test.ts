import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../src/persistence/audit-log.ts';
import type { Database } from '../../src/persistence/connection.ts';
import { isSerializationFailure, retryOnSerializationFailure } from '../../src/persistence/retry.ts';
import { inReadTransaction, inTransaction } from '../../src/persistence/transaction.ts';
import { at } from '../support/audit-fixtures.ts';
import { describeEachDatabase, openMigrated } from '../support/databases.ts';

async function counter(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'counter')
    .executeTakeFirst();
  return row ? Number(row.value) : 0;
}

describeEachDatabase('inTransaction', (target) => {
  it('leaves nothing behind when the function throws', async () => {
    const database = await openMigrated(target);
    await expect(
      inTransaction(database, async (trx) => {
        await trx.insertInto('meta').values({ key: 'k', value: 'v' }).execute();
        await appendAudit(trx, { actor: 'a', action: 'meta.set', subject: 'meta:k', after: 'v', at: at(1) });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await database.db.selectFrom('meta').selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom('audit_head').selectAll().execute()).toEqual([]);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 0 });
  });

  it('commits what the function wrote and returns its value', async () => {
    const database = await openMigrated(target);
    const result = await inTransaction(database, async (trx) => {
      await trx.insertInto('meta').values({ key: 'counter', value: '41' }).execute();
      return 42;
    });
    expect(result).toBe(42);
    expect(await counter(database)).toBe(41);
  });

  it('never loses an update when 25 read-modify-write transactions overlap', async () => {
    const database = await openMigrated(target);
    const events: string[] = [];
    let retries = 0;
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        inTransaction(
          database,
          async (trx) => {
            events.push(`begin ${i}`);
            const row = await trx
              .selectFrom('meta')
              .select('value')
              .where('key', '=', 'counter')
              .executeTakeFirst();
            await sleep(2); // yield to every other caller between the read and the write
            const next = String(Number(row?.value ?? 0) + 1);
            if (row)
              await trx.updateTable('meta').set({ value: next }).where('key', '=', 'counter').execute();
            else await trx.insertInto('meta').values({ key: 'counter', value: next }).execute();
            events.push(`end ${i}`);
          },
          { onRetry: () => retries++ },
        ),
      ),
    );
    expect(await counter(database)).toBe(25);
    // Writers queue (SQLite: one connection behind Kysely's mutex; PostgreSQL: the writer lock
    // taken before the snapshot), so none had to be retried and none interleaved with another.
    expect(retries).toBe(0);
    for (let k = 0; k < events.length; k += 2) {
      expect(events[k + 1]).toBe(events[k]!.replace('begin', 'end'));
    }
  });

  it('reads one consistent snapshot in inReadTransaction, and refuses writes there', async () => {
    const database = await openMigrated(target);
    await inTransaction(database, (trx) =>
      trx.insertInto('meta').values({ key: 'counter', value: '1' }).execute(),
    );
    const seen = await inReadTransaction(database, async (trx) => {
      const rows = await trx.selectFrom('meta').selectAll().execute();
      return rows.length;
    });
    expect(seen).toBe(1);
    await expect(
      inReadTransaction(database, (trx) => trx.insertInto('meta').values({ key: 'x', value: 'y' }).execute()),
    ).rejects.toThrow(/read-only|readonly|query_only|attempt to write/i);
    expect(await counter(database)).toBe(1);
    // query_only was switched off again: writes work after the read transaction.
    await inTransaction(database, (trx) => trx.insertInto('meta').values({ key: 'x', value: 'y' }).execute());
  });

  if (target.name === 'sqlite') {
    it('takes the write lock at BEGIN (IMMEDIATE), before running any of the function', async () => {
      const database = await openMigrated(target);
      // Another process holds the write lock; our busy wait is shortened so the test is quick.
      const other = new BetterSqlite3(database.file!);
      await sql`pragma busy_timeout = 100`.execute(database.db);
      other.exec('begin immediate');
      let ran = false;
      try {
        await expect(
          inTransaction(database, async (trx) => {
            ran = true;
            await trx.selectFrom('meta').selectAll().execute();
          }),
        ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
        expect(ran).toBe(false);
      } finally {
        other.exec('rollback');
        other.close();
      }
      await sql`pragma busy_timeout = 5000`.execute(database.db);
      await inTransaction(database, async () => {
        ran = true;
      });
      expect(ran).toBe(true);
    });
  }

  if (target.name === 'postgres') {
    it('begins every write SERIALIZABLE holding the writer lock, with the lock wait bounded', async () => {
      const database = await openMigrated(target);
      // Besides the writer lock: the share and predicate locks of reading the audit head as the
      // transaction began (writer-lock.ts).
      const inside = await inTransaction(database, async (trx) => {
        const { rows } = await sql<{ mode: string; isolation: string; timeout: string }>`
          select l.mode, current_setting('transaction_isolation') as isolation,
                 current_setting('lock_timeout') as timeout
          from pg_locks l
          where l.pid = pg_backend_pid() and l.relation = 'audit_head'::regclass and l.granted
            and l.mode not in ('AccessShareLock', 'SIReadLock')`.execute(trx);
        return rows;
      });
      expect(inside).toEqual([{ mode: 'ExclusiveLock', isolation: 'serializable', timeout: '5s' }]);
      // Read transactions take no writer lock, and neither does a serializable one asked for
      // directly (as the retry test below does).
      for (const builder of [
        database.db.transaction().setAccessMode('read only').setIsolationLevel('repeatable read'),
        database.db.transaction().setIsolationLevel('serializable'),
      ]) {
        const locks = await builder.execute(
          async (trx) =>
            (
              await sql<{ n: number }>`select count(*)::int as n from pg_locks
                where pid = pg_backend_pid() and relation = 'audit_head'::regclass`.execute(trx)
            ).rows[0]!.n,
        );
        expect(locks).toBe(0);
      }
    });

    it('retries a real serialization failure by re-running the whole function', async () => {
      const database = await openMigrated(target);
      await inTransaction(database, (trx) =>
        trx.insertInto('meta').values({ key: 'counter', value: '0' }).execute(),
      );
      // Two SERIALIZABLE transactions that skip the writer lock (as a transaction opened outside
      // inTransaction would): both read, then both write the same row. PostgreSQL aborts one
      // with 40001; the helper runs it again from the start.
      let reads = 0;
      let bothRead!: () => void;
      const barrier = new Promise<void>((resolve) => {
        bothRead = resolve;
      });
      const failures: unknown[] = [];
      const increment = () =>
        retryOnSerializationFailure(
          () =>
            database.db
              .transaction()
              .setIsolationLevel('serializable')
              .execute(async (trx) => {
                const row = await trx
                  .selectFrom('meta')
                  .select('value')
                  .where('key', '=', 'counter')
                  .executeTakeFirstOrThrow();
                if (++reads === 2) bothRead();
                await barrier;
                await trx
                  .updateTable('meta')
                  .set({ value: String(Number(row.value) + 1) })
                  .where('key', '=', 'counter')
                  .execute();
              }),
          { onRetry: (_attempt, error) => failures.push(error) },
        );
      await Promise.all([increment(), increment()]);
      expect(await counter(database)).toBe(2);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ code: '40001' });
    });
  }
});

describe('retryOnSerializationFailure', () => {
  it('recognises 40001 and 40P01 only', () => {
    expect(isSerializationFailure({ code: '40001' })).toBe(true);
    expect(isSerializationFailure({ code: '40P01' })).toBe(true);
    expect(isSerializationFailure({ code: '23505' })).toBe(false);
    expect(isSerializationFailure(new Error('40001'))).toBe(false);
    expect(isSerializationFailure(null)).toBe(false);
  });

  it('gives up after the last attempt and passes other errors straight through', async () => {
    let calls = 0;
    const failure = Object.assign(new Error('could not serialize access'), { code: '40001' });
    await expect(
      retryOnSerializationFailure(
        async () => {
          calls++;
          throw failure;
        },
        { attempts: 3, baseDelayMs: 0 },
      ),
    ).rejects.toBe(failure);
    expect(calls).toBe(3);

    calls = 0;
    await expect(
      retryOnSerializationFailure(async () => {
        calls++;
        throw new Error('not a conflict');
      }),
    ).rejects.toThrow('not a conflict');
    expect(calls).toBe(1);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/persistence/connection.ts';
import type { Schema } from '../../src/persistence/schema.ts';
import { PlenumSqliteDialect, withStatementCache } from '../../src/persistence/sqlite-dialect.ts';
import { inReadTransaction, inTransaction } from '../../src/persistence/transaction.ts';
import { walSyncer } from '../../src/persistence/wal-sync.ts';

// SQLite runs with synchronous=NORMAL and Plenum syncs the WAL itself after each commit, off the
// event loop (wal-sync.ts). What must hold: nobody hears of a write before its sync is done.
// The sync is replaced here by one the test finishes by hand (the real fdatasync is tested at the
// end); the database is a real SQLite file.

/** A sync the test finishes by hand, and the calls made to it. */
class HeldSyncs {
  readonly pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  calls = 0;

  readonly sync = (): Promise<void> => {
    this.calls += 1;
    return new Promise<void>((resolve, reject) => this.pending.push({ resolve, reject }));
  };

  finishAll(): void {
    for (const { resolve } of this.pending.splice(0)) resolve();
  }
}

/** Whether `promise` settles within a few turns of the event loop (a sync held by hand never does). */
async function settlesSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  for (let turn = 0; turn < 20 && !settled; turn++) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('SQLite commits wait for the WAL sync [wal-sync]', () => {
  let folder: string | undefined;
  let handle: BetterSqlite3.Database | undefined;
  afterEach(async () => {
    if (handle?.open) handle.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  async function open(syncs: HeldSyncs): Promise<Database> {
    folder = await mkdtemp(path.join(tmpdir(), 'plenum-walsync-'));
    const file = path.join(folder, 'plenum.sqlite');
    const opened = new BetterSqlite3(file);
    handle = opened;
    opened.pragma('journal_mode = WAL');
    opened.pragma('synchronous = NORMAL');
    opened.exec('create table meta (key text primary key, value text not null)');
    const db = new Kysely<Schema>({
      dialect: new PlenumSqliteDialect({
        database: withStatementCache(opened),
        durability: { inTransaction: () => opened.inTransaction, syncWal: syncs.sync },
      }),
    });
    return { db, dialect: 'sqlite', file, close: () => db.destroy() };
  }

  const count = (database: Database) =>
    database.db
      .selectFrom('meta')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));

  it('answers a write transaction only once the WAL is synced, one sync per commit', async () => {
    const syncs = new HeldSyncs();
    const database = await open(syncs);
    const written = inTransaction(database, (trx) =>
      trx.insertInto('meta').values({ key: 'a', value: '1' }).execute(),
    );
    expect(await settlesSoon(written)).toBe(false);
    expect(syncs.calls).toBe(1);
    syncs.finishAll();
    await written;
    expect(syncs.calls).toBe(1);
  });

  it('lets the connection go while the sync runs: the next query is served, the writer still waits', async () => {
    const syncs = new HeldSyncs();
    const database = await open(syncs);
    const written = inTransaction(database, (trx) =>
      trx.insertInto('meta').values({ key: 'a', value: '1' }).execute(),
    );
    while (syncs.calls === 0) await new Promise((resolve) => setImmediate(resolve));
    // The commit is in the WAL; a read of this process sees it while its sync is under way.
    expect(await count(database)).toBe(1);
    expect(await settlesSoon(written)).toBe(false);
    syncs.finishAll();
    await written;
  });

  it('holds the connection through the sync of a write made outside inTransaction (autocommit)', async () => {
    const syncs = new HeldSyncs();
    const database = await open(syncs);
    const written = database.db.insertInto('meta').values({ key: 'a', value: '1' }).execute();
    while (syncs.calls === 0) await new Promise((resolve) => setImmediate(resolve));
    const read = count(database);
    expect(await settlesSoon(written)).toBe(false);
    // The connection is still held by the autocommit write: the read waits for the sync.
    expect(await settlesSoon(read)).toBe(false);
    syncs.finishAll();
    await written;
    expect(await read).toBe(1);
  });

  it('does not sync reads, read transactions or rolled-back writes', async () => {
    const syncs = new HeldSyncs();
    const database = await open(syncs);
    expect(await count(database)).toBe(0);
    expect(await inReadTransaction(database, (trx) => trx.selectFrom('meta').selectAll().execute())).toEqual(
      [],
    );
    await expect(
      inTransaction(database, async (trx) => {
        await trx.insertInto('meta').values({ key: 'a', value: '1' }).execute();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(syncs.calls).toBe(0);
    expect(await count(database)).toBe(0);
  });

  it('fails the write as its caller sees it when the sync fails (as a failed fsync in COMMIT would)', async () => {
    const syncs = new HeldSyncs();
    const database = await open(syncs);
    const written = inTransaction(database, (trx) =>
      trx.insertInto('meta').values({ key: 'a', value: '1' }).execute(),
    );
    while (syncs.pending.length === 0) await new Promise((resolve) => setImmediate(resolve));
    syncs.pending.shift()!.reject(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(written).rejects.toMatchObject({ code: 'EIO' });
    // The connection is free again for the next write.
    const next = inTransaction(database, (trx) =>
      trx.insertInto('meta').values({ key: 'b', value: '2' }).execute(),
    );
    while (syncs.pending.length === 0) await new Promise((resolve) => setImmediate(resolve));
    syncs.finishAll();
    await next;
    expect(await count(database)).toBe(2);
  });
});

describe('walSyncer', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('syncs the WAL beside the database, and has nothing to sync once SQLite removed it at the last close', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'plenum-walsync-'));
    const file = path.join(folder, 'plenum.sqlite');
    const opened = new BetterSqlite3(file);
    opened.pragma('journal_mode = WAL');
    opened.exec('create table t (a)');
    await expect(walSyncer(file)()).resolves.toBeUndefined();
    opened.close();
    await expect(walSyncer(file)()).resolves.toBeUndefined();
  });

  it('reports what is not a missing WAL: a WAL it cannot open is an error the commit must report', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'plenum-walsync-'));
    const file = path.join(folder, 'plenum.sqlite');
    // A WAL path that runs through a plain file cannot be opened (ENOTDIR), unlike a missing WAL.
    await writeFile(file, '');
    await expect(walSyncer(path.join(file, 'inner.sqlite'))()).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

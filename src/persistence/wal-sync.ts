import { AsyncLocalStorage } from 'node:async_hooks';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { syncFile } from './file-sync.ts';

// Durable commits on SQLite, with the fsync off the server's one thread.
//
// `synchronous=FULL` in WAL mode is `synchronous=NORMAL` plus one sync of the WAL file after each
// commit's frames are written (SQLite's documentation of PRAGMA synchronous). better-sqlite3 runs
// that sync inside COMMIT, on the event loop: in the hall's burst (issue 15) the commits held the
// one server thread some 0.5 s of 3 s, most of it that sync, while nobody was read or answered.
//
// So the connection runs with NORMAL and we do the same sync ourselves, in libuv's thread pool:
// after every statement that leaves the connection outside a transaction (a COMMIT, or a write in
// autocommit), the WAL is fdatasync'ed, and nobody is told of the write before the sync is done.
// Meanwhile the thread is free to read requests, seal ballots and write answers.
// - By default the statement itself waits for the sync, holding SQLite's one connection (Kysely
//   hands it out under a mutex): no other query of this process runs before the write is on disk.
// - inTransaction (transaction.ts) lets the connection go first and waits for the sync after,
//   before its caller hears of the commit (whenWalSynced). The next transaction may then run,
//   and a read may see the commit, while its sync is under way (about a millisecond). Nothing is
//   acknowledged before it is durable, and a later commit never outlives an earlier one: after a
//   power cut SQLite replays the WAL in order, up to the first frame that did not reach the disk.
//   This is what a PostgreSQL primary with a synchronous standby does too (a commit is visible
//   before the standby has it, and acknowledged after).
// Checkpoints keep NORMAL's own syncs (the WAL before, the database after), and a WAL that is
// reused after a checkpoint has its header synced by SQLite.
//
// A sync that fails fails the commit as its caller sees it, as a failed sync inside COMMIT did
// under FULL: the request is not acknowledged (the write may still be on disk, as under FULL).

/** What the connection needs to sync after a commit: whether a transaction is open, and the sync. */
export interface WalDurability {
  /** True while the connection is inside a transaction (better-sqlite3's `inTransaction`). */
  inTransaction(): boolean;
  /** Makes every frame written to the WAL so far durable. */
  syncWal(): Promise<void>;
}

/** SQLite's one connection, which syncs the WAL after each statement that commits a write. */
export class WalSyncingConnection implements DatabaseConnection {
  /** The open transaction began read-only (BEGIN DEFERRED, query_only: transaction.ts). */
  private readOnly = false;

  constructor(
    private readonly connection: DatabaseConnection,
    private readonly durability: WalDurability,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.connection.executeQuery<R>(compiledQuery);
    if (this.durability.inTransaction()) {
      if (/^\s*begin\b/i.test(compiledQuery.sql))
        this.readOnly = /^\s*begin\s+deferred\b/i.test(compiledQuery.sql);
      return result;
    }
    const wrote = mayHaveWritten(compiledQuery.sql) && !this.readOnly;
    this.readOnly = false;
    if (!wrote) return result;
    const synced = this.durability.syncWal();
    const waiting = waitingCallers.getStore();
    if (!waiting?.open) await synced;
    else {
      // Handled here so that a failure is never unhandled; whenWalSynced rethrows it.
      synced.catch(() => undefined);
      waiting.syncs.push(synced);
    }
    return result;
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    // Kysely streams only SELECTs on SQLite: nothing to make durable.
    return this.connection.streamQuery<R>(compiledQuery, chunkSize);
  }
}

/** The syncs started on behalf of a caller that waits for them itself (whenWalSynced). */
const waitingCallers = new AsyncLocalStorage<{ readonly syncs: Promise<void>[]; open: boolean }>();

/**
 * Runs `fn`, letting the syncs of its commits run after SQLite's connection is released, and
 * settles only once they are done: with `fn`'s result, or the failure of a sync, or `fn`'s own.
 * Only for a caller that tells nobody of its writes before this settles.
 */
export async function whenWalSynced<T>(fn: () => Promise<T>): Promise<T> {
  const waiting = { syncs: [] as Promise<void>[], open: true };
  let result: T;
  try {
    result = await waitingCallers.run(waiting, fn);
  } finally {
    // A statement run later from `fn`'s async context (a timer it set) waits for its own sync.
    waiting.open = false;
    // Even when `fn` failed: a commit it made must be durable before its failure is reported.
    await Promise.allSettled(waiting.syncs);
  }
  for (const synced of waiting.syncs) await synced;
  return result;
}

/** Whether a statement that ends outside a transaction may have written: all but reads and rollbacks. */
function mayHaveWritten(sql: string): boolean {
  return !/^\s*(select|rollback)\b/i.test(sql);
}

/**
 * fdatasync of the database's WAL, in the thread pool. A sync flushes the file, whichever
 * descriptor names it; opened by its path each time, it is always the WAL SQLite writes now,
 * never a descriptor kept from a file since removed (SQLite removes its WAL at the last close).
 */
export function walSyncer(databaseFile: string): () => Promise<void> {
  const wal = `${databaseFile}-wal`;
  return async () => {
    try {
      await syncFile(wal, 'r', { dataOnly: true });
    } catch (error) {
      // No WAL: SQLite removed it at the last close, after checkpointing it into the database
      // and syncing that; what it held is on disk.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
}

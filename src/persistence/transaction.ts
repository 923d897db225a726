import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './connection.ts';
import { dialectOf } from './dialect.ts';
import { type RetryOptions, retryOnSerializationFailure } from './retry.ts';
import type { Schema } from './schema.ts';
import { runScoped } from './transaction-scope.ts';
import { whenWalSynced } from './wal-sync.ts';

// Every write is one transaction, run through inTransaction().
//
// SQLite: BEGIN IMMEDIATE (sqlite-dialect.ts) — the single writer lock is taken before the first
// statement, and Kysely's connection mutex keeps this process's transactions from interleaving.
//
// PostgreSQL: SERIALIZABLE, and the first statement takes the writer lock
// (LOCK TABLE audit_head IN EXCLUSIVE MODE; writer-lock.ts). The driver sends both with BEGIN, in
// one round trip, for a transaction asked for as serializable and explicitly read write
// (postgres-pool.ts), which only inTransaction asks for. Why both:
// - Services are written once for both engines. SQLite has no SELECT … FOR UPDATE, so a
//   read-committed design that relies on row locks in every service could not be portable, and
//   one forgotten lock would be a lost ballot count. SERIALIZABLE makes every check-then-write in
//   a service correct with no locks at all: PostgreSQL aborts (40001) whatever it cannot order.
// - The writer lock is taken before the transaction's snapshot (a LOCK statement does not take
//   one; the first query does), so a writer always sees every earlier commit and writers queue
//   instead of colliding. That makes serialization failures a rare event rather than the normal
//   outcome under contention (50 tellers keying ballots at once would otherwise mostly retry),
//   and gives PostgreSQL the same one-writer-at-a-time semantics as SQLite. EXCLUSIVE mode does
//   not conflict with plain SELECTs, so readers never wait. Congress write rates (hundreds of
//   short transactions a minute) are far below what a single writer sustains.
// - Failures that remain (40001, 40P01: e.g. a transaction run outside inTransaction, or DDL
//   during a migration) are retried by re-running the whole function (retry.ts).
// The audit chain takes its own row lock as well (audit-log.ts), so it stays correct even in a
// transaction that did not come through here.

export type WriteTransaction = Transaction<Schema>;

export type TransactionOptions = RetryOptions;

/**
 * Runs `fn` in one write transaction: committed if it resolves, rolled back if it throws.
 * On PostgreSQL `fn` may run more than once (serialization failure), so it must have no effects
 * outside the transaction. Inside `fn`, use only `trx`, never `database.db`.
 */
export async function inTransaction<T>(
  database: Database,
  fn: (trx: WriteTransaction) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (database.dialect === 'sqlite') {
    // Answered once the WAL is synced; the connection is free again while it syncs (wal-sync.ts).
    return whenWalSynced(() => runScoped((body) => database.db.transaction().execute(body), fn));
  }
  // Begins with the writer lock taken (POSTGRES_WRITE_BEGIN, sent by the driver).
  const serializable = database.db
    .transaction()
    .setIsolationLevel('serializable')
    .setAccessMode('read write');
  return retryOnSerializationFailure(() => runScoped((body) => serializable.execute(body), fn), options);
}

/**
 * Runs `fn` against one consistent snapshot, read-only: several queries that must agree with
 * each other (an export, a verification, a printed result sheet). Never blocks writers.
 */
export async function inReadTransaction<T>(
  database: Database,
  fn: (trx: Kysely<Schema>) => Promise<T>,
): Promise<T> {
  return runScoped((body) => readSnapshot(database.db, body), fn);
}

/**
 * `fn` on a consistent snapshot of `db`: `db` itself when it already is a transaction, else a
 * read-only transaction (REPEATABLE READ on PostgreSQL; a deferred BEGIN on SQLite, which in WAL
 * mode reads one snapshot, with query_only on so a stray write fails as it would on PostgreSQL).
 */
export async function readSnapshot<DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  const postgres = dialectOf(db) === 'postgres';
  const builder = db.transaction().setAccessMode('read only');
  if (postgres) return builder.setIsolationLevel('repeatable read').execute(fn);
  return builder.execute(async (trx) => {
    await sql`pragma query_only = on`.execute(trx);
    try {
      return await fn(trx);
    } finally {
      await sql`pragma query_only = off`.execute(trx);
    }
  });
}

/**
 * Marks a savepoint (a plain identifier). Unreleased savepoints simply end with the transaction,
 * which lets a caller mark one per step without paying a round trip to release each.
 */
export async function savepoint(trx: WriteTransaction, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new TypeError(`savepoint name ${name} is not an identifier`);
  await sql`savepoint ${sql.id(name)}`.execute(trx);
}

/** Undoes everything written since the savepoint, which stays set. */
export async function rollbackToSavepoint(trx: WriteTransaction, name: string): Promise<void> {
  await sql`rollback to savepoint ${sql.id(name)}`.execute(trx);
}

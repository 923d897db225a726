// PostgreSQL's one-writer-at-a-time (transaction.ts explains why): every write transaction is
// SERIALIZABLE and, before its first query, takes this table's lock, waiting at most as long as
// SQLite's busy_timeout would.

/** Table whose lock serialises writers on PostgreSQL; created by migration 0001. */
export const WRITER_LOCK_TABLE = 'audit_head';

/** Same patience as SQLite's busy_timeout: a writer waits this long for the lock, then fails. */
export const WRITER_LOCK_TIMEOUT = '5s';

/**
 * How a write transaction begins on PostgreSQL: one message of three statements, so a write pays
 * one round trip for them, not three, while it queues for the lock — and every round trip made
 * while holding the lock is one that every other writer, on every instance, waits for. Sent
 * without parameters (the simple query protocol), which is what lets the three travel together.
 */
export const POSTGRES_WRITE_BEGIN =
  'start transaction isolation level serializable; ' +
  `set local lock_timeout = '${WRITER_LOCK_TIMEOUT}'; ` +
  `lock table ${WRITER_LOCK_TABLE} in exclusive mode`;

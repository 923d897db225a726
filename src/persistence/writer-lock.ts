// PostgreSQL's one-writer-at-a-time (transaction.ts explains why): every write transaction is
// SERIALIZABLE and, before its first query, takes this table's lock, waiting at most as long as
// SQLite's busy_timeout would.

/** Table whose lock serialises writers on PostgreSQL; created by migration 0001. */
export const WRITER_LOCK_TABLE = 'audit_head';

/** Same patience as SQLite's busy_timeout: a writer waits this long for the lock, then fails. */
export const WRITER_LOCK_TIMEOUT = '5s';

/**
 * How a write transaction begins on PostgreSQL: one message of four statements, so a write pays
 * one round trip for them, not four, while it queues for the lock — and every round trip made
 * while holding the lock is one that every other writer, on every instance, waits for. The last
 * reads the audit head (the lock's own table), which the transaction's first audit append would
 * otherwise read in a round trip of its own (audit-log.ts): taken after the lock, it sees the last
 * writer's head. Sent without parameters (the simple query protocol), which is what lets the four
 * travel together; the driver is given the last statement's rows (postgres-pool.ts).
 */
export const POSTGRES_WRITE_BEGIN =
  'start transaction isolation level serializable; ' +
  `set local lock_timeout = '${WRITER_LOCK_TIMEOUT}'; ` +
  `lock table ${WRITER_LOCK_TABLE} in exclusive mode; ` +
  `select seq, hash from ${WRITER_LOCK_TABLE} where id = 1`;

import { type Kysely, sql } from 'kysely';
import type { Database } from './connection.ts';
import { sqliteHandle } from './connection.ts';
import type { Schema } from './schema.ts';

// [B4] What the storage engines keep besides the rows, and how a sealed vote's traces are erased.
//
// A cast writes, in one transaction, the voter row (who voted), the audit entry (who voted, when)
// and the sealed ballot (the ciphertext and its tracker). The ballot's content is encrypted, so
// these traces pair a voter with a ciphertext nobody can read without the scrutineers' shares —
// harmless — and the contents, opened only after the close, are written in a transaction of their
// own, in random order, with no voter in it. The engines' traces of the pairing are still closed
// when the vote is sealed:
// - SQLite writes every commit to plenum.sqlite-wal, frame by frame, and keeps deleted cells in
//   the file's free space. The connection runs with secure_delete on (connection.ts: deleted
//   content is overwritten with zeros), the closing transaction rewrites the sealed ballots in
//   tracker order, and then the WAL is checkpointed into the database and truncated to zero bytes.
// - PostgreSQL stamps each row with the transaction that wrote it (xmin) and keeps the versions a
//   rewrite leaves behind (dead tuples) until a VACUUM; a plain VACUUM marks their space free but
//   leaves the bytes. VACUUM FULL writes the tables anew, with only the live rows, and drops the
//   old files. It runs after the closing transaction (VACUUM cannot run inside one).
// Native SQLite backups (backup.ts) are refused while any electronic vote is open.

/** Electronic votes open now (rounds and adoption votes), by kind and id; empty before migration 0002. */
export async function openElectronicVotes(db: Kysely<Schema>): Promise<string[]> {
  try {
    const rounds = await db
      .selectFrom('rounds')
      .select('id')
      .where('mode', '=', 'electronic')
      .where('status', '=', 'open')
      .execute();
    const votes = await db
      .selectFrom('adoption_votes')
      .select('id')
      .where('mode', '=', 'electronic')
      .where('status', '=', 'open')
      .where('opened_at', 'is not', null)
      .execute();
    return [...rounds.map((r) => `round:${r.id}`), ...votes.map((v) => `adoption-vote:${v.id}`)];
  } catch (error) {
    if (/no such table|does not exist/i.test(String((error as Error).message))) return [];
    throw error;
  }
}

export interface TraceErasure {
  /** SQLite: the WAL was checkpointed and truncated to zero bytes (false: a reader held it; retried next time). */
  readonly walTruncated?: boolean;
  /** PostgreSQL: the tables rewritten by VACUUM FULL. */
  readonly vacuumed?: readonly string[];
  /**
   * PostgreSQL: another session's snapshot older than the seal outlived the wait, so VACUUM FULL
   * may have kept the deleted versions (of sealed ballots: harmless ciphertexts; the next seal
   * rewrites the table again).
   */
  readonly horizonHeld?: boolean;
}

const CHECKPOINT_ATTEMPTS = 20;
const CHECKPOINT_PAUSE_MS = 50;

/**
 * Erases what the engine keeps of rows rewritten or deleted in `tables` since the last erasure.
 * Call it outside any transaction, after the transaction that sealed a vote has committed.
 */
export async function eraseBallotTraces(
  database: Database,
  tables: readonly (keyof Schema & string)[],
): Promise<TraceErasure> {
  if (database.dialect === 'sqlite') return { walTruncated: await truncateWal(database) };
  const vacuumed: string[] = [];
  let horizonHeld = false;
  await database.db.connection().execute(async (db) => {
    horizonHeld = !(await awaitVacuumHorizon(db));
    // VACUUM FULL waits for an exclusive lock on each table; never for long: a later seal retries.
    await sql`set lock_timeout = '5s'`.execute(db);
    try {
      for (const table of tables) {
        try {
          await sql`vacuum full ${sql.table(table)}`.execute(db);
          vacuumed.push(table);
        } catch (error) {
          if ((error as { code?: string }).code !== '55P03') throw error;
        }
      }
    } finally {
      await sql`reset lock_timeout`.execute(db);
    }
  });
  return { vacuumed, horizonHeld };
}

const HORIZON_WAIT_MS = 30_000;
const HORIZON_PAUSE_MS = 100;

/**
 * Waits until no other session of this database still has a snapshot or a transaction older than
 * now (between two statements of a transaction only its id shows, backend_xid), so that the
 * VACUUM FULL that follows may drop the row versions the seal deleted: VACUUM keeps a dead version
 * any open snapshot could still see (it copies it into the new file, xmin and all). A transaction
 * left open elsewhere, a long report or another process's long test holds them back; the wait is
 * bounded (the close has committed and waits for this) and false says the horizon stayed held.
 * Sessions of other roles whose backend_xmin the server hides cannot be waited for.
 */
async function awaitVacuumHorizon(db: Kysely<Schema>): Promise<boolean> {
  // The next transaction id not yet assigned: every version the seal deleted is older.
  const { rows } = await sql<{ next: string }>`
    select (pg_snapshot_xmax(pg_current_snapshot())::text::numeric % 4294967296)::text as next`.execute(db);
  const next = rows[0]!.next;
  const deadline = Date.now() + HORIZON_WAIT_MS;
  for (;;) {
    const { rows: held } = await sql<{ n: string }>`
      select count(*)::text as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and (age(backend_xmin) > age(${next}::xid) or age(backend_xid) > age(${next}::xid))`.execute(db);
    if (held[0]!.n === '0') return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, HORIZON_PAUSE_MS));
  }
}

/** Checkpoints the whole WAL into the database and truncates it; false if a reader kept it busy. */
async function truncateWal(database: Database): Promise<boolean> {
  const handle = sqliteHandle(database);
  for (let attempt = 1; ; attempt++) {
    // Through Kysely's connection, so no transaction of this process is in the middle of it.
    const busy = await database.db.connection().execute(async () => {
      const [row] = handle.pragma('wal_checkpoint(TRUNCATE)') as Array<{
        busy: number;
        log: number;
        checkpointed: number;
      }>;
      return row ? row.busy !== 0 || row.log !== row.checkpointed : true;
    });
    if (!busy) return true;
    if (attempt >= CHECKPOINT_ATTEMPTS) return false;
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_PAUSE_MS));
  }
}

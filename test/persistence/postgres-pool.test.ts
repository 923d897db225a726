import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/persistence/index.ts';
import { openMigrated, POSTGRES_TEST_URL, testDatabase, testDatabases } from '../support/databases.ts';

// A server on PostgreSQL must outlive its connections: when the primary fails over, every
// connection drops, some of them in the middle of a transaction between two queries. That
// transaction fails; the process does not (pg emits 'error' on a checked-out client, which
// unhandled would end it), and the next transaction gets a fresh connection.

const postgres = testDatabases.includes(testDatabase.postgres);

describe.skipIf(!postgres)('PostgreSQL connections that drop', () => {
  it('a connection lost between two queries of a transaction fails that transaction only', async () => {
    const database = await openMigrated(testDatabase.postgres);
    const admin = new pg.Client({ connectionString: POSTGRES_TEST_URL });
    await admin.connect();
    try {
      await expect(
        inTransaction(database, async (trx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          const pid = rows[0]!.pid;
          await admin.query('select pg_terminate_backend($1)', [pid]);
          for (let i = 0; i < 200; i++) {
            const left = await admin.query('select 1 from pg_stat_activity where pid = $1', [pid]);
            if (left.rowCount === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          // Let pg notice the closed socket before the next query.
          await new Promise((resolve) => setImmediate(resolve));
          await sql`select 1`.execute(trx);
        }),
      ).rejects.toThrow();
    } finally {
      await admin.end();
    }
    const after = await inTransaction(database, (trx) => sql<{ one: number }>`select 1 as one`.execute(trx));
    expect(after.rows).toEqual([{ one: 1 }]);
  });
});

import type { Kysely } from 'kysely';

// The live stream's events (src/contract/events.ts), written in the transaction of the change
// they announce (event-log.ts). Every server instance reads them from here, in id order, when it
// is told (PostgreSQL: NOTIFY; SQLite: its own commit) and after a lost connection, and a browser
// that reconnects with Last-Event-ID is sent those it missed. Ids are dense and follow commit
// order: each is the previous highest plus one, taken under the writer lock. No foreign key: the
// stream outlives nothing it names, and old rows are pruned (a window of a day at most).
// Independent of 0007 and 0008.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('stream_events')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  // A reconnecting stream reads its congress's events after the last it had.
  await db.schema
    .createIndex('stream_events_congress_index')
    .on('stream_events')
    .columns(['congress_id', 'id'])
    .execute();
}

import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AuditAppender } from './audit-log.ts';
import type { Database } from './connection.ts';
import { dialectOf } from './dialect.ts';
import type { Schema } from './schema.ts';
import { inTransaction, type WriteTransaction } from './transaction.ts';

// The live stream's events, stored (migration 0009). A change and the events that announce it are
// written in one transaction, so a rolled-back change announces nothing and a retried one
// announces once. Ids are dense and follow commit order: each is the previous highest plus one,
// taken inside the write transaction, and write transactions run one at a time (SQLite's write
// lock; PostgreSQL's writer lock, transaction.ts, released only once the commit is visible). So a
// reader that has seen id n has seen every id below it, and "every event after the last I saw"
// is one indexed range query: nothing committed earlier can turn up later with a smaller id.
//
// On PostgreSQL the same statement queues a NOTIFY on the schema's channel carrying the last id
// of the transaction; PostgreSQL delivers it to every listening instance at commit, never for a
// rolled-back transaction. The listeners (notifications.ts) read the rows themselves, so the
// payload is only a hint.

export interface NewStreamEvent {
  readonly congressId: string;
  readonly type: string;
  readonly data: unknown;
}

export interface StoredStreamEvent extends NewStreamEvent {
  readonly id: number;
  /** When it was written (ISO-8601 UTC). */
  readonly at: string;
}

/** Rows per INSERT: 5 parameters each stays far below SQLite's parameter limit. */
const INSERT_CHUNK = 500;

/** The NOTIFY channel of a PostgreSQL schema: one per schema, so that schemas never wake each other. */
export function streamEventChannel(schema: string): string {
  // A channel is an identifier: at most 63 bytes (NAMEDATALEN - 1).
  return `plenum_events_${schema}`.slice(0, 63);
}

/**
 * Appends `events` in order, inside a write transaction (inTransaction): their ids follow the
 * highest stored. On PostgreSQL one statement per chunk inserts them and queues the NOTIFY.
 * `audit`, when given, is closed with them: on PostgreSQL its entries go in the first chunk's
 * statement (AuditAppender.closeAlong), one round trip fewer while the writer lock is held.
 */
export async function appendStreamEvents(
  trx: WriteTransaction,
  events: readonly NewStreamEvent[],
  at: string,
  audit?: AuditAppender,
): Promise<StoredStreamEvent[]> {
  const postgres = dialectOf(trx) === 'postgres';
  // Closed along the first chunk's statement on PostgreSQL; on its own otherwise (before it).
  let closing = postgres && events.length > 0 ? audit : undefined;
  if (!closing) await audit?.close();
  const stored: StoredStreamEvent[] = [];
  for (let start = 0; start < events.length; start += INSERT_CHUNK) {
    const chunk = events.slice(start, start + INSERT_CHUNK);
    const rows = chunk.map((event) => ({
      congress_id: event.congressId,
      type: event.type,
      data_json: JSON.stringify(event.data),
      at,
    }));
    let first: number;
    if (postgres) {
      const values = sql.join(
        rows.map(
          (row, i) =>
            sql`(${sql.lit(i + 1)}, ${row.congress_id}::text, ${row.type}::text, ${row.data_json}::text, ${row.at}::text)`,
        ),
      );
      const statement = (alongside?: RawBuilder<unknown>) => sql<{ last: number }>`
        with ${alongside ? sql`${alongside},` : sql``} head as (select coalesce(max(id), 0) as id from stream_events),
        inserted as (
          insert into stream_events (id, congress_id, type, data_json, at)
          select head.id + v.n, v.congress_id, v.type, v.data_json, v.at
          from head, (values ${values}) as v(n, congress_id, type, data_json, at)
          returning id
        )
        select max(id) as last, pg_notify(left('plenum_events_' || current_schema(), 63), max(id)::text)
        from inserted`;
      const { rows: result } = (await closing?.closeAlong(statement)) ?? (await statement().execute(trx));
      closing = undefined;
      first = Number(result[0]!.last) - rows.length + 1;
    } else {
      const head = await trx
        .selectFrom('stream_events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      first = Number(head?.id ?? 0) + 1;
      await trx
        .insertInto('stream_events')
        .values(rows.map((row, i) => ({ id: first + i, ...row })))
        .execute();
    }
    chunk.forEach((event, i) => {
      stored.push({ id: first + i, congressId: event.congressId, type: event.type, data: event.data, at });
    });
  }
  return stored;
}

/**
 * Events after id `after` in id order, at most `limit`: every congress's (an instance's reader),
 * or one congress's up to `upTo` (a reconnecting stream).
 */
export async function streamEventsAfter(
  db: Kysely<Schema>,
  after: number,
  options: { readonly congressId?: string; readonly upTo?: number; readonly limit?: number } = {},
): Promise<StoredStreamEvent[]> {
  let query = db
    .selectFrom('stream_events')
    .select(['id', 'congress_id', 'type', 'data_json', 'at'])
    .where('id', '>', after)
    .orderBy('id')
    .limit(options.limit ?? 1000);
  if (options.congressId !== undefined) query = query.where('congress_id', '=', options.congressId);
  if (options.upTo !== undefined) query = query.where('id', '<=', options.upTo);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: Number(row.id),
    congressId: row.congress_id,
    type: row.type,
    data: JSON.parse(row.data_json) as unknown,
    at: row.at,
  }));
}

/** The oldest and newest stored ids (null when there are none). */
export async function streamEventWindow(
  db: Kysely<Schema>,
): Promise<{ readonly oldest: number | null; readonly newest: number | null }> {
  const row = await db
    .selectFrom('stream_events')
    .select((eb) => [eb.fn.min('id').as('oldest'), eb.fn.max('id').as('newest')])
    .executeTakeFirst();
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return { oldest: number(row?.oldest), newest: number(row?.newest) };
}

export interface PruneOptions {
  /** Now (ISO-8601 UTC): events older than `keepMs` before it go. */
  readonly now: string;
  readonly keepMs: number;
  /** At most this many events are kept, whatever their age. */
  readonly keepCount: number;
}

/**
 * Deletes the oldest events: those older than `keepMs`, and all but the newest `keepCount`. Only
 * ever a prefix of the ids, and never the newest event (the next id follows it): so "every event
 * after id n is still here" is simply n + 1 >= the oldest id kept.
 */
export async function pruneStreamEvents(database: Database, options: PruneOptions): Promise<number> {
  const cutoffTime = new Date(Date.parse(options.now) - options.keepMs).toISOString();
  return inTransaction(database, async (trx) => {
    const { newest } = await streamEventWindow(trx);
    if (newest === null) return 0;
    const aged = await trx
      .selectFrom('stream_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('at', '<', cutoffTime)
      .executeTakeFirst();
    const cutoff = Math.min(newest - 1, Math.max(newest - options.keepCount, Number(aged?.id ?? 0)));
    if (cutoff < 1) return 0;
    const result = await trx.deleteFrom('stream_events').where('id', '<=', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

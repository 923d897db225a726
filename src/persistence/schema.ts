import type { Kysely } from 'kysely';
import type { CommitteeSchema } from './committee-schema.ts';
import type { CongressSchema } from './congress-schema.ts';
import type { NewsSchema } from './news-schema.ts';
import type { ScanSchema } from './scan-schema.ts';

// The tables Kysely knows about, one interface per table. A migration that adds a table adds its
// interface here too. Conventions that keep SQLite and PostgreSQL in agreement:
// - ids are text;
// - counts are integer (bigint columns come back as numbers: see postgres-pool.ts);
// - times are ISO-8601 text in UTC as Date#toISOString writes them (2025-06-01T08:30:00.000Z),
//   so text order is time order on both engines;
// - booleans are integer 0/1 (SQLite has no boolean; pg would hand back true/false);
// - JSON is text (canonical JSON where it is hashed: see canonical-json.ts).

export interface MetaTable {
  key: string;
  value: string;
}

/** One entry of the append-only, hash-chained audit log (see audit-log.ts). */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * The chain's head (at most one row, id = 1): the last seq and hash. Appends lock it; on
 * PostgreSQL it is also the writer lock every write transaction takes (transaction.ts).
 */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/**
 * An event of the live stream (migration 0009, event-log.ts): written in the transaction of the
 * change it announces, read by every server instance in id order.
 */
export interface StreamEventsTable {
  /** Dense and in commit order: the previous highest plus one, under the writer lock. */
  id: number;
  congress_id: string;
  /** The stream's event type (contract/events.ts), or a notice such as 'attendance-changed'. */
  type: string;
  data_json: string;
  at: string;
}

export interface Schema extends CongressSchema, NewsSchema, CommitteeSchema, ScanSchema {
  meta: MetaTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  stream_events: StreamEventsTable;
}

/**
 * Kysely without table types, for code that handles whatever tables exist (catalog, export and
 * import, migration bookkeeping) and so cannot name them at compile time.
 */
// biome-ignore lint/suspicious/noExplicitAny: Kysely's own idiom for an untyped database
export type UntypedKysely = Kysely<any>;

import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

// The foundation: key/value metadata and the append-only, hash-chained audit log with its head.
// Column types are the portable subset (text, integer); see schema.ts for the conventions.

const APPEND_ONLY = 'audit log is append-only';

// Migrations take an untyped Kysely: they are frozen in time and must not follow schema.ts,
// which describes the tables after the latest migration.
// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull().unique())
    .addCheckConstraint('audit_log_seq_positive', sql`seq >= 1`)
    .execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addCheckConstraint('audit_head_one_row', sql`id = 1`)
    .execute();

  // Append-only in the database itself, so no code path (ours or a hand-typed SQL session) can
  // rewrite history. Restoring a backup recreates the database instead (backup.ts).
  if (dialectOf(db) === 'postgres') {
    await sql`
      create function audit_log_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '${sql.raw(APPEND_ONLY)}' using errcode = 'restrict_violation';
      end
      $$`.execute(db);
    await sql`
      create trigger audit_log_no_update_or_delete before update or delete on audit_log
      for each row execute function audit_log_refuse_change()`.execute(db);
    // Row triggers do not fire on TRUNCATE.
    await sql`
      create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_refuse_change()`.execute(db);
  } else {
    // SQLite has no TRUNCATE; a DELETE without WHERE still fires the trigger (the trigger
    // disables SQLite's truncate optimisation).
    for (const event of ['update', 'delete'] as const) {
      await sql`
        create trigger ${sql.raw(`audit_log_no_${event}`)} before ${sql.raw(event)} on audit_log
        begin select raise(abort, '${sql.raw(APPEND_ONLY)}'); end`.execute(db);
    }
  }
}

import { PostgresAdapter, SqliteAdapter } from 'kysely';
import type { UntypedKysely } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Which engine a Kysely instance (or transaction) talks to. Migrations and helpers that only
 * receive a Kysely handle use this where the SQL must differ (triggers, locks, catalogs).
 */
export function dialectOf(db: UntypedKysely): Dialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  throw new Error(`unsupported database adapter ${adapter.constructor.name}`);
}

import { type MigrationResult, Migrator } from 'kysely';
import type { Database } from './connection.ts';
import { migrations } from './migrations/index.ts';
import type { UntypedKysely } from './schema.ts';

export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations).sort();
export const LATEST_SCHEMA_VERSION: string = MIGRATION_NAMES.at(-1)!;

function migratorFor(database: Database): Migrator {
  return new Migrator({
    db: database.db as unknown as UntypedKysely,
    provider: { getMigrations: async () => ({ ...migrations }) },
    // On PostgreSQL the bookkeeping table must be named with its schema: Kysely looks for it in
    // every schema of the database otherwise, finds another schema's copy (a test's, a staging
    // restore's) and then fails to query its own.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
}

export type MigrateResult = { applied: string[]; schemaVersion: string | undefined };

/**
 * Applies pending migrations (all of them, or up to and including `to`) in one transaction.
 * Safe to call on every start: a second run applies nothing.
 */
export async function migrate(database: Database, options: { to?: string } = {}): Promise<MigrateResult> {
  // Kysely's Migrator first introspects every schema of a PostgreSQL database; when another
  // schema is dropped at that moment (a parallel test run, a staging restore) the introspection
  // fails with 3F000/42P01 although nothing is wrong with ours. Such a failure is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(database, options);
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (database.dialect !== 'postgres' || attempt >= 5 || (code !== '3F000' && code !== '42P01'))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function migrateOnce(database: Database, options: { to?: string }): Promise<MigrateResult> {
  const migrator = migratorFor(database);
  if (options.to !== undefined && !MIGRATION_NAMES.includes(options.to)) {
    throw new Error(`unknown schema version ${options.to}; this Plenum knows ${MIGRATION_NAMES.join(', ')}`);
  }
  const { error, results } =
    options.to === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(options.to);
  const failed = results?.find((result: MigrationResult) => result.status === 'Error');
  if (error) {
    const where = failed ? ` (in ${failed.migrationName})` : '';
    throw new Error(`database migration failed${where}: ${errorMessage(error)}`, { cause: error });
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    schemaVersion: await schemaVersion(database),
  };
}

/** The name of the last applied migration, or undefined for a database never migrated. */
export async function schemaVersion(database: Database): Promise<string | undefined> {
  const all = await migratorFor(database).getMigrations();
  return all.filter((m) => m.executedAt !== undefined).at(-1)?.name;
}

/** Migrations recorded in the database that this code does not know (a newer Plenum's). */
export async function unknownMigrations(database: Database): Promise<string[]> {
  const rows = await (database.db as unknown as UntypedKysely)
    .withSchema(database.schema ?? 'main')
    .selectFrom('kysely_migration')
    .select('name')
    .execute();
  return rows.map((row) => String(row.name)).filter((name) => !MIGRATION_NAMES.includes(name));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The last applied migration read with `db` itself (a transaction or snapshot), for callers that
 * must see it on the same snapshot as the data. The bookkeeping table is on the search_path.
 */
export async function appliedSchemaVersion(db: UntypedKysely): Promise<string | undefined> {
  const row = await db
    .selectFrom('kysely_migration')
    .select('name')
    .orderBy('name', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? String(row.name) : undefined;
}

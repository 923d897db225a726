import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Dialect } from './dialect.ts';
import { syncFile } from './file-sync.ts';
import { createPool, PlenumPostgresDialect } from './postgres-pool.ts';
import type { Schema } from './schema.ts';
import { PlenumSqliteDialect, withStatementCache } from './sqlite-dialect.ts';
import { walSyncer } from './wal-sync.ts';

export type DatabaseConfig = {
  /** `postgres://…` or `postgresql://…` selects PostgreSQL (the app passes DATABASE_URL). */
  url?: string;
  /** SQLite: the folder that holds plenum.sqlite (created if missing). */
  dataDir?: string;
  /** SQLite: an explicit database file instead of dataDir/plenum.sqlite. */
  file?: string;
  /** PostgreSQL: the schema for Plenum's tables (created if missing); default current_schema(). */
  schema?: string;
  /** PostgreSQL: connections in the pool (default 10). */
  poolSize?: number;
};

export type Database = {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  /** PostgreSQL: the schema that holds the tables (search_path on every connection). */
  readonly schema?: string;
  /** SQLite: the absolute path of the database file. */
  readonly file?: string;
  close(): Promise<void>;
};

export const SQLITE_FILE_NAME = 'plenum.sqlite';

// The raw better-sqlite3 handle, kept out of the public Database shape so services cannot bypass
// Kysely and its connection mutex; backup.ts needs it for the online backup API. Keyed by the
// Kysely instance so a wrapped copy of the Database (say, with its own close) still finds it.
const sqliteHandles = new WeakMap<Kysely<Schema>, BetterSqlite3.Database>();

export function sqliteHandle(database: Database): BetterSqlite3.Database {
  const handle = sqliteHandles.get(database.db);
  if (!handle) throw new Error('not an open SQLite database');
  return handle;
}

// The url a PostgreSQL database was opened with, for the one connection that is not pooled: the
// stream-event listener (notifications.ts), which holds LISTEN for as long as the server runs.
const postgresUrls = new WeakMap<Kysely<Schema>, string>();

export function postgresUrlOf(database: Database): string {
  const url = postgresUrls.get(database.db);
  if (!url) throw new Error('not an open PostgreSQL database');
  return url;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

export function sqliteFileOf(config: DatabaseConfig): string {
  if (config.file) return path.resolve(config.file);
  if (config.dataDir) return path.resolve(config.dataDir, SQLITE_FILE_NAME);
  throw new Error('database configuration needs a PostgreSQL url, a dataDir or a file');
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (isPostgresUrl(config.url)) return openPostgres(config.url, config);
  if (config.url) {
    // An empty DATABASE_URL means "not set"; anything else we cannot serve is a mistake to report.
    throw new Error(`unsupported database url scheme in ${redact(config.url)}: use postgres://…`);
  }
  return openSqlite(sqliteFileOf(config));
}

async function openSqlite(file: string): Promise<Database> {
  mkdirSync(path.dirname(file), { recursive: true });
  const handle = new BetterSqlite3(file);
  try {
    // WAL: readers never block the writer; busy_timeout: wait for another process's write lock
    // instead of failing at once. A committed ballot must survive a power cut: synchronous=FULL's
    // promise, kept by syncing the WAL after each commit off the event loop (wal-sync.ts), so
    // SQLite itself runs with NORMAL (FULL without that sync).
    const mode = handle.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${file} (got ${String(mode)})`);
    handle.pragma('synchronous = NORMAL');
    // [B4] Deleted content is overwritten with zeros, not left in the file's free space: the seal
    // of an electronic vote rewrites its ballots, and the old cells must not survive (ballot-traces.ts).
    handle.pragma('secure_delete = ON');
    handle.pragma('foreign_keys = ON');
    handle.pragma('busy_timeout = 5000');
    // The first read creates the WAL file; its folder is synced so the file itself survives a
    // power cut along with what is synced into it (FULL did this at the WAL's first sync).
    handle.prepare('select count(*) from sqlite_master').get();
    await syncFile(path.dirname(file));
  } catch (error) {
    handle.close();
    throw error;
  }
  const db = new Kysely<Schema>({
    dialect: new PlenumSqliteDialect({
      database: withStatementCache(handle),
      durability: { inTransaction: () => handle.inTransaction, syncWal: walSyncer(file) },
    }),
  });
  const database: Database = {
    db,
    dialect: 'sqlite',
    file,
    close: once(async () => {
      await db.destroy();
      // Kysely only closes the handle if a query ever initialised its driver.
      if (handle.open) handle.close();
    }),
  };
  sqliteHandles.set(db, handle);
  return database;
}

async function openPostgres(url: string, config: DatabaseConfig): Promise<Database> {
  const pool = createPool(url, { schema: config.schema, poolSize: config.poolSize });
  try {
    if (config.schema) await pool.query(`create schema if not exists ${config.schema}`);
    const { rows } = await pool.query<{ schema: string | null }>('select current_schema() as schema');
    const schema = rows[0]?.schema;
    if (!schema) throw new Error(`no schema on the search_path of ${redact(url)} exists`);
    const db = new Kysely<Schema>({ dialect: new PlenumPostgresDialect({ pool }) });
    postgresUrls.set(db, url);
    return {
      db,
      dialect: 'postgres',
      schema,
      close: once(async () => {
        await db.destroy();
        if (!pool.ended) await pool.end();
      }),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** The url without its password, for error messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

/** close() may be called twice (a test's finally and its cleanup hook); the second is a no-op. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= fn();
    return closing;
  };
}

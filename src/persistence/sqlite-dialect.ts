import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type SqliteStatement,
  type TransactionSettings,
} from 'kysely';
import { assertNotInsideTransaction } from './transaction-scope.ts';
import { type WalDurability, WalSyncingConnection } from './wal-sync.ts';

// Kysely's SQLite dialect with three changes for correctness, and a statement cache for speed.
//
// 1. Write transactions start with BEGIN IMMEDIATE. A plain BEGIN is deferred: the transaction
//    reads under a shared lock and upgrades when it first writes, and if another process (the
//    CLI running `plenum backup` beside the server, say) committed in between, the upgrade fails
//    with SQLITE_BUSY at once, busy_timeout notwithstanding. IMMEDIATE takes the write lock up
//    front, so the only wait is the busy_timeout wait for the lock. Read-only transactions
//    (accessMode 'read only') keep the deferred BEGIN: in WAL mode they read a snapshot and never
//    block writers.
//
// 2. Within this process, better-sqlite3 has one connection and Kysely's SqliteDriver hands it
//    out through a ConnectionMutex (checked in kysely 0.28: acquireConnection awaits the mutex,
//    releaseConnection unlocks it, and a transaction holds the connection from BEGIN to
//    COMMIT/ROLLBACK). So two async callers can never interleave statements of two transactions.
//    We add only a guard against the one way to deadlock on that mutex (transaction-scope.ts).
//
// 3. The adapter reports transactional DDL (SQLite has it), so Kysely's Migrator runs each
//    migration batch in one transaction — opened with BEGIN IMMEDIATE per (1), which also stops
//    two processes from migrating the same file at once. Stock Kysely runs SQLite migrations
//    statement by statement, leaving a half-applied migration behind after a crash.

// 4. Kysely prepares every query afresh; better-sqlite3's prepare cost 0.3 ms of CPU a query in
//    the e-vote benchmark (2 s of 21 s), on the thread that also serves HTTP. A compiled query's
//    text is the same for every call with the same shape, so its prepared statement is kept and
//    reused (withStatementCache). Schema changes (migrations, restores) clear the cache.
//
// 5. Given `durability`, the connection syncs the WAL after each commit, off the event loop
//    (wal-sync.ts): the server's connection runs with synchronous=NORMAL and keeps FULL's promise.

const STATEMENT_CACHE_SIZE = 500;
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/** The database as Kysely sees it, with its prepared statements reused (least recently used out). */
export function withStatementCache(database: SqliteDatabase): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      if (SCHEMA_CHANGE.test(sql)) {
        cache.clear();
        return database.prepare(sql);
      }
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

export interface PlenumSqliteDialectConfig extends SqliteDialectConfig {
  /** Syncs the WAL after each commit (wal-sync.ts); without it, SQLite's own `synchronous` rules. */
  readonly durability?: WalDurability;
}

class ImmediateSqliteDriver extends SqliteDriver {
  #syncing: WalSyncingConnection | undefined;

  constructor(
    private readonly durability: WalDurability | undefined,
    config: SqliteDialectConfig,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    assertNotInsideTransaction();
    const connection = await super.acquireConnection();
    if (!this.durability) return connection;
    // SQLite has one connection: wrapped once, the same wrapper each time.
    this.#syncing ??= new WalSyncingConnection(connection, this.durability);
    return this.#syncing;
  }

  override async beginTransaction(
    connection: DatabaseConnection,
    settings?: TransactionSettings,
  ): Promise<void> {
    const begin = settings?.accessMode === 'read only' ? 'begin deferred' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class PlenumSqliteDialect extends SqliteDialect {
  readonly #config: PlenumSqliteDialectConfig;

  constructor(config: PlenumSqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    const { durability, ...config } = this.#config;
    return new ImmediateSqliteDriver(durability, config);
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

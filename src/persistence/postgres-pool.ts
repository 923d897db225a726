import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type PostgresDialectConfig,
  PostgresDriver,
  type PostgresPool,
  type PostgresPoolClient,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { assertNotInsideTransaction, noteWriterHead } from './transaction-scope.ts';
import { POSTGRES_WRITE_BEGIN } from './writer-lock.ts';

const INT8_OID = 20;

/**
 * bigint (int8) columns and count(*) come back from pg as strings, from better-sqlite3 as
 * numbers. We parse them to numbers so both engines hand services the same type, and refuse
 * (rather than round) anything beyond 2^53, which no count in a congress comes near.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`bigint ${text} does not fit a JavaScript number exactly`);
  }
  return value;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** A lower-case SQL identifier: safe to put in search_path and DDL without quoting. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createPool(url: string, options: { schema?: string; poolSize?: number }): pg.Pool {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`schema name ${JSON.stringify(options.schema)} must match ${SCHEMA_NAME}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Fail with an error instead of waiting forever when the server is down or the pool is dry.
    connectionTimeoutMillis: 10_000,
    application_name: 'plenum',
    types,
    // A startup parameter applies before the first query on every new pooled connection, so no
    // statement can ever run against the wrong schema (an onConnect hook would race with it).
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // pg emits 'error' for idle clients the server dropped; unhandled, that would crash the process.
  // The pool discards the client and the next query connects afresh.
  pool.on('error', (error) => {
    console.error(`plenum: idle PostgreSQL connection lost: ${error.message}`);
  });
  // A client checked out of the pool has no 'error' listener of the pool's: if its connection
  // drops between two queries (the primary fails over, a transaction waits on something else),
  // pg emits 'error' on it, which unhandled would end the process. The query that uses it next
  // fails instead, and the pool discards it when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}

class GuardedPostgresDriver extends PostgresDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    assertNotInsideTransaction();
    return super.acquireConnection();
  }

  /**
   * inTransaction's write transactions — serializable and explicitly read write, as only it asks
   * for — begin holding the writer lock and knowing the audit head, in the same round trip.
   */
  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    if (settings.isolationLevel === 'serializable' && settings.accessMode === 'read write') {
      const { rows } = await connection.executeQuery<{ seq: number; hash: string }>(
        CompiledQuery.raw(POSTGRES_WRITE_BEGIN),
      );
      noteWriterHead(rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null);
    } else await super.beginTransaction(connection, settings);
  }
}

/**
 * The pool as Kysely sees it: a message of several statements (the simple query protocol, as
 * POSTGRES_WRITE_BEGIN) is answered with its last statement's result, where pg gives an array of
 * them all and Kysely, which reads one, would find no rows. One wrapper per pooled client, so that
 * Kysely keeps one connection object per client as it does with pg's own.
 */
function lastResultPool(pool: pg.Pool): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const query = (text: unknown, parameters?: readonly unknown[]): unknown => {
      if (typeof text !== 'string') return client.query(text as pg.Submittable);
      return client
        .query(text, parameters as unknown[])
        .then((result: pg.QueryResult | pg.QueryResult[]) =>
          Array.isArray(result) ? result[result.length - 1] : result,
        );
    };
    return { query: query as PostgresPoolClient['query'], release: (destroy) => client.release(destroy) };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

/** Kysely's PostgresDialect whose driver refuses re-entrant use inside inTransaction(). */
export class PlenumPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: Omit<PostgresDialectConfig, 'pool'> & { readonly pool: pg.Pool }) {
    const wrapped = { ...config, pool: lastResultPool(config.pool) };
    super(wrapped);
    this.#config = wrapped;
  }

  override createDriver(): Driver {
    return new GuardedPostgresDriver(this.#config);
  }
}

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, it } from 'vitest';
import {
  type Database,
  type DatabaseConfig,
  openDatabase,
  redact,
} from '../../src/persistence/connection.ts';
import { migrate } from '../../src/persistence/migrate.ts';

// Every storage test runs against both engines, on real files and the real server: SQLite in a
// fresh temporary folder per open, PostgreSQL in a fresh schema t_<random> per open (dropped
// afterwards) in the database named by PLENUM_TEST_PG_URL.
//
// Without a reachable PostgreSQL: on CI (CI set) or with PLENUM_REQUIRE_POSTGRES=1 the postgres
// tests run and fail, saying why; anywhere else they are skipped with a warning, so a laptop
// without PostgreSQL can still run the suite.

export const POSTGRES_TEST_URL = process.env.PLENUM_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const shownUrl = redact(POSTGRES_TEST_URL);

export type TestPlace = {
  /** Names a new, empty database: a folder that does not hold one yet, or an unused schema. */
  config: DatabaseConfig;
  dispose(): Promise<void>;
};

export type TestDatabase = {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty, unmigrated database; closed and removed after the test. */
  open(): Promise<Database>;
  /** A fresh place to open or restore a database into; removed after the test. */
  place(): Promise<TestPlace>;
};

// What the running test opened and created, released after it: databases first, then the
// folders and schemas they live in.
const openDatabases = new Set<() => Promise<void>>();
const places = new Set<() => Promise<void>>();

/** Closes and removes everything the finished test opened (describeEachDatabase registers it). */
export async function disposeTestDatabases(): Promise<void> {
  const failures: unknown[] = [];
  for (const set of [openDatabases, places]) {
    const disposers = [...set];
    set.clear();
    for (const outcome of await Promise.allSettled(disposers.map((dispose) => dispose()))) {
      if (outcome.status === 'rejected') failures.push(outcome.reason);
    }
  }
  if (failures.length > 0) throw failures[0];
}

function tracked(place: TestPlace): TestPlace {
  let disposed: Promise<void> | undefined;
  const dispose = () => {
    disposed ??= place.dispose();
    return disposed;
  };
  places.add(dispose);
  return { config: place.config, dispose };
}

/** openDatabase(config), closed after the test if the test did not close it. */
export async function openAt(config: DatabaseConfig): Promise<Database> {
  const database = await openDatabase(config);
  openDatabases.add(database.close);
  return database;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async place() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'plenum-test-'));
    return tracked({ config: { dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) });
  },
  async open() {
    return openAt((await this.place()).config);
  },
};

const postgresRequired =
  (Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0') ||
  process.env.PLENUM_REQUIRE_POSTGRES === '1';

/** Why PostgreSQL cannot be used, or undefined when it answered. */
async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

export const postgresUnavailable: string | undefined = await probePostgres();

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

const postgres: TestDatabase = {
  name: 'postgres',
  async place() {
    if (postgresUnavailable) {
      throw new Error(
        `PostgreSQL is required here (CI or PLENUM_REQUIRE_POSTGRES=1) but ${shownUrl} ` +
          `cannot be reached: ${postgresUnavailable}`,
      );
    }
    const schema = `t_${randomBytes(6).toString('hex')}`;
    return tracked({ config: { url: POSTGRES_TEST_URL, schema }, dispose: () => dropSchema(schema) });
  },
  async open() {
    return openAt((await this.place()).config);
  },
};

const skipPostgres = postgresUnavailable !== undefined && !postgresRequired;
if (skipPostgres) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! PostgreSQL at ${shownUrl} is unreachable (${postgresUnavailable}).\n` +
      '!! The PostgreSQL storage tests are SKIPPED. Start the server, or set PLENUM_TEST_PG_URL;\n' +
      `!! CI and PLENUM_REQUIRE_POSTGRES=1 turn this into a failure.\n${'!'.repeat(78)}\n`,
  );
}

/** The engines to test against: postgres is left out only when skipped (see above). */
export const testDatabases: TestDatabase[] = skipPostgres ? [sqlite] : [sqlite, postgres];

/** Each engine by name, for tests that move data between them. */
export const testDatabase = { sqlite, postgres } as const;

/**
 * describe.each over the engines: `fn` registers its tests once per engine, under
 * "title [sqlite]" and "title [postgres]"; what a test opened is closed and removed after it.
 */
export function describeEachDatabase(title: string, fn: (target: TestDatabase) => void): void {
  for (const target of [sqlite, postgres]) {
    if (!testDatabases.includes(target)) {
      describe.skip(`${title} [${target.name}]`, () => {
        it(`needs PostgreSQL at ${shownUrl}`, () => {});
      });
      continue;
    }
    describe(`${title} [${target.name}]`, () => {
      afterEach(disposeTestDatabases);
      fn(target);
    });
  }
}

/** A fresh database with every migration applied. */
export async function openMigrated(target: TestDatabase): Promise<Database> {
  const database = await target.open();
  await migrate(database);
  return database;
}

/** A database with the foundation tables only (meta, audit log), for tests of the storage layer itself. */
export async function openFoundation(target: TestDatabase): Promise<Database> {
  const database = await target.open();
  await migrate(database, { to: '0001-foundation' });
  return database;
}

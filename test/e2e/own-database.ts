import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, type DatabaseConfig, openDatabase } from '../../src/persistence/connection.ts';
import { migrate } from '../../src/persistence/migrate.ts';
import { POSTGRES_TEST_URL, type TestDatabase } from '../support/databases.ts';

// A database that lives for a whole describe block (several `it` steps share it), unlike
// describeEachDatabase's, which are removed after every test: a fresh folder for SQLite, a fresh
// schema for PostgreSQL. `dispose` closes it and removes the folder or drops the schema.

export interface OwnDatabase {
  readonly config: DatabaseConfig;
  readonly database: Database;
  /** The PostgreSQL schema, when there is one. */
  readonly schema?: string;
  dispose(): Promise<void>;
}

export async function newPlace(
  engine: TestDatabase['name'],
  prefix: string,
): Promise<{ config: DatabaseConfig; schema?: string; remove(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dataDir = await mkdtemp(path.join(tmpdir(), `plenum-${prefix}-`));
    return { config: { dataDir }, remove: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  return {
    config: { url: POSTGRES_TEST_URL, schema },
    schema,
    remove: () => dropSchema(schema),
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

/** A migrated database of the engine, kept until `dispose`. */
export async function openOwnDatabase(engine: TestDatabase['name'], prefix: string): Promise<OwnDatabase> {
  const place = await newPlace(engine, prefix);
  const database = await openDatabase(place.config);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    await place.remove();
    throw error;
  }
  return {
    config: place.config,
    database,
    ...(place.schema ? { schema: place.schema } : {}),
    async dispose() {
      await database.close();
      await place.remove();
    },
  };
}

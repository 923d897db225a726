import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/persistence/connection.ts';
import { migrate } from '../../src/persistence/migrate.ts';
import { inTransaction } from '../../src/persistence/transaction.ts';
import { describeEachDatabase, openMigrated } from '../support/databases.ts';

describe('openDatabase with SQLite', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('creates the data folder and puts plenum.sqlite in it', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'plenum-open-'));
    const dataDir = path.join(folder, 'nested', 'data');
    const database = await openDatabase({ dataDir });
    try {
      expect(database.dialect).toBe('sqlite');
      expect(database.file).toBe(path.join(dataDir, 'plenum.sqlite'));
      await migrate(database);
      expect((await stat(database.file!)).isFile()).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('puts WAL, synchronous=NORMAL (the WAL synced after each commit by wal-sync.ts), foreign keys and busy_timeout in force', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'plenum-open-'));
    const database = await openDatabase({ dataDir: folder });
    try {
      const pragma = async (name: string) =>
        Object.values(
          (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(database.db)).rows[0]!,
        )[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(1); // NORMAL: FULL's sync is made off the event loop
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    } finally {
      await database.close();
    }
    // WAL is recorded in the file itself, so every later connection (the CLI's too) uses it.
    const other = new BetterSqlite3(path.join(folder, 'plenum.sqlite'), { readonly: true });
    try {
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      other.close();
    }
  });

  it('refuses a url it cannot serve, and a config that names no database', async () => {
    await expect(openDatabase({ url: 'mysql://root:secret@localhost/plenum' })).rejects.toThrow(
      /unsupported database url scheme in mysql:\/\/root:\*\*\*@localhost/,
    );
    await expect(openDatabase({})).rejects.toThrow(/needs a PostgreSQL url, a dataDir or a file/);
  });
});

describe('openDatabase with PostgreSQL', () => {
  it('refuses a schema name it would have to quote', async () => {
    await expect(openDatabase({ url: 'postgres://localhost/test', schema: 'Robert"; drop' })).rejects.toThrow(
      /schema name/,
    );
  });
});

describeEachDatabase('connection', (target) => {
  it('returns counts as numbers on both engines (bigint parsed on PostgreSQL)', async () => {
    const database = await openMigrated(target);
    const row = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(row.n).toBe(0);
    const big = await sql<{ n: number }>`select cast(9007199254740991 as bigint) as n`.execute(database.db);
    expect(big.rows[0]!.n).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses database.db inside inTransaction instead of deadlocking', async () => {
    const database = await openMigrated(target);
    await expect(
      inTransaction(database, async () => {
        await database.db.selectFrom('meta').selectAll().execute();
      }),
    ).rejects.toThrow(/use the transaction handle/);
    await expect(
      inTransaction(database, () => inTransaction(database, async () => 'nested')),
    ).rejects.toThrow(/use the transaction handle/);
    // The connection was released: the database still works.
    expect(await database.db.selectFrom('meta').selectAll().execute()).toEqual([]);
  });

  it('closes twice without complaint', async () => {
    const database = await target.open();
    await database.close();
    await database.close();
  });
});

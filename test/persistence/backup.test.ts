import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditHead, verifyAuditChain } from '../../src/persistence/audit-log.ts';
import { backupDatabase, restoreDatabase } from '../../src/persistence/backup.ts';
import { canonicalJson } from '../../src/persistence/canonical-json.ts';
import { describeTables } from '../../src/persistence/catalog.ts';
import type { Database } from '../../src/persistence/connection.ts';
import { BackupError } from '../../src/persistence/errors.ts';
import {
  type BackupDocument,
  exportAllTables,
  importAllTables,
} from '../../src/persistence/export-import.ts';
import { LATEST_SCHEMA_VERSION, migrate } from '../../src/persistence/migrate.ts';
import type { UntypedKysely } from '../../src/persistence/schema.ts';
import { inTransaction } from '../../src/persistence/transaction.ts';
import { populate } from '../support/audit-fixtures.ts';
import { seedCongress } from '../support/backup-congress.ts';
import { insertRows, organisationRow } from '../support/builder/rows.ts';
import {
  describeEachDatabase,
  disposeTestDatabases,
  openAt,
  openFoundation,
  openMigrated,
  type TestDatabase,
  testDatabase,
  testDatabases,
} from '../support/databases.ts';

// Backups are tested on the full migration history with a congress in every table, except where
// a test is about an older backup (made at 0001-foundation) being brought up to date.

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plenum-backup-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A copy of the document with the actor of entry `seq` changed: a doctored backup. */
function doctor(doc: BackupDocument, seq: number): BackupDocument {
  const copy = structuredClone(doc);
  const row = copy.tables.audit_log!.find((entry) => entry.seq === seq)!;
  row.actor = 'mallory';
  return copy;
}

/** Rows per table, the tables with none left out. */
function nonEmpty(doc: BackupDocument): Record<string, number> {
  return Object.fromEntries(
    Object.entries(doc.tables)
      .filter(([, rows]) => rows.length > 0)
      .map(([name, rows]) => [name, rows.length]),
  );
}

async function nonEmptyTables(database: Database): Promise<Record<string, number>> {
  return nonEmpty(await exportAllTables(database));
}

async function tableNames(database: Database): Promise<string[]> {
  return (await describeTables(database.db)).map((table) => table.name);
}

/**
 * `copy` is the foundation-only `source` brought to the latest schema: the same rows, every
 * table of the latest schema there (the new ones empty), and ready for congress data.
 */
async function expectUpgraded(copy: Database, source: BackupDocument): Promise<void> {
  const restored = await exportAllTables(copy);
  expect(restored.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  const latest = await openMigrated(testDatabase[copy.dialect]);
  expect(Object.keys(restored.tables)).toEqual(await tableNames(latest));
  for (const [name, rows] of Object.entries(source.tables)) expect(restored.tables[name]).toEqual(rows);
  expect(nonEmpty(restored)).toEqual(nonEmpty(source));
  const entries = source.tables.audit_log!.length;
  await seedCongress(copy);
  expect(await verifyAuditChain(copy.db)).toEqual({ ok: true, entries: entries + 1 });
}

describeEachDatabase('backup and restore', (target) => {
  it("issue 13 item 14: every backup's manifest records the audit head; a restore holds the backup to it", async () => {
    const source = await openMigrated(target);
    await populate(source, 12);
    const file = path.join(folder, 'anchored.json');
    const backup = await backupDatabase(source, file, { format: 'json', at: '2026-09-27T02:00:00.000Z' });
    const bytes = await readFile(file);
    const manifest = JSON.parse(await readFile(backup.manifest, 'utf8'));
    expect(manifest).toEqual({
      format: 'plenum-backup-manifest',
      version: 1,
      backup: 'anchored.json',
      backupFormat: 'json',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      schemaVersion: LATEST_SCHEMA_VERSION,
      auditHead: { seq: 12, hash: (await auditHead(source.db)).hash },
      createdAt: '2026-09-27T02:00:00.000Z',
    });
    // The tail cut off in the backup, the head row rewritten to match, the sha256 recomputed: the
    // chain alone holds, the head the manifest recorded does not.
    const doc = JSON.parse(bytes.toString('utf8')) as BackupDocument;
    doc.tables.audit_log = doc.tables.audit_log!.filter((row) => Number(row.seq) <= 9);
    const nine = doc.tables.audit_log.at(-1)!;
    doc.tables.audit_head = [{ id: 1, seq: 9, hash: nine.hash! }];
    const doctored = Buffer.from(`${canonicalJson(doc)}\n`, 'utf8');
    await writeFile(file, doctored);
    await expect(restoreDatabase((await target.place()).config, file)).rejects.toMatchObject({
      code: 'manifest-mismatch',
    });
    await writeFile(
      backup.manifest,
      JSON.stringify({
        ...manifest,
        bytes: doctored.length,
        sha256: createHash('sha256').update(doctored).digest('hex'),
      }),
    );
    const refused = await restoreDatabase((await target.place()).config, file).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'audit-chain-broken' });
    expect(String((refused as Error).message)).toContain('entries 10…12 are missing');
  });

  it('the congress fixture fills every table migration 0002 creates', async () => {
    const database = await openFoundation(target);
    const foundation = await tableNames(database);
    await migrate(database, { to: '0002-congress' });
    const congressTables = (await tableNames(database)).filter((name) => !foundation.includes(name));
    const seeded = await seedCongress(database);
    expect(Object.keys(seeded.rows).sort()).toEqual(congressTables);
    expect(nonEmpty(await exportAllTables(database))).toMatchObject(seeded.rows);
  });

  it('round-trip every table through a JSON backup, and the chain still verifies', async () => {
    const source = await openMigrated(target);
    await populate(source, 30);
    const congress = await seedCongress(source);
    const original = await exportAllTables(source);
    expect(original.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(Object.keys(original.tables)).toEqual(await tableNames(source));
    expect(nonEmpty(original)).toEqual({ ...congress.rows, audit_head: 1, audit_log: 31, meta: 7 });

    const file = path.join(folder, 'nested', 'plenum-backup.json');
    const backup = await backupDatabase(source, file, { format: 'json' });
    expect(backup).toEqual({
      file,
      format: 'json',
      schemaVersion: LATEST_SCHEMA_VERSION,
      auditHead: await auditHead(source.db),
      manifest: `${file}.manifest.json`,
    });
    // No temporary left; the manifest beside the backup (issue 13 item 14).
    expect(await readdir(path.dirname(file))).toEqual([
      'plenum-backup.json',
      'plenum-backup.json.manifest.json',
    ]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(original);

    const place = await target.place();
    const restored = await restoreDatabase(place.config, file);
    expect(restored).toEqual({
      format: 'json',
      schemaVersion: LATEST_SCHEMA_VERSION,
      auditEntries: 31,
      auditHead: backup.auditHead,
    });
    const copy = await openAt(place.config);
    expect(await exportAllTables(copy)).toEqual(original);
    expect(await verifyAuditChain(copy.db)).toEqual({ ok: true, entries: 31 });
  });

  it('restores a backup made before the congress tables, brought to the latest schema', async () => {
    const source = await openFoundation(target);
    await populate(source, 10);
    const original = await exportAllTables(source);
    expect(original.schemaVersion).toBe('0001-foundation');
    const file = path.join(folder, 'foundation.json');
    const backup = await backupDatabase(source, file, { format: 'json' });
    expect(backup.schemaVersion).toBe('0001-foundation');

    const place = await target.place();
    const restored = await restoreDatabase(place.config, file);
    expect(restored).toEqual({
      format: 'json',
      schemaVersion: LATEST_SCHEMA_VERSION,
      auditEntries: 10,
      auditHead: backup.auditHead,
    });
    await expectUpgraded(await openAt(place.config), original);
  });

  it('restore replaces a database that already holds data', async () => {
    const source = await openMigrated(target);
    await populate(source, 5);
    await seedCongress(source, 'kept');
    const file = path.join(folder, 'backup.json');
    await backupDatabase(source, file, { format: 'json' });

    const place = await target.place();
    const live = await openAt(place.config);
    await migrate(live);
    await populate(live, 9, 100);
    await seedCongress(live, 'replaced', 950);
    await live.close();

    await restoreDatabase(place.config, file);
    const after = await openAt(place.config);
    expect(await exportAllTables(after)).toEqual(await exportAllTables(source));
  });

  it('restore of a doctored backup names the seq and leaves the live database as it was', async () => {
    const source = await openMigrated(target);
    await populate(source, 20);
    await seedCongress(source);
    const file = path.join(folder, 'doctored.json');
    await writeFile(file, canonicalJson(doctor(await exportAllTables(source), 17)));

    const place = await target.place();
    const live = await openAt(place.config);
    await migrate(live);
    await populate(live, 3);
    await seedCongress(live, 'live');
    const before = await exportAllTables(live);
    await live.close();

    await expect(restoreDatabase(place.config, file)).rejects.toThrow(/audit log is broken at seq 17/);
    const after = await openAt(place.config);
    expect(await exportAllTables(after)).toEqual(before);
  });

  it('import refuses a doctored export, naming the seq, and keeps nothing', async () => {
    const source = await openMigrated(target);
    await populate(source, 20);
    await seedCongress(source);
    const doc = doctor(await exportAllTables(source), 17);
    const empty = await openMigrated(target);
    const failure = await importAllTables(empty, doc).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BackupError);
    expect(failure).toMatchObject({ code: 'audit-chain-broken' });
    expect((failure as Error).message).toContain('seq 17');
    expect(await nonEmptyTables(empty)).toEqual({});
  });

  it('import refuses a database that is not empty, a different schema version and a malformed document', async () => {
    const source = await openMigrated(target);
    await populate(source, 2);
    await seedCongress(source);
    const doc = await exportAllTables(source);
    await expect(importAllTables(source, doc)).rejects.toMatchObject({ code: 'not-empty' });

    const empty = await openMigrated(target);
    await expect(importAllTables(empty, { ...doc, schemaVersion: '0000-older' })).rejects.toMatchObject({
      code: 'schema-mismatch',
    });
    // A backup from before the congress tables is restored (migrated), never imported as it is.
    const older = await exportAllTables(await openFoundation(target));
    const mismatch = await importAllTables(empty, older).catch((error: unknown) => error);
    expect(mismatch).toMatchObject({ code: 'schema-mismatch' });
    expect((mismatch as Error).message).toContain(
      `the backup is at schema 0001-foundation, the database at ${LATEST_SCHEMA_VERSION}`,
    );
    await expect(importAllTables(empty, { ...doc, format: 'something-else' })).rejects.toMatchObject({
      code: 'invalid-backup',
    });
    const { meta: _gone, ...withoutMeta } = doc.tables;
    await expect(importAllTables(empty, { ...doc, tables: withoutMeta })).rejects.toThrow(
      /missing from the backup: meta/,
    );
    const { attendance: _absent, ...withoutAttendance } = doc.tables;
    await expect(importAllTables(empty, { ...doc, tables: withoutAttendance })).rejects.toThrow(
      /missing from the backup: attendance/,
    );
    const extraColumn = structuredClone(doc);
    extraColumn.tables.meta![0]!.colour = 'red';
    await expect(importAllTables(empty, extraColumn)).rejects.toThrow(/meta row 1 has columns/);
    expect(await nonEmptyTables(empty)).toEqual({});
  });

  it('import loads a tree of organisations whose children sort before their parents, past one insert batch', async () => {
    // PostgreSQL checks a foreign key at the end of each INSERT statement, and the import inserts
    // a few hundred rows per statement: a parent in a later statement than its child would fail.
    const source = await openMigrated(target);
    const organisation = (id: string, level: 'province' | 'city' | 'county', parent_id: string | null) =>
      organisationRow({ id, name: `${id} 委员会`, short_name: id, locality: id, level, parent_id });
    const cities = Array.from({ length: 200 }, (_, i) => `m-city-${String(i).padStart(3, '0')}`);
    await inTransaction(source, (trx) =>
      insertRows(trx, 'organisations', [
        organisation('z-province', 'province', null),
        ...cities.map((city) => organisation(city, 'city', 'z-province')),
        ...cities.map((city, i) => organisation(`a-county-${i}`, 'county', city)),
      ]),
    );
    const doc = await exportAllTables(source);
    expect(doc.tables.organisations![0]!.id).toBe('a-county-0'); // key order: children first

    const copy = await openMigrated(target);
    expect(await importAllTables(copy, doc)).toMatchObject({ rows: { organisations: 401 } });
    expect(await exportAllTables(copy)).toEqual(doc);
  });

  it('restore refuses a file that is not a backup', async () => {
    const place = await target.place();
    const file = path.join(folder, 'notes.txt');
    await writeFile(file, 'minutes of the preparatory meeting');
    await expect(restoreDatabase(place.config, file)).rejects.toMatchObject({ code: 'invalid-backup' });
    await expect(restoreDatabase(place.config, path.join(folder, 'absent.json'))).rejects.toMatchObject({
      code: 'unreadable-backup',
    });
  });
});

describe('SQLite native backup', () => {
  afterEach(disposeTestDatabases);

  it('copies the live database with the online backup API and restores it', async () => {
    const source = await openMigrated(testDatabase.sqlite);
    await populate(source, 25);
    const congress = await seedCongress(source); // seq 26
    const file = path.join(folder, 'plenum-backup.sqlite');
    // Writers keep going while the backup runs; the copy is one point in time.
    const [backup] = await Promise.all([backupDatabase(source, file), populate(source, 5, 27)]);
    expect(backup.format).toBe('sqlite');
    expect((await readFile(file)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(await readdir(folder)).toEqual(['plenum-backup.sqlite', 'plenum-backup.sqlite.manifest.json']);

    const place = await testDatabase.sqlite.place();
    const restored = await restoreDatabase(place.config, file);
    expect(restored).toMatchObject({ format: 'sqlite', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(restored.auditHead).toEqual(backup.auditHead);
    const copy = await openAt(place.config);
    expect(await verifyAuditChain(copy.db)).toEqual({ ok: true, entries: backup.auditHead.seq });
    const original = await exportAllTables(source);
    const copied = await exportAllTables(copy);
    expect(Object.keys(copied.tables)).toEqual(Object.keys(original.tables));
    expect(copied.tables.audit_log).toEqual(original.tables.audit_log!.slice(0, backup.auditHead.seq));
    for (const name of Object.keys(congress.rows)) expect(copied.tables[name]).toEqual(original.tables[name]);
    const dataDir = place.config.dataDir!;
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('restores a copy made before the congress tables, brought to the latest schema', async () => {
    const source = await openFoundation(testDatabase.sqlite);
    await populate(source, 6);
    const file = path.join(folder, 'foundation.sqlite');
    const backup = await backupDatabase(source, file);
    expect(backup).toMatchObject({ format: 'sqlite', schemaVersion: '0001-foundation' });
    const place = await testDatabase.sqlite.place();
    const restored = await restoreDatabase(place.config, file);
    expect(restored).toEqual({
      format: 'sqlite',
      schemaVersion: LATEST_SCHEMA_VERSION,
      auditEntries: 6,
      auditHead: backup.auditHead,
    });
    await expectUpgraded(await openAt(place.config), await exportAllTables(source));
  });

  it('restoring the same backup twice over a live file gives the same database', async () => {
    const source = await openMigrated(testDatabase.sqlite);
    await populate(source, 8);
    await seedCongress(source);
    const file = path.join(folder, 'backup.sqlite');
    await backupDatabase(source, file);
    const place = await testDatabase.sqlite.place();
    await restoreDatabase(place.config, file);
    const first = await openAt(place.config);
    await populate(first, 2, 50); // leaves a -wal file behind while open
    await seedCongress(first, 'later', 60);
    await first.close();
    await restoreDatabase(place.config, file);
    const second = await openAt(place.config);
    expect(await exportAllTables(second)).toEqual(await exportAllTables(source));
  });
});

const both = testDatabases.length === 2;

describe.skipIf(!both)('JSON export/import between SQLite and PostgreSQL', () => {
  afterEach(disposeTestDatabases);

  /**
   * Adds two tables the way a later migration would, the child named to sort before its parent,
   * with a bigint column (pg hands those back as text unless told otherwise).
   */
  async function addLaterTables(database: Database): Promise<void> {
    await database.db.schema
      .createTable('x_delegation')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('name', 'text', (col) => col.notNull())
      .execute();
    await database.db.schema
      .createTable('a_delegate')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('delegation_id', 'text', (col) => col.notNull().references('x_delegation.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('invited', 'integer', (col) => col.notNull())
      .addColumn('votes', 'bigint')
      .addColumn('registered_at', 'text')
      .execute();
  }

  async function seedLaterTables(database: Database): Promise<void> {
    await inTransaction(database, async (trx) => {
      const db = trx as unknown as UntypedKysely;
      await db
        .insertInto('x_delegation')
        .values([
          { id: 'd1', name: '机关代表团' },
          { id: 'd2', name: '教育代表团' },
        ])
        .execute();
      await db
        .insertInto('a_delegate')
        .values([
          {
            id: 'p1',
            delegation_id: 'd2',
            name: '丁宁（女）',
            invited: 0,
            votes: 412,
            registered_at: '2025-06-01T08:30:00.000Z',
          },
          { id: 'p2', delegation_id: 'd1', name: '于波', invited: 1, votes: null, registered_at: null },
        ])
        .execute();
    });
  }

  async function roundTrip(from: TestDatabase, to: TestDatabase): Promise<void> {
    const source = await openMigrated(from);
    await addLaterTables(source);
    await populate(source, 15);
    const congress = await seedCongress(source);
    await seedLaterTables(source);
    const doc = await exportAllTables(source);
    expect(nonEmpty(doc)).toEqual({
      ...congress.rows,
      audit_head: 1,
      audit_log: 16,
      meta: 7,
      x_delegation: 2,
      a_delegate: 2,
    });

    const target = await openMigrated(to);
    await addLaterTables(target);
    const started = performance.now();
    const result = await importAllTables(target, doc);
    console.log(`[${from.name} → ${to.name}] import: ${(performance.now() - started).toFixed(0)} ms`);
    expect(result).toEqual({
      rows: Object.fromEntries(Object.entries(doc.tables).map(([name, rows]) => [name, rows.length])),
      auditEntries: 16,
    });
    const back = await exportAllTables(target);
    // Same data, same types, same text: the backup file would be byte for byte the same.
    expect(back).toEqual(doc);
    expect(canonicalJson(back)).toBe(canonicalJson(doc));
    expect(await verifyAuditChain(target.db)).toEqual({ ok: true, entries: 16 });
  }

  it('SQLite → PostgreSQL', () => roundTrip(testDatabase.sqlite, testDatabase.postgres));
  it('PostgreSQL → SQLite', () => roundTrip(testDatabase.postgres, testDatabase.sqlite));

  it('exports the same data as the same text on both engines, whatever PostgreSQL’s collation', async (context) => {
    const sqlite = await openMigrated(testDatabase.sqlite);
    const postgres = await openMigrated(testDatabase.postgres);
    // Keys beyond the Basic Multilingual Plane: UTF-16 (JavaScript's <) puts '𠮷' before 'Ａ'
    // (U+FF21), code points (SQLite, PostgreSQL's C collation) after it.
    const wideKeys = ['𠮷', 'Ａ', 'a'];
    for (const database of [sqlite, postgres]) {
      await populate(database, 4);
      await seedCongress(database);
      await inTransaction(database, async (trx) => {
        await trx
          .insertInto('meta')
          .values(wideKeys.map((key) => ({ key, value: key })))
          .execute();
      });
    }
    const sqliteOrder = await sqlite.db.selectFrom('meta').select('key').orderBy('key').execute();
    expect(sqliteOrder.map((row) => row.key).filter((key) => wideKeys.includes(key))).toEqual([
      'a',
      'Ａ',
      '𠮷',
    ]);
    // A server initialised with an English locale orders text as a dictionary does: 'a9Tx' before
    // 'Zp4M' before 'zP4m', where SQLite (and the C locale) put 'Zp4M' first.
    const { rows } = await sql<{ collname: string }>`
      select collname from pg_collation where collname = 'en-US-x-icu'`.execute(postgres.db);
    if (rows.length === 0) context.skip('PostgreSQL has no ICU collations');
    for (const table of ['electronic_ballots', 'adoption_ballots']) {
      await sql`alter table ${sql.table(table)} alter column receipt type text collate "en-US-x-icu"`.execute(
        postgres.db,
      );
    }
    const inKeyOrder = await postgres.db
      .selectFrom('electronic_ballots')
      .select('receipt')
      .orderBy('receipt')
      .execute();
    expect(inKeyOrder.map((row) => row.receipt)).toEqual(['a9Tx-a', 'zP4m-a', 'Zp4M-a']);

    const fromPostgres = await exportAllTables(postgres);
    expect(fromPostgres.tables.electronic_ballots!.map((row) => row.receipt)).toEqual([
      'Zp4M-a',
      'a9Tx-a',
      'zP4m-a',
    ]);
    const fromSqlite = await exportAllTables(sqlite);
    expect(fromSqlite.tables.meta!.map((row) => row.key)).toEqual(sqliteOrder.map((row) => row.key));
    expect(canonicalJson(fromPostgres)).toBe(canonicalJson(fromSqlite));
  });

  /** Restores a native backup of the SQLite `source` into a new PostgreSQL schema, and opens it. */
  async function restoreIntoPostgres(source: Database): Promise<Database> {
    const file = path.join(folder, 'from-sqlite.sqlite');
    const backup = await backupDatabase(source, file);
    const place = await testDatabase.postgres.place();
    expect(await restoreDatabase(place.config, file)).toEqual({
      format: 'sqlite',
      schemaVersion: LATEST_SCHEMA_VERSION,
      auditEntries: backup.auditHead.seq,
      auditHead: backup.auditHead,
    });
    return openAt(place.config);
  }

  it('restores a native SQLite backup into PostgreSQL', async () => {
    const source = await openMigrated(testDatabase.sqlite);
    await populate(source, 12);
    await seedCongress(source);
    const copy = await restoreIntoPostgres(source);
    expect(await exportAllTables(copy)).toEqual(await exportAllTables(source));
    expect(await verifyAuditChain(copy.db)).toEqual({ ok: true, entries: 13 });
  });

  it('restores a native SQLite backup made before the congress tables into PostgreSQL', async () => {
    const source = await openFoundation(testDatabase.sqlite);
    await populate(source, 7);
    await expectUpgraded(await restoreIntoPostgres(source), await exportAllTables(source));
  });
});

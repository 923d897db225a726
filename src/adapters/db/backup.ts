import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { publish, temporaryPathFor, writeFileAtomically } from './atomic-file.ts';
import { type AuditHead, auditHead, GENESIS_HASH, verifyAuditChain } from './audit-log.ts';
import { canonicalJson } from './canonical-json.ts';
import {
  type Database,
  type DatabaseConfig,
  isPostgresUrl,
  openDatabase,
  sqliteFileOf,
  sqliteHandle,
} from './connection.ts';
import { BackupError } from './errors.ts';
import {
  type BackupDocument,
  exportAllTables,
  importAllTables,
  parseBackupDocument,
} from './export-import.ts';
import { appliedSchemaVersion, migrate, unknownMigrations } from './migrate.ts';
import type { UntypedKysely } from './schema.ts';

// Primitives behind `plenum backup` and `plenum restore`.
//
// Backup: on SQLite, the online backup API copies the live database page by page (format
// 'sqlite'); on PostgreSQL, and on SQLite when asked, the JSON export (format 'json'). Either way
// the file appears complete or not at all (atomic-file.ts).
//
// Restore never edits a live database (the audit log refuses UPDATE and DELETE anyway): it builds
// a complete new database next to the old one, checks it (integrity, audit chain), brings it to
// the current schema, and only then swaps it in: a file rename on SQLite, a schema rename inside
// one transaction on PostgreSQL. A failure at any step leaves the old database as it was.
// The server must not be running against a SQLite file while it is restored: an open connection
// would keep writing to the replaced file.

export type BackupFormat = 'sqlite' | 'json';

export type BackupResult = {
  file: string;
  format: BackupFormat;
  schemaVersion: string;
  auditHead: AuditHead;
};

export type RestoreResult = {
  format: BackupFormat;
  /** Schema version after the restore (the backup's, migrated to the current one). */
  schemaVersion: string;
  auditEntries: number;
  auditHead: AuditHead;
};

const SQLITE_MAGIC = 'SQLite format 3\0';

export async function backupDatabase(
  database: Database,
  file: string,
  options: { format?: BackupFormat } = {},
): Promise<BackupResult> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const format = options.format ?? (database.dialect === 'sqlite' ? 'sqlite' : 'json');
  if (format === 'json') {
    const doc = await exportAllTables(database);
    await writeFileAtomically(target, (temporary) =>
      writeFile(temporary, `${canonicalJson(doc)}\n`, { flag: 'wx' }),
    );
    return { file: target, format, schemaVersion: doc.schemaVersion, auditHead: headOf(doc) };
  }
  if (database.dialect !== 'sqlite') {
    throw new BackupError(
      'unsupported',
      'PostgreSQL backups are JSON backups',
      'PostgreSQL 只能备份为 JSON 格式',
    );
  }
  const handle = sqliteHandle(database);
  // Holding Kysely's one connection for the copy keeps this process's writers out, so the copy is
  // one point in time and SQLite need not restart it; a congress database copies in milliseconds.
  return database.db.connection().execute(async (db) => {
    const schemaVersion = await appliedSchemaVersion(db as unknown as UntypedKysely);
    if (!schemaVersion) throw new Error('cannot back up a database that was never migrated');
    const head = await auditHead(db);
    await writeFileAtomically(target, async (temporary) => {
      await handle.backup(temporary);
    });
    return { file: target, format, schemaVersion, auditHead: head };
  });
}

/** Replaces the database `config` names with the backup in `file` (either format). */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<RestoreResult> {
  const source = path.resolve(file);
  const format = await sniffFormat(source);
  if (isPostgresUrl(config.url)) {
    const doc = format === 'json' ? await readBackupDocument(source) : await exportSqliteBackup(source);
    return { format, ...(await restorePostgres(config, config.url, doc)) };
  }
  const target = sqliteFileOf(config);
  await mkdir(path.dirname(target), { recursive: true });
  const staging = temporaryPathFor(target);
  try {
    let result: Omit<RestoreResult, 'format'>;
    if (format === 'sqlite') {
      await copyFile(source, staging);
      result = await withDatabase({ file: staging }, (database) => checkAndMigrateSqliteCopy(database));
    } else {
      const doc = await readBackupDocument(source);
      result = await withDatabase({ file: staging }, (database) => loadDocument(database, doc));
    }
    // Closing the staging database checkpointed its WAL into the file; the target's old WAL and
    // shared-memory files must go, or SQLite would replay the old WAL onto the new file.
    await rm(`${target}-wal`, { force: true });
    await rm(`${target}-shm`, { force: true });
    await publish(staging, target);
    return { format, ...result };
  } finally {
    for (const leftover of [staging, `${staging}-wal`, `${staging}-shm`]) await rm(leftover, { force: true });
  }
}

async function restorePostgres(
  config: DatabaseConfig,
  url: string,
  doc: BackupDocument,
): Promise<Omit<RestoreResult, 'format'>> {
  const live = await openDatabase(config);
  try {
    const target = live.schema!;
    const staging = `plenum_restore_${randomBytes(6).toString('hex')}`;
    try {
      const result = await withDatabase({ url, schema: staging, poolSize: 2 }, (database) =>
        loadDocument(database, doc),
      );
      // DDL is transactional on PostgreSQL: readers see the old schema or the new, never neither.
      await live.db.transaction().execute(async (trx) => {
        await sql`drop schema if exists ${sql.id(target)} cascade`.execute(trx);
        await sql`alter schema ${sql.id(staging)} rename to ${sql.id(target)}`.execute(trx);
      });
      return result;
    } finally {
      await sql`drop schema if exists ${sql.id(staging)} cascade`.execute(live.db);
    }
  } finally {
    await live.close();
  }
}

/** Empty database → backup's schema version → rows → current schema version. */
async function loadDocument(database: Database, doc: BackupDocument): Promise<Omit<RestoreResult, 'format'>> {
  await migrate(database, { to: doc.schemaVersion });
  const imported = await importAllTables(database, doc);
  const { schemaVersion } = await migrate(database);
  return {
    schemaVersion: schemaVersion!,
    auditEntries: imported.auditEntries,
    auditHead: await auditHead(database.db),
  };
}

async function checkAndMigrateSqliteCopy(database: Database): Promise<Omit<RestoreResult, 'format'>> {
  const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(database.db);
  const verdict = check.rows.map((row) => row.integrity_check).join('; ');
  if (verdict !== 'ok') {
    throw new BackupError('invalid-backup', `the backup file is damaged: ${verdict}`, '备份文件已损坏');
  }
  const version = await appliedSchemaVersion(database.db as unknown as UntypedKysely).catch(() => undefined);
  if (!version) {
    throw new BackupError('invalid-backup', 'the file is not a Plenum database', '该文件不是 Plenum 数据库');
  }
  const unknown = await unknownMigrations(database);
  if (unknown.length > 0) {
    throw new BackupError(
      'schema-mismatch',
      `the backup was made by a newer Plenum (schema ${unknown.join(', ')}); upgrade first`,
      '该备份由更新版本的 Plenum 生成，请先升级',
    );
  }
  const chain = await verifyAuditChain(database.db);
  if (!chain.ok) {
    throw new BackupError(
      'audit-chain-broken',
      `the backup's audit log is broken at seq ${chain.brokenAt}: ${chain.reason}`,
      `备份中的审计日志在第 ${chain.brokenAt} 条处断裂，备份已被改动或损坏`,
    );
  }
  const { schemaVersion } = await migrate(database);
  return {
    schemaVersion: schemaVersion!,
    auditEntries: chain.entries,
    auditHead: await auditHead(database.db),
  };
}

/** A SQLite backup as a JSON document (to restore it into PostgreSQL), checked on the way. */
async function exportSqliteBackup(source: string): Promise<BackupDocument> {
  const folder = await mkdtemp(path.join(tmpdir(), 'plenum-restore-'));
  try {
    const copy = path.join(folder, 'backup.sqlite');
    await copyFile(source, copy);
    return await withDatabase({ file: copy }, async (database) => {
      await checkAndMigrateSqliteCopy(database);
      return exportAllTables(database);
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function withDatabase<T>(config: DatabaseConfig, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function sniffFormat(file: string): Promise<BackupFormat> {
  let start: string;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(SQLITE_MAGIC.length);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      start = buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new BackupError('unreadable-backup', `cannot read ${file}`, `无法读取备份文件 ${file}`, {
      cause: error,
    });
  }
  if (start === SQLITE_MAGIC) return 'sqlite';
  if (start.trimStart().startsWith('{')) return 'json';
  throw new BackupError('invalid-backup', `${file} is not a Plenum backup`, `${file} 不是 Plenum 备份文件`);
}

async function readBackupDocument(file: string): Promise<BackupDocument> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new BackupError('invalid-backup', `${file} is not valid JSON`, `${file} 不是有效的 JSON 文件`, {
      cause: error,
    });
  }
  return parseBackupDocument(parsed);
}

function headOf(doc: BackupDocument): AuditHead {
  const row = doc.tables.audit_head?.[0];
  return row ? { seq: Number(row.seq), hash: String(row.hash) } : { seq: 0, hash: GENESIS_HASH };
}

import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { publish, removeStaleTemporaries, temporaryPathFor, writeFileAtomically } from './atomic-file.ts';
import { type AuditHead, auditHead, GENESIS_HASH, verifyAuditChain } from './audit-log.ts';
import { openElectronicVotes } from './ballot-traces.ts';
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
import { appliedSchemaVersion, MIGRATION_NAMES, migrate, unknownMigrations } from './migrate.ts';
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
//
// Secret ballot [B4] (issue 13): a native SQLite copy keeps the pages as they are, and while an
// electronic vote is open the order in which its sealed ballots and its voters were written is
// still on those pages; a native backup is refused until every electronic vote is closed (and
// its ballots sealed: the closing rewrites them, ballot-traces.ts). The JSON backup writes every
// table in key order and is allowed at any time.
//
// Every backup gets a manifest beside it (<file>.manifest.json): the backup's sha256 and the audit
// head it was taken at (issue 13 item 14). Kept apart from the database — printed, or stored
// elsewhere — the head pins the chain down: `plenum audit verify --manifest` checks the database
// against it, and a restore checks the backup against the manifest found beside it.

export type BackupFormat = 'sqlite' | 'json';

export type BackupResult = {
  file: string;
  format: BackupFormat;
  schemaVersion: string;
  auditHead: AuditHead;
  /** The manifest written beside the backup. */
  manifest: string;
};

export const MANIFEST_FORMAT = 'plenum-backup-manifest';

/** What a backup's manifest records. */
export type BackupManifest = {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  /** The backup's file name (in the same folder). */
  backup: string;
  backupFormat: BackupFormat;
  bytes: number;
  sha256: string;
  schemaVersion: string;
  /** The audit head the backup was taken at: an anchor of the chain outside the database. */
  auditHead: AuditHead;
  createdAt: string;
};

export function manifestPathOf(file: string): string {
  return `${file}.manifest.json`;
}

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
  options: { format?: BackupFormat; at?: string } = {},
): Promise<BackupResult> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const format = options.format ?? (database.dialect === 'sqlite' ? 'sqlite' : 'json');
  const written = await writeBackup(database, target, format);
  const manifest = await writeManifest(
    target,
    { ...written, format },
    options.at ?? new Date().toISOString(),
  );
  return { file: target, format, ...written, manifest };
}

async function writeBackup(
  database: Database,
  target: string,
  format: BackupFormat,
): Promise<{ schemaVersion: string; auditHead: AuditHead }> {
  if (format === 'json') {
    const doc = await exportAllTables(database);
    await writeFileAtomically(target, (temporary) =>
      writeFile(temporary, `${canonicalJson(doc)}\n`, { flag: 'wx' }),
    );
    return { schemaVersion: doc.schemaVersion, auditHead: headOf(doc) };
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
    const open = await openElectronicVotes(db);
    if (open.length > 0) {
      throw new BackupError(
        'voting-open',
        `an electronic vote is open (${open.join(', ')}): a native copy would keep the order its ballots were cast in [B4]; take a JSON backup (--format json), or back up after the close`,
        `电子投票（表决）正在进行（${open.join('、')}）：原样复制数据库会保留投票的先后次序，违反无记名投票原则 [B4]；请改用 JSON 备份（--format json），或在投票结束后备份`,
      );
    }
    const head = await auditHead(db);
    await writeFileAtomically(target, async (temporary) => {
      await handle.backup(temporary);
    });
    return { schemaVersion, auditHead: head };
  });
}

async function writeManifest(
  target: string,
  backup: { format: BackupFormat; schemaVersion: string; auditHead: AuditHead },
  at: string,
): Promise<string> {
  const bytes = await readFile(target);
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    backup: path.basename(target),
    backupFormat: backup.format,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    schemaVersion: backup.schemaVersion,
    auditHead: backup.auditHead,
    createdAt: at,
  };
  const file = manifestPathOf(target);
  await writeFileAtomically(file, (temporary) =>
    writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' }),
  );
  return file;
}

/** A manifest file, checked for shape; BackupError when it is not one. */
export async function readManifest(file: string): Promise<BackupManifest> {
  let parsed: Partial<BackupManifest>;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<BackupManifest>;
  } catch (error) {
    throw new BackupError('invalid-backup', `${file} is not a backup manifest`, `${file} 不是备份清单`, {
      cause: error,
    });
  }
  const head = parsed.auditHead;
  if (
    parsed.format !== MANIFEST_FORMAT ||
    typeof parsed.sha256 !== 'string' ||
    typeof head?.seq !== 'number' ||
    typeof head.hash !== 'string'
  ) {
    throw new BackupError('invalid-backup', `${file} is not a backup manifest`, `${file} 不是备份清单`);
  }
  return parsed as BackupManifest;
}

/**
 * The manifest beside a backup, if there is one, with the backup checked against its sha256: a
 * backup changed after it was written is refused.
 */
async function manifestBeside(source: string): Promise<BackupManifest | undefined> {
  const file = manifestPathOf(source);
  let manifest: BackupManifest;
  try {
    manifest = await readManifest(file);
  } catch (error) {
    if ((error as { cause?: NodeJS.ErrnoException }).cause?.code === 'ENOENT') return undefined;
    throw error;
  }
  const sha256 = createHash('sha256')
    .update(await readFile(source))
    .digest('hex');
  if (sha256 !== manifest.sha256) {
    throw new BackupError(
      'manifest-mismatch',
      `${source} is not the file its manifest describes (sha256 ${sha256}, the manifest records ${manifest.sha256}): it was changed after the backup`,
      `备份文件与其清单不符（清单记录的 sha256 为 ${manifest.sha256}）：备份在生成后被改动过`,
    );
  }
  return manifest;
}

/** Replaces the database `config` names with the backup in `file` (either format). */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<RestoreResult> {
  const source = path.resolve(file);
  const format = await sniffFormat(source);
  const manifest = await manifestBeside(source);
  const anchors = manifest ? [manifest.auditHead] : [];
  if (isPostgresUrl(config.url)) {
    const doc =
      format === 'json' ? await readBackupDocument(source) : await exportSqliteBackup(source, anchors);
    return { format, ...(await restorePostgres(config, config.url, doc, anchors)) };
  }
  const target = sqliteFileOf(config);
  await mkdir(path.dirname(target), { recursive: true });
  // What a restore killed outright left in the data folder (atomic-file.ts).
  await removeStaleTemporaries(path.dirname(target));
  const staging = temporaryPathFor(target);
  try {
    let result: Omit<RestoreResult, 'format'>;
    if (format === 'sqlite') {
      await copyFile(source, staging);
      result = await withDatabase({ file: staging }, (database) =>
        checkAndMigrateSqliteCopy(database, anchors),
      );
    } else {
      const doc = await readBackupDocument(source);
      result = await withDatabase({ file: staging }, (database) => loadDocument(database, doc, anchors));
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
  anchors: readonly AuditHead[],
): Promise<Omit<RestoreResult, 'format'>> {
  const live = await openDatabase(config);
  try {
    const target = live.schema!;
    const staging = `plenum_restore_${randomBytes(6).toString('hex')}`;
    try {
      const result = await withDatabase({ url, schema: staging, poolSize: 2 }, (database) =>
        loadDocument(database, doc, anchors),
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
async function loadDocument(
  database: Database,
  doc: BackupDocument,
  anchors: readonly AuditHead[] = [],
): Promise<Omit<RestoreResult, 'format'>> {
  if (!MIGRATION_NAMES.includes(doc.schemaVersion)) {
    throw new BackupError(
      'schema-mismatch',
      `the backup was made by a newer Plenum (schema ${doc.schemaVersion}); upgrade first`,
      '该备份由更新版本的 Plenum 生成，请先升级',
    );
  }
  await migrate(database, { to: doc.schemaVersion });
  const imported = await importAllTables(database, doc, { anchors });
  const { schemaVersion } = await migrate(database);
  return {
    schemaVersion: schemaVersion!,
    auditEntries: imported.auditEntries,
    auditHead: await auditHead(database.db),
  };
}

async function checkAndMigrateSqliteCopy(
  database: Database,
  anchors: readonly AuditHead[] = [],
): Promise<Omit<RestoreResult, 'format'>> {
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
  const chain = await verifyAuditChain(database.db, { anchors });
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
async function exportSqliteBackup(source: string, anchors: readonly AuditHead[]): Promise<BackupDocument> {
  const folder = await mkdtemp(path.join(tmpdir(), 'plenum-restore-'));
  try {
    const copy = path.join(folder, 'backup.sqlite');
    await copyFile(source, copy);
    return await withDatabase({ file: copy }, async (database) => {
      await checkAndMigrateSqliteCopy(database, anchors);
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

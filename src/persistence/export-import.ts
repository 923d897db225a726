import { sql } from 'kysely';
import { z } from 'zod';
import { type AuditHead, verifyAuditChain } from './audit-log.ts';
import { describeTables, parentsFirst, rowsParentsFirst, type TableInfo } from './catalog.ts';
import type { Database } from './connection.ts';
import { dialectOf } from './dialect.ts';
import { BackupError } from './errors.ts';
import { appliedSchemaVersion } from './migrate.ts';
import type { UntypedKysely } from './schema.ts';
import { inReadTransaction, inTransaction } from './transaction.ts';

// The dialect-neutral backup: every table's rows as JSON. It moves a congress between SQLite and
// PostgreSQL and is the format `plenum backup` writes on PostgreSQL. Cells are only text,
// integers and null (the storage conventions in schema.ts); anything else is refused on export
// rather than written in a form the other engine would read back differently.

export const BACKUP_FORMAT = 'plenum-backup';
export const BACKUP_VERSION = 1;

const cell = z.union([z.string(), z.number(), z.null()]);

export const backupDocumentSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** The last migration applied to the exported database. */
  schemaVersion: z.string().min(1),
  tables: z.record(z.string(), z.array(z.record(z.string(), cell))),
});

export type BackupDocument = z.infer<typeof backupDocumentSchema>;
export type BackupRow = BackupDocument['tables'][string][number];

export type ImportResult = { rows: Record<string, number>; auditEntries: number };

/**
 * Rows of all tables on one snapshot, each table in primary-key order: same data, same text. The
 * order is compared here, not by the engine: PostgreSQL orders text by the server's collation
 * (en_US puts 'a' before 'Z', C the other way round), SQLite by code point.
 */
export async function exportAllTables(database: Database): Promise<BackupDocument> {
  return inReadTransaction(database, async (trx) => {
    const db = trx as unknown as UntypedKysely;
    const schemaVersion = await appliedSchemaVersion(db);
    if (!schemaVersion) throw new Error('cannot export a database that was never migrated');
    const tables: Record<string, BackupRow[]> = {};
    for (const table of await describeTables(db)) {
      const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
      let query = db.selectFrom(table.name).select(table.columns);
      for (const column of order) query = query.orderBy(column);
      const rows = (await query.execute()).map((row) => exportRow(table, row));
      tables[table.name] = rows.sort((a, b) => compareRows(a, b, order));
    }
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion, tables };
  });
}

/**
 * Columns a JSON backup leaves out, written as null (issue 13 item 13): a delegate's credential
 * hash lets whoever holds the file try codes at leisure, and the file travels further than the
 * database (copied off the server, mailed, kept on a stick). Restored from a JSON backup, delegates
 * have no code: the administrator issues new cards (a native SQLite copy keeps them, as a copy of
 * the file it is).
 */
export const WITHHELD_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  delegates: ['credential_hash'],
};

function exportRow(table: TableInfo, row: Record<string, unknown>): BackupRow {
  const out: BackupRow = {};
  const withheld = WITHHELD_COLUMNS[table.name] ?? [];
  for (const column of table.columns) {
    const value = withheld.includes(column) ? null : row[column];
    if (
      value !== null &&
      typeof value !== 'string' &&
      !(typeof value === 'number' && Number.isFinite(value))
    ) {
      const kind =
        value instanceof Date ? 'a Date' : value instanceof Uint8Array ? 'binary data' : typeof value;
      throw new Error(
        `${table.name}.${column} holds ${kind}; backups carry only text, integers and null ` +
          '(store times as ISO text and booleans as 0/1)',
      );
    }
    out[column] = value;
  }
  return out;
}

/** By each column in turn: null first, then numbers by value, then text by Unicode code point. */
function compareRows(a: BackupRow, b: BackupRow, columns: string[]): number {
  for (const column of columns) {
    const order = compareCells(a[column] ?? null, b[column] ?? null);
    if (order !== 0) return order;
  }
  return 0;
}

function compareCells(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return compareCodePoints(a, b);
}

/** SQLite's BINARY order (UTF-8 bytes): code points, where JS's `<` compares UTF-16 units. */
function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (U+D800–DFFF, which encode U+10000 and up) rank above U+E000–FFFF. */
function codePointRank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit;
}

export function parseBackupDocument(input: unknown): BackupDocument {
  const { format, version } = (input ?? {}) as { format?: unknown; version?: unknown };
  if (format === BACKUP_FORMAT && typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupError(
      'schema-mismatch',
      `the backup was made by a newer Plenum (backup format ${version}; this Plenum reads ${BACKUP_VERSION}); upgrade first`,
      '该备份由更新版本的 Plenum 生成，请先升级',
    );
  }
  const parsed = backupDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const detail = z.prettifyError(parsed.error).replaceAll('\n', '; ');
    throw new BackupError(
      'invalid-backup',
      `not a Plenum backup: ${detail}`,
      `不是有效的 Plenum 备份文件：${detail}`,
    );
  }
  return parsed.data;
}

/**
 * Loads a backup into an empty database migrated to the backup's schema version, in one
 * transaction: every table must be present in both, every row must carry exactly the table's
 * columns, and the audit chain must verify afterwards, or nothing is kept. The audit log is
 * copied row for row (seq, hashes and all), so the restored chain is the original chain.
 */
export async function importAllTables(
  database: Database,
  input: unknown,
  options: { anchors?: readonly AuditHead[] } = {},
): Promise<ImportResult> {
  const doc = parseBackupDocument(input);
  return inTransaction(database, async (trx) => {
    const db = trx as unknown as UntypedKysely;
    const version = await appliedSchemaVersion(db);
    if (version !== doc.schemaVersion) {
      throw new BackupError(
        'schema-mismatch',
        `the backup is at schema ${doc.schemaVersion}, the database at ${version ?? 'none'}`,
        `备份的数据库结构版本为 ${doc.schemaVersion}，目标数据库为 ${version ?? '无'}`,
      );
    }
    const tables = await describeTables(db);
    checkSameTables(tables, doc);
    for (const table of tables) {
      const any = await db.selectFrom(table.name).select(sql.lit(1).as('one')).limit(1).executeTakeFirst();
      if (any) {
        throw new BackupError(
          'not-empty',
          `table ${table.name} is not empty; import only into a new database`,
          `数据表 ${table.name} 不为空，只能导入到新建的数据库`,
        );
      }
    }
    // Foreign keys are checked at commit rather than per row, so rows that reference each other
    // (or a table in a reference cycle) load in any order.
    if (dialectOf(db) === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(db);
    const rows: Record<string, number> = {};
    for (const table of parentsFirst(tables)) {
      rows[table.name] = await insertRows(db, table, doc.tables[table.name] ?? []);
    }
    const chain = await verifyAuditChain(trx, { anchors: options.anchors ?? [] });
    if (!chain.ok) {
      throw new BackupError(
        'audit-chain-broken',
        `the backup's audit log is broken at seq ${chain.brokenAt}: ${chain.reason}`,
        `备份中的审计日志在第 ${chain.brokenAt} 条处断裂，备份已被改动或损坏`,
      );
    }
    return { rows, auditEntries: chain.entries };
  });
}

function checkSameTables(tables: TableInfo[], doc: BackupDocument): void {
  const inDatabase = new Set(tables.map((table) => table.name));
  const inBackup = new Set(Object.keys(doc.tables));
  const missing = [...inDatabase].filter((name) => !inBackup.has(name));
  const extra = [...inBackup].filter((name) => !inDatabase.has(name));
  if (missing.length > 0 || extra.length > 0) {
    const detail = [
      missing.length > 0 ? `missing from the backup: ${missing.join(', ')}` : '',
      extra.length > 0 ? `unknown to the database: ${extra.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    throw new BackupError(
      'invalid-backup',
      `backup tables differ (${detail})`,
      `备份中的数据表与数据库不一致（${detail}）`,
    );
  }
}

async function insertRows(db: UntypedKysely, table: TableInfo, rows: BackupRow[]): Promise<number> {
  const columns = new Set(table.columns);
  rows.forEach((row, index) => {
    const keys = Object.keys(row);
    if (keys.length !== columns.size || !keys.every((key) => columns.has(key))) {
      throw new BackupError(
        'invalid-backup',
        `${table.name} row ${index + 1} has columns ${keys.join(', ')}; expected ${table.columns.join(', ')}`,
        `数据表 ${table.name} 第 ${index + 1} 行的列与数据库不一致`,
      );
    }
  });
  // Well under SQLite's and PostgreSQL's limits on bound parameters per statement.
  const batch = Math.max(1, Math.floor(900 / Math.max(1, table.columns.length)));
  const ordered = rowsParentsFirst(table, rows);
  for (let start = 0; start < ordered.length; start += batch) {
    await db
      .insertInto(table.name)
      .values(ordered.slice(start, start + batch))
      .execute();
  }
  return rows.length;
}

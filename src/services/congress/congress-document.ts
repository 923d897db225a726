import {
  type CongressDocument,
  type CongressImport,
  congressDocumentSchema,
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
} from '../../contract/procedure.ts';
import { describeTables } from '../../persistence/catalog.ts';
import { WITHHELD_COLUMNS } from '../../persistence/export-import.ts';
import { canonicalJson, inReadTransaction, type WriteTransaction } from '../../persistence/index.ts';
import { appliedSchemaVersion } from '../../persistence/migrate.ts';
import type { Schema, UntypedKysely } from '../../persistence/schema.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { parseInput } from '../zod-issues.ts';
import { congressRow } from './lookups.ts';

// One congress as one JSON document: every row that belongs to it, table by table, to move a
// congress between installations (SQLite ↔ PostgreSQL) or keep it on record. Rows are copied
// exactly (ids, times, hashes of credentials), so an import followed by an export gives the
// same document. The audit history stays in the database it was written in: the import itself
// is one audit entry in the receiving database. Accounts, roles and sessions are not congress
// data and are left out.

export type { CongressDocument };

type TableName = keyof Schema & string;
type Cell = string | number | null;
type Row = Record<string, Cell>;

/** A table of the congress: its key (for a stable order) and the column naming its parent row. */
interface OwnedTable {
  readonly table: TableName;
  readonly key: readonly string[];
  readonly parent: { readonly column: string; readonly table: TableName };
}

/** Every table that belongs to one congress, parents before children (the order of insertion). */
const OWNED: readonly OwnedTable[] = [
  { table: 'delegations', key: ['id'], parent: { column: 'congress_id', table: 'congresses' } },
  { table: 'delegates', key: ['id'], parent: { column: 'congress_id', table: 'congresses' } },
  { table: 'body_members', key: ['id'], parent: { column: 'congress_id', table: 'congresses' } },
  { table: 'sittings', key: ['id'], parent: { column: 'congress_id', table: 'congresses' } },
  { table: 'sitting_chairs', key: ['id'], parent: { column: 'sitting_id', table: 'sittings' } },
  { table: 'agenda_items', key: ['id'], parent: { column: 'sitting_id', table: 'sittings' } },
  { table: 'adoption_votes', key: ['id'], parent: { column: 'agenda_item_id', table: 'agenda_items' } },
  { table: 'adoption_ballots', key: ['receipt'], parent: { column: 'vote_id', table: 'adoption_votes' } },
  {
    table: 'adoption_voters',
    key: ['vote_id', 'delegate_id'],
    parent: { column: 'vote_id', table: 'adoption_votes' },
  },
  {
    table: 'attendance',
    key: ['sitting_id', 'delegate_id'],
    parent: { column: 'sitting_id', table: 'sittings' },
  },
  { table: 'attendance_events', key: ['id'], parent: { column: 'sitting_id', table: 'sittings' } },
  { table: 'election_methods', key: ['id'], parent: { column: 'congress_id', table: 'congresses' } },
  { table: 'elections', key: ['id'], parent: { column: 'congress_id', table: 'congresses' } },
  { table: 'candidates', key: ['id'], parent: { column: 'election_id', table: 'elections' } },
  { table: 'election_officers', key: ['id'], parent: { column: 'election_id', table: 'elections' } },
  { table: 'rounds', key: ['id'], parent: { column: 'election_id', table: 'elections' } },
  { table: 'election_decisions', key: ['id'], parent: { column: 'election_id', table: 'elections' } },
  {
    table: 'round_presence',
    key: ['round_id', 'delegate_id'],
    parent: { column: 'round_id', table: 'rounds' },
  },
  { table: 'paper_entries', key: ['id'], parent: { column: 'round_id', table: 'rounds' } },
  { table: 'paper_resolutions', key: ['id'], parent: { column: 'round_id', table: 'rounds' } },
  { table: 'round_signoffs', key: ['id'], parent: { column: 'round_id', table: 'rounds' } },
  // Scanned ballots: the files as uploaded, their sheets, the boxes reviewed and the decisions.
  { table: 'scan_files', key: ['id'], parent: { column: 'round_id', table: 'rounds' } },
  { table: 'scan_sheets', key: ['id'], parent: { column: 'round_id', table: 'rounds' } },
  { table: 'scan_items', key: ['id'], parent: { column: 'round_id', table: 'rounds' } },
  { table: 'scan_decisions', key: ['id'], parent: { column: 'round_id', table: 'rounds' } },
  { table: 'electronic_ballots', key: ['receipt'], parent: { column: 'round_id', table: 'rounds' } },
  {
    table: 'electronic_voters',
    key: ['round_id', 'delegate_id'],
    parent: { column: 'round_id', table: 'rounds' },
  },
  // The congress's reports and communiqués, drafts and published (the portal shows them with
  // their view counts). Items of no congress stay behind, like the secretariat's templates.
  { table: 'news_items', key: ['id'], parent: { column: 'congress_id', table: 'congresses' } },
];

/**
 * Rows the congress shares with others or was produced from: its organisation (with the
 * organisations above it), the terms it elected or sits in, and the term positions it produced.
 * On import an organisation or term that already exists must be identical and is kept as it is.
 */
const SHARED: readonly TableName[] = ['organisations', 'terms'];
export const DOCUMENT_TABLES: readonly TableName[] = [
  'organisations',
  'terms',
  'congresses',
  'term_positions',
  ...OWNED.map((t) => t.table),
];

// ---- export ------------------------------------------------------------------------------------

function ids(rows: readonly Row[], column = 'id'): string[] {
  return [...new Set(rows.map((row) => row[column]).filter((v): v is string => typeof v === 'string'))];
}

/** Text in code-point order (UTF-8 bytes), whatever the engine's collation. */
function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Buffer.compare(Buffer.from(String(a), 'utf8'), Buffer.from(String(b), 'utf8'));
}

function sortRows(rows: Row[], key: readonly string[]): Row[] {
  return rows.sort((a, b) => {
    for (const column of key) {
      const order = compareCells(a[column] ?? null, b[column] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  });
}

/**
 * A row with its columns in name order and only text, integers and null in its cells. The columns
 * a backup withholds (a delegate's credential hash, issue 13 item 13) are written as null here too:
 * an exported congress travels further than a backup.
 */
function plainRow(table: string, row: Record<string, unknown>): Row {
  const out: Row = {};
  const withheld = WITHHELD_COLUMNS[table] ?? [];
  for (const column of Object.keys(row).sort()) {
    const value = withheld.includes(column) ? null : row[column];
    if (
      value !== null &&
      typeof value !== 'string' &&
      !(typeof value === 'number' && Number.isFinite(value))
    ) {
      throw new Error(
        `${table}.${column} holds a ${typeof value}; a congress document carries text, integers and null`,
      );
    }
    out[column] = value;
  }
  return out;
}

async function selectIn(
  db: UntypedKysely,
  table: string,
  column: string,
  values: readonly string[],
): Promise<Row[]> {
  const rows: Row[] = [];
  // In slices, well under either engine's limit on bound parameters.
  for (let start = 0; start < values.length; start += 500) {
    const found = await db
      .selectFrom(table)
      .selectAll()
      .where(column, 'in', values.slice(start, start + 500))
      .execute();
    rows.push(...found.map((row) => plainRow(table, row)));
  }
  return rows;
}

/** Every row of the congress, on one snapshot. */
export async function exportCongress(context: ServiceContext, congressId: string): Promise<CongressDocument> {
  return inReadTransaction(context.database, async (trx) => {
    const congress = await congressRow(trx, congressId);
    const db = trx as unknown as UntypedKysely;
    const schemaVersion = await appliedSchemaVersion(db);
    if (!schemaVersion) throw new Error('the database was never migrated');
    const tables: Record<string, Row[]> = { congresses: [plainRow('congresses', { ...congress })] };
    for (const owned of OWNED) {
      tables[owned.table] = await selectIn(
        db,
        owned.table,
        owned.parent.column,
        ids(tables[owned.parent.table]!),
      );
    }
    // Term positions the congress produced: those its elections filled, and every position of a
    // term it elected (members and alternates are elected by the congress itself).
    const electedTerms = await selectIn(db, 'terms', 'elected_by_congress_id', [congressId]);
    const positions = [
      ...(await selectIn(db, 'term_positions', 'election_id', ids(tables.elections!))),
      ...(await selectIn(db, 'term_positions', 'term_id', ids(electedTerms))),
    ];
    tables.term_positions = [...new Map(positions.map((row) => [row.id, row])).values()];
    const termIds = new Set([
      ...ids(electedTerms),
      ...ids(tables.term_positions, 'term_id'),
      ...(congress.term_id ? [congress.term_id] : []),
    ]);
    tables.terms = await selectIn(db, 'terms', 'id', [...termIds]);
    // The organisation, those of the terms, and every organisation above them.
    const organisations = new Map<string, Row>();
    let pending = [congress.organisation_id, ...ids(tables.terms, 'organisation_id')];
    while (pending.length > 0) {
      const found = await selectIn(
        db,
        'organisations',
        'id',
        pending.filter((id) => !organisations.has(id)),
      );
      for (const row of found) organisations.set(row.id as string, row);
      pending = ids(found, 'parent_id').filter((id) => !organisations.has(id));
    }
    tables.organisations = [...organisations.values()];
    const keys: Record<string, readonly string[]> = Object.fromEntries(OWNED.map((t) => [t.table, t.key]));
    const ordered: Record<string, Row[]> = {};
    for (const table of DOCUMENT_TABLES)
      ordered[table] = sortRows(tables[table] ?? [], keys[table] ?? ['id']);
    return { format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, schemaVersion, congressId, tables: ordered };
  });
}

// ---- import ------------------------------------------------------------------------------------

const bad = (field: string, en: string, zh: string) => new InputError(field, en, zh);

/** Every row must hang from the congress: a document cannot carry rows of another congress. */
function checkScope(document: CongressDocument): void {
  const { tables, congressId } = document;
  const present = new Set(Object.keys(tables));
  const missing = DOCUMENT_TABLES.filter((t) => !present.has(t));
  const unknown = [...present].filter((t) => !DOCUMENT_TABLES.includes(t as TableName));
  if (missing.length > 0) throw bad(`tables.${missing[0]}`, 'is missing', '缺少该数据表');
  if (unknown.length > 0) throw bad(`tables.${unknown[0]}`, 'is not a table of a congress', '不是会议数据表');
  const congresses = tables.congresses!;
  if (congresses.length !== 1 || congresses[0]!.id !== congressId) {
    throw bad(
      'tables.congresses',
      'must hold exactly the congress the document names',
      '应当只包含文件所指的会议',
    );
  }
  const idsOf = (table: string, column = 'id') => new Set(ids(tables[table]!, column));
  const check = (table: string, column: string, allowed: Set<string>, nullable = false) => {
    tables[table]!.forEach((row, index) => {
      const value = row[column];
      if (nullable && value === null) return;
      if (typeof value !== 'string' || !allowed.has(value)) {
        throw bad(
          `tables.${table}[${index}].${column}`,
          'refers to a row outside this congress',
          '引用了本会议以外的数据',
        );
      }
    });
  };
  for (const owned of OWNED) check(owned.table, owned.parent.column, idsOf(owned.parent.table));
  check('term_positions', 'term_id', idsOf('terms'));
  check('terms', 'organisation_id', idsOf('organisations'));
  check('organisations', 'parent_id', idsOf('organisations'), true);
  check('congresses', 'organisation_id', idsOf('organisations'));
}

async function insertAll(db: UntypedKysely, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const batch = Math.max(1, Math.floor(900 / Math.max(1, columns)));
  for (let start = 0; start < rows.length; start += batch) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + batch))
      .execute();
  }
}

/** Organisations with each parent before its children. */
function parentsFirst(rows: readonly Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  const placed = new Set<string>();
  const ordered: Row[] = [];
  const place = (row: Row, depth: number) => {
    if (placed.has(row.id as string) || depth > 64) return;
    const parent = row.parent_id === null ? undefined : byId.get(row.parent_id as string);
    if (parent) place(parent, depth + 1);
    placed.add(row.id as string);
    ordered.push(row);
  };
  for (const row of rows) place(row, 0);
  return ordered;
}

/**
 * Loads a congress document into this database in one transaction: the congress must not exist
 * here; its organisation and terms may (then they must be identical); every row must belong to
 * the congress and carry exactly the columns of its table.
 */
export async function importCongress(
  context: ServiceContext,
  actor: Actor,
  input: unknown,
): Promise<CongressImport> {
  const document = parseInput(congressDocumentSchema, input);
  checkScope(document);
  return auditedWrite(context, actor, async (trx: WriteTransaction) => {
    const db = trx as unknown as UntypedKysely;
    const version = await appliedSchemaVersion(db);
    if (version !== document.schemaVersion) {
      throw bad(
        'schemaVersion',
        `the document is at schema ${document.schemaVersion}, this database at ${version}`,
        `文件的数据结构版本为${document.schemaVersion}，本数据库为${version}`,
      );
    }
    const columns = new Map((await describeTables(db)).map((t) => [t.name, new Set(t.columns)]));
    for (const table of DOCUMENT_TABLES) {
      const expected = columns.get(table)!;
      document.tables[table]!.forEach((row, index) => {
        const keys = Object.keys(row);
        if (keys.length !== expected.size || !keys.every((key) => expected.has(key))) {
          throw bad(
            `tables.${table}[${index}]`,
            `must have exactly the columns ${[...expected].join(', ')}`,
            '列与数据表不一致',
          );
        }
      });
    }
    const exists = await trx
      .selectFrom('congresses')
      .select('id')
      .where('id', '=', document.congressId)
      .executeTakeFirst();
    if (exists)
      throw conflict(
        'congress-exists',
        'this congress is already in the database',
        '该会议已存在于本数据库中',
      );
    const rows: Record<string, number> = {};
    for (const table of SHARED) {
      const fresh: Row[] = [];
      for (const row of document.tables[table]!) {
        const stored = await db
          .selectFrom(table)
          .selectAll()
          .where('id', '=', row.id as string)
          .executeTakeFirst();
        if (!stored) {
          fresh.push(row);
        } else if (canonicalJson(plainRow(table, stored)) !== canonicalJson(row)) {
          throw conflict(
            'shared-row-differs',
            `${table} ${String(row.id)} exists here with different contents`,
            `本数据库中已有不同内容的${table === 'organisations' ? '党组织' : '届次'}（${String(row.id)}）`,
          );
        }
      }
      if (table === 'terms') {
        for (const row of fresh) {
          const clash = await trx
            .selectFrom('terms')
            .select('id')
            .where('organisation_id', '=', row.organisation_id as string)
            .where('body', '=', row.body as 'committee')
            .where('number', '=', row.number as number)
            .executeTakeFirst();
          if (clash)
            throw conflict(
              'term-exists',
              `term ${String(row.number)} of this organisation exists here under another id`,
              `本数据库中该组织第${String(row.number)}届已存在`,
            );
        }
      }
      await insertAll(db, table, table === 'organisations' ? parentsFirst(fresh) : fresh);
      rows[table] = fresh.length;
    }
    for (const table of ['congresses', 'term_positions', ...OWNED.map((t) => t.table)]) {
      const list = document.tables[table]!;
      if (table === 'term_positions' && list.length > 0) {
        const taken = await selectIn(db, table, 'id', ids(list));
        if (taken.length > 0)
          throw conflict(
            'position-exists',
            `term position ${String(taken[0]!.id)} is already here`,
            '文件中的任职记录已存在于本数据库中',
          );
      }
      await insertAll(db, table, list);
      rows[table] = list.length;
    }
    return {
      result: { congressId: document.congressId, rows },
      audit: {
        action: 'congress.import',
        subject: `congress:${document.congressId}`,
        after: { schemaVersion: document.schemaVersion, rows },
      },
    };
  });
}

import { sql } from 'kysely';
import { dialectOf } from './dialect.ts';
import type { UntypedKysely } from './schema.ts';

// What export/import need to know about the tables without a list kept by hand: so that a table
// added by a later migration is backed up with no change here. Kysely's introspection gives
// neither primary keys (for a stable row order) nor foreign keys (for insertion order), hence
// these catalog queries, one pair per engine.

export type TableInfo = {
  name: string;
  /** In declaration order. */
  columns: string[];
  /** In key order; empty when the table has none. */
  primaryKey: string[];
  /** Tables this one has foreign keys to (itself excluded). */
  references: string[];
  /** Foreign keys from this table to itself (a parent row in the same table), column by column. */
  selfReferences: SelfReference[];
};

export type SelfReference = {
  /** The referencing columns, in key order. */
  columns: string[];
  /** The columns they reference, in the same order. */
  referenced: string[];
};

/** Plenum's tables, by name; Kysely's migration bookkeeping and SQLite's internals left out. */
export async function describeTables(db: UntypedKysely): Promise<TableInfo[]> {
  const tables = dialectOf(db) === 'postgres' ? await describePostgres(db) : await describeSqlite(db);
  return tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function isOurs(name: string): boolean {
  return !name.startsWith('kysely_') && !name.startsWith('sqlite_');
}

async function describeSqlite(db: UntypedKysely): Promise<TableInfo[]> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_schema where type = 'table'`.execute(db);
  const tables: TableInfo[] = [];
  for (const { name } of rows.filter((row) => isOurs(row.name))) {
    const columns = await sql<{ name: string; pk: number }>`
      select name, pk from pragma_table_info(${name}) order by cid`.execute(db);
    const keys = await sql<{ id: number; table: string; from: string; to: string | null }>`
      select id, "table", "from", "to" from pragma_foreign_key_list(${name}) order by id, seq`.execute(db);
    const primaryKey = columns.rows
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);
    const selfKeys = new Map<number, { columns: string[]; referenced: (string | null)[] }>();
    for (const key of keys.rows.filter((row) => row.table === name)) {
      const entry = selfKeys.get(key.id) ?? { columns: [], referenced: [] };
      entry.columns.push(key.from);
      entry.referenced.push(key.to);
      selfKeys.set(key.id, entry);
    }
    tables.push({
      name,
      columns: columns.rows.map((column) => column.name),
      primaryKey,
      references: [...new Set(keys.rows.map((key) => key.table))].filter((table) => table !== name),
      // A foreign key declared without columns (REFERENCES t) references the primary key.
      selfReferences: [...selfKeys.values()].map(({ columns, referenced }) => ({
        columns,
        referenced: referenced.map((column, i) => column ?? primaryKey[i]!),
      })),
    });
  }
  return tables;
}

async function describePostgres(db: UntypedKysely): Promise<TableInfo[]> {
  const columns = await sql<{ table: string; column: string }>`
    select c.table_name as "table", c.column_name as "column"
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ table: string; column: string }>`
    select k.table_name as "table", k.column_name as "column"
    from information_schema.table_constraints c
    join information_schema.key_column_usage k
      on k.constraint_schema = c.constraint_schema and k.constraint_name = c.constraint_name
    where c.table_schema = current_schema() and c.constraint_type = 'PRIMARY KEY'
    order by k.table_name, k.ordinal_position`.execute(db);
  const references = await sql<{ table: string; references: string }>`
    select distinct t.relname as "table", r.relname as "references"
    from pg_constraint k
    join pg_class t on t.oid = k.conrelid
    join pg_class r on r.oid = k.confrelid
    where k.contype = 'f' and t.relnamespace = current_schema()::regnamespace`.execute(db);
  const selfReferences = await sql<{ table: string; key: string; column: string; referenced: string }>`
    select t.relname as "table", k.conname as "key", a.attname as "column", r.attname as "referenced"
    from pg_constraint k
    join pg_class t on t.oid = k.conrelid
    cross join lateral unnest(k.conkey, k.confkey) with ordinality as u(attnum, refnum, ord)
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum
    join pg_attribute r on r.attrelid = k.confrelid and r.attnum = u.refnum
    where k.contype = 'f' and k.conrelid = k.confrelid and t.relnamespace = current_schema()::regnamespace
    order by t.relname, k.conname, u.ord`.execute(db);
  const byName = new Map<string, TableInfo>();
  for (const { table, column } of columns.rows) {
    if (!isOurs(table)) continue;
    let info = byName.get(table);
    if (!info) {
      info = { name: table, columns: [], primaryKey: [], references: [], selfReferences: [] };
      byName.set(table, info);
    }
    info.columns.push(column);
  }
  for (const { table, column } of keys.rows) byName.get(table)?.primaryKey.push(column);
  for (const row of references.rows) {
    if (row.table !== row.references) byName.get(row.table)?.references.push(row.references);
  }
  const selfKeys = new Map<string, SelfReference & { table: string }>();
  for (const row of selfReferences.rows) {
    const id = `${row.table}.${row.key}`;
    const entry = selfKeys.get(id) ?? { table: row.table, columns: [], referenced: [] };
    entry.columns.push(row.column);
    entry.referenced.push(row.referenced);
    selfKeys.set(id, entry);
  }
  for (const { table, columns, referenced } of selfKeys.values()) {
    byName.get(table)?.selfReferences.push({ columns, referenced });
  }
  return [...byName.values()];
}

/**
 * Tables ordered so each comes after the tables it references (parents before children),
 * deterministically. Tables in a reference cycle come last, by name; on SQLite the import defers foreign
 * keys to commit, so they still load. PostgreSQL checks them per statement (they are not
 * DEFERRABLE), so a cycle between tables would not load there; the schema has none. Rows that
 * reference rows of their own table are put in order by rowsParentsFirst.
 */
export function parentsFirst(tables: TableInfo[]): TableInfo[] {
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  const known = new Set(tables.map((table) => table.name));
  let progress = true;
  while (progress) {
    progress = false;
    for (const table of tables) {
      if (placed.has(table.name)) continue;
      if (table.references.every((ref) => placed.has(ref) || !known.has(ref))) {
        placed.add(table.name);
        ordered.push(table);
        progress = true;
      }
    }
  }
  return [...ordered, ...tables.filter((table) => !placed.has(table.name))];
}

/**
 * The rows of a table ordered so that a row referencing another row of the same table (a
 * self-referencing foreign key: an organisation's parent) comes after it, otherwise in the given
 * order. PostgreSQL checks such a key at the end of each INSERT, and a long table is inserted in
 * several. Rows in a cycle, or referencing rows that are not there, keep their place: the
 * database reports them.
 */
export function rowsParentsFirst<Row extends Record<string, unknown>>(table: TableInfo, rows: Row[]): Row[] {
  if (table.selfReferences.length === 0) return rows;
  const keyOf = (row: Row, columns: string[]): string | undefined =>
    columns.some((column) => row[column] === null || row[column] === undefined)
      ? undefined // MATCH SIMPLE: a key with a null in it references nothing
      : JSON.stringify(columns.map((column) => row[column]));
  const byKey = table.selfReferences.map(({ referenced }) => {
    const index = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = keyOf(row, referenced);
      if (key !== undefined && !index.has(key)) index.set(key, i);
    });
    return index;
  });
  const parentsOf = (i: number): number[] =>
    table.selfReferences.flatMap(({ columns }, k) => {
      const key = keyOf(rows[i]!, columns);
      const parent = key === undefined ? undefined : byKey[k]!.get(key);
      return parent === undefined || parent === i ? [] : [parent];
    });
  // Depth-first, without recursion (a hierarchy may be deep): each row after its parents.
  const state = new Uint8Array(rows.length); // 0 new, 1 on the path, 2 placed
  const ordered: Row[] = [];
  for (let start = 0; start < rows.length; start++) {
    if (state[start] !== 0) continue;
    const path: { row: number; parents: number[] }[] = [{ row: start, parents: parentsOf(start) }];
    state[start] = 1;
    while (path.length > 0) {
      const top = path.at(-1)!;
      const parent = top.parents.shift();
      if (parent === undefined) {
        path.pop();
        state[top.row] = 2;
        ordered.push(rows[top.row]!);
      } else if (state[parent] === 0) {
        state[parent] = 1;
        path.push({ row: parent, parents: parentsOf(parent) });
      }
    }
  }
  return ordered;
}

import type { Database, Schema } from '../../src/persistence/index.ts';

/** Rows in each of the tables named, under the names given: what a refused request must leave alone. */
export async function rowCounts<Name extends string>(
  database: Database,
  tables: Readonly<Record<Name, keyof Schema>>,
): Promise<Record<Name, number>> {
  const counts = {} as Record<Name, number>;
  for (const [name, table] of Object.entries(tables) as [Name, keyof Schema][]) {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[name] = Number(row.n);
  }
  return counts;
}

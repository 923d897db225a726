import type { Kysely } from 'kysely';
import type { CongressesTable, SittingsTable } from '../../persistence/congress-schema.ts';
import type { Schema } from '../../persistence/schema.ts';
import { notFound } from '../errors.ts';

export interface SittingOfCongress {
  readonly id: string;
  readonly congressId: string;
  readonly title: string;
  readonly status: SittingsTable['status'];
  readonly ruleSet: CongressesTable['rule_set'];
  readonly congressKind: CongressesTable['kind'];
}

/**
 * The sitting named in the URL, checked to belong to the congress named there (a check-in account
 * of one congress must not reach another congress's sittings by guessing an id).
 */
export async function sittingOfCongress(
  db: Kysely<Schema>,
  congressId: string,
  sittingId: string,
): Promise<SittingOfCongress> {
  const sitting = (await sittingsByIds(db, [sittingId])).get(sittingId);
  if (sitting?.congressId !== congressId) throw notFound('sitting', '会次');
  return sitting;
}

/** The sittings of these ids that exist, with their congress, in one query (a group of desk actions). */
export async function sittingsByIds(
  db: Kysely<Schema>,
  sittingIds: readonly string[],
): Promise<Map<string, SittingOfCongress>> {
  const rows = await db
    .selectFrom('sittings as s')
    .innerJoin('congresses as c', 'c.id', 's.congress_id')
    .select(['s.id', 's.congress_id', 's.title', 's.status', 'c.rule_set', 'c.kind'])
    .where('s.id', 'in', [...new Set(sittingIds)])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        congressId: row.congress_id,
        title: row.title,
        status: row.status,
        ruleSet: row.rule_set,
        congressKind: row.kind,
      },
    ]),
  );
}

/** The congress named in the URL, or 404. */
export async function findCongress(db: Kysely<Schema>, congressId: string): Promise<CongressesTable> {
  const row = await db.selectFrom('congresses').selectAll().where('id', '=', congressId).executeTakeFirst();
  if (!row) throw notFound('congress', '大会');
  return row;
}

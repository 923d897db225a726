import type { Kysely } from 'kysely';
import type {
  AdoptionVotesTable,
  AgendaItemsTable,
  CongressesTable,
  DelegatesTable,
  OrganisationsTable,
  SittingsTable,
  TermsTable,
} from '../../persistence/congress-schema.ts';
import type { Schema } from '../../persistence/schema.ts';
import { notFound } from '../errors.ts';

// The rows a URL names, each checked to belong to the congress named there: an account of one
// congress must not reach another congress's sittings or delegates by guessing an id. Works on
// the database or inside a transaction (pass `trx`).

export type Reader = Kysely<Schema>;

export async function organisationRow(db: Reader, organisationId: string): Promise<OrganisationsTable> {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!row) throw notFound('organisation', '党组织');
  return row;
}

export async function termRow(db: Reader, termId: string): Promise<TermsTable> {
  const row = await db.selectFrom('terms').selectAll().where('id', '=', termId).executeTakeFirst();
  if (!row) throw notFound('term', '届次');
  return row;
}

export async function congressRow(db: Reader, congressId: string): Promise<CongressesTable> {
  const row = await db.selectFrom('congresses').selectAll().where('id', '=', congressId).executeTakeFirst();
  if (!row) throw notFound('congress', '会议');
  return row;
}

export async function sittingRow(db: Reader, congressId: string, sittingId: string): Promise<SittingsTable> {
  const row = await db
    .selectFrom('sittings')
    .selectAll()
    .where('id', '=', sittingId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!row) throw notFound('sitting', '会次');
  return row;
}

export async function agendaItemRow(
  db: Reader,
  congressId: string,
  itemId: string,
): Promise<{ item: AgendaItemsTable; sitting: SittingsTable }> {
  const item = await db.selectFrom('agenda_items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound('agenda item', '议程');
  const sitting = await db
    .selectFrom('sittings')
    .selectAll()
    .where('id', '=', item.sitting_id)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!sitting) throw notFound('agenda item', '议程');
  return { item, sitting };
}

export async function voteRow(
  db: Reader,
  congressId: string,
  voteId: string,
): Promise<{ vote: AdoptionVotesTable; item: AgendaItemsTable; sitting: SittingsTable }> {
  const vote = await db.selectFrom('adoption_votes').selectAll().where('id', '=', voteId).executeTakeFirst();
  if (!vote) throw notFound('adoption vote', '表决事项');
  try {
    return { vote, ...(await agendaItemRow(db, congressId, vote.agenda_item_id)) };
  } catch {
    throw notFound('adoption vote', '表决事项');
  }
}

export async function delegateRow(
  db: Reader,
  congressId: string,
  delegateId: string,
): Promise<DelegatesTable> {
  const row = await db
    .selectFrom('delegates')
    .selectAll()
    .where('id', '=', delegateId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!row) throw notFound('delegate', '代表');
  return row;
}

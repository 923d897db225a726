import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

// Congress set-up (the congress service, src/services/congress):
// - adoption_votes.basis: what "more than half" is counted against — 'present' (实到, the default
//   for reports and decisions) or 'expected' (应到, [P4] the election method). Recorded per vote,
//   so a result can always be re-derived from its own row.
// - adoption_votes.proposal_json: what adopting the vote sets, for the preparatory meeting's votes
//   (presidium list, secretary-general, credentials committee, agenda); null for a plain report.
// - adoption_ballots is rebuilt WITHOUT ROWID on SQLite, as electronic_ballots is in 0002: with a
//   rowid the ballots keep their insertion order, which lines up with adoption_voters' and would
//   link each choice to its voter ([B4] by analogy: a ballot must not be linkable by order).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('adoption_votes').addColumn('basis', 'text').execute();
  await db.schema.alterTable('adoption_votes').addColumn('proposal_json', 'text').execute();
  if (dialectOf(db) !== 'sqlite') return;
  await db.schema
    .createTable('adoption_ballots_unordered')
    .addColumn('receipt', 'text', (c) => c.primaryKey())
    .addColumn('vote_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`insert into adoption_ballots_unordered (receipt, vote_id, choice)
    select receipt, vote_id, choice from adoption_ballots`.execute(db);
  await db.schema.dropTable('adoption_ballots').execute();
  await db.schema.alterTable('adoption_ballots_unordered').renameTo('adoption_ballots').execute();
}

import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

// The secret ballot [B4], issue 13:
// - An electronic round has a key pair. Its public key is stored with the round (public_key); its
//   private key is never stored: split among the election's scrutineers when the round opens
//   (key_json: the threshold, and per holder the x-coordinate, name and a hash of the share that
//   lets one share be recognised, never the share), it exists whole only in memory when enough
//   scrutineers enter their shares after the close (decrypted_at).
// - sealed_ballots: what a cast writes — the ballot encrypted to the round's public key (a sealed
//   box), keyed by its tracker (a hash of the ciphertext), which is the voter's receipt. No voter,
//   no time, no serial; WITHOUT ROWID on SQLite, as electronic_ballots.
// - electronic_ballots keeps its columns and now holds the ballots opened by the scrutineers'
//   shares, written once, after the close, under a random key (still named `receipt` so the
//   backups and documents of earlier versions read unchanged; it is no one's receipt now) and in
//   the order of that key: unrelated to the order of casting. The ballots of rounds cast before
//   this migration are plain already; they are keyed afresh here, so that no voter's old receipt
//   finds their marks any more (issue 13 item 5).
// - Electronic adoption votes (表决) keep their choices apart from their voters as before (they are
//   not elections, [B4] does not bind them: DEVELOPERS.md, "The secret ballot"); their ballots are
//   keyed afresh here as well, and sealed into the audit chain when the vote closes.
// - credential_reissues: a new code for a delegate while an electronic vote is open needs a second
//   person (a scrutineer), who receives the code; the presiding page lists them (item 4).
// - An index on the audit log's (action, subject): the counts and verifications look up a round's
//   sealing entries by it.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped
type Db = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: the builder's table and column types are untyped here
type Table = CreateTableBuilder<any, any>;

const withoutRowid = (db: Db, table: Table): Table =>
  dialectOf(db) === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table;

export async function up(db: Db): Promise<void> {
  for (const column of ['public_key', 'key_json', 'decrypted_at']) {
    await db.schema.alterTable('rounds').addColumn(column, 'text').execute();
  }
  await withoutRowid(
    db,
    db.schema
      .createTable('sealed_ballots')
      .addColumn('tracker', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull())
      .addColumn('ciphertext', 'text', (c) => c.notNull()),
  ).execute();

  await db.schema
    .createTable('credential_reissues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('restrict'))
    .addColumn('delegate_id', 'text', (c) => c.notNull().references('delegates.id').onDelete('restrict'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('open_votes_json', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .execute();

  await db.schema
    .createIndex('audit_log_action_subject_index')
    .on('audit_log')
    .columns(['action', 'subject'])
    .execute();

  // Ballots cast before this version: already plain. Their receipts were given to the voters with
  // the marks; they are replaced by random keys, in the order of those keys.
  const random =
    dialectOf(db) === 'sqlite'
      ? sql`lower(hex(randomblob(16)))`
      : sql`md5(random()::text || clock_timestamp()::text || receipt)`;
  for (const [table, box] of [
    ['electronic_ballots', 'round_id'],
    ['adoption_ballots', 'vote_id'],
  ] as const) {
    await sql`create table ${sql.table(`${table}_rekeyed`)} as select ${random} as receipt, ${sql.ref(box)}, ${sql.raw(
      table === 'electronic_ballots' ? 'marks, write_ins_json' : 'choice',
    )} from ${sql.table(table)}`.execute(db);
    await sql`delete from ${sql.table(table)}`.execute(db);
    await sql`insert into ${sql.table(table)} select * from ${sql.table(`${table}_rekeyed`)} order by receipt`.execute(
      db,
    );
    await sql`drop table ${sql.table(`${table}_rekeyed`)}`.execute(db);
  }
  // Rounds cast in the clear count as opened; their close needs no shares.
  await sql`update rounds set decrypted_at = closed_at where mode = 'electronic' and public_key is null and closed_at is not null`.execute(
    db,
  );
}

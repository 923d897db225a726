import type { Kysely } from 'kysely';

// A delegate logs in with the code on their card, looked up by its hash (credentialHash: the
// congress and the code). Without an index every login read the whole delegates table — 2.5 ms a
// login at 3,000 delegates on SQLite, measured by the e-vote benchmark, while the hall logs in at
// once. The hash already names the congress, so the hash alone is the key.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('delegates_credential_index')
    .on('delegates')
    .column('credential_hash')
    .execute();
}

import { type Kysely, sql } from 'kysely';
import { storedFromDigest } from '../credential-hash.ts';

// Issue 13 item 13: credential hashes were sha256(congressId:code), unsalted and fast; they become
// <lookup>$argon2id(that digest, a salt of their own) (credential-hash.ts). The digest is the slow
// hash's input, so the hashes stored so far are rewritten here without the codes, and the cards
// already printed keep working. A login finds its candidates by congress and lookup prefix: the
// index on the whole hash (0005) gives way to one on that expression, written the same way in
// the query (delegateLogin) so that both engines use it.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped
type Db = Kysely<any>;

const CHUNK = 64;

export async function up(db: Db): Promise<void> {
  const legacy = (await db
    .selectFrom('delegates')
    .select(['id', 'credential_hash'])
    .where('credential_hash', 'is not', null)
    .execute()) as Array<{ id: string; credential_hash: string }>;
  const old = legacy.filter((row) => /^[0-9a-f]{64}$/.test(row.credential_hash));
  for (let i = 0; i < old.length; i += CHUNK) {
    const chunk = old.slice(i, i + CHUNK);
    // In parallel on the argon2 thread pool: 3,000 delegates in a few seconds.
    const hashed = await Promise.all(chunk.map((row) => storedFromDigest(row.credential_hash)));
    for (const [j, row] of chunk.entries()) {
      await db
        .updateTable('delegates')
        .set({ credential_hash: hashed[j] })
        .where('id', '=', row.id)
        .execute();
    }
  }
  await db.schema.dropIndex('delegates_credential_index').execute();
  await sql`create index delegates_credential_lookup_index on delegates (congress_id, substr(credential_hash, 1, 3))`.execute(
    db,
  );
}

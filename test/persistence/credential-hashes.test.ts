import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CREDENTIAL_ARGON2,
  credentialDigest,
  credentialMatches,
  hashCredential,
} from '../../src/persistence/credential-hash.ts';
import { backupDatabase, exportAllTables, migrate, restoreDatabase } from '../../src/persistence/index.ts';
import { delegateLogin } from '../../src/services/accounts/account-service.ts';
import { LoginThrottle } from '../../src/services/accounts/login-throttle.ts';
import { issueCredentials } from '../../src/services/congress/credentials.ts';
import { ADMIN, addDelegates, serviceContext, tongliao } from '../services/congress/fixtures.ts';
import { buildWorld } from '../support/builder/index.ts';
import { describeEachDatabase, openAt } from '../support/databases.ts';
import { TestClock, testContext } from '../support/http.ts';

// Issue 13 item 13: a delegate's credential is stored as a salted, slow hash (argon2id, a salt of
// its own) behind a 12-bit lookup prefix, not as sha256(congressId:code); the hashes of earlier
// versions are rewritten by migration 0010 and their printed codes still log in; and no JSON
// backup or export carries them.

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plenum-credentials-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const legacyHash = (congressId: string, code: string) =>
  createHash('sha256').update(`${congressId}:${code}`, 'utf8').digest('hex');

it('issue 13 item 13: the same code in the same congress hashes differently each time, each verifies', async () => {
  const a = await hashCredential('c1', 'ABCDE12345');
  const b = await hashCredential('c1', 'abcde-12345');
  expect(a).not.toBe(b);
  expect(a.slice(0, 3)).toBe(b.slice(0, 3)); // the lookup prefix: 12 bits of the code, the same
  expect(a).toMatch(
    new RegExp(
      `^[0-9a-f]{3}\\$argon2id\\$v=19\\$m=${CREDENTIAL_ARGON2.memoryCost},t=${CREDENTIAL_ARGON2.timeCost},p=1\\$`,
    ),
  );
  expect(a).not.toContain(credentialDigest('c1', 'ABCDE12345'));
  expect(await credentialMatches(a, 'c1', 'abcde 12345')).toBe(true);
  expect(await credentialMatches(b, 'c1', 'ABCDE12345')).toBe(true);
  expect(await credentialMatches(a, 'c2', 'ABCDE12345')).toBe(false);
  expect(await credentialMatches(a, 'c1', 'ABCDE12346')).toBe(false);
  expect(await credentialMatches('0a1$not-a-hash', 'c1', 'ABCDE12345')).toBe(false);
});

describeEachDatabase('credential hashes', (target) => {
  it('issue 13 item 13: issued codes are stored salted and slow; a JSON backup and the export carry no credential hash', async () => {
    const { context, database, clock } = await serviceContext(target);
    const { congress } = await tongliao(context);
    await addDelegates(context, congress.id, 4);
    const issued = await issueCredentials(context, ADMIN, congress.id);
    const stored = await database.db
      .selectFrom('delegates')
      .select(['id', 'credential_hash'])
      .where('congress_id', '=', congress.id)
      .execute();
    expect(stored).toHaveLength(4);
    for (const row of stored) expect(row.credential_hash).toMatch(/^[0-9a-f]{3}\$argon2id\$/);
    for (const credential of issued) {
      const row = stored.find((r) => r.id === credential.delegateId)!;
      expect(await credentialMatches(row.credential_hash!, congress.id, credential.credential)).toBe(true);
      expect(row.credential_hash).not.toContain(legacyHash(congress.id, credential.credential));
    }
    const throttle = new LoginThrottle(clock);
    await expect(
      delegateLogin(context, throttle, {
        congressId: congress.id,
        code: issued[2]!.credential,
        address: 'a',
      }),
    ).resolves.toMatchObject({ delegateId: issued[2]!.delegateId });

    // The export (the JSON backup's document) withholds them; so does the backup file itself.
    const doc = await exportAllTables(database);
    expect(doc.tables.delegates!.map((row) => row.credential_hash)).toEqual([null, null, null, null]);
    const file = path.join(folder, `${target.name}-backup.json`);
    await backupDatabase(database, file, { format: 'json' });
    const text = await readFile(file, 'utf8');
    expect(text).toContain('"credential_hash":null');
    for (const row of stored) {
      expect(text).not.toContain(row.credential_hash!.slice(3)); // the argon2id string
      expect(text).not.toContain(row.credential_hash!.split('$').at(-1)!); // its hash alone
    }
    for (const credential of issued)
      expect(text).not.toContain(legacyHash(congress.id, credential.credential));

    // Restored from it, the delegates have no code: new cards are issued.
    const place = await target.place();
    await restoreDatabase(place.config, file);
    const restored = await openAt(place.config);
    const after = await restored.db.selectFrom('delegates').select('credential_hash').execute();
    expect(after.map((row) => row.credential_hash)).toEqual([null, null, null, null]);
    await expect(
      delegateLogin(testContext(restored, new TestClock()), new LoginThrottle(clock), {
        congressId: congress.id,
        code: issued[0]!.credential,
        address: 'a',
      }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('issue 13 item 13: migration 0010 rewrites the unsalted hashes of earlier versions; printed codes still log in', async () => {
    const database = await target.open();
    await migrate(database, { to: '0009-events' });
    const world = buildWorld(database, { tag: 'm', at: '2026-09-26T08:00:00.000Z' });
    const congress = await world.congress({ number: 3, startsOn: '2026-09-26', endsOn: '2026-09-27' });
    const codes = ['M00001AAAA', 'M00002BBBB', 'M00003CCCC'];
    const delegates = await congress.delegates(
      codes.map((credential, i) => ({ code: `m-${i + 1}`, credential })),
    );
    // As an earlier version stored them: sha256(congressId:code).
    for (const [i, delegate] of delegates.entries()) {
      await database.db
        .updateTable('delegates')
        .set({ credential_hash: legacyHash(congress.id, codes[i]!) })
        .where('id', '=', delegate.id)
        .execute();
    }
    await migrate(database);
    const rows = await database.db.selectFrom('delegates').select(['id', 'credential_hash']).execute();
    for (const row of rows) {
      if (row.credential_hash === null) continue;
      expect(row.credential_hash).toMatch(/^[0-9a-f]{3}\$argon2id\$/);
      expect(row.credential_hash).not.toMatch(/[0-9a-f]{64}/);
    }
    const context = testContext(database, new TestClock());
    const throttle = new LoginThrottle(new TestClock());
    for (const [i, delegate] of delegates.entries()) {
      await expect(
        delegateLogin(context, throttle, {
          congressId: congress.id,
          code: codes[i]!.toLowerCase(),
          address: 'b',
        }),
      ).resolves.toMatchObject({ delegateId: delegate.id });
    }
    await expect(
      delegateLogin(context, throttle, { congressId: congress.id, code: 'M00004DDDD', address: 'c' }),
    ).rejects.toMatchObject({ status: 401 });
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import {
  type BackupDocument,
  backupDatabase,
  type Database,
  inReadTransaction,
  manifestPathOf,
  restoreDatabase,
  verifyAuditChain,
} from '../../../../src/persistence/index.ts';
import { castElectronicBallot } from '../../../../src/services/ballots/electronic/cast.ts';
import { electronicBallotSource } from '../../../../src/services/ballots/electronic/electronic-ballot-source.ts';
import { closeRound } from '../../../../src/services/elections/rounds.ts';
import { describeEachDatabase, openAt, openMigrated } from '../../../support/databases.ts';
import { SYSTEM, testContext } from '../../../support/http.ts';
import { delegateActor, openBallots, seedElectronicRound } from './fixtures.ts';

// Issue 13 item 3 [B4]: the ballots counted are sealed into the audit chain. The closing entry
// records the digest of the sealed ballots, the entry of their opening the digest of the opened
// ones: a ballot changed afterwards — in the database or in a backup — breaks the verification,
// the restore refuses it, and the count refuses to count it.

describeEachDatabase('[B4] ballots sealed into the audit chain', (target) => {
  async function countedRound() {
    const database = await openMigrated(target);
    const context = testContext(database);
    const fixture = await seedElectronicRound(database, { delegates: 29, candidates: 5, seats: 3 });
    for (const [i, d] of fixture.delegates.entries()) {
      await castElectronicBallot(context, delegateActor(fixture, d), fixture.congressId, fixture.roundId, {
        marks: ['FF-A-', 'F-F--', '-AFF-', 'AAAAA'][i % 4]!,
      });
    }
    await closeRound(context, SYSTEM, fixture.congressId, fixture.roundId, {});
    await openBallots(fixture, context);
    return { database, context, fixture };
  }

  const box = async (database: Database, roundId: string) => {
    const round = await database.db
      .selectFrom('rounds')
      .selectAll()
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();
    return inReadTransaction(database, (db) => electronicBallotSource.ballotBox(db, round));
  };

  it('[B4] issue 13 item 3: marks changed in a JSON backup are refused by the restore; in the database, by audit verify and the count', async () => {
    const { database, fixture } = await countedRound();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    expect((await box(database, fixture.roundId)).size).toBe(29);
    const decrypt = await database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'round.decrypt')
      .executeTakeFirstOrThrow();

    // The backup doctored: the marks of 20 of the 29 opened ballots.
    const folder = await mkdtemp(path.join(tmpdir(), 'plenum-sealing-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const file = path.join(folder, 'doctored.json');
    await backupDatabase(database, file, { format: 'json' });
    const doc = JSON.parse(await readFile(file, 'utf8')) as BackupDocument;
    let changed = 0;
    for (const row of doc.tables.electronic_ballots!) {
      if (row.round_id === fixture.roundId && changed < 20) {
        row.marks = 'FFF--';
        changed++;
      }
    }
    await writeFile(file, `${JSON.stringify(doc)}\n`);
    // With its manifest beside it, the file is not the one backed up.
    await expect(restoreDatabase((await target.place()).config, file)).rejects.toMatchObject({
      code: 'manifest-mismatch',
    });
    // Without it, the ballots no longer match the digest the chain sealed at their opening.
    await rm(manifestPathOf(file));
    const refused = await restoreDatabase((await target.place()).config, file).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'audit-chain-broken' });
    expect(String((refused as Error).message)).toMatch(
      new RegExp(`opened ballots of round:${fixture.roundId}.*entry ${decrypt.seq}`),
    );

    // The same change in the database itself.
    const ballots = await database.db.selectFrom('electronic_ballots').select('receipt').limit(20).execute();
    for (const ballot of ballots)
      await database.db
        .updateTable('electronic_ballots')
        .set({ marks: 'FFF--' })
        .where('receipt', '=', ballot.receipt)
        .execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      brokenAt: decrypt.seq,
      reason: expect.stringContaining('changed after the seal'),
    });
    await expect(box(database, fixture.roundId)).rejects.toMatchObject({
      status: 409,
      code: 'ballots-altered',
    });
  });

  it('[B4] a sealed ballot swapped, added or removed after the close breaks the seal of the closing entry', async () => {
    const { database } = await countedRound();
    const close = await database.db
      .selectFrom('audit_log')
      .select(['seq', 'after_json'])
      .where('action', '=', 'round.close')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(close.after_json!)).toMatchObject({ ballotsIssued: 30, sealed: { ballots: 29 } });
    const [a, b] = await database.db.selectFrom('sealed_ballots').selectAll().limit(2).execute();
    await database.db.deleteFrom('sealed_ballots').where('tracker', '=', a!.tracker).execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: close.seq });
    await database.db
      .insertInto('sealed_ballots')
      .values({ ...a!, ciphertext: b!.ciphertext })
      .execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: close.seq });
    await database.db
      .updateTable('sealed_ballots')
      .set({ ciphertext: a!.ciphertext })
      .where('tracker', '=', a!.tracker)
      .execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('a native backup of a sealed round restores, and verifies, as it was', async (context) => {
    if (target.name !== 'sqlite') context.skip();
    const { database } = await countedRound();
    const file = path.join(path.dirname(database.file!), 'sealed.sqlite');
    await backupDatabase(database, file);
    const place = await target.place();
    await restoreDatabase(place.config, file);
    const restored = await openAt(place.config);
    expect(await verifyAuditChain(restored.db)).toMatchObject({ ok: true });
  });
});

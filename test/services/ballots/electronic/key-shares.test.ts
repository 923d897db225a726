import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { exportAllTables, migrate } from '../../../../src/persistence/index.ts';
import { myBallot } from '../../../../src/services/ballots/electronic/ballot-form.ts';
import { castElectronicBallot } from '../../../../src/services/ballots/electronic/cast.ts';
import {
  enterKeyShare,
  enterKeyShares,
  rekeyRound,
  roundKeyStatus,
} from '../../../../src/services/ballots/electronic/key-shares.ts';
import { presealBallot } from '../../../../src/services/ballots/electronic/presealed-ballot.ts';
import { newRoundKey } from '../../../../src/services/ballots/sealed/round-key.ts';
import { parseShareCode } from '../../../../src/services/ballots/sealed/share-code.ts';
import { cryptoRandom } from '../../../../src/services/context.ts';
import { InputError } from '../../../../src/services/input-error.ts';
import { describeEachDatabase, openAt, openMigrated } from '../../../support/databases.ts';
import { SYSTEM, testContext } from '../../../support/http.ts';
import { delegateActor, KEY_HOLDERS, type SeededDelegate, seedElectronicRound } from './fixtures.ts';

// [B4] The round key (issue 13): split among the scrutineers when the round opens, shown once and
// stored nowhere; after the close, two of the three shares open the sealed ballots.

describeEachDatabase('[B4] the round key and the scrutineers’ shares', (target) => {
  async function voted(delegates = 6) {
    const database = await openMigrated(target);
    const context = testContext(database);
    const fixture = await seedElectronicRound(database, { delegates });
    for (const [i, d] of fixture.delegates.entries()) {
      await castElectronicBallot(context, delegateActor(fixture, d), fixture.congressId, fixture.roundId, {
        marks: i % 2 ? 'FF-A-' : 'A-F--',
      });
    }
    return { database, context, fixture };
  }
  const enter = (
    context: ReturnType<typeof testContext>,
    fixture: { congressId: string; roundId: string },
    share: string,
  ) => enterKeyShare(context, SYSTEM, fixture.congressId, fixture.roundId, share);

  it('[B4] shares are entered after the close only; one is not enough; the second opens the ballots', async () => {
    const { database, context, fixture } = await voted();
    const [chief, first, second] = fixture.shares as [string, string, string];
    await expect(enter(context, fixture, chief)).rejects.toMatchObject({
      status: 409,
      code: 'round-still-open',
    });
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    // Share 1 is the chief scrutineer's, then the scrutineers by surname strokes (乙 1 stroke, 甲 5).
    expect(await roundKeyStatus(context, fixture.congressId, fixture.roundId)).toMatchObject({
      threshold: 2,
      entered: 0,
      sealed: 6,
      opened: false,
      holders: [
        { index: 1, holder: '总监票人', role: 'chief-scrutineer', entered: false },
        { index: 2, holder: '监票人乙', role: 'scrutineer', entered: false },
        { index: 3, holder: '监票人甲', role: 'scrutineer', entered: false },
      ],
    });
    const one = await enter(context, fixture, second.toLowerCase().replaceAll('-', ' '));
    expect(one).toMatchObject({ entered: 1, opened: false });
    expect(one.holders.map((h) => h.entered)).toEqual([false, false, true]);
    expect(await database.db.selectFrom('electronic_ballots').selectAll().execute()).toEqual([]);
    // The same share again changes nothing; the second holder's opens the ballots.
    expect(await enter(context, fixture, second)).toMatchObject({ entered: 1, opened: false });
    const opened = await enter(context, fixture, first);
    expect(opened).toMatchObject({ entered: 0, opened: true, openedAt: expect.any(String) });
    const marks = (await database.db.selectFrom('electronic_ballots').select('marks').execute()).map(
      (b) => b.marks,
    );
    expect(marks.sort()).toEqual(['A-F--', 'A-F--', 'A-F--', 'FF-A-', 'FF-A-', 'FF-A-']);
    await expect(enter(context, fixture, chief)).rejects.toMatchObject({
      status: 409,
      code: 'ballots-already-opened',
    });
    // Audited — who entered which holder's share, and the digests — never a share.
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', 'in', ['round.key-share', 'round.decrypt'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['round.key-share', 'round.key-share', 'round.decrypt']);
    expect(JSON.parse(audit[2]!.after_json!)).toMatchObject({
      shares: [
        { share: 2, holder: '监票人乙' },
        { share: 3, holder: '监票人甲' },
      ],
      threshold: 2,
      sealed: { ballots: 6 },
      counted: { ballots: 6 },
    });
  });

  it('[B4] the threshold entered together, from one device (as behind several server instances)', async () => {
    const { database, context, fixture } = await voted(3);
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    const status = await enterKeyShares(context, SYSTEM, fixture.congressId, fixture.roundId, [
      fixture.shares[2]!,
      fixture.shares[0]!,
    ]);
    expect(status).toMatchObject({ opened: true, entered: 0 });
    expect(await database.db.selectFrom('electronic_ballots').select('marks').execute()).toHaveLength(3);
  });

  it('[B4] a share of another round, or mistyped, is refused; the shares are never stored', async () => {
    const { database, context, fixture } = await voted();
    const other = await seedElectronicRound(database, { tag: 'o', delegates: 2 });
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    await expect(enter(context, fixture, other.shares[1]!)).rejects.toMatchObject({
      status: 422,
      code: 'share-not-of-round',
      rule: 'B4',
    });
    const typo = `${fixture.shares[0]!.slice(0, 10)}${fixture.shares[0]![10] === 'A' ? 'B' : 'A'}${fixture.shares[0]!.slice(11)}`;
    await expect(enter(context, fixture, typo)).rejects.toBeInstanceOf(InputError);
    await expect(enter(context, fixture, 'not a share')).rejects.toMatchObject({ field: 'share' });
    for (const share of fixture.shares.slice(0, 2)) await enter(context, fixture, share);

    // Nowhere in the database, nor in SQLite's files: neither the codes nor the shares' bytes.
    const places = [Buffer.from(JSON.stringify(await exportAllTables(database)), 'utf8')];
    if (database.file) places.push(await readFile(database.file), await readFile(`${database.file}-wal`));
    for (const code of [...fixture.shares, ...other.shares]) {
      const { y } = parseShareCode(code);
      for (const needle of [
        code,
        code.replaceAll('-', ''),
        Buffer.from(y).toString('hex'),
        Buffer.from(y).toString('base64'),
      ]) {
        for (const bytes of places) expect(bytes.includes(Buffer.from(needle, 'latin1')), needle).toBe(false);
      }
      expect(places.some((bytes) => bytes.includes(Buffer.from(y)))).toBe(false);
    }
  });

  it('[B4] a crash loses nothing: shares entered before a restart are entered again, and open the same ballots', async () => {
    const place = await target.place();
    const database = await openAt(place.config);
    await migrate(database);
    const context = testContext(database);
    const fixture = await seedElectronicRound(database, { delegates: 4 });
    for (const d of fixture.delegates) {
      await castElectronicBallot(context, delegateActor(fixture, d), fixture.congressId, fixture.roundId, {
        marks: 'F----',
      });
    }
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    await enter(context, fixture, fixture.shares[0]!);
    await database.close();
    // Another process on the same database: the share entered before is not in its memory.
    const restarted = await openAt(place.config);
    const again = testContext(restarted);
    expect(await roundKeyStatus(again, fixture.congressId, fixture.roundId)).toMatchObject({
      entered: 0,
      sealed: 4,
    });
    expect(await enter(again, fixture, fixture.shares[2]!)).toMatchObject({ entered: 1, opened: false });
    expect(await enter(again, fixture, fixture.shares[0]!)).toMatchObject({ opened: true });
    expect(await restarted.db.selectFrom('electronic_ballots').select('marks').execute()).toHaveLength(4);
  });

  it('[B4] shares that rebuild another key are refused, and nothing is opened', async () => {
    const { database, context, fixture } = await voted(2);
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    const stranger = await newRoundKey(cryptoRandom, 'round:x', KEY_HOLDERS);
    await database.db
      .updateTable('rounds')
      .set({ public_key: stranger.publicKey })
      .where('id', '=', fixture.roundId)
      .execute();
    await enter(context, fixture, fixture.shares[0]!);
    await expect(enter(context, fixture, fixture.shares[1]!)).rejects.toMatchObject({
      status: 409,
      code: 'shares-do-not-open',
    });
    expect(await database.db.selectFrom('electronic_ballots').selectAll().execute()).toEqual([]);
  });

  it('[B4] a new key while nobody has voted; refused once a ballot is sealed to the old one', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const fixture = await seedElectronicRound(database, { delegates: 3 });
    const fresh = await rekeyRound(context, SYSTEM, fixture.congressId, fixture.roundId);
    expect(fresh).toMatchObject({ threshold: 2, shares: [{ index: 1 }, { index: 2 }, { index: 3 }] });
    expect(fresh.shares[0]!.qrSvg).toMatch(/^<svg/);
    await castElectronicBallot(
      context,
      delegateActor(fixture, fixture.delegates[0]!),
      fixture.congressId,
      fixture.roundId,
      {
        marks: 'F----',
      },
    );
    await expect(rekeyRound(context, SYSTEM, fixture.congressId, fixture.roundId)).rejects.toMatchObject({
      status: 409,
      code: 'ballots-already-cast',
    });
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    // The shares printed at the opening no longer fit; the new ones do.
    await expect(enter(context, fixture, fixture.shares[0]!)).rejects.toMatchObject({
      code: 'share-not-of-round',
    });
    await enter(context, fixture, fresh.shares[0]!.code);
    expect(await enter(context, fixture, fresh.shares[1]!.code)).toMatchObject({ opened: true });
  });

  it('[B4] a ballot sealed before its group to a key since replaced is sealed again, to the new key', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const fixture = await seedElectronicRound(database, { delegates: 3 });
    const [first] = fixture.delegates;
    const cast = (d: Pick<SeededDelegate, 'id' | 'name'>, marks: string) =>
      castElectronicBallot(context, delegateActor(fixture, d), fixture.congressId, fixture.roundId, {
        marks,
      });
    // Nothing read yet: a ballot is checked and sealed inside its group.
    expect(await presealBallot(database, fixture.roundId, { marks: 'F----' })).toBeUndefined();
    // A refused cast [Q4] still reads the round inside the lock: this instance remembers it ...
    await expect(cast(fixture.suspended, 'F----')).rejects.toMatchObject({ rule: 'Q4' });
    const early = await presealBallot(database, fixture.roundId, { marks: 'F----' });
    expect(early).toMatchObject({
      tracker: expect.any(String),
      basis: expect.stringContaining(fixture.roundId),
    });
    // ... an invalid ballot is left to the check inside the lock, which answers it ...
    expect(await presealBallot(database, fixture.roundId, { marks: 'FF' })).toBeUndefined();
    // ... and then the key is replaced, nobody having voted.
    const fresh = await rekeyRound(context, SYSTEM, fixture.congressId, fixture.roundId);
    // Sealed first to the old key, this ballot must be sealed again in its group, to the new one.
    await cast(first!, 'F-A--');
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    await enter(context, fixture, fresh.shares[0]!.code);
    expect(await enter(context, fixture, fresh.shares[1]!.code)).toMatchObject({ opened: true });
    const opened = await database.db.selectFrom('electronic_ballots').select('marks').execute();
    expect(opened).toEqual([{ marks: 'F-A--' }]);
  });

  it('[B4] a ballot form read lets the casts be sealed before their group; a key replaced after it still wins', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const fixture = await seedElectronicRound(database, { delegates: 3 });
    const [first, second] = fixture.delegates as [SeededDelegate, SeededDelegate];
    const form = (d: SeededDelegate) =>
      myBallot(context, delegateActor(fixture, d), fixture.congressId, fixture.roundId);
    expect(await presealBallot(database, fixture.roundId, { marks: 'F----' })).toBeUndefined();
    // The phone fetches its ballot form when the vote opens: this instance now knows the round.
    await form(first);
    const before = await presealBallot(database, fixture.roundId, { marks: 'F----' });
    expect(before).toMatchObject({ basis: expect.stringContaining(fixture.roundId) });
    // The key is replaced after that read: the ballot sealed to the old key is sealed again in
    // its group, and the round read there (the new key) is what this instance knows from then on.
    const fresh = await rekeyRound(context, SYSTEM, fixture.congressId, fixture.roundId);
    await castElectronicBallot(context, delegateActor(fixture, first), fixture.congressId, fixture.roundId, {
      marks: 'F-A--',
    });
    await form(second);
    const after = await presealBallot(database, fixture.roundId, { marks: 'F----' });
    expect(after?.basis).not.toBe(before?.basis);
    expect(after?.basis).toContain(fresh.publicKey);
    await castElectronicBallot(context, delegateActor(fixture, second), fixture.congressId, fixture.roundId, {
      marks: 'A-F--',
    });
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    await enter(context, fixture, fresh.shares[0]!.code);
    expect(await enter(context, fixture, fresh.shares[1]!.code)).toMatchObject({ opened: true });
    const opened = await database.db
      .selectFrom('electronic_ballots')
      .select('marks')
      .orderBy('marks')
      .execute();
    expect(opened).toEqual([{ marks: 'A-F--' }, { marks: 'F-A--' }]);
  });

  it('[B4] one scrutineer alone never holds a key: at least two holders', async () => {
    await expect(newRoundKey(cryptoRandom, 'round:x', [KEY_HOLDERS[0]])).rejects.toMatchObject({
      status: 422,
      rule: 'B4',
    });
    const five = await newRoundKey(cryptoRandom, 'round:x', [
      ...KEY_HOLDERS,
      { name: '监票人丙', role: 'scrutineer' },
      { name: '副总监票人', role: 'deputy-chief-scrutineer' },
    ]);
    expect(five.shares.threshold).toBe(3);
    // The chief first, then the deputy, then the scrutineers by strokes (乙 1, 丙 5, 甲 5).
    expect(five.shares.shares.map((s) => s.holder)).toEqual([
      '总监票人',
      '副总监票人',
      '监票人乙',
      '监票人丙',
      '监票人甲',
    ]);
  });
});

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../../../../src/adapters/db/index.ts';
import { inTransaction } from '../../../../src/adapters/db/index.ts';
import { sealElectronicBallots } from '../../../../src/services/ballots/ballot-seal.ts';
import { castElectronicBallot } from '../../../../src/services/ballots/electronic/cast.ts';
import { publishedBallots } from '../../../../src/services/ballots/electronic/publication.ts';
import { cryptoRandom } from '../../../../src/services/context.ts';
import { describeEachDatabase, openMigrated } from '../../../support/databases.ts';
import { testContext } from '../../../support/http.ts';
import { closeElectronicRound, delegateActor, scriptedRandom, seedElectronicRound } from './fixtures.ts';

async function columns(database: Database, table: string): Promise<string[]> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(
      database.db,
    );
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = ${database.schema!} and table_name = ${table} order by ordinal_position`.execute(
    database.db,
  );
  return rows.map((r) => r.column_name);
}

/** Receipts in the order a plain scan returns them: storage order, no ORDER BY. */
async function scanOrder(database: Database, roundId: string): Promise<string[]> {
  const { rows } = await sql<{
    receipt: string;
  }>`select receipt from electronic_ballots where round_id = ${roundId}`.execute(database.db);
  return rows.map((r) => r.receipt);
}

/** PostgreSQL: receipts by physical position (ctid), and the transaction that wrote each row (xmin). */
async function physical(
  database: Database,
  table: 'electronic_ballots' | 'electronic_voters',
  roundId: string,
) {
  const { rows } = await sql<{ key: string; ctid: string; xmin: string }>`
    select ${sql.raw(table === 'electronic_ballots' ? 'receipt' : 'delegate_id')} as key, ctid::text as ctid, xmin::text as xmin
    from ${sql.table(table)} where round_id = ${roundId}`.execute(database.db);
  const position = (ctid: string) => ctid.slice(1, -1).split(',').map(Number) as [number, number];
  return rows.sort((a, b) => {
    const [pa, ia] = position(a.ctid);
    const [pb, ib] = position(b.ctid);
    return pa - pb || ia - ib;
  });
}

const group = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;

describeEachDatabase('[B4] secret ballot: electronic ballots are not linkable to voters', (target) => {
  it('[B4] a stored ballot has no voter, no time and no serial; a voter row has no time', async () => {
    const database = await openMigrated(target);
    expect(await columns(database, 'electronic_ballots')).toEqual([
      'receipt',
      'round_id',
      'marks',
      'write_ins_json',
    ]);
    expect(await columns(database, 'electronic_voters')).toEqual(['round_id', 'delegate_id']);
    if (database.dialect === 'sqlite') {
      // No rowid: SQLite keeps the rows in receipt order, with no hidden insertion counter.
      await expect(sql`select rowid from electronic_ballots`.execute(database.db)).rejects.toThrow(/rowid/);
    }
  });

  it('[B4] ballots come back in receipt order, not cast order; after sealing, storage order is receipt order too', async () => {
    const database = await openMigrated(target);
    const fixture = await seedElectronicRound(database, { delegates: 50 });
    // Receipts handed out in descending order: the cast order is the reverse of the receipt order.
    const codes = Array.from({ length: 50 }, () => cryptoRandom.code(12))
      .sort()
      .reverse();
    const context = { ...testContext(database), random: scriptedRandom(codes) };
    const castOrder: string[] = [];
    for (const [i, delegate] of fixture.delegates.entries()) {
      const { receipt } = await castElectronicBallot(
        context,
        delegateActor(fixture, delegate),
        fixture.congressId,
        fixture.roundId,
        {
          marks: ['F----', '-F---', '--F--', 'A-F--', 'FFA--'][i % 5]!,
        },
      );
      castOrder.push(receipt);
    }
    expect(castOrder).toEqual(codes.map(group));
    const receiptOrder = [...castOrder].sort();
    expect(receiptOrder).toEqual([...castOrder].reverse());

    if (database.dialect === 'sqlite') {
      // WITHOUT ROWID: a scan returns rows in primary-key (receipt) order, whatever the cast order.
      expect(await scanOrder(database, fixture.roundId)).toEqual(receiptOrder);
    } else {
      // PostgreSQL keeps insertion order physically, and each ballot row carries the id of the
      // transaction that also wrote its voter row: this is what sealing at close removes.
      const ballots = await physical(database, 'electronic_ballots', fixture.roundId);
      expect(ballots.map((b) => b.key)).toEqual(castOrder);
      const voters = await physical(database, 'electronic_voters', fixture.roundId);
      expect(new Set(ballots.map((b) => b.xmin))).toEqual(new Set(voters.map((v) => v.xmin)));
    }

    await closeElectronicRound(database, fixture.roundId);
    expect(await scanOrder(database, fixture.roundId)).toEqual(receiptOrder);
    if (database.dialect === 'postgres') {
      const ballots = await physical(database, 'electronic_ballots', fixture.roundId);
      expect(ballots.map((b) => b.key)).toEqual(receiptOrder);
      // Every ballot now written by the one closing transaction, none by a voter's.
      const writers = new Set(ballots.map((b) => b.xmin));
      expect(writers.size).toBe(1);
      const voters = await physical(database, 'electronic_voters', fixture.roundId);
      expect(voters.some((v) => writers.has(v.xmin))).toBe(false);
    }
    const published = await publishedBallots(testContext(database), fixture.congressId, fixture.roundId);
    expect(published.ballots.map((b) => b.receipt)).toEqual(receiptOrder);
    // The audit log knows who voted, never a receipt.
    const audit = (await database.db.selectFrom('audit_log').selectAll().execute())
      .map((a) => JSON.stringify(a))
      .join('\n');
    for (const receipt of castOrder) {
      expect(audit).not.toContain(receipt);
      expect(audit).not.toContain(receipt.replaceAll('-', ''));
    }
  });

  it('sealing rewrites only its own round, changes no ballot and may be repeated', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const first = await seedElectronicRound(database, { tag: 'a', delegates: 6 });
    const second = await seedElectronicRound(database, { tag: 'b', delegates: 6 });
    for (const fixture of [first, second]) {
      for (const [i, d] of fixture.delegates.entries()) {
        await castElectronicBallot(context, delegateActor(fixture, d), fixture.congressId, fixture.roundId, {
          marks: i % 2 ? 'F-A--' : '--F--',
          writeIns: i === 3 ? ['丁宁'] : [],
        });
      }
    }
    const all = async () =>
      (await database.db.selectFrom('electronic_ballots').selectAll().execute()).sort((a, b) =>
        a.receipt < b.receipt ? -1 : 1,
      );
    const before = await all();
    const otherPhysicalBefore =
      database.dialect === 'postgres' ? await physical(database, 'electronic_ballots', second.roundId) : [];
    await closeElectronicRound(database, first.roundId);
    expect(await all()).toEqual(before);
    if (database.dialect === 'postgres')
      expect(await physical(database, 'electronic_ballots', second.roundId)).toEqual(otherPhysicalBefore);
    const again = await inTransaction(database, (trx) => sealElectronicBallots(trx, first.roundId));
    expect(again).toEqual({ ballots: 6 });
    expect(await all()).toEqual(before);
    expect(await inTransaction(database, (trx) => sealElectronicBallots(trx, 'no-such-round'))).toEqual({
      ballots: 0,
    });
  });
});

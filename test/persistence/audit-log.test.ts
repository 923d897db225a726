import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  AuditAppender,
  appendAudit,
  auditHash,
  auditHead,
  GENESIS_HASH,
  verifyAuditChain,
} from '../../src/persistence/audit-log.ts';
import { type Database, openDatabase } from '../../src/persistence/connection.ts';
import { migrate } from '../../src/persistence/migrate.ts';
import { inTransaction } from '../../src/persistence/transaction.ts';
import { at, populate } from '../support/audit-fixtures.ts';
import { describeEachDatabase, openMigrated } from '../support/databases.ts';

/** What an intruder with direct access to the database could do: switch the guard off. */
async function withoutAppendOnlyGuard(database: Database, fn: () => Promise<void>): Promise<void> {
  if (database.dialect === 'postgres') {
    await sql`alter table audit_log disable trigger user`.execute(database.db);
    await fn();
    await sql`alter table audit_log enable trigger user`.execute(database.db);
  } else {
    await sql`drop trigger if exists audit_log_no_update`.execute(database.db);
    await sql`drop trigger if exists audit_log_no_delete`.execute(database.db);
    await fn();
  }
}

describeEachDatabase('audit log', (target) => {
  it('chains entries: seq 1, 2, 3, each prev_hash the hash before it', async () => {
    const database = await openMigrated(target);
    await populate(database, 3);
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    for (const row of rows) {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(auditHash(row)).toBe(row.hash);
    }
    expect(rows[0]!.before_json).toBeNull();
    expect(rows[0]!.actor).toBe('teller:丁小强');
    expect(await auditHead(database.db)).toEqual({ seq: 3, hash: rows[2]!.hash });
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 3 });
  });

  it('writes the entries of a group with its head at close; a rewound entry is never written', async () => {
    const database = await openMigrated(target);
    await populate(database, 2);
    const entry = (n: number) => ({
      actor: 'desk:1',
      at: at(10 + n),
      action: 'attendance.check-in',
      subject: `delegate:${n}`,
    });
    await inTransaction(database, async (trx) => {
      const audit = await AuditAppender.open(trx);
      await audit.append(entry(1));
      const beforeSecond = audit.head;
      await audit.appendAll([entry(2), entry(3)]);
      // The request that appended 2 and 3 was refused: its entries go with it.
      audit.rewind(beforeSecond);
      await audit.append(entry(4));
      // Nothing is written before close: the entries and the head row go out together.
      expect(await trx.selectFrom('audit_log').select('seq').execute()).toHaveLength(2);
      await audit.close();
    });
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['seq', 'subject', 'hash'])
      .orderBy('seq')
      .execute();
    expect(rows.map((row) => [row.seq, row.subject])).toEqual([
      [1, 'meta:setting-1'],
      [2, 'meta:setting-2'],
      [3, 'delegate:1'],
      [4, 'delegate:4'],
    ]);
    expect(await auditHead(database.db)).toEqual({ seq: 4, hash: rows[3]!.hash });
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 4 });
  });

  it('stores before/after as canonical JSON, whatever order the keys came in', async () => {
    const database = await openMigrated(target);
    const record = await inTransaction(database, (trx) =>
      appendAudit(trx, {
        actor: 'secretariat',
        action: 'delegate.update',
        subject: 'delegate:42',
        before: { name: '王宁', seats: { b: 2, a: 1 } },
        after: null,
        at: at(0),
      }),
    );
    expect(record.before_json).toBe('{"name":"王宁","seats":{"a":1,"b":2}}');
    expect(record.after_json).toBe('null');
  });

  it('refuses entries without an ISO UTC time, and outside a transaction', async () => {
    const database = await openMigrated(target);
    const entry = { actor: 'a', action: 'b', subject: 'c' };
    for (const bad of ['2025-06-01 08:30:00', '2025-06-01T08:30:00+08:00', '2025-02-30T00:00:00.000Z']) {
      await expect(inTransaction(database, (trx) => appendAudit(trx, { ...entry, at: bad }))).rejects.toThrow(
        /ISO-8601 UTC/,
      );
    }
    await expect(
      appendAudit(database.db as unknown as Parameters<typeof appendAudit>[0], { ...entry, at: at(0) }),
    ).rejects.toThrow(/inside the transaction/);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 0 });
  });

  it('stays gap-free and verifiable under 50 concurrent appending transactions', async () => {
    const database = await openMigrated(target);
    const started = performance.now();
    const records = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        inTransaction(database, async (trx) => {
          await trx
            .insertInto('meta')
            .values({ key: `k${i}`, value: String(i) })
            .execute();
          return appendAudit(trx, {
            actor: `teller:${i}`,
            action: 'meta.set',
            subject: `meta:k${i}`,
            after: i,
            at: at(i),
          });
        }),
      ),
    );
    const elapsed = performance.now() - started;
    console.log(`[${target.name}] 50 concurrent audited transactions: ${elapsed.toFixed(0)} ms`);
    expect(records.map((record) => record.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    const rows = await database.db.selectFrom('audit_log').select(['seq', 'actor']).orderBy('seq').execute();
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(rows.map((row) => row.actor)).size).toBe(50);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 50 });
  });

  it('chains appends in one transaction, and across instances taking turns, onto the head as it stands', async () => {
    // On PostgreSQL a write transaction reads the head as it begins, with the writer lock
    // (writer-lock.ts); only its first append may use that, and only what the last writer left.
    const { config } = await target.place();
    const first = await openDatabase(config);
    await migrate(first);
    // Two instances on one PostgreSQL schema; SQLite is one process.
    const second = target.name === 'postgres' ? await openDatabase(config) : first;
    const entry = (n: number) => ({
      actor: `desk:${n}`,
      at: at(n),
      action: 'meta.set',
      subject: `meta:${n}`,
    });
    try {
      const seqs: number[] = [];
      for (const [turn, database] of [first, second, first, second].entries()) {
        const records = await inTransaction(database, async (trx) => [
          await appendAudit(trx, entry(2 * turn)),
          await appendAudit(trx, entry(2 * turn + 1)),
        ]);
        seqs.push(...records.map((record) => record.seq));
      }
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(await verifyAuditChain(first.db)).toEqual({ ok: true, entries: 8 });
    } finally {
      if (second !== first) await second.close();
      await first.close();
    }
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const database = await openMigrated(target);
    await populate(database, 3);
    const db = database.db;
    await expect(
      db.updateTable('audit_log').set({ actor: 'mallory' }).where('seq', '=', 2).execute(),
    ).rejects.toThrow(/audit log is append-only/);
    await expect(db.deleteFrom('audit_log').where('seq', '=', 3).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (target.name === 'postgres') {
      await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    }
    // Also inside a write transaction, which then rolls back whole.
    await expect(
      inTransaction(database, (trx) => trx.updateTable('audit_log').set({ actor: 'mallory' }).execute()),
    ).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('audit_log').select('actor').orderBy('seq').execute()).toEqual([
      { actor: 'teller:丁小强' },
      { actor: 'secretariat:王宁' },
      { actor: 'teller:丁小强' },
    ]);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 3 });
  });

  it('names the seq of an entry altered behind its back', async () => {
    const database = await openMigrated(target);
    await populate(database, 12);
    await withoutAppendOnlyGuard(database, async () => {
      await database.db
        .updateTable('audit_log')
        .set({ subject: 'meta:forged' })
        .where('seq', '=', 7)
        .execute();
    });
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      entries: 6,
      brokenAt: 7,
      reason: 'entry 7 was altered: its hash does not match its contents',
    });
  });

  it('names the seq of a removed entry, and notices entries cut off the end', async () => {
    const database = await openMigrated(target);
    await populate(database, 10);
    const db = database.db;
    await withoutAppendOnlyGuard(database, async () => {
      await db.deleteFrom('audit_log').where('seq', '=', 10).execute();
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 10, entries: 9 });

    await withoutAppendOnlyGuard(database, async () => {
      await db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    });
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: 'entry 4 is missing (the next entry is 5)',
    });
  });

  it('notices an entry forged with a correct hash but not through the head', async () => {
    const database = await openMigrated(target);
    await populate(database, 2);
    const head = await auditHead(database.db);
    const forged = {
      seq: 3,
      at: at(3),
      actor: 'mallory',
      action: 'meta.set',
      subject: 'meta:x',
      before_json: null,
      after_json: null,
      prev_hash: head.hash,
    };
    await database.db
      .insertInto('audit_log')
      .values({ ...forged, hash: auditHash(forged) })
      .execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('issue 13 item 14: a tail cut off with the head row rewritten passes on its own, never against a head anchored outside', async () => {
    const database = await openMigrated(target);
    await populate(database, 12);
    const db = database.db;
    // The head as printed on a tally sheet, or kept in a backup's manifest.
    const anchor = await auditHead(db);
    const earlier = {
      seq: 5,
      hash: (await db.selectFrom('audit_log').select('hash').where('seq', '=', 5).executeTakeFirstOrThrow())
        .hash,
    };
    expect(await verifyAuditChain(db, { anchors: [anchor, earlier] })).toEqual({ ok: true, entries: 12 });
    // Someone with the file cuts entries 10–12 off and points the head row at entry 9.
    const nine = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('seq', '=', 9)
      .executeTakeFirstOrThrow();
    await withoutAppendOnlyGuard(database, async () => {
      await db.deleteFrom('audit_log').where('seq', '>', 9).execute();
      await db
        .updateTable('audit_head')
        .set({ seq: nine.seq, hash: nine.hash })
        .where('id', '=', 1)
        .execute();
    });
    // The chain alone cannot tell.
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 9 });
    // The anchor can: entry 12 is gone.
    expect(await verifyAuditChain(db, { anchors: [anchor] })).toEqual({
      ok: false,
      entries: 9,
      brokenAt: 10,
      reason: `entries 10…12 are missing: the chain ends at 9, but a head recorded outside the database names entry 12 (${anchor.hash})`,
    });
    // An earlier anchor still in the chain holds; a rewritten entry under an anchor does not.
    expect(await verifyAuditChain(db, { anchors: [earlier] })).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db, { anchors: [{ seq: 5, hash: anchor.hash }] })).toMatchObject({
      ok: false,
      brokenAt: 5,
      reason: expect.stringContaining('not the entry recorded outside the database'),
    });
  });
});

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/contract/audit.ts';
import type { Database } from '../../../src/persistence/index.ts';
import { listAuditEntries, verifyAuditLog } from '../../../src/services/audit/audit-reader.ts';
import { ServiceError } from '../../../src/services/errors.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { serviceContext } from '../congress/fixtures.ts';
import { auditScenario } from './fixtures.ts';

const SHARED = /^(organisation|account|news-template):/;

async function setUp(target: Parameters<Parameters<typeof describeEachDatabase>[1]>[0]) {
  const { database, context } = await serviceContext(target);
  const scenario = await auditScenario(context);
  return { database, context, scenario };
}

const seqs = (entries: readonly AuditEntry[]) => entries.map((e) => e.seq);

describeEachDatabase('reading the audit log', (target) => {
  it("a congress's log holds the entries about it, deleted rows included, and nothing of another congress", async () => {
    const { context, scenario } = await setUp(target);
    const all = await listAuditEntries(context, { limit: 200 });
    const mine = await listAuditEntries(context, { congressId: scenario.congressId, limit: 200 });
    const theirs = await listAuditEntries(context, { congressId: scenario.otherCongressId, limit: 200 });

    expect(all.total).toBe(all.entries.length);
    expect(seqs(all.entries)).toEqual([...seqs(all.entries)].sort((a, b) => b - a));
    expect(mine.actions).toEqual([
      'agenda.create',
      'agenda.delete',
      'attendance.check-in',
      'congress.create',
      'delegate.create',
      'delegation.create',
      'delegation.delete',
      'sitting.create',
      'sitting.open',
      'term-position.add',
      'term-position.approve',
      'term-position.remove',
      'term.create',
    ]);
    expect(theirs.actions).toEqual(['ballot.electronic.vote']);
    // Every entry is one congress's or the installation's shared data, never two congresses'.
    const mineSet = new Set(seqs(mine.entries));
    const theirSet = new Set(seqs(theirs.entries));
    expect([...mineSet].filter((seq) => theirSet.has(seq))).toEqual([]);
    const elsewhere = all.entries.filter((e) => !mineSet.has(e.seq) && !theirSet.has(e.seq));
    expect(elsewhere.map((e) => e.action).sort()).toEqual([
      'news.template.save',
      'organisation.create',
      'organisation.create',
    ]);
    expect(elsewhere.every((e) => SHARED.test(e.subject))).toBe(true);
    // A deleted delegation keeps its creation and its deletion in the congress's log.
    expect(
      mine.entries
        .filter((e) => e.subject === `delegation:${scenario.deletedDelegationId}`)
        .map((e) => e.action),
    ).toEqual(['delegation.delete', 'delegation.create']);
  });

  it('[B4] names who voted electronically, never what or the receipt', async () => {
    const { context, scenario } = await setUp(target);
    const page = await listAuditEntries(context, { congressId: scenario.otherCongressId });
    expect(page.entries).toHaveLength(2);
    for (const entry of page.entries) {
      expect(entry).toMatchObject({ action: 'ballot.electronic.vote', before: null, after: { voted: true } });
      expect(scenario.voterIds.map((id) => `delegate:${id}`)).toContain(entry.actor);
      expect(page.labels[entry.actor]?.name).toMatch(/^\p{Script=Han}+ e-del-\d$/u);
      expect(page.labels[entry.subject]).toEqual({ name: '选举中国共产党某县第十五届委员会委员', round: 1 });
    }
    const text = JSON.stringify(page);
    for (const receipt of scenario.receipts) {
      expect(text).not.toContain(receipt);
      expect(text).not.toContain(receipt.replaceAll('-', ''));
    }
    for (const marks of scenario.marks) expect(text).not.toContain(`"${marks}"`);
  });

  it('filters by action and subject, exactly or by prefix, and pages newest first', async () => {
    const { context, scenario } = await setUp(target);
    const congressId = scenario.congressId;
    const read = (query: Parameters<typeof listAuditEntries>[1]) =>
      listAuditEntries(context, { congressId, ...query });

    const positions = await read({ action: 'term-position' });
    expect(positions.entries.map((e) => e.action)).toEqual([
      'term-position.approve',
      'term-position.add',
      'term-position.remove',
      'term-position.add',
      'term-position.add',
    ]);
    expect((await read({ action: 'term-pos' })).total).toBe(0);
    expect((await read({ action: 'delegation.delete' })).total).toBe(1);
    const attendance = await read({ subject: 'attendance' });
    expect(attendance.entries.map((e) => e.action)).toEqual(['attendance.check-in']);
    expect(attendance.labels[attendance.entries[0]!.subject]?.name).toMatch(/^开幕大会 · /);
    expect((await read({ subject: `sitting:${scenario.sittingId}` })).entries.map((e) => e.action)).toEqual([
      'sitting.open',
      'sitting.create',
    ]);
    // The action filter leaves the choice of actions alone.
    expect(positions.actions).toEqual((await read({})).actions);

    const whole = await read({ limit: 200 });
    const first = await read({ limit: 4 });
    const second = await read({ limit: 4, offset: 4 });
    expect(first.total).toBe(whole.total);
    expect([...seqs(first.entries), ...seqs(second.entries)]).toEqual(seqs(whole.entries).slice(0, 8));
    expect(first.head.seq).toBe(Math.max(...seqs((await listAuditEntries(context, { limit: 1 })).entries)));
  });

  it('refuses a congress that does not exist', async () => {
    const { context } = await setUp(target);
    await expect(listAuditEntries(context, { congressId: 'no-such-congress' })).rejects.toBeInstanceOf(
      ServiceError,
    );
  });

  it('verifies the chain: the head when it holds, the first broken entry when not', async () => {
    const { database, context } = await setUp(target);
    const verdict = await verifyAuditLog(context);
    const last = await database.db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(verdict).toEqual({ ok: true, entries: last.seq, head: { seq: last.seq, hash: last.hash } });

    await tamper(database, 5);
    expect(await verifyAuditLog(context)).toMatchObject({
      ok: false,
      entries: 4,
      brokenAt: 5,
      reason: { en: expect.stringContaining('entry 5 was altered'), zh: expect.stringContaining('第5条') },
      head: { seq: last.seq },
    });
  });
});

/** What an intruder with direct access to the database could do: rewrite an entry. */
async function tamper(database: Database, seq: number): Promise<void> {
  const rewrite = sql`update audit_log set after_json = '{"forged":true}' where seq = ${seq}`;
  if (database.dialect === 'postgres') {
    await sql`alter table audit_log disable trigger user`.execute(database.db);
    await rewrite.execute(database.db);
    await sql`alter table audit_log enable trigger user`.execute(database.db);
  } else {
    await sql`drop trigger if exists audit_log_no_update`.execute(database.db);
    await rewrite.execute(database.db);
  }
}

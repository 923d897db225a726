import { expect, it } from 'vitest';
import { defaultParameters, tallyRound } from '../../../../src/core/rules/index.ts';
import { auditHead, type Database } from '../../../../src/persistence/index.ts';
import { paperBallotSource } from '../../../../src/services/ballots/paper/paper-ballot-source.ts';
import {
  enterPaperBallot,
  type PaperEntryInput,
} from '../../../../src/services/ballots/paper/paper-entry.ts';
import { resolvePaperSheet } from '../../../../src/services/ballots/paper/paper-resolution.ts';
import {
  myPaperEntries,
  paperComparison,
  paperReconciliation,
} from '../../../../src/services/ballots/paper/paper-views.ts';
import type { ServiceContext } from '../../../../src/services/context.ts';
import { loadRound } from '../../../../src/services/elections/round-queries.ts';
import type { CongressEvent } from '../../../../src/services/events.ts';
import { type StaffActor, staffAccount } from '../../../support/builder/index.ts';
import { describeEachDatabase, openMigrated } from '../../../support/databases.ts';
import { testContext } from '../../../support/http.ts';
import {
  batchOfTwenty,
  CANDIDATES,
  EXPECTED,
  type PaperCongress,
  type PaperSheetSpec,
  PRESENT,
  SEATS,
  seedPaperCongress,
} from './fixtures.ts';

interface Setup {
  database: Database;
  context: ServiceContext;
  congress: PaperCongress;
  teller1: StaffActor;
  teller2: StaffActor;
  scrutineer: StaffActor;
  events: CongressEvent[];
}

async function setup(target: Parameters<typeof openMigrated>[0], parameters?: object): Promise<Setup> {
  const database = await openMigrated(target);
  const context = testContext(database);
  const congressId = 'p-congress';
  const teller1 = await staffAccount(context, 'teller1', [{ congressId, role: 'teller' }]);
  const teller2 = await staffAccount(context, 'teller2', [{ congressId, role: 'teller' }]);
  const scrutineer = await staffAccount(context, 'scrutineer1', [{ congressId, role: 'scrutineer' }]);
  const congress = await seedPaperCongress(database, {
    tellerAccounts: [teller1.accountId, teller2.accountId],
    ...(parameters ? { parameters } : {}),
  });
  const events: CongressEvent[] = [];
  context.events.subscribe(congress.congressId, (event) => events.push(event));
  return { database, context, congress, teller1, teller2, scrutineer, events };
}

function key(
  s: Setup,
  teller: StaffActor,
  pass: 'A' | 'B',
  sheet: PaperSheetSpec,
  batchNo = 1,
  extra: Partial<PaperEntryInput> = {},
) {
  return enterPaperBallot(s.context, teller, s.congress.congressId, s.congress.roundId, {
    pass,
    batchNo,
    ...sheet,
    ...extra,
  });
}

/** Pass A by teller1, pass B by teller2; pass B misreads sheet 7 (王刚 against instead of for). */
async function keyBatchWithOneDisagreement(s: Setup): Promise<void> {
  for (const sheet of batchOfTwenty()) await key(s, s.teller1, 'A', sheet);
  for (const sheet of batchOfTwenty())
    await key(s, s.teller2, 'B', sheet.sheetNo === 7 ? { ...sheet, marks: 'FAF--' } : sheet);
}

async function countRows(database: Database, table: 'paper_entries' | 'paper_resolutions'): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function ballotBox(s: Setup) {
  return paperBallotSource.ballotBox(
    s.database.db,
    await loadRound(s.database.db, s.congress.congressId, s.congress.roundId),
  );
}

describeEachDatabase('paper ballots: double entry', (target) => {
  it('[B1] [B3] [P2] two tellers key 20 sheets, one disagreement is shown, resolved, and the count matches a hand count', async () => {
    const s = await setup(target);
    await keyBatchWithOneDisagreement(s);
    expect(await countRows(s.database, 'paper_entries')).toBe(40);
    // Progress is published after each entry; the last one tells the whole batch.
    expect(s.events).toHaveLength(40);
    expect(s.events.at(-1)).toEqual({
      type: 'voting',
      congressId: s.congress.congressId,
      data: { roundId: s.congress.roundId, entered: 20, agreed: 19, disagreements: 1 },
    });

    const comparison = await paperComparison(
      s.context,
      s.scrutineer,
      s.congress.congressId,
      s.congress.roundId,
      {},
    );
    expect(comparison.progress).toMatchObject({
      sheets: 20,
      onlyA: 0,
      onlyB: 0,
      agreed: 19,
      unresolved: 1,
      settled: 19,
    });
    expect(comparison.batches).toHaveLength(1);
    const [batch] = comparison.batches;
    expect(batch).toMatchObject({ batchNo: 1, onlyA: [], onlyB: [] });
    expect(batch!.agreed).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(batch!.disagreements).toEqual([
      {
        sheetNo: 7,
        a: {
          marks: 'FFF--',
          writeIns: [],
          voidReason: null,
          enteredBy: '计票人甲',
          enteredAt: expect.any(String),
        },
        b: {
          marks: 'FAF--',
          writeIns: [],
          voidReason: null,
          enteredBy: '计票人乙',
          enteredAt: expect.any(String),
        },
        differingCandidates: [{ column: 1, candidate: '王刚', a: 'for', b: 'against' }],
        writeInsDiffer: false,
        voidReasonDiffers: false,
        resolution: null,
      },
    ]);

    // Not countable yet: while voting is open, then while the disagreement is unresolved.
    await expect(ballotBox(s)).rejects.toMatchObject({ status: 409, code: 'round-not-closed' });
    await s.congress.world.setRoundStatus(s.congress.roundId, 'closed', { ballotsIssued: 22 });
    await expect(ballotBox(s)).rejects.toMatchObject({
      status: 409,
      code: 'paper-entry-unsettled',
      en: expect.stringContaining('1 disagreement(s) not resolved'),
      zh: expect.stringContaining('1张选票两遍录入不一致'),
    });

    // The scrutineer looks at sheet 7: 王刚 is marked for.
    const resolved = await resolvePaperSheet(
      s.context,
      s.scrutineer,
      s.congress.congressId,
      s.congress.roundId,
      { batchNo: 1, sheetNo: 7, marks: 'FFF--' },
    );
    expect(resolved.outcome).toBe('created');
    const after = await paperComparison(s.context, s.scrutineer, s.congress.congressId, s.congress.roundId, {
      batchNo: 1,
    });
    expect(after.batches[0]!.disagreements[0]!.resolution).toMatchObject({
      marks: 'FFF--',
      resolvedBy: 'scrutineer1',
    });
    expect(after.progress).toMatchObject({ resolved: 1, unresolved: 0, settled: 20 });
    const audit = await s.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'paper.resolve', actor: 'account:scrutineer1' });
    expect(JSON.parse(audit.before_json!)).toMatchObject({
      passes: { A: { marks: 'FFF--' }, B: { marks: 'FAF--' } },
    });

    const box = await ballotBox(s);
    expect(box.size).toBe(20);
    expect(box.candidateCount).toBe(CANDIDATES.length);
    const result = tallyRound({
      ruleSet: 'local-congress',
      office: 'committee-member',
      round: 'formal',
      seats: SEATS,
      electors: { expected: EXPECTED, present: PRESENT },
      ballotsIssued: 22,
      candidates: CANDIDATES,
      ballots: box,
      parameters: defaultParameters('local-congress', 'committee-member'),
    });
    // The hand count of fixtures.ts batchOfTwenty; [T1] 17 × 2 > 30, 12 × 2 ≤ 30.
    expect(result.validity).toMatchObject({ rule: 'B2', valid: true, issued: 22, returned: 20 });
    expect(result.ballots).toEqual({ returned: 20, valid: 18, invalid: 2 });
    const row = (name: string) => result.results.find((r) => r.name === name);
    expect(
      [row('丁宁'), row('王刚'), row('李强'), row('张伟'), row('赵敏'), row('刘洋')].map((r) => [
        r?.for,
        r?.against,
        r?.abstain,
      ]),
    ).toEqual([
      [17, 0, 1],
      [17, 0, 1],
      [12, 4, 2],
      [4, 0, 14],
      [0, 0, 18],
      [1, 0, 0],
    ]);
    expect(row('刘洋')?.writeIn).toBe(true);
    expect(result.elected).toEqual(['丁宁', '王刚']);
    expect(result.outcome).toBe('shortfall');
    expect(result.shortfall).toBe(1);
  });

  it('[B2] reconciles issued and returned, with provisional totals of the agreed sheets only', async () => {
    const s = await setup(target);
    for (const sheet of batchOfTwenty()) await key(s, s.teller1, 'A', sheet);
    for (const sheet of batchOfTwenty().slice(0, 10)) await key(s, s.teller2, 'B', sheet);
    const open = await paperReconciliation(s.context, s.congress.congressId, s.congress.roundId);
    expect(open.reconciliation).toMatchObject({ rule: 'B2', issued: null, returned: 20, valid: null });
    expect(open.progress).toMatchObject({ sheets: 20, onlyA: 10, onlyB: 0, agreed: 10, settled: 10 });
    // Sheets 1–10 agree (all FFF--); sheets 11–20 are keyed once and do not count yet.
    expect(open.provisional).toMatchObject({
      provisional: true,
      ballots: { counted: 10, valid: 10, invalid: 0 },
      writeIns: [],
    });
    expect(open.provisional.candidates).toEqual([
      { name: '丁宁', for: 10, against: 0, abstain: 0 },
      { name: '王刚', for: 10, against: 0, abstain: 0 },
      { name: '李强', for: 10, against: 0, abstain: 0 },
      { name: '张伟', for: 0, against: 0, abstain: 10 },
      { name: '赵敏', for: 0, against: 0, abstain: 10 },
    ]);
    expect(open.provisional.zh).toContain('临时统计');

    // Tellers keep keying after voting closes.
    await s.congress.world.setRoundStatus(s.congress.roundId, 'closed', { ballotsIssued: 22 });
    for (const sheet of batchOfTwenty().slice(10)) await key(s, s.teller2, 'B', sheet);
    const closed = await paperReconciliation(s.context, s.congress.congressId, s.congress.roundId);
    expect(closed.reconciliation).toMatchObject({ issued: 22, returned: 20, valid: true });
    expect(closed.provisional.ballots).toEqual({ counted: 20, valid: 18, invalid: 2 });
    expect(closed.provisional.writeIns).toEqual([{ name: '刘洋', for: 1 }]);

    // More returned than issued: the round is void.
    await s.congress.world.setRoundStatus(s.congress.roundId, 'closed', { ballotsIssued: 19 });
    const void_ = await paperReconciliation(s.context, s.congress.congressId, s.congress.roundId);
    expect(void_.reconciliation).toMatchObject({
      issued: 19,
      returned: 20,
      valid: false,
      zh: expect.stringContaining('选举无效'),
    });
  });

  it('a retried entry returns the existing one; different content needs an explicit, audited correction', async () => {
    const s = await setup(target);
    const first = await key(s, s.teller1, 'A', { sheetNo: 1, marks: 'FFF--', writeIns: [' 刘洋 '] });
    expect(first.outcome).toBe('created');
    expect(first.entry).toMatchObject({
      pass: 'A',
      batchNo: 1,
      sheetNo: 1,
      marks: 'FFF--',
      writeIns: ['刘洋'],
      voidReason: null,
    });
    const head = await auditHead(s.database.db);
    const events = s.events.length;

    const retry = await key(s, s.teller1, 'A', { sheetNo: 1, marks: 'FFF--', writeIns: ['刘洋'] });
    expect(retry).toEqual({ outcome: 'unchanged', entry: first.entry });
    expect(await countRows(s.database, 'paper_entries')).toBe(1);
    expect(await auditHead(s.database.db)).toEqual(head);
    expect(s.events).toHaveLength(events);

    await expect(key(s, s.teller1, 'A', { sheetNo: 1, marks: 'FF---' })).rejects.toMatchObject({
      status: 409,
      code: 'already-keyed',
    });
    await expect(
      key(s, s.teller1, 'A', { sheetNo: 2, marks: 'FF---' }, 1, { correct: true }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await auditHead(s.database.db)).toEqual(head);

    const corrected = await key(s, s.teller1, 'A', { sheetNo: 1, marks: 'FF---', writeIns: ['刘洋'] }, 1, {
      correct: true,
    });
    expect(corrected).toMatchObject({ outcome: 'corrected', entry: { marks: 'FF---' } });
    expect(await countRows(s.database, 'paper_entries')).toBe(1);
    const audit = await s.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('paper.correct');
    expect(JSON.parse(audit.before_json!)).toMatchObject({
      pass: 'A',
      sheetNo: 1,
      marks: 'FFF--',
      writeIns: ['刘洋'],
    });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ pass: 'A', sheetNo: 1, marks: 'FF---' });
  });

  it('refuses the same teller keying both passes of a batch, and a refused entry changes nothing', async () => {
    const s = await setup(target);
    await key(s, s.teller1, 'A', { sheetNo: 1, marks: 'FFF--' });
    const head = await auditHead(s.database.db);
    await expect(key(s, s.teller1, 'B', { sheetNo: 1, marks: 'FFF--' })).rejects.toMatchObject({
      status: 409,
      code: 'entry-not-independent',
      zh: expect.stringContaining('另一名计票人'),
    });
    await expect(key(s, s.teller1, 'B', { sheetNo: 2, marks: 'FFF--' })).rejects.toMatchObject({
      code: 'entry-not-independent',
    });
    expect(await auditHead(s.database.db)).toEqual(head);
    expect(await countRows(s.database, 'paper_entries')).toBe(1);
    // Another batch is another matter; and the other teller keys pass B of batch 1.
    await expect(key(s, s.teller1, 'B', { sheetNo: 1, marks: 'FFF--' }, 2)).resolves.toMatchObject({
      outcome: 'created',
    });
    await expect(key(s, s.teller2, 'B', { sheetNo: 1, marks: 'FFF--' })).resolves.toMatchObject({
      outcome: 'created',
    });
    // A teller sees their own entries only, never the other pass.
    const mine = await myPaperEntries(s.context, s.teller2, s.congress.congressId, s.congress.roundId, {
      batchNo: 1,
    });
    expect(mine.entries).toEqual([
      {
        pass: 'B',
        batchNo: 1,
        sheetNo: 1,
        marks: 'FFF--',
        writeIns: [],
        voidReason: null,
        enteredAt: expect.any(String),
      },
    ]);
    expect(mine.candidates).toEqual([...CANDIDATES]);
  });

  it('refuses keying and resolving once the round is counted', async () => {
    const s = await setup(target);
    await key(s, s.teller1, 'A', { sheetNo: 1, marks: 'FFF--' });
    await key(s, s.teller2, 'B', { sheetNo: 1, marks: 'FF---' });
    await s.congress.world.setRoundStatus(s.congress.roundId, 'counted', { ballotsIssued: 1 });
    const head = await auditHead(s.database.db);
    await expect(key(s, s.teller1, 'A', { sheetNo: 2, marks: 'FFF--' })).rejects.toMatchObject({
      status: 409,
      code: 'round-counted',
    });
    await expect(
      key(s, s.teller1, 'A', { sheetNo: 1, marks: 'FF---' }, 1, { correct: true }),
    ).rejects.toMatchObject({ code: 'round-counted' });
    await expect(
      resolvePaperSheet(s.context, s.scrutineer, s.congress.congressId, s.congress.roundId, {
        batchNo: 1,
        sheetNo: 1,
        marks: 'FF---',
      }),
    ).rejects.toMatchObject({ code: 'round-counted' });
    expect(await auditHead(s.database.db)).toEqual(head);
  });

  it('[P2] only tellers key, only scrutineers resolve, only sheets keyed twice, never by someone who keyed them', async () => {
    const s = await setup(target);
    const { congressId, roundId } = s.congress;
    const both = await staffAccount(s.context, 'teller-scrutineer', [
      { congressId, role: 'teller' },
      { congressId, role: 'scrutineer' },
    ]);
    await key(s, s.teller1, 'A', { sheetNo: 1, marks: 'FFF--' });
    await key(s, both, 'B', { sheetNo: 1, marks: 'FF---' });
    await key(s, s.teller1, 'A', { sheetNo: 2, marks: 'FFF--' });
    const head = await auditHead(s.database.db);
    await expect(key(s, s.scrutineer, 'A', { sheetNo: 3, marks: 'FFF--' })).rejects.toMatchObject({
      status: 403,
    });
    const resolve = (actor: StaffActor, sheetNo: number) =>
      resolvePaperSheet(s.context, actor, congressId, roundId, { batchNo: 1, sheetNo, marks: 'FFF--' });
    await expect(resolve(s.teller1, 1)).rejects.toMatchObject({ status: 403 });
    await expect(resolve(both, 1)).rejects.toMatchObject({ status: 409, code: 'resolution-not-independent' });
    await expect(resolve(s.scrutineer, 2)).rejects.toMatchObject({
      status: 409,
      code: 'sheet-not-double-keyed',
      en: expect.stringContaining('keyed: A'),
    });
    await expect(paperComparison(s.context, s.teller1, congressId, roundId, {})).rejects.toMatchObject({
      status: 403,
    });
    await expect(myPaperEntries(s.context, s.scrutineer, congressId, roundId, {})).rejects.toMatchObject({
      status: 403,
    });
    expect(await auditHead(s.database.db)).toEqual(head);
    // A resolution again is harmless; a different one is a correction.
    expect((await resolve(s.scrutineer, 1)).outcome).toBe('created');
    const resolvedHead = await auditHead(s.database.db);
    expect((await resolve(s.scrutineer, 1)).outcome).toBe('unchanged');
    expect(await auditHead(s.database.db)).toEqual(resolvedHead);
    await expect(
      resolvePaperSheet(s.context, s.scrutineer, congressId, roundId, {
        batchNo: 1,
        sheetNo: 1,
        marks: 'FF---',
      }),
    ).rejects.toMatchObject({ code: 'already-keyed' });
    await expect(
      resolvePaperSheet(s.context, s.scrutineer, congressId, roundId, {
        batchNo: 1,
        sheetNo: 1,
        marks: 'FF---',
        correct: true,
      }),
    ).resolves.toMatchObject({ outcome: 'corrected' });
    expect(await countRows(s.database, 'paper_resolutions')).toBe(1);
  });

  it('refuses electronic rounds, rounds of another congress, and write-ins the method does not allow', async () => {
    const s = await setup(target, { writeIns: false });
    const { congressId, roundId, electronicRoundId } = s.congress;
    const enter = (round: string, input: Partial<PaperEntryInput> = {}) =>
      enterPaperBallot(s.context, s.teller1, congressId, round, {
        pass: 'A',
        batchNo: 1,
        sheetNo: 1,
        marks: 'FFF--',
        ...input,
      });
    await expect(enter(electronicRoundId)).rejects.toMatchObject({ status: 409, code: 'not-paper-round' });
    await expect(enter('no-such-round')).rejects.toMatchObject({ status: 404 });
    const other = await seedPaperCongress(s.database, { tag: 'q' });
    await expect(enter(other.roundId)).rejects.toMatchObject({ status: 404 });
    // The teller's role is in congress p, not q.
    await expect(
      enterPaperBallot(s.context, s.teller1, other.congressId, other.roundId, {
        pass: 'A',
        batchNo: 1,
        sheetNo: 1,
        marks: 'FFF--',
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(enter(roundId, { writeIns: ['刘洋'] })).rejects.toMatchObject({ status: 422, rule: 'B1' });
    await expect(enter(roundId, { marks: 'FFF' })).rejects.toMatchObject({ field: 'marks' });
    expect(await countRows(s.database, 'paper_entries')).toBe(0);
    // An over-marked ballot is a real ballot: stored as the paper says.
    await expect(enter(roundId, { marks: 'FFFFF' })).resolves.toMatchObject({
      outcome: 'created',
      entry: { marks: 'FFFFF' },
    });
  });
});

import { afterEach, expect, it } from 'vitest';
import { BALLOT_LAYOUT_VERSION } from '../../../src/core/documents/ballot.ts';
import type { PrintableDocument } from '../../../src/core/documents/index.ts';
import type { Database } from '../../../src/persistence/index.ts';
import { listAuditEntries } from '../../../src/services/audit/audit-reader.ts';
import { ballotSheets } from '../../../src/services/documents/election-documents.ts';
import { electionView } from '../../../src/services/elections/election-view.ts';
import { setBallotMode, setCandidates } from '../../../src/services/elections/elections.ts';
import { prepareRound, withdrawPreparation } from '../../../src/services/elections/round-preparation.ts';
import { openRound } from '../../../src/services/elections/rounds.ts';
import { buildWorld } from '../../support/builder/index.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { SYSTEM, testContext } from '../../support/http.ts';

// 准备选票: a round is prepared before the sitting — its list, seats and ballot fixed and
// audited — so that its paper ballots are printed in advance; the list cannot change until the
// preparation is withdrawn, and opening the vote uses exactly the prepared round (issue 12, 3).

const NAMES = [
  '丁宁',
  '王刚',
  '李强',
  '张伟',
  '赵敏',
  '刘洋',
  '陈静',
  '杨帆',
  '黄磊',
  '周杰',
  '吴昊',
  '徐丽',
];

async function seed(database: Database) {
  const world = buildWorld(database, { at: '2026-09-27T00:00:00.000Z' });
  const congress = await world.congress({ number: 13 });
  const delegates = await congress.delegates(NAMES.map((name) => ({ name })));
  const sitting = await congress.sitting({ title: '第二次全体会议' });
  await congress.method();
  await congress.attendance(
    sitting.id,
    delegates.map((d) => d.id),
  );
  const election = await congress.election({
    seats: 3,
    // Entered out of stroke order: the ballot prints them by strokes [C3].
    candidates: ['张伟', '丁宁', '李强', '王刚'],
    officers: [
      { role: 'chief-scrutineer', name: '赵敏' },
      { role: 'teller', name: '陈静' },
    ],
    sitting: sitting.id,
  });
  return { congressId: congress.id, electionId: election.id };
}

describeEachDatabase('a round prepared before the vote', (target) => {
  let database: Database;
  afterEach(async () => database?.close());

  it('[C3] fixes the list in ballot order, is printable, refuses changes and opens exactly as prepared', async () => {
    database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, electionId } = await seed(database);

    const { roundId } = await prepareRound(context, SYSTEM, congressId, electionId, { kind: 'formal' });
    const staffView = await electionView(database.db, congressId, electionId, { staff: true });
    expect(staffView.rounds).toEqual([
      expect.objectContaining({
        id: roundId,
        seq: 1,
        status: 'prepared',
        seats: 3,
        candidates: ['丁宁', '王刚', '李强', '张伟'],
        openedAt: null,
      }),
    ]);
    expect(staffView.status).toBe('preparing');
    // The hall and the public see the vote, not its preparation.
    expect((await electionView(database.db, congressId, electionId, { staff: false })).rounds).toEqual([]);

    // Printable in advance: one sheet per elector with a vote, the prepared list on each.
    const printed: PrintableDocument[] = [];
    const file = await ballotSheets(context, congressId, roundId, {}, async (model) => {
      printed.push(model);
      return { pdf: Buffer.from(''), pages: 1, warnings: [] };
    });
    expect(file.filename).toMatch(/\.pdf$/);
    const ballot = printed[0]!;
    if (ballot.kind !== 'ballot') throw new Error(`not a ballot: ${ballot.kind}`);
    expect(ballot.candidates.map((c) => c.name.replace('　', ''))).toEqual(['丁宁', '王刚', '李强', '张伟']);
    expect(ballot.sheets).toHaveLength(12);

    // The list, the kind of ballot and another preparation are refused while it stands.
    await expect(
      setCandidates(context, SYSTEM, congressId, electionId, [{ name: '丁宁' }, { name: '王刚' }]),
    ).rejects.toMatchObject({ code: 'round-prepared' });
    await expect(setBallotMode(context, SYSTEM, congressId, electionId, 'electronic')).rejects.toMatchObject({
      code: 'round-prepared',
    });
    await expect(
      prepareRound(context, SYSTEM, congressId, electionId, { kind: 'formal' }),
    ).rejects.toMatchObject({
      code: 'round-prepared',
    });
    // Opening with another list than the one printed is refused.
    await expect(
      openRound(context, SYSTEM, congressId, electionId, {
        kind: 'formal',
        candidates: ['丁宁', '王刚', '李强', '赵敏'],
      }),
    ).rejects.toMatchObject({ code: 'round-prepared' });

    // Opening uses the prepared round itself: same id, number and list.
    const opened = await openRound(context, SYSTEM, congressId, electionId, { kind: 'formal' });
    expect(opened.roundId).toBe(roundId);
    const view = await electionView(database.db, congressId, electionId, { staff: true });
    expect(view.rounds).toHaveLength(1);
    expect(view.rounds[0]).toMatchObject({
      id: roundId,
      seq: 1,
      status: 'open',
      candidates: ['丁宁', '王刚', '李强', '张伟'],
      expected: 12,
      present: 12,
    });
    expect(view.status).toBe('in-progress');

    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('subject', '=', `round:${roundId}`)
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['round.prepare', 'round.open']);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      candidates: ['丁宁', '王刚', '李强', '张伟'],
      seats: 3,
      mode: 'paper',
      layout: BALLOT_LAYOUT_VERSION,
    });
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ prepared: true });
  });

  it('withdrawing the preparation (audited) lets the list change again', async () => {
    database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, electionId } = await seed(database);
    const published: unknown[] = [];
    const unsubscribe = context.events.subscribe(congressId, (event) => published.push(event));
    const { roundId } = await prepareRound(context, SYSTEM, congressId, electionId, { kind: 'formal' });
    await withdrawPreparation(context, SYSTEM, congressId, roundId);
    unsubscribe();
    expect(published).toEqual([
      expect.objectContaining({ type: 'voting', data: { roundId, electionId, status: 'prepared' } }),
      expect.objectContaining({ type: 'voting', data: { roundId, electionId, status: 'withdrawn' } }),
    ]);
    expect((await electionView(database.db, congressId, electionId, { staff: true })).rounds).toEqual([]);
    const withdrawn = await database.db
      .selectFrom('audit_log')
      .select('before_json')
      .where('action', '=', 'round.withdraw-preparation')
      .executeTakeFirstOrThrow();
    // The congress's own log keeps the preparation and its withdrawal, though the round is gone.
    const log = await listAuditEntries(context, { congressId, subject: `round:${roundId}` });
    expect(log.entries.map((e) => e.action).sort()).toEqual(['round.prepare', 'round.withdraw-preparation']);
    expect(JSON.parse(withdrawn.before_json!)).toMatchObject({
      seq: 1,
      candidates: ['丁宁', '王刚', '李强', '张伟'],
    });

    await setCandidates(
      context,
      SYSTEM,
      congressId,
      electionId,
      ['丁宁', '王刚', '李强', '张伟', '刘洋'].map((name) => ({ name })),
    );
    const again = await prepareRound(context, SYSTEM, congressId, electionId, { kind: 'formal' });
    const view = await electionView(database.db, congressId, electionId, { staff: true });
    expect(view.rounds).toEqual([expect.objectContaining({ id: again.roundId, seq: 1, status: 'prepared' })]);
    expect(view.rounds[0]!.candidates).toContain('刘洋');
    // An open round is not a preparation to withdraw.
    await openRound(context, SYSTEM, congressId, electionId, { kind: 'formal' });
    await expect(withdrawPreparation(context, SYSTEM, congressId, again.roundId)).rejects.toMatchObject({
      code: 'round-not-prepared',
    });
  });

  it('[C2] a list the rules refuse cannot be prepared', async () => {
    database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, electionId } = await seed(database);
    await setCandidates(
      context,
      SYSTEM,
      congressId,
      electionId,
      ['丁宁', '王刚', '李强'].map((name) => ({ name })),
    );
    await expect(
      prepareRound(context, SYSTEM, congressId, electionId, { kind: 'formal' }),
    ).rejects.toMatchObject({
      rule: 'C2',
    });
    expect(await database.db.selectFrom('rounds').select('id').execute()).toEqual([]);
  });
});

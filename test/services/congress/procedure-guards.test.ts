import { afterEach, expect, it } from 'vitest';
import type { Database } from '../../../src/persistence/index.ts';
import { closeVote, openVote } from '../../../src/services/congress/adoption-votes.ts';
import { createAgendaItem, deleteAgendaItem } from '../../../src/services/congress/agenda.ts';
import { closeCongress } from '../../../src/services/congress/congresses.ts';
import { closeSitting, createSitting, openSitting } from '../../../src/services/congress/sittings.ts';
import { adoptedTitle, createMethod, recordMethodVote } from '../../../src/services/elections/methods.ts';
import { openRound } from '../../../src/services/elections/rounds.ts';
import type { CongressEvent } from '../../../src/services/events.ts';
import { buildWorld } from '../../support/builder/index.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { SYSTEM, testContext } from '../../support/http.ts';

// The order the rules fix for a congress day (issue 12, defect 8): the opening sitting opened
// before the preparatory meeting, the election sitting closed with its scrutineers' vote never
// held while its elections ran anyway, '（草案）' left in the adopted method's title, the congress
// still in session after its closing sitting.

const NAMES = ['丁宁', '王刚', '李强', '张伟', '赵敏', '刘洋', '陈静', '杨帆', '黄磊', '周杰'];

async function scheduledCongress(database: Database) {
  const context = testContext(database);
  const world = buildWorld(database);
  const congress = await world.congress({ id: 'c1', number: 13 });
  const delegates = await congress.delegates(NAMES.map((name) => ({ name })));
  const sitting = (kind: 'preparatory' | 'opening' | 'plenary' | 'closing', sortOrder: number) =>
    createSitting(context, SYSTEM, 'c1', { kind, sortOrder });
  const preparatory = await sitting('preparatory', 1);
  const opening = await sitting('opening', 2);
  const plenary = await sitting('plenary', 3);
  const closing = await sitting('closing', 4);
  return { context, world, congress, delegates, preparatory, opening, plenary, closing };
}

describeEachDatabase('the order of a congress day', (target) => {
  let database: Database;
  afterEach(async () => database?.close());

  it('[P3] holds the preparatory meeting, the opening, the plenary and the closing sitting in that order', async () => {
    database = await openMigrated(target);
    const { context, preparatory, opening, plenary, closing } = await scheduledCongress(database);
    await expect(openSitting(context, SYSTEM, 'c1', opening.id)).rejects.toMatchObject({
      status: 422,
      rule: 'P3',
      zh: '“预备会议”尚未举行：开幕大会应在预备会议之后召开',
    });
    await expect(openSitting(context, SYSTEM, 'c1', closing.id)).rejects.toMatchObject({ rule: 'P3' });
    await openSitting(context, SYSTEM, 'c1', preparatory.id);
    await closeSitting(context, SYSTEM, 'c1', preparatory.id);
    await expect(openSitting(context, SYSTEM, 'c1', plenary.id)).rejects.toMatchObject({
      rule: 'P3',
      en: expect.stringContaining('开幕大会 has not been held'),
    });
    await openSitting(context, SYSTEM, 'c1', opening.id);
    await closeSitting(context, SYSTEM, 'c1', opening.id);
    await openSitting(context, SYSTEM, 'c1', plenary.id);
    // [P3] the congress does not close with its closing sitting never held.
    await closeSitting(context, SYSTEM, 'c1', plenary.id);
    await expect(closeCongress(context, SYSTEM, 'c1')).rejects.toMatchObject({ rule: 'P3' });

    // Closing the closing sitting closes the congress, announced to the screens.
    await openSitting(context, SYSTEM, 'c1', closing.id);
    const events: CongressEvent[] = [];
    context.events.subscribe('c1', (event) => events.push(event));
    await closeSitting(context, SYSTEM, 'c1', closing.id);
    const congress = await database.db
      .selectFrom('congresses')
      .select('status')
      .where('id', '=', 'c1')
      .executeTakeFirstOrThrow();
    expect(congress.status).toBe('closed');
    expect(events.map((e) => e.type === 'congress' && e.data.change)).toEqual([
      'sitting-closed',
      'congress-status',
    ]);
    const entry = await database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'sitting.close')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ status: 'closed', congress: 'closed' });
  });

  it('[P1] no round opens before the scrutineers’ list is adopted, and the sitting does not close before its votes are taken', async () => {
    database = await openMigrated(target);
    const { context, congress, delegates, preparatory, opening, plenary } = await scheduledCongress(database);
    for (const s of [preparatory, opening]) {
      await openSitting(context, SYSTEM, 'c1', s.id);
      await closeSitting(context, SYSTEM, 'c1', s.id);
    }
    await openSitting(context, SYSTEM, 'c1', plenary.id);
    await congress.attendance(plenary.id, delegates);
    await congress.method();
    const election = await congress.election({
      seats: 2,
      candidates: ['丁宁', '王刚', '李强'],
      sitting: plenary.id,
      officers: [
        { role: 'chief-scrutineer', name: '周杰' },
        { role: 'teller', name: '计票人甲' },
      ],
    });
    const item = await createAgendaItem(context, SYSTEM, 'c1', plenary.id, {
      kind: 'adoption-vote',
      title: '通过总监票人、副总监票人和监票人名单',
      vote: { mode: 'counts', proposal: { kind: 'scrutineers' } },
    });
    const voteId = item.vote!.id;
    await expect(openRound(context, SYSTEM, 'c1', election.id, { kind: 'formal' })).rejects.toMatchObject({
      rule: 'P1',
      zh: '“通过总监票人、副总监票人和监票人名单”尚未经大会表决通过，不能开始投票',
    });
    await expect(closeSitting(context, SYSTEM, 'c1', plenary.id)).rejects.toMatchObject({
      status: 409,
      code: 'vote-not-taken',
    });
    // Rejected is not adopted.
    await openVote(context, SYSTEM, 'c1', voteId);
    await closeVote(context, SYSTEM, 'c1', voteId, { votesFor: 3, votesAgainst: 7, votesAbstain: 0 });
    await expect(openRound(context, SYSTEM, 'c1', election.id, { kind: 'formal' })).rejects.toMatchObject({
      rule: 'P1',
    });
    const again = await createAgendaItem(context, SYSTEM, 'c1', plenary.id, {
      kind: 'adoption-vote',
      title: '通过总监票人、副总监票人和监票人名单（修改后）',
      vote: { mode: 'counts', proposal: { kind: 'scrutineers' } },
    });
    await openVote(context, SYSTEM, 'c1', again.vote!.id);
    const adopted = await closeVote(context, SYSTEM, 'c1', again.vote!.id, {
      votesFor: 10,
      votesAgainst: 0,
      votesAbstain: 0,
    });
    expect(adopted.adopted).toBe(true);
    const { roundId } = await openRound(context, SYSTEM, 'c1', election.id, { kind: 'formal' });
    // A round under way keeps the sitting open.
    await expect(closeSitting(context, SYSTEM, 'c1', plenary.id)).rejects.toMatchObject({
      code: 'round-under-way',
      zh: '“选举委员”第1轮投票尚未宣布结果，请先宣布',
    });
    expect(roundId).toBeTruthy();
    // A vote taken off the agenda no longer holds the sitting.
    const spare = await createAgendaItem(context, SYSTEM, 'c1', plenary.id, {
      kind: 'adoption-vote',
      title: '通过关于选举工作的说明',
      vote: { mode: 'counts' },
    });
    await deleteAgendaItem(context, SYSTEM, 'c1', spare.id);
  });

  it('[P4] the adopted method loses （草案） from its title, whichever way the vote is recorded', async () => {
    database = await openMigrated(target);
    const { context, congress, preparatory, opening, plenary, delegates } = await scheduledCongress(database);
    expect(adoptedTitle('中国共产党示范市第十三次代表大会选举办法（草案）')).toBe(
      '中国共产党示范市第十三次代表大会选举办法',
    );
    expect(adoptedTitle('选举办法 (草案)')).toBe('选举办法');
    expect(adoptedTitle('选举办法')).toBe('选举办法');
    const counted = await createMethod(context, SYSTEM, 'c1', { title: '选举办法（草案）', overrides: {} });
    await recordMethodVote(context, SYSTEM, 'c1', counted.id, {
      votesFor: 4,
      votesAgainst: 6,
      votesAbstain: 0,
    });
    const rejected = await database.db
      .selectFrom('election_methods')
      .select('title')
      .where('id', '=', counted.id)
      .executeTakeFirstOrThrow();
    // Rejected, it stays a draft.
    expect(rejected.title).toBe('选举办法（草案）');

    for (const s of [preparatory, opening]) {
      await openSitting(context, SYSTEM, 'c1', s.id);
      await closeSitting(context, SYSTEM, 'c1', s.id);
    }
    await openSitting(context, SYSTEM, 'c1', plenary.id);
    await congress.attendance(plenary.id, delegates);
    const draft = await createMethod(context, SYSTEM, 'c1', {
      title: '中国共产党示范市第十三次代表大会选举办法（草案）',
      overrides: {},
    });
    const item = await createAgendaItem(context, SYSTEM, 'c1', plenary.id, {
      kind: 'adoption-vote',
      title: '通过选举办法',
      vote: { mode: 'counts', proposal: { kind: 'election-method', methodId: draft.id } },
    });
    await openVote(context, SYSTEM, 'c1', item.vote!.id);
    await closeVote(context, SYSTEM, 'c1', item.vote!.id, { votesFor: 10, votesAgainst: 0, votesAbstain: 0 });
    const method = await database.db
      .selectFrom('election_methods')
      .select(['title', 'status'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(method).toEqual({ title: '中国共产党示范市第十三次代表大会选举办法', status: 'adopted' });
  });
});

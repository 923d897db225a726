import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../src/persistence/migrate.ts';
import { closeCongress } from '../../../src/services/congress/congresses.ts';
import { announceRound, signOffRound } from '../../../src/services/elections/rounds.ts';
import type { CongressEvent } from '../../../src/services/events.ts';
import { buildWorld } from '../../support/builder/index.ts';
import type { StaffActor } from '../../support/builder/world.ts';
import { describeEachDatabase, openAt, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, SYSTEM, type TestApp, testApp } from '../../support/http.ts';

// The hall's big screen (issue 12, defect 2): it follows what the presiding officer announces, in
// announcement order — a round counted but not announced never holds it — then the attendance of
// the sitting under way; after the congress it says so, never showing the preparatory meeting
// that was never held. The secretariat can hold a result, the attendance, a slide or a blank
// screen, and every instance's screens agree: the setting is in the database.

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

async function congressDay(test: TestApp) {
  const world = buildWorld(test.context.database, { at: '2026-09-27T00:30:00.000Z' });
  const congress = await world.congress({ id: 'c1', number: 13, title: '中国共产党示范市第十三次代表大会' });
  const delegates = await congress.delegates(NAMES.map((name) => ({ name })));
  // The preparatory meeting was never held: after the congress it must not come back on screen.
  await congress.sitting({ id: 'prep', kind: 'preparatory', status: 'scheduled', sortOrder: 1 });
  const plenary = await congress.sitting({ id: 'plenary', title: '第二次全体会议', sortOrder: 2 });
  await congress.attendance(plenary.id, delegates.slice(0, 11));
  await congress.method();
  const scrutineer: StaffActor = await world.staff('scrutineer1', [{ congressId: 'c1', role: 'scrutineer' }]);
  const officers = [{ role: 'chief-scrutineer' as const, name: '周杰', account: scrutineer.accountId }];
  const members = await congress.election({
    title: '委员',
    seats: 2,
    candidates: ['丁宁', '王刚', '李强'],
    sitting: plenary.id,
    officers,
    sortOrder: 1,
  });
  const alternates = await congress.election({
    office: 'alternate-member',
    title: '候补委员',
    seats: 1,
    candidates: ['张伟', '赵敏'],
    sitting: plenary.id,
    officers,
    sortOrder: 2,
  });
  const counted = { status: 'counted' as const, openedAt: '2026-09-27T00:45:00.000Z' };
  const membersRound = await members.round({
    ...counted,
    ballots: [{ marks: { 丁宁: 'for', 王刚: 'for' }, count: 11 }],
  });
  const alternatesRound = await alternates.round({
    ...counted,
    ballots: [{ marks: { 张伟: 'for' }, count: 11 }],
  });
  return { scrutineer, membersRound, alternatesRound };
}

describeEachDatabase('the big screen', (target) => {
  let test: TestApp;
  let other: TestApp | undefined;
  afterEach(async () => {
    await other?.close();
    await test?.close();
  });

  it('follows the announcements in order, a counted round never holds it, and after the congress it says so', async () => {
    test = await testApp(await openMigrated(target));
    const { scrutineer, membersRound, alternatesRound } = await congressDay(test);
    const screen = async () => {
      const response = await new Client(test.app).get('/api/congresses/c1/screen');
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    // Both rounds counted, neither announced: the sitting's attendance, not "等待宣布".
    expect(await screen()).toMatchObject({
      setting: { mode: 'follow' },
      show: { kind: 'attendance', counts: { sittingId: 'plenary', present: 11 } },
    });

    // 委员 is announced while 候补委员 is counted and not announced: the screen shows 委员.
    const context = test.context;
    test.clock.advance(60_000);
    await signOffRound(context, scrutineer, 'c1', membersRound.id);
    await announceRound(context, SYSTEM, 'c1', membersRound.id);
    expect((await screen()).show).toMatchObject({
      kind: 'result',
      result: { roundId: membersRound.id, electionTitle: '委员', elected: [{ votes: 11 }, { votes: 11 }] },
    });

    // Then 候补委员: the one announced last.
    test.clock.advance(60_000);
    await signOffRound(context, scrutineer, 'c1', alternatesRound.id);
    await announceRound(context, SYSTEM, 'c1', alternatesRound.id);
    expect((await screen()).show).toMatchObject({
      kind: 'result',
      result: { roundId: alternatesRound.id, electionTitle: '候补委员', electedInElection: 1 },
    });

    // After the congress: that it closed, not the preparatory meeting's "不足法定人数 实到0". (The
    // guards no longer let a congress close with a sitting never held; one recorded before them did.)
    const db = test.context.database.db;
    await db
      .updateTable('sittings')
      .set({ status: 'closed', closed_at: '2026-09-27T03:00:00.000Z' })
      .where('id', '=', 'plenary')
      .execute();
    await expect(closeCongress(context, SYSTEM, 'c1')).rejects.toMatchObject({ rule: 'P3' });
    await db.updateTable('congresses').set({ status: 'closed' }).where('id', '=', 'c1').execute();
    expect((await screen()).show).toEqual({ kind: 'closed' });
    const current = await new Client(test.app).get('/api/congresses/c1/attendance/public-counts');
    expect(current.json().sittings).toEqual([]);
  });

  it('holds what the secretariat puts on it: a result once announced, the attendance, a slide, blank; every instance agrees', async () => {
    const place = await target.place();
    const first = await openAt(place.config);
    await migrate(first);
    test = await testApp(first);
    const { scrutineer, membersRound } = await congressDay(test);
    const presiding = await clientWithRoles(test, 'presiding', [{ congressId: 'c1', role: 'presiding' }]);
    const teller = await clientWithRoles(test, 'teller1', [{ congressId: 'c1', role: 'teller' }]);
    const url = '/api/congresses/c1/screen';

    const events: CongressEvent[] = [];
    test.context.events.subscribe('c1', (event) => events.push(event));

    // [P2] A result counted but not announced is not for the screen.
    const early = await presiding.put(url, { mode: 'result', roundId: membersRound.id });
    expect(early.statusCode, early.body).toBe(422);
    expect(early.json().error).toMatchObject({ rule: 'P2' });
    expect((await teller.put(url, { mode: 'blank' })).statusCode).toBe(403);
    expect((await new Client(test.app).put(url, { mode: 'blank' })).statusCode).toBe(401);
    const tooLong = await presiding.put(url, {
      mode: 'slide',
      title: '大会日程',
      lines: Array(9).fill('一行'),
    });
    expect(tooLong.statusCode).toBe(400);

    const slide = {
      mode: 'slide',
      title: '大会日程',
      lines: ['上午八时三十分 第二次全体会议', '下午三时 闭幕大会'],
    };
    const set = await presiding.put(url, slide);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      setting: slide,
      setBy: 'presiding',
      show: { kind: 'slide', title: slide.title, lines: slide.lines },
    });
    expect(events).toContainEqual({ type: 'screen', congressId: 'c1', data: slide });

    // A second instance on the same database shows the same.
    other = await testApp(await openAt(place.config));
    const seen = await new Client(other.app).get(url);
    expect(seen.json()).toMatchObject({ setting: slide, show: { kind: 'slide' } });

    // Held: announcements do not move it.
    await signOffRound(test.context, scrutineer, 'c1', membersRound.id);
    await announceRound(test.context, SYSTEM, 'c1', membersRound.id);
    expect((await new Client(other.app).get(url)).json().show.kind).toBe('slide');

    expect(
      (await presiding.put(url, { mode: 'result', roundId: membersRound.id })).json().show,
    ).toMatchObject({
      kind: 'result',
      result: { roundId: membersRound.id },
    });
    expect((await presiding.put(url, { mode: 'attendance' })).json().show).toMatchObject({
      kind: 'attendance',
      counts: { sittingId: 'plenary', expected: 12, present: 11 },
    });
    expect((await presiding.put(url, { mode: 'attendance', sittingId: 'nowhere' })).statusCode).toBe(404);
    expect((await presiding.put(url, { mode: 'blank' })).json().show).toEqual({ kind: 'blank' });
    expect((await new Client(other.app).get(url)).json().show).toEqual({ kind: 'blank' });
    // The secretariat (an administrator of the congress) runs the screen too.
    const secretariat = await clientWithRoles(test, 'secretariat', [{ congressId: 'c1', role: 'admin' }]);
    const back = await secretariat.put(url, { mode: 'follow' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ setBy: 'secretariat', show: { kind: 'result' } });
    const audit = await test.context.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject', 'actor'])
      .where('action', '=', 'screen.set')
      .execute();
    expect(audit).toHaveLength(5);
    expect(audit[0]).toMatchObject({ subject: 'congress:c1', actor: 'account:presiding' });
  });
});

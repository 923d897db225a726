import { afterEach, expect, it } from 'vitest';
import { issueCredentials } from '../../../src/services/congress/credentials.ts';
import { ADMIN, addDelegates, snapshot, tongliao } from '../../services/congress/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('HTTP: sittings, agenda and adoption votes', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  async function setUp() {
    test = await testApp(await openMigrated(target));
    const { congress, builder } = await tongliao(test.context);
    const ids = await addDelegates(test.context, congress.id, 6);
    const admin = await clientWithRoles(test, 'secretariat', [{ congressId: '*', role: 'admin' }]);
    const presiding = await clientWithRoles(test, 'chair', [{ congressId: congress.id, role: 'presiding' }]);
    const desk = await clientWithRoles(test, 'desk1', [{ congressId: congress.id, role: 'check-in' }]);
    const credentials = await issueCredentials(test.context, ADMIN, congress.id);
    const delegateClient = (id: string) =>
      new Client(test.app).delegateLogin(
        congress.id,
        credentials.find((c) => c.delegateId === id)!.credential,
      );
    return {
      congress,
      builder,
      ids,
      admin,
      presiding,
      desk,
      delegateClient,
      base: `/api/congresses/${congress.id}`,
    };
  }

  it('runs a sitting: the presiding desk opens it and the vote; delegates present vote; the result is published', async () => {
    const { congress, builder, ids, admin, presiding, desk, delegateClient, base } = await setUp();
    const sitting = (
      await admin.post(`${base}/sittings`, {
        kind: 'plenary',
        title: '第二次全体会议',
        startsAt: '2026-09-28T01:00:00.000Z',
      })
    ).json();
    const item = (
      await admin.post(`${base}/sittings/${sitting.id}/agenda`, {
        kind: 'adoption-vote',
        title: '通过关于市委报告的决议',
        vote: { mode: 'electronic' },
      })
    ).json();
    await admin.post(`${base}/sittings/${sitting.id}/agenda`, {
      kind: 'written-report',
      title: '市纪委工作报告（书面）',
      attachments: [{ name: '全文', url: '/docs/jw.pdf' }],
    });
    const events: unknown[] = [];
    test.context.events.subscribe(congress.id, (event) => events.push(event));
    expect((await desk.post(`${base}/sittings/${sitting.id}/open`)).statusCode).toBe(403);
    expect((await presiding.post(`${base}/sittings/${sitting.id}/open`)).json()).toMatchObject({
      status: 'open',
    });
    await builder.attendance(sitting.id, ids.slice(0, 5));
    expect((await presiding.post(`${base}/adoption-votes/${item.vote.id}/open`, {})).json()).toMatchObject({
      state: 'voting',
      expected: 6,
      present: 5,
    });

    const voter = await delegateClient(ids[0]!);
    const agenda = (await voter.get(`${base}/sittings/${sitting.id}/agenda`)).json();
    expect(agenda.map((i: { kind: string }) => i.kind)).toEqual(['adoption-vote', 'written-report']);
    const cast = await voter.post(`${base}/adoption-votes/${item.vote.id}/ballots`, { choice: 'for' });
    expect(cast.statusCode).toBe(200);
    expect(cast.json().receipt).toMatch(/^[A-Z2-9]{12}$/);
    expect(
      (await voter.post(`${base}/adoption-votes/${item.vote.id}/ballots`, { choice: 'for' })).json().error,
    ).toMatchObject({ code: 'already-voted' });
    expect(
      (await voter.post(`${base}/adoption-votes/${item.vote.id}/ballots`, { choice: 'maybe' })).json().error,
    ).toMatchObject({ field: 'body.choice' });
    for (const id of ids.slice(1, 3))
      await (await delegateClient(id)).post(`${base}/adoption-votes/${item.vote.id}/ballots`, {
        choice: 'for',
      });
    const absent = await delegateClient(ids[5]!);
    expect(
      (await absent.post(`${base}/adoption-votes/${item.vote.id}/ballots`, { choice: 'for' })).statusCode,
    ).toBe(403);
    // Staff do not vote; delegates do not run the meeting.
    expect(
      (await admin.post(`${base}/adoption-votes/${item.vote.id}/ballots`, { choice: 'for' })).statusCode,
    ).toBe(403);
    expect((await voter.post(`${base}/adoption-votes/${item.vote.id}/close`, {})).statusCode).toBe(403);
    expect((await voter.get(`${base}/adoption-votes/${item.vote.id}`)).json()).toMatchObject({
      youVoted: true,
      voted: 3,
      votesFor: null,
    });

    const closed = await presiding.post(`${base}/adoption-votes/${item.vote.id}/close`, {});
    expect(closed.json()).toMatchObject({ state: 'closed', votesFor: 3, adopted: true, minimumFor: 3 });
    expect((await presiding.post(`${base}/sittings/${sitting.id}/close`)).json()).toMatchObject({
      status: 'closed',
    });
    expect(
      events.map((e) => [
        (e as { type: string }).type,
        (e as { data: { change?: string } }).data.change ?? 'progress',
      ]),
    ).toEqual([
      ['congress', 'sitting-opened'],
      ['congress', 'vote-opened'],
      ['voting', 'progress'],
      ['voting', 'progress'],
      ['voting', 'progress'],
      ['congress', 'vote-closed'],
      ['congress', 'sitting-closed'],
    ]);
  });

  it('validates counts entered by hand (400, field, both languages) and a refused close changes nothing', async () => {
    const { admin, builder, presiding, ids, base } = await setUp();
    const sitting = (await admin.post(`${base}/sittings`, { kind: 'opening' })).json();
    const item = (
      await admin.post(`${base}/sittings/${sitting.id}/agenda`, {
        kind: 'adoption-vote',
        title: '审议通过报告',
        vote: { mode: 'counts' },
      })
    ).json();
    expect(
      (
        await admin.post(`${base}/sittings/${sitting.id}/agenda`, {
          kind: 'report',
          title: '报告',
          vote: { mode: 'counts' },
        })
      ).json().error,
    ).toMatchObject({ field: 'vote' });
    expect(
      (
        await admin.post(`${base}/sittings/${sitting.id}/agenda`, {
          kind: 'report',
          title: '报告',
          attachments: [{ name: 'x', url: 'javascript:alert(1)' }],
        })
      ).json().error,
    ).toMatchObject({
      field: 'body.attachments[0].url',
    });
    await presiding.post(`${base}/sittings/${sitting.id}/open`);
    await builder.attendance(sitting.id, ids.slice(0, 4));
    await presiding.post(`${base}/adoption-votes/${item.vote.id}/open`, {});
    const before = await snapshot(test.context.database);
    const partial = await presiding.post(`${base}/adoption-votes/${item.vote.id}/close`, { votesFor: 3 });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error).toMatchObject({
      field: 'body.votesAgainst',
      zh: '赞成、反对、弃权票数须一并填写',
    });
    const tooMany = await presiding.post(`${base}/adoption-votes/${item.vote.id}/close`, {
      votesFor: 3,
      votesAgainst: 1,
      votesAbstain: 1,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error).toMatchObject({
      field: 'votesFor',
      en: '5 votes counted but only 4 present',
      zh: '赞成、反对、弃权合计5票，多于实到4人',
    });
    const negative = await presiding.post(`${base}/adoption-votes/${item.vote.id}/close`, {
      votesFor: -1,
      votesAgainst: 0,
      votesAbstain: 0,
    });
    expect(negative.json().error).toMatchObject({ field: 'body.votesFor', zh: '不得小于0' });
    expect(await snapshot(test.context.database)).toEqual(before);
    expect(
      (
        await presiding.post(`${base}/adoption-votes/${item.vote.id}/close`, {
          votesFor: 2,
          votesAgainst: 1,
          votesAbstain: 1,
        })
      ).json(),
    ).toMatchObject({ adopted: false });
  });

  it('lets a delegate read the sittings and documents of their own congress only, and change nothing', async () => {
    const { admin, ids, delegateClient, base, congress } = await setUp();
    const sitting = (await admin.post(`${base}/sittings`, { kind: 'opening' })).json();
    const report = (
      await admin.post(`${base}/sittings/${sitting.id}/agenda`, {
        kind: 'report',
        title: '工作报告',
        presenter: '孟宪东',
        body: '同志们：……',
      })
    ).json();
    const delegate = await delegateClient(ids[0]!);
    expect((await delegate.get(`${base}/agenda/${report.id}`)).json()).toMatchObject({
      body: '同志们：……',
      presenter: '孟宪东',
    });
    expect((await delegate.get(`${base}/sittings/${sitting.id}`)).statusCode).toBe(200);
    expect((await delegate.get(`${base}/bodies`)).statusCode).toBe(200);
    const before = await snapshot(test.context.database);
    expect((await delegate.patch(`${base}/agenda/${report.id}`, { title: '改' })).statusCode).toBe(403);
    expect((await delegate.post(`${base}/sittings/${sitting.id}/open`)).statusCode).toBe(403);
    expect(
      (await delegate.put(`${base}/sittings/${sitting.id}/chairs`, { delegateIds: [] })).statusCode,
    ).toBe(403);
    expect(await snapshot(test.context.database)).toEqual(before);
    // Another congress: its sittings are not this delegate's to read.
    const other = (
      await admin.post('/api/congresses', {
        kind: 'congress',
        organisationId: congress.organisationId,
        number: 7,
      })
    ).json();
    expect((await delegate.get(`/api/congresses/${other.id}/sittings`)).statusCode).toBe(403);
    // An id from another congress is not found under this one.
    const foreign = (await admin.post(`/api/congresses/${other.id}/sittings`, { kind: 'opening' })).json();
    expect((await admin.get(`${base}/sittings/${foreign.id}`)).statusCode).toBe(404);
    expect((await new Client(test.app).get(`${base}/sittings`)).statusCode).toBe(401);
  });
});

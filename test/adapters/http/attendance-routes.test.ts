import { afterEach, expect, it } from 'vitest';
import { credentialHash } from '../../../src/services/accounts/account-service.ts';
import { seedAttendanceCongress, writeCounts } from '../../services/attendance/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('attendance over HTTP', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  async function setUp() {
    const database = await openMigrated(target);
    test = await testApp(database);
    const fixture = await seedAttendanceCongress(database, {
      voting: 6,
      nonVoting: 1,
      names: ['王小强', '丁宁', '于波'],
    });
    const desk = await clientWithRoles(test, 'desk1', [{ congressId: fixture.congressId, role: 'check-in' }]);
    const base = `/api/congresses/${fixture.congressId}/sittings/${fixture.sittingId}/attendance`;
    return { database, fixture, desk, base };
  }

  it('checks in by code and by id, answers a repeat scan harmlessly, checks out, records leave, counts', async () => {
    const { database, fixture, desk, base } = await setUp();
    test.clock.advance(-30 * 60_000); // 08:30 in the hall
    const first = await desk.post(`${base}/check-in`, { code: 'A0001', desk: '2' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      changed: true,
      status: 'present',
      delegate: { name: '王小强', code: 'A0001' },
    });
    test.clock.advance(60_000);
    const again = await desk.post(`${base}/check-in`, { code: 'a0001', desk: '3' });
    expect(again.json()).toMatchObject({
      changed: false,
      desk: '2',
      message: { en: '王小强: already checked in at 08:30 (desk 2)' },
    });
    const found = await desk.get(`${base}/search?q=dn`);
    expect(found.json().candidates[0]).toMatchObject({ name: '丁宁', status: 'absent' });
    const byId = await desk.post(`${base}/check-in`, {
      delegateId: found.json().candidates[0].id,
      desk: '1',
    });
    expect(byId.json()).toMatchObject({ changed: true, delegate: { name: '丁宁' } });
    expect((await desk.post(`${base}/check-out`, { code: 'A0002', desk: '1' })).json()).toMatchObject({
      changed: true,
      status: 'absent',
    });
    expect((await desk.post(`${base}/leave`, { code: 'A0003', reason: 'illness' })).json()).toMatchObject({
      changed: true,
      leaveReason: '因病',
    });
    await desk.post(`${base}/leave`, { code: 'A0004', reason: 'personal', note: '出差' });
    await desk.post(`${base}/check-in`, { code: 'A0007', desk: '1' }); // without a vote [Q4]
    const counts = (await desk.get(`${base}/counts`)).json();
    expect(counts).toMatchObject({
      expected: 6,
      present: 1,
      absent: 3,
      onLeave: { total: 2, personal: 1, illness: 1 },
      nonVoting: { expected: 1, present: 1 },
      quorum: { rule: 'Q1', met: false, minimumPresent: 4 },
    });
    expect((await desk.post(`${base}/cancel-leave`, { code: 'A0004' })).json()).toMatchObject({
      changed: true,
      status: 'absent',
    });
    const absent = (await desk.get(`${base}/absent`)).json().delegates;
    expect(absent.map((d: { code: string }) => d.code).sort()).toEqual(['A0002', 'A0004', 'A0005', 'A0006']);
    const open = await new Client(test.app).get(
      `/api/congresses/${fixture.congressId}/attendance/public-counts`,
    );
    expect(open.statusCode).toBe(200);
    expect(open.json().sittings[0]).toMatchObject({ sittingId: fixture.sittingId, expected: 6, present: 1 });
    expect(open.body).not.toContain('王小强');
    expect(await writeCounts(database)).toMatchObject({ events: 7 });
  });

  it('twenty identical scans from two desks at once: one state change, nineteen harmless answers', async () => {
    const { database, desk, base } = await setUp();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        desk.post(`${base}/check-in`, { code: 'A0001', desk: String((i % 2) + 1) }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(responses.filter((r) => r.json().changed)).toHaveLength(1);
    expect(await writeCounts(database)).toMatchObject({ attendance: 1, events: 1 });
  });

  it('refuses bad input in both languages, naming the field, and changes nothing', async () => {
    const { database, desk, base, fixture } = await setUp();
    const unknown = await desk.post(`${base}/check-in`, { code: 'Z9999', desk: '1' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({
      code: 'not-found',
      en: expect.stringContaining('Z9999'),
      zh: expect.stringContaining('代表'),
    });
    const cases: [unknown, string][] = [
      [{ code: 'A0001' }, 'body.desk'],
      [{ code: 'A0001', desk: '1', extra: true }, 'body.extra'],
      [{ desk: '1' }, 'body.code'],
      [{ code: 'A0001', delegateId: 'x', desk: '1' }, 'body.code'],
      [{ code: 42, desk: '1' }, 'body.code'],
      [{ code: 'A0001', desk: '' }, 'body.desk'],
    ];
    for (const [body, field] of cases) {
      const response = await desk.post(`${base}/check-in`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'invalid-input',
        field,
        en: expect.any(String),
        zh: expect.any(String),
      });
    }
    const badLeave = await desk.post(`${base}/leave`, { code: 'A0001', reason: 'holiday' });
    expect(badLeave.json().error).toMatchObject({ field: 'body.reason' });
    const noNote = await desk.post(`${base}/leave`, { code: 'A0001', reason: 'other' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error).toMatchObject({ field: 'body.note', zh: expect.stringContaining('说明') });
    expect((await desk.get(`${base}/search`)).json().error).toMatchObject({ field: 'query.q' });
    const wrongSitting = await desk.post(
      `/api/congresses/${fixture.congressId}/sittings/nope/attendance/check-in`,
      { code: 'A0001', desk: '1' },
    );
    expect(wrongSitting.statusCode).toBe(404);
    expect(await writeCounts(database)).toMatchObject({ attendance: 0, events: 0 });
  });

  it('authorization: who may call each attendance route', async () => {
    const { database, fixture, desk, base } = await setUp();
    const congressId = fixture.congressId;
    const as = async (role: 'admin' | 'teller' | 'scrutineer' | 'presiding') =>
      clientWithRoles(test, `${role}1`, [{ congressId, role }]);
    await database.db
      .updateTable('delegates')
      .set({ credential_hash: credentialHash(congressId, 'CARD-0005') })
      .where('code', '=', 'A0005')
      .execute();
    const clients: Record<string, Client> = {
      public: new Client(test.app),
      delegate: await new Client(test.app).delegateLogin(congressId, 'CARD-0005'),
      teller: await as('teller'),
      scrutineer: await as('scrutineer'),
      presiding: await as('presiding'),
      'check-in': desk,
      admin: await as('admin'),
      // A check-in account of another congress has no roles here.
      'check-in elsewhere': await clientWithRoles(test, 'desk-elsewhere', [
        { congressId: 'another', role: 'check-in' },
      ]),
    };
    const deskOnly = ['check-in', 'admin'];
    const routes: { call: (c: Client) => ReturnType<Client['get']>; allowed: string[] }[] = [
      { call: (c) => c.post(`${base}/check-in`, { code: 'A0001', desk: '1' }), allowed: deskOnly },
      { call: (c) => c.post(`${base}/check-out`, { code: 'A0002', desk: '1' }), allowed: deskOnly },
      { call: (c) => c.post(`${base}/leave`, { code: 'A0003', reason: 'personal' }), allowed: deskOnly },
      { call: (c) => c.post(`${base}/cancel-leave`, { code: 'A0003' }), allowed: deskOnly },
      { call: (c) => c.get(`${base}/search?q=wxq`), allowed: deskOnly },
      { call: (c) => c.get(`${base}/absent`), allowed: deskOnly },
      {
        call: (c) => c.get(`${base}/counts`),
        allowed: ['check-in', 'admin', 'presiding', 'scrutineer', 'teller'],
      },
      {
        call: (c) => c.get(`/api/congresses/${congressId}/attendance/public-counts`),
        allowed: Object.keys(clients),
      },
    ];
    for (const [index, route] of routes.entries()) {
      for (const [who, client] of Object.entries(clients)) {
        const status = (await route.call(client)).statusCode;
        const expected = route.allowed.includes(who) ? 200 : who === 'public' ? 401 : 403;
        expect(status, `route ${index} as ${who}`).toBe(expected);
      }
    }
  });
});

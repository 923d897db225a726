import { afterEach, expect, it } from 'vitest';
import { snapshot } from '../../services/congress/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('HTTP: organisations, terms and congresses', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  async function setUp() {
    test = await testApp(await openMigrated(target));
    const admin = await clientWithRoles(test, 'secretariat', [{ congressId: '*', role: 'admin' }]);
    const region = (
      await admin.post('/api/organisations', {
        name: '中共内蒙古自治区委员会',
        shortName: '自治区党委',
        locality: '内蒙古自治区',
        level: 'province',
      })
    ).json();
    const city = (
      await admin.post('/api/organisations', {
        name: '中共通辽市委员会',
        shortName: '市委',
        locality: '通辽市',
        level: 'city',
        parentId: region.id,
      })
    ).json();
    const created = await admin.post('/api/congresses', {
      kind: 'congress',
      organisationId: city.id,
      number: 6,
      venue: '市行政中心大礼堂',
      startsOn: '2026-09-27',
      endsOn: '2026-09-29',
    });
    expect(created.statusCode).toBe(200);
    return { admin, region, city, congress: created.json() };
  }

  it('creates a congress and a plenary with their Chinese titles; anyone sees the basics only', async () => {
    const { admin, city, congress } = await setUp();
    expect(congress).toMatchObject({
      title: '中国共产党通辽市第六次代表大会',
      ruleSet: 'local-congress',
      status: 'preparing',
    });
    const term = (
      await admin.post(`/api/organisations/${city.id}/terms`, {
        body: 'committee',
        number: 6,
        startedOn: '2026-09-29',
        electedByCongressId: congress.id,
      })
    ).json();
    expect(term.title).toBe('中国共产党通辽市第六届委员会');
    const plenary = (
      await admin.post('/api/congresses', { kind: 'plenary', termId: term.id, plenaryNumber: 1 })
    ).json();
    expect(plenary).toMatchObject({ name: '市委六届一次全会', ruleSet: 'local-plenary' });
    const anyone = new Client(test.app);
    const list = await anyone.get('/api/congresses');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toContainEqual({
      id: congress.id,
      title: '中国共产党通辽市第六次代表大会',
      startsOn: '2026-09-27',
      endsOn: '2026-09-29',
      venue: '市行政中心大礼堂',
    });
    expect(Object.keys((await anyone.get(`/api/congresses/${congress.id}/public`)).json()).sort()).toEqual([
      'endsOn',
      'id',
      'startsOn',
      'title',
      'venue',
    ]);
    // The full record is for those who work the congress.
    expect((await anyone.get(`/api/congresses/${congress.id}`)).statusCode).toBe(401);
    const teller = await clientWithRoles(test, 'teller1', [{ congressId: congress.id, role: 'teller' }]);
    expect((await teller.get(`/api/congresses/${congress.id}`)).json()).toMatchObject({
      status: 'preparing',
      secretaryGeneral: null,
    });
    const otherTeller = await clientWithRoles(test, 'teller2', [{ congressId: plenary.id, role: 'teller' }]);
    expect((await otherTeller.get(`/api/congresses/${congress.id}`)).statusCode).toBe(403);
  });

  it('answers bad input with 400 naming the field in both languages, and writes nothing', async () => {
    const { admin, city, congress } = await setUp();
    const before = await snapshot(test.context.database);
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/congresses', { kind: 'congress', organisationId: city.id, number: 0 }, 'body.number'],
      [
        'POST',
        '/api/congresses',
        { kind: 'congress', organisationId: city.id, number: 7, colour: 'red' },
        'body.colour',
      ],
      ['POST', '/api/congresses', { kind: 'synod', organisationId: city.id, number: 7 }, 'body.kind'],
      [
        'POST',
        '/api/organisations',
        { name: '某', shortName: '委', locality: '某', level: 'planet' },
        'body.level',
      ],
      [
        'POST',
        `/api/organisations/${city.id}/terms`,
        { body: 'committee', number: 7, startedOn: '2026-13-01' },
        'body.startedOn',
      ],
      ['PATCH', `/api/congresses/${congress.id}`, { startsOn: '2026-09-30', endsOn: '2026-09-29' }, 'endsOn'],
    ];
    for (const [method, url, body, field] of cases) {
      const response = await admin.request(method as 'POST', url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(400);
      const error = response.json().error;
      expect(error).toMatchObject({ code: 'invalid-input', field });
      expect(error.en.length).toBeGreaterThan(0);
      expect(error.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    const conflict = await admin.post('/api/congresses', {
      kind: 'congress',
      organisationId: city.id,
      number: 6,
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({ code: 'congress-exists', zh: '本组织第6次代表大会已存在' });
    const rule = await admin.post(`/api/organisations/${city.id}/terms`, {
      body: 'committee',
      number: 5,
      startedOn: '2021-09-29',
      electedByCongressId: congress.id,
    });
    expect(rule.statusCode).toBe(422);
    expect(rule.json().error).toMatchObject({ rule: 'P7' });
    expect(await snapshot(test.context.database)).toEqual(before);
  });

  it('refuses set-up writes to the public (401) and to other roles (403), changing nothing', async () => {
    const { city, congress } = await setUp();
    const presiding = await clientWithRoles(test, 'chair', [{ congressId: congress.id, role: 'presiding' }]);
    const anyone = new Client(test.app);
    const before = await snapshot(test.context.database);
    const writes: [string, string, unknown][] = [
      ['POST', '/api/organisations', { name: '某', shortName: '委', locality: '某', level: 'city' }],
      ['POST', '/api/congresses', { kind: 'congress', organisationId: city.id, number: 7 }],
      ['PATCH', `/api/congresses/${congress.id}`, { venue: '别处' }],
      [
        'POST',
        `/api/organisations/${city.id}/terms`,
        { body: 'committee', number: 7, startedOn: '2026-09-29' },
      ],
      ['PUT', `/api/congresses/${congress.id}/bodies/presidium`, { members: [] }],
      ['POST', `/api/congresses/${congress.id}/close`, {}],
    ];
    for (const [method, url, body] of writes) {
      expect((await anyone.request(method as 'POST', url, body)).statusCode, `${method} ${url}`).toBe(401);
      const refused = await presiding.request(method as 'POST', url, body);
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
      expect(refused.json().error).toMatchObject({ code: 'forbidden', zh: '您的角色无权进行此操作' });
    }
    expect(await snapshot(test.context.database)).toEqual(before);
  });

  it('[P6] records the higher committee’s approval of a secretary over HTTP', async () => {
    const { admin, city } = await setUp();
    const term = (
      await admin.post(`/api/organisations/${city.id}/terms`, {
        body: 'committee',
        number: 6,
        startedOn: '2026-09-29',
      })
    ).json();
    await admin.post(`/api/terms/${term.id}/positions`, { personName: '孟宪东', position: 'member' });
    const secretary = (
      await admin.post(`/api/terms/${term.id}/positions`, { personName: '孟宪东', position: 'secretary' })
    ).json();
    expect(secretary.reportingStatus).toBe('pending-approval');
    const missing = await admin.post(`/api/terms/${term.id}/positions/${secretary.id}/approve`, {});
    expect(missing.json().error).toMatchObject({ field: 'body.note', zh: '必须填写' });
    const approved = await admin.post(`/api/terms/${term.id}/positions/${secretary.id}/approve`, {
      note: '自治区党委批复同意',
    });
    expect(approved.json()).toMatchObject({
      reportingStatus: 'approved',
      approvalNote: '自治区党委批复同意',
    });
    const view = (await admin.get(`/api/terms/${term.id}`)).json();
    expect(view.positions.map((p: { position: string }) => p.position)).toEqual(['secretary', 'member']);
  });
});

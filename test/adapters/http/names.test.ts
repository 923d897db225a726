import { afterEach, expect, it } from 'vitest';
import { makeIdNumber } from '../../../src/core/text/id-number.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { type Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

// Issue 13, item 12, through the API: a name with an invisible or direction character, an
// unpaired surrogate or markup is refused wherever it enters (the delegate form, the import,
// candidates, officers, write-ins' schema, positions, units…), in both languages and naming the
// field; accepted names are stored normalised, so 张伟 and 张\u200b伟 can never stand side by side.

describeEachDatabase('HTTP: names', (target) => {
  let test: TestApp | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  async function setUp(): Promise<{ admin: Client; base: string; organisationId: string }> {
    test = await testApp(await openMigrated(target));
    const admin = await clientWithRoles(test, 'secretariat', [{ congressId: '*', role: 'admin' }]);
    const organisation = await admin.post('/api/organisations', {
      name: '中共示范市委员会',
      shortName: '市委',
      locality: '示范市',
      level: 'city',
    });
    const congress = await admin.post('/api/congresses', {
      kind: 'congress',
      organisationId: organisation.json().id,
      number: 13,
    });
    return { admin, base: `/api/congresses/${congress.json().id}`, organisationId: organisation.json().id };
  }

  /** A raw JSON body, so that a lone surrogate travels as the escape \ud800 does in JSON. */
  const raw = (admin: Client, method: 'POST' | 'PUT', url: string, json: string) =>
    test!.app.inject({
      method,
      url,
      headers: { ...admin.sessionHeaders(method), 'content-type': 'application/json' },
      payload: json,
    });

  it('the delegate form refuses what the rule refuses, and stores names normalised', async () => {
    const { admin, base } = await setUp();
    const fields = { ethnicity: '汉族', idNumber: makeIdNumber('150502', '1975-03-12', 123) };
    const stored = await admin.post(`${base}/delegates`, { name: ' 张\u3000伟 ', ...fields });
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json().name).toBe('张伟');
    for (const [name, zh] of [
      ['张\u200b伟', '不可见字符'],
      ['\u202e伟张', '文字方向控制字符'],
      ['<b>张伟</b>', '<'],
      ['张\u0000伟', '控制字符'],
    ]) {
      const refused = await admin.post(`${base}/delegates`, { name, ...fields });
      expect(refused.statusCode, name).toBe(400);
      expect(refused.json().error).toMatchObject({ field: 'body.name', zh: expect.stringContaining(zh!) });
    }
    const surrogate = await raw(
      admin,
      'POST',
      `${base}/delegates`,
      `{"name":"张\\ud800伟","ethnicity":"汉族","idNumber":"${fields.idNumber}"}`,
    );
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().error).toMatchObject({
      field: 'body.name',
      en: expect.stringContaining('surrogate'),
    });
    expect(((await admin.get(`${base}/delegates`)).json() as { name: string }[]).map((d) => d.name)).toEqual([
      '张伟',
    ]);
  });

  it('candidates, officers, a unit and a delegation take the same rule', async () => {
    const { admin, base, organisationId } = await setUp();
    const election = (
      await admin.post(`${base}/elections`, {
        office: 'committee-member',
        title: '选举委员',
        seats: 2,
        ballotMode: 'paper',
      })
    ).json();
    const candidates = await admin.put(`${base}/elections/${election.id}/candidates`, {
      candidates: [{ name: '王宁' }, { name: '张\u200b伟' }, { name: '李红' }],
    });
    expect(candidates.statusCode).toBe(400);
    expect(candidates.json().error).toMatchObject({
      field: 'body.candidates[1].name',
      zh: expect.stringContaining('U+200B'),
    });
    const officers = await admin.put(`${base}/elections/${election.id}/officers`, {
      officers: [{ role: 'chief-scrutineer', name: '\u2066赵敏\u2069' }],
    });
    expect(officers.json().error).toMatchObject({ field: 'body.officers[0].name' });
    const unit = await admin.post(`/api/organisations/${organisationId}/units`, {
      name: '<img src=x>市委组织部',
    });
    expect(unit.json().error).toMatchObject({ field: 'body.name', zh: expect.stringContaining('<') });
    const delegation = await admin.post(`${base}/delegations`, { name: '第一代表团\ufeff' });
    expect(delegation.json().error).toMatchObject({
      field: 'body.name',
      zh: expect.stringContaining('U+FEFF'),
    });
    // The same names, clean, are taken and normalised.
    const ok = await admin.put(`${base}/elections/${election.id}/candidates`, {
      candidates: [{ name: '王 宁' }, { name: '张伟' }, { name: '买买提.艾力' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const view = (await admin.get(`${base}/elections/${election.id}`)).json();
    expect(view.candidates.map((c: { name: string }) => c.name).sort()).toEqual(
      ['买买提·艾力', '张伟', '王宁'].sort(),
    );
  });

  it('the import refuses the markup and the invisible characters the form refuses', async () => {
    const { admin, base } = await setUp();
    const id = (n: number) => makeIdNumber('150502', '1975-03-12', 100 + n);
    const csv = [
      '姓名,民族,入党时间,职务,代表团,公民身份号码',
      `王宁,汉族,1998-10,市委书记,第一代表团,${id(1)}`,
      `<b>李红</b>,汉族,1998-10,市长,第一代表团,${id(2)}`,
      `张\u200b伟,汉族,1998-10,副市长,第一代表团,${id(3)}`,
      `赵敏,汉族,1998-10,秘书长,第一\u202e代表团,${id(4)}`,
    ].join('\r\n');
    const preview = await admin.post(`${base}/delegate-imports/preview`, {
      fileName: 'list.csv',
      contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ total: 4, validCount: 1 });
    expect(preview.json().errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'name'],
      [4, 'name'],
      [5, 'delegation'],
    ]);
  });
});

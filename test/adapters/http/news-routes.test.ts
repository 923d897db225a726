import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditActions, CONGRESS, PLENARY, seedNewsCongress } from '../../services/news/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('news API', (target) => {
  let test: TestApp;
  let admin: Client;

  beforeEach(async () => {
    const database = await openMigrated(target);
    await seedNewsCongress(database);
    test = await testApp(database);
    admin = await clientWithRoles(test, 'secretariat', [{ congressId: CONGRESS, role: 'admin' }]);
  });
  afterEach(async () => test?.close());

  /** Rows and audit entries: what a refused request must leave alone. */
  async function state() {
    const db = test.context.database.db;
    return {
      items: await db.selectFrom('news_items').selectAll().orderBy('id').execute(),
      templates: await db.selectFrom('news_templates').selectAll().execute(),
      audit: await auditActions(test.context.database),
    };
  }

  it('the secretariat drafts, edits and publishes; anyone reads the published item', async () => {
    const generated = await admin.post(`/api/congresses/${CONGRESS}/news`, { kind: 'opening' });
    expect(generated.statusCode).toBe(200);
    const draft = generated.json();
    expect(draft).toMatchObject({
      status: 'draft',
      kind: 'opening',
      category: 'news',
      titleZh: '中国共产党通辽市第六次代表大会隆重开幕',
    });
    expect(draft.bodyZh).toContain('本次大会应到代表12名，因事因病请假3人，实到代表9名，符合法定人数。');

    const anyone = new Client(test.app);
    expect((await anyone.get('/api/news')).json()).toEqual({ items: [], total: 0 });
    expect((await anyone.get(`/api/news/${draft.id}`)).statusCode).toBe(404);

    const edited = await admin.patch(`/api/congresses/${CONGRESS}/news/${draft.id}`, {
      bodyEn: 'On the morning of 27 September the congress opened.',
      links: [{ url: `/api/congresses/${CONGRESS}/elections/e/list.pdf`, titleZh: '当选名单' }],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      bodyEn: 'On the morning of 27 September the congress opened.',
      links: [{ titleZh: '当选名单', titleEn: '' }],
    });

    expect((await admin.post(`/api/congresses/${CONGRESS}/news/${draft.id}/publish`)).json()).toMatchObject({
      status: 'published',
    });
    const list = (await anyone.get('/api/news')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: draft.id, congressId: CONGRESS, views: 0 });
    expect((await anyone.get(`/api/news?congressId=${CONGRESS}&category=news&limit=5`)).json().total).toBe(1);
    expect((await anyone.get(`/api/news/${draft.id}`)).json()).toMatchObject({
      id: draft.id,
      bodyEn: 'On the morning of 27 September the congress opened.',
    });
    // The secretariat's list shows every state.
    expect((await admin.get(`/api/congresses/${CONGRESS}/news`)).json()).toHaveLength(1);

    expect((await admin.post(`/api/congresses/${CONGRESS}/news/${draft.id}/withdraw`)).json()).toMatchObject({
      status: 'withdrawn',
    });
    expect((await anyone.get('/api/news')).json().total).toBe(0);
    expect((await anyone.get(`/api/news/${draft.id}`)).statusCode).toBe(404);
    expect(await auditActions(test.context.database)).toEqual(
      expect.arrayContaining(['news.generate', 'news.edit', 'news.publish', 'news.withdraw']),
    );
    const actions = (await auditActions(test.context.database)).filter((a) => a.startsWith('news.'));
    expect(actions).toEqual(['news.generate', 'news.edit', 'news.publish', 'news.withdraw']);
  });

  it('refuses everyone but the secretariat, and a refused request changes nothing', async () => {
    const draft = (await admin.post(`/api/congresses/${CONGRESS}/news`, { kind: 'opening' })).json();
    const teller = await clientWithRoles(test, 'teller', [{ congressId: CONGRESS, role: 'teller' }]);
    const otherAdmin = await clientWithRoles(test, 'other-admin', [{ congressId: PLENARY, role: 'admin' }]);
    const anyone = new Client(test.app);
    const before = await state();
    const attempts: [string, string, unknown][] = [
      ['POST', `/api/congresses/${CONGRESS}/news`, { kind: 'closing' }],
      [
        'POST',
        `/api/congresses/${CONGRESS}/news/custom`,
        { category: 'notice', titleZh: '通知', bodyZh: '正文' },
      ],
      ['PATCH', `/api/congresses/${CONGRESS}/news/${draft.id}`, { titleZh: '改' }],
      ['POST', `/api/congresses/${CONGRESS}/news/${draft.id}/publish`, {}],
      ['POST', `/api/congresses/${CONGRESS}/news/${draft.id}/withdraw`, {}],
      ['GET', `/api/congresses/${CONGRESS}/news`, undefined],
      ['GET', `/api/congresses/${CONGRESS}/news/${draft.id}`, undefined],
      ['PUT', '/api/news/templates/opening/zh', { title: 'x', body: 'y' }],
      ['DELETE', '/api/news/templates/opening/zh', undefined],
    ];
    for (const [method, url, payload] of attempts) {
      for (const [who, client, status] of [
        ['teller', teller, 403],
        ['admin of another congress', otherAdmin, 403],
        ['public', anyone, 401],
      ] as const) {
        const response = await client.request(method as 'GET', url, payload);
        expect(response.statusCode, `${method} ${url} as ${who}`).toBe(status);
      }
    }
    // The congress's admin may not change the templates every congress shares.
    expect(
      (await admin.request('PUT', '/api/news/templates/opening/zh', { title: 'x', body: 'y' })).statusCode,
    ).toBe(403);
    // Bad input and bad state are refused too, and leave nothing behind.
    expect((await admin.post(`/api/congresses/${CONGRESS}/news`, { kind: 'speech' })).statusCode).toBe(400);
    expect(
      (
        await admin.patch(`/api/congresses/${CONGRESS}/news/${draft.id}`, {
          images: [{ url: 'javascript:alert(1)' }],
        })
      ).statusCode,
    ).toBe(400);
    expect((await admin.post(`/api/congresses/${CONGRESS}/news/${draft.id}/withdraw`)).statusCode).toBe(409);
    expect((await admin.post(`/api/congresses/${PLENARY}/news`, { kind: 'opening' })).statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('templates: read, replace and reset by the administrator of every congress', async () => {
    const root = await clientWithRoles(test, 'root', [{ congressId: '*', role: 'admin' }]);
    const templates = (await root.get('/api/news/templates')).json();
    // Six kinds of report, each in Chinese and English.
    expect(templates).toHaveLength(12);
    expect(templates[0]).toMatchObject({ kind: 'opening', lang: 'zh', isDefault: true });

    const refused = await root.request('PUT', '/api/news/templates/opening/en', {
      title: '{{congress.fullName}} opens',
      body: 'Hello {{nobody}}',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      field: 'body',
      en: 'unknown placeholder {{nobody}} (line 1, column 7)',
    });
    expect(
      (await root.request('PUT', '/api/news/templates/speech/zh', { title: 'x', body: 'y' })).statusCode,
    ).toBe(404);

    const saved = await root.request('PUT', '/api/news/templates/opening/en', {
      title: '{{congress.fullName}} begins',
      body: '{{opening.attendance}}.',
    });
    expect(saved.json()).toMatchObject({ kind: 'opening', lang: 'en', isDefault: false });
    const preview = (await root.get(`/api/congresses/${CONGRESS}/news/preview?kind=opening`)).json();
    expect(preview).toMatchObject({
      titleEn: 'The 6th CPC Tongliao Municipal Congress begins',
      bodyEn: '12 delegates were expected, 3 were on leave, 9 attended; the quorum was met.',
    });
    expect((await root.request('DELETE', '/api/news/templates/opening/en')).json()).toMatchObject({
      isDefault: true,
    });
    expect((await auditActions(test.context.database)).filter((a) => a.startsWith('news.'))).toEqual([
      'news.template.save',
      'news.template.reset',
    ]);
  });

  it('the plenary decision is drafted from the plenary’s own URL', async () => {
    const root = await clientWithRoles(test, 'root', [{ congressId: '*', role: 'admin' }]);
    const response = await root.post(`/api/congresses/${PLENARY}/news`, {
      kind: 'plenary-decision',
      category: 'communique',
    });
    expect(response.json()).toMatchObject({
      congressId: PLENARY,
      category: 'communique',
      titleZh: '市委六届二次全体会议举行',
    });
    expect(response.json().bodyZh).toContain('出席这次全会的市委委员5名，候补委员2名。');
  });
});

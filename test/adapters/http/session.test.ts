import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('sessions', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  it('logs in, tells who is logged in, requires the CSRF token on writes, logs out', async () => {
    test = await testApp(await openMigrated(target));
    const admin = await clientWithRoles(test, 'secretariat', [{ congressId: '*', role: 'admin' }]);
    const me = await admin.get('/api/session');
    expect(me.json()).toMatchObject({
      kind: 'account',
      username: 'secretariat',
      roles: expect.arrayContaining(['admin']),
    });
    // A write with the cookie but without the token is refused.
    const cookie = (admin as unknown as { cookie: string }).cookie;
    const forged = await test.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error).toMatchObject({ code: 'csrf', zh: expect.stringContaining('令牌') });
    expect((await admin.delete('/api/session')).statusCode).toBe(204);
    expect((await admin.get('/api/session')).json()).toMatchObject({ kind: 'public' });
  });

  it('refuses a wrong password in both languages and throttles repeated failures', async () => {
    test = await testApp(await openMigrated(target));
    await clientWithRoles(test, 'teller1', []);
    const attempt = () =>
      test.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'teller1', password: 'wrong' },
      });
    const first = await attempt();
    expect(first.statusCode).toBe(401);
    expect(first.json().error).toMatchObject({ en: 'wrong username or password', zh: '用户名或密码错误' });
    for (let i = 0; i < 4; i++) expect((await attempt()).statusCode).toBe(401);
    // After five failures attempts wait (a delay, not a lock): the right password still gets in.
    const started = performance.now();
    await expect(new Client(test.app).login('teller1', 'teller1-password')).resolves.toBeInstanceOf(Client);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('rejects malformed bodies with the field named', async () => {
    test = await testApp(await openMigrated(target));
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'x', password: 'y', extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid-input', field: 'body.extra' });
    expect((await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().openapi).toBe('3.1.0');
  });
});

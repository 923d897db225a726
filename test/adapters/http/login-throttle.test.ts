import { afterEach, expect, it } from 'vitest';
import { buildApp } from '../../../src/adapters/http/app.ts';
import { makeIdNumber } from '../../../src/core/text/id-number.ts';
import { MemoryLoginThrottle } from '../../../src/services/accounts/login-throttle.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { clientWithRoles, type TestApp, TestClock, testContext } from '../../support/http.ts';

// Issue 13, item 8: after 5 wrong passwords the right one was refused for 15 minutes, staff and
// delegates shared the per-address key, and behind a proxy the whole hall was one address. Now
// failures slow further attempts (the account's from anywhere, the address's), the right password
// always gets in after the wait, staff and delegates are counted apart, and a configured trusted
// proxy's X-Forwarded-For names the client.

describeEachDatabase('HTTP: the login throttle', (target) => {
  let test: TestApp | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  /** An app whose throttle "waits" by moving the test clock, and records each wait. */
  async function setUp(options: { hold?: boolean } = {}) {
    const database = await openMigrated(target);
    const clock = new TestClock();
    const context = testContext(database, clock);
    const waits: number[] = [];
    const held: (() => void)[] = [];
    const throttle = new MemoryLoginThrottle(clock, {
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
        if (options.hold) await new Promise<void>((resolve) => held.push(resolve));
      },
    });
    const app = await buildApp({
      context,
      throttle,
      secureCookies: false,
      checkResponses: true,
      trustProxy: '127.0.0.1',
    });
    test = { app, context, clock, close: () => app.close() };
    const admin = await clientWithRoles(test, 'secretariat', [{ congressId: '*', role: 'admin' }]);
    await clientWithRoles(test, 'teller1', []);
    const login = (password: string, from: string, username = 'teller1') =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'x-forwarded-for': from },
        payload: { username, password },
      });
    return { app, admin, waits, held, login };
  }

  it('five wrong passwords slow the next attempts, and the right password still gets in', async () => {
    const { waits, login } = await setUp();
    for (let i = 0; i < 5; i++) expect((await login('wrong', '10.0.0.7')).statusCode).toBe(401);
    expect(waits).toEqual([]);
    const right = await login('teller1-password', '10.0.0.7');
    expect(right.statusCode, right.body).toBe(200);
    expect(waits).toEqual([1000]);
    // Each further failure doubles the wait, up to the address's cap of 30 s; never a refusal.
    waits.length = 0;
    for (let i = 0; i < 8; i++) expect((await login('wrong', '10.0.0.7')).statusCode).toBe(401);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect((await login('teller1-password', '10.0.0.7')).statusCode).toBe(200);
  });

  it('someone guessing from elsewhere costs the owner seconds at most, not a lock-out', async () => {
    const { waits, login } = await setUp();
    for (let i = 0; i < 20; i++) expect((await login('guess', `10.9.0.${i % 3}`)).statusCode).toBe(401);
    waits.length = 0;
    expect((await login('teller1-password', '192.168.1.20')).statusCode).toBe(200);
    // The account's cap: 8 s, from an address that never failed.
    expect(waits).toEqual([8000]);
    // A success forgets the account's failures.
    waits.length = 0;
    expect((await login('teller1-password', '192.168.1.20')).statusCode).toBe(200);
    expect(waits).toEqual([]);
  });

  it("a desk's failed staff logins do not slow the delegates at that address, nor the other way", async () => {
    const { admin, waits, login, app } = await setUp();
    const organisation = await admin.post('/api/organisations', {
      name: '中共示范市委员会',
      shortName: '市委',
      locality: '示范市',
      level: 'city',
    });
    const congress = (
      await admin.post('/api/congresses', {
        kind: 'congress',
        organisationId: organisation.json().id,
        number: 13,
      })
    ).json();
    const base = `/api/congresses/${congress.id}`;
    await admin.post(`${base}/delegates`, {
      name: '王宁',
      ethnicity: '汉族',
      idNumber: makeIdNumber('150502', '1975-03-12', 123),
    });
    const [card] = (await admin.post(`${base}/delegate-credentials`, {})).json();
    const delegateLogin = (code: string, from: string) =>
      app.inject({
        method: 'POST',
        url: `${base}/delegate-session`,
        headers: { 'x-forwarded-for': from },
        payload: { code },
      });
    for (let i = 0; i < 12; i++) expect((await login('wrong', '10.0.0.8')).statusCode).toBe(401);
    waits.length = 0;
    expect((await delegateLogin(card.credential, '10.0.0.8')).statusCode).toBe(200);
    expect(waits).toEqual([]);
    for (let i = 0; i < 12; i++)
      expect((await delegateLogin('WRONG-CODE-1', '10.0.0.11')).statusCode).toBe(401);
    waits.length = 0;
    expect((await login('secretariat-password', '10.0.0.11', 'secretariat')).statusCode).toBe(200);
    expect(waits).toEqual([]);
  });

  it('a hall behind one address: thirty delegates logging in at the same moment are all let in', async () => {
    const { app, admin } = await setUp();
    const organisation = await admin.post('/api/organisations', {
      name: '中共示范市委员会',
      shortName: '市委',
      locality: '示范市',
      level: 'city',
    });
    const congress = (
      await admin.post('/api/congresses', {
        kind: 'congress',
        organisationId: organisation.json().id,
        number: 13,
      })
    ).json();
    const base = `/api/congresses/${congress.id}`;
    const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞波';
    for (let i = 0; i < 30; i++) {
      const added = await admin.post(`${base}/delegates`, {
        name: `王${given[i]}`,
        gender: '男',
        ethnicity: '汉族',
        idNumber: makeIdNumber('150502', '1975-03-12', 201 + 2 * i),
      });
      expect(added.statusCode, added.body).toBe(200);
    }
    const cards = (await admin.post(`${base}/delegate-credentials`, {})).json() as { credential: string }[];
    expect(cards).toHaveLength(30);
    const answers = await Promise.all(
      cards.map((card) =>
        app.inject({
          method: 'POST',
          url: `${base}/delegate-session`,
          headers: { 'x-forwarded-for': '10.0.0.20' },
          payload: { code: card.credential },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(30).fill(200));
  });

  it('one address may keep only four attempts waiting; the fifth is refused in both languages', async () => {
    const { held, login } = await setUp({ hold: true });
    for (let i = 0; i < 5; i++) await login('wrong', '10.0.0.9', `nobody${i}`);
    const waiting = Array.from({ length: 4 }, (_, i) => login('wrong', '10.0.0.9', `other${i}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await login('wrong', '10.0.0.9', 'fifth');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({
      code: 'too-many-attempts',
      zh: expect.stringContaining('秒后再试'),
    });
    // Another address is not affected.
    const elsewhere = login('teller1-password', '10.0.0.10');
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const release of held.splice(0)) release();
    expect((await Promise.all(waiting)).map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
    expect((await elsewhere).statusCode).toBe(200);
  });

  it('X-Forwarded-For counts only from a trusted proxy', async () => {
    const database = await openMigrated(target);
    const clock = new TestClock();
    const waits: number[] = [];
    const throttle = new MemoryLoginThrottle(clock, {
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    });
    // No trusted proxy: the header is ignored, and every attempt comes from the connection's address.
    const app = await buildApp({ context: testContext(database, clock), throttle, secureCookies: false });
    test = { app, context: testContext(database, clock), clock, close: () => app.close() };
    for (let i = 0; i < 5; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'x-forwarded-for': `10.0.1.${i}` },
        payload: { username: `user${i}`, password: 'wrong' },
      });
    }
    await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-for': '10.0.1.99' },
      payload: { username: 'someone', password: 'wrong' },
    });
    expect(waits).toEqual([1000]);
  });
});

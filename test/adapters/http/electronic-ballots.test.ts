import { afterEach, expect, it } from 'vitest';
import { electronicBallotRoutes } from '../../../src/adapters/http/routes/electronic-ballot-routes.ts';
import type { Role } from '../../../src/persistence/congress-schema.ts';
import { castCounts, seedElectronicRound } from '../../services/ballots/electronic/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('electronic ballots over HTTP', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  it('authorization matrix: every electronic-ballot route with every kind of caller', async () => {
    const database = await openMigrated(target);
    test = await testApp(database);
    const fixture = await seedElectronicRound(database, { delegates: 4 });
    const other = await seedElectronicRound(database, { tag: 'x', delegates: 2 });
    const staff = async (role: Role, congressId = fixture.congressId) =>
      clientWithRoles(test, `${role}-${congressId}`, [{ congressId, role }]);
    const callers: Array<{ label: string; client: Client; roles: readonly Role[] }> = [
      { label: 'public', client: new Client(test.app), roles: ['public'] },
      {
        label: 'delegate',
        client: await new Client(test.app).delegateLogin(
          fixture.congressId,
          fixture.delegates[0]!.credential,
        ),
        roles: ['delegate', 'public'],
      },
      {
        label: 'delegate of another congress',
        client: await new Client(test.app).delegateLogin(other.congressId, other.delegates[0]!.credential),
        roles: ['public'],
      },
      {
        label: 'admin of another congress',
        client: await staff('admin', other.congressId),
        roles: ['public'],
      },
    ];
    for (const role of ['admin', 'presiding', 'scrutineer', 'teller', 'check-in'] as const) {
      callers.push({ label: role, client: await staff(role), roles: [role, 'public'] });
    }
    const url = (template: string) =>
      template
        .replace(':congressId', fixture.congressId)
        .replace(':roundId', fixture.roundId)
        .replace(':receipt', 'AAAA-BBBB-CCCC');
    expect(electronicBallotRoutes).toHaveLength(10);
    for (const { endpoint: route } of electronicBallotRoutes) {
      for (const caller of callers) {
        const allowed = route.allow === 'anyone' || route.allow.some((role) => caller.roles.includes(role));
        const response =
          route.method === 'POST'
            ? await caller.client.post(url(route.path), { marks: 'F----' })
            : await caller.client.get(url(route.path));
        const where = `${route.method} ${route.path} as ${caller.label}: ${response.statusCode} ${response.body}`;
        if (allowed) expect([401, 403], where).not.toContain(response.statusCode);
        else expect(response.statusCode, where).toBe(caller.label === 'public' ? 401 : 403);
      }
    }
    // The one allowed cast went through; every refused one wrote nothing.
    expect(await castCounts(database)).toEqual({ ballots: 1, voters: 1, audit: expect.any(Number) });
  });

  it('a delegate sees the form, casts once and gets a receipt; staff follow progress; anyone verifies after the close', async () => {
    const database = await openMigrated(target);
    test = await testApp(database);
    const fixture = await seedElectronicRound(database, { delegates: 6 });
    const base = `/api/congresses/${fixture.congressId}/rounds/${fixture.roundId}/electronic`;
    const delegate = await new Client(test.app).delegateLogin(
      fixture.congressId,
      fixture.delegates[0]!.credential.toLowerCase(),
    );
    const presiding = await clientWithRoles(test, 'presiding', [
      { congressId: fixture.congressId, role: 'presiding' },
    ]);
    const anyone = new Client(test.app);

    const nothingCast = await castCounts(database);
    const form = await delegate.get(`${base}/ballot`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({
      candidates: fixture.candidates.map((name) => ({ name })),
      seats: 3,
      writeInSlots: 3,
      hasVoted: false,
      mayVote: true,
    });

    // Bad input: 400, the field named, both languages, nothing written.
    const short = await delegate.post(`${base}/cast`, { marks: 'F-' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({
      code: 'invalid-input',
      field: 'marks',
      en: expect.stringContaining('5 candidates'),
      zh: expect.stringContaining('5名候选人'),
    });
    const extra = await delegate.post(`${base}/cast`, { marks: 'F----', proxyFor: 'someone' });
    expect(extra.json().error).toMatchObject({ code: 'invalid-input', field: 'body.proxyFor' });
    const printed = await delegate.post(`${base}/cast`, {
      marks: 'F----',
      writeIns: [fixture.candidates[1]],
    });
    expect(printed.json().error).toMatchObject({
      field: 'writeIns[0]',
      zh: expect.stringContaining('是候选人'),
    });
    // [B3] over-marked: explained, and accepted only when confirmed.
    const overMarked = await delegate.post(`${base}/cast`, { marks: 'FFFF-' });
    expect(overMarked.statusCode).toBe(400);
    expect(overMarked.json().error).toMatchObject({
      code: 'ballot-over-marked',
      rule: 'B3',
      zh: expect.stringContaining('无效票'),
    });
    expect(await castCounts(database)).toEqual({ ...nothingCast, ballots: 0, voters: 0 });

    const cast = await delegate.post(`${base}/cast`, { marks: 'FF-A-', writeIns: ['丁宁'] });
    expect(cast.statusCode).toBe(201);
    const { receipt } = cast.json() as { receipt: string };
    expect(receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const proxy = await clientWithRoles(test, 'proxy-open', [
      { congressId: fixture.congressId, role: 'delegate' },
    ]);
    const byProxy = await proxy.post(`${base}/cast`, { marks: '-----' });
    expect(byProxy.statusCode).toBe(403);
    expect(byProxy.json().error).toMatchObject({
      rule: 'Q5',
      zh: expect.stringContaining('不能委托他人代为投票'),
    });
    const again = await delegate.post(`${base}/cast`, { marks: '-----' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'already-voted',
      zh: expect.stringContaining('不能重复投票'),
    });
    expect((await delegate.get(`${base}/ballot`)).json()).toMatchObject({ hasVoted: true, mayVote: false });
    const second = await new Client(test.app).delegateLogin(
      fixture.congressId,
      fixture.delegates[1]!.credential,
    );
    expect((await second.post(`${base}/cast`, { marks: 'FFFF-', confirmInvalid: true })).statusCode).toBe(
      201,
    );

    expect((await presiding.get(`${base}/progress`)).json()).toEqual({
      roundId: fixture.roundId,
      status: 'open',
      issued: 7,
      voted: 2,
      notYetVoted: 5,
    });
    expect((await anyone.get(`${base}/turnout`)).json()).toEqual({
      roundId: fixture.roundId,
      status: 'open',
      issued: 7,
      voted: 2,
    });
    const waiting = (await presiding.get(`${base}/not-yet-voted`)).json() as {
      delegates: Array<{ name: string; delegation: string }>;
    };
    expect(waiting.delegates).toHaveLength(5);
    expect(waiting.delegates.map((d) => d.name)).not.toContain(fixture.delegates[0]!.name);
    for (const entry of waiting.delegates) expect(Object.keys(entry).sort()).toEqual(['delegation', 'name']);

    // Nothing is published before the close.
    const early = await anyone.get(`${base}/ballots`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'ballots-not-published', zh: '选票在投票结束后公布' });
    expect((await anyone.get(`${base}/receipt/${receipt}`)).statusCode).toBe(409);

    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    // [B4] Sealed until the scrutineers open them: the board shows the sealed ballots only.
    const sealedOnly = (await anyone.get(`${base}/ballots`)).json();
    expect(sealedOnly).toMatchObject({ opened: false, ballots: [] });
    expect(sealedOnly.sealed.map((b: { tracker: string }) => b.tracker)).toContain(receipt);
    const scrutineer = await clientWithRoles(test, 'scrutineer', [
      { congressId: fixture.congressId, role: 'scrutineer' },
    ]);
    expect((await presiding.post(`${base}/key-shares`, { shares: [fixture.shares[0]] })).statusCode).toBe(
      403,
    );
    const one = await scrutineer.post(`${base}/key-shares`, { shares: [fixture.shares[0]] });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ threshold: 2, entered: 1, opened: false, sealed: 2 });
    const bad = await scrutineer.post(`${base}/key-shares`, { shares: ['AAAA-BBBB'] });
    expect(bad.json().error).toMatchObject({ code: 'invalid-input', field: 'share' });
    expect((await presiding.get(`${base}/key`)).json()).toMatchObject({ entered: 1, opened: false });
    const two = await scrutineer.post(`${base}/key-shares`, { shares: [fixture.shares[1]] });
    expect(two.json()).toMatchObject({ opened: true });
    const published = await anyone.get(`${base}/ballots`);
    expect(published.statusCode).toBe(200);
    expect(published.json().ballots).toHaveLength(2);
    expect(published.json().sealed).toHaveLength(2);
    // Issue 13 item 5: the receipt shows that the ballot is on the board, never its marks.
    const mine = await anyone.get(`${base}/receipt/${receipt.toLowerCase()}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({
      tracker: receipt,
      onBoard: true,
      ciphertext: expect.any(String),
      sealed: 2,
    });
    expect(mine.body).not.toMatch(/FF-A-|丁宁/);
    expect((await anyone.get(`${base}/receipt/ZZZZ-ZZZZ-ZZZZ`)).statusCode).toBe(404);
    expect((await anyone.get(`${base}/receipt/nonsense`)).json().error).toMatchObject({
      code: 'invalid-input',
      field: 'receipt',
    });
    // [Q5] A staff account holding the delegate role passes the route's check but is still nobody's proxy.
    const account = await clientWithRoles(test, 'proxy', [
      { congressId: fixture.congressId, role: 'delegate' },
    ]);
    expect((await account.get(`${base}/ballot`)).statusCode).toBe(403);
    // After the close nobody casts.
    const late = await new Client(test.app).delegateLogin(
      fixture.congressId,
      fixture.delegates[2]!.credential,
    );
    expect((await late.post(`${base}/cast`, { marks: '-----' })).json().error).toMatchObject({
      code: 'round-not-open',
    });
    // A round of another congress is not found under this one.
    const foreign = await seedElectronicRound(database, { tag: 'f' });
    expect(
      (await anyone.get(`/api/congresses/${fixture.congressId}/rounds/${foreign.roundId}/electronic/turnout`))
        .statusCode,
    ).toBe(404);
  });
});

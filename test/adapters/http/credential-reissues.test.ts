import { afterEach, expect, it } from 'vitest';
import { seedElectronicRound } from '../../services/ballots/electronic/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

// Issue 13 item 4 [B4]: an administrator could vote in a delegate's name by issuing the delegate a
// new code during an open round, logging in with it and casting. While an electronic vote is open
// a new code takes a second person: the administrator asks, a scrutineer approves and receives it,
// and the presiding page lists it.

describeEachDatabase('a new credential while an electronic vote is open', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  it('[B4] issue 13 item 4: the administrator alone gets no code; a scrutineer approves, receives it, and it is listed', async () => {
    const database = await openMigrated(target);
    test = await testApp(database);
    const fixture = await seedElectronicRound(database, { delegates: 4 });
    const base = `/api/congresses/${fixture.congressId}`;
    const admin = await clientWithRoles(test, 'admin', [{ congressId: fixture.congressId, role: 'admin' }]);
    const scrutineer = await clientWithRoles(test, 'scrutineer', [
      { congressId: fixture.congressId, role: 'scrutineer' },
    ]);
    const both = await clientWithRoles(test, 'both', [
      { congressId: fixture.congressId, role: 'admin' },
      { congressId: fixture.congressId, role: 'scrutineer' },
    ]);
    const presiding = await clientWithRoles(test, 'presiding', [
      { congressId: fixture.congressId, role: 'presiding' },
    ]);
    const victim = fixture.delegates[2]!;

    // What the issue did: a new code during the open round, then log in and cast. Refused now.
    const alone = await admin.post(`${base}/delegate-credentials`, { delegateIds: [victim.id] });
    expect(alone.statusCode).toBe(409);
    expect(alone.json().error).toMatchObject({
      code: 'second-person-required',
      rule: 'B4',
      zh: expect.stringContaining('监票人确认'),
    });
    // The old card still works; nothing changed.
    await new Client(test.app).delegateLogin(fixture.congressId, victim.credential);

    const asked = await admin.post(`${base}/credential-reissues`, {
      delegateId: victim.id,
      reason: '代表证遗失',
    });
    expect(asked.statusCode).toBe(201);
    const reissue = asked.json();
    expect(reissue).toMatchObject({
      delegateId: victim.id,
      name: victim.name,
      reason: '代表证遗失',
      requestedBy: 'admin',
      status: 'pending',
      approvedBy: null,
      openVotes: [{ kind: 'round', id: fixture.roundId, title: expect.stringContaining('第1轮') }],
    });
    // Not the one who asked, even holding the scrutineer role too.
    test.clock.advance(60_000);
    const self = await both.post(`${base}/credential-reissues`, { delegateId: victim.id, reason: '同一人' });
    const selfApproval = await both.post(`${base}/credential-reissues/${self.json().id}/approve`);
    expect(selfApproval.statusCode).toBe(403);
    expect(selfApproval.json().error).toMatchObject({ code: 'second-person-required' });
    // The administrator cannot approve at all (the route is the scrutineers').
    expect((await admin.post(`${base}/credential-reissues/${reissue.id}/approve`)).statusCode).toBe(403);

    const approved = await scrutineer.post(`${base}/credential-reissues/${reissue.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.headers['cache-control']).toBe('no-store');
    const { credential, reissue: done } = approved.json();
    expect(done).toMatchObject({
      status: 'approved',
      approvedBy: 'scrutineer',
      approvedAt: expect.any(String),
    });
    expect(credential).toMatchObject({ delegateId: victim.id, credential: expect.any(String) });
    // The new code works, the old one no longer does.
    await new Client(test.app).delegateLogin(fixture.congressId, credential.credential);
    await expect(new Client(test.app).delegateLogin(fixture.congressId, victim.credential)).rejects.toThrow(
      /401|403/,
    );
    expect((await scrutineer.post(`${base}/credential-reissues/${reissue.id}/approve`)).statusCode).toBe(409);

    // The presiding page's list: every request, newest first, with who asked and who approved.
    const list = await presiding.get(`${base}/credential-reissues`);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((r: { reason: string; status: string }) => [r.reason, r.status])).toEqual([
      ['同一人', 'pending'],
      ['代表证遗失', 'approved'],
    ]);
    expect((await new Client(test.app).get(`${base}/credential-reissues`)).statusCode).toBe(401);
    // The audit log: who asked, who approved; never the code.
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'after_json'])
      .where('action', 'like', 'delegate.credential.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'delegate.credential.reissue-request',
      'delegate.credential.reissue-request',
      'delegate.credential.reissue-approve',
    ]);
    expect(JSON.stringify(audit)).not.toContain(credential.credential);

    // Once no electronic vote is open, credentials are issued as before.
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    expect((await admin.post(`${base}/delegate-credentials`, { delegateIds: [victim.id] })).statusCode).toBe(
      200,
    );
  });
});

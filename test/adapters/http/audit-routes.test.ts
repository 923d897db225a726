import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditHead } from '../../../src/persistence/index.ts';
import { type AuditScenario, auditScenario } from '../../services/audit/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('audit log API', (target) => {
  let test: TestApp;
  let scenario: AuditScenario;

  beforeEach(async () => {
    test = await testApp(await openMigrated(target));
    scenario = await auditScenario(test.context);
  });
  afterEach(async () => test?.close());

  it("an administrator of a congress reads that congress's entries, and only those", async () => {
    const { congressId, otherCongressId } = scenario;
    const admin = await clientWithRoles(test, 'secretariat', [{ congressId, role: 'admin' }]);
    const page = await admin.get(`/api/congresses/${congressId}/audit?action=term-position&limit=2`);
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.total).toBe(5);
    expect(body.entries.map((e: { action: string }) => e.action)).toEqual([
      'term-position.approve',
      'term-position.add',
    ]);
    expect(body.entries[0]).toMatchObject({
      actor: 'account:system',
      subject: expect.stringMatching(/^term-position:/),
      before: { reportingStatus: 'pending-approval' },
      after: { reportingStatus: 'approved', approvalNote: '自治区党委批复同意' },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(body.actions).toContain('attendance.check-in');
    expect(body.actions).not.toContain('organisation.create');
    expect(body.head).toEqual(await auditHead(test.context.database.db));

    expect((await admin.get(`/api/congresses/${otherCongressId}/audit`)).statusCode).toBe(403);
    // The whole log is for those who hold the role in every congress.
    expect((await admin.get('/api/audit')).statusCode).toBe(403);
  });

  it("[B4] a scrutineer reads who voted in the congress's rounds, never what", async () => {
    const scrutineer = await clientWithRoles(test, 'scrutineer', [
      { congressId: scenario.otherCongressId, role: 'scrutineer' },
    ]);
    const response = await scrutineer.get(`/api/congresses/${scenario.otherCongressId}/audit`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.entries.map((e: { after: unknown }) => e.after)).toEqual([{ voted: true }, { voted: true }]);
    for (const receipt of scenario.receipts) expect(response.body).not.toContain(receipt.replaceAll('-', ''));
    for (const marks of scenario.marks) expect(response.body).not.toContain(`"${marks}"`);
  });

  it('the whole log for the roles held in every congress; verification for every reader', async () => {
    const global = await clientWithRoles(test, 'chief-scrutineer', [{ congressId: '*', role: 'scrutineer' }]);
    const all = (await global.get('/api/audit?action=organisation')).json();
    expect(all.entries.map((e: { action: string }) => e.action)).toEqual([
      'organisation.create',
      'organisation.create',
    ]);
    expect(all.labels[all.entries[0].subject]).toEqual({ name: '中共通辽市委员会' });

    const before = await auditHead(test.context.database.db);
    const verdict = await global.get(`/api/congresses/${scenario.congressId}/audit/verify`);
    expect(verdict.statusCode).toBe(200);
    expect(verdict.json()).toEqual({ ok: true, entries: before.seq, head: before });
    // Reading writes nothing.
    expect(await auditHead(test.context.database.db)).toEqual(before);
  });

  it('refuses other roles and the public, bad queries and unknown congresses', async () => {
    const { congressId } = scenario;
    const teller = await clientWithRoles(test, 'teller', [{ congressId, role: 'teller' }]);
    expect((await teller.get(`/api/congresses/${congressId}/audit`)).statusCode).toBe(403);
    expect((await teller.get(`/api/congresses/${congressId}/audit/verify`)).statusCode).toBe(403);
    expect((await new Client(test.app).get(`/api/congresses/${congressId}/audit`)).statusCode).toBe(401);

    const admin = await clientWithRoles(test, 'chief', [{ congressId: '*', role: 'admin' }]);
    for (const bad of ['limit=0', 'limit=201', 'offset=-1', 'seq=3', 'action=']) {
      const response = await admin.get(`/api/congresses/${congressId}/audit?${bad}`);
      expect(response.statusCode, bad).toBe(400);
    }
    expect((await admin.get('/api/congresses/no-such-congress/audit')).statusCode).toBe(404);
    expect((await admin.get('/api/congresses/no-such-congress/audit/verify')).statusCode).toBe(404);
  });
});

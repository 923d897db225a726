import { afterEach, expect, it } from 'vitest';
import { auditHead } from '../../../src/persistence/index.ts';
import { seedPaperCongress } from '../../services/ballots/paper/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('paper ballot routes', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  async function setup() {
    const database = await openMigrated(target);
    test = await testApp(database);
    const congress = await seedPaperCongress(database);
    const { congressId, roundId } = congress;
    const as = (username: string, ...roles: Array<'teller' | 'scrutineer' | 'admin' | 'presiding'>) =>
      clientWithRoles(
        test,
        username,
        roles.map((role) => ({ congressId, role })),
      );
    return {
      database,
      congress,
      base: `/api/congresses/${congressId}/rounds/${roundId}/paper`,
      teller1: await as('teller1', 'teller'),
      teller2: await as('teller2', 'teller'),
      scrutineer: await as('scrutineer1', 'scrutineer'),
      admin: await as('admin1', 'admin'),
      presiding: await as('presiding1', 'presiding'),
      anonymous: new Client(test.app),
    };
  }

  it('keys both passes, shows the disagreement to the scrutineer, resolves it and reconciles', async () => {
    const s = await setup();
    const sheets = [
      { sheetNo: 1, marks: 'FFF--' },
      { sheetNo: 2, marks: 'F-AF-', writeIns: ['刘洋'] },
      { sheetNo: 3, marks: '-----', voidReason: '有识别标记' },
    ];
    for (const sheet of sheets) {
      const response = await s.teller1.post(`${s.base}/entries`, { pass: 'A', batchNo: 1, ...sheet });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ outcome: 'created', entry: { pass: 'A', ...sheet } });
    }
    // A retried request: the existing entry, 200, nothing new.
    const head = await auditHead(s.database.db);
    const retry = await s.teller1.post(`${s.base}/entries`, { pass: 'A', batchNo: 1, ...sheets[0] });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ outcome: 'unchanged', entry: { marks: 'FFF--' } });
    expect(await auditHead(s.database.db)).toEqual(head);

    for (const sheet of sheets) {
      const read = sheet.sheetNo === 2 ? { ...sheet, marks: 'F-AA-' } : sheet;
      expect((await s.teller2.post(`${s.base}/entries`, { pass: 'B', batchNo: 1, ...read })).statusCode).toBe(
        201,
      );
    }
    // Each teller sees their own pass only.
    const mine = await s.teller2.get(`${s.base}/entries?batchNo=1`);
    expect(mine.statusCode).toBe(200);
    expect(
      mine.json().entries.map((e: { pass: string; sheetNo: number }) => `${e.pass}${e.sheetNo}`),
    ).toEqual(['B1', 'B2', 'B3']);
    expect((await s.teller1.get(`${s.base}/entries?pass=B`)).json().entries).toEqual([]);

    const comparison = await s.scrutineer.get(`${s.base}/comparison`);
    expect(comparison.statusCode).toBe(200);
    expect(comparison.json().batches).toEqual([
      expect.objectContaining({
        batchNo: 1,
        agreed: [1, 3],
        disagreements: [
          expect.objectContaining({
            sheetNo: 2,
            a: expect.objectContaining({ marks: 'F-AF-', writeIns: ['刘洋'], enteredBy: 'teller1' }),
            b: expect.objectContaining({ marks: 'F-AA-', writeIns: ['刘洋'], enteredBy: 'teller2' }),
            differingCandidates: [{ column: 3, candidate: '张伟', a: 'for', b: 'against' }],
          }),
        ],
      }),
    ]);
    expect((await s.admin.get(`${s.base}/comparison?batchNo=1`)).statusCode).toBe(200);

    const resolved = await s.scrutineer.post(`${s.base}/resolutions`, {
      batchNo: 1,
      sheetNo: 2,
      marks: 'F-AF-',
      writeIns: ['刘洋'],
    });
    expect(resolved.statusCode, resolved.body).toBe(201);

    await s.congress.world.setRoundStatus(s.congress.roundId, 'closed', { ballotsIssued: 3 });
    for (const client of [s.teller1, s.scrutineer, s.admin, s.presiding]) {
      const reconciliation = await client.get(`${s.base}/reconciliation`);
      expect(reconciliation.statusCode).toBe(200);
      expect(reconciliation.json()).toMatchObject({
        reconciliation: { rule: 'B2', issued: 3, returned: 3, valid: true },
        progress: { sheets: 3, agreed: 2, resolved: 1, unresolved: 0, settled: 3 },
        provisional: {
          provisional: true,
          ballots: { counted: 3, valid: 2, invalid: 1 },
          writeIns: [{ name: '刘洋', for: 1 }],
        },
      });
    }
  });

  it('authorizes every route explicitly; a refused request changes nothing', async () => {
    const s = await setup();
    expect(
      (await s.teller1.post(`${s.base}/entries`, { pass: 'A', batchNo: 1, sheetNo: 1, marks: 'FFF--' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await s.teller2.post(`${s.base}/entries`, { pass: 'B', batchNo: 1, sheetNo: 1, marks: 'FF---' }))
        .statusCode,
    ).toBe(201);
    const head = await auditHead(s.database.db);
    const entry = { pass: 'A', batchNo: 1, sheetNo: 2, marks: 'FFF--' };
    const resolution = { batchNo: 1, sheetNo: 1, marks: 'FFF--' };
    const expectations: Array<[() => Promise<{ statusCode: number }>, number]> = [
      [() => s.teller1.post(`${s.base}/resolutions`, resolution), 403],
      [() => s.scrutineer.post(`${s.base}/entries`, entry), 403],
      [() => s.admin.post(`${s.base}/entries`, entry), 403],
      [() => s.presiding.post(`${s.base}/resolutions`, resolution), 403],
      [() => s.teller1.get(`${s.base}/comparison`), 403],
      [() => s.presiding.get(`${s.base}/comparison`), 403],
      [() => s.scrutineer.get(`${s.base}/entries`), 403],
      [() => s.anonymous.get(`${s.base}/reconciliation`), 401],
      [() => s.anonymous.post(`${s.base}/entries`, entry), 401],
      [() => s.anonymous.get(`${s.base}/comparison`), 401],
      // Same teller, other pass of the same batch.
      [() => s.teller1.post(`${s.base}/entries`, { ...entry, pass: 'B' }), 409],
      // Different content for a keyed sheet without `correct`.
      [() => s.teller1.post(`${s.base}/entries`, { ...entry, sheetNo: 1, marks: 'F----' }), 409],
      // Malformed bodies name the field.
      [() => s.teller1.post(`${s.base}/entries`, { ...entry, marks: 'FF' }), 400],
      [() => s.teller1.post(`${s.base}/entries`, { ...entry, pass: 'C' }), 400],
      [() => s.teller1.post(`${s.base}/entries`, { ...entry, extra: 1 }), 400],
    ];
    for (const [request, status] of expectations) expect((await request()).statusCode).toBe(status);
    const bad = await s.teller1.post(`${s.base}/entries`, { ...entry, marks: 'FF' });
    expect(bad.json().error).toMatchObject({
      code: 'invalid-input',
      field: 'marks',
      zh: expect.stringContaining('5名候选人'),
    });
    expect(await auditHead(s.database.db)).toEqual(head);
    expect((await s.scrutineer.post(`${s.base}/resolutions`, resolution)).statusCode).toBe(201);
  });

  it('finds a round only under its own congress, and refuses keying once counted', async () => {
    const s = await setup();
    const other = await seedPaperCongress(s.database, { tag: 'q' });
    const elsewhere = `/api/congresses/${s.congress.congressId}/rounds/${other.roundId}/paper`;
    expect(
      (await s.teller1.post(`${elsewhere}/entries`, { pass: 'A', batchNo: 1, sheetNo: 1, marks: 'FFF--' }))
        .statusCode,
    ).toBe(404);
    expect((await s.admin.get(`${elsewhere}/reconciliation`)).statusCode).toBe(404);
    const electronic = `/api/congresses/${s.congress.congressId}/rounds/${s.congress.electronicRoundId}/paper`;
    expect((await s.admin.get(`${electronic}/reconciliation`)).json().error).toMatchObject({
      code: 'not-paper-round',
    });
    await s.congress.world.setRoundStatus(s.congress.roundId, 'counted', { ballotsIssued: 0 });
    const late = await s.teller1.post(`${s.base}/entries`, {
      pass: 'A',
      batchNo: 1,
      sheetNo: 1,
      marks: 'FFF--',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'round-counted', zh: expect.stringContaining('已计票') });
  });
});

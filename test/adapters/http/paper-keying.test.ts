import { afterEach, expect, it } from 'vitest';
import { seedPaperCongress } from '../../services/ballots/paper/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('paper keying progress over HTTP', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  it('[P2] shows every teller, scrutineer and presiding officer how far each pass is keyed', async () => {
    test = await testApp(await openMigrated(target));
    const { congressId, roundId } = await seedPaperCongress(test.context.database);
    const as = (username: string, role: 'teller' | 'scrutineer' | 'presiding' | 'check-in') =>
      clientWithRoles(test, username, [{ congressId, role }]);
    const teller1 = await as('teller1', 'teller');
    const teller2 = await as('teller2', 'teller');
    const base = `/api/congresses/${congressId}/rounds/${roundId}/paper`;
    await teller1.post(`${base}/entries`, { pass: 'A', batchNo: 1, sheetNo: 1, marks: 'FFF--' });
    await teller1.post(`${base}/entries`, { pass: 'A', batchNo: 1, sheetNo: 2, marks: 'FF---' });

    for (const client of [
      teller2,
      await as('scrutineer1', 'scrutineer'),
      await as('presiding1', 'presiding'),
    ]) {
      const response = await client.get(`${base}/keying`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        roundId,
        status: 'open',
        tellers: [{ username: 'teller1', pass: 'A', sheets: 2, batches: [{ batchNo: 1, sheets: 2 }] }],
      });
      // The other pass's progress, never its marks.
      expect(response.body).not.toContain('FFF--');
    }
    expect((await (await as('desk1', 'check-in')).get(`${base}/keying`)).statusCode).toBe(403);
    expect((await new Client(test.app).get(`${base}/keying`)).statusCode).toBe(401);
  });
});

import { afterEach, expect, it } from 'vitest';
import { seedAttendanceCongress } from '../../services/attendance/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('delegates on leave over HTTP', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  it('lists who is on leave and why for the desks and the secretariat, not for other staff', async () => {
    test = await testApp(await openMigrated(target));
    const { congressId, sittingId } = await seedAttendanceCongress(test.context.database, {
      voting: 4,
      names: ['王小强', '丁宁'],
    });
    const desk = await clientWithRoles(test, 'desk1', [{ congressId, role: 'check-in' }]);
    const admin = await clientWithRoles(test, 'admin1', [{ congressId, role: 'admin' }]);
    const presiding = await clientWithRoles(test, 'presiding1', [{ congressId, role: 'presiding' }]);
    const base = `/api/congresses/${congressId}/sittings/${sittingId}/attendance`;
    await desk.post(`${base}/leave`, { code: 'A0001', reason: 'illness', note: '住院治疗' });
    await desk.post(`${base}/leave`, { code: 'A0002', reason: 'personal' });

    for (const client of [desk, admin]) {
      const response = await client.get(`${base}/on-leave`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().delegates).toEqual([
        // By delegation first: 王小强 is in the first, 丁宁 in the second.
        expect.objectContaining({ name: '王小强', code: 'A0001', kind: 'illness', note: '住院治疗' }),
        expect.objectContaining({ name: '丁宁', code: 'A0002', kind: 'personal', note: null }),
      ]);
    }
    expect((await presiding.get(`${base}/on-leave`)).statusCode).toBe(403);
    expect(
      (await desk.get(`/api/congresses/${congressId}/sittings/nope/attendance/on-leave`)).statusCode,
    ).toBe(404);
  });
});

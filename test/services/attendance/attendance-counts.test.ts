import { expect, it } from 'vitest';
import { absentDelegates } from '../../../src/services/attendance/absent-delegates.ts';
import { sittingAttendanceCounts } from '../../../src/services/attendance/attendance-counts.ts';
import { checkIn } from '../../../src/services/attendance/check-in.ts';
import { currentAttendance } from '../../../src/services/attendance/current-attendance.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { testContext } from '../../support/http.ts';
import { DESK, seedAttendanceCongress } from './fixtures.ts';

describeEachDatabase('attendance counts', (target) => {
  it('[Q1] the opening of 通辽市第六次代表大会: 417 expected, 4 on leave, 413 present, quorum met', async () => {
    const database = await openMigrated(target);
    const { congress, congressId, sittingId, delegates } = await seedAttendanceCongress(database, {
      voting: 417,
    });
    await congress.attendance(sittingId, [
      ...delegates.slice(0, 413).map((d) => ({ delegate: d.id, status: 'present' as const })),
      { delegate: delegates[413]!.id, status: 'leave', leaveReason: '因事' },
      { delegate: delegates[414]!.id, status: 'leave', leaveReason: '因事' },
      { delegate: delegates[415]!.id, status: 'leave', leaveReason: '因病' },
      { delegate: delegates[416]!.id, status: 'leave', leaveReason: '因病：住院' },
    ]);
    const counts = await sittingAttendanceCounts(database.db, congressId, sittingId);
    expect(counts).toMatchObject({
      expected: 417,
      present: 413,
      absent: 0,
      onLeave: { total: 4, personal: 2, illness: 2, other: 0 },
      quorum: {
        rule: 'Q1',
        met: true,
        present: 413,
        expected: 417,
        minimumPresent: 209,
        ruleSet: 'local-congress',
        fraction: '1/2',
      },
    });
    expect(counts.summary.zh).toBe('应到代表417名，请假4人（因事2人，因病2人），实到代表413名，符合法定人数');
    expect(counts.summary.en).toContain('present 413 of 417');
    expect(counts.summary.en).toContain('minimum 209');
  });

  it('[Q1] at the boundary: 208 of 417 is not a quorum, 209 is', async () => {
    const database = await openMigrated(target);
    const { congress, congressId, sittingId, delegates } = await seedAttendanceCongress(database, {
      voting: 417,
    });
    await congress.attendance(
      sittingId,
      delegates.slice(0, 208).map((d) => ({ delegate: d.id, status: 'present' as const })),
    );
    const below = await sittingAttendanceCounts(database.db, congressId, sittingId);
    expect(below.quorum).toMatchObject({ met: false, present: 208, minimumPresent: 209 });
    expect(below.summary.zh).toContain('不足法定人数（至少须209名）');
    expect(below.absent).toBe(209);
    await congress.attendance(sittingId, [{ delegate: delegates[208]!.id, status: 'present' }]);
    expect((await sittingAttendanceCounts(database.db, congressId, sittingId)).quorum).toMatchObject({
      met: true,
      present: 209,
    });
  });

  it('[Q2] a plenary needs more than two thirds: 20 of 30 is not enough, 21 is', async () => {
    const database = await openMigrated(target);
    const { congress, congressId, sittingId, delegates } = await seedAttendanceCongress(database, {
      voting: 30,
      kind: 'plenary',
    });
    await congress.attendance(
      sittingId,
      delegates.slice(0, 20).map((d) => ({ delegate: d.id, status: 'present' as const })),
    );
    const below = await sittingAttendanceCounts(database.db, congressId, sittingId);
    expect(below.quorum).toMatchObject({
      rule: 'Q2',
      met: false,
      present: 20,
      expected: 30,
      minimumPresent: 21,
      fraction: '2/3',
    });
    expect(below.summary.zh).toMatch(/^应到委员30名，实到委员20名，不足法定人数/);
    await congress.attendance(sittingId, [{ delegate: delegates[20]!.id, status: 'present' }]);
    expect((await sittingAttendanceCounts(database.db, congressId, sittingId)).quorum).toMatchObject({
      met: true,
      present: 21,
    });
  });

  it('[Q4] a non-voting attendee who checks in is counted apart, never as expected or present', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database, {
      voting: 3,
      nonVoting: 2,
    });
    for (const delegate of [delegates[0]!, delegates[3]!, delegates[4]!]) {
      await checkIn(context, DESK, { congressId, sittingId, delegate: { code: delegate.code }, desk: '1' });
    }
    const counts = await sittingAttendanceCounts(database.db, congressId, sittingId);
    expect(counts).toMatchObject({
      expected: 3,
      present: 1,
      absent: 2,
      nonVoting: { expected: 2, present: 2 },
    });
    expect(counts.quorum).toMatchObject({ met: false, present: 1, expected: 3, minimumPresent: 2 });
  });

  it('lists the absent without leave by delegation for the secretariat, voting rights marked', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congress, congressId, sittingId, delegates } = await seedAttendanceCongress(database, {
      voting: 5,
      nonVoting: 1,
      delegations: 2,
      names: ['王小强', '丁宁', '于波', '丁小强', '马丽', '刘华'],
    });
    await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { code: delegates[0]!.code },
      desk: '1',
    });
    await congress.attendance(sittingId, [
      { delegate: delegates[1]!.id, status: 'leave', leaveReason: '因病' },
    ]);
    const absent = await absentDelegates(database.db, congressId, sittingId);
    // Delegation 1 holds delegates 1, 3, 5 (王小强 present, 于波, 马丽); delegation 2 holds 2, 4, 6 (丁宁 on leave, 丁小强, 刘华).
    expect(absent.map((d) => [d.delegation, d.name, d.votingRights])).toEqual([
      ['第1代表团', '于波', true],
      ['第1代表团', '马丽', true],
      ['第2代表团', '丁小强', true],
      ['第2代表团', '刘华', false],
    ]);
  });

  it('the big screen shows the open sittings, or before any opens the next scheduled one', async () => {
    const database = await openMigrated(target);
    const { congressId, sittingIds } = await seedAttendanceCongress(database, {
      voting: 4,
      sittings: ['closed', 'scheduled', 'scheduled'],
    });
    const before = await currentAttendance(database.db, congressId);
    expect(before.sittings.map((s) => s.sittingId)).toEqual([sittingIds[1]]);
    await database.db
      .updateTable('sittings')
      .set({ status: 'open' })
      .where('id', '=', sittingIds[2]!)
      .execute();
    expect((await currentAttendance(database.db, congressId)).sittings.map((s) => s.sittingId)).toEqual([
      sittingIds[2],
    ]);
    expect(JSON.stringify(before)).not.toMatch(/代表团|A000/);
  });
});

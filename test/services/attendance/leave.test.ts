import { expect, it } from 'vitest';
import { sittingAttendanceCounts } from '../../../src/services/attendance/attendance-counts.ts';
import { checkIn } from '../../../src/services/attendance/check-in.ts';
import { cancelLeave, recordLeave } from '../../../src/services/attendance/leave.ts';
import { InputError } from '../../../src/services/input-error.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { testContext } from '../../support/http.ts';
import { DESK, seedAttendanceCongress, writeCounts } from './fixtures.ts';

describeEachDatabase('leave', (target) => {
  it('records leave with its reason and counts it by kind (因事 / 因病 / 其他)', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database, { voting: 8 });
    const leave = (i: number, kind: 'personal' | 'illness' | 'other', note?: string) =>
      recordLeave(context, DESK, {
        congressId,
        sittingId,
        delegate: { code: delegates[i]!.code },
        kind,
        note,
      });
    expect(await leave(0, 'personal')).toMatchObject({ changed: true, status: 'leave', leaveReason: '因事' });
    expect(await leave(1, 'illness', '住院')).toMatchObject({ changed: true, leaveReason: '因病：住院' });
    await leave(2, 'illness');
    expect(await leave(3, 'other', '出国访问')).toMatchObject({ leaveReason: '其他：出国访问' });
    // The same reason again writes nothing; a different one replaces it.
    const before = await writeCounts(database);
    expect((await leave(0, 'personal')).changed).toBe(false);
    expect(await writeCounts(database)).toEqual(before);
    const events = await database.db
      .selectFrom('attendance_events')
      .select(['action', 'reason'])
      .orderBy('reason')
      .execute();
    expect(events).toEqual([
      { action: 'leave', reason: '其他：出国访问' },
      { action: 'leave', reason: '因事' },
      { action: 'leave', reason: '因病' },
      { action: 'leave', reason: '因病：住院' },
    ]);
    const counts = await sittingAttendanceCounts(database.db, congressId, sittingId);
    expect(counts).toMatchObject({
      expected: 8,
      present: 0,
      absent: 4,
      onLeave: { total: 4, personal: 1, illness: 2, other: 1 },
    });
    expect(counts.summary.zh).toBe(
      '应到代表8名，请假4人（因事1人，因病2人，其他原因1人），实到代表0名，不足法定人数（至少须5名）',
    );
  });

  it('"other" needs a note', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database);
    await expect(
      recordLeave(context, DESK, {
        congressId,
        sittingId,
        delegate: { code: delegates[0]!.code },
        kind: 'other',
      }),
    ).rejects.toBeInstanceOf(InputError);
    expect(await writeCounts(database)).toEqual({ attendance: 0, events: 0, audit: 0 });
  });

  it('leave during the sitting takes a present delegate out; cancelling makes them absent; they may check in again', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database, { voting: 3 });
    const delegate = { code: delegates[0]!.code };
    await checkIn(context, DESK, { congressId, sittingId, delegate, desk: '1' });
    const left = await recordLeave(context, DESK, { congressId, sittingId, delegate, kind: 'illness' });
    expect(left).toMatchObject({
      changed: true,
      previousStatus: 'present',
      status: 'leave',
      checkedOutAt: expect.any(String),
    });
    expect(await sittingAttendanceCounts(database.db, congressId, sittingId)).toMatchObject({
      present: 0,
      onLeave: { total: 1, illness: 1 },
    });
    expect(await cancelLeave(context, DESK, { congressId, sittingId, delegate })).toMatchObject({
      changed: true,
      status: 'absent',
      leaveReason: null,
    });
    expect((await cancelLeave(context, DESK, { congressId, sittingId, delegate })).changed).toBe(false);
    // Someone on leave who turns up after all is simply checked in.
    await recordLeave(context, DESK, { congressId, sittingId, delegate, kind: 'personal' });
    expect(await checkIn(context, DESK, { congressId, sittingId, delegate, desk: '2' })).toMatchObject({
      changed: true,
      previousStatus: 'leave',
      status: 'present',
      leaveReason: null,
    });
    const actions = await database.db
      .selectFrom('attendance_events')
      .select('action')
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'cancel-leave',
      'check-in',
      'check-in',
      'leave',
      'leave',
    ]);
    expect((await writeCounts(database)).audit).toBe(5);
  });
});

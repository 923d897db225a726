import { expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/persistence/index.ts';
import {
  type AttendanceAction,
  attendanceWriter,
} from '../../../src/services/attendance/attendance-change.ts';
import { checkIn, checkOut } from '../../../src/services/attendance/check-in.ts';
import { findDelegate } from '../../../src/services/attendance/delegate-lookup.ts';
import type { ServiceError } from '../../../src/services/errors.ts';
import { submitToGroup } from '../../../src/services/group-commit.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { TestClock, testContext } from '../../support/http.ts';
import { DESK, seedAttendanceCongress, writeCounts } from './fixtures.ts';

describeEachDatabase('check-in and check-out', (target) => {
  it('checks in by the code on the card and by id after a search, one event and one audit entry each', async () => {
    const database = await openMigrated(target);
    const clock = new TestClock(Date.parse('2026-09-27T00:31:00.000Z'));
    const context = testContext(database, clock);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database);
    const byCode = await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { code: delegates[0]!.code },
      desk: '2',
    });
    expect(byCode).toMatchObject({
      changed: true,
      status: 'present',
      previousStatus: 'absent',
      desk: '2',
      checkedInAt: '2026-09-27T00:31:00.000Z',
    });
    expect(byCode.message.en).toContain('checked in at 08:31 (desk 2)');
    // A scanner in caps lock, or a code typed in lower case, is the same card.
    const byLowerCode = await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { code: delegates[1]!.code.toLowerCase() },
      desk: '1',
    });
    expect(byLowerCode).toMatchObject({ changed: true, delegate: { id: delegates[1]!.id } });
    const byId = await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { delegateId: delegates[2]!.id },
      desk: '3',
    });
    expect(byId).toMatchObject({ changed: true, delegate: { code: delegates[2]!.code, votingRights: true } });
    expect(await writeCounts(database)).toEqual({ attendance: 3, events: 3, audit: 3 });
    const events = await database.db.selectFrom('attendance_events').selectAll().orderBy('desk').execute();
    expect(events.map((e) => [e.action, e.desk, e.actor])).toEqual([
      ['check-in', '1', 'account:desk1'],
      ['check-in', '2', 'account:desk1'],
      ['check-in', '3', 'account:desk1'],
    ]);
    const audit = await database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(audit[0]).toMatchObject({
      action: 'attendance.check-in',
      subject: `attendance:${sittingId}:${delegates[0]!.id}`,
    });
  });

  it('a second scan of someone present is harmless: it says when and where, and writes nothing', async () => {
    const database = await openMigrated(target);
    const clock = new TestClock(Date.parse('2026-09-27T00:31:00.000Z'));
    const context = testContext(database, clock);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database);
    await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { code: delegates[0]!.code },
      desk: '2',
    });
    const before = await writeCounts(database);
    clock.advance(5 * 60_000);
    const again = await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { code: delegates[0]!.code },
      desk: '5',
    });
    expect(again).toMatchObject({
      changed: false,
      status: 'present',
      previousStatus: 'present',
      desk: '2',
      checkedInAt: '2026-09-27T00:31:00.000Z',
    });
    expect(again.message.en).toContain('already checked in at 08:31 (desk 2)');
    expect(again.message.zh).toContain('已于08:31签到');
    expect(await writeCounts(database)).toEqual(before);
  });

  it('checks out explicitly; checking out someone absent is harmless; checking in again works', async () => {
    const database = await openMigrated(target);
    const clock = new TestClock(Date.parse('2026-09-27T00:31:00.000Z'));
    const context = testContext(database, clock);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database);
    const code = delegates[0]!.code;
    const notIn = await checkOut(context, DESK, { congressId, sittingId, delegate: { code }, desk: '1' });
    expect(notIn).toMatchObject({ changed: false, status: 'absent' });
    expect(notIn.message.zh).toContain('尚未签到');
    expect(await writeCounts(database)).toEqual({ attendance: 0, events: 0, audit: 0 });
    await checkIn(context, DESK, { congressId, sittingId, delegate: { code }, desk: '1' });
    clock.advance(60 * 60_000);
    const out = await checkOut(context, DESK, { congressId, sittingId, delegate: { code }, desk: '1' });
    expect(out).toMatchObject({
      changed: true,
      previousStatus: 'present',
      status: 'absent',
      checkedOutAt: '2026-09-27T01:31:00.000Z',
    });
    expect(
      (await checkOut(context, DESK, { congressId, sittingId, delegate: { code }, desk: '1' })).changed,
    ).toBe(false);
    clock.advance(10 * 60_000);
    const back = await checkIn(context, DESK, { congressId, sittingId, delegate: { code }, desk: '4' });
    expect(back).toMatchObject({
      changed: true,
      previousStatus: 'absent',
      status: 'present',
      checkedOutAt: null,
      desk: '4',
    });
    expect(await writeCounts(database)).toEqual({ attendance: 1, events: 3, audit: 3 });
  });

  it('twenty desks scanning the same card at once give exactly one state change', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        checkIn(context, DESK, {
          congressId,
          sittingId,
          delegate: { code: delegates[0]!.code },
          desk: String((i % 4) + 1),
        }),
      ),
    );
    expect(outcomes.filter((o) => o.changed)).toHaveLength(1);
    expect(outcomes.every((o) => o.status === 'present')).toBe(true);
    expect(await writeCounts(database)).toEqual({ attendance: 1, events: 1, audit: 1 });
  });

  it('desk actions of one group are written together, each decided in order as if one at a time', async () => {
    const database = await openMigrated(target);
    const clock = new TestClock(Date.parse('2026-09-27T00:31:00.000Z'));
    const context = testContext(database, clock);
    const { congressId, sittingIds, delegates } = await seedAttendanceCongress(database, {
      sittings: ['open', 'open', 'closed'],
    });
    const [first, second, closed] = sittingIds as [string, string, string];
    // Delegate 0 already present at the first sitting before the group.
    await checkIn(context, DESK, {
      congressId,
      sittingId: first,
      delegate: { code: delegates[0]!.code },
      desk: '1',
    });
    const before = await database.db.selectFrom('audit_log').select('seq').execute();
    const atDesk = await Promise.all(
      delegates.slice(0, 4).map((d) => findDelegate(database.db, congressId, { code: d.code })),
    );
    const act = (action: AttendanceAction, sittingId: string, n: number, desk: string, reason?: string) =>
      submitToGroup(context, attendanceWriter, {
        actor: DESK,
        request: { congressId, sittingId, delegate: { code: delegates[n]!.code }, action, desk, reason },
        delegate: atDesk[n]!,
        eventId: `event-${n}-${action}-${desk}`,
      });
    // Submitted in one turn of the event loop: one group, one transaction.
    const outcomes = await Promise.allSettled([
      act('check-in', first, 1, '2'), // absent → present
      act('check-in', first, 0, '3'), // already present: nothing to do
      act('check-out', first, 1, '4'), // present since the first action of the group → absent
      act('check-in', closed, 2, '1'), // refused: the sitting is closed
      act('check-in', second, 2, '2'), // another sitting, same group
      act('check-in', first, 1, '1'), // checked out just now → present again
      act('leave', first, 3, '1', '因病'),
    ]);
    const values = outcomes.map((o) =>
      o.status === 'fulfilled' ? [o.value.changed, o.value.status] : o.reason.code,
    );
    expect(values).toEqual([
      [true, 'present'],
      [false, 'present'],
      [true, 'absent'],
      'sitting-closed',
      [true, 'present'],
      [true, 'present'],
      [true, 'leave'],
    ]);
    // The third action saw the first's row: its previous status is present, not absent.
    expect(outcomes[2]).toMatchObject({
      value: { previousStatus: 'present', checkedOutAt: '2026-09-27T00:31:00.000Z' },
    });
    const rows = await database.db
      .selectFrom('attendance')
      .select(['sitting_id', 'delegate_id', 'status', 'desk', 'checked_out_at', 'leave_reason'])
      .execute();
    const row = (sittingId: string, n: number) =>
      rows.find((r) => r.sitting_id === sittingId && r.delegate_id === delegates[n]!.id);
    expect(row(first, 1)).toMatchObject({ status: 'present', desk: '1', checked_out_at: null });
    expect(row(second, 2)).toMatchObject({ status: 'present', desk: '2' });
    expect(row(first, 3)).toMatchObject({ status: 'leave', leave_reason: '因病' });
    expect(row(closed, 2)).toBeUndefined();
    // One history row and one audit entry per change (5 in the group, after the 1 before it), in
    // the order decided, each with the state it started from.
    expect(await writeCounts(database)).toEqual({ attendance: 4, events: 6, audit: 6 });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'subject', 'before_json', 'after_json'])
      .where('seq', '>', before.length)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.subject])).toEqual([
      ['attendance.check-in', `attendance:${first}:${delegates[1]!.id}`],
      ['attendance.check-out', `attendance:${first}:${delegates[1]!.id}`],
      ['attendance.check-in', `attendance:${second}:${delegates[2]!.id}`],
      ['attendance.check-in', `attendance:${first}:${delegates[1]!.id}`],
      ['attendance.leave', `attendance:${first}:${delegates[3]!.id}`],
    ]);
    expect(JSON.parse(audit[0]!.before_json!)).toBeNull();
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ status: 'present', desk: '2' });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 6 });
    // The streams hear once per sitting changed, not once per action.
    const announced = await database.db
      .selectFrom('stream_events')
      .select('data_json')
      .where('type', '=', 'attendance-changed')
      .orderBy('id')
      .execute();
    expect(
      announced
        .slice(1)
        .map((e) => JSON.parse(e.data_json).sittingId)
        .sort(),
    ).toEqual([first, second].sort());
  });

  it('refuses an unknown code, a delegate or sitting of another congress, and a closed sitting, writing nothing', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, sittingId, sittingIds, delegates } = await seedAttendanceCongress(database, {
      sittings: ['open', 'closed'],
    });
    const other = await seedAttendanceCongress(database, { tag: 'other' });
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => error as ServiceError,
      );
    const unknown = await refusal(
      checkIn(context, DESK, { congressId, sittingId, delegate: { code: 'Z9999' }, desk: '1' }),
    );
    expect(unknown).toMatchObject({
      status: 404,
      en: expect.stringContaining('Z9999'),
      zh: expect.stringContaining('Z9999'),
    });
    const foreignDelegate = await refusal(
      checkIn(context, DESK, {
        congressId,
        sittingId,
        delegate: { delegateId: other.delegates[0]!.id },
        desk: '1',
      }),
    );
    // [issue 13, item 11] An id in a body from another congress is bad input (400), named by its field.
    expect(foreignDelegate).toMatchObject({ field: 'body.delegateId', zh: '不是本次会议的代表' });
    const foreignSitting = await refusal(
      checkIn(context, DESK, {
        congressId,
        sittingId: other.sittingId,
        delegate: { code: delegates[0]!.code },
        desk: '1',
      }),
    );
    expect(foreignSitting).toMatchObject({ status: 404, zh: '会次不存在' });
    const closed = await refusal(
      checkIn(context, DESK, {
        congressId,
        sittingId: sittingIds[1]!,
        delegate: { code: delegates[0]!.code },
        desk: '1',
      }),
    );
    expect(closed).toMatchObject({ status: 409, code: 'sitting-closed' });
    expect(await writeCounts(database)).toEqual({ attendance: 0, events: 0, audit: 0 });
  });

  it('[Q4] checks in a delegate without a vote, and says they are not counted', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database, {
      voting: 2,
      nonVoting: 1,
    });
    const outcome = await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { code: delegates[2]!.code },
      desk: '1',
    });
    expect(outcome).toMatchObject({ changed: true, status: 'present', delegate: { votingRights: false } });
    expect(outcome.message.zh).toContain('列席');
    expect(outcome.message.en).toContain('[Q4]');
  });
});

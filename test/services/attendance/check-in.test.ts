import { expect, it } from 'vitest';
import { checkIn, checkOut } from '../../../src/services/attendance/check-in.ts';
import type { ServiceError } from '../../../src/services/errors.ts';
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

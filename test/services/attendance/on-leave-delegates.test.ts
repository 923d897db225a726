import { expect, it } from 'vitest';
import { checkIn } from '../../../src/services/attendance/check-in.ts';
import { cancelLeave, recordLeave } from '../../../src/services/attendance/leave.ts';
import { onLeaveDelegates } from '../../../src/services/attendance/on-leave-delegates.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { testContext } from '../../support/http.ts';
import { DESK, seedAttendanceCongress } from './fixtures.ts';

describeEachDatabase('delegates on leave', (target) => {
  it('lists who is on leave with the reason, by delegation and then by surname strokes', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    // Two delegations, alternating: 王小强 于波 王五 in the first, 丁宁 丁一 in the second; the
    // last one has no vote [Q4].
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database, {
      voting: 5,
      nonVoting: 1,
      delegations: 2,
      names: ['王小强', '丁宁', '于波', '丁一', '王五', '马力'],
    });
    const leave = (i: number, kind: 'personal' | 'illness' | 'other', note?: string) =>
      recordLeave(context, DESK, {
        congressId,
        sittingId,
        delegate: { code: delegates[i]!.code },
        kind,
        note,
      });
    await leave(0, 'personal');
    await leave(1, 'illness', '住院治疗');
    await leave(2, 'other', '出国访问');
    await leave(3, 'personal');
    await leave(4, 'illness');
    await leave(5, 'personal');
    // Someone whose leave was cancelled and who then checked in is not on leave.
    await cancelLeave(context, DESK, { congressId, sittingId, delegate: { code: delegates[4]!.code } });
    await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { code: delegates[4]!.code },
      desk: '1',
    });

    const list = await onLeaveDelegates(database.db, congressId, sittingId);
    expect(list.map((d) => [d.name, d.delegation, d.kind, d.note, d.votingRights])).toEqual([
      ['于波', '第1代表团', 'other', '出国访问', true],
      ['王小强', '第1代表团', 'personal', null, true],
      ['丁一', '第2代表团', 'personal', null, true],
      ['丁宁', '第2代表团', 'illness', '住院治疗', true],
      ['马力', '第2代表团', 'personal', null, false],
    ]);
  });

  it('refuses a sitting of another congress', async () => {
    const database = await openMigrated(target);
    const one = await seedAttendanceCongress(database, { tag: 'a' });
    const other = await seedAttendanceCongress(database, { tag: 'b' });
    await expect(onLeaveDelegates(database.db, one.congressId, other.sittingId)).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

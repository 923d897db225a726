import { expect, it } from 'vitest';
import { inTransaction } from '../../../src/persistence/index.ts';
import { snapshotPresence } from '../../../src/services/attendance/presence.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { seedAttendanceCongress } from './fixtures.ts';

describeEachDatabase('presence when a vote opens', (target) => {
  it('[Q4] copies exactly the present delegates with voting rights of the sitting', async () => {
    const database = await openMigrated(target);
    const { congress, sittingId, sittingIds, delegates } = await seedAttendanceCongress(database, {
      voting: 6,
      nonVoting: 2,
      sittings: ['open', 'open'],
    });
    const [v1, v2, v3, v4, v5, , n1, n2] = delegates;
    await congress.attendance(sittingId, [
      { delegate: v1!.id, status: 'present' },
      { delegate: v2!.id, status: 'present' },
      { delegate: v3!.id, status: 'leave', leaveReason: '因病' },
      { delegate: v4!.id, status: 'absent' },
      { delegate: n1!.id, status: 'present' },
      { delegate: n2!.id, status: 'absent' },
    ]);
    // Present at another sitting only: not present at this one.
    await congress.attendance(sittingIds[1]!, [{ delegate: v5!.id, status: 'present' }]);
    const snapshot = await inTransaction(database, (trx) =>
      snapshotPresence(trx, { roundId: 'round-1', sittingId }),
    );
    expect(snapshot).toEqual({ expected: 6, present: 2 });
    const rows = await database.db.selectFrom('round_presence').selectAll().orderBy('delegate_id').execute();
    expect(rows).toEqual([
      { round_id: 'round-1', delegate_id: v1!.id },
      { round_id: 'round-1', delegate_id: v2!.id },
    ]);
  });

  it('belongs to the caller’s transaction, and a second snapshot of a round replaces the first', async () => {
    const database = await openMigrated(target);
    const { congress, sittingId, delegates } = await seedAttendanceCongress(database, { voting: 3 });
    await congress.attendance(sittingId, [{ delegate: delegates[0]!.id, status: 'present' }]);
    await expect(
      inTransaction(database, async (trx) => {
        await snapshotPresence(trx, { roundId: 'round-1', sittingId });
        throw new Error('opening the round failed');
      }),
    ).rejects.toThrow('opening the round failed');
    expect(await database.db.selectFrom('round_presence').selectAll().execute()).toEqual([]);
    await inTransaction(database, (trx) => snapshotPresence(trx, { roundId: 'round-1', sittingId }));
    await database.db.updateTable('attendance').set({ status: 'absent' }).execute();
    await congress.attendance(sittingId, [{ delegate: delegates[1]!.id, status: 'present' }]);
    expect(
      await inTransaction(database, (trx) => snapshotPresence(trx, { roundId: 'round-1', sittingId })),
    ).toEqual({ expected: 3, present: 1 });
    expect(await database.db.selectFrom('round_presence').select('delegate_id').execute()).toEqual([
      { delegate_id: delegates[1]!.id },
    ]);
    await expect(
      inTransaction(database, (trx) => snapshotPresence(trx, { roundId: 'round-2', sittingId: 'nope' })),
    ).rejects.toMatchObject({ status: 404 });
  });
});

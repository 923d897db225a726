import type { Kysely } from 'kysely';
import type { OnLeaveDelegate } from '../../contract/attendance.ts';
import type { Schema } from '../../persistence/schema.ts';
import { byDelegationThenStrokes } from './absent-delegates.ts';
import { leaveKindOf, leaveNoteOf } from './leave-reason.ts';
import { sittingOfCongress } from './sitting-lookup.ts';

/**
 * Who is on leave (请假) for a sitting and why, for the attendance record: by delegation, and
 * within one by surname strokes, like the list of those absent.
 */
export async function onLeaveDelegates(
  db: Kysely<Schema>,
  congressId: string,
  sittingId: string,
): Promise<OnLeaveDelegate[]> {
  const sitting = await sittingOfCongress(db, congressId, sittingId);
  const rows = await db
    .selectFrom('attendance as a')
    .innerJoin('delegates as d', 'd.id', 'a.delegate_id')
    .leftJoin('delegations as g', 'g.id', 'd.delegation_id')
    .select([
      'd.id',
      'd.name',
      'd.code',
      'd.voting_rights',
      'a.leave_reason',
      'g.name as delegation',
      'g.sort_order',
    ])
    .where('a.sitting_id', '=', sitting.id)
    .where('a.status', '=', 'leave')
    .where('d.congress_id', '=', congressId)
    .execute();
  return byDelegationThenStrokes(rows).map((row) => ({
    id: row.id,
    name: row.name,
    code: row.code,
    delegation: row.delegation,
    votingRights: row.voting_rights === 1,
    kind: leaveKindOf(row.leave_reason),
    note: leaveNoteOf(row.leave_reason),
  }));
}

export type { OnLeaveDelegate };

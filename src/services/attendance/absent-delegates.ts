import type { Kysely } from 'kysely';
import type { AbsentDelegate } from '../../contract/attendance.ts';
import { sortNames } from '../../core/names/index.ts';
import type { Schema } from '../../persistence/schema.ts';
import { sittingOfCongress } from './sitting-lookup.ts';

/**
 * Who has neither checked in nor asked for leave, for the secretariat to chase: by delegation
 * (in the congress's delegation order), and within one by surname strokes (姓氏笔画为序).
 */
export async function absentDelegates(
  db: Kysely<Schema>,
  congressId: string,
  sittingId: string,
): Promise<AbsentDelegate[]> {
  const sitting = await sittingOfCongress(db, congressId, sittingId);
  // Roster and attendance are read apart and joined here: a left join planned without statistics
  // (just after an import) is quadratic on PostgreSQL; see attendance-counts.ts.
  const roster = await db
    .selectFrom('delegates as d')
    .leftJoin('delegations as g', 'g.id', 'd.delegation_id')
    .select(['d.id', 'd.name', 'd.code', 'd.voting_rights', 'g.name as delegation', 'g.sort_order'])
    .where('d.congress_id', '=', congressId)
    .orderBy('d.code')
    .execute();
  const attendance = await db
    .selectFrom('attendance')
    .select(['delegate_id', 'status', 'checked_out_at'])
    .where('sitting_id', '=', sitting.id)
    .execute();
  const byDelegate = new Map(attendance.map((row) => [row.delegate_id, row]));
  const rows = roster.flatMap((row) => {
    const record = byDelegate.get(row.id);
    if (record && record.status !== 'absent') return [];
    return [{ ...row, checked_out_at: record?.checked_out_at ?? null }];
  });
  return byDelegationThenStrokes(rows).map((row) => ({
    id: row.id,
    name: row.name,
    code: row.code,
    delegation: row.delegation,
    votingRights: row.voting_rights === 1,
    checkedOutAt: row.checked_out_at,
  }));
}

/**
 * A list of delegates as the secretariat reads it out: by delegation (the congress's order), and
 * within one by surname strokes (姓氏笔画为序).
 */
export function byDelegationThenStrokes<
  T extends { readonly name: string; readonly delegation: string | null; readonly sort_order: number | null },
>(rows: readonly T[]): T[] {
  // A name outside the stroke data goes last rather than failing the list.
  const sorted = sortNames(rows, (row) => row.name, { unknown: 'last' });
  // Delegates with no delegation go after every delegation; the sort is stable, so the stroke
  // order survives within each delegation.
  const order = (row: T) => row.sort_order ?? Number.MAX_SAFE_INTEGER;
  return sorted.sort((a, b) => order(a) - order(b) || (a.delegation ?? '').localeCompare(b.delegation ?? ''));
}

export type { AbsentDelegate };

import type { Kysely } from 'kysely';
import type { CurrentAttendance } from '../../contract/attendance.ts';
import type { Schema } from '../../persistence/schema.ts';
import { type AttendanceCounts, attendanceCounts } from './attendance-counts.ts';
import { findCongress } from './sitting-lookup.ts';

/**
 * The counts the big screen shows: every open sitting; before any opens, the next scheduled one
 * (delegates check in from 8:20 for a 9:00 opening, and the hall watches 实到 grow) — the next
 * after those held, never one passed over. A closed congress has none: its quorum is history.
 * Counts only.
 */
export async function currentAttendance(db: Kysely<Schema>, congressId: string): Promise<CurrentAttendance> {
  const congress = await findCongress(db, congressId);
  if (congress.status === 'closed') return { congressId, sittings: [] };
  const all = await db
    .selectFrom('sittings')
    .select(['id', 'title', 'status', 'sort_order'])
    .where('congress_id', '=', congressId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const lastHeld = all.reduce((at, row, i) => (row.status !== 'scheduled' ? i : at), -1);
  const rows = all.filter((row, i) => row.status === 'open' || (row.status === 'scheduled' && i > lastHeld));
  const open = rows.filter((row) => row.status === 'open');
  const shown = open.length > 0 ? open : rows.slice(0, 1);
  const sittings: AttendanceCounts[] = [];
  for (const row of shown) {
    sittings.push(
      await attendanceCounts(db, {
        id: row.id,
        congressId,
        title: row.title,
        status: row.status,
        ruleSet: congress.rule_set,
        congressKind: congress.kind,
      }),
    );
  }
  return { congressId, sittings };
}

export type { CurrentAttendance };

import { buildAttendanceRecord, buildDelegateList, buildMemberList } from '../../core/documents/index.ts';
import { absentDelegates } from '../attendance/absent-delegates.ts';
import { sittingAttendanceCounts } from '../attendance/attendance-counts.ts';
import { congressRow, sittingRow } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import {
  type DocumentFile,
  type DocumentRenderer,
  delegationOrder,
  documentFile,
  storedDay,
} from './document-file.ts';

// The documents of a congress as a whole: its delegate list and the attendance record of a sitting.

/**
 * The delegate list: by delegation, surname-stroke order within each [T7], annotated as printed.
 * A committee's plenary session has members, not delegates: its list is the member list (委员名单),
 * members by strokes and the alternates who attend without a vote (列席) by votes [T6].
 */
export async function delegateListDocument(
  context: ServiceContext,
  congressId: string,
  options: { readonly annotate: boolean },
  render: DocumentRenderer,
): Promise<DocumentFile> {
  const db = context.database.db;
  const congress = await congressRow(db, congressId);
  if (congress.kind !== 'congress') {
    // The roster in register order (meetings/roster.ts): the alternates by their votes.
    const roster = await db
      .selectFrom('delegates')
      .select(['name', 'gender', 'ethnicity', 'capacity', 'voting_rights'])
      .where('congress_id', '=', congressId)
      .orderBy('code')
      .execute();
    const isAlternate = (d: (typeof roster)[number]) =>
      d.capacity ? d.capacity === 'alternate' : d.voting_rights !== 1;
    const model = buildMemberList({
      meetingTitle: congress.title,
      members: roster.filter((d) => !isAlternate(d)),
      alternates: roster.filter(isAlternate),
      annotate: options.annotate,
    });
    return documentFile(context, render, model);
  }
  const delegations = await delegationOrder(db, congressId);
  const rank = new Map(delegations.map((d, i) => [d.id, i]));
  const delegates = await db
    .selectFrom('delegates')
    .select(['name', 'gender', 'ethnicity', 'delegation_id'])
    .where('congress_id', '=', congressId)
    .orderBy('code')
    .execute();
  const model = buildDelegateList({
    congressTitle: congress.title,
    delegations: delegations.map((d) => d.name),
    delegates: delegates.map((d) => ({
      name: d.name,
      gender: d.gender,
      ethnicity: d.ethnicity,
      delegation: d.delegation_id === null ? null : (rank.get(d.delegation_id) ?? null),
    })),
    annotate: options.annotate,
  });
  return documentFile(context, render, model);
}

/**
 * The attendance record of a sitting: 应到 / 请假 (with reasons) / 实到 and the quorum [Q1]–[Q3],
 * as the attendance counts decide them ([Q4] electors with a vote), and the names on leave and absent.
 */
export async function attendanceRecordDocument(
  context: ServiceContext,
  congressId: string,
  sittingId: string,
  render: DocumentRenderer,
): Promise<DocumentFile> {
  const db = context.database.db;
  const counts = await sittingAttendanceCounts(db, congressId, sittingId);
  const sitting = await sittingRow(db, congressId, sittingId);
  const congress = await congressRow(db, congressId);
  const delegations = await delegationOrder(db, congressId);
  const rankById = new Map(delegations.map((d, i) => [d.id, i]));
  const rankByName = new Map(delegations.map((d, i) => [d.name, i]));
  const leave = await db
    .selectFrom('attendance as a')
    .innerJoin('delegates as d', 'd.id', 'a.delegate_id')
    .leftJoin('delegations as g', 'g.id', 'd.delegation_id')
    .select(['d.name', 'd.delegation_id', 'g.name as delegation', 'a.leave_reason'])
    .where('a.sitting_id', '=', sittingId)
    .where('a.status', '=', 'leave')
    .where('d.voting_rights', '=', 1)
    .execute();
  const absent = (await absentDelegates(db, congressId, sittingId)).filter((d) => d.votingRights);
  const model = buildAttendanceRecord({
    congressTitle: congress.title,
    sittingTitle: sitting.title,
    date: storedDay(sitting.opened_at ?? sitting.starts_at),
    noun: congress.kind === 'plenary' ? '委员' : '代表',
    counts,
    quorum: counts.quorum,
    onLeave: leave.map((row) => ({
      name: row.name,
      delegation: row.delegation,
      delegationRank: row.delegation_id === null ? null : (rankById.get(row.delegation_id) ?? null),
      reason: row.leave_reason,
    })),
    absent: absent.map((d) => ({
      name: d.name,
      delegation: d.delegation,
      delegationRank: d.delegation === null ? null : (rankByName.get(d.delegation) ?? null),
    })),
  });
  return documentFile(context, render, model);
}

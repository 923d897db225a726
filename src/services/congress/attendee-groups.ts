import type { AttendeeGroup } from '../../contract/attendees.ts';
import type { MeetingAttendeeGroupsTable } from '../../persistence/committee-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { congressRow, type Reader } from './lookups.ts';

// Who attends a congress or a meeting without being a delegate or a member, as the reports name
// them, in the press's order: 列席 by category, 应邀参加 / 来宾, and guidance groups (指导督导组).

export async function attendeeGroups(db: Reader, congressId: string): Promise<AttendeeGroup[]> {
  await congressRow(db, congressId);
  const rows = await db
    .selectFrom('meeting_attendee_groups')
    .selectAll()
    .where('congress_id', '=', congressId)
    .orderBy('sort_order')
    .execute();
  return rows.map((row) => ({
    kind: row.kind,
    category: row.category,
    categoryEn: row.category_en,
    count: row.count,
    action: row.action,
    actionEn: row.action_en,
  }));
}

/** Replaces the groups inside the caller's transaction (a new meeting writes its groups with it). */
export async function writeAttendeeGroups(
  trx: WriteTransaction,
  context: Pick<ServiceContext, 'random'>,
  congressId: string,
  groups: readonly AttendeeGroup[],
): Promise<void> {
  await trx.deleteFrom('meeting_attendee_groups').where('congress_id', '=', congressId).execute();
  const rows: MeetingAttendeeGroupsTable[] = groups.map((group, index) => ({
    id: context.random.id(),
    congress_id: congressId,
    kind: group.kind,
    category: group.category,
    category_en: group.categoryEn,
    count: group.count,
    action: group.kind === 'guidance' ? group.action : null,
    action_en: group.kind === 'guidance' ? group.actionEn : null,
    sort_order: index + 1,
  }));
  if (rows.length > 0) await trx.insertInto('meeting_attendee_groups').values(rows).execute();
}

export async function setAttendeeGroups(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  groups: readonly AttendeeGroup[],
): Promise<AttendeeGroup[]> {
  await auditedWrite(context, actor, async (trx) => {
    const before = await attendeeGroups(trx, congressId);
    await writeAttendeeGroups(trx, context, congressId, groups);
    return {
      result: undefined,
      audit: { action: 'congress.attendee-groups', subject: `congress:${congressId}`, before, after: groups },
    };
  });
  return attendeeGroups(context.database.db, congressId);
}

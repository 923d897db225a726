import type { AttendanceOutcome } from '../../contract/attendance.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import { type Actor, actorLabel } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { type BatchWriter, type Outcome, submitToGroup } from '../group-commit.ts';
import {
  ABSENT,
  type AttendanceRequest,
  type AttendanceRow,
  describe,
  transition,
} from './attendance-transition.ts';
import { type DelegateAtDesk, findDelegate } from './delegate-lookup.ts';
import { sittingsByIds } from './sitting-lookup.ts';

export type { AttendanceAction, AttendanceRequest, AttendanceStatus } from './attendance-transition.ts';
export type { AttendanceOutcome };

/**
 * Applies one desk action. A state change writes the attendance row, an attendance_events row
 * and the audit entry in one transaction; "nothing to do" (a second scan of someone present)
 * writes nothing at all — no event row, no audit entry — and answers with when and where the
 * earlier action happened. The current row is read inside the write transaction, and writers
 * are serialised (SQLite's write lock, PostgreSQL's writer lock: persistence/transaction.ts), so
 * two desks scanning the same card at once give exactly one state change. Twenty desks at work
 * while the hall votes share commits (group commit, attendanceWriter below).
 */
export async function applyAttendanceAction(
  context: ServiceContext,
  actor: Actor,
  request: AttendanceRequest,
): Promise<AttendanceOutcome> {
  // The delegate is looked up before the write lock is taken; the sitting inside it, where its
  // status cannot change before the commit.
  const delegate = await findDelegate(context.database.db, request.congressId, request.delegate);
  // The history row's id is drawn here, once: the writer may run more than once (group-commit.ts).
  const eventId = context.random.id();
  return submitToGroup(context, attendanceWriter, { actor, request, delegate, eventId });
}

export interface DeskAction {
  readonly actor: Actor;
  readonly request: AttendanceRequest;
  readonly delegate: DelegateAtDesk;
  /** The id of its attendance_events row, if it changes anything. */
  readonly eventId: string;
}

interface Change {
  readonly action: DeskAction;
  readonly before: AttendanceRow;
  readonly after: AttendanceRow;
}

const keyOf = (sittingId: string, delegateId: string) => `${sittingId}\u0000${delegateId}`;

/**
 * The desk actions of one group commit in a fixed number of statements, however many there are:
 * one read of their sittings, one of their attendance rows, then one upsert of the rows changed,
 * one INSERT of their attendance events and (at close) of their audit entries. Each action is
 * decided in arrival order against the stored rows and the actions before it in the group, so the
 * outcome is what applying them one at a time would have given: of two desks scanning one card,
 * the second is told the delegate is already present. A refused action writes nothing.
 *
 * Why not one savepoint and four statements per action: under a hall's vote, PostgreSQL's writer
 * lock is held nearly all the time, and twenty desks' actions then queue into groups of ten or
 * more. Written one by one such a group held the lock for 55 ms, time every ballot waited.
 */
export const attendanceWriter: BatchWriter<DeskAction, AttendanceOutcome> = {
  async write(trx, actions, audit, at, announcements) {
    const sittings = await sittingsByIds(
      trx,
      actions.map(({ request }) => request.sittingId),
    );
    const current = await attendanceRows(trx, actions);
    const changed = new Map<string, { readonly sittingId: string; readonly delegateId: string }>();
    const events: Change[] = [];
    const outcomes: Outcome<AttendanceOutcome>[] = actions.map((action) => {
      const { request, delegate } = action;
      const sitting = sittings.get(request.sittingId);
      if (sitting?.congressId !== request.congressId)
        return { ok: false, error: notFound('sitting', '会次') };
      if (sitting.status === 'closed') return { ok: false, error: sittingClosed() };
      const key = keyOf(request.sittingId, delegate.id);
      const before = current.get(key) ?? ABSENT;
      const step = transition(request, delegate, before, at);
      if ('unchanged' in step) {
        return { ok: true, value: describe(request, delegate, before, before, false, step.unchanged) };
      }
      current.set(key, step.next);
      changed.set(key, { sittingId: request.sittingId, delegateId: delegate.id });
      events.push({ action, before, after: step.next });
      return { ok: true, value: describe(request, delegate, before, step.next, true, step.message) };
    });
    if (events.length === 0) return outcomes;
    await upsertAttendance(
      trx,
      [...changed].map(([key, { sittingId, delegateId }]) => ({
        sitting_id: sittingId,
        delegate_id: delegateId,
        ...current.get(key)!,
        updated_at: at,
      })),
    );
    await insertEvents(trx, events, at);
    const audited = (row: AttendanceRow) => ({
      status: row.status,
      desk: row.desk,
      leaveReason: row.leave_reason,
    });
    await audit.appendAll(
      events.map(({ action: { actor, request, delegate }, before, after }) => ({
        actor: actorLabel(actor),
        at,
        action: `attendance.${request.action}`,
        subject: `attendance:${request.sittingId}:${delegate.id}`,
        // A delegate without a row was absent: the entry says so by having no state before.
        before: before === ABSENT ? null : audited(before),
        after: audited(after),
      })),
    );
    // Every instance then sends the sittings' new counts (attendance-announcer.ts): once a sitting.
    const sittingsChanged = new Map(
      events.map(({ action: { request } }) => [request.sittingId, request.congressId]),
    );
    announcements.add(
      [...sittingsChanged].map(([sittingId, congressId]) => ({
        type: 'attendance-changed' as const,
        congressId,
        data: { sittingId },
      })),
    );
    return outcomes;
  },
};

function sittingClosed() {
  return conflict(
    'sitting-closed',
    'this sitting is closed; attendance can no longer change',
    '本次会议已结束，出席情况不能再更改',
  );
}

/** The stored attendance rows of the group's delegates in its sittings, by sitting and delegate. */
async function attendanceRows(
  trx: WriteTransaction,
  actions: readonly DeskAction[],
): Promise<Map<string, AttendanceRow>> {
  const rows = await trx
    .selectFrom('attendance')
    .select([
      'sitting_id',
      'delegate_id',
      'status',
      'leave_reason',
      'checked_in_at',
      'checked_out_at',
      'desk',
    ])
    .where('sitting_id', 'in', [...new Set(actions.map(({ request }) => request.sittingId))])
    .where('delegate_id', 'in', [...new Set(actions.map(({ delegate }) => delegate.id))])
    .execute();
  return new Map(rows.map(({ sitting_id, delegate_id, ...row }) => [keyOf(sitting_id, delegate_id), row]));
}

/** Each changed row as it ends the group: inserted, or updated where the delegate has one. */
async function upsertAttendance(
  trx: WriteTransaction,
  rows: readonly (AttendanceRow & { sitting_id: string; delegate_id: string; updated_at: string })[],
): Promise<void> {
  await trx
    .insertInto('attendance')
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['sitting_id', 'delegate_id']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        leave_reason: eb.ref('excluded.leave_reason'),
        checked_in_at: eb.ref('excluded.checked_in_at'),
        checked_out_at: eb.ref('excluded.checked_out_at'),
        desk: eb.ref('excluded.desk'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** The attendance history (attendance_events): a row for every change, in the order decided. */
async function insertEvents(trx: WriteTransaction, events: readonly Change[], at: string): Promise<void> {
  await trx
    .insertInto('attendance_events')
    .values(
      events.map(({ action: { actor, request, delegate, eventId } }) => ({
        id: eventId,
        sitting_id: request.sittingId,
        delegate_id: delegate.id,
        action: request.action,
        at,
        actor: actorLabel(actor),
        desk: request.desk ?? null,
        reason: request.action === 'leave' ? (request.reason ?? null) : null,
      })),
    )
    .execute();
}

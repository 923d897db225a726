import type { AttendanceOutcome } from '../../contract/attendance.ts';
import type { AttendanceEventsTable, AttendanceTable } from '../../persistence/congress-schema.ts';
import { type Actor, actorLabel } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import { conflict } from '../errors.ts';
import { groupCommittedWrite } from '../group-commit.ts';
import { hallTime } from './clock-time.ts';
import { type DelegateAtDesk, type DelegateRef, findDelegate } from './delegate-lookup.ts';
import { sittingOfCongress } from './sitting-lookup.ts';

// One engine for the four explicit desk actions (check-in, check-out, leave, cancel leave): each
// is a transition from the delegate's current attendance row to a new one, or "nothing to do".
// Actions are explicit, never toggles, so a repeated scan or a double click cannot undo itself.

export type AttendanceAction = AttendanceEventsTable['action'];
export type AttendanceStatus = AttendanceTable['status'];

export interface AttendanceRequest {
  readonly congressId: string;
  readonly sittingId: string;
  readonly delegate: DelegateRef;
  readonly action: AttendanceAction;
  /** The desk (签到台) that acted; leave may be recorded by the secretariat without one. */
  readonly desk?: string | undefined;
  /** Leave only: the stored reason text (leave-reason.ts). */
  readonly reason?: string | undefined;
}

type Row = Pick<AttendanceTable, 'status' | 'leave_reason' | 'checked_in_at' | 'checked_out_at' | 'desk'>;
type Message = { en: string; zh: string };
type Transition = { next: Row; message: Message } | { unchanged: Message };

const ABSENT: Row = {
  status: 'absent',
  leave_reason: null,
  checked_in_at: null,
  checked_out_at: null,
  desk: null,
};

const deskEn = (desk: string | null) => (desk ? ` (desk ${desk})` : '');
const deskZh = (desk: string | null) => (desk ? `（签到台：${desk}）` : '');

/** What `action` does from `current`, at time `at`. */
function transition(
  request: AttendanceRequest,
  delegate: DelegateAtDesk,
  current: Row,
  at: string,
): Transition {
  const desk = request.desk ?? null;
  const name = delegate.name;
  switch (request.action) {
    case 'check-in': {
      if (current.status === 'present') {
        const time = hallTime(current.checked_in_at ?? at);
        return {
          unchanged: {
            en: `${name}: already checked in at ${time}${deskEn(current.desk)}`,
            zh: `${name}已于${time}签到${deskZh(current.desk)}，无需重复签到`,
          },
        };
      }
      // [Q4] a delegate without a vote attends (列席) but the desk should say they are not counted.
      const note = delegate.votingRights
        ? { en: '', zh: '' }
        : {
            en: '; attends without a vote, not counted as present [Q4]',
            zh: '；列席，无表决权，不计入实到人数',
          };
      const time = hallTime(at);
      return {
        next: { status: 'present', leave_reason: null, checked_in_at: at, checked_out_at: null, desk },
        message: {
          en: `${name}: checked in at ${time}${deskEn(desk)}${note.en}`,
          zh: `${name}已于${time}签到${deskZh(desk)}${note.zh}`,
        },
      };
    }
    case 'check-out': {
      if (current.status !== 'present') {
        return current.status === 'leave'
          ? {
              unchanged: {
                en: `${name}: on leave (${current.leave_reason}), not checked in`,
                zh: `${name}已请假（${current.leave_reason}），未签到，无需签退`,
              },
            }
          : {
              unchanged: {
                en: `${name}: not checked in; nothing to check out`,
                zh: `${name}尚未签到，无需签退`,
              },
            };
      }
      const time = hallTime(at);
      return {
        next: { ...current, status: 'absent', checked_out_at: at, desk },
        message: {
          en: `${name}: checked out at ${time}${deskEn(desk)}`,
          zh: `${name}已于${time}签退${deskZh(desk)}`,
        },
      };
    }
    case 'leave': {
      const reason = request.reason ?? '';
      if (current.status === 'leave' && current.leave_reason === reason) {
        return {
          unchanged: {
            en: `${name}: already on leave (${reason})`,
            zh: `${name}已请假（${reason}），无需重复登记`,
          },
        };
      }
      // Leave during the sitting: a delegate who was present leaves the hall now.
      const checkedOutAt = current.status === 'present' ? at : current.checked_out_at;
      return {
        next: {
          ...current,
          status: 'leave',
          leave_reason: reason,
          checked_out_at: checkedOutAt,
          desk: desk ?? current.desk,
        },
        message: { en: `${name}: leave recorded (${reason})`, zh: `${name}已登记请假（${reason}）` },
      };
    }
    case 'cancel-leave': {
      if (current.status !== 'leave') {
        return {
          unchanged: { en: `${name}: not on leave; nothing to cancel`, zh: `${name}未请假，无需取消` },
        };
      }
      return {
        next: { ...current, status: 'absent', leave_reason: null, desk: desk ?? current.desk },
        message: { en: `${name}: leave cancelled`, zh: `${name}的请假已取消` },
      };
    }
  }
}

/** Thrown inside the transaction to leave it without writing (and without an audit entry). */
class Unchanged extends Error {
  constructor(readonly outcome: AttendanceOutcome) {
    super('unchanged');
  }
}

/**
 * Applies one desk action. A state change writes the attendance row, an attendance_events row
 * and the audit entry in one transaction; "nothing to do" (a second scan of someone present)
 * writes nothing at all — no event row, no audit entry — and answers with when and where the
 * earlier action happened. The current row is read inside the write transaction, and writers
 * are serialised (SQLite's write lock, PostgreSQL's writer lock: adapters/db/transaction.ts), so
 * two desks scanning the same card at once give exactly one state change. Twenty desks at work
 * while the hall votes share commits (group commit), each action still in its own savepoint.
 */
export async function applyAttendanceAction(
  context: ServiceContext,
  actor: Actor,
  request: AttendanceRequest,
): Promise<AttendanceOutcome> {
  // The delegate is looked up before the write lock is taken; the sitting inside it, where its
  // status cannot change before the commit.
  const delegate = await findDelegate(context.database.db, request.congressId, request.delegate);
  let outcome: AttendanceOutcome;
  try {
    outcome = await groupCommittedWrite(context, actor, async (trx, at) => {
      const sitting = await sittingOfCongress(trx, request.congressId, request.sittingId);
      if (sitting.status === 'closed') {
        throw conflict(
          'sitting-closed',
          'this sitting is closed; attendance can no longer change',
          '本次会议已结束，出席情况不能再更改',
        );
      }
      const existing = await trx
        .selectFrom('attendance')
        .select(['status', 'leave_reason', 'checked_in_at', 'checked_out_at', 'desk'])
        .where('sitting_id', '=', request.sittingId)
        .where('delegate_id', '=', delegate.id)
        .executeTakeFirst();
      const current = existing ?? ABSENT;
      const step = transition(request, delegate, current, at);
      if ('unchanged' in step)
        throw new Unchanged(describe(request, delegate, current, current, false, step.unchanged));
      const { next } = step;
      if (existing) {
        await trx
          .updateTable('attendance')
          .set({ ...next, updated_at: at })
          .where('sitting_id', '=', request.sittingId)
          .where('delegate_id', '=', delegate.id)
          .execute();
      } else {
        await trx
          .insertInto('attendance')
          .values({ sitting_id: request.sittingId, delegate_id: delegate.id, ...next, updated_at: at })
          .execute();
      }
      await trx
        .insertInto('attendance_events')
        .values({
          id: context.random.id(),
          sitting_id: request.sittingId,
          delegate_id: delegate.id,
          action: request.action,
          at,
          actor: actorLabel(actor),
          desk: request.desk ?? null,
          reason: request.action === 'leave' ? (request.reason ?? null) : null,
        })
        .execute();
      const audited = (row: Row) => ({ status: row.status, desk: row.desk, leaveReason: row.leave_reason });
      return {
        result: describe(request, delegate, current, next, true, step.message),
        audit: {
          action: `attendance.${request.action}`,
          subject: `attendance:${request.sittingId}:${delegate.id}`,
          before: existing ? audited(existing) : null,
          after: audited(next),
        },
        // Every instance then sends the sitting's new counts (attendance-announcer.ts).
        events: [
          {
            type: 'attendance-changed',
            congressId: request.congressId,
            data: { sittingId: request.sittingId },
          },
        ],
      };
    });
  } catch (error) {
    if (error instanceof Unchanged) return error.outcome;
    throw error;
  }
  return outcome;
}

function describe(
  request: AttendanceRequest,
  delegate: DelegateAtDesk,
  before: Row,
  after: Row,
  changed: boolean,
  message: Message,
): AttendanceOutcome {
  return {
    changed,
    action: request.action,
    sittingId: request.sittingId,
    delegate,
    previousStatus: before.status,
    status: after.status,
    checkedInAt: after.checked_in_at,
    checkedOutAt: after.checked_out_at,
    desk: after.desk,
    leaveReason: after.leave_reason,
    message,
  };
}

export type { AttendanceOutcome };

import type { AttendanceOutcome } from '../../contract/attendance.ts';
import type { AttendanceEventsTable, AttendanceTable } from '../../persistence/congress-schema.ts';
import { hallTime } from './clock-time.ts';
import type { DelegateAtDesk, DelegateRef } from './delegate-lookup.ts';

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

export type AttendanceRow = Pick<
  AttendanceTable,
  'status' | 'leave_reason' | 'checked_in_at' | 'checked_out_at' | 'desk'
>;
type Message = { en: string; zh: string };
export type Transition = { next: AttendanceRow; message: Message } | { unchanged: Message };

export const ABSENT: AttendanceRow = {
  status: 'absent',
  leave_reason: null,
  checked_in_at: null,
  checked_out_at: null,
  desk: null,
};

const deskEn = (desk: string | null) => (desk ? ` (desk ${desk})` : '');
const deskZh = (desk: string | null) => (desk ? `（签到台：${desk}）` : '');

/** What `action` does from `current`, at time `at`. */
export function transition(
  request: AttendanceRequest,
  delegate: DelegateAtDesk,
  current: AttendanceRow,
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

/** What the desk is told: the delegate, the state before and after, and the message. */
export function describe(
  request: AttendanceRequest,
  delegate: DelegateAtDesk,
  before: AttendanceRow,
  after: AttendanceRow,
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

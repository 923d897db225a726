import type { Actor } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import { type AttendanceOutcome, applyAttendanceAction } from './attendance-change.ts';
import type { DelegateRef } from './delegate-lookup.ts';
import { type LeaveKind, leaveReasonText } from './leave-reason.ts';

export interface LeaveRequest {
  readonly congressId: string;
  readonly sittingId: string;
  readonly delegate: DelegateRef;
  readonly kind: LeaveKind;
  /** Required for 'other'; an optional detail for 因事 / 因病. */
  readonly note?: string | undefined;
  readonly desk?: string | undefined;
}

/**
 * 请假: before the sitting (the secretariat records it) or during it (a present delegate leaves
 * the hall). The delegate stays expected (应到) and is counted under 请假 by kind. Recording the
 * same reason again writes nothing; a different reason replaces it.
 */
export async function recordLeave(
  context: ServiceContext,
  actor: Actor,
  request: LeaveRequest,
): Promise<AttendanceOutcome> {
  const reason = leaveReasonText(request.kind, request.note);
  return applyAttendanceAction(context, actor, { ...request, action: 'leave', reason });
}

export interface CancelLeaveRequest {
  readonly congressId: string;
  readonly sittingId: string;
  readonly delegate: DelegateRef;
  readonly desk?: string | undefined;
}

/** Cancels leave: the delegate is absent again (and may check in). Not on leave: nothing is written. */
export function cancelLeave(
  context: ServiceContext,
  actor: Actor,
  request: CancelLeaveRequest,
): Promise<AttendanceOutcome> {
  return applyAttendanceAction(context, actor, { ...request, action: 'cancel-leave' });
}

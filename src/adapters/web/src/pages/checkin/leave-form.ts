import { LEAVE_KINDS, type LeaveKind, type recordLeaveEndpoint } from '../../../../../contract/attendance.ts';
import type { BodyIn } from '../../../../../contract/endpoint.ts';

// The leave dialog of the check-in desk, without React: the keys 1 / 2 / 3 choose the reason
// (因事 / 因病 / 其他), "other" needs a note, and the body the leave endpoint takes.

export { LEAVE_KINDS, type LeaveKind };

/** The reason the keys 1, 2 and 3 choose, in the order the dialog lists them; null for any other key. */
export function reasonForKey(key: string): LeaveKind | null {
  const index = ['1', '2', '3'].indexOf(key);
  return index >= 0 ? LEAVE_KINDS[index]! : null;
}

/** "Other" says nothing without a note. */
export function noteMissing(reason: LeaveKind, note: string): boolean {
  return reason === 'other' && note.trim() === '';
}

export type LeaveBody = BodyIn<typeof recordLeaveEndpoint>;

/** The body of POST …/attendance/leave for one delegate, at this desk. */
export function leaveBody(delegateId: string, reason: LeaveKind, note: string, desk: string): LeaveBody {
  const text = note.trim();
  return { delegateId, reason, ...(text ? { note: text } : {}), desk };
}

import { LEAVE_KINDS, type LeaveKind } from '../../contract/attendance.ts';
import { InputError } from '../input-error.ts';

/**
 * Why a delegate is on leave (请假). The press counts leave by kind — "因事因病请假4人" — so the
 * kind is kept recognisable in attendance.leave_reason: the stored text starts with its Chinese
 * label, followed by the desk's note if there is one: 因事, 因病：住院, 其他：出国访问.
 */
export { LEAVE_KINDS, type LeaveKind };

const LABELS: Record<LeaveKind, string> = { personal: '因事', illness: '因病', other: '其他' };

/** The text stored in attendance.leave_reason and attendance_events.reason. */
export function leaveReasonText(kind: LeaveKind, note: string | undefined, field = 'body.note'): string {
  const trimmed = note?.trim();
  if (kind === 'other' && !trimmed) {
    throw new InputError(field, 'is required when the reason is other', '请假原因为“其他”时必须填写说明');
  }
  return trimmed ? `${LABELS[kind]}：${trimmed}` : LABELS[kind];
}

/** The kind of a stored reason; text that does not start with a known label is 'other'. */
export function leaveKindOf(stored: string | null): LeaveKind {
  if (stored?.startsWith(LABELS.personal)) return 'personal';
  if (stored?.startsWith(LABELS.illness)) return 'illness';
  return 'other';
}

/** The desk's note in a stored reason (住院 of 因病：住院), or null; text without a known label is all note. */
export function leaveNoteOf(stored: string | null): string | null {
  if (!stored) return null;
  const label = Object.values(LABELS).find((l) => stored.startsWith(l));
  const note = (label ? stored.slice(label.length).replace(/^[：:]/, '') : stored).trim();
  return note === '' ? null : note;
}

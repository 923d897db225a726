import {
  absentDelegatesEndpoint,
  attendanceCountsEndpoint,
  cancelLeaveEndpoint,
  checkInEndpoint,
  checkOutEndpoint,
  onLeaveDelegatesEndpoint,
  publicAttendanceEndpoint,
  recordLeaveEndpoint,
  searchAtDeskEndpoint,
} from '../../../contract/attendance.ts';
import { absentDelegates } from '../../../services/attendance/absent-delegates.ts';
import { sittingAttendanceCounts } from '../../../services/attendance/attendance-counts.ts';
import { checkIn, checkOut } from '../../../services/attendance/check-in.ts';
import { currentAttendance } from '../../../services/attendance/current-attendance.ts';
import type { DelegateRef } from '../../../services/attendance/delegate-lookup.ts';
import { searchDelegates } from '../../../services/attendance/delegate-search.ts';
import { cancelLeave, recordLeave } from '../../../services/attendance/leave.ts';
import { onLeaveDelegates } from '../../../services/attendance/on-leave-delegates.ts';
import { InputError } from '../../../services/input-error.ts';
import { implement } from '../route.ts';

// Attendance (签到) per sitting (contract: src/contract/attendance.ts). Desk actions answer 200
// whether or not anything changed: `changed` tells which, and `message` says what the desk shows
// ("already checked in at 08:31 (desk 2)").

function delegateRef(body: { code?: string | undefined; delegateId?: string | undefined }): DelegateRef {
  if (body.code !== undefined && body.delegateId !== undefined) {
    throw new InputError(
      'body.code',
      'give either code or delegateId, not both',
      '代表编号和代表ID只能填写其一',
    );
  }
  if (body.code !== undefined) return { code: body.code };
  if (body.delegateId !== undefined) return { delegateId: body.delegateId };
  throw new InputError('body.code', 'is required (or delegateId)', '必须填写代表编号（或代表ID）');
}

export const attendanceRoutes = [
  implement(checkInEndpoint).with(async ({ params, body, actor, context }) =>
    checkIn(context, actor, { ...params, delegate: delegateRef(body), desk: body.desk }),
  ),
  implement(checkOutEndpoint).with(async ({ params, body, actor, context }) =>
    checkOut(context, actor, { ...params, delegate: delegateRef(body), desk: body.desk }),
  ),
  implement(recordLeaveEndpoint).with(async ({ params, body, actor, context }) =>
    recordLeave(context, actor, {
      ...params,
      delegate: delegateRef(body),
      kind: body.reason,
      note: body.note,
      desk: body.desk,
    }),
  ),
  implement(cancelLeaveEndpoint).with(async ({ params, body, actor, context }) =>
    cancelLeave(context, actor, { ...params, delegate: delegateRef(body), desk: body.desk }),
  ),
  implement(searchAtDeskEndpoint).with(async ({ params, query, context }) =>
    searchDelegates(context.database.db, params.congressId, params.sittingId, query.q),
  ),
  implement(attendanceCountsEndpoint).with(async ({ params, context }) =>
    sittingAttendanceCounts(context.database.db, params.congressId, params.sittingId),
  ),
  implement(absentDelegatesEndpoint).with(async ({ params, context }) => ({
    delegates: await absentDelegates(context.database.db, params.congressId, params.sittingId),
  })),
  implement(onLeaveDelegatesEndpoint).with(async ({ params, context }) => ({
    delegates: await onLeaveDelegates(context.database.db, params.congressId, params.sittingId),
  })),
  implement(publicAttendanceEndpoint).with(async ({ params, context }) =>
    currentAttendance(context.database.db, params.congressId),
  ),
];

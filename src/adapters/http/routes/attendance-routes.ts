import { z } from 'zod';
import { absentDelegates } from '../../../services/attendance/absent-delegates.ts';
import { sittingAttendanceCounts } from '../../../services/attendance/attendance-counts.ts';
import { checkIn, checkOut } from '../../../services/attendance/check-in.ts';
import { currentAttendance } from '../../../services/attendance/current-attendance.ts';
import type { DelegateRef } from '../../../services/attendance/delegate-lookup.ts';
import { searchDelegates } from '../../../services/attendance/delegate-search.ts';
import { cancelLeave, recordLeave } from '../../../services/attendance/leave.ts';
import { LEAVE_KINDS } from '../../../services/attendance/leave-reason.ts';
import { onLeaveDelegates } from '../../../services/attendance/on-leave-delegates.ts';
import { InputError } from '../../shared/input-error.ts';
import { route } from '../route.ts';

// Attendance (签到) per sitting: the desks' explicit actions, the name search, the counts and the
// list of who is missing. Desk actions answer 200 whether or not anything changed: `changed`
// tells which, and `message` says what the desk shows ("already checked in at 08:31 (desk 2)").

const id = z.string().trim().min(1).max(64);
const sittingParams = z.object({ congressId: id, sittingId: id });
const congressParams = z.object({ congressId: id });

/** A desk names the delegate by the code on the card (typed or scanned) or by the id a search returned. */
const who = { code: z.string().trim().min(1).max(64).optional(), delegateId: id.optional() };
const desk = z.string().trim().min(1).max(32);

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

const DESK_ROLES = ['check-in', 'admin'] as const;
const COUNT_ROLES = ['check-in', 'admin', 'presiding', 'scrutineer', 'teller'] as const;
const base = '/api/congresses/:congressId/sittings/:sittingId/attendance';

export const attendanceRoutes = [
  route({
    method: 'POST',
    url: `${base}/check-in`,
    tag: 'attendance',
    summary: 'Check a delegate in at a desk (签到); a repeat scan changes nothing and says when',
    allow: DESK_ROLES,
    params: sittingParams,
    body: z.strictObject({ ...who, desk }),
    handler: async ({ params, body, actor, context }) =>
      checkIn(context, actor, { ...params, delegate: delegateRef(body), desk: body.desk }),
  }),
  route({
    method: 'POST',
    url: `${base}/check-out`,
    tag: 'attendance',
    summary: 'Check a delegate out (签退); someone not checked in is left as they are',
    allow: DESK_ROLES,
    params: sittingParams,
    body: z.strictObject({ ...who, desk }),
    handler: async ({ params, body, actor, context }) =>
      checkOut(context, actor, { ...params, delegate: delegateRef(body), desk: body.desk }),
  }),
  route({
    method: 'POST',
    url: `${base}/leave`,
    tag: 'attendance',
    summary: 'Record leave with its reason (请假：因事 / 因病 / 其他), before or during the sitting',
    allow: DESK_ROLES,
    params: sittingParams,
    body: z.strictObject({
      ...who,
      reason: z.enum(LEAVE_KINDS),
      note: z.string().trim().max(200).optional(),
      desk: desk.optional(),
    }),
    handler: async ({ params, body, actor, context }) =>
      recordLeave(context, actor, {
        ...params,
        delegate: delegateRef(body),
        kind: body.reason,
        note: body.note,
        desk: body.desk,
      }),
  }),
  route({
    method: 'POST',
    url: `${base}/cancel-leave`,
    tag: 'attendance',
    summary: 'Cancel a leave (取消请假): the delegate is absent again and may check in',
    allow: DESK_ROLES,
    params: sittingParams,
    body: z.strictObject({ ...who, desk: desk.optional() }),
    handler: async ({ params, body, actor, context }) =>
      cancelLeave(context, actor, { ...params, delegate: delegateRef(body), desk: body.desk }),
  }),
  route({
    method: 'GET',
    url: `${base}/search`,
    tag: 'attendance',
    summary: 'Find a delegate at the desk by name, pinyin initials (wxq), pinyin or code; at most 10',
    allow: DESK_ROLES,
    params: sittingParams,
    query: z.strictObject({ q: z.string().trim().min(1).max(32) }),
    handler: async ({ params, query, context }) =>
      searchDelegates(context.database.db, params.congressId, params.sittingId, query.q),
  }),
  route({
    method: 'GET',
    url: `${base}/counts`,
    tag: 'attendance',
    summary:
      'Attendance counts of a sitting: 应到, 请假 by reason, 实到, non-voting attendees, quorum verdict',
    allow: COUNT_ROLES,
    params: sittingParams,
    handler: async ({ params, context }) =>
      sittingAttendanceCounts(context.database.db, params.congressId, params.sittingId),
  }),
  route({
    method: 'GET',
    url: `${base}/absent`,
    tag: 'attendance',
    summary: 'Delegates neither checked in nor on leave, by delegation, for the secretariat to chase',
    allow: DESK_ROLES,
    params: sittingParams,
    handler: async ({ params, context }) => ({
      delegates: await absentDelegates(context.database.db, params.congressId, params.sittingId),
    }),
  }),
  route({
    method: 'GET',
    url: `${base}/on-leave`,
    tag: 'attendance',
    summary:
      'Delegates on leave with their reasons (请假：因事 / 因病 / 其他), by delegation, for the attendance record',
    allow: DESK_ROLES,
    params: sittingParams,
    handler: async ({ params, context }) => ({
      delegates: await onLeaveDelegates(context.database.db, params.congressId, params.sittingId),
    }),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/attendance/public-counts',
    tag: 'attendance',
    summary: 'The big screen: counts of the open sitting(s), or the next one before any opens; counts only',
    // The counts are read out in the hall; this carries numbers only, never a name.
    allow: 'anyone',
    params: congressParams,
    handler: async ({ params, context }) => currentAttendance(context.database.db, params.congressId),
  }),
];

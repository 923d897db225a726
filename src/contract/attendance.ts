import * as z from 'zod';
import { bilingualSchema, congressParams, id, instant, sittingParams } from './common.ts';
import { endpoint } from './endpoint.ts';
import { quorumVerdictSchema, ruleSetSchema } from './quorum.ts';
import { DESK_ROLES, HALL_STAFF_ROLES } from './roles.ts';

// Attendance (签到) per sitting: the desks' explicit actions, the name search, the counts and the
// lists of who is missing and who is on leave.

export const LEAVE_KINDS = ['personal', 'illness', 'other'] as const;
/** 因事 / 因病 / 其他, as the press counts leave ("因事因病请假4人"). */
export const leaveKindSchema = z.enum(LEAVE_KINDS);
export type LeaveKind = z.infer<typeof leaveKindSchema>;

export const ATTENDANCE_STATUSES = ['absent', 'present', 'leave'] as const;
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

export const ATTENDANCE_ACTIONS = ['check-in', 'check-out', 'leave', 'cancel-leave'] as const;
export const attendanceActionSchema = z.enum(ATTENDANCE_ACTIONS);
export type AttendanceAction = z.infer<typeof attendanceActionSchema>;

export const SITTING_STATUSES = ['scheduled', 'open', 'closed'] as const;
export const sittingStatusSchema = z.enum(SITTING_STATUSES);

export const delegateAtDeskSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  delegation: z.string().nullable(),
  /** [Q4] false: attends (列席) but is not an elector. */
  votingRights: z.boolean(),
});
export type DelegateAtDesk = z.infer<typeof delegateAtDeskSchema>;

export const attendanceOutcomeSchema = z.strictObject({
  /** false: the delegate was already in the state asked for; nothing was written. */
  changed: z.boolean(),
  action: attendanceActionSchema,
  sittingId: z.string(),
  delegate: delegateAtDeskSchema,
  previousStatus: attendanceStatusSchema,
  status: attendanceStatusSchema,
  checkedInAt: instant.nullable(),
  checkedOutAt: instant.nullable(),
  desk: z.string().nullable(),
  leaveReason: z.string().nullable(),
  /** What the desk shows: "already checked in at 08:31 (desk 2)". */
  message: bilingualSchema,
});
export type AttendanceOutcome = z.infer<typeof attendanceOutcomeSchema>;

export const searchCandidateSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  delegation: z.string().nullable(),
  hasPhoto: z.boolean(),
  votingRights: z.boolean(),
  /** In the sitting searched for: absent, present or on leave. */
  status: attendanceStatusSchema,
  checkedInAt: instant.nullable(),
  desk: z.string().nullable(),
  leaveReason: z.string().nullable(),
});
export type SearchCandidate = z.infer<typeof searchCandidateSchema>;

export const searchResultSchema = z.strictObject({
  candidates: z.array(searchCandidateSchema),
  /** More delegates matched than were returned: the desk should type more. */
  more: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/**
 * The counts of one sitting as the presiding officer announces them: "应到代表417名，因事因病请假
 * 4人，实到代表413名，符合法定人数". Counts only, never names: the same object goes to the big screen.
 */
export const attendanceCountsSchema = z.strictObject({
  sittingId: z.string(),
  sittingTitle: z.string(),
  sittingStatus: sittingStatusSchema,
  /** 应到: delegates with voting rights [Q4]. Leave does not reduce it. */
  expected: z.number().int(),
  /** 实到: delegates with voting rights who are checked in. */
  present: z.number().int(),
  /** 请假: delegates with voting rights on leave, by kind. */
  onLeave: z.strictObject({
    total: z.number().int(),
    personal: z.number().int(),
    illness: z.number().int(),
    other: z.number().int(),
  }),
  /** Delegates with voting rights neither present nor on leave (the secretariat chases them). */
  absent: z.number().int(),
  /** [Q4] delegates without a vote (列席): they attend but count in none of the numbers above. */
  nonVoting: z.strictObject({ expected: z.number().int(), present: z.number().int() }),
  /** [M1] At a meeting of the committee, the alternates among the non-voting (候补委员列席); null at a congress. */
  alternates: z.strictObject({ expected: z.number().int(), present: z.number().int() }).nullable(),
  /** [Q1]–[Q3] at a congress or an electing plenary; [M1]–[M3] at a meeting of the committee. */
  quorum: quorumVerdictSchema
    .extend({
      ruleSet: ruleSetSchema,
      fraction: z.string(),
      /** [M3] "at least" two-thirds; every other rule asks for more than the fraction. */
      atLeast: z.boolean(),
    })
    .strict(),
  /** The sentence the presiding officer reads out, and its English. */
  summary: bilingualSchema,
});
export type AttendanceCounts = z.infer<typeof attendanceCountsSchema>;

export const currentAttendanceSchema = z.strictObject({
  congressId: z.string(),
  sittings: z.array(attendanceCountsSchema),
});
export type CurrentAttendance = z.infer<typeof currentAttendanceSchema>;

export const absentDelegateSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  delegation: z.string().nullable(),
  /** [Q4] false for a non-voting attendee (列席): absent, but not missing from the quorum. */
  votingRights: z.boolean(),
  /** Set when the delegate checked in and then checked out. */
  checkedOutAt: instant.nullable(),
});
export type AbsentDelegate = z.infer<typeof absentDelegateSchema>;

export const onLeaveDelegateSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  delegation: z.string().nullable(),
  /** [Q4] false for a non-voting attendee (列席): on leave, but not counted in 请假. */
  votingRights: z.boolean(),
  kind: leaveKindSchema,
  /** The desk's note, if any: 住院治疗 of 因病：住院治疗. */
  note: z.string().nullable(),
});
export type OnLeaveDelegate = z.infer<typeof onLeaveDelegateSchema>;

/** A desk names the delegate by the code on the card (typed or scanned) or by the id a search returned. */
const who = { code: z.string().trim().min(1).max(64).optional(), delegateId: id.optional() };
const desk = z.string().trim().min(1).max(32);
const base = '/api/congresses/:congressId/sittings/:sittingId/attendance';

export const checkInEndpoint = endpoint({
  method: 'POST',
  path: `${base}/check-in`,
  tag: 'attendance',
  summary: 'Check a delegate in at a desk (签到); a repeat scan changes nothing and says when',
  allow: DESK_ROLES,
  params: sittingParams,
  body: z.strictObject({ ...who, desk }),
  response: attendanceOutcomeSchema,
});

export const checkOutEndpoint = endpoint({
  method: 'POST',
  path: `${base}/check-out`,
  tag: 'attendance',
  summary: 'Check a delegate out (签退); someone not checked in is left as they are',
  allow: DESK_ROLES,
  params: sittingParams,
  body: z.strictObject({ ...who, desk }),
  response: attendanceOutcomeSchema,
});

export const recordLeaveEndpoint = endpoint({
  method: 'POST',
  path: `${base}/leave`,
  tag: 'attendance',
  summary: 'Record leave with its reason (请假：因事 / 因病 / 其他), before or during the sitting',
  allow: DESK_ROLES,
  params: sittingParams,
  body: z.strictObject({
    ...who,
    reason: leaveKindSchema,
    note: z.string().trim().max(200).optional(),
    desk: desk.optional(),
  }),
  response: attendanceOutcomeSchema,
});

export const cancelLeaveEndpoint = endpoint({
  method: 'POST',
  path: `${base}/cancel-leave`,
  tag: 'attendance',
  summary: 'Cancel a leave (取消请假): the delegate is absent again and may check in',
  allow: DESK_ROLES,
  params: sittingParams,
  body: z.strictObject({ ...who, desk: desk.optional() }),
  response: attendanceOutcomeSchema,
});

export const searchAtDeskEndpoint = endpoint({
  method: 'GET',
  path: `${base}/search`,
  tag: 'attendance',
  summary: 'Find a delegate at the desk by name, pinyin initials (wxq), pinyin or code; at most 10',
  allow: DESK_ROLES,
  params: sittingParams,
  query: z.strictObject({ q: z.string().trim().min(1).max(32) }),
  response: searchResultSchema,
});

export const attendanceCountsEndpoint = endpoint({
  method: 'GET',
  path: `${base}/counts`,
  tag: 'attendance',
  summary: 'Attendance counts of a sitting: 应到, 请假 by reason, 实到, non-voting attendees, quorum verdict',
  allow: HALL_STAFF_ROLES,
  params: sittingParams,
  response: attendanceCountsSchema,
});

export const absentDelegatesEndpoint = endpoint({
  method: 'GET',
  path: `${base}/absent`,
  tag: 'attendance',
  summary: 'Delegates neither checked in nor on leave, by delegation, for the secretariat to chase',
  allow: DESK_ROLES,
  params: sittingParams,
  response: z.strictObject({ delegates: z.array(absentDelegateSchema) }),
});

export const onLeaveDelegatesEndpoint = endpoint({
  method: 'GET',
  path: `${base}/on-leave`,
  tag: 'attendance',
  summary:
    'Delegates on leave with their reasons (请假：因事 / 因病 / 其他), by delegation, for the attendance record',
  allow: DESK_ROLES,
  params: sittingParams,
  response: z.strictObject({ delegates: z.array(onLeaveDelegateSchema) }),
});

export const publicAttendanceEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/attendance/public-counts',
  tag: 'attendance',
  summary: 'The big screen: counts of the open sitting(s), or the next one before any opens; counts only',
  // The counts are read out in the hall; this carries numbers only, never a name.
  allow: 'anyone',
  params: congressParams,
  response: currentAttendanceSchema,
});

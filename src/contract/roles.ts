import * as z from 'zod';

// Who may call what. Roles are held per congress (a staff account may be a teller in one congress
// and nothing in another); 'public' is everyone, logged in or not.

export const ROLES = [
  'admin',
  'check-in',
  'teller',
  'scrutineer',
  'presiding',
  'delegate',
  'public',
  // Staff of a unit (市发展改革委…): request topics and report on their units' follow-up tasks.
  'unit',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = (typeof ROLES)[number];

/** The roles a staff account can be given (delegates log in with their card, the public not at all). */
export const STAFF_ROLES = ['admin', 'check-in', 'teller', 'scrutineer', 'presiding', 'unit'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The check-in desk (签到台) and the secretariat behind it. */
export const DESK_ROLES = ['check-in', 'admin'] as const satisfies readonly Role[];
/** Everyone working in the hall who follows the attendance counts. */
export const HALL_STAFF_ROLES = [
  'check-in',
  'admin',
  'presiding',
  'scrutineer',
  'teller',
] as const satisfies readonly Role[];

/** The secretariat, which sets a congress up. */
export const ADMIN_ROLES = ['admin'] as const satisfies readonly Role[];
/** Staff who work a congress read its set-up and lists. */
export const STAFF_READER_ROLES = [
  'admin',
  'presiding',
  'check-in',
  'teller',
  'scrutineer',
] as const satisfies readonly Role[];
/** …and a delegate reads the sittings, agenda and documents of their own congress. */
export const CONGRESS_READER_ROLES = [...STAFF_READER_ROLES, 'delegate'] as const satisfies readonly Role[];
/** Who moves the congress along from the presiding desk: opens and closes sittings and votes. */
export const PRESIDING_DESK_ROLES = ['admin', 'presiding'] as const satisfies readonly Role[];
/** Who runs the elections: the secretariat, the presiding officer, the scrutineers and the tellers. */
export const ELECTION_STAFF_ROLES = [
  'admin',
  'presiding',
  'scrutineer',
  'teller',
] as const satisfies readonly Role[];

/** The general office (办公室) keeps the committee's register, meetings, topics and minutes. */
export const OFFICE_ROLES = ['admin'] as const satisfies readonly Role[];
/** Who reads the committee's calendar of meetings and the term's register. */
export const COMMITTEE_READER_ROLES = ['admin', 'presiding'] as const satisfies readonly Role[];
/** Units and the office: topic requests and follow-up reports. */
export const UNIT_ROLES = ['admin', 'unit'] as const satisfies readonly Role[];

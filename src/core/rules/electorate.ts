import type { Electors } from './types.ts';

/**
 * [Q4] Who counts as an elector. A probationary member (预备党员), a member under 留党察看 and a
 * member whose rights are suspended (e.g. by detention) have no vote; alternate committee members
 * attend a plenary without a vote (列席). [Q3] a grassroots organisation may exclude members from
 * the expected count with a recorded, approved reason.
 */
export type MembershipStanding =
  | 'full'
  | 'probationary'
  | 'on-probation-within-party'
  | 'rights-suspended'
  | 'non-voting-attendee';

export interface ElectorRecord {
  readonly standing: MembershipStanding;
  readonly present: boolean;
  /** [Q3] excluded from 应到会 with an approved reason (grassroots only). */
  readonly excludedFromExpected?: { readonly reason: string; readonly approvedBy: string };
}

/** [Q4] Only members with voting rights are electors. */
export function hasVote(standing: MembershipStanding): boolean {
  return standing === 'full';
}

/** [Q4] Expected and present electors counted from a roster; [Q3] approved exclusions leave "expected". */
export function countElectors(roster: readonly ElectorRecord[]): Electors {
  let expected = 0;
  let present = 0;
  for (const record of roster) {
    if (!hasVote(record.standing)) continue;
    if (record.excludedFromExpected) {
      // An excluded member who nevertheless attends still votes; counting them present but not expected
      // would let present exceed expected, so they count in both.
      if (record.present) {
        expected += 1;
        present += 1;
      }
      continue;
    }
    expected += 1;
    if (record.present) present += 1;
  }
  return { expected, present };
}

/**
 * [Q5] No proxy voting: a ballot is cast only by an elector who is present. An elector who cannot
 * write may have a non-candidate fill in the ballot on their instructions; the record says that it
 * happened, never who.
 */
export function mayCast(elector: {
  readonly standing: MembershipStanding;
  readonly present: boolean;
}): boolean {
  return hasVote(elector.standing) && elector.present;
}

import type { RoundKind, SittingView } from './types.ts';

// The shapes the console's set-up sections read (sittings, agenda and votes, bodies, election
// methods, elections in full, paper keying): the views of src/services/congress, elections and
// ballots/paper as their routes return them. Kept by hand, like types.ts.

export type SittingKind =
  | 'preparatory'
  | 'opening'
  | 'plenary'
  | 'closing'
  | 'presidium'
  | 'delegation-discussion';

export const SITTING_KINDS: readonly SittingKind[] = [
  'preparatory',
  'opening',
  'plenary',
  'closing',
  'presidium',
  'delegation-discussion',
];

export interface Sitting extends SittingView {
  readonly kind: SittingKind;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
}

export type AgendaKind = 'report' | 'written-report' | 'adoption-vote' | 'election' | 'other';

export const AGENDA_KINDS: readonly AgendaKind[] = [
  'report',
  'written-report',
  'adoption-vote',
  'election',
  'other',
];

export type BodyKind = 'presidium' | 'presidium-standing-committee' | 'credentials-committee';
export type BodyRole = 'chair' | 'deputy-chair' | 'member';

export interface BodyMemberInput {
  readonly delegateId: string;
  readonly role?: BodyRole;
  readonly rank?: number | null;
}

/** What adopting a vote sets (src/services/congress/proposals.ts). */
export type Proposal =
  | { readonly kind: 'body'; readonly body: BodyKind; readonly members: readonly BodyMemberInput[] }
  | { readonly kind: 'secretary-general'; readonly name: string }
  | { readonly kind: 'agenda' }
  | { readonly kind: 'election-method'; readonly methodId?: string };

export type VoteState = 'prepared' | 'voting' | 'closed';

export interface AdoptionVote {
  readonly id: string;
  readonly agendaItemId: string;
  readonly sittingId: string;
  readonly subject: string;
  readonly mode: 'counts' | 'electronic';
  readonly basis: 'present' | 'expected';
  readonly proposal: Proposal | null;
  readonly state: VoteState;
  readonly expected: number | null;
  readonly present: number | null;
  readonly voted: number;
  readonly votesFor: number | null;
  readonly votesAgainst: number | null;
  readonly votesAbstain: number | null;
  readonly adopted: boolean | null;
  readonly minimumFor: number | null;
  readonly rule: 'P4' | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
}

export interface AgendaItem {
  readonly id: string;
  readonly sittingId: string;
  readonly kind: AgendaKind;
  readonly title: string;
  readonly sortOrder: number;
  readonly presenter: string | null;
  readonly body: string | null;
  readonly attachments: ReadonlyArray<{ readonly name: string; readonly url: string }>;
  readonly vote: AdoptionVote | null;
}

export interface BodyMember {
  readonly delegateId: string;
  readonly name: string;
  readonly code: string;
  readonly delegation: string | null;
  readonly role: string;
  readonly rank: number | null;
}

export interface Bodies {
  readonly bodies: ReadonlyArray<{ readonly body: BodyKind; readonly members: readonly BodyMember[] }>;
  readonly presidiumGuide: {
    readonly rule: 'P3';
    readonly delegates: number;
    readonly suggested: number;
    readonly actual: number;
  };
}

/** A row of election_methods as GET …/election-methods returns it. */
export interface ElectionMethod {
  readonly id: string;
  readonly title: string;
  readonly status: 'draft' | 'adopted' | 'rejected';
  readonly body: string | null;
  readonly votes_for: number | null;
  readonly votes_against: number | null;
  readonly votes_abstain: number | null;
  readonly expected: number | null;
  readonly adopted_at: string | null;
}

export interface CandidacyVerdict {
  readonly rule: string;
  readonly ok: boolean;
  readonly candidates: number;
  readonly seats: number;
  readonly minimum: number;
  readonly maximum: number | null;
}

export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly delegateId: string | null;
  readonly gender: string | null;
  readonly ethnicity: string | null;
  readonly position: string | null;
}

export type OfficerRole = 'chief-scrutineer' | 'deputy-chief-scrutineer' | 'scrutineer' | 'teller';

export interface Officer {
  readonly id: string;
  readonly role: OfficerRole;
  readonly name: string;
  readonly delegate_id: string | null;
  readonly account_id: string | null;
}

export interface Reason {
  readonly rule: string;
  readonly en: string;
  readonly zh: string;
}

export type NextStep =
  | {
      readonly step: 'round';
      readonly kind: RoundKind;
      readonly seats: number;
      readonly advance?: number;
      readonly candidates: 'open' | readonly string[];
      readonly reason: Reason;
    }
  | {
      readonly step: 'decide-shortfall';
      readonly stage: 'preliminary' | 'election';
      readonly seats: number;
      readonly eligible: readonly string[];
      readonly reason: Reason;
    }
  | { readonly step: 'complete'; readonly reason: Reason };

/** What an election fills (src/core/rules/types.ts). */
export type Office =
  | 'delegate'
  | 'committee-member'
  | 'alternate-member'
  | 'discipline-member'
  | 'standing-committee'
  | 'secretary'
  | 'deputy-secretary'
  | 'other';

export type Outcome =
  | 'no-quorum'
  | 'invalid-candidacy'
  | 'void'
  | 'complete'
  | 'runoff-required'
  | 'shortfall';

export interface RoundOutcome {
  readonly outcome: Outcome;
  readonly ballots: { readonly returned: number; readonly valid: number; readonly invalid: number };
  readonly threshold: { readonly rule: string; readonly base: number; readonly minimumFor: number };
  readonly results: ReadonlyArray<{
    readonly name: string;
    readonly for: number;
    readonly against: number;
    readonly abstain: number;
    readonly elected: boolean;
  }>;
  readonly elected: readonly string[];
  readonly runoff: { readonly seats: number; readonly candidates: readonly string[] } | null;
  readonly shortfall: number;
}

export interface RoundDetail {
  readonly id: string;
  readonly seq: number;
  readonly kind: RoundKind;
  readonly mode: 'paper' | 'electronic';
  readonly status: 'open' | 'closed' | 'counted' | 'signed-off' | 'announced';
  readonly seats: number;
  readonly candidates: readonly string[];
  readonly expected: number | null;
  readonly present: number | null;
  readonly ballotsIssued: number | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly announcedAt: string | null;
  readonly result: RoundOutcome | null;
}

export interface ElectionDetail {
  readonly id: string;
  readonly office: string;
  readonly title: string;
  readonly seats: number;
  readonly ballotMode: 'paper' | 'electronic';
  readonly status: 'preparing' | 'in-progress' | 'complete';
  readonly sittingId: string | null;
  readonly methodId: string | null;
  readonly preliminaryAdvance: number | null;
  readonly parameters: { readonly candidacy: 'competitive' | 'equal' | 'free' };
  readonly candidates: readonly Candidate[];
  readonly candidacy: CandidacyVerdict;
  readonly officers: readonly Officer[];
  readonly rounds: readonly RoundDetail[];
  readonly chain: {
    readonly stage: 'preliminary' | 'election' | 'complete';
    readonly seats: number;
    readonly elected: readonly string[];
    readonly reductions: ReadonlyArray<{
      readonly seats: number;
      readonly approvedBy: 'electors-majority' | 'presidium';
    }>;
    readonly next: NextStep;
  };
}

/** [P6] A place in the new term, as GET /api/terms/:termId lists it. */
export interface TermPosition {
  readonly id: string;
  readonly personName: string;
  readonly electionId: string | null;
  readonly reportingStatus: 'filed' | 'pending-approval' | 'approved' | null;
}

export interface TermSummary {
  readonly id: string;
  readonly electedByCongressId: string | null;
}

export interface PaperKeying {
  readonly roundId: string;
  readonly status: string;
  readonly tellers: ReadonlyArray<{
    readonly username: string;
    readonly displayName: string;
    readonly pass: 'A' | 'B';
    readonly batches: ReadonlyArray<{ readonly batchNo: number; readonly sheets: number }>;
    readonly sheets: number;
    readonly lastEnteredAt: string;
  }>;
}

export interface SheetProgress {
  readonly sheets: number;
  readonly onlyA: number;
  readonly onlyB: number;
  readonly agreed: number;
  readonly resolved: number;
  readonly unresolved: number;
  readonly settled: number;
}

export interface PaperReconciliation {
  readonly roundId: string;
  readonly status: string;
  readonly reconciliation: {
    readonly rule: 'B2';
    readonly issued: number | null;
    readonly returned: number;
    readonly valid: boolean | null;
    readonly en: string;
    readonly zh: string;
  };
  readonly progress: SheetProgress;
}

export interface BatchComparison {
  readonly batchNo: number;
  readonly onlyA: readonly number[];
  readonly onlyB: readonly number[];
  readonly agreed: readonly number[];
  readonly disagreements: ReadonlyArray<{ readonly sheetNo: number; readonly resolution: unknown }>;
}

export interface PaperComparison {
  readonly roundId: string;
  readonly status: string;
  readonly progress: SheetProgress;
  readonly batches: readonly BatchComparison[];
}

export interface OnLeaveDelegate {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly delegation: string | null;
  readonly votingRights: boolean;
  readonly kind: 'personal' | 'illness' | 'other';
  readonly note: string | null;
}

export interface AbsentDelegate {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly delegation: string | null;
  readonly votingRights: boolean;
  readonly checkedOutAt: string | null;
}

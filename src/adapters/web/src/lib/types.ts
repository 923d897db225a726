// The shapes the API answers with (src/services/**: the views its routes return), as far as the
// pages use them. Kept by hand: the web app does not import server code.

export interface CongressBasics {
  readonly id: string;
  readonly title: string;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly venue: string | null;
}

export interface CongressView extends CongressBasics {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly kind: 'congress' | 'plenary';
  readonly number: number;
  readonly plenaryNumber: number | null;
  readonly name: string;
  readonly theme: string | null;
  readonly ruleSet: 'local-congress' | 'local-plenary' | 'grassroots';
  readonly status: 'preparing' | 'in-session' | 'closed';
  readonly secretaryGeneral: string | null;
  /** For a congress: the first plenary of the committee it elected, once prepared. */
  readonly firstPlenaryId: string | null;
}

export interface AttendanceCounts {
  readonly sittingId: string;
  readonly sittingTitle: string;
  readonly sittingStatus: 'scheduled' | 'open' | 'closed';
  readonly expected: number;
  readonly present: number;
  readonly onLeave: {
    readonly total: number;
    readonly personal: number;
    readonly illness: number;
    readonly other: number;
  };
  readonly absent: number;
  readonly nonVoting: { readonly expected: number; readonly present: number };
  readonly quorum: {
    readonly met: boolean;
    readonly rule: string;
    readonly minimumPresent: number;
    readonly fraction: string;
    readonly expected: number;
    readonly present: number;
  };
  readonly summary: { readonly zh: string; readonly en: string };
}

export interface CurrentAttendance {
  readonly congressId: string;
  readonly sittings: readonly AttendanceCounts[];
}

export type AttendanceStatus = 'absent' | 'present' | 'leave';

export interface SearchCandidate {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly delegation: string | null;
  readonly hasPhoto: boolean;
  readonly votingRights: boolean;
  readonly status: AttendanceStatus;
  readonly checkedInAt: string | null;
  readonly desk: string | null;
  readonly leaveReason: string | null;
}

export interface SearchResult {
  readonly candidates: readonly SearchCandidate[];
  readonly more: boolean;
}

export interface AttendanceOutcome {
  readonly changed: boolean;
  readonly action: 'check-in' | 'check-out' | 'leave' | 'cancel-leave';
  readonly sittingId: string;
  readonly delegate: {
    readonly id: string;
    readonly name: string;
    readonly code: string;
    readonly delegation: string | null;
    readonly votingRights: boolean;
  };
  readonly previousStatus: AttendanceStatus;
  readonly status: AttendanceStatus;
  readonly checkedInAt: string | null;
  readonly checkedOutAt: string | null;
  readonly desk: string | null;
  readonly leaveReason: string | null;
  readonly message: { readonly en: string; readonly zh: string };
}

export interface SittingView {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly status: 'scheduled' | 'open' | 'closed';
  readonly sortOrder: number;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly venue: string | null;
  readonly presiding: string | null;
  readonly chairs: ReadonlyArray<{ readonly delegateId: string; readonly name: string }>;
}

export interface DelegateView {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly initials: string;
  readonly gender: string;
  readonly ethnicity: string;
  readonly birthDate: string | null;
  readonly joinedDate: string | null;
  readonly position: string | null;
  readonly delegationId: string | null;
  readonly delegation: string | null;
  readonly idNumber: string | null;
  readonly votingRights: boolean;
  readonly suspensionReason: string | null;
  readonly hasPhoto: boolean;
  readonly hasCredential: boolean;
}

export interface DelegateWithPhoto extends DelegateView {
  readonly photo: string | null;
}

export interface DelegationView {
  readonly id: string;
  readonly name: string;
  readonly sortOrder: number;
  readonly delegates: number;
}

export interface BodiesView {
  readonly bodies: ReadonlyArray<{
    readonly body: 'presidium' | 'presidium-standing-committee' | 'credentials-committee';
    readonly members: ReadonlyArray<{
      readonly delegateId: string;
      readonly name: string;
      readonly role: string;
    }>;
  }>;
}

export interface ImportIssue {
  readonly row: number;
  readonly field: string;
  readonly en: string;
  readonly zh: string;
}

export interface DelegateDraft {
  readonly name: string;
  readonly gender: 'male' | 'female';
  readonly ethnicity: string;
  readonly birthDate: string;
  readonly joinedDate: string;
  readonly position: string;
  readonly delegation: string;
  readonly idNumber: string;
  readonly votingRights: boolean;
  readonly suspensionReason?: string;
  readonly code?: string;
}

export interface ImportPreview {
  readonly fileName: string;
  readonly sha256: string;
  readonly encoding: string | null;
  readonly total: number;
  readonly validCount: number;
  readonly errors: readonly ImportIssue[];
  readonly ignoredColumns: readonly string[];
  readonly newDelegations: readonly string[];
  readonly delegates: readonly DelegateDraft[];
}

export interface ImportDone {
  readonly imported: number;
  readonly delegationsCreated: readonly string[];
  readonly codes: { readonly first: string; readonly last: string } | null;
}

export interface IssuedCredential {
  readonly delegateId: string;
  readonly code: string;
  readonly name: string;
  readonly delegation: string | null;
  readonly credential: string;
}

export type RoundKind = 'formal' | 'preliminary' | 'runoff' | 'supplementary';

export interface CandidateResult {
  readonly name: string;
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly elected: boolean;
}

export interface RoundResult {
  readonly outcome: string;
  readonly ballots: { readonly returned: number; readonly valid: number; readonly invalid: number };
  readonly results: readonly CandidateResult[];
  readonly elected: readonly string[];
  readonly electedAlternates?: readonly string[];
  readonly runoff: { readonly seats: number; readonly candidates: readonly string[] } | null;
  readonly shortfall: number;
}

export interface RoundView {
  readonly id: string;
  readonly seq: number;
  readonly kind: RoundKind;
  readonly mode: 'paper' | 'electronic';
  readonly status: 'open' | 'closed' | 'counted' | 'signed-off' | 'announced';
  readonly seats: number;
  readonly expected: number | null;
  readonly present: number | null;
  readonly ballotsIssued: number | null;
  readonly announcedAt: string | null;
  readonly result: RoundResult | null;
}

export interface ElectionSummary {
  readonly id: string;
  readonly office: string;
  readonly title: string;
  readonly seats: number;
  readonly ballotMode: 'paper' | 'electronic';
  readonly status: string;
  readonly sortOrder: number;
}

export interface ElectionView {
  readonly id: string;
  readonly office: string;
  readonly title: string;
  readonly seats: number;
  readonly ballotMode: 'paper' | 'electronic';
  readonly status: string;
  readonly rounds: readonly RoundView[];
}

export interface Turnout {
  readonly roundId: string;
  readonly status: string;
  readonly issued: number;
  readonly voted: number;
}

/** Payloads of the event stream (src/services: attendance-announcer, rounds, cast, paper-store). */
export type VotingEvent =
  | {
      readonly roundId: string;
      readonly electionId: string;
      readonly status: 'open';
      readonly seq: number;
      readonly expected: number;
      readonly present: number;
    }
  | {
      readonly roundId: string;
      readonly electionId: string;
      readonly status: 'closed';
      readonly ballotsIssued: number;
    }
  | { readonly roundId: string; readonly electionId: string; readonly status: 'counted' | 'signed-off' }
  | { readonly roundId: string; readonly voted: number; readonly issued: number; readonly status?: undefined }
  | {
      readonly roundId: string;
      readonly entered: number;
      readonly agreed: number;
      readonly disagreements: number;
      readonly status?: undefined;
    }
  | {
      readonly voteId: string;
      readonly voted: number;
      readonly roundId?: undefined;
      readonly status?: undefined;
    };

export interface ResultEvent {
  readonly roundId: string;
  readonly electionId: string;
  readonly outcome: string;
  readonly elected: ReadonlyArray<{ readonly name: string; readonly votes: number }>;
  readonly electedAlternates: readonly string[];
  readonly runoff: { readonly seats: number; readonly candidates: readonly string[] } | null;
  readonly shortfall: number;
  readonly complete: boolean;
}

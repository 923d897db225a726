// Row types of the congress domain (migration 0002). Conventions as in schema.ts: text ids,
// ISO-8601 UTC text times, integer 0/1 booleans, JSON as text.

export interface AccountsTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  created_at: string;
  disabled: number;
}

import type { Role } from '../contract/roles.ts';

export type { Role };

export interface AccountRolesTable {
  id: string;
  account_id: string;
  /** A congress id, or '*' for every congress. */
  congress_id: string;
  role: Role;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  account_id: string | null;
  delegate_id: string | null;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  short_name: string;
  locality: string;
  level: 'province' | 'city' | 'county' | 'grassroots';
  parent_id: string | null;
}

export interface TermsTable {
  id: string;
  organisation_id: string;
  body: 'committee' | 'discipline-commission';
  number: number;
  started_on: string;
  ended_on: string | null;
  elected_by_congress_id: string | null;
}

export interface TermPositionsTable {
  id: string;
  term_id: string;
  person_name: string;
  position: 'member' | 'alternate' | 'standing-member' | 'secretary' | 'deputy-secretary';
  rank: number | null;
  delegate_id: string | null;
  election_id: string | null;
  reporting_status: 'filed' | 'pending-approval' | 'approved' | null;
  approved_at: string | null;
  approval_note: string | null;
  /** Migration 0006: the person across the term's positions (member, standing member, secretary…). */
  person_id?: string | null;
  /** Migration 0006: the date the person took the position (`2021-11-06`). */
  since?: string | null;
  /** Migration 0006: the date and reason the person left it; the row stays as the register's history. */
  left_on?: string | null;
  left_reason?: string | null;
  /** Migration 0006: how the position was filled. */
  source?: 'election' | 'succession' | 'appointment' | null;
  /** Migration 0006: [M5] the member's seat this succession fills. */
  succeeds_id?: string | null;
}

export interface CongressesTable {
  id: string;
  organisation_id: string;
  /** Migration 0006: 'standing-committee' meetings join congresses and plenaries. */
  kind: 'congress' | 'plenary' | 'standing-committee';
  number: number;
  plenary_number: number | null;
  term_id: string | null;
  title: string;
  theme: string | null;
  venue: string | null;
  starts_on: string | null;
  ends_on: string | null;
  rule_set: 'local-congress' | 'local-plenary' | 'grassroots';
  status: 'preparing' | 'in-session' | 'closed';
  secretary_general: string | null;
  created_at: string;
  /** Migration 0006: 扩大会议, with non-members attending. */
  enlarged?: number;
  /** Migration 0006: a standing committee meeting's number within its year. */
  year_number?: number | null;
  /** Migration 0006: when the meeting was held, local time (`2022-07-20T09:00`), as recorded. */
  held_at?: string | null;
  /** Migration 0006: who presided: a person, or 市委常委会 for a plenary. */
  presided_by?: string | null;
  /** Migration 0006: the presiding person's capacity as reported (省委常委、市委书记). */
  presided_by_capacity?: string | null;
  /** Migration 0006: the theme in English, and the main tasks (大会的主要任务是，…) with their English. */
  theme_en?: string | null;
  main_tasks?: string | null;
  main_tasks_en?: string | null;
}

export interface DelegationsTable {
  id: string;
  congress_id: string;
  name: string;
  sort_order: number;
}

export interface DelegatesTable {
  id: string;
  congress_id: string;
  delegation_id: string | null;
  code: string;
  name: string;
  gender: string;
  ethnicity: string;
  birth_date: string | null;
  joined_date: string | null;
  position: string | null;
  id_number: string | null;
  voting_rights: number;
  suspension_reason: string | null;
  photo: string | null;
  credential_hash: string | null;
  account_id: string | null;
  created_at: string;
  /** Migration 0006: at a meeting of the sitting committee, what the person attends as; null at a congress. */
  capacity?: 'member' | 'alternate' | 'standing-member' | 'attendee' | null;
  /** Migration 0006: the register's row the roster entry was taken from. */
  position_id?: string | null;
}

export interface BodyMembersTable {
  id: string;
  congress_id: string;
  body: 'presidium' | 'presidium-standing-committee' | 'credentials-committee';
  role: string;
  delegate_id: string;
  rank: number | null;
}

export interface SittingsTable {
  id: string;
  congress_id: string;
  kind: 'preparatory' | 'opening' | 'plenary' | 'closing' | 'presidium' | 'delegation-discussion';
  title: string;
  status: 'scheduled' | 'open' | 'closed';
  sort_order: number;
  starts_at: string | null;
  ends_at: string | null;
  venue: string | null;
  presiding: string | null;
  opened_at: string | null;
  closed_at: string | null;
}

export interface SittingChairsTable {
  id: string;
  sitting_id: string;
  delegate_id: string;
  rank: number | null;
}

export interface AgendaItemsTable {
  id: string;
  sitting_id: string;
  kind: 'report' | 'written-report' | 'adoption-vote' | 'election' | 'other';
  title: string;
  sort_order: number;
  presenter: string | null;
  body: string | null;
  attachments_json: string | null;
}

export interface AdoptionVotesTable {
  id: string;
  agenda_item_id: string;
  subject: string;
  mode: 'counts' | 'electronic';
  status: 'open' | 'closed';
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  expected: number | null;
  present: number | null;
  adopted: number | null;
  opened_at: string | null;
  closed_at: string | null;
  /** Migration 0003: 'present' (more than half of those present) or 'expected' ([P4]); null reads as 'present'. */
  basis: 'present' | 'expected' | null;
  /** Migration 0003: what adopting the vote sets (services/congress/proposals.ts), or null. */
  proposal_json: string | null;
}

export interface AdoptionBallotsTable {
  receipt: string;
  vote_id: string;
  choice: 'for' | 'against' | 'abstain';
}

export interface AdoptionVotersTable {
  vote_id: string;
  delegate_id: string;
}

export interface AttendanceTable {
  sitting_id: string;
  delegate_id: string;
  status: 'present' | 'absent' | 'leave';
  updated_at: string;
  leave_reason: string | null;
  checked_in_at: string | null;
  checked_out_at: string | null;
  desk: string | null;
}

export interface AttendanceEventsTable {
  id: string;
  sitting_id: string;
  delegate_id: string;
  action: 'check-in' | 'check-out' | 'leave' | 'cancel-leave';
  at: string;
  actor: string;
  desk: string | null;
  reason: string | null;
}

export interface ElectionMethodsTable {
  id: string;
  congress_id: string;
  title: string;
  status: 'draft' | 'adopted' | 'rejected';
  parameters_json: string;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  expected: number | null;
  body: string | null;
  adopted_at: string | null;
}

export interface ElectionsTable {
  id: string;
  congress_id: string;
  office: string;
  title: string;
  rule_set: string;
  parameters_json: string;
  ballot_mode: 'paper' | 'electronic';
  status: 'preparing' | 'in-progress' | 'complete';
  seats: number;
  sort_order: number;
  preliminary_advance: number | null;
  sitting_id: string | null;
  method_id: string | null;
}

export interface CandidatesTable {
  id: string;
  election_id: string;
  name: string;
  approved_rank: number | null;
  delegate_id: string | null;
  gender: string | null;
  ethnicity: string | null;
  position: string | null;
}

export interface ElectionOfficersTable {
  id: string;
  election_id: string;
  role: 'chief-scrutineer' | 'deputy-chief-scrutineer' | 'scrutineer' | 'teller';
  name: string;
  delegate_id: string | null;
  account_id: string | null;
}

export interface RoundsTable {
  id: string;
  election_id: string;
  seq: number;
  kind: 'formal' | 'preliminary' | 'runoff' | 'supplementary';
  mode: 'paper' | 'electronic';
  /** 'prepared': fixed and printable before the vote, not opened yet (round-preparation.ts). */
  status: 'prepared' | 'open' | 'closed' | 'counted' | 'signed-off' | 'announced';
  candidates_json: string;
  seats: number;
  advance: number | null;
  expected: number | null;
  present: number | null;
  ballots_issued: number | null;
  sitting_id: string | null;
  opened_at: string | null;
  closed_at: string | null;
  result_json: string | null;
  signed_off_at: string | null;
  announced_at: string | null;
  /**
   * Migration 0007 [B4]: the round's X25519 public key (base64), to which every electronic ballot
   * is sealed; null for a paper round and for electronic rounds cast before 0007 (plain).
   */
  public_key?: string | null;
  /** Migration 0007: how the private key was split (services/ballots/sealed/round-key.ts: RoundKeyRecord). */
  key_json?: string | null;
  /** Migration 0007: when the scrutineers' shares opened the sealed ballots (electronic_ballots written). */
  decrypted_at?: string | null;
}

export interface ElectionDecisionsTable {
  id: string;
  election_id: string;
  kind: 'reduce-seats';
  detail_json: string;
  decided_at: string;
  actor: string;
}

export interface RoundPresenceTable {
  round_id: string;
  delegate_id: string;
}

export interface PaperEntriesTable {
  id: string;
  round_id: string;
  pass: 'A' | 'B';
  batch_no: number;
  sheet_no: number;
  marks: string;
  write_ins_json: string | null;
  void_reason: string | null;
  entered_by: string;
  entered_at: string;
}

export interface PaperResolutionsTable {
  id: string;
  round_id: string;
  batch_no: number;
  sheet_no: number;
  marks: string;
  write_ins_json: string | null;
  void_reason: string | null;
  resolved_by: string;
  resolved_at: string;
}

export interface RoundSignoffsTable {
  id: string;
  round_id: string;
  account_id: string;
  role: string;
  signed_at: string;
}

/**
 * A ballot opened by the scrutineers' shares after the close [B4]. `receipt` is a random key drawn
 * when the ballots were opened (the rows are written in its order), never given to anyone: the
 * voter's receipt is the tracker of the sealed ballot (sealed_ballots), and nothing pairs the two.
 */
export interface ElectronicBallotsTable {
  receipt: string;
  round_id: string;
  marks: string;
  write_ins_json: string | null;
}

export interface ElectronicVotersTable {
  round_id: string;
  delegate_id: string;
}

/** Migration 0007 [B4]: a cast ballot, sealed to the round's public key, keyed by its tracker. */
export interface SealedBallotsTable {
  /** A hash of the ciphertext (services/ballots/sealed/ballot-crypto.ts): the voter's receipt. */
  tracker: string;
  round_id: string;
  /** The sealed box, base64. */
  ciphertext: string;
}

/** Migration 0007: a new credential asked for while an electronic vote was open, and who approved it. */
export interface CredentialReissuesTable {
  id: string;
  congress_id: string;
  delegate_id: string;
  reason: string;
  /** The account that asked (an administrator). */
  requested_by: string;
  requested_at: string;
  /** The electronic votes open when it was asked: [{ kind: 'round' | 'adoption-vote', id, title }]. */
  open_votes_json: string;
  /** The second person: a scrutineer's account, who received the code. Null while pending. */
  approved_by: string | null;
  approved_at: string | null;
}

export interface CongressSchema {
  accounts: AccountsTable;
  account_roles: AccountRolesTable;
  sessions: SessionsTable;
  organisations: OrganisationsTable;
  terms: TermsTable;
  term_positions: TermPositionsTable;
  congresses: CongressesTable;
  delegations: DelegationsTable;
  delegates: DelegatesTable;
  body_members: BodyMembersTable;
  sittings: SittingsTable;
  sitting_chairs: SittingChairsTable;
  agenda_items: AgendaItemsTable;
  adoption_votes: AdoptionVotesTable;
  adoption_ballots: AdoptionBallotsTable;
  adoption_voters: AdoptionVotersTable;
  attendance: AttendanceTable;
  attendance_events: AttendanceEventsTable;
  election_methods: ElectionMethodsTable;
  elections: ElectionsTable;
  candidates: CandidatesTable;
  election_officers: ElectionOfficersTable;
  rounds: RoundsTable;
  election_decisions: ElectionDecisionsTable;
  round_presence: RoundPresenceTable;
  paper_entries: PaperEntriesTable;
  paper_resolutions: PaperResolutionsTable;
  round_signoffs: RoundSignoffsTable;
  electronic_ballots: ElectronicBallotsTable;
  electronic_voters: ElectronicVotersTable;
  sealed_ballots: SealedBallotsTable;
  credential_reissues: CredentialReissuesTable;
}

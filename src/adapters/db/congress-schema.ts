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

export type Role = 'admin' | 'check-in' | 'teller' | 'scrutineer' | 'presiding' | 'delegate' | 'public';

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
}

export interface CongressesTable {
  id: string;
  organisation_id: string;
  kind: 'congress' | 'plenary';
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
  status: 'open' | 'closed' | 'counted' | 'signed-off' | 'announced';
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
}

import type { Insertable } from 'kysely';
import type {
  AccountRolesTable,
  AccountsTable,
  AdoptionVotesTable,
  AgendaItemsTable,
  AttendanceEventsTable,
  AttendanceTable,
  BodyMembersTable,
  CandidatesTable,
  CongressesTable,
  DelegatesTable,
  DelegationsTable,
  ElectionDecisionsTable,
  ElectionMethodsTable,
  ElectionOfficersTable,
  ElectionsTable,
  OrganisationsTable,
  PaperEntriesTable,
  PaperResolutionsTable,
  RoundSignoffsTable,
  RoundsTable,
  SessionsTable,
  SittingChairsTable,
  SittingsTable,
  TermPositionsTable,
  TermsTable,
} from '../../../src/persistence/congress-schema.ts';
import type { Schema, WriteTransaction } from '../../../src/persistence/index.ts';
import type { UntypedKysely } from '../../../src/persistence/schema.ts';

// Every column of the congress tables, filled in one place: the rows the test builder writes
// (world.ts) and the few tests that write an odd row themselves (the backup fixture, a doctored
// ballot) start from these, so a migration that adds a column changes this file and no other.
//
// Each function takes the columns that identify the row and any others to override; the rest
// are the defaults here. Columns a later migration added as nullable, or with a default (typed
// optional in the schema: congresses.enlarged, delegates.capacity…, and adoption_votes.basis of
// 0003), are left to the database unless given, so the same rows load into a database migrated
// only to 0002 (the backup tests).

/** When rows say they were created, opened or counted, unless a test says otherwise. */
export const BUILT_AT = '2026-09-20T00:00:00.000Z';

type Row<T, Key extends keyof T> = Pick<T, Key> & Partial<T>;

export function accountRow(row: Row<AccountsTable, 'id' | 'username'>): AccountsTable {
  return {
    display_name: row.username,
    password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    created_at: BUILT_AT,
    disabled: 0,
    ...row,
  };
}

export function accountRoleRow(
  row: Row<AccountRolesTable, 'id' | 'account_id' | 'congress_id' | 'role'>,
): AccountRolesTable {
  return { ...row };
}

export function sessionRow(row: Row<SessionsTable, 'id' | 'token_hash' | 'csrf_token'>): SessionsTable {
  return {
    created_at: BUILT_AT,
    expires_at: '2026-09-21T00:00:00.000Z',
    account_id: null,
    delegate_id: null,
    ...row,
  };
}

export function organisationRow(row: Row<OrganisationsTable, 'id'>): OrganisationsTable {
  return {
    name: '中共某县委员会',
    short_name: '县委',
    locality: '某县',
    level: 'county',
    parent_id: null,
    ...row,
  };
}

export function termRow(row: Row<TermsTable, 'id' | 'organisation_id'>): TermsTable {
  return {
    body: 'committee',
    number: 1,
    started_on: '2021-06-20',
    ended_on: null,
    elected_by_congress_id: null,
    ...row,
  };
}

export function positionRow(
  row: Row<TermPositionsTable, 'id' | 'term_id' | 'person_name' | 'position'>,
): TermPositionsTable {
  return {
    rank: null,
    delegate_id: null,
    election_id: null,
    reporting_status: null,
    approved_at: null,
    approval_note: null,
    ...row,
  };
}

export function congressRow(row: Row<CongressesTable, 'id' | 'organisation_id'>): CongressesTable {
  return {
    kind: 'congress',
    number: 1,
    plenary_number: null,
    term_id: null,
    title: '中国共产党某县第一次代表大会',
    theme: null,
    venue: null,
    starts_on: null,
    ends_on: null,
    rule_set: 'local-congress',
    status: 'preparing',
    secretary_general: null,
    created_at: BUILT_AT,
    ...row,
  };
}

export function delegationRow(row: Row<DelegationsTable, 'id' | 'congress_id' | 'name'>): DelegationsTable {
  return { sort_order: 1, ...row };
}

export function delegateRow(
  row: Row<DelegatesTable, 'id' | 'congress_id' | 'code' | 'name'>,
): DelegatesTable {
  return {
    delegation_id: null,
    gender: 'male',
    ethnicity: '汉族',
    birth_date: null,
    joined_date: null,
    position: null,
    id_number: null,
    voting_rights: 1,
    suspension_reason: null,
    photo: null,
    credential_hash: null,
    account_id: null,
    created_at: BUILT_AT,
    ...row,
  };
}

export function bodyMemberRow(
  row: Row<BodyMembersTable, 'id' | 'congress_id' | 'delegate_id'>,
): BodyMembersTable {
  return { body: 'presidium', role: 'member', rank: null, ...row };
}

export function sittingRow(row: Row<SittingsTable, 'id' | 'congress_id'>): SittingsTable {
  return {
    kind: 'plenary',
    title: '全体会议',
    status: 'scheduled',
    sort_order: 1,
    starts_at: null,
    ends_at: null,
    venue: null,
    presiding: null,
    opened_at: null,
    closed_at: null,
    ...row,
  };
}

export function chairRow(
  row: Row<SittingChairsTable, 'id' | 'sitting_id' | 'delegate_id'>,
): SittingChairsTable {
  return { rank: null, ...row };
}

export function agendaItemRow(
  row: Row<AgendaItemsTable, 'id' | 'sitting_id' | 'kind' | 'title'>,
): AgendaItemsTable {
  return { sort_order: 1, presenter: null, body: null, attachments_json: null, ...row };
}

/** An adoption vote; basis and proposal_json (migration 0003) only when given. */
export function adoptionVoteRow(
  row: Row<AdoptionVotesTable, 'id' | 'agenda_item_id' | 'subject'>,
): Insertable<AdoptionVotesTable> {
  return {
    mode: 'counts',
    status: 'open',
    votes_for: null,
    votes_against: null,
    votes_abstain: null,
    expected: null,
    present: null,
    adopted: null,
    opened_at: null,
    closed_at: null,
    ...row,
  };
}

export function attendanceRow(row: Row<AttendanceTable, 'sitting_id' | 'delegate_id'>): AttendanceTable {
  const status = row.status ?? 'present';
  const at = row.updated_at ?? BUILT_AT;
  return {
    status,
    updated_at: at,
    leave_reason: null,
    checked_in_at: status === 'present' ? at : null,
    checked_out_at: null,
    desk: null,
    ...row,
  };
}

export function attendanceEventRow(
  row: Row<AttendanceEventsTable, 'id' | 'sitting_id' | 'delegate_id' | 'action'>,
): AttendanceEventsTable {
  return { at: BUILT_AT, actor: 'desk', desk: null, reason: null, ...row };
}

export function methodRow(row: Row<ElectionMethodsTable, 'id' | 'congress_id'>): ElectionMethodsTable {
  return {
    title: '选举办法',
    status: 'draft',
    parameters_json: '{}',
    votes_for: null,
    votes_against: null,
    votes_abstain: null,
    expected: null,
    body: null,
    adopted_at: null,
    ...row,
  };
}

export function electionRow(
  row: Row<ElectionsTable, 'id' | 'congress_id' | 'office' | 'title' | 'seats'>,
): ElectionsTable {
  return {
    rule_set: 'local-congress',
    parameters_json: '{}',
    ballot_mode: 'paper',
    status: 'preparing',
    sort_order: 1,
    preliminary_advance: null,
    sitting_id: null,
    method_id: null,
    ...row,
  };
}

export function candidateRow(row: Row<CandidatesTable, 'id' | 'election_id' | 'name'>): CandidatesTable {
  return { approved_rank: null, delegate_id: null, gender: null, ethnicity: null, position: null, ...row };
}

export function officerRow(
  row: Row<ElectionOfficersTable, 'id' | 'election_id' | 'role' | 'name'>,
): ElectionOfficersTable {
  return { delegate_id: null, account_id: null, ...row };
}

export function roundRow(
  row: Row<RoundsTable, 'id' | 'election_id' | 'candidates_json' | 'seats'>,
): RoundsTable {
  return {
    seq: 1,
    kind: 'formal',
    mode: 'paper',
    status: 'open',
    advance: null,
    expected: null,
    present: null,
    ballots_issued: null,
    sitting_id: null,
    opened_at: BUILT_AT,
    closed_at: null,
    result_json: null,
    signed_off_at: null,
    announced_at: null,
    ...row,
  };
}

export function electionDecisionRow(
  row: Row<ElectionDecisionsTable, 'id' | 'election_id' | 'detail_json'>,
): ElectionDecisionsTable {
  return { kind: 'reduce-seats', decided_at: BUILT_AT, actor: 'presidium', ...row };
}

export function paperEntryRow(
  row: Row<PaperEntriesTable, 'id' | 'round_id' | 'pass' | 'sheet_no' | 'marks' | 'entered_by'>,
): PaperEntriesTable {
  return { batch_no: 1, write_ins_json: null, void_reason: null, entered_at: BUILT_AT, ...row };
}

export function paperResolutionRow(
  row: Row<PaperResolutionsTable, 'id' | 'round_id' | 'sheet_no' | 'marks' | 'resolved_by'>,
): PaperResolutionsTable {
  return { batch_no: 1, write_ins_json: null, void_reason: null, resolved_at: BUILT_AT, ...row };
}

export function signoffRow(
  row: Row<RoundSignoffsTable, 'id' | 'round_id' | 'account_id'>,
): RoundSignoffsTable {
  return { role: 'chief-scrutineer', signed_at: BUILT_AT, ...row };
}

/** The lists a row takes its place in, by what owns the list. */
const ORDERED = {
  delegations: 'congress_id',
  sittings: 'congress_id',
  elections: 'congress_id',
  agenda_items: 'sitting_id',
  rounds: 'election_id',
} as const;

/** The next place in a list, as the services number them: one after the highest sort_order (a round's seq). */
export async function nextPlace(
  trx: WriteTransaction,
  table: keyof typeof ORDERED,
  owner: string,
): Promise<number> {
  const column = table === 'rounds' ? 'seq' : 'sort_order';
  const row = await (trx as unknown as UntypedKysely)
    .selectFrom(table)
    .select((eb) => eb.fn.max(column).as('highest'))
    .where(ORDERED[table], '=', owner)
    .executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}

/** Chunks small enough for every engine's limit on bound parameters. */
const CHUNK = 200;

/** Inserts rows in chunks: thousands of delegates or ballots in a few statements. */
export async function insertRows<T extends keyof Schema & string>(
  trx: WriteTransaction,
  table: T,
  rows: readonly Insertable<Schema[T]>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    // Kysely cannot relate a generic table to its row type: the signature above does.
    const chunk = rows.slice(start, start + CHUNK) as never;
    await trx.insertInto(table).values(chunk).execute();
  }
}

import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

// The congress domain: organisations and their terms, congresses and plenaries with their
// delegates, bodies, sittings and agenda, attendance, elections and their rounds, paper and
// electronic ballots, and accounts. Portable column types only (see schema.ts).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped
type Db = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: the builder's table and column types are untyped here
type Table = CreateTableBuilder<any, any>;

const text = (table: Table, ...names: string[]): Table =>
  names.reduce((t, name) => t.addColumn(name, 'text', (c) => c.notNull()), table);
const optionalText = (table: Table, ...names: string[]): Table =>
  names.reduce((t, name) => t.addColumn(name, 'text'), table);
const integer = (table: Table, ...names: string[]): Table =>
  names.reduce((t, name) => t.addColumn(name, 'integer', (c) => c.notNull()), table);
const optionalInteger = (table: Table, ...names: string[]): Table =>
  names.reduce((t, name) => t.addColumn(name, 'integer'), table);
const withId = (db: Db, name: string): Table =>
  db.schema.createTable(name).addColumn('id', 'text', (c) => c.primaryKey());
const reference = (table: Table, column: string, target: string, optional = false): Table =>
  table.addColumn(column, 'text', (c) => {
    const col = c.references(`${target}.id`).onDelete('restrict');
    return optional ? col : col.notNull();
  });

export async function up(db: Db): Promise<void> {
  // Accounts and sessions ------------------------------------------------------------------
  await text(withId(db, 'accounts'), 'username', 'display_name', 'password_hash', 'created_at')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('accounts_username_unique', ['username'])
    .execute();
  // A role in one congress, or in every congress ('*'): administrator, check-in staff, teller…
  await reference(text(withId(db, 'account_roles'), 'congress_id', 'role'), 'account_id', 'accounts')
    .addUniqueConstraint('account_roles_unique', ['account_id', 'congress_id', 'role'])
    .execute();
  // A session belongs to a staff account, or to a delegate who logged in with their credential.
  await optionalText(
    text(withId(db, 'sessions'), 'token_hash', 'csrf_token', 'created_at', 'expires_at'),
    'account_id',
    'delegate_id',
  )
    .addUniqueConstraint('sessions_token_unique', ['token_hash'])
    .execute();

  // Organisations and terms (届) ---------------------------------------------------------------
  await reference(
    text(withId(db, 'organisations'), 'name', 'short_name', 'locality', 'level'),
    'parent_id',
    'organisations',
    true,
  ).execute();
  await optionalText(
    reference(
      integer(text(withId(db, 'terms'), 'body', 'started_on'), 'number'),
      'organisation_id',
      'organisations',
    ),
    'ended_on',
    'elected_by_congress_id',
  )
    .addUniqueConstraint('terms_number_unique', ['organisation_id', 'body', 'number'])
    .execute();
  await optionalText(
    optionalInteger(
      reference(text(withId(db, 'term_positions'), 'person_name', 'position'), 'term_id', 'terms'),
      'rank',
    ),
    'delegate_id',
    'election_id',
    'reporting_status',
    'approved_at',
    'approval_note',
  ).execute();

  // Congresses and plenaries ----------------------------------------------------------------
  await optionalText(
    optionalInteger(
      reference(
        integer(
          text(withId(db, 'congresses'), 'kind', 'title', 'rule_set', 'status', 'created_at'),
          'number',
        ),
        'organisation_id',
        'organisations',
      ),
      'plenary_number',
    ),
    'term_id',
    'theme',
    'venue',
    'starts_on',
    'ends_on',
    'secretary_general',
  ).execute();
  await reference(integer(text(withId(db, 'delegations'), 'name'), 'sort_order'), 'congress_id', 'congresses')
    .addUniqueConstraint('delegations_name_unique', ['congress_id', 'name'])
    .execute();
  await optionalText(
    reference(
      reference(
        integer(
          text(withId(db, 'delegates'), 'code', 'name', 'gender', 'ethnicity', 'created_at'),
          'voting_rights',
        ),
        'congress_id',
        'congresses',
      ),
      'delegation_id',
      'delegations',
      true,
    ),
    'birth_date',
    'joined_date',
    'position',
    'id_number',
    'suspension_reason',
    'photo',
    'credential_hash',
    'account_id',
  )
    .addUniqueConstraint('delegates_code_unique', ['congress_id', 'code'])
    .execute();
  await db.schema
    .createIndex('delegates_congress_index')
    .on('delegates')
    .columns(['congress_id', 'name'])
    .execute();
  // Presidium, its standing committee, the credentials committee; executive chairs are per sitting.
  await optionalInteger(
    reference(
      reference(text(withId(db, 'body_members'), 'body', 'role'), 'congress_id', 'congresses'),
      'delegate_id',
      'delegates',
    ),
    'rank',
  )
    .addUniqueConstraint('body_members_unique', ['congress_id', 'body', 'delegate_id'])
    .execute();

  // Sittings and agenda ---------------------------------------------------------------------
  await optionalText(
    reference(
      integer(text(withId(db, 'sittings'), 'kind', 'title', 'status'), 'sort_order'),
      'congress_id',
      'congresses',
    ),
    'starts_at',
    'ends_at',
    'venue',
    'presiding',
    'opened_at',
    'closed_at',
  ).execute();
  await optionalInteger(
    reference(
      reference(text(withId(db, 'sitting_chairs')), 'sitting_id', 'sittings'),
      'delegate_id',
      'delegates',
    ),
    'rank',
  )
    .addUniqueConstraint('sitting_chairs_unique', ['sitting_id', 'delegate_id'])
    .execute();
  await optionalText(
    reference(
      integer(text(withId(db, 'agenda_items'), 'kind', 'title'), 'sort_order'),
      'sitting_id',
      'sittings',
    ),
    'presenter',
    'body',
    'attachments_json',
  ).execute();
  // 表决: counts entered by hand, or cast electronically (then counted from adoption_ballots).
  await optionalText(
    optionalInteger(
      reference(
        text(withId(db, 'adoption_votes'), 'subject', 'mode', 'status'),
        'agenda_item_id',
        'agenda_items',
      ),
      'votes_for',
      'votes_against',
      'votes_abstain',
      'expected',
      'present',
      'adopted',
    ),
    'opened_at',
    'closed_at',
  ).execute();
  // [B4] an electronic adoption ballot carries its choice only; who voted is in adoption_voters.
  await text(
    db.schema.createTable('adoption_ballots').addColumn('receipt', 'text', (c) => c.primaryKey()),
    'vote_id',
    'choice',
  ).execute();
  await text(db.schema.createTable('adoption_voters'), 'vote_id', 'delegate_id')
    .addPrimaryKeyConstraint('adoption_voters_pk', ['vote_id', 'delegate_id'])
    .execute();

  // Attendance -------------------------------------------------------------------------------
  await optionalText(
    text(db.schema.createTable('attendance'), 'sitting_id', 'delegate_id', 'status', 'updated_at'),
    'leave_reason',
    'checked_in_at',
    'checked_out_at',
    'desk',
  )
    .addPrimaryKeyConstraint('attendance_pk', ['sitting_id', 'delegate_id'])
    .execute();
  await optionalText(
    text(withId(db, 'attendance_events'), 'sitting_id', 'delegate_id', 'action', 'at', 'actor'),
    'desk',
    'reason',
  ).execute();
  await db.schema
    .createIndex('attendance_events_sitting_index')
    .on('attendance_events')
    .columns(['sitting_id', 'at'])
    .execute();

  // Elections ---------------------------------------------------------------------------------
  // [P4] the election method, adopted by vote before any ballot.
  await optionalText(
    optionalInteger(
      reference(
        text(withId(db, 'election_methods'), 'title', 'status', 'parameters_json'),
        'congress_id',
        'congresses',
      ),
      'votes_for',
      'votes_against',
      'votes_abstain',
      'expected',
    ),
    'body',
    'adopted_at',
  ).execute();
  await optionalText(
    optionalInteger(
      reference(
        integer(
          text(
            withId(db, 'elections'),
            'office',
            'title',
            'rule_set',
            'parameters_json',
            'ballot_mode',
            'status',
          ),
          'seats',
          'sort_order',
        ),
        'congress_id',
        'congresses',
      ),
      'preliminary_advance',
    ),
    'sitting_id',
    'method_id',
  ).execute();
  await optionalText(
    optionalInteger(
      reference(text(withId(db, 'candidates'), 'name'), 'election_id', 'elections'),
      'approved_rank',
    ),
    'delegate_id',
    'gender',
    'ethnicity',
    'position',
  )
    .addUniqueConstraint('candidates_name_unique', ['election_id', 'name'])
    .execute();
  // [P1] scrutineers (never candidates) and [P2] tellers, per election.
  await optionalText(
    reference(text(withId(db, 'election_officers'), 'role', 'name'), 'election_id', 'elections'),
    'delegate_id',
    'account_id',
  )
    .addUniqueConstraint('election_officers_unique', ['election_id', 'role', 'name'])
    .execute();
  await optionalText(
    optionalInteger(
      reference(
        integer(text(withId(db, 'rounds'), 'kind', 'mode', 'status', 'candidates_json'), 'seq', 'seats'),
        'election_id',
        'elections',
      ),
      'advance',
      'expected',
      'present',
      'ballots_issued',
    ),
    'sitting_id',
    'opened_at',
    'closed_at',
    'result_json',
    'signed_off_at',
    'announced_at',
  )
    .addUniqueConstraint('rounds_seq_unique', ['election_id', 'seq'])
    .execute();
  // [T4] seat reductions and other decisions in the chain, with who approved them.
  await text(
    withId(db, 'election_decisions'),
    'election_id',
    'kind',
    'detail_json',
    'decided_at',
    'actor',
  ).execute();
  // Who was present when each vote opened.
  await text(db.schema.createTable('round_presence'), 'round_id', 'delegate_id')
    .addPrimaryKeyConstraint('round_presence_pk', ['round_id', 'delegate_id'])
    .execute();

  // Paper ballots: double entry ----------------------------------------------------------------
  // Each teller keys each sheet; (round, pass, batch, sheet) is unique, so a retried request is harmless.
  await optionalText(
    integer(
      text(withId(db, 'paper_entries'), 'round_id', 'pass', 'marks', 'entered_by', 'entered_at'),
      'batch_no',
      'sheet_no',
    ),
    'write_ins_json',
    'void_reason',
  )
    .addUniqueConstraint('paper_entries_unique', ['round_id', 'pass', 'batch_no', 'sheet_no'])
    .execute();
  await optionalText(
    integer(
      text(withId(db, 'paper_resolutions'), 'round_id', 'marks', 'resolved_by', 'resolved_at'),
      'batch_no',
      'sheet_no',
    ),
    'write_ins_json',
    'void_reason',
  )
    .addUniqueConstraint('paper_resolutions_unique', ['round_id', 'batch_no', 'sheet_no'])
    .execute();
  await text(withId(db, 'round_signoffs'), 'round_id', 'account_id', 'role', 'signed_at')
    .addUniqueConstraint('round_signoffs_unique', ['round_id', 'account_id'])
    .execute();

  // Electronic ballots [B4] -----------------------------------------------------------------
  // The ballot: keyed by its random receipt code, with no voter, no time and no serial. On SQLite
  // the table has no rowid, so rows are stored in receipt order, not insertion order.
  await optionalText(
    text(
      db.schema.createTable('electronic_ballots').addColumn('receipt', 'text', (c) => c.primaryKey()),
      'round_id',
      'marks',
    ),
    'write_ins_json',
  )
    .$call((t) => (dialectOf(db) === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  // Who has voted in a round: enforced once per round by the primary key; no time recorded.
  await text(db.schema.createTable('electronic_voters'), 'round_id', 'delegate_id')
    .addPrimaryKeyConstraint('electronic_voters_pk', ['round_id', 'delegate_id'])
    .execute();
}

import type { CreateTableBuilder, Kysely } from 'kysely';

// The committee's year (§8 of the rule book, [M1]–[M6]): the term's register keeps who left and
// who succeeded; meetings of the sitting committee (plenary sessions, standing committee meetings)
// are recorded beside congresses, with their non-member attendees by category; topics (议题) are
// requested by units and put on a meeting's agenda; meetings end in conclusions, speeches,
// decisions and minutes (会议纪要); decisions turn into follow-up tasks (督办) that units report on.

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
  // Meetings of the sitting committee are congresses' siblings: kind 'plenary' or
  // 'standing-committee' (text, no constraint to widen). What the news reports of them:
  await db.schema
    .alterTable('congresses')
    .addColumn('enlarged', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Standing committee meetings are numbered within the term (number) and within the year.
  await db.schema.alterTable('congresses').addColumn('year_number', 'integer').execute();
  // When the meeting was held, as the secretariat records it (local time, `2022-07-20T09:00`);
  // never the moment someone clicked a button.
  await db.schema.alterTable('congresses').addColumn('held_at', 'text').execute();
  // Who presided: a person's name, or 市委常委会 for a plenary.
  await db.schema.alterTable('congresses').addColumn('presided_by', 'text').execute();
  // A congress's theme in English and its main tasks (大会的主要任务是，…), for its reports.
  for (const column of ['theme_en', 'main_tasks', 'main_tasks_en']) {
    await db.schema.alterTable('congresses').addColumn(column, 'text').execute();
  }
  // …and in what capacity, as the report names them (省委常委、市委书记); empty: from the register.
  await db.schema.alterTable('congresses').addColumn('presided_by_capacity', 'text').execute();

  // A meeting's roster is taken from the term's register: what each person attends as.
  await db.schema.alterTable('delegates').addColumn('capacity', 'text').execute();
  await db.schema.alterTable('delegates').addColumn('position_id', 'text').execute();

  // The register keeps its history: a member who leaves keeps the row, with the date and reason;
  // a successor's row names the seat it fills ([M5]).
  for (const column of ['person_id', 'since', 'left_on', 'left_reason', 'source', 'succeeds_id']) {
    await db.schema.alterTable('term_positions').addColumn(column, 'text').execute();
  }

  // Non-members who attend a meeting or a congress, by category (列席) or by invitation (应邀参加,
  // 来宾), and the higher committee's guidance groups (指导督导组) with what they did (到会指导).
  await optionalText(
    optionalInteger(
      integer(
        reference(
          text(withId(db, 'meeting_attendee_groups'), 'kind', 'category'),
          'congress_id',
          'congresses',
        ),
        'sort_order',
      ),
      'count',
    ),
    'category_en',
    'action',
    'action_en',
  ).execute();

  // Units (市委办公室, 市发展改革委…) that request topics and carry out tasks; staff accounts act for them.
  await integer(
    reference(text(withId(db, 'units'), 'name', 'created_at'), 'organisation_id', 'organisations'),
    'sort_order',
  ).execute();
  await db.schema
    .createTable('account_units')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('restrict'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('account_units_pk', ['account_id', 'unit_id'])
    .execute();

  // Topics (议题): requested by a unit, reviewed by the office, put on a meeting's agenda.
  await integer(
    optionalText(
      reference(
        reference(
          reference(
            text(
              withId(db, 'topics'),
              'committee',
              'title',
              'kind',
              'status',
              'papers_json',
              'attendees_json',
              'requested_at',
            ),
            'term_id',
            'terms',
          ),
          'requesting_unit_id',
          'units',
          true,
        ),
        'meeting_id',
        'congresses',
        true,
      ),
      'title_en',
      'presenting_unit',
      'presenter',
      'on_behalf_of',
      'note',
      'reviewed_at',
      'report_back_task_id',
    ),
    'confidential',
    'sort_order',
  ).execute();
  await db.schema.createIndex('topics_term_index').on('topics').columns(['term_id', 'status']).execute();
  await db.schema.createIndex('topics_meeting_index').on('topics').column('meeting_id').execute();

  // What a meeting concluded (会议指出 / 认为 / 强调 / 要求 / 号召), paragraph by paragraph.
  await optionalText(
    integer(
      reference(
        reference(text(withId(db, 'conclusions'), 'verb', 'text'), 'meeting_id', 'congresses'),
        'topic_id',
        'topics',
        true,
      ),
      'sort_order',
    ),
    'text_en',
  ).execute();
  // Who spoke, and on what.
  await integer(
    optionalText(
      reference(
        reference(text(withId(db, 'speeches'), 'speaker', 'subject'), 'meeting_id', 'congresses'),
        'topic_id',
        'topics',
        true,
      ),
      'capacity',
      'moment',
      'speaker_en',
      'capacity_en',
      'subject_en',
    ),
    'sort_order',
  ).execute();
  // Decisions adopted by vote [M4]; a cadre decision concerns one person [M3].
  await optionalText(
    optionalInteger(
      integer(
        reference(
          reference(
            text(withId(db, 'decisions'), 'kind', 'title', 'text', 'voting_method', 'status', 'decided_at'),
            'meeting_id',
            'congresses',
          ),
          'topic_id',
          'topics',
          true,
        ),
        'members_due',
        'present',
        'adopted',
        'sort_order',
      ),
      'votes_for',
      'votes_against',
      'votes_abstain',
    ),
    'person',
    'title_en',
  ).execute();
  // Minutes (会议纪要), numbered per year: 〔2026〕12号.
  await optionalText(
    integer(
      reference(
        text(withId(db, 'minutes'), 'title', 'body', 'distribution_json', 'status'),
        'meeting_id',
        'congresses',
      ),
      'year',
      'number',
    ),
    'issued_on',
  )
    .addUniqueConstraint('minutes_meeting_unique', ['meeting_id'])
    .execute();

  // Follow-up (督办): a task with its lead unit, supporting units, deadline and status until closed (销号).
  await optionalText(
    reference(
      reference(
        reference(
          reference(
            text(withId(db, 'tasks'), 'title', 'detail', 'deadline', 'status', 'created_at'),
            'term_id',
            'terms',
          ),
          'meeting_id',
          'congresses',
        ),
        'lead_unit_id',
        'units',
      ),
      'decision_id',
      'decisions',
      true,
    ),
    'conclusion_id',
    'closed_at',
  ).execute();
  await db.schema.createIndex('tasks_term_index').on('tasks').columns(['term_id', 'status']).execute();
  await db.schema
    .createTable('task_units')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('restrict'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
    .execute();
  // Every step of a task, in order: assigned, acknowledged, progress reported, checked, closed;
  // extension requests and their answers.
  await optionalText(
    reference(
      reference(text(withId(db, 'task_events'), 'kind', 'at', 'actor'), 'task_id', 'tasks'),
      'unit_id',
      'units',
      true,
    ),
    'text',
    'deadline',
  ).execute();
  await db.schema.createIndex('task_events_task_index').on('task_events').column('task_id').execute();
}

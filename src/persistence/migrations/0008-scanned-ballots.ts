import type { CreateTableBuilder, Kysely } from 'kysely';

// Paper ballots read by scanner (issue 14). Every file uploaded for a round is kept whole, with its
// SHA-256 (scan_files.content, base64: text on both engines, carried by backups and by the
// congress document). Each page is a sheet read by the machine (scan_sheets): read, rejected whole
// with its reason, or refused as a duplicate (the same image, or the same serial where serials are
// on). A sheet's boxes that need a person — marginal marks, anything in a write-in box — are items
// (scan_items) with their crop, decided independently by two tellers (scan_decisions, [P2]); a
// scrutineer resolves where they differ. Independent of 0007 and 0009: it adds tables only, which
// reference rounds and accounts from 0002.

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
  // An uploaded file, whole; (round, sha256) is unique, so the same file twice is one upload.
  await text(
    integer(
      optionalText(
        text(reference(withId(db, 'scan_files'), 'round_id', 'rounds'), 'sha256', 'media_type', 'source'),
        'filename',
      ),
      'size',
      'pages',
    ),
    'content',
    'uploaded_by',
    'uploaded_at',
  )
    .addUniqueConstraint('scan_files_unique', ['round_id', 'sha256'])
    .execute();
  // A page of a file: one sheet as the machine read it.
  await optionalText(
    optionalInteger(
      text(
        integer(
          reference(reference(withId(db, 'scan_sheets'), 'round_id', 'rounds'), 'file_id', 'scan_files'),
          // The order sheets were received in, within the round (file after file, page after page).
          'seq',
          'page',
          'width',
          'height',
        ),
        'image_sha256',
        'status',
        'read_at',
      ),
      'dpi',
      'rotation',
      'serial',
    ),
    // Rejected: why (reason code) and what was found; a duplicate: the sheet it repeats.
    'reason',
    'detail',
    'duplicate_of',
    // Read: one character per printed candidate, F / A / - as read, ? where a teller decides.
    'marks',
    // A rejected sheet set aside by a teller: rescanned, keyed by hand, or not this round's.
    'set_aside',
    'set_aside_by',
    'set_aside_at',
    // [B3] declared invalid by a scrutineer (an identifying mark seen on the image).
    'void_reason',
    'voided_by',
    'voided_at',
  ).execute();
  await db.schema
    .createIndex('scan_sheets_image_index')
    .on('scan_sheets')
    .columns(['round_id', 'image_sha256'])
    .execute();
  await db.schema
    .createIndex('scan_sheets_file_index')
    .on('scan_sheets')
    .columns(['file_id', 'page'])
    .execute();
  await db.schema
    .createIndex('scan_sheets_seq_index')
    .on('scan_sheets')
    .columns(['round_id', 'seq'])
    .execute();
  // A box for review: its place, what the machine saw, and the crop the tellers look at.
  await optionalText(
    integer(
      text(
        reference(reference(withId(db, 'scan_items'), 'round_id', 'rounds'), 'sheet_id', 'scan_sheets'),
        'kind',
        'verdict',
        'crop',
      ),
      'position',
    ),
    'reason',
    'suggestion',
  )
    .addColumn('written', 'integer')
    .execute();
  await db.schema.createIndex('scan_items_sheet_index').on('scan_items').column('sheet_id').execute();
  // A person's reading of an item: two tellers independently, a scrutineer where they differ.
  await optionalText(
    text(
      reference(reference(withId(db, 'scan_decisions'), 'round_id', 'rounds'), 'item_id', 'scan_items'),
      'role',
      'mark',
      'decided_by',
      'decided_at',
    ),
    'name',
  )
    // How many times its teller changed it (an explicit correction each time, audited).
    .addColumn('revisions', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('scan_decisions_unique', ['item_id', 'decided_by'])
    .execute();
  await db.schema.createIndex('scan_decisions_round_index').on('scan_decisions').column('round_id').execute();
}

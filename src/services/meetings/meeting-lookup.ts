import type { Committee, MeetingSummary } from '../../contract/meetings.ts';
import type { CongressesTable, OrganisationsTable, TermsTable } from '../../persistence/congress-schema.ts';
import { organisationRow, type Reader, termRow } from '../congress/lookups.ts';
import { notFound } from '../errors.ts';
import { meetingTitle } from './meeting-titles.ts';

// A meeting of the committee is a congresses row of kind 'plenary' or 'standing-committee' with a
// term: these read it and describe it.

export type MeetingRow = CongressesTable & { kind: Committee; term_id: string };

export function isMeeting(row: CongressesTable): row is MeetingRow {
  return (row.kind === 'plenary' || row.kind === 'standing-committee') && row.term_id !== null;
}

/** The meeting named in the URL, or 404 (a congress is not a meeting). */
export async function meetingRow(db: Reader, congressId: string): Promise<MeetingRow> {
  const row = await db.selectFrom('congresses').selectAll().where('id', '=', congressId).executeTakeFirst();
  if (!row || !isMeeting(row)) throw notFound('meeting', '会议');
  return row;
}

/** The year a meeting was held: from its recorded date, else its scheduled start. */
export function meetingYear(row: Pick<CongressesTable, 'held_at' | 'starts_on'>): number | null {
  const date = row.held_at ?? row.starts_on;
  return date ? Number(date.slice(0, 4)) : null;
}

export function meetingSummary(row: MeetingRow, org: OrganisationsTable, term: TermsTable): MeetingSummary {
  const title = meetingTitle({
    committee: row.kind,
    committeeShortName: org.short_name,
    locality: org.locality,
    term: term.number,
    number: row.plenary_number ?? 0,
    yearNumber: row.year_number ?? null,
    year: meetingYear(row),
    enlarged: row.enlarged === 1,
  });
  return {
    id: row.id,
    termId: row.term_id,
    committee: row.kind,
    number: row.plenary_number ?? 0,
    yearNumber: row.year_number ?? null,
    title: title.zh,
    titleEn: title.en,
    enlarged: row.enlarged === 1,
    heldAt: row.held_at ?? null,
    venue: row.venue,
    presidedBy: row.presided_by ?? null,
    presidedByCapacity: row.presided_by_capacity ?? null,
    status: row.status,
  };
}

/** Summaries of rows of one term, with the term and organisation read once. */
export async function meetingSummaries(db: Reader, rows: readonly MeetingRow[]): Promise<MeetingSummary[]> {
  const summaries: MeetingSummary[] = [];
  const terms = new Map<string, { term: TermsTable; org: OrganisationsTable }>();
  for (const row of rows) {
    let names = terms.get(row.term_id);
    if (!names) {
      const term = await termRow(db, row.term_id);
      names = { term, org: await organisationRow(db, term.organisation_id) };
      terms.set(row.term_id, names);
    }
    summaries.push(meetingSummary(row, names.org, names.term));
  }
  return summaries;
}

/** Every meeting of a term, in the order held (unrecorded dates last, by number). */
export async function termMeetingRows(db: Reader, termId: string): Promise<MeetingRow[]> {
  const rows = await db
    .selectFrom('congresses')
    .selectAll()
    .where('term_id', '=', termId)
    .where('kind', 'in', ['plenary', 'standing-committee'])
    .execute();
  const key = (row: CongressesTable) => row.held_at ?? row.starts_on ?? '9999';
  return (rows as CongressesTable[])
    .filter(isMeeting)
    .sort((a, b) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : (a.plenary_number ?? 0) - (b.plenary_number ?? 0),
    );
}

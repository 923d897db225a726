import type { Kysely } from 'kysely';
import type {
  AgendaRecord,
  CongressRecord,
  DisciplineFirstPlenaryRecord,
  ElectedRecord,
  ElectionRecord,
  NewsOrganisation,
  PlenaryRecord,
  SittingRecord,
} from '../../core/documents/news/index.ts';
import type { Office, RoundResult } from '../../core/rules/index.ts';
import { type CalendarDate, parseIsoDate } from '../../core/text/calendar.ts';
import type { PressDateTime } from '../../core/text/press-dates.ts';
import type {
  CongressesTable,
  OrganisationsTable,
  SittingsTable,
  TermsTable,
} from '../../persistence/congress-schema.ts';
import type { Schema } from '../../persistence/schema.ts';
import { attendanceCounts } from '../attendance/attendance-counts.ts';
import { organisationRow } from '../congress/lookups.ts';
import { disciplineShortName } from '../congress/naming.ts';
import { approvedOrderOf } from '../elections/approved-order.ts';

// The congress record the announcements are written from, read from the database on one snapshot.
// Only what has been made public goes in: election results of announced rounds ([P2]: a counted or
// signed-off round is not yet a result), attendance of sittings that have opened, adoption votes
// with their outcome once closed.

type Reader = Kysely<Schema>;

/** China Standard Time (UTC+8, no daylight saving): the hall's clock, as the press dates things. */
const HALL_OFFSET_MINUTES = 480;

/** A stored UTC instant as the local date and time of the hall. */
export function hallDateTime(isoUtc: string): PressDateTime {
  const shifted = new Date(Date.parse(isoUtc) + HALL_OFFSET_MINUTES * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function calendarDate(iso: string | null): CalendarDate | null {
  return iso ? (parseIsoDate(iso) ?? null) : null;
}

export function newsOrganisation(org: OrganisationsTable): NewsOrganisation {
  return {
    locality: org.locality,
    committeeShortName: org.short_name,
    disciplineShortName: disciplineShortName(org.short_name),
  };
}

async function sittingRecord(
  db: Reader,
  congress: CongressesTable,
  sitting: SittingsTable,
): Promise<SittingRecord> {
  const chairs = await db
    .selectFrom('sitting_chairs as c')
    .innerJoin('delegates as d', 'd.id', 'c.delegate_id')
    .select(['d.name', 'c.rank'])
    .where('c.sitting_id', '=', sitting.id)
    .orderBy('c.rank')
    .orderBy('d.code')
    .execute();
  const items = await db
    .selectFrom('agenda_items')
    .selectAll()
    .where('sitting_id', '=', sitting.id)
    .orderBy('sort_order')
    .execute();
  const votes = items.length
    ? await db
        .selectFrom('adoption_votes')
        .selectAll()
        .where(
          'agenda_item_id',
          'in',
          items.map((item) => item.id),
        )
        .execute()
    : [];
  const agenda: AgendaRecord[] = items.map((item) => {
    const vote = votes.find((v) => v.agenda_item_id === item.id);
    return {
      kind: item.kind,
      title: item.title,
      presenter: item.presenter,
      body: item.body,
      vote: vote
        ? {
            subject: vote.subject,
            adopted: vote.status === 'closed' && vote.adopted !== null ? vote.adopted === 1 : null,
            procedural: vote.proposal_json !== null,
          }
        : null,
    };
  });
  // Attendance is announced once the sitting has opened; before, the counts mean nothing yet.
  const counts =
    sitting.status === 'scheduled'
      ? null
      : await attendanceCounts(db, {
          id: sitting.id,
          congressId: congress.id,
          title: sitting.title,
          status: sitting.status,
          ruleSet: congress.rule_set,
          congressKind: congress.kind,
        });
  // When it was held as the secretariat records it (the scheduled time, corrected if need be); the
  // moment someone opened it in the system only where no time was recorded.
  const at = sitting.starts_at ?? sitting.opened_at;
  return {
    kind: sitting.kind,
    title: sitting.title,
    venue: sitting.venue ?? congress.venue,
    at: at ? hallDateTime(at) : null,
    presiding: sitting.presiding,
    // Chairs with a rank in their order, then the others (null ranks sort first in PostgreSQL).
    chairs: [...chairs]
      .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER))
      .map((c) => c.name),
    attendance: counts
      ? {
          expected: counts.expected,
          present: counts.present,
          onLeave: {
            personal: counts.onLeave.personal,
            illness: counts.onLeave.illness,
            other: counts.onLeave.other,
          },
          quorumMet: counts.quorum.met,
          nonVoting: counts.nonVoting,
        }
      : null,
    agenda,
  };
}

async function sittingRecords(db: Reader, congress: CongressesTable): Promise<SittingRecord[]> {
  const sittings = await db
    .selectFrom('sittings')
    .selectAll()
    .where('congress_id', '=', congress.id)
    .orderBy('sort_order')
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  const records: SittingRecord[] = [];
  for (const sitting of sittings) records.push(await sittingRecord(db, congress, sitting));
  return records;
}

/** An election as announced: its announced, non-preliminary rounds with who they elected. */
export interface AnnouncedElection extends ElectionRecord {
  readonly id: string;
}

export async function announcedElections(db: Reader, congressId: string): Promise<AnnouncedElection[]> {
  const elections = await db
    .selectFrom('elections')
    .selectAll()
    .where('congress_id', '=', congressId)
    .orderBy('sort_order')
    .execute();
  const result: AnnouncedElection[] = [];
  for (const election of elections) {
    const rounds = await db
      .selectFrom('rounds')
      .select(['kind', 'result_json'])
      .where('election_id', '=', election.id)
      .where('status', '=', 'announced')
      .orderBy('seq')
      .execute();
    const office = election.office as Office;
    const approvedOrder = await approvedOrderOf(db, election);
    const announced = rounds
      .filter((round) => round.kind !== 'preliminary' && round.result_json)
      .map((round) => {
        const outcome = JSON.parse(round.result_json!) as RoundResult;
        const votes = new Map(outcome.results.map((r) => [r.name, r.for]));
        const standing = (name: string): ElectedRecord => ({ name, votes: votes.get(name) ?? 0 });
        return {
          elected: outcome.elected.map(standing),
          ...(outcome.electedAlternates
            ? { electedAlternates: outcome.electedAlternates.map(standing) }
            : {}),
        };
      });
    if (!announced.some((round) => round.elected.length > 0 || (round.electedAlternates?.length ?? 0) > 0))
      continue;
    result.push({ id: election.id, office, title: election.title, rounds: announced, approvedOrder });
  }
  return result;
}

/** [P7] The Nth term of the organisation's committee or discipline commission (the Nth congress elects it). */
async function termOf(
  db: Reader,
  congress: CongressesTable,
  body: TermsTable['body'],
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('terms')
    .select('id')
    .where('organisation_id', '=', congress.organisation_id)
    .where('body', '=', body)
    .where('number', '=', congress.number)
    .executeTakeFirst();
}

/** [P5] The discipline commission's first plenary result, as recorded for the plenary to adopt. */
async function disciplineFirstPlenary(
  db: Reader,
  plenary: CongressesTable,
): Promise<DisciplineFirstPlenaryRecord | null> {
  const commission = await termOf(db, plenary, 'discipline-commission');
  if (!commission) return null;
  const positions = await db
    .selectFrom('term_positions')
    .select(['person_name', 'position', 'rank'])
    .where('term_id', '=', commission.id)
    .where('position', 'in', ['standing-member', 'secretary', 'deputy-secretary'])
    .execute();
  if (positions.length === 0) return null;
  const ranked = (position: string) =>
    positions
      .filter((p) => p.position === position)
      .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER))
      .map((p) => p.person_name);
  return {
    standingMembers: ranked('standing-member'),
    secretary: ranked('secretary')[0] ?? null,
    deputies: ranked('deputy-secretary'),
  };
}

export async function plenaryRecord(
  db: Reader,
  plenary: CongressesTable,
): Promise<{ record: PlenaryRecord; elections: AnnouncedElection[] }> {
  const org = await organisationRow(db, plenary.organisation_id);
  const elections = await announcedElections(db, plenary.id);
  return {
    record: {
      kind: 'plenary',
      organisation: newsOrganisation(org),
      term: plenary.number,
      plenaryNumber: plenary.plenary_number ?? 1,
      date: calendarDate(plenary.starts_on),
      venue: plenary.venue,
      sittings: await sittingRecords(db, plenary),
      elections,
      discipline: plenary.plenary_number === 1 ? await disciplineFirstPlenary(db, plenary) : null,
    },
    elections,
  };
}

/** The first plenary of the committee a congress elected, if it has been set up. */
export async function firstPlenaryOf(db: Reader, congress: CongressesTable): Promise<CongressesTable | null> {
  const term = await termOf(db, congress, 'committee');
  if (!term) return null;
  const plenary = await db
    .selectFrom('congresses')
    .selectAll()
    .where('term_id', '=', term.id)
    .where('kind', '=', 'plenary')
    .where('plenary_number', '=', 1)
    .executeTakeFirst();
  return plenary ?? null;
}

export async function congressRecord(
  db: Reader,
  congress: CongressesTable,
): Promise<{
  record: CongressRecord;
  elections: AnnouncedElection[];
  firstPlenary: { id: string; elections: AnnouncedElection[] } | null;
}> {
  const org = await organisationRow(db, congress.organisation_id);
  const elections = await announcedElections(db, congress.id);
  const plenaryRow = await firstPlenaryOf(db, congress);
  const plenary = plenaryRow ? await plenaryRecord(db, plenaryRow) : null;
  // The first plenary belongs in the closing report once it has a result to report.
  const plenaryHasResults =
    plenary !== null && (plenary.elections.length > 0 || plenary.record.discipline !== null);
  const extras = await congressExtras(db, congress);
  return {
    record: {
      kind: 'congress',
      organisation: newsOrganisation(org),
      number: congress.number,
      theme: congress.theme,
      ...extras,
      venue: congress.venue,
      startsOn: calendarDate(congress.starts_on),
      endsOn: calendarDate(congress.ends_on),
      sittings: await sittingRecords(db, congress),
      elections,
      firstPlenary: plenaryHasResults ? plenary.record : null,
    },
    elections,
    firstPlenary:
      plenaryHasResults && plenaryRow ? { id: plenaryRow.id, elections: plenary.elections } : null,
  };
}

/**
 * What the secretariat records for a congress's reports beyond its sittings: the theme in English,
 * the main tasks, those attending without being delegates (列席, 来宾), the higher committee's
 * guidance groups, and the speeches at the closing (the new secretary's).
 */
async function congressExtras(
  db: Reader,
  congress: CongressesTable,
): Promise<
  Pick<CongressRecord, 'themeEn' | 'mainTasks' | 'attendeeGroups' | 'guidanceGroups' | 'closingSpeeches'>
> {
  const text = (zh: string, en: string | null | undefined) => ({ zh, en: en ?? null });
  const groups = await db
    .selectFrom('meeting_attendee_groups')
    .selectAll()
    .where('congress_id', '=', congress.id)
    .orderBy('sort_order')
    .execute();
  const speeches = await db
    .selectFrom('speeches')
    .selectAll()
    .where('meeting_id', '=', congress.id)
    .where('moment', '=', 'closing')
    .orderBy('sort_order')
    .execute();
  return {
    themeEn: congress.theme_en ?? null,
    mainTasks: congress.main_tasks ? text(congress.main_tasks, congress.main_tasks_en) : null,
    attendeeGroups: groups.flatMap((group) =>
      group.kind === 'guidance'
        ? []
        : [{ kind: group.kind, category: text(group.category, group.category_en) }],
    ),
    guidanceGroups: groups
      .filter((group) => group.kind === 'guidance')
      .map((group) => ({
        members: text(group.category, group.category_en),
        action: group.action ? text(group.action, group.action_en) : null,
      })),
    closingSpeeches: speeches.map((speech) => ({
      speaker: {
        name: speech.speaker,
        nameEn: speech.speaker_en,
        capacity: speech.capacity ? text(speech.capacity, speech.capacity_en) : null,
      },
      subject: null,
      summary: text(speech.subject, speech.subject_en),
      closing: true,
    })),
  };
}

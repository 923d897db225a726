import type { Position } from '../../contract/congress.ts';
import type { Register, RegisterEntry, RegisterPerson } from '../../contract/register.ts';
import { sortNames } from '../../core/names/index.ts';
import { nextSuccessor } from '../../core/rules/index.ts';
import type { TermPositionsTable } from '../../persistence/congress-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import { type Reader, termRow } from '../congress/lookups.ts';
import { positionView } from '../congress/term-positions.ts';
import { termView } from '../congress/terms.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound, ruleViolation } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { meetingSummaries, termMeetingRows } from '../meetings/meeting-lookup.ts';
import { isCurrent } from '../meetings/roster.ts';

// The term's register (名册) and its changes: a member or alternate leaves with the date and the
// reason, and the positions that depend on membership end with it; a vacated member's seat is
// filled by the first alternate in the [T6] order (递补, [M5]), recorded as a new member position
// pending the higher committee's approval like any position change ([P6]). Rows are never
// deleted: the register keeps the term's history.

export function registerEntry(row: TermPositionsTable): RegisterEntry {
  return {
    ...positionView(row),
    since: row.since ?? null,
    leftOn: row.left_on ?? null,
    leftReason: row.left_reason ?? null,
    source: row.source ?? null,
    succeedsId: row.succeeds_id ?? null,
  };
}

const OFFICE_ORDER: readonly Position[] = ['secretary', 'deputy-secretary', 'standing-member'];
const byRank = (a: TermPositionsTable, b: TermPositionsTable) =>
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);

/** [T7] Current positions in the published order: offices by approved rank, members by strokes, alternates [T6]. */
function publishedCurrent(rows: readonly TermPositionsTable[]): TermPositionsTable[] {
  const current = rows.filter(isCurrent);
  return [
    ...OFFICE_ORDER.flatMap((position) => current.filter((row) => row.position === position).sort(byRank)),
    ...sortNames(
      current.filter((row) => row.position === 'member'),
      (row) => row.person_name,
      { unknown: 'last' },
    ),
    ...current.filter((row) => row.position === 'alternate').sort(byRank),
  ];
}

/** Members' seats left and not yet filled by a succession [M5]. */
function vacanciesOf(rows: readonly TermPositionsTable[]): TermPositionsTable[] {
  const filled = new Set(rows.map((row) => row.succeeds_id).filter(Boolean));
  return rows.filter((row) => row.position === 'member' && !isCurrent(row) && !filled.has(row.id));
}

export async function termRegister(db: Reader, termId: string): Promise<Register> {
  const term = await termRow(db, termId);
  const rows = await db.selectFrom('term_positions').selectAll().where('term_id', '=', termId).execute();
  const current = publishedCurrent(rows);
  const offices = new Map<string, Position[]>();
  for (const row of current) {
    if (row.position === 'member' || row.position === 'alternate') continue;
    offices.set(row.person_name, [...(offices.get(row.person_name) ?? []), row.position]);
  }
  const people: RegisterPerson[] = current
    .filter((row) => row.position === 'member' || row.position === 'alternate')
    .map((row) => ({
      name: row.person_name,
      standing: row.position === 'member' ? 'member' : 'alternate',
      alternateRank: row.position === 'alternate' ? row.rank : null,
      offices: offices.get(row.person_name) ?? [],
      entryId: row.id,
    }));
  const former = rows
    .filter((row) => !isCurrent(row))
    .sort((a, b) => (a.left_on! < b.left_on! ? 1 : a.left_on! > b.left_on! ? -1 : 0));
  return {
    term: await termView(db, term),
    counts: {
      members: current.filter((row) => row.position === 'member').length,
      alternates: current.filter((row) => row.position === 'alternate').length,
      standingMembers: current.filter((row) => row.position === 'standing-member').length,
    },
    current: current.map(registerEntry),
    people,
    former: former.map(registerEntry),
    vacancies: vacanciesOf(rows).map(registerEntry),
    meetings: await meetingSummaries(db, await termMeetingRows(db, termId)),
  };
}

async function entryOfTerm(db: Reader, termId: string, positionId: string): Promise<TermPositionsTable> {
  const row = await db
    .selectFrom('term_positions')
    .selectAll()
    .where('id', '=', positionId)
    .where('term_id', '=', termId)
    .executeTakeFirst();
  if (!row) throw notFound('position', '职务');
  return row;
}

/** Ranks 1, 2, 3… again for the rows left in order, after one has left the list. */
async function closeRanks(trx: WriteTransaction, rows: readonly TermPositionsTable[]): Promise<void> {
  for (const [index, row] of rows.entries()) {
    if (row.rank === index + 1) continue;
    await trx
      .updateTable('term_positions')
      .set({ rank: index + 1 })
      .where('id', '=', row.id)
      .execute();
  }
}

function checkDay(value: string, field: string): void {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InputError(field, 'is not a date that exists', '日期不存在');
  }
}

/**
 * A member or alternate leaves the term (调离, 退休, 逝世…). A member's standing committee seat and
 * offices end the same day; an alternate's departure closes up the succession order.
 */
export async function recordDeparture(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  positionId: string,
  input: { readonly leftOn: string; readonly reason: string },
): Promise<Register> {
  checkDay(input.leftOn, 'body.leftOn');
  await auditedWrite(context, actor, async (trx) => {
    const entry = await entryOfTerm(trx, termId, positionId);
    if (!isCurrent(entry)) {
      throw conflict(
        'already-left',
        `${entry.person_name} already left on ${entry.left_on}`,
        `${entry.person_name}已于${entry.left_on}离任`,
      );
    }
    if (entry.position !== 'member' && entry.position !== 'alternate') {
      throw new InputError(
        'positionId',
        'name the member or alternate row; offices end with it',
        '请选择委员或候补委员；其所任职务随之终止',
      );
    }
    if (entry.since && input.leftOn < entry.since) {
      throw new InputError(
        'body.leftOn',
        `is before ${entry.since}, when the position began`,
        `早于任职日期${entry.since}`,
      );
    }
    const ending = await trx
      .selectFrom('term_positions')
      .selectAll()
      .where('term_id', '=', termId)
      .where('person_name', '=', entry.person_name)
      .execute();
    const ended = ending.filter(
      (row) => isCurrent(row) && (row.id === entry.id || entry.position === 'member'),
    );
    for (const row of ended) {
      await trx
        .updateTable('term_positions')
        .set({ left_on: input.leftOn, left_reason: input.reason })
        .where('id', '=', row.id)
        .execute();
    }
    // The ranked groups close up: alternates keep the [T6] order 1…n, offices their approved order.
    for (const position of new Set(ended.map((row) => row.position))) {
      if (position === 'member') continue;
      const remaining = (
        await trx
          .selectFrom('term_positions')
          .selectAll()
          .where('term_id', '=', termId)
          .where('position', '=', position)
          .execute()
      )
        .filter(isCurrent)
        .sort(byRank);
      await closeRanks(trx, remaining);
    }
    return {
      result: undefined,
      audit: {
        action: 'register.departure',
        subject: `term:${termId}`,
        before: ended.map(registerEntry),
        after: { person: entry.person_name, leftOn: input.leftOn, reason: input.reason },
      },
    };
  });
  return termRegister(context.database.db, termId);
}

/**
 * [M5] Fills a vacated member's seat: the first alternate in the [T6] order becomes a member from
 * the given date (source 'succession', naming the seat), pending approval [P6]; the alternate
 * position ends the same day and the remaining alternates move up.
 */
export async function recordSuccession(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  vacatedPositionId: string,
  input: { readonly on: string; readonly note?: string | undefined },
): Promise<Register> {
  checkDay(input.on, 'body.on');
  await auditedWrite(context, actor, async (trx) => {
    const vacated = await entryOfTerm(trx, termId, vacatedPositionId);
    const rows = await trx.selectFrom('term_positions').selectAll().where('term_id', '=', termId).execute();
    if (!vacanciesOf(rows).some((row) => row.id === vacated.id)) {
      throw conflict(
        'not-vacant',
        'this is not a vacated member’s seat waiting for a successor',
        '该席位不是待递补的出缺委员席位',
      );
    }
    const alternates = rows.filter((row) => row.position === 'alternate' && isCurrent(row)).sort(byRank);
    const next = nextSuccessor(
      alternates.map((row) => row.person_name),
      new Set(),
    );
    const successor = alternates.find((row) => row.person_name === next);
    if (!successor) {
      throw ruleViolation('M5', 'no alternate is left to succeed', '已无候补委员可以递补');
    }
    if (vacated.left_on && input.on < vacated.left_on) {
      throw new InputError(
        'body.on',
        `is before the seat fell vacant (${vacated.left_on})`,
        `早于出缺日期${vacated.left_on}`,
      );
    }
    const member: TermPositionsTable = {
      id: context.random.id(),
      term_id: termId,
      person_name: successor.person_name,
      position: 'member',
      rank: null,
      delegate_id: successor.delegate_id,
      election_id: successor.election_id,
      reporting_status: 'pending-approval',
      approved_at: null,
      approval_note: input.note ?? null,
      person_id: successor.person_id ?? null,
      since: input.on,
      left_on: null,
      left_reason: null,
      source: 'succession',
      succeeds_id: vacated.id,
    };
    await trx.insertInto('term_positions').values(member).execute();
    await trx
      .updateTable('term_positions')
      .set({ left_on: input.on, left_reason: '递补为委员' })
      .where('id', '=', successor.id)
      .execute();
    await closeRanks(
      trx,
      alternates.filter((row) => row.id !== successor.id),
    );
    return {
      result: undefined,
      audit: {
        action: 'register.succession',
        subject: `term:${termId}`,
        before: { vacated: registerEntry(vacated), alternate: registerEntry(successor) },
        after: { rule: 'M5', member: registerEntry(member) },
      },
    };
  });
  return termRegister(context.database.db, termId);
}

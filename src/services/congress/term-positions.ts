import type {
  AlternateStanding,
  Position,
  PositionInput,
  PositionView,
  Vacancy,
} from '../../contract/congress.ts';
import { sortNames } from '../../core/names/index.ts';
import {
  alternateOrder,
  initialReportingStatus,
  nextSuccessor,
  type Office,
} from '../../core/rules/index.ts';
import type { TermPositionsTable, TermsTable } from '../../persistence/congress-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound, ruleViolation } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { congressesOfTerm, type IdAt, idsAt, requireOwnedIds } from '../owned-ids.ts';
import { type Reader, termRow } from './lookups.ts';

// Who holds what in a term: members, alternates (ranked: the succession order [T6]/[P7]),
// standing committee members, the secretary and deputies. [P6] members and alternates are filed
// with the higher committee; standing committee members, secretaries and deputies wait for its
// approval, which is recorded here with a note.

export function positionView(row: TermPositionsTable): PositionView {
  return {
    id: row.id,
    termId: row.term_id,
    personName: row.person_name,
    position: row.position,
    rank: row.rank,
    delegateId: row.delegate_id,
    electionId: row.election_id,
    reportingStatus: row.reporting_status,
    approvedAt: row.approved_at,
    approvalNote: row.approval_note,
  };
}

/** The rules engine's office for a position in a term of this body. */
export function officeOf(position: Position, body: TermsTable['body']): Office {
  switch (position) {
    case 'member':
      return body === 'committee' ? 'committee-member' : 'discipline-member';
    case 'alternate':
      return 'alternate-member';
    case 'standing-member':
      return 'standing-committee';
    case 'secretary':
      return 'secretary';
    case 'deputy-secretary':
      return 'deputy-secretary';
  }
}

const GROUP_ORDER: readonly Position[] = [
  'secretary',
  'deputy-secretary',
  'standing-member',
  'member',
  'alternate',
];

/**
 * [T7] The published order: secretary, deputies and standing committee in the approved order
 * (rank); members in surname-stroke order; alternates in the succession order [T6] (rank).
 */
export async function listPositions(db: Reader, termId: string): Promise<PositionView[]> {
  const rows = await db.selectFrom('term_positions').selectAll().where('term_id', '=', termId).execute();
  const byRank = (a: TermPositionsTable, b: TermPositionsTable) =>
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);
  return GROUP_ORDER.flatMap((position) => {
    const group = rows.filter((row) => row.position === position);
    return position === 'member'
      ? sortNames(group, (row) => row.person_name, { unknown: 'last' })
      : [...group].sort(byRank);
  }).map(positionView);
}

async function positionsOf(
  trx: WriteTransaction,
  termId: string,
  position: Position,
): Promise<TermPositionsTable[]> {
  return trx
    .selectFrom('term_positions')
    .selectAll()
    .where('term_id', '=', termId)
    .where('position', '=', position)
    .orderBy('rank')
    .execute();
}

/** Ranks 1, 2, 3… in the given order (after an insertion or a removal). */
async function renumber(trx: WriteTransaction, rows: readonly TermPositionsTable[]): Promise<void> {
  for (const [index, row] of rows.entries()) {
    if (row.rank !== index + 1)
      await trx
        .updateTable('term_positions')
        .set({ rank: index + 1 })
        .where('id', '=', row.id)
        .execute();
  }
}

/**
 * The delegates and elections a position names must be of the term's own congresses: the
 * congress that elected it, or one of its meetings.
 */
async function checkPeople(
  trx: WriteTransaction,
  termId: string,
  refs: { readonly delegates: readonly IdAt[]; readonly elections: readonly IdAt[] },
): Promise<void> {
  const congresses = await congressesOfTerm(trx, termId);
  await requireOwnedIds(trx, 'delegate', congresses, refs.delegates);
  await requireOwnedIds(trx, 'election', congresses, refs.elections);
}

export async function addPosition(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  input: PositionInput,
): Promise<PositionView> {
  return auditedWrite(context, actor, async (trx) => {
    const term = await termRow(trx, termId);
    const name = input.personName.trim();
    if (input.position === 'alternate' && term.body === 'discipline-commission') {
      throw new InputError(
        'position',
        'a discipline commission has no alternate members',
        '纪律检查委员会不设候补委员',
      );
    }
    await checkPeople(trx, termId, {
      delegates: [{ field: 'body.delegateId', id: input.delegateId }],
      elections: [{ field: 'body.electionId', id: input.electionId }],
    });
    const same = await positionsOf(trx, termId, input.position);
    if (same.some((row) => row.person_name === name)) {
      throw conflict('position-held', `${name} already holds this position`, `${name}已担任该职务`);
    }
    if (input.position === 'secretary' && same.length > 0) {
      throw conflict('secretary-exists', 'the term already has a secretary', '本届已有书记');
    }
    if (input.position === 'member' || input.position === 'alternate') {
      const other = input.position === 'member' ? 'alternate' : 'member';
      if ((await positionsOf(trx, termId, other)).some((row) => row.person_name === name)) {
        throw conflict(
          'position-held',
          `${name} is already ${other === 'member' ? 'a member' : 'an alternate'}`,
          `${name}已是本届${other === 'member' ? '委员' : '候补委员'}`,
        );
      }
    } else {
      // [P5] The standing committee, secretary and deputies are elected from the committee's members.
      const members = await positionsOf(trx, termId, 'member');
      if (!members.some((row) => row.person_name === name)) {
        throw ruleViolation(
          'P5',
          `${name} is not a member of this term`,
          `${name}不是本届委员，不能担任该职务`,
        );
      }
    }
    const row: TermPositionsTable = {
      id: context.random.id(),
      term_id: termId,
      person_name: name,
      position: input.position,
      rank: null,
      delegate_id: input.delegateId ?? null,
      election_id: input.electionId ?? null,
      reporting_status: initialReportingStatus(officeOf(input.position, term.body)),
      approved_at: null,
      approval_note: null,
    };
    await trx.insertInto('term_positions').values(row).execute();
    if (input.position !== 'member') {
      // Everyone but members is ranked: place the new row, then renumber the group 1…n.
      const place = Math.min(Math.max(1, input.rank ?? same.length + 1), same.length + 1);
      const ordered = [...same];
      ordered.splice(place - 1, 0, row);
      await renumber(trx, ordered);
      row.rank = place;
    }
    const view = positionView(row);
    return { result: view, audit: { action: 'term-position.add', subject: `term:${termId}`, after: view } };
  });
}

/**
 * [T6] Replaces the alternates with those given, ranked by votes for, descending, equal votes in
 * surname-stroke order: the succession order.
 */
export async function setAlternates(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  alternates: readonly AlternateStanding[],
): Promise<PositionView[]> {
  return auditedWrite(context, actor, async (trx) => {
    const term = await termRow(trx, termId);
    if (term.body === 'discipline-commission') {
      throw new InputError(
        'alternates',
        'a discipline commission has no alternate members',
        '纪律检查委员会不设候补委员',
      );
    }
    const names = alternates.map((a) => a.personName.trim());
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate) throw new InputError('alternates', `${duplicate} is listed twice`, `${duplicate}重复`);
    const members = new Set((await positionsOf(trx, termId, 'member')).map((row) => row.person_name));
    const member = names.find((name) => members.has(name));
    if (member) throw conflict('position-held', `${member} is already a member`, `${member}已是本届委员`);
    await checkPeople(trx, termId, {
      delegates: idsAt('body.alternates', alternates, 'delegateId'),
      elections: idsAt('body.alternates', alternates, 'electionId'),
    });
    const before = (await positionsOf(trx, termId, 'alternate')).map(positionView);
    await trx
      .deleteFrom('term_positions')
      .where('term_id', '=', termId)
      .where('position', '=', 'alternate')
      .execute();
    const byName = new Map(alternates.map((a) => [a.personName.trim(), a]));
    const order = alternateOrder(alternates.map((a) => ({ name: a.personName.trim(), votes: a.votes })));
    const rows: TermPositionsTable[] = order.map((name, index) => ({
      id: context.random.id(),
      term_id: termId,
      person_name: name,
      position: 'alternate',
      rank: index + 1,
      delegate_id: byName.get(name)?.delegateId ?? null,
      election_id: byName.get(name)?.electionId ?? null,
      reporting_status: initialReportingStatus('alternate-member'),
      approved_at: null,
      approval_note: null,
    }));
    if (rows.length > 0) await trx.insertInto('term_positions').values(rows).execute();
    const views = rows.map(positionView);
    return {
      result: views,
      audit: {
        action: 'term-position.set-alternates',
        subject: `term:${termId}`,
        before,
        after: {
          rule: 'T6',
          alternates: alternates.map((a) => ({ name: a.personName, votes: a.votes })),
          order,
        },
      },
    };
  });
}

async function positionOfTerm(
  trx: WriteTransaction,
  termId: string,
  positionId: string,
): Promise<TermPositionsTable> {
  const row = await trx
    .selectFrom('term_positions')
    .selectAll()
    .where('id', '=', positionId)
    .where('term_id', '=', termId)
    .executeTakeFirst();
  if (!row) throw notFound('position', '职务');
  return row;
}

/** [P6] Records the higher committee's approval of a position that needs it. */
export async function approvePosition(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  positionId: string,
  note: string,
): Promise<PositionView> {
  return auditedWrite(context, actor, async (trx, at) => {
    const before = await positionOfTerm(trx, termId, positionId);
    if (before.reporting_status !== 'pending-approval') {
      throw ruleViolation(
        'P6',
        before.reporting_status === 'approved'
          ? 'this position is already approved'
          : 'members and alternates are filed (备案), not approved',
        before.reporting_status === 'approved' ? '该职务已获批准' : '委员、候补委员报上级党委备案，无需审批',
      );
    }
    const after: TermPositionsTable = {
      ...before,
      reporting_status: 'approved',
      approved_at: at,
      approval_note: note,
    };
    await trx
      .updateTable('term_positions')
      .set({ reporting_status: 'approved', approved_at: at, approval_note: note })
      .where('id', '=', positionId)
      .execute();
    return {
      result: positionView(after),
      audit: {
        action: 'term-position.approve',
        subject: `term-position:${positionId}`,
        before: positionView(before),
        after: positionView(after),
      },
    };
  });
}

/** Removes a position entered by mistake; the rest of its ranked group closes up. */
export async function removePosition(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  positionId: string,
): Promise<void> {
  await auditedWrite(context, actor, async (trx) => {
    const before = await positionOfTerm(trx, termId, positionId);
    if (before.position === 'member') {
      const held = await trx
        .selectFrom('term_positions')
        .select('position')
        .where('term_id', '=', termId)
        .where('person_name', '=', before.person_name)
        .where('position', '!=', 'member')
        .executeTakeFirst();
      if (held) {
        throw conflict(
          'position-held',
          `${before.person_name} also holds another position; remove it first`,
          `${before.person_name}还担任其他职务，请先删除该职务`,
        );
      }
    }
    await trx.deleteFrom('term_positions').where('id', '=', positionId).execute();
    if (before.position !== 'member') await renumber(trx, await positionsOf(trx, termId, before.position));
    return {
      result: undefined,
      audit: {
        action: 'term-position.remove',
        subject: `term-position:${positionId}`,
        before: positionView(before),
      },
    };
  });
}

/**
 * [P7] [T6] A member's seat falls vacant: the member leaves the term (with any standing committee
 * or secretary position, which depend on membership), and the first alternate in the succession
 * order becomes a member; the other alternates move up.
 */
export async function fillVacancy(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  positionId: string,
): Promise<Vacancy> {
  return auditedWrite(context, actor, async (trx) => {
    const member = await positionOfTerm(trx, termId, positionId);
    if (member.position !== 'member') {
      throw new InputError(
        'positionId',
        'only a member’s seat is filled from the alternates',
        '只有委员出缺才由候补委员递补',
      );
    }
    const vacated = await trx
      .selectFrom('term_positions')
      .selectAll()
      .where('term_id', '=', termId)
      .where('person_name', '=', member.person_name)
      .where('position', '!=', 'alternate')
      .execute();
    await trx
      .deleteFrom('term_positions')
      .where(
        'id',
        'in',
        vacated.map((row) => row.id),
      )
      .execute();
    for (const position of new Set(vacated.map((row) => row.position))) {
      if (position !== 'member') await renumber(trx, await positionsOf(trx, termId, position));
    }
    const alternates = await positionsOf(trx, termId, 'alternate');
    const next = nextSuccessor(
      alternates.map((row) => row.person_name),
      new Set(),
    );
    const successorRow = alternates.find((row) => row.person_name === next);
    let successor: TermPositionsTable | null = null;
    if (successorRow) {
      successor = {
        ...successorRow,
        position: 'member',
        rank: null,
        reporting_status: initialReportingStatus('committee-member'),
      };
      await trx
        .updateTable('term_positions')
        .set({ position: 'member', rank: null, reporting_status: successor.reporting_status })
        .where('id', '=', successorRow.id)
        .execute();
      await renumber(
        trx,
        alternates.filter((row) => row.id !== successorRow.id),
      );
    }
    const result = { vacated: vacated.map(positionView), successor: successor && positionView(successor) };
    return {
      result,
      audit: {
        action: 'term-position.fill-vacancy',
        subject: `term:${termId}`,
        before: { vacated: result.vacated, successor: successorRow ? positionView(successorRow) : null },
        after: { rule: 'T6', successor: result.successor },
      },
    };
  });
}

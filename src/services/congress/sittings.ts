import {
  CHAIRED_SITTING_KINDS,
  type ChairView,
  type SittingInput,
  type SittingKind,
  type SittingPatch,
  type SittingView,
} from '../../contract/procedure.ts';
import type { SittingChairsTable, SittingsTable } from '../../persistence/congress-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, ruleViolation } from '../errors.ts';
import type { Announcement } from '../event-types.ts';
import { InputError } from '../input-error.ts';
import { idsIn, requireOwnedIds } from '../owned-ids.ts';
import { refuseVoteInProgress } from './adoption-votes.ts';
import { presidiumMemberIds } from './bodies.ts';
import { notBefore } from './dates.ts';
import { congressRow, type Reader, sittingRow } from './lookups.ts';
import {
  closesCongress,
  refuseOpenElsewhere,
  refuseOutOfOrder,
  refuseRoundsUnderWay,
  refuseVotesNotTaken,
} from './procedure-guards.ts';
import { congressChange } from './publish.ts';
import { SITTING_NAMES } from './sitting-kinds.ts';

// Sittings (会次) of a congress: the preparatory meeting, the opening, plenary and closing
// sittings of the whole congress, presidium meetings and delegation discussions. Each goes
// scheduled → open → closed by explicit action; the executive chairs (大会执行主席) of a sitting
// are presidium members [P3].

/** Sittings of the whole congress in one hall: only one of them is open at a time. */
const ASSEMBLY_KINDS: ReadonlySet<SittingKind> = new Set(['preparatory', 'opening', 'plenary', 'closing']);
/** Sittings with executive chairs; the preparatory meeting comes before the presidium exists. */
const CHAIRED_KINDS: ReadonlySet<SittingKind> = new Set(CHAIRED_SITTING_KINDS);

async function chairsOf(db: Reader, sittingId: string): Promise<ChairView[]> {
  const rows = await db
    .selectFrom('sitting_chairs as c')
    .innerJoin('delegates as d', 'd.id', 'c.delegate_id')
    .select(['c.delegate_id', 'c.rank', 'd.name'])
    .where('c.sitting_id', '=', sittingId)
    .orderBy('c.rank')
    .execute();
  return rows.map((row) => ({ delegateId: row.delegate_id, name: row.name, rank: row.rank }));
}

export async function sittingView(db: Reader, row: SittingsTable): Promise<SittingView> {
  return {
    id: row.id,
    congressId: row.congress_id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    sortOrder: row.sort_order,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    venue: row.venue,
    presiding: row.presiding,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    chairs: await chairsOf(db, row.id),
  };
}

export async function listSittings(context: ServiceContext, congressId: string): Promise<SittingView[]> {
  const db = context.database.db;
  await congressRow(db, congressId);
  const rows = await db
    .selectFrom('sittings')
    .selectAll()
    .where('congress_id', '=', congressId)
    .orderBy('sort_order')
    .orderBy('starts_at')
    .execute();
  return Promise.all(rows.map((row) => sittingView(db, row)));
}

export async function getSitting(
  context: ServiceContext,
  congressId: string,
  sittingId: string,
): Promise<SittingView> {
  const db = context.database.db;
  return sittingView(db, await sittingRow(db, congressId, sittingId));
}

export async function createSitting(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  input: SittingInput,
): Promise<SittingView> {
  return auditedWrite(context, actor, async (trx) => {
    const congress = await congressRow(trx, congressId);
    if (congress.status === 'closed')
      throw conflict('congress-closed', 'the congress is closed', '会议已闭幕');
    notBefore(input.startsAt, input.endsAt, 'endsAt');
    const last = await trx
      .selectFrom('sittings')
      .select((eb) => eb.fn.max('sort_order').as('highest'))
      .where('congress_id', '=', congressId)
      .executeTakeFirst();
    const row: SittingsTable = {
      id: context.random.id(),
      congress_id: congressId,
      kind: input.kind,
      title: input.title ?? SITTING_NAMES[input.kind],
      status: 'scheduled',
      sort_order: input.sortOrder ?? Number(last?.highest ?? 0) + 1,
      starts_at: input.startsAt ?? null,
      ends_at: input.endsAt ?? null,
      venue: input.venue ?? null,
      presiding: input.presiding ?? null,
      opened_at: null,
      closed_at: null,
    };
    await trx.insertInto('sittings').values(row).execute();
    return {
      result: await sittingView(trx, row),
      audit: { action: 'sitting.create', subject: `sitting:${row.id}`, after: row },
    };
  });
}

export async function updateSitting(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  sittingId: string,
  patch: SittingPatch,
): Promise<SittingView> {
  const view = await auditedWrite(context, actor, async (trx) => {
    const before = await sittingRow(trx, congressId, sittingId);
    if (before.status === 'closed') throw conflict('sitting-closed', 'the sitting is closed', '该会次已结束');
    const after: SittingsTable = {
      ...before,
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.sortOrder !== undefined && { sort_order: patch.sortOrder }),
      ...(patch.startsAt !== undefined && { starts_at: patch.startsAt }),
      ...(patch.endsAt !== undefined && { ends_at: patch.endsAt }),
      ...(patch.venue !== undefined && { venue: patch.venue }),
      ...(patch.presiding !== undefined && { presiding: patch.presiding }),
    };
    notBefore(after.starts_at, after.ends_at, 'endsAt');
    await trx.updateTable('sittings').set(after).where('id', '=', sittingId).execute();
    return {
      result: await sittingView(trx, after),
      audit: { action: 'sitting.update', subject: `sitting:${sittingId}`, before, after },
      events: [congressChange(congressId, { change: 'sitting', sittingId })],
    };
  });
  return view;
}

/** Only a scheduled sitting with nothing recorded yet (agenda, attendance) can be removed. */
export async function deleteSitting(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  sittingId: string,
): Promise<void> {
  await auditedWrite(context, actor, async (trx) => {
    const before = await sittingRow(trx, congressId, sittingId);
    if (before.status !== 'scheduled')
      throw conflict('sitting-started', 'only a scheduled sitting can be removed', '只能删除尚未开始的会次');
    const item = await trx
      .selectFrom('agenda_items')
      .select('id')
      .where('sitting_id', '=', sittingId)
      .executeTakeFirst();
    if (item) throw conflict('sitting-has-agenda', 'remove its agenda items first', '请先删除该会次的议程');
    const attendance = await trx
      .selectFrom('attendance')
      .select('delegate_id')
      .where('sitting_id', '=', sittingId)
      .executeTakeFirst();
    if (attendance)
      throw conflict(
        'sitting-has-attendance',
        'attendance has been recorded for this sitting',
        '该会次已有报到记录，不能删除',
      );
    await trx.deleteFrom('sitting_chairs').where('sitting_id', '=', sittingId).execute();
    await trx.deleteFrom('sittings').where('id', '=', sittingId).execute();
    return {
      result: undefined,
      audit: { action: 'sitting.delete', subject: `sitting:${sittingId}`, before },
    };
  });
}

/**
 * Moves a sitting along scheduled → open → closed, stamping the time, with its audit entry and
 * the event the screens listen for. `check` refuses what the move must not allow.
 */
async function moveSitting(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  sittingId: string,
  to: 'open' | 'closed',
  check: (trx: WriteTransaction, before: SittingsTable) => Promise<void>,
  /** What the move does besides, once allowed (closing the closing sitting closes the congress). */
  also: (trx: WriteTransaction, before: SittingsTable) => Promise<readonly Announcement[]> = async () => [],
): Promise<SittingView> {
  const from = to === 'open' ? 'scheduled' : 'open';
  const view = await auditedWrite(context, actor, async (trx, at) => {
    const before = await sittingRow(trx, congressId, sittingId);
    if (before.status !== from) {
      const zh = { scheduled: '该会次尚未开始', open: '该会次已在进行中', closed: '该会次已结束' }[
        before.status
      ];
      throw conflict(`sitting-not-${from}`, `the sitting is ${before.status}, not ${from}`, zh);
    }
    await check(trx, before);
    const announced = await also(trx, before);
    const stamp = to === 'open' ? { opened_at: at } : { closed_at: at };
    await trx
      .updateTable('sittings')
      .set({ status: to, ...stamp })
      .where('id', '=', sittingId)
      .execute();
    const result = await sittingView(trx, { ...before, status: to, ...stamp });
    return {
      result,
      audit: {
        action: to === 'open' ? 'sitting.open' : 'sitting.close',
        subject: `sitting:${sittingId}`,
        before: { status: before.status },
        after: {
          status: to,
          at,
          ...(to === 'closed' && closesCongress(before) ? { congress: 'closed' } : {}),
        },
      },
      events: [
        congressChange(congressId, {
          change: to === 'open' ? 'sitting-opened' : 'sitting-closed',
          sitting: result,
        }),
        ...announced,
      ],
    };
  });
  return view;
}

/**
 * scheduled → open. Opening the first sitting puts the congress in session. Sittings of the
 * whole congress (preparatory, opening, plenary, closing) are held one at a time in the hall;
 * presidium meetings and delegation discussions may run alongside.
 */
export async function openSitting(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  sittingId: string,
): Promise<SittingView> {
  return moveSitting(context, actor, congressId, sittingId, 'open', async (trx, sitting) => {
    const congress = await congressRow(trx, congressId);
    if (congress.status === 'closed')
      throw conflict('congress-closed', 'the congress is closed', '会议已闭幕');
    await refuseOutOfOrder(trx, sitting);
    if (ASSEMBLY_KINDS.has(sitting.kind)) {
      const other = await trx
        .selectFrom('sittings')
        .select('title')
        .where('congress_id', '=', congressId)
        .where('status', '=', 'open')
        .where('kind', 'in', [...ASSEMBLY_KINDS])
        .executeTakeFirst();
      if (other)
        throw conflict('another-sitting-open', `close ${other.title} first`, `请先结束“${other.title}”`);
    }
    if (congress.status === 'preparing') {
      await trx
        .updateTable('congresses')
        .set({ status: 'in-session' })
        .where('id', '=', congressId)
        .execute();
    }
  });
}

/**
 * open → closed, once the sitting's business is done: no vote still being taken, none prepared
 * and never taken, no round of an election voted in it still unannounced. Closing the closing
 * sitting (闭幕大会) closes the congress with it: nothing else may then be open or under way.
 */
export async function closeSitting(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  sittingId: string,
): Promise<SittingView> {
  return moveSitting(
    context,
    actor,
    congressId,
    sittingId,
    'closed',
    async (trx, sitting) => {
      await refuseVoteInProgress(trx, sitting.id);
      await refuseVotesNotTaken(trx, sitting.id);
      await refuseRoundsUnderWay(trx, { sittingId: sitting.id });
      if (!closesCongress(sitting)) return;
      await refuseOpenElsewhere(trx, sitting);
      await refuseRoundsUnderWay(trx, { congressId });
    },
    async (trx, sitting) => {
      if (!closesCongress(sitting)) return [];
      await trx.updateTable('congresses').set({ status: 'closed' }).where('id', '=', congressId).execute();
      return [congressChange(congressId, { change: 'congress-status', status: 'closed' })];
    },
  );
}

/** [P3] The executive chairs of a sitting, in the order they are announced; presidium members only. */
export async function setChairs(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  sittingId: string,
  delegateIds: readonly string[],
): Promise<SittingView> {
  const view = await auditedWrite(context, actor, async (trx) => {
    const sitting = await sittingRow(trx, congressId, sittingId);
    if (sitting.status === 'closed')
      throw conflict('sitting-closed', 'the sitting is closed', '该会次已结束');
    if (!CHAIRED_KINDS.has(sitting.kind)) {
      throw new InputError(
        'delegateIds',
        'only the opening, plenary and closing sittings have executive chairs',
        '只有开幕、全体和闭幕大会设执行主席',
      );
    }
    const duplicate = delegateIds.find((id, index) => delegateIds.indexOf(id) !== index);
    if (duplicate) throw new InputError('delegateIds', 'names a delegate twice', '同一代表出现了两次');
    await requireOwnedIds(trx, 'delegate', congressId, idsIn('body.delegateIds', delegateIds));
    const presidium = await presidiumMemberIds(trx, congressId);
    const outsider = delegateIds.findIndex((id) => !presidium.has(id));
    if (outsider >= 0) {
      throw ruleViolation(
        'P3',
        `delegateIds[${outsider}] is not a member of the presidium`,
        `第${outsider + 1}名不是主席团成员，不能担任执行主席`,
      );
    }
    const before = await chairsOf(trx, sittingId);
    await trx.deleteFrom('sitting_chairs').where('sitting_id', '=', sittingId).execute();
    const rows: SittingChairsTable[] = delegateIds.map((delegateId, index) => ({
      id: context.random.id(),
      sitting_id: sittingId,
      delegate_id: delegateId,
      rank: index + 1,
    }));
    if (rows.length > 0) await trx.insertInto('sitting_chairs').values(rows).execute();
    const result = await sittingView(trx, sitting);
    return {
      result,
      audit: { action: 'sitting.chairs', subject: `sitting:${sittingId}`, before, after: result.chairs },
      events: [congressChange(congressId, { change: 'chairs', sittingId, chairs: result.chairs })],
    };
  });
  return view;
}

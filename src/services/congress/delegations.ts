import type { DelegationInput, DelegationView } from '../../contract/delegates.ts';
import type { DelegationsTable } from '../../persistence/congress-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { congressRow, type Reader } from './lookups.ts';

// Delegations (代表团): the groups delegates sit and discuss in. Their order (sort_order) is the
// order of every delegate list; delegates are in surname-stroke order within each.

async function delegationRow(
  db: Reader,
  congressId: string,
  delegationId: string,
): Promise<DelegationsTable> {
  const row = await db
    .selectFrom('delegations')
    .selectAll()
    .where('id', '=', delegationId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!row) throw notFound('delegation', '代表团');
  return row;
}

async function checkNameFree(db: Reader, congressId: string, name: string, selfId?: string): Promise<void> {
  let query = db
    .selectFrom('delegations')
    .select('id')
    .where('congress_id', '=', congressId)
    .where('name', '=', name);
  if (selfId) query = query.where('id', '!=', selfId);
  if (await query.executeTakeFirst())
    throw conflict('delegation-exists', `a delegation named ${name} exists`, `已有名为“${name}”的代表团`);
}

async function nextSortOrder(db: Reader, congressId: string): Promise<number> {
  const row = await db
    .selectFrom('delegations')
    .select((eb) => eb.fn.max('sort_order').as('highest'))
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}

export async function listDelegations(
  context: ServiceContext,
  congressId: string,
): Promise<DelegationView[]> {
  const db = context.database.db;
  await congressRow(db, congressId);
  const rows = await db
    .selectFrom('delegations as g')
    .leftJoin('delegates as d', 'd.delegation_id', 'g.id')
    .select((eb) => ['g.id', 'g.name', 'g.sort_order', eb.fn.count<number>('d.id').as('delegates')])
    .where('g.congress_id', '=', congressId)
    .groupBy(['g.id', 'g.name', 'g.sort_order'])
    .orderBy('g.sort_order')
    .orderBy('g.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    sortOrder: row.sort_order,
    delegates: Number(row.delegates),
  }));
}

export async function createDelegation(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  input: DelegationInput,
): Promise<DelegationView> {
  return auditedWrite(context, actor, async (trx) => {
    await congressRow(trx, congressId);
    await checkNameFree(trx, congressId, input.name);
    const row: DelegationsTable = {
      id: context.random.id(),
      congress_id: congressId,
      name: input.name,
      sort_order: input.sortOrder ?? (await nextSortOrder(trx, congressId)),
    };
    await trx.insertInto('delegations').values(row).execute();
    return {
      result: { id: row.id, name: row.name, sortOrder: row.sort_order, delegates: 0 },
      audit: { action: 'delegation.create', subject: `delegation:${row.id}`, after: row },
    };
  });
}

export async function updateDelegation(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  delegationId: string,
  patch: { readonly name?: string; readonly sortOrder?: number },
): Promise<DelegationView> {
  return auditedWrite(context, actor, async (trx) => {
    const before = await delegationRow(trx, congressId, delegationId);
    if (patch.name !== undefined) await checkNameFree(trx, congressId, patch.name, delegationId);
    const after = {
      ...before,
      name: patch.name ?? before.name,
      sort_order: patch.sortOrder ?? before.sort_order,
    };
    await trx
      .updateTable('delegations')
      .set({ name: after.name, sort_order: after.sort_order })
      .where('id', '=', delegationId)
      .execute();
    const count = await trx
      .selectFrom('delegates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('delegation_id', '=', delegationId)
      .executeTakeFirstOrThrow();
    return {
      result: { id: after.id, name: after.name, sortOrder: after.sort_order, delegates: Number(count.n) },
      audit: { action: 'delegation.update', subject: `delegation:${delegationId}`, before, after },
    };
  });
}

export async function deleteDelegation(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  delegationId: string,
): Promise<void> {
  await auditedWrite(context, actor, async (trx) => {
    const before = await delegationRow(trx, congressId, delegationId);
    const member = await trx
      .selectFrom('delegates')
      .select('id')
      .where('delegation_id', '=', delegationId)
      .executeTakeFirst();
    if (member)
      throw conflict(
        'delegation-not-empty',
        'the delegation still has delegates',
        '该代表团仍有代表，不能删除',
      );
    await trx.deleteFrom('delegations').where('id', '=', delegationId).execute();
    return {
      result: undefined,
      audit: { action: 'delegation.delete', subject: `delegation:${delegationId}`, before },
    };
  });
}

/**
 * The ids of the named delegations, creating those that do not exist yet (after the existing
 * ones, in the order first named). For the importer, inside its transaction.
 */
export async function ensureDelegations(
  trx: WriteTransaction,
  congressId: string,
  names: readonly string[],
  newId: () => string,
): Promise<{ ids: Map<string, string>; created: DelegationsTable[] }> {
  const existing = await trx
    .selectFrom('delegations')
    .selectAll()
    .where('congress_id', '=', congressId)
    .execute();
  const ids = new Map(existing.map((row) => [row.name, row.id]));
  const created: DelegationsTable[] = [];
  let order = existing.reduce((highest, row) => Math.max(highest, row.sort_order), 0);
  for (const name of names) {
    if (ids.has(name)) continue;
    const row: DelegationsTable = { id: newId(), congress_id: congressId, name, sort_order: ++order };
    created.push(row);
    ids.set(name, row.id);
  }
  if (created.length > 0) await trx.insertInto('delegations').values(created).execute();
  return { ids, created };
}

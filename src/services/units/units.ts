import type { Unit } from '../../contract/follow-up.ts';
import type { UnitsTable } from '../../persistence/committee-schema.ts';
import { createAccount } from '../accounts/account-service.ts';
import { type Actor, rolesIn } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import { organisationRow, type Reader } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';

// Units (单位) of an organisation: they request topics for the committee's meetings and carry out
// follow-up tasks. A unit's staff hold the 'unit' role and act only for the units linked to their
// account; the general office (an administrator) acts for all.

export function unitView(row: UnitsTable): Unit {
  return { id: row.id, organisationId: row.organisation_id, name: row.name, sortOrder: row.sort_order };
}

export async function unitRow(db: Reader, unitId: string): Promise<UnitsTable> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
  if (!row) throw notFound('unit', '单位');
  return row;
}

export async function listUnits(db: Reader, organisationId: string): Promise<Unit[]> {
  await organisationRow(db, organisationId);
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('sort_order')
    .execute();
  return rows.map(unitView);
}

/** The office: an administrator of every congress. */
export function isOffice(actor: Actor): boolean {
  return rolesIn(actor, undefined).has('admin');
}

/**
 * The units an actor may act for: null means every unit (the office); otherwise the ids linked to
 * the account (a unit's staff), possibly none.
 */
export async function actorUnits(db: Reader, actor: Actor): Promise<ReadonlySet<string> | null> {
  if (isOffice(actor)) return null;
  if (actor.kind !== 'account') return new Set();
  const rows = await db
    .selectFrom('account_units')
    .select('unit_id')
    .where('account_id', '=', actor.accountId)
    .execute();
  return new Set(rows.map((row) => row.unit_id));
}

export async function myUnits(db: Reader, actor: Actor): Promise<Unit[]> {
  const scope = await actorUnits(db, actor);
  let query = db.selectFrom('units').selectAll().orderBy('organisation_id').orderBy('sort_order');
  if (scope !== null) {
    if (scope.size === 0) return [];
    query = query.where('id', 'in', [...scope]);
  }
  return (await query.execute()).map(unitView);
}

export async function createUnit(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  input: { readonly name: string },
): Promise<Unit> {
  return auditedWrite(context, actor, async (trx, at) => {
    await organisationRow(trx, organisationId);
    const existing = await trx
      .selectFrom('units')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .execute();
    if (existing.some((row) => row.name === input.name)) {
      throw conflict('unit-exists', `${input.name} is already a unit`, `${input.name}已在单位列表中`);
    }
    const row: UnitsTable = {
      id: context.random.id(),
      organisation_id: organisationId,
      name: input.name,
      sort_order: existing.length + 1,
      created_at: at,
    };
    await trx.insertInto('units').values(row).execute();
    const view = unitView(row);
    return { result: view, audit: { action: 'unit.create', subject: `unit:${row.id}`, after: view } };
  });
}

/** A staff account of a unit: the 'unit' role in every congress, linked to this unit only. */
export async function createUnitAccount(
  context: ServiceContext,
  actor: Actor,
  unitId: string,
  input: { readonly username: string; readonly displayName: string; readonly password: string },
): Promise<{ id: string; username: string }> {
  const unit = await unitRow(context.database.db, unitId);
  const { id } = await createAccount(context, actor, {
    ...input,
    roles: [{ congressId: '*', role: 'unit' }],
    unitIds: [unit.id],
  });
  return { id, username: input.username };
}

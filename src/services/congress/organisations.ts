import type { OrganisationInput, OrganisationLevel, OrganisationView } from '../../contract/congress.ts';
import type { OrganisationsTable } from '../../persistence/congress-schema.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { InputError } from '../input-error.ts';
import { organisationRow, type Reader } from './lookups.ts';

// Party organisations (党组织) at four levels, each under its parent: the higher committee that
// files and approves what its congresses and plenaries elect [P6].

export function organisationView(row: OrganisationsTable): OrganisationView {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    locality: row.locality,
    level: row.level,
    parentId: row.parent_id,
  };
}

const LEVEL_RANK: Readonly<Record<OrganisationLevel, number>> = {
  province: 0,
  city: 1,
  county: 2,
  grassroots: 3,
};

/**
 * The parent must be a higher level (a county under a city, a city under a province); grassroots
 * organisations may nest (a Party branch under a grassroots committee). A parent chain must not
 * come back to the organisation itself.
 */
async function checkParent(
  db: Reader,
  selfId: string | undefined,
  level: OrganisationLevel,
  parentId: string,
): Promise<void> {
  const parent = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', parentId)
    .executeTakeFirst();
  if (!parent) throw new InputError('parentId', 'no such organisation', '上级党组织不存在');
  const nests = level === 'grassroots' && parent.level === 'grassroots';
  if (!nests && LEVEL_RANK[parent.level] >= LEVEL_RANK[level]) {
    throw new InputError(
      'parentId',
      `a ${level} organisation cannot be under a ${parent.level} organisation`,
      `${levelZh(level)}党组织不能隶属于${levelZh(parent.level)}党组织`,
    );
  }
  let cursor: string | null = parent.id;
  for (let depth = 0; cursor !== null && depth < 64; depth++) {
    if (cursor === selfId)
      throw new InputError(
        'parentId',
        'an organisation cannot be its own ancestor',
        '上级党组织不能是其自身或其下级',
      );
    const next: { parent_id: string | null } | undefined = await db
      .selectFrom('organisations')
      .select('parent_id')
      .where('id', '=', cursor)
      .executeTakeFirst();
    cursor = next?.parent_id ?? null;
  }
}

export function levelZh(level: OrganisationLevel): string {
  return { province: '省级', city: '市级', county: '县级', grassroots: '基层' }[level];
}

export async function createOrganisation(
  context: ServiceContext,
  actor: Actor,
  input: OrganisationInput,
): Promise<OrganisationView> {
  return auditedWrite(context, actor, async (trx) => {
    if (input.parentId) await checkParent(trx, undefined, input.level, input.parentId);
    const row: OrganisationsTable = {
      id: context.random.id(),
      name: input.name,
      short_name: input.shortName,
      locality: input.locality,
      level: input.level,
      parent_id: input.parentId ?? null,
    };
    await trx.insertInto('organisations').values(row).execute();
    const view = organisationView(row);
    return {
      result: view,
      audit: { action: 'organisation.create', subject: `organisation:${row.id}`, after: view },
    };
  });
}

export async function updateOrganisation(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  patch: Partial<OrganisationInput>,
): Promise<OrganisationView> {
  return auditedWrite(context, actor, async (trx) => {
    const before = await organisationRow(trx, organisationId);
    const after: OrganisationsTable = {
      ...before,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.shortName !== undefined && { short_name: patch.shortName }),
      ...(patch.locality !== undefined && { locality: patch.locality }),
      ...(patch.level !== undefined && { level: patch.level }),
      ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
    };
    if (after.parent_id) await checkParent(trx, organisationId, after.level, after.parent_id);
    await trx.updateTable('organisations').set(after).where('id', '=', organisationId).execute();
    return {
      result: organisationView(after),
      audit: {
        action: 'organisation.update',
        subject: `organisation:${organisationId}`,
        before: organisationView(before),
        after: organisationView(after),
      },
    };
  });
}

export async function listOrganisations(context: ServiceContext): Promise<OrganisationView[]> {
  const rows = await context.database.db.selectFrom('organisations').selectAll().execute();
  // Higher levels first; within a level by name, so the list reads as the hierarchy does.
  return rows
    .sort(
      (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .map(organisationView);
}

export async function getOrganisation(
  context: ServiceContext,
  organisationId: string,
): Promise<OrganisationView> {
  return organisationView(await organisationRow(context.database.db, organisationId));
}

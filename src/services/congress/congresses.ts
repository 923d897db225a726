import type { CongressBasics, CongressPatch, CongressView, NewCongress } from '../../contract/congress.ts';
import type { CongressesTable, OrganisationsTable } from '../../persistence/congress-schema.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict } from '../errors.ts';
import { isMeeting, meetingSummary } from '../meetings/meeting-lookup.ts';
import { requireOwnedIds } from '../owned-ids.ts';
import { isoDay, notBefore } from './dates.ts';
import { congressRow, organisationRow, type Reader, termRow } from './lookups.ts';
import { congressTitles, plenaryTitles } from './naming.ts';
import { refuseRoundsUnderWay, refuseSittingsNotHeld } from './procedure-guards.ts';
import { congressChange } from './publish.ts';

// Congresses (第N次代表大会) and plenaries (N届M次全会) share the congresses table: a plenary is a
// row of kind 'plenary' naming its term and its number within the term [P7]. The rule set follows
// from what meets: a local congress, a local committee in plenary, or a grassroots organisation.

export function congressBasics(row: CongressesTable): CongressBasics {
  return { id: row.id, title: row.title, startsOn: row.starts_on, endsOn: row.ends_on, venue: row.venue };
}

async function nameOf(db: Reader, row: CongressesTable, org: OrganisationsTable): Promise<string> {
  // A meeting of the committee between congresses is named as the press names it (meeting-titles.ts).
  if (isMeeting(row) && row.kind === 'standing-committee') {
    return meetingSummary(row, org, await termRow(db, row.term_id)).title;
  }
  if (row.kind === 'plenary' && row.term_id && row.plenary_number) {
    return plenaryTitles(org, await termRow(db, row.term_id), row.plenary_number).name;
  }
  return congressTitles(org, row.number).name;
}

export async function congressView(db: Reader, row: CongressesTable): Promise<CongressView> {
  const org = await organisationRow(db, row.organisation_id);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: org.name,
    kind: row.kind,
    number: row.number,
    plenaryNumber: row.plenary_number,
    termId: row.term_id,
    title: row.title,
    name: await nameOf(db, row, org),
    theme: row.theme,
    themeEn: row.theme_en ?? null,
    mainTasks: row.main_tasks ?? null,
    mainTasksEn: row.main_tasks_en ?? null,
    venue: row.venue,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    ruleSet: row.rule_set,
    status: row.status,
    secretaryGeneral: row.secretary_general,
    createdAt: row.created_at,
    firstPlenaryId: row.kind === 'congress' ? await firstPlenaryOf(db, row.id) : null,
  };
}

async function firstPlenaryOf(db: Reader, congressId: string): Promise<string | null> {
  const plenary = await db
    .selectFrom('congresses as c')
    .innerJoin('terms as t', 't.id', 'c.term_id')
    .select('c.id')
    .where('t.elected_by_congress_id', '=', congressId)
    .where('t.body', '=', 'committee')
    .where('c.plenary_number', '=', 1)
    .executeTakeFirst();
  return plenary?.id ?? null;
}

/** The rule set of what meets: a grassroots organisation, a local congress, or a local plenary. */
function ruleSetFor(
  level: OrganisationsTable['level'],
  kind: CongressesTable['kind'],
): CongressesTable['rule_set'] {
  if (level === 'grassroots') return 'grassroots';
  return kind === 'congress' ? 'local-congress' : 'local-plenary';
}

export async function createCongress(
  context: ServiceContext,
  actor: Actor,
  input: NewCongress,
): Promise<CongressView> {
  return auditedWrite(context, actor, async (trx, at) => {
    const common = {
      theme: input.theme ?? null,
      venue: input.venue ?? null,
      starts_on: input.startsOn ? isoDay(input.startsOn, 'startsOn') : null,
      ends_on: input.endsOn ? isoDay(input.endsOn, 'endsOn') : null,
      status: 'preparing' as const,
      secretary_general: null,
      created_at: at,
    };
    notBefore(common.starts_on, common.ends_on, 'endsOn');
    let row: CongressesTable;
    if (input.kind === 'congress') {
      const organisationId = { field: 'body.organisationId', id: input.organisationId };
      await requireOwnedIds(trx, 'organisation', [], [organisationId]);
      const org = await organisationRow(trx, input.organisationId);
      const clash = await trx
        .selectFrom('congresses')
        .select('id')
        .where('organisation_id', '=', org.id)
        .where('kind', '=', 'congress')
        .where('number', '=', input.number)
        .executeTakeFirst();
      if (clash)
        throw conflict(
          'congress-exists',
          `congress ${input.number} of this organisation already exists`,
          `本组织第${input.number}次代表大会已存在`,
        );
      row = {
        id: context.random.id(),
        organisation_id: org.id,
        kind: 'congress',
        number: input.number,
        plenary_number: null,
        term_id: null,
        title: input.title ?? congressTitles(org, input.number).title,
        rule_set: ruleSetFor(org.level, 'congress'),
        ...common,
      };
    } else {
      await requireOwnedIds(trx, 'term', [], [{ field: 'body.termId', id: input.termId }]);
      const term = await termRow(trx, input.termId);
      const org = await organisationRow(trx, term.organisation_id);
      const clash = await trx
        .selectFrom('congresses')
        .select('id')
        .where('term_id', '=', term.id)
        .where('kind', '=', 'plenary')
        .where('plenary_number', '=', input.plenaryNumber)
        .executeTakeFirst();
      if (clash) {
        throw conflict(
          'plenary-exists',
          `plenary ${input.plenaryNumber} of this term already exists`,
          `本届第${input.plenaryNumber}次全体会议已存在`,
        );
      }
      row = {
        id: context.random.id(),
        organisation_id: org.id,
        kind: 'plenary',
        number: term.number,
        plenary_number: input.plenaryNumber,
        term_id: term.id,
        title: input.title ?? plenaryTitles(org, term, input.plenaryNumber).title,
        rule_set: ruleSetFor(org.level, 'plenary'),
        ...common,
      };
    }
    await trx.insertInto('congresses').values(row).execute();
    const view = await congressView(trx, row);
    return { result: view, audit: { action: 'congress.create', subject: `congress:${row.id}`, after: view } };
  });
}

export async function updateCongress(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  patch: CongressPatch,
): Promise<CongressView> {
  const view = await auditedWrite(context, actor, async (trx) => {
    const before = await congressRow(trx, congressId);
    const after: CongressesTable = {
      ...before,
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.theme !== undefined && { theme: patch.theme }),
      ...(patch.themeEn !== undefined && { theme_en: patch.themeEn }),
      ...(patch.mainTasks !== undefined && { main_tasks: patch.mainTasks }),
      ...(patch.mainTasksEn !== undefined && { main_tasks_en: patch.mainTasksEn }),
      ...(patch.venue !== undefined && { venue: patch.venue }),
      ...(patch.startsOn !== undefined && {
        starts_on: patch.startsOn ? isoDay(patch.startsOn, 'startsOn') : null,
      }),
      ...(patch.endsOn !== undefined && { ends_on: patch.endsOn ? isoDay(patch.endsOn, 'endsOn') : null }),
    };
    notBefore(after.starts_on, after.ends_on, 'endsOn');
    await trx.updateTable('congresses').set(after).where('id', '=', congressId).execute();
    const result = await congressView(trx, after);
    const { title, startsOn, endsOn, venue } = result;
    return {
      result,
      audit: { action: 'congress.update', subject: `congress:${congressId}`, before, after },
      events: [
        congressChange(congressId, {
          change: 'congress',
          congress: { id: congressId, title, startsOn, endsOn, venue },
        }),
      ],
    };
  });
  return view;
}

/**
 * Ends the congress: every sitting must be closed first, every sitting of the whole congress held
 * [P3], and no round of an election left unannounced. (Closing the closing sitting does this by
 * itself: sittings.ts.)
 */
export async function closeCongress(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
): Promise<CongressView> {
  const view = await auditedWrite(context, actor, async (trx) => {
    const before = await congressRow(trx, congressId);
    if (before.status === 'closed')
      throw conflict('congress-closed', 'the congress is already closed', '会议已闭幕');
    const open = await trx
      .selectFrom('sittings')
      .select('title')
      .where('congress_id', '=', congressId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open)
      throw conflict('sitting-open', `close the sitting ${open.title} first`, `请先结束会次“${open.title}”`);
    await refuseSittingsNotHeld(trx, congressId);
    await refuseRoundsUnderWay(trx, { congressId });
    await trx.updateTable('congresses').set({ status: 'closed' }).where('id', '=', congressId).execute();
    const result = await congressView(trx, { ...before, status: 'closed' });
    return {
      result,
      audit: {
        action: 'congress.close',
        subject: `congress:${congressId}`,
        before: { status: before.status },
        after: { status: 'closed' },
      },
      events: [congressChange(congressId, { change: 'congress-status', status: result.status })],
    };
  });
  return view;
}

export async function getCongress(context: ServiceContext, congressId: string): Promise<CongressView> {
  const db = context.database.db;
  return congressView(db, await congressRow(db, congressId));
}

/** The public list: newest first, basics only. */
export async function listCongressBasics(context: ServiceContext): Promise<CongressBasics[]> {
  const rows = await context.database.db.selectFrom('congresses').selectAll().execute();
  return rows
    .sort(
      (a, b) =>
        (b.starts_on ?? '').localeCompare(a.starts_on ?? '') || a.created_at.localeCompare(b.created_at),
    )
    .map(congressBasics);
}

export async function getCongressBasics(
  context: ServiceContext,
  congressId: string,
): Promise<CongressBasics> {
  return congressBasics(await congressRow(context.database.db, congressId));
}

import type { TermInput, TermPatch, TermView, TermWithPositions } from '../../contract/congress.ts';
import { termElectedBy } from '../../core/rules/index.ts';
import type { TermsTable } from '../../persistence/congress-schema.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, ruleViolation } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { isoDay, notBefore } from './dates.ts';
import { organisationRow, type Reader, termRow } from './lookups.ts';
import { termTitles } from './naming.ts';
import { listPositions } from './term-positions.ts';

// Terms (届) of a committee or a discipline commission [P7]: numbered, five years, elected by the
// congress of the same number.

export async function termView(db: Reader, row: TermsTable): Promise<TermView> {
  const org = await organisationRow(db, row.organisation_id);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    body: row.body,
    number: row.number,
    ...termTitles(org, row),
    startedOn: row.started_on,
    endedOn: row.ended_on,
    electedByCongressId: row.elected_by_congress_id,
  };
}

/** [P7] The Nth congress elects the Nth term, of its own organisation. */
async function checkElectedBy(db: Reader, term: TermsTable): Promise<void> {
  if (!term.elected_by_congress_id) return;
  const congress = await db
    .selectFrom('congresses')
    .selectAll()
    .where('id', '=', term.elected_by_congress_id)
    .executeTakeFirst();
  if (!congress)
    throw new InputError('electedByCongressId', 'no such congress', '选举产生该届的代表大会不存在');
  if (congress.kind !== 'congress' || congress.organisation_id !== term.organisation_id) {
    throw new InputError(
      'electedByCongressId',
      "must be a congress of the term's own organisation",
      '应为本组织的代表大会',
    );
  }
  if (termElectedBy(congress.number) !== term.number) {
    throw ruleViolation(
      'P7',
      `congress ${congress.number} elects term ${termElectedBy(congress.number)}, not term ${term.number}`,
      `第${congress.number}次代表大会选举产生第${termElectedBy(congress.number)}届委员会，而不是第${term.number}届`,
    );
  }
}

async function checkUnique(db: Reader, term: TermsTable): Promise<void> {
  const clash = await db
    .selectFrom('terms')
    .select('id')
    .where('organisation_id', '=', term.organisation_id)
    .where('body', '=', term.body)
    .where('number', '=', term.number)
    .where('id', '!=', term.id)
    .executeTakeFirst();
  if (clash) {
    throw conflict(
      'term-exists',
      `term ${term.number} of this body already exists`,
      `该组织第${term.number}届已存在`,
    );
  }
}

export async function createTerm(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  input: TermInput,
): Promise<TermView> {
  return auditedWrite(context, actor, async (trx) => {
    await organisationRow(trx, organisationId);
    const row: TermsTable = {
      id: context.random.id(),
      organisation_id: organisationId,
      body: input.body,
      number: input.number,
      started_on: isoDay(input.startedOn, 'startedOn'),
      ended_on: input.endedOn ? isoDay(input.endedOn, 'endedOn') : null,
      elected_by_congress_id: input.electedByCongressId ?? null,
    };
    notBefore(row.started_on, row.ended_on, 'endedOn');
    await checkUnique(trx, row);
    await checkElectedBy(trx, row);
    await trx.insertInto('terms').values(row).execute();
    const view = await termView(trx, row);
    return { result: view, audit: { action: 'term.create', subject: `term:${row.id}`, after: view } };
  });
}

export async function updateTerm(
  context: ServiceContext,
  actor: Actor,
  termId: string,
  patch: TermPatch,
): Promise<TermView> {
  return auditedWrite(context, actor, async (trx) => {
    const before = await termRow(trx, termId);
    const after: TermsTable = {
      ...before,
      ...(patch.startedOn !== undefined && { started_on: isoDay(patch.startedOn, 'startedOn') }),
      ...(patch.endedOn !== undefined && {
        ended_on: patch.endedOn ? isoDay(patch.endedOn, 'endedOn') : null,
      }),
      ...(patch.electedByCongressId !== undefined && { elected_by_congress_id: patch.electedByCongressId }),
    };
    notBefore(after.started_on, after.ended_on, 'endedOn');
    await checkElectedBy(trx, after);
    await trx.updateTable('terms').set(after).where('id', '=', termId).execute();
    return {
      result: await termView(trx, after),
      audit: { action: 'term.update', subject: `term:${termId}`, before, after },
    };
  });
}

export async function listTerms(context: ServiceContext, organisationId: string): Promise<TermView[]> {
  const db = context.database.db;
  await organisationRow(db, organisationId);
  const rows = await db
    .selectFrom('terms')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('body')
    .orderBy('number')
    .execute();
  return Promise.all(rows.map((row) => termView(db, row)));
}

export async function getTerm(context: ServiceContext, termId: string): Promise<TermWithPositions> {
  const db = context.database.db;
  const row = await termRow(db, termId);
  return { ...(await termView(db, row)), positions: await listPositions(db, termId) };
}

import type { Kysely } from 'kysely';
import type { AuditLabel } from '../../contract/audit.ts';
import type { Schema } from '../../persistence/schema.ts';
import { termTitles } from '../congress/naming.ts';

// Names for what audit entries refer to by id (account:admin, delegate:<id>, round:<id>…), so a
// page of the log reads as 秘书处 published 开幕报道 rather than as ids. Looked up for one page
// at a time, one query per kind of subject on it. A row deleted since has no name: the entry
// keeps the id (and its `before` says what the row was).

type Reader = Kysely<Schema>;
type Labels = Map<string, AuditLabel>;

/** The ids after `kind:` among the references (attendance:<sitting>:<delegate> gives both). */
function idsOf(references: readonly string[], kind: string): string[] {
  const ids = new Set<string>();
  for (const reference of references) {
    const [head, ...rest] = reference.split(':');
    if (head === kind && rest.length > 0) ids.add(rest.join(':').split('/')[0]!);
  }
  return [...ids];
}

async function named(
  labels: Labels,
  kind: string,
  ids: readonly string[],
  rows: (ids: readonly string[]) => Promise<ReadonlyArray<{ id: string; name: string }>>,
): Promise<void> {
  if (ids.length === 0) return;
  for (const row of await rows(ids)) labels.set(`${kind}:${row.id}`, { name: row.name });
}

export async function auditLabels(
  db: Reader,
  references: readonly string[],
): Promise<Record<string, AuditLabel>> {
  const labels: Labels = new Map();
  const attendance = references
    .filter((r) => r.startsWith('attendance:'))
    .map((r) => r.split(':'))
    .filter((parts) => parts.length === 3);
  const delegateIds = [...idsOf(references, 'delegate'), ...attendance.map((parts) => parts[2]!)];
  const sittingIds = [...idsOf(references, 'sitting'), ...attendance.map((parts) => parts[1]!)];

  await named(labels, 'account', idsOf(references, 'account'), (usernames) =>
    db
      .selectFrom('accounts')
      .select(['username as id', 'display_name as name'])
      .where('username', 'in', usernames)
      .execute(),
  );
  await named(labels, 'delegate', delegateIds, async (ids) =>
    (await db.selectFrom('delegates').select(['id', 'name', 'code']).where('id', 'in', ids).execute()).map(
      (d) => ({ id: d.id, name: `${d.name} ${d.code}` }),
    ),
  );
  await named(labels, 'sitting', sittingIds, (ids) =>
    db.selectFrom('sittings').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  );
  await named(labels, 'delegation', idsOf(references, 'delegation'), (ids) =>
    db.selectFrom('delegations').select(['id', 'name']).where('id', 'in', ids).execute(),
  );
  await named(labels, 'congress', idsOf(references, 'congress'), (ids) =>
    db.selectFrom('congresses').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  );
  await named(labels, 'organisation', idsOf(references, 'organisation'), (ids) =>
    db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute(),
  );
  await named(labels, 'election', idsOf(references, 'election'), (ids) =>
    db.selectFrom('elections').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  );
  await named(labels, 'method', idsOf(references, 'method'), (ids) =>
    db.selectFrom('election_methods').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  );
  await named(labels, 'agenda-item', idsOf(references, 'agenda-item'), (ids) =>
    db.selectFrom('agenda_items').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  );
  await named(labels, 'adoption-vote', idsOf(references, 'adoption-vote'), (ids) =>
    db.selectFrom('adoption_votes').select(['id', 'subject as name']).where('id', 'in', ids).execute(),
  );
  await named(labels, 'news', idsOf(references, 'news'), (ids) =>
    db.selectFrom('news_items').select(['id', 'title_zh as name']).where('id', 'in', ids).execute(),
  );
  await named(labels, 'term-position', idsOf(references, 'term-position'), (ids) =>
    db.selectFrom('term_positions').select(['id', 'person_name as name']).where('id', 'in', ids).execute(),
  );
  const termIds = idsOf(references, 'term');
  if (termIds.length > 0) {
    const terms = await db
      .selectFrom('terms')
      .innerJoin('organisations', 'organisations.id', 'terms.organisation_id')
      .selectAll('organisations')
      .select(['terms.id as termId', 'terms.body', 'terms.number'])
      .where('terms.id', 'in', termIds)
      .execute();
    for (const term of terms) labels.set(`term:${term.termId}`, { name: termTitles(term, term).title });
  }
  const roundIds = idsOf(references, 'round');
  if (roundIds.length > 0) {
    const rounds = await db
      .selectFrom('rounds')
      .innerJoin('elections', 'elections.id', 'rounds.election_id')
      .select(['rounds.id', 'rounds.seq', 'elections.title'])
      .where('rounds.id', 'in', roundIds)
      .execute();
    for (const r of rounds) labels.set(`round:${r.id}`, { name: r.title, round: r.seq });
  }
  for (const [, sittingId, delegateId] of attendance) {
    const sitting = labels.get(`sitting:${sittingId}`);
    const delegate = labels.get(`delegate:${delegateId}`);
    if (sitting && delegate)
      labels.set(`attendance:${sittingId}:${delegateId}`, { name: `${sitting.name} · ${delegate.name}` });
  }
  return Object.fromEntries(labels);
}

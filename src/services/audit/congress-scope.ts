import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../../persistence/dialect.ts';
import type { Schema } from '../../persistence/schema.ts';

// Which audit entries are a congress's. The log is one hash chain for the whole installation and
// its entries carry no congress column: an entry names its subject (`delegate:<id>`,
// `round:<id>`, `congress:<id>/presidium`, `attendance:<sitting>:<delegate>`…), and the subject's
// row says which congress it belongs to. So an entry is the congress's when
//   - its subject is the congress itself (or one of its bodies: congress:<id>/…);
//   - its subject is a row of the congress: a delegate, delegation, sitting, election method,
//     election, round, agenda item, adoption vote or news item; a term it elected (or, for a
//     plenary, the term it belongs to), or a position in such a term;
//   - it is an attendance change in one of the congress's sittings (attendance rows are kept);
//   - or its subject is a row deleted since, whose deletion entry recorded the congress (the
//     deleted row's `before`: its congress, sitting, term or election), so that a creation and
//     its deletion stay in the congress's log.
// Organisations, accounts and news templates serve every congress; their entries are read in the
// installation-wide log only.

type AuditBuilder = ExpressionBuilder<Schema, 'audit_log'>;

/** `'<kind>:' || <column>`: the subject an entry about that row carries (kinds are constants). */
function subjectOf(kind: string, column: string) {
  return sql<string>`${sql.lit(`${kind}:`)} || ${sql.ref(column)}`;
}

/** A text field of a JSON column, by path (the stored JSON is canonical, written by appendAudit). */
function jsonText(dialect: Dialect, column: string, path: readonly string[]) {
  return dialect === 'sqlite'
    ? sql<string>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${path.join('.')}`)})`
    : sql<string>`(${sql.ref(column)}::jsonb #>> ${sql.lit(`{${path.join(',')}}`)})`;
}

/** The condition on audit_log that keeps the entries of `congressId`. */
export function inCongress(eb: AuditBuilder, congressId: string, dialect: Dialect): Expression<SqlBool> {
  const sittings = eb
    .selectFrom('sittings')
    .select('sittings.id')
    .where('sittings.congress_id', '=', congressId);
  const terms = eb
    .selectFrom('terms')
    .select('terms.id')
    .where((t) =>
      t.or([
        t('terms.elected_by_congress_id', '=', congressId),
        t(
          'terms.id',
          'in',
          t.selectFrom('congresses').select('congresses.term_id').where('congresses.id', '=', congressId),
        ),
      ]),
    );
  const elections = eb
    .selectFrom('elections')
    .select('elections.id')
    .where('elections.congress_id', '=', congressId);
  const rowsOfCongress = [
    eb
      .selectFrom('delegates')
      .select(subjectOf('delegate', 'delegates.id').as('subject'))
      .where('delegates.congress_id', '=', congressId),
    eb
      .selectFrom('delegations')
      .select(subjectOf('delegation', 'delegations.id').as('subject'))
      .where('delegations.congress_id', '=', congressId),
    eb
      .selectFrom('sittings')
      .select(subjectOf('sitting', 'sittings.id').as('subject'))
      .where('sittings.congress_id', '=', congressId),
    eb
      .selectFrom('election_methods')
      .select(subjectOf('method', 'election_methods.id').as('subject'))
      .where('election_methods.congress_id', '=', congressId),
    eb
      .selectFrom('elections')
      .select(subjectOf('election', 'elections.id').as('subject'))
      .where('elections.congress_id', '=', congressId),
    eb
      .selectFrom('rounds')
      .innerJoin('elections', 'elections.id', 'rounds.election_id')
      .select(subjectOf('round', 'rounds.id').as('subject'))
      .where('elections.congress_id', '=', congressId),
    eb
      .selectFrom('agenda_items')
      .select(subjectOf('agenda-item', 'agenda_items.id').as('subject'))
      .where('agenda_items.sitting_id', 'in', sittings),
    eb
      .selectFrom('adoption_votes')
      .innerJoin('agenda_items', 'agenda_items.id', 'adoption_votes.agenda_item_id')
      .select(subjectOf('adoption-vote', 'adoption_votes.id').as('subject'))
      .where('agenda_items.sitting_id', 'in', sittings),
    eb
      .selectFrom('news_items')
      .select(subjectOf('news', 'news_items.id').as('subject'))
      .where('news_items.congress_id', '=', congressId),
    eb.selectFrom('terms').select(subjectOf('term', 'terms.id').as('subject')).where('terms.id', 'in', terms),
    eb
      .selectFrom('term_positions')
      .select(subjectOf('term-position', 'term_positions.id').as('subject'))
      .where('term_positions.term_id', 'in', terms),
  ];
  const before = (path: readonly string[]) => jsonText(dialect, 'deleted.before_json', path);
  const deletedRows = eb
    .selectFrom('audit_log as deleted')
    .select('deleted.subject')
    .where((d) =>
      d.or([
        d.and([
          d('deleted.action', 'in', ['delegate.delete', 'delegation.delete', 'sitting.delete']),
          d(before(['congress_id']), '=', congressId),
        ]),
        d.and([d('deleted.action', '=', 'agenda.delete'), d(before(['item', 'sitting_id']), 'in', sittings)]),
        d.and([d('deleted.action', '=', 'term-position.remove'), d(before(['termId']), 'in', terms)]),
        // A prepared round withdrawn (round-preparation.ts): its preparation stays in the log.
        d.and([
          d('deleted.action', '=', 'round.withdraw-preparation'),
          d(before(['election']), 'in', elections),
        ]),
      ]),
    );
  const own = `congress:${congressId}`;
  // attendance:<sitting>:<delegate>, for every attendance row of the congress's sittings.
  const attendance = eb
    .selectFrom('attendance')
    .innerJoin('sittings', 'sittings.id', 'attendance.sitting_id')
    .select(
      sql<string>`${sql.lit('attendance:')} || ${sql.ref('attendance.sitting_id')} || ${sql.lit(':')} || ${sql.ref('attendance.delegate_id')}`.as(
        'subject',
      ),
    )
    .where('sittings.congress_id', '=', congressId);
  return eb.or([
    eb('audit_log.subject', '=', own),
    eb(
      sql<string>`substr(${sql.ref('audit_log.subject')}, 1, ${sql.lit([...own].length + 1)})`,
      '=',
      `${own}/`,
    ),
    ...[...rowsOfCongress, attendance].map((rows) => eb('audit_log.subject', 'in', rows)),
    eb('audit_log.subject', 'in', deletedRows),
  ]);
}

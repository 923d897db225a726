import { initialReportingStatus } from '../../../src/core/rules/index.ts';
import type {
  CongressesTable,
  OrganisationsTable,
  Role,
  RoundsTable,
  TermPositionsTable,
  TermsTable,
} from '../../../src/persistence/congress-schema.ts';
import { type Database, inTransaction, type WriteTransaction } from '../../../src/persistence/index.ts';
import { createAccount } from '../../../src/services/accounts/account-service.ts';
import type { Actor } from '../../../src/services/actor.ts';
import { sealElectronicBallots } from '../../../src/services/ballots/ballot-seal.ts';
import { createCongress } from '../../../src/services/congress/congresses.ts';
import { congressTitles, plenaryTitles } from '../../../src/services/congress/naming.ts';
import { createOrganisation } from '../../../src/services/congress/organisations.ts';
import { addPosition, officeOf } from '../../../src/services/congress/term-positions.ts';
import { createTerm } from '../../../src/services/congress/terms.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { closeRound } from '../../../src/services/elections/rounds.ts';
import { EventBus } from '../../../src/services/events.ts';
import { createMeeting, type NewMeeting } from '../../../src/services/meetings/meetings.ts';
import { SYSTEM, testContext } from '../http.ts';
import { CongressBuilder } from './congress.ts';
import { BUILT_AT, congressRow, insertRows, organisationRow, positionRow, termRow } from './rows.ts';

// The test builder: organisations, terms, congresses and plenaries, delegations and delegates,
// sittings and attendance, election methods, elections with candidates and officers, and rounds
// in any state — with defaults, so that a test states only what matters to it.
//
//   const world = buildWorld(database);                       // rows, ids w-…
//   const congress = await world.congress({ number: 15 });    // and its organisation
//   const delegates = await congress.delegates(12);
//   const sitting = await congress.sitting();                 // open
//   await congress.attendance(sitting.id, delegates.slice(0, 10));
//   await congress.method();                                  // adopted
//   const election = await congress.election({ seats: 3, candidates: delegates.slice(0, 5) });
//   const round = await election.round({ status: 'counted', ballots: [votesFor(10, '…')] });
//
// Two ways to build, chosen per world:
// - 'rows' (the default): written straight into the tables, one transaction per call: ids
//   `${tag}-${kind}-${n}`, times BUILT_AT, no audit entries and no events, so a test may count the
//   audit log from zero (most tests of a service do); and any state, including those no service
//   reaches quickly (417 delegates checked in, two sittings open at once, a round counted from 413
//   ballots). The rows are the ones the services would write: builder.test.ts builds the same
//   congress both ways and reads it back through the services.
// - 'services': through the services, as the system administrator: the rows are the services'
//   own (their ids, the clock's times, their checks) and each write is audited. For tests that
//   build on what other services made (the congress services' tests, the audit log's).
// Whatever the world, rounds are written directly (ElectionBuilder.round: opening one through the
// services needs a method adopted, officers and a quorum checked in, and counting it every ballot
// cast or keyed twice), and so is moving a round to any state but closed (setRoundStatus).

export type Via = 'rows' | 'services';

export interface WorldOptions {
  /** How to build (see above); default 'rows'. */
  readonly via?: Via;
  /** Starts the ids written in rows mode: two worlds in one database need two tags. Default 'w'. */
  readonly tag?: string;
  /**
   * The services' clock and randomness (default: testContext(database)). The world publishes its
   * events on a bus of its own, so a test hears only its own acts.
   */
  readonly context?: ServiceContext;
  /** When rows say they were created, opened, checked in or counted (rows mode). */
  readonly at?: string;
}

export interface OrganisationSpec {
  readonly id?: string;
  readonly name?: string;
  readonly shortName?: string;
  readonly locality?: string;
  readonly level?: OrganisationsTable['level'];
  /** The parent organisation's id. */
  readonly parent?: string;
}

export interface BuiltOrganisation {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly locality: string;
  readonly level: OrganisationsTable['level'];
}

export interface TermSpec {
  readonly id?: string;
  readonly organisation: string;
  readonly body?: TermsTable['body'];
  readonly number?: number;
  readonly startedOn?: string;
  readonly endedOn?: string;
  /** The congress that elected it. */
  readonly electedBy?: string;
}

export interface BuiltTerm {
  readonly id: string;
  readonly organisationId: string;
  readonly body: TermsTable['body'];
  readonly number: number;
}

export interface PositionSpec {
  readonly id?: string;
  readonly person: string;
  readonly position: TermPositionsTable['position'];
  /** Default: the order given, within each position (members are not ranked). */
  readonly rank?: number | null;
  readonly delegate?: string;
  readonly election?: string;
  /** Default: what the office needs, as addPosition records it (filed or pending approval). */
  readonly reportingStatus?: TermPositionsTable['reporting_status'];
  readonly approvedAt?: string;
  readonly approvalNote?: string;
}

export interface CongressSpec {
  readonly id?: string;
  /** An organisation's id, or one to create (default: 中共某县委员会, a county). Not for a plenary. */
  readonly organisation?: string | OrganisationSpec;
  /** Default 'congress'; 'plenary' needs `term`. */
  readonly kind?: CongressesTable['kind'];
  /** N of 第N次代表大会 (default 1); a plenary has its term's number. */
  readonly number?: number;
  readonly term?: string;
  readonly plenaryNumber?: number;
  /** Default: as the services title it ([P7]). */
  readonly title?: string;
  readonly theme?: string;
  readonly venue?: string;
  readonly startsOn?: string;
  readonly endsOn?: string;
  readonly ruleSet?: CongressesTable['rule_set'];
  /** Default: preparing, in session once a sitting has opened. */
  readonly status?: CongressesTable['status'];
  readonly secretaryGeneral?: string;
  readonly createdAt?: string;
}

export type StaffActor = Extract<Actor, { kind: 'account' }>;

/** Fields only rows mode can write: the services choose them (ids, times) or have no input for them. */
export function refuseInServicesMode(world: World, what: string, spec: object, fields: readonly string[]) {
  if (world.via !== 'services') return;
  const given = fields.filter((field) => (spec as Record<string, unknown>)[field] !== undefined);
  if (given.length > 0) {
    throw new Error(
      `${what}: ${given.join(', ')} cannot be set through the services; build with via: 'rows'`,
    );
  }
}

export class World {
  readonly via: Via;
  readonly tag: string;
  readonly at: string;
  /** The context the services run in. */
  readonly context: ServiceContext;
  /** Who acts in services mode. */
  readonly actor: Actor = SYSTEM;
  private readonly counters = new Map<string, number>();
  private nextName = 0;

  constructor(
    readonly database: Database,
    options: WorldOptions = {},
  ) {
    this.via = options.via ?? 'rows';
    this.tag = options.tag ?? 'w';
    this.at = options.at ?? BUILT_AT;
    this.context = { ...(options.context ?? testContext(database)), events: new EventBus() };
  }

  /** The next row id of a kind in rows mode: `${tag}-${kind}-1`, `-2`… */
  id(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${this.tag}-${kind}-${n}`;
  }

  /** The next default name (personName order), so that no two delegates of the world share one. */
  nameIndex(): number {
    return this.nextName++;
  }

  /** One transaction of direct writes. */
  write<T>(fn: (trx: WriteTransaction) => Promise<T>): Promise<T> {
    return inTransaction(this.database, fn);
  }

  async organisation(spec: OrganisationSpec = {}): Promise<BuiltOrganisation> {
    const fields = {
      name: spec.name ?? '中共某县委员会',
      shortName: spec.shortName ?? '县委',
      locality: spec.locality ?? '某县',
      level: spec.level ?? ('county' as const),
    };
    if (this.via === 'services') {
      refuseInServicesMode(this, 'organisation', spec, ['id']);
      const view = await createOrganisation(this.context, this.actor, {
        ...fields,
        parentId: spec.parent ?? null,
      });
      return { id: view.id, ...fields };
    }
    const id = spec.id ?? this.id('org');
    await this.write((trx) =>
      insertRows(trx, 'organisations', [
        organisationRow({
          id,
          name: fields.name,
          short_name: fields.shortName,
          locality: fields.locality,
          level: fields.level,
          parent_id: spec.parent ?? null,
        }),
      ]),
    );
    return { id, ...fields };
  }

  async term(spec: TermSpec): Promise<BuiltTerm> {
    const body = spec.body ?? 'committee';
    const number = spec.number ?? 1;
    const startedOn = spec.startedOn ?? '2021-06-20';
    if (this.via === 'services') {
      refuseInServicesMode(this, 'term', spec, ['id']);
      const view = await createTerm(this.context, this.actor, spec.organisation, {
        body,
        number,
        startedOn,
        endedOn: spec.endedOn ?? null,
        electedByCongressId: spec.electedBy ?? null,
      });
      return { id: view.id, organisationId: spec.organisation, body, number };
    }
    const id = spec.id ?? this.id('term');
    await this.write((trx) =>
      insertRows(trx, 'terms', [
        termRow({
          id,
          organisation_id: spec.organisation,
          body,
          number,
          started_on: startedOn,
          ended_on: spec.endedOn ?? null,
          elected_by_congress_id: spec.electedBy ?? null,
        }),
      ]),
    );
    return { id, organisationId: spec.organisation, body, number };
  }

  /** Positions in a term's register, in the order given. */
  async positions(term: string, specs: readonly PositionSpec[]): Promise<string[]> {
    if (this.via === 'services') {
      const ids: string[] = [];
      for (const spec of specs) {
        refuseInServicesMode(this, 'position', spec, ['id', 'reportingStatus', 'approvedAt', 'approvalNote']);
        const view = await addPosition(this.context, this.actor, term, {
          personName: spec.person,
          position: spec.position,
          ...(spec.rank ? { rank: spec.rank } : {}),
          delegateId: spec.delegate ?? null,
          electionId: spec.election ?? null,
        });
        ids.push(view.id);
      }
      return ids;
    }
    return this.write(async (trx) => {
      const row = await trx
        .selectFrom('terms')
        .select('body')
        .where('id', '=', term)
        .executeTakeFirstOrThrow();
      const ranks = new Map<string, number>();
      const rows = specs.map((spec) => {
        const rank = (ranks.get(spec.position) ?? 0) + 1;
        ranks.set(spec.position, rank);
        return positionRow({
          id: spec.id ?? this.id('position'),
          term_id: term,
          person_name: spec.person,
          position: spec.position,
          rank: spec.rank !== undefined ? spec.rank : spec.position === 'member' ? null : rank,
          delegate_id: spec.delegate ?? null,
          election_id: spec.election ?? null,
          reporting_status:
            spec.reportingStatus !== undefined
              ? spec.reportingStatus
              : initialReportingStatus(officeOf(spec.position, row.body)),
          approved_at: spec.approvedAt ?? null,
          approval_note: spec.approvalNote ?? null,
        });
      });
      await insertRows(trx, 'term_positions', rows);
      return rows.map((r) => r.id);
    });
  }

  /** A congress, or a plenary of a term (`kind: 'plenary'`, `term`, `plenaryNumber`). */
  async congress(spec: CongressSpec = {}): Promise<CongressBuilder> {
    const kind = spec.kind ?? 'congress';
    if (kind === 'congress' && spec.term)
      throw new Error('congress: a congress has no term (kind: plenary?)');
    if (kind === 'standing-committee')
      throw new Error('congress: a standing committee meeting is world.meeting()');
    if (kind !== 'congress' && !spec.term) throw new Error(`congress: a ${kind} needs its term`);
    const organisationId = spec.term
      ? undefined
      : typeof spec.organisation === 'string'
        ? spec.organisation
        : (await this.organisation(spec.organisation)).id;
    const common = {
      ...(spec.title !== undefined ? { title: spec.title } : {}),
      theme: spec.theme ?? null,
      venue: spec.venue ?? null,
      startsOn: spec.startsOn ?? null,
      endsOn: spec.endsOn ?? null,
    };
    if (this.via === 'services') {
      refuseInServicesMode(this, 'congress', spec, [
        'id',
        'ruleSet',
        'status',
        'secretaryGeneral',
        'createdAt',
      ]);
      const view =
        kind === 'congress'
          ? await createCongress(this.context, this.actor, {
              kind: 'congress',
              organisationId: organisationId!,
              number: spec.number ?? 1,
              ...common,
            })
          : await createCongress(this.context, this.actor, {
              kind: 'plenary',
              termId: spec.term!,
              plenaryNumber: spec.plenaryNumber ?? 1,
              ...common,
            });
      return new CongressBuilder(this, {
        id: view.id,
        organisationId: view.organisationId,
        termId: view.termId,
        kind,
      });
    }
    const row = await this.write(async (trx) => {
      const term = spec.term
        ? await trx.selectFrom('terms').selectAll().where('id', '=', spec.term).executeTakeFirstOrThrow()
        : undefined;
      const org = await trx
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', term?.organisation_id ?? organisationId!)
        .executeTakeFirstOrThrow();
      const number = term?.number ?? spec.number ?? 1;
      const plenaryNumber = kind === 'congress' ? null : (spec.plenaryNumber ?? 1);
      const row = congressRow({
        id: spec.id ?? this.id('congress'),
        organisation_id: org.id,
        kind,
        number,
        plenary_number: plenaryNumber,
        term_id: term?.id ?? null,
        title:
          spec.title ??
          (term ? plenaryTitles(org, term, plenaryNumber!).title : congressTitles(org, number).title),
        theme: common.theme,
        venue: common.venue,
        starts_on: common.startsOn,
        ends_on: common.endsOn,
        // As createCongress picks it.
        rule_set:
          spec.ruleSet ??
          (org.level === 'grassroots'
            ? 'grassroots'
            : kind === 'congress'
              ? 'local-congress'
              : 'local-plenary'),
        status: spec.status ?? 'preparing',
        secretary_general: spec.secretaryGeneral ?? null,
        created_at: spec.createdAt ?? this.at,
      });
      await insertRows(trx, 'congresses', [row]);
      return row;
    });
    return new CongressBuilder(this, {
      id: row.id,
      organisationId: row.organisation_id,
      termId: row.term_id,
      kind,
    });
  }

  /**
   * A meeting of the committee (a plenary session or a standing committee meeting) with its
   * sitting and its roster taken from the term's register: through createMeeting in either world,
   * since the roster is the register's (build the register first, e.g. with positions()).
   */
  async meeting(term: string, input: NewMeeting): Promise<{ congress: CongressBuilder; sittingId: string }> {
    const view = await createMeeting(this.context, this.actor, term, input);
    return { congress: await this.congressOf(view.id), sittingId: view.sittingId };
  }

  /** A builder for a congress made elsewhere (by the services, the demo seed…), to add to it. */
  async congressOf(id: string): Promise<CongressBuilder> {
    const row = await this.database.db
      .selectFrom('congresses')
      .select(['id', 'organisation_id', 'term_id', 'kind'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return new CongressBuilder(this, {
      id: row.id,
      organisationId: row.organisation_id,
      termId: row.term_id,
      kind: row.kind,
    });
  }

  /** A staff account and the actor it acts as (createAccount, in either world). */
  staff(username: string, roles: ReadonlyArray<{ congressId: string; role: Role }>): Promise<StaffActor> {
    return staffAccount(this.context, username, roles);
  }

  /**
   * Moves a round on, written directly whatever the world (a test of what a later state allows).
   * Closing records the ballots issued as closeRound does — every elector present at opening for an
   * electronic round, the number given for a paper one — and seals the electronic ballots [B4].
   * Through the services (via: 'services') closing is closeRound itself.
   */
  async setRoundStatus(
    roundId: string,
    status: RoundsTable['status'],
    options: { readonly ballotsIssued?: number; readonly at?: string } = {},
  ): Promise<void> {
    if (this.via === 'services' && status === 'closed') {
      const round = await this.database.db
        .selectFrom('rounds as r')
        .innerJoin('elections as e', 'e.id', 'r.election_id')
        .select('e.congress_id')
        .where('r.id', '=', roundId)
        .executeTakeFirstOrThrow();
      await closeRound(this.context, this.actor, round.congress_id, roundId, {
        ...(options.ballotsIssued === undefined ? {} : { ballotsIssued: options.ballotsIssued }),
      });
      return;
    }
    await this.write(async (trx) => {
      const round = await trx
        .selectFrom('rounds')
        .select(['mode', 'present', 'status'])
        .where('id', '=', roundId)
        .executeTakeFirstOrThrow();
      const closing = round.status === 'open' && status !== 'open';
      const issued =
        options.ballotsIssued ?? (closing && round.mode === 'electronic' ? (round.present ?? 0) : undefined);
      await trx
        .updateTable('rounds')
        .set({
          status,
          ...(issued === undefined ? {} : { ballots_issued: issued }),
          ...(closing && (issued !== undefined || options.at) ? { closed_at: options.at ?? this.at } : {}),
        })
        .where('id', '=', roundId)
        .execute();
      if (closing && round.mode === 'electronic') await sealElectronicBallots(trx, roundId);
    });
  }
}

/**
 * A staff account created with createAccount (cheap, and its password hashed as it is: tests log
 * in with `${username}-password`), and the actor it acts as.
 */
export async function staffAccount(
  context: ServiceContext,
  username: string,
  roles: ReadonlyArray<{ congressId: string; role: Role }>,
): Promise<StaffActor> {
  const { id } = await createAccount(context, SYSTEM, {
    username,
    displayName: username,
    password: `${username}-password`,
    roles,
  });
  const byCongress = new Map<string, Set<Role>>();
  for (const grant of roles) {
    const set = byCongress.get(grant.congressId) ?? new Set<Role>();
    set.add(grant.role);
    byCongress.set(grant.congressId, set);
  }
  return { kind: 'account', accountId: id, username, displayName: username, roles: byCongress };
}

/** A world to build in: rows written directly (the default) or through the services. */
export function buildWorld(database: Database, options: WorldOptions = {}): World {
  return new World(database, options);
}

import type { MethodOverrides } from '../../../src/contract/elections.ts';
import { type Office, usesApprovedOrder } from '../../../src/core/rules/index.ts';
import { parseGender } from '../../../src/core/text/gender-ethnicity.ts';
import type {
  AdoptionVotesTable,
  AgendaItemsTable,
  AttendanceTable,
  CongressesTable,
  DelegatesTable,
  ElectionMethodsTable,
  ElectionOfficersTable,
  ElectionsTable,
  SittingsTable,
} from '../../../src/persistence/congress-schema.ts';
import { credentialHash } from '../../../src/services/accounts/account-service.ts';
import { checkIn } from '../../../src/services/attendance/check-in.ts';
import { recordLeave } from '../../../src/services/attendance/leave.ts';
import { leaveKindOf, leaveNoteOf } from '../../../src/services/attendance/leave-reason.ts';
import { issueCredentials } from '../../../src/services/congress/credentials.ts';
import { nextCodes } from '../../../src/services/congress/delegate-values.ts';
import { createDelegate, updateDelegate } from '../../../src/services/congress/delegates.ts';
import { createDelegation } from '../../../src/services/congress/delegations.ts';
import { SITTING_NAMES } from '../../../src/services/congress/sitting-kinds.ts';
import {
  closeSitting,
  createSitting,
  openSitting,
  setChairs,
} from '../../../src/services/congress/sittings.ts';
import type { RandomSource } from '../../../src/services/context.ts';
import { createElection, setCandidates, setOfficers } from '../../../src/services/elections/elections.ts';
import { createMethod, recordMethodVote } from '../../../src/services/elections/methods.ts';
import { ElectionBuilder } from './election.ts';
import { personName } from './names.ts';
import {
  adoptionVoteRow,
  agendaItemRow,
  attendanceRow,
  candidateRow,
  chairRow,
  delegateRow,
  delegationRow,
  electionRow,
  insertRows,
  methodRow,
  nextPlace,
  officerRow,
  sittingRow,
} from './rows.ts';
import { refuseInServicesMode, type World } from './world.ts';

export interface BuiltDelegation {
  readonly id: string;
  readonly name: string;
}

export interface DelegateSpec {
  readonly id?: string;
  /** Default: the world's next personName. */
  readonly name?: string;
  /** Default: the next free code, as the services give them (0001, 0002…). */
  readonly code?: string;
  /** A delegation (or its id); default none, or the delegations given to delegates() in turn. */
  readonly delegation?: string | BuiltDelegation;
  /** 男/女/male/female, stored as the services store it (male/female). Default male. */
  readonly gender?: string;
  readonly ethnicity?: string;
  readonly birthDate?: string;
  readonly joinedDate?: string;
  readonly position?: string;
  readonly idNumber?: string;
  /** Default true. [Q4] */
  readonly votingRights?: boolean;
  /** Default, without voting rights: 列席，无表决权. */
  readonly suspensionReason?: string;
  readonly photo?: string;
  /** The credential code on the delegate's card (electronic voting), stored as its hash. */
  readonly credential?: string;
  /** At a meeting of the committee: what the person attends as (委员, 候补委员…); rows only. */
  readonly capacity?: DelegatesTable['capacity'];
  readonly createdAt?: string;
}

export interface BuiltDelegate {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly votingRights: boolean;
  readonly delegationId: string | null;
  /** The credential code, when one was given. */
  readonly credential?: string;
}

export interface SittingSpec {
  readonly id?: string;
  readonly kind?: SittingsTable['kind'];
  /** Default: what the services call the kind (全体会议, 开幕大会…). */
  readonly title?: string;
  /** Default 'open'. */
  readonly status?: SittingsTable['status'];
  /** Default: after the congress's last sitting. */
  readonly sortOrder?: number;
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly venue?: string;
  readonly presiding?: string;
  readonly openedAt?: string;
  readonly closedAt?: string;
}

export interface BuiltSitting {
  readonly id: string;
  readonly kind: SittingsTable['kind'];
  readonly status: SittingsTable['status'];
}

/** A delegate (present), or a delegate's attendance. */
export type AttendanceSpec =
  | string
  | { readonly id: string }
  | {
      readonly delegate: string | { readonly id: string };
      /** Default 'present'. */
      readonly status?: AttendanceTable['status'];
      /** 因事, 因病：住院… (the stored form; see leave-reason.ts). */
      readonly leaveReason?: string;
      readonly desk?: string;
      readonly at?: string;
    };

export interface AgendaItemSpec {
  readonly id?: string;
  readonly kind: AgendaItemsTable['kind'];
  readonly title: string;
  /** Default: after the sitting's last item. */
  readonly sortOrder?: number;
  readonly presenter?: string;
  readonly body?: string;
  /** An adoption vote already taken: adopted by everyone who voted. */
  readonly adopted?: { readonly id?: string; readonly subject: string; readonly votes: number };
}

export interface MethodSpec {
  readonly id?: string;
  readonly title?: string;
  /** Default 'adopted'. */
  readonly status?: ElectionMethodsTable['status'];
  /** Per office, as the method's parameters (the elections of that office take them). */
  readonly overrides?: MethodOverrides;
  /** Default: every expected elector votes for. */
  readonly votesFor?: number;
  readonly votesAgainst?: number;
  readonly votesAbstain?: number;
  /** Default: the congress's delegates with a vote, as recordMethodVote counts them. */
  readonly expected?: number;
  readonly body?: string;
  readonly adoptedAt?: string;
}

export type CandidateSpec =
  | string
  | {
      readonly id?: string;
      readonly name: string;
      /** The delegate (or their id) the candidate is. */
      readonly delegate?: string | { readonly id: string };
      readonly gender?: string;
      readonly ethnicity?: string;
      readonly position?: string;
    };

export interface OfficerSpec {
  readonly id?: string;
  readonly role: ElectionOfficersTable['role'];
  readonly name: string;
  readonly delegate?: string;
  readonly account?: string;
}

export interface ElectionSpec {
  readonly id?: string;
  /** Default 'committee-member'. */
  readonly office?: Office;
  /** Default 选举委员. */
  readonly title?: string;
  readonly seats: number;
  /** In the order given: for the standing committee, secretary and deputies, the approved order [C3]. */
  readonly candidates: readonly (CandidateSpec | BuiltDelegate)[];
  readonly officers?: readonly OfficerSpec[];
  /** Default 'paper'. */
  readonly mode?: ElectionsTable['ballot_mode'];
  readonly sitting?: string;
  /** Default: the adopted method's overrides for the office, as createElection takes them. */
  readonly parameters?: object;
  /** Default: preparing, in progress once a round is written. */
  readonly status?: ElectionsTable['status'];
  readonly sortOrder?: number;
  readonly preliminaryAdvance?: number;
  /** Default: the congress's rule set. */
  readonly ruleSet?: string;
}

/** A candidate as stored: the delegate by id. */
interface Candidate {
  readonly id?: string;
  readonly name: string;
  readonly delegate?: string;
  readonly gender?: string;
  readonly ethnicity?: string;
  readonly position?: string;
}

const refOf = (ref: string | { readonly id: string }): string => (typeof ref === 'string' ? ref : ref.id);

const isDelegate = (spec: CandidateSpec | BuiltDelegate): spec is BuiltDelegate =>
  typeof spec !== 'string' && 'code' in spec;

/** A congress (or plenary) and what happens in it; made by World.congress. */
export class CongressBuilder {
  readonly id: string;
  readonly organisationId: string;
  readonly termId: string | null;
  readonly kind: CongressesTable['kind'];

  constructor(
    readonly world: World,
    row: {
      id: string;
      organisationId: string;
      termId: string | null;
      kind: CongressesTable['kind'];
    },
  ) {
    this.id = row.id;
    this.organisationId = row.organisationId;
    this.termId = row.termId;
    this.kind = row.kind;
  }

  private get via() {
    return this.world.via;
  }

  /** Delegations (代表团), after those the congress has. */
  async delegations(names: readonly string[]): Promise<BuiltDelegation[]> {
    const world = this.world;
    if (this.via === 'services') {
      const made: BuiltDelegation[] = [];
      for (const name of names) {
        const view = await createDelegation(world.context, world.actor, this.id, { name });
        made.push({ id: view.id, name });
      }
      return made;
    }
    return world.write(async (trx) => {
      const first = await nextPlace(trx, 'delegations', this.id);
      const rows = names.map((name, i) =>
        delegationRow({ id: world.id('dlg'), congress_id: this.id, name, sort_order: first + i }),
      );
      await insertRows(trx, 'delegations', rows);
      return rows.map((row) => ({ id: row.id, name: row.name }));
    });
  }

  /**
   * Delegates: `count` of them, or one per spec, each with `common` under its own fields. Those
   * without a delegation are given the `delegations` in turn, if any.
   */
  async delegates(
    specs: number | readonly DelegateSpec[],
    common: DelegateSpec & { readonly delegations?: readonly BuiltDelegation[] } = {},
  ): Promise<BuiltDelegate[]> {
    const world = this.world;
    const { delegations, ...shared } = common;
    const list = (typeof specs === 'number' ? Array.from({ length: specs }, () => ({})) : specs).map(
      (spec, i): DelegateSpec => ({
        ...shared,
        ...(delegations?.length ? { delegation: delegations[i % delegations.length]! } : {}),
        ...spec,
      }),
    );
    const people = list.map((spec) => ({
      spec,
      name: spec.name ?? personName(world.nameIndex()),
      delegationId: spec.delegation === undefined ? null : refOf(spec.delegation),
      votingRights: spec.votingRights ?? true,
      suspensionReason:
        spec.votingRights === false
          ? (spec.suspensionReason ?? '列席，无表决权')
          : (spec.suspensionReason ?? null),
    }));
    if (this.via === 'services') {
      refuseInServicesMode(world, 'delegate', shared, ['id', 'createdAt', 'capacity']);
      const made: BuiltDelegate[] = [];
      for (const { spec, name, delegationId, votingRights, suspensionReason } of people) {
        refuseInServicesMode(world, 'delegate', spec, ['id', 'createdAt', 'capacity']);
        const view = await createDelegate(world.context, world.actor, this.id, {
          name,
          gender: spec.gender ?? (spec.idNumber ? null : 'male'),
          ethnicity: spec.ethnicity ?? '汉族',
          birthDate: spec.birthDate ?? null,
          joinedDate: spec.joinedDate ?? null,
          position: spec.position ?? null,
          idNumber: spec.idNumber ?? null,
          votingRights,
          suspensionReason,
          photo: spec.photo ?? null,
          delegationId,
          ...(spec.code === undefined ? {} : { code: spec.code }),
        });
        made.push({
          id: view.id,
          code: view.code,
          name: view.name,
          votingRights,
          delegationId,
          ...(spec.credential === undefined ? {} : { credential: spec.credential }),
        });
      }
      await this.issue(made);
      return made;
    }
    return world.write(async (trx) => {
      const codes = (
        await trx.selectFrom('delegates').select('code').where('congress_id', '=', this.id).execute()
      ).map((r) => r.code);
      const fresh = nextCodes(
        [...codes, ...list.flatMap((spec) => (spec.code ? [spec.code] : []))],
        list.filter((spec) => spec.code === undefined).length,
      );
      const rows = people.map(({ spec, name, delegationId, votingRights, suspensionReason }) =>
        delegateRow({
          id: spec.id ?? world.id('del'),
          congress_id: this.id,
          delegation_id: delegationId,
          code: spec.code ?? fresh.shift()!,
          name,
          gender: parseGender(spec.gender ?? 'male') ?? spec.gender!,
          ethnicity: spec.ethnicity ?? '汉族',
          birth_date: spec.birthDate ?? null,
          joined_date: spec.joinedDate ?? null,
          position: spec.position ?? null,
          id_number: spec.idNumber ?? null,
          voting_rights: votingRights ? 1 : 0,
          suspension_reason: suspensionReason,
          photo: spec.photo ?? null,
          credential_hash: spec.credential === undefined ? null : credentialHash(this.id, spec.credential),
          created_at: spec.createdAt ?? world.at,
          ...(spec.capacity === undefined ? {} : { capacity: spec.capacity }),
        }),
      );
      await insertRows(trx, 'delegates', rows);
      return rows.map((row, i) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        votingRights: row.voting_rights === 1,
        delegationId: row.delegation_id,
        ...(list[i]!.credential === undefined ? {} : { credential: list[i]!.credential }),
      }));
    });
  }

  /**
   * Through the services: credentials are issued by issueCredentials, whose codes are random; the
   * world gives it the codes the test chose (CREDENTIAL_LENGTH characters).
   */
  private async issue(delegates: readonly BuiltDelegate[]): Promise<void> {
    const chosen = delegates.filter((d) => d.credential !== undefined);
    if (chosen.length === 0) return;
    const world = this.world;
    const codes = chosen.map((d) => d.credential!);
    const random: RandomSource = {
      ...world.context.random,
      code: (length) => {
        const code = codes.shift()!;
        if (code.length !== length)
          throw new Error(`credential ${code}: the services issue ${length} characters`);
        return code;
      },
    };
    await issueCredentials(
      { ...world.context, random },
      world.actor,
      this.id,
      chosen.map((d) => d.id),
    );
  }

  /** [Q4] A delegate loses the vote (停止行使表决权和选举权), e.g. after a round opened. */
  async suspend(
    delegate: string | { readonly id: string },
    reason = '停止行使表决权和选举权',
  ): Promise<void> {
    const world = this.world;
    if (this.via === 'services') {
      await updateDelegate(world.context, world.actor, this.id, refOf(delegate), {
        votingRights: false,
        suspensionReason: reason,
      });
      return;
    }
    await world.write((trx) =>
      trx
        .updateTable('delegates')
        .set({ voting_rights: 0, suspension_reason: reason })
        .where('id', '=', refOf(delegate))
        .execute(),
    );
  }

  /** A sitting (会次), open unless said otherwise; opening one puts a preparing congress in session. */
  async sitting(spec: SittingSpec = {}): Promise<BuiltSitting> {
    const world = this.world;
    const kind = spec.kind ?? 'plenary';
    const status = spec.status ?? 'open';
    if (this.via === 'services') {
      refuseInServicesMode(world, 'sitting', spec, ['id', 'openedAt', 'closedAt']);
      const view = await createSitting(world.context, world.actor, this.id, {
        kind,
        ...(spec.title === undefined ? {} : { title: spec.title }),
        ...(spec.sortOrder === undefined ? {} : { sortOrder: spec.sortOrder }),
        startsAt: spec.startsAt ?? null,
        endsAt: spec.endsAt ?? null,
        venue: spec.venue ?? null,
        presiding: spec.presiding ?? null,
      });
      if (status !== 'scheduled') await openSitting(world.context, world.actor, this.id, view.id);
      if (status === 'closed') await closeSitting(world.context, world.actor, this.id, view.id);
      return { id: view.id, kind, status };
    }
    return world.write(async (trx) => {
      const row = sittingRow({
        id: spec.id ?? world.id('sitting'),
        congress_id: this.id,
        kind,
        title: spec.title ?? SITTING_NAMES[kind],
        status,
        sort_order: spec.sortOrder ?? (await nextPlace(trx, 'sittings', this.id)),
        starts_at: spec.startsAt ?? null,
        ends_at: spec.endsAt ?? null,
        venue: spec.venue ?? null,
        presiding: spec.presiding ?? null,
        opened_at: spec.openedAt ?? (status === 'scheduled' ? null : world.at),
        closed_at: spec.closedAt ?? (status === 'closed' ? world.at : null),
      });
      await insertRows(trx, 'sittings', [row]);
      // As openSitting does.
      if (status !== 'scheduled') {
        await trx
          .updateTable('congresses')
          .set({ status: 'in-session' })
          .where('id', '=', this.id)
          .where('status', '=', 'preparing')
          .execute();
      }
      return { id: row.id, kind, status };
    });
  }

  /**
   * The executive chairs of a sitting [P3], ranked in the order given, or each at the rank given
   * (rows are written in the order given).
   */
  async chairs(
    sitting: string,
    chairs: readonly (
      | string
      | { readonly id: string }
      | { readonly delegate: string; readonly rank: number }
    )[],
  ): Promise<void> {
    const world = this.world;
    const ranked = chairs.map((chair, i) =>
      typeof chair === 'object' && 'delegate' in chair ? chair : { delegate: refOf(chair), rank: i + 1 },
    );
    if (this.via === 'services') {
      const order = [...ranked].sort((a, b) => a.rank - b.rank).map((c) => c.delegate);
      await setChairs(world.context, world.actor, this.id, sitting, order);
      return;
    }
    await world.write((trx) =>
      insertRows(
        trx,
        'sitting_chairs',
        ranked.map(({ delegate, rank }) =>
          chairRow({ id: world.id('chair'), sitting_id: sitting, delegate_id: delegate, rank }),
        ),
      ),
    );
  }

  /**
   * Attendance at a sitting: each delegate present unless said otherwise. In rows mode written
   * directly (hundreds at once); through the services each is a check-in, or leave, at a desk.
   */
  async attendance(sitting: string, specs: readonly AttendanceSpec[]): Promise<void> {
    const world = this.world;
    const entries = specs.map((spec) =>
      typeof spec === 'string'
        ? { delegate: spec }
        : 'delegate' in spec
          ? { ...spec, delegate: refOf(spec.delegate) }
          : { delegate: spec.id },
    );
    if (this.via === 'services') {
      for (const entry of entries) {
        const scan = { congressId: this.id, sittingId: sitting, delegate: { delegateId: entry.delegate } };
        const status = entry.status ?? 'present';
        if (status === 'present')
          await checkIn(world.context, world.actor, { ...scan, desk: entry.desk ?? '1' });
        else if (status === 'leave') {
          const reason = entry.leaveReason ?? '因事';
          await recordLeave(world.context, world.actor, {
            ...scan,
            kind: leaveKindOf(reason),
            note: leaveNoteOf(reason) ?? undefined,
          });
        } else throw new Error('attendance: absent is the default through the services; leave it out');
      }
      return;
    }
    await world.write((trx) =>
      insertRows(
        trx,
        'attendance',
        entries.map((entry) =>
          attendanceRow({
            sitting_id: sitting,
            delegate_id: entry.delegate,
            status: entry.status ?? 'present',
            updated_at: entry.at ?? world.at,
            leave_reason: entry.leaveReason ?? null,
            ...(entry.desk === undefined ? {} : { desk: entry.desk }),
          }),
        ),
      ),
    );
  }

  /** An agenda item, and for an adoption vote already taken, its vote (rows only). */
  async agendaItem(sitting: string, spec: AgendaItemSpec): Promise<string> {
    const world = this.world;
    if (this.via === 'services')
      throw new Error('agendaItem: only in rows mode (a vote taken needs delegates voting)');
    return world.write(async (trx) => {
      const item = agendaItemRow({
        id: spec.id ?? world.id('item'),
        sitting_id: sitting,
        kind: spec.kind,
        title: spec.title,
        sort_order: spec.sortOrder ?? (await nextPlace(trx, 'agenda_items', sitting)),
        presenter: spec.presenter ?? null,
        body: spec.body ?? null,
      });
      await insertRows(trx, 'agenda_items', [item]);
      if (spec.adopted) {
        const { votes } = spec.adopted;
        const vote: Partial<AdoptionVotesTable> = {
          mode: 'counts',
          status: 'closed',
          votes_for: votes,
          votes_against: 0,
          votes_abstain: 0,
          expected: votes,
          present: votes,
          adopted: 1,
          opened_at: world.at,
          closed_at: world.at,
          basis: 'present',
          proposal_json: null,
        };
        await insertRows(trx, 'adoption_votes', [
          adoptionVoteRow({
            ...vote,
            id: spec.adopted.id ?? world.id('vote'),
            agenda_item_id: item.id,
            subject: spec.adopted.subject,
          }),
        ]);
      }
      return item.id;
    });
  }

  /** The election method (选举办法), adopted unless said otherwise [P4]. */
  async method(spec: MethodSpec = {}): Promise<string> {
    const world = this.world;
    const status = spec.status ?? 'adopted';
    const title = spec.title ?? '选举办法';
    if (this.via === 'services') {
      refuseInServicesMode(world, 'method', spec, ['id', 'adoptedAt']);
      const { id } = await createMethod(world.context, world.actor, this.id, {
        title,
        ...(spec.body === undefined ? {} : { body: spec.body }),
        overrides: spec.overrides ?? {},
      });
      if (status !== 'draft') {
        const electors = await this.electors();
        await recordMethodVote(world.context, world.actor, this.id, id, {
          votesFor: spec.votesFor ?? (status === 'adopted' ? electors : 0),
          votesAgainst: spec.votesAgainst ?? 0,
          votesAbstain: spec.votesAbstain ?? 0,
          ...(spec.expected === undefined ? {} : { expected: spec.expected }),
        });
      }
      return id;
    }
    const expected = spec.expected ?? (await this.electors());
    const voted = status !== 'draft';
    const row = methodRow({
      id: spec.id ?? world.id('method'),
      congress_id: this.id,
      title,
      status,
      parameters_json: JSON.stringify(spec.overrides ?? {}),
      votes_for: voted ? (spec.votesFor ?? (status === 'adopted' ? expected : 0)) : null,
      votes_against: voted ? (spec.votesAgainst ?? 0) : null,
      votes_abstain: voted ? (spec.votesAbstain ?? 0) : null,
      expected: voted ? expected : null,
      body: spec.body ?? null,
      adopted_at: status === 'adopted' ? (spec.adoptedAt ?? world.at) : null,
    });
    await world.write((trx) => insertRows(trx, 'election_methods', [row]));
    return row.id;
  }

  /** [Q4] The congress's delegates with a vote: the electors expected. */
  async electors(): Promise<number> {
    const row = await this.world.database.db
      .selectFrom('delegates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('congress_id', '=', this.id)
      .where('voting_rights', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** An election with its candidates and officers; its rounds come from ElectionBuilder.round. */
  async election(spec: ElectionSpec): Promise<ElectionBuilder> {
    const world = this.world;
    const office = spec.office ?? 'committee-member';
    const title = spec.title ?? '选举委员';
    const mode = spec.mode ?? 'paper';
    const candidates = spec.candidates.map((c): Candidate => {
      if (typeof c === 'string') return { name: c };
      if (isDelegate(c)) return { name: c.name, delegate: c.id };
      const { delegate, ...rest } = c;
      return { ...rest, ...(delegate === undefined ? {} : { delegate: refOf(delegate) }) };
    });
    if (this.via === 'services') {
      refuseInServicesMode(world, 'election', spec, ['id', 'parameters', 'status', 'sortOrder', 'ruleSet']);
      const { id } = await createElection(world.context, world.actor, this.id, {
        office,
        title,
        seats: spec.seats,
        ballotMode: mode,
        ...(spec.sitting === undefined ? {} : { sittingId: spec.sitting }),
        ...(spec.preliminaryAdvance === undefined ? {} : { preliminaryAdvance: spec.preliminaryAdvance }),
      });
      await setCandidates(
        world.context,
        world.actor,
        this.id,
        id,
        candidates.map((c) => ({
          name: c.name,
          ...(c.delegate === undefined ? {} : { delegateId: c.delegate }),
          ...(c.gender === undefined ? {} : { gender: c.gender }),
          ...(c.ethnicity === undefined ? {} : { ethnicity: c.ethnicity }),
          ...(c.position === undefined ? {} : { position: c.position }),
        })),
      );
      if (spec.officers?.length) {
        await setOfficers(
          world.context,
          world.actor,
          this.id,
          id,
          spec.officers.map((o) => ({
            role: o.role,
            name: o.name,
            ...(o.delegate === undefined ? {} : { delegateId: o.delegate }),
            ...(o.account === undefined ? {} : { accountId: o.account }),
          })),
        );
      }
      const rows = await world.database.db
        .selectFrom('candidates')
        .select(['id', 'name'])
        .where('election_id', '=', id)
        .execute();
      const byName = new Map(rows.map((r) => [r.name, r.id]));
      return new ElectionBuilder(this, {
        id,
        office,
        seats: spec.seats,
        mode,
        sittingId: spec.sitting ?? null,
        candidates: candidates.map((c) => ({ id: byName.get(c.name)!, name: c.name })),
      });
    }
    return world.write(async (trx) => {
      const congress = await trx
        .selectFrom('congresses')
        .select('rule_set')
        .where('id', '=', this.id)
        .executeTakeFirstOrThrow();
      // As createElection finds them: the adopted method and its overrides for the office.
      const method = await trx
        .selectFrom('election_methods')
        .select(['id', 'parameters_json'])
        .where('congress_id', '=', this.id)
        .where('status', '=', 'adopted')
        .executeTakeFirst();
      const parameters =
        spec.parameters ??
        (method ? ((JSON.parse(method.parameters_json) as Record<string, object>)[office] ?? {}) : {});
      const election = electionRow({
        id: spec.id ?? world.id('election'),
        congress_id: this.id,
        office,
        title,
        rule_set: spec.ruleSet ?? congress.rule_set,
        parameters_json: JSON.stringify(parameters),
        ballot_mode: mode,
        status: spec.status ?? 'preparing',
        seats: spec.seats,
        sort_order: spec.sortOrder ?? (await nextPlace(trx, 'elections', this.id)),
        preliminary_advance: spec.preliminaryAdvance ?? null,
        sitting_id: spec.sitting ?? null,
        method_id: method?.id ?? null,
      });
      await insertRows(trx, 'elections', [election]);
      // As setCandidates stores them: ranked only where the order is the approved one [C3].
      const candidateRows = candidates.map((c, i) =>
        candidateRow({
          id: c.id ?? world.id('cand'),
          election_id: election.id,
          name: c.name,
          approved_rank: usesApprovedOrder(office) ? i + 1 : null,
          delegate_id: c.delegate ?? null,
          gender: c.gender ?? null,
          ethnicity: c.ethnicity ?? null,
          position: c.position ?? null,
        }),
      );
      await insertRows(trx, 'candidates', candidateRows);
      await insertRows(
        trx,
        'election_officers',
        (spec.officers ?? []).map((o) =>
          officerRow({
            id: o.id ?? world.id('officer'),
            election_id: election.id,
            role: o.role,
            name: o.name,
            delegate_id: o.delegate ?? null,
            account_id: o.account ?? null,
          }),
        ),
      );
      return new ElectionBuilder(this, {
        id: election.id,
        office,
        seats: spec.seats,
        mode,
        sittingId: election.sitting_id,
        candidates: candidateRows.map((c) => ({ id: c.id, name: c.name })),
      });
    });
  }
}

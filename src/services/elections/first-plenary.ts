import { sortNames } from '../../core/names/index.ts';
import { FIRST_PLENARY_OFFICES, type Office } from '../../core/rules/index.ts';
import { toChineseNumeral } from '../../core/text/chinese-numerals.ts';
import { committeeFullName } from '../../core/text/ordinals.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import { organisationNames } from '../congress/naming.ts';
import type { ServiceContext } from '../context.ts';
import { appointDemoPlenaryOfficers } from '../demo/plenary-officers.ts';
import { conflict, notFound, ruleViolation } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { writeRoster } from '../meetings/roster.ts';

export interface FirstPlenaryInput {
  /** The day the plenary meets (YYYY-MM-DD) and where: the notice, the documents and the news name them. */
  readonly startsOn: string;
  readonly venue: string;
  readonly standingCommitteeSeats: number;
  readonly deputySecretarySeats: number;
  readonly ballotMode: 'paper' | 'electronic';
}

type PlenaryOffice = 'standing-committee' | 'secretary' | 'deputy-secretary';

const TITLES: Record<PlenaryOffice, string> = {
  'standing-committee': '常务委员会委员',
  secretary: '书记',
  'deputy-secretary': '副书记',
};

/**
 * [P5] The new committee's first plenary session (一次全会): its electorate is the newly elected
 * members; alternates attend without a vote [Q4]. It elects the standing committee (competitive),
 * the secretary and the deputies (equal, in the approved order), and adopts the result of the
 * discipline commission's first plenary. The staff of the congress keep their roles for it.
 */
export async function prepareFirstPlenary(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  input: FirstPlenaryInput,
): Promise<{ plenaryId: string; sittingId: string; electionIds: Record<string, string> }> {
  return auditedWrite(context, actor, async (trx, at) => {
    const congress = await trx
      .selectFrom('congresses')
      .selectAll()
      .where('id', '=', congressId)
      .executeTakeFirst();
    if (congress?.kind !== 'congress') throw notFound('congress', '代表大会');
    const organisation = await trx
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', congress.organisation_id)
      .executeTakeFirstOrThrow();
    const term = await trx
      .selectFrom('terms')
      .selectAll()
      .where('organisation_id', '=', congress.organisation_id)
      .where('body', '=', 'committee')
      .where('number', '=', congress.number)
      .executeTakeFirst();
    if (!term)
      throw ruleViolation('P5', 'the committee has not been elected yet', '新一届委员会尚未选举产生');
    const existing = await trx
      .selectFrom('congresses')
      .select('id')
      .where('term_id', '=', term.id)
      .where('plenary_number', '=', 1)
      .executeTakeFirst();
    if (existing)
      throw conflict('plenary-exists', 'the first plenary is already prepared', '一次全会已经筹备');
    const positions = await trx
      .selectFrom('term_positions')
      .selectAll()
      .where('term_id', '=', term.id)
      .orderBy('rank')
      .execute();
    const members = positions.filter((p) => p.position === 'member');
    const alternates = positions.filter((p) => p.position === 'alternate');
    if (members.length === 0)
      throw ruleViolation('P5', 'the committee has no members yet', '新一届委员会尚无委员');
    if (input.standingCommitteeSeats < 1 || input.standingCommitteeSeats >= members.length) {
      throw new InputError(
        'standingCommitteeSeats',
        `must be between 1 and ${members.length - 1}`,
        `应在1至${members.length - 1}之间`,
      );
    }

    const venue = input.venue.trim();
    if (!venue) throw new InputError('venue', 'name where the plenary meets', '请填写会议地点');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startsOn))
      throw new InputError('startsOn', 'give the day the plenary meets (YYYY-MM-DD)', '请填写会议日期');

    const plenaryId = context.random.id();
    const termNumeral = toChineseNumeral(congress.number);
    await trx
      .insertInto('congresses')
      .values({
        id: plenaryId,
        organisation_id: congress.organisation_id,
        kind: 'plenary',
        number: congress.number,
        plenary_number: 1,
        term_id: term.id,
        title: `${organisation.name.replace(/委员会$/, '')}第${termNumeral}届委员会第一次全体会议`,
        theme: null,
        venue,
        starts_on: input.startsOn,
        ends_on: input.startsOn,
        rule_set: 'local-plenary',
        status: 'preparing',
        secretary_general: null,
        created_at: at,
      })
      .execute();
    // The roster, as every meeting of the committee takes it from the term's register
    // (meetings/roster.ts): members vote; alternates attend without a vote (列席) [Q4] [M1].
    await writeRoster(trx, context, { id: plenaryId, committee: 'plenary', termId: term.id }, at);
    const sittingId = context.random.id();
    await trx
      .insertInto('sittings')
      .values({
        id: sittingId,
        congress_id: plenaryId,
        kind: 'plenary',
        title: '第一次全体会议',
        status: 'scheduled',
        sort_order: 1,
        starts_at: null,
        ends_at: null,
        venue,
        presiding: null,
        opened_at: null,
        closed_at: null,
      })
      .execute();
    const electionIds: Record<string, string> = {};
    const seatsOf: Record<string, number> = {
      'standing-committee': input.standingCommitteeSeats,
      secretary: 1,
      'deputy-secretary': input.deputySecretarySeats,
    };
    let order = 0;
    for (const office of FIRST_PLENARY_OFFICES as readonly PlenaryOffice[]) {
      const id = context.random.id();
      order += 1;
      electionIds[office] = id;
      await trx
        .insertInto('elections')
        .values({
          id,
          congress_id: plenaryId,
          office: office as Office,
          // The office as the lists print it: 中国共产党示范市第十三届委员会常务委员会委员.
          title: `${committeeFullName(organisationNames(organisation), congress.number)}${TITLES[office]}`,
          rule_set: 'local-plenary',
          parameters_json: '{}',
          ballot_mode: input.ballotMode,
          status: 'preparing',
          seats: seatsOf[office]!,
          sort_order: order,
          preliminary_advance: null,
          sitting_id: sittingId,
          method_id: null,
        })
        .execute();
    }
    // The staff of the congress serve the plenary too.
    const grants = await trx
      .selectFrom('account_roles')
      .selectAll()
      .where('congress_id', '=', congressId)
      .execute();
    for (const grant of grants) {
      await trx
        .insertInto('account_roles')
        .values({
          id: context.random.id(),
          account_id: grant.account_id,
          congress_id: plenaryId,
          role: grant.role,
        })
        .execute();
    }
    // The demo's plenary gets its scrutineers at once, its chief linked to a login [P1][P2].
    const demoOfficers = await appointDemoPlenaryOfficers(trx, () => context.random.id(), {
      congressId,
      plenaryId,
      electionIds: Object.values(electionIds),
    });
    return {
      result: { plenaryId, sittingId, electionIds },
      audit: {
        action: 'plenary.prepare',
        subject: `congress:${plenaryId}`,
        after: {
          congressId,
          termId: term.id,
          members: members.length,
          alternates: alternates.length,
          seats: seatsOf,
          ...(demoOfficers ? { demoOfficers } : {}),
        },
      },
    };
  });
}

/** The commission's standing committee in published order: secretary, deputies, then by strokes. */
export function disciplineStandingOrder(input: {
  readonly standingMembers: readonly string[];
  readonly secretary: string;
  readonly deputies: readonly string[];
}): string[] {
  const leaders = [input.secretary, ...input.deputies].filter((name) => input.standingMembers.includes(name));
  const others = input.standingMembers.filter((name) => !leaders.includes(name));
  return [...leaders, ...sortNames(others, (name) => name, { unknown: 'last' })];
}

/**
 * [P5] The discipline commission's first plenary elected its standing committee, secretary and
 * deputies; the committee's plenary adopts that result. Recorded as positions of the commission's
 * term, pending the higher committee's approval [P6].
 */
export async function recordDisciplineFirstPlenary(
  context: ServiceContext,
  actor: Actor,
  plenaryId: string,
  input: {
    readonly standingMembers: readonly string[];
    readonly secretary: string;
    readonly deputies: readonly string[];
  },
): Promise<void> {
  await auditedWrite(context, actor, async (trx) => {
    const plenary = await trx
      .selectFrom('congresses')
      .selectAll()
      .where('id', '=', plenaryId)
      .where('kind', '=', 'plenary')
      .executeTakeFirst();
    if (!plenary) throw notFound('plenary session', '全会');
    const commission = await trx
      .selectFrom('terms')
      .selectAll()
      .where('organisation_id', '=', plenary.organisation_id)
      .where('body', '=', 'discipline-commission')
      .where('number', '=', plenary.number)
      .executeTakeFirst();
    if (!commission)
      throw ruleViolation(
        'P5',
        'the discipline commission has not been elected',
        '纪律检查委员会尚未选举产生',
      );
    const members = new Set(
      (
        await trx
          .selectFrom('term_positions')
          .select('person_name')
          .where('term_id', '=', commission.id)
          .where('position', '=', 'member')
          .execute()
      ).map((m) => m.person_name),
    );
    const everyone = [...input.standingMembers, input.secretary, ...input.deputies];
    const outsiders = everyone.filter((name) => !members.has(name));
    if (outsiders.length > 0) {
      throw new InputError(
        'standingMembers',
        `not members of the commission: ${outsiders.join('、')}`,
        `不是纪委委员：${outsiders.join('、')}`,
      );
    }
    const rows: Array<{
      name: string;
      position: 'standing-member' | 'secretary' | 'deputy-secretary';
      rank: number;
    }> = [
      // [T7] The commission's standing committee as customarily published where the higher
      // committee's order is not entered (as the committee's, services/elections/approved-order.ts):
      // the secretary, the deputies, then the others by surname strokes, whatever order they were typed in.
      ...disciplineStandingOrder(input).map((name, i) => ({
        name,
        position: 'standing-member' as const,
        rank: i + 1,
      })),
      { name: input.secretary, position: 'secretary', rank: 1 },
      ...input.deputies.map((name, i) => ({ name, position: 'deputy-secretary' as const, rank: i + 1 })),
    ];
    for (const row of rows) {
      await trx
        .insertInto('term_positions')
        .values({
          id: context.random.id(),
          term_id: commission.id,
          person_name: row.name,
          position: row.position,
          rank: row.rank,
          delegate_id: null,
          election_id: null,
          reporting_status: 'pending-approval',
          approved_at: null,
          approval_note: null,
        })
        .execute();
    }
    return {
      result: undefined,
      audit: { action: 'plenary.discipline-result', subject: `congress:${plenaryId}`, after: input },
    };
  });
}

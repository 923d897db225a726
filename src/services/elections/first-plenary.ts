import { InputError } from '../../adapters/shared/input-error.ts';
import { FIRST_PLENARY_OFFICES, type Office } from '../../core/rules/index.ts';
import { toChineseNumeral } from '../../core/text/chinese-numerals.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound, ruleViolation } from '../errors.ts';

export interface FirstPlenaryInput {
  readonly startsOn?: string;
  readonly venue?: string;
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
        venue: input.venue ?? congress.venue,
        starts_on: input.startsOn ?? congress.ends_on,
        ends_on: input.startsOn ?? congress.ends_on,
        rule_set: 'local-plenary',
        status: 'preparing',
        secretary_general: null,
        created_at: at,
      })
      .execute();
    // The roster: members vote; alternates attend without a vote.
    const source = await trx
      .selectFrom('delegates')
      .selectAll()
      .where('congress_id', '=', congressId)
      .execute();
    const byId = new Map(source.map((d) => [d.id, d]));
    let code = 0;
    for (const position of [...members, ...alternates]) {
      const delegate = position.delegate_id ? byId.get(position.delegate_id) : undefined;
      code += 1;
      await trx
        .insertInto('delegates')
        .values({
          id: context.random.id(),
          congress_id: plenaryId,
          delegation_id: null,
          code: String(code).padStart(3, '0'),
          name: position.person_name,
          gender: delegate?.gender ?? '',
          ethnicity: delegate?.ethnicity ?? '',
          birth_date: delegate?.birth_date ?? null,
          joined_date: delegate?.joined_date ?? null,
          position: delegate?.position ?? null,
          id_number: delegate?.id_number ?? null,
          voting_rights: position.position === 'member' ? 1 : 0,
          suspension_reason: position.position === 'member' ? null : '候补委员列席，无表决权',
          photo: delegate?.photo ?? null,
          credential_hash: null,
          account_id: null,
          created_at: at,
        })
        .execute();
    }
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
        venue: input.venue ?? congress.venue,
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
          title: `${organisation.short_name}第${termNumeral}届委员会${TITLES[office]}`,
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
        },
      },
    };
  });
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
      ...input.standingMembers.map((name, i) => ({
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

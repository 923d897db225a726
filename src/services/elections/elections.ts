import {
  ballotOrder,
  type CandidacyVerdict,
  checkCandidacy,
  checkScrutineerRoles,
  checkScrutineers,
  type Office,
  type RuleSetId,
  usesApprovedOrder,
} from '../../core/rules/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound, ruleViolation } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { idsAt, requireOwnedIds } from '../owned-ids.ts';
import { checkOfficerLogins } from './officer-logins.ts';
import { refuseWhilePrepared } from './round-preparation.ts';
import { electionParameters, loadElection } from './round-queries.ts';

export interface NewElection {
  readonly office: Office;
  readonly title: string;
  readonly seats: number;
  readonly ballotMode: 'paper' | 'electronic';
  readonly sittingId?: string;
  /** [C4] a preliminary round putting forward this many candidates. */
  readonly preliminaryAdvance?: number;
}

/** An election of the congress; its rule set is the congress's, its parameters the adopted method's. */
export async function createElection(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  input: NewElection,
): Promise<{ id: string }> {
  return auditedWrite(context, actor, async (trx) => {
    const congress = await trx
      .selectFrom('congresses')
      .select(['id', 'rule_set'])
      .where('id', '=', congressId)
      .executeTakeFirst();
    if (!congress) throw notFound('congress', '大会');
    await requireOwnedIds(trx, 'sitting', congressId, [{ field: 'body.sittingId', id: input.sittingId }]);
    if (input.preliminaryAdvance !== undefined && input.preliminaryAdvance < input.seats) {
      throw new InputError(
        'preliminaryAdvance',
        'must be at least the seats',
        '预选产生的人数不得少于应选名额',
      );
    }
    const method = await trx
      .selectFrom('election_methods')
      .select(['id', 'parameters_json'])
      .where('congress_id', '=', congressId)
      .where('status', '=', 'adopted')
      .executeTakeFirst();
    const overrides = method
      ? ((JSON.parse(method.parameters_json) as Record<string, unknown>)[input.office] ?? {})
      : {};
    const order = await trx
      .selectFrom('elections')
      .select('sort_order')
      .where('congress_id', '=', congressId)
      .orderBy('sort_order', 'desc')
      .executeTakeFirst();
    const id = context.random.id();
    await trx
      .insertInto('elections')
      .values({
        id,
        congress_id: congressId,
        office: input.office,
        title: input.title,
        rule_set: congress.rule_set as RuleSetId,
        parameters_json: JSON.stringify(overrides),
        ballot_mode: input.ballotMode,
        status: 'preparing',
        seats: input.seats,
        sort_order: (order?.sort_order ?? 0) + 1,
        preliminary_advance: input.preliminaryAdvance ?? null,
        sitting_id: input.sittingId ?? null,
        method_id: method?.id ?? null,
      })
      .execute();
    return { result: { id }, audit: { action: 'election.create', subject: `election:${id}`, after: input } };
  });
}

/**
 * Chooses paper or electronic ballots for an election whose voting has not begun. Once a round is
 * open the ballots of that round exist in one form, so the choice is fixed.
 */
export async function setBallotMode(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  electionId: string,
  mode: 'paper' | 'electronic',
): Promise<{ ballotMode: 'paper' | 'electronic' }> {
  return auditedWrite(context, actor, async (trx) => {
    const election = await loadElection(trx, congressId, electionId);
    if (election.status !== 'preparing')
      throw conflict(
        'election-started',
        'voting has started; the kind of ballot is fixed',
        '投票已开始，选票形式不能更改',
      );
    await refuseWhilePrepared(trx, electionId);
    await trx.updateTable('elections').set({ ballot_mode: mode }).where('id', '=', electionId).execute();
    return {
      result: { ballotMode: mode },
      audit: {
        action: 'election.ballot-mode',
        subject: `election:${electionId}`,
        before: { ballotMode: election.ballot_mode },
        after: { ballotMode: mode },
      },
    };
  });
}

export interface CandidateInput {
  readonly name: string;
  readonly delegateId?: string;
  readonly gender?: string;
  readonly ethnicity?: string;
  readonly position?: string;
}

/**
 * Replaces the candidate list of an election that has not started and whose next round is not
 * prepared (round-preparation.ts). For the standing committee,
 * secretary and deputies the given order is the order approved by the higher committee [C3].
 * Returns the [C1]/[C2] verdict: a list that breaks it is kept as a draft but cannot be put to a vote.
 */
export async function setCandidates(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  electionId: string,
  candidates: readonly CandidateInput[],
): Promise<{ verdict: CandidacyVerdict; ballotOrder: string[] }> {
  return auditedWrite(context, actor, async (trx) => {
    const election = await loadElection(trx, congressId, electionId);
    if (election.status !== 'preparing')
      throw conflict(
        'election-started',
        'voting has started; the list is fixed',
        '投票已开始，候选人名单不能更改',
      );
    await refuseWhilePrepared(trx, electionId);
    await requireOwnedIds(trx, 'delegate', congressId, idsAt('body.candidates', candidates, 'delegateId'));
    const names = candidates.map((c) => c.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new InputError('candidates', `${duplicate} appears twice`, `${duplicate}重复`);
    const before = await trx
      .selectFrom('candidates')
      .select('name')
      .where('election_id', '=', electionId)
      .execute();
    await trx.deleteFrom('candidates').where('election_id', '=', electionId).execute();
    const office = election.office as Office;
    for (const [index, candidate] of candidates.entries()) {
      await trx
        .insertInto('candidates')
        .values({
          id: context.random.id(),
          election_id: electionId,
          name: candidate.name,
          approved_rank: usesApprovedOrder(office) ? index + 1 : null,
          delegate_id: candidate.delegateId ?? null,
          gender: candidate.gender ?? null,
          ethnicity: candidate.ethnicity ?? null,
          position: candidate.position ?? null,
        })
        .execute();
    }
    const verdict = candidacyVerdict(election, names.length);
    return {
      result: { verdict, ballotOrder: ballotOrder(office, names) },
      audit: {
        action: 'election.candidates',
        subject: `election:${electionId}`,
        before: before.map((c) => c.name),
        after: { names, verdict },
      },
    };
  });
}

/** [C1]/[C2]/[C4] for the election's first round. */
export function candidacyVerdict(
  election: {
    office: string;
    seats: number;
    rule_set: string;
    parameters_json: string;
    preliminary_advance: number | null;
  },
  candidates: number,
): CandidacyVerdict {
  const parameters = electionParameters(election);
  if (election.preliminary_advance) {
    return checkCandidacy({
      round: 'preliminary',
      seats: election.seats,
      advance: election.preliminary_advance,
      candidates,
      parameters,
    });
  }
  return checkCandidacy({ round: 'formal', seats: election.seats, candidates, parameters });
}

export interface OfficerInput {
  readonly role: 'chief-scrutineer' | 'deputy-chief-scrutineer' | 'scrutineer' | 'teller';
  readonly name: string;
  readonly delegateId?: string;
  readonly accountId?: string;
}

/**
 * Replaces the scrutineers and tellers of an election. [P1] one chief scrutineer, at most one
 * deputy, scrutineers chosen from electors who are not candidates; [P2] tellers designated.
 */
export async function setOfficers(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  electionId: string,
  officers: readonly OfficerInput[],
): Promise<void> {
  await auditedWrite(context, actor, async (trx) => {
    const election = await loadElection(trx, congressId, electionId);
    await requireOwnedIds(trx, 'delegate', congressId, idsAt('body.officers', officers, 'delegateId'));
    const scrutineers = officers.filter((o) => o.role !== 'teller');
    const roleProblems = checkScrutineerRoles(
      scrutineers.map((o) =>
        o.role === 'chief-scrutineer'
          ? 'chief'
          : o.role === 'deputy-chief-scrutineer'
            ? 'deputy-chief'
            : 'scrutineer',
      ),
    );
    const candidates = await trx
      .selectFrom('candidates')
      .select('name')
      .where('election_id', '=', electionId)
      .execute();
    const electors = await trx
      .selectFrom('delegates')
      .select('name')
      .where('congress_id', '=', congressId)
      .where('voting_rights', '=', 1)
      .execute();
    const problems = [
      ...roleProblems,
      ...checkScrutineers({
        scrutineers: scrutineers.map((s) => s.name),
        candidates: candidates.map((c) => c.name),
        electors: electors.map((e) => e.name),
      }),
    ];
    if (problems.length > 0)
      throw ruleViolation('P1', problems.map((p) => p.en).join('; '), problems.map((p) => p.zh).join('；'));
    await checkOfficerLogins(trx, congressId, officers);
    const before = await trx
      .selectFrom('election_officers')
      .select(['role', 'name'])
      .where('election_id', '=', electionId)
      .execute();
    await trx.deleteFrom('election_officers').where('election_id', '=', electionId).execute();
    for (const officer of officers) {
      await trx
        .insertInto('election_officers')
        .values({
          id: context.random.id(),
          election_id: election.id,
          role: officer.role,
          name: officer.name,
          delegate_id: officer.delegateId ?? null,
          account_id: officer.accountId ?? null,
        })
        .execute();
    }
    return {
      result: undefined,
      audit: { action: 'election.officers', subject: `election:${electionId}`, before, after: officers },
    };
  });
}

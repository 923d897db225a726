import type { Kysely } from 'kysely';
import type { Schema } from '../../adapters/db/index.ts';
import { ballotOrder, type Office, type RoundResult } from '../../core/rules/index.ts';
import { loadChain } from './chain-events.ts';
import { candidacyVerdict } from './elections.ts';
import { loadElection, roundCandidates } from './round-queries.ts';

/**
 * An election as the secretariat and the presiding officer see it: the list and its [C1]/[C2]
 * verdict, the officers, every round with its result, and what the chain requires next.
 * `staff` false hides results that are not yet announced [P2].
 */
export async function electionView(
  db: Kysely<Schema>,
  congressId: string,
  electionId: string,
  options: { readonly staff: boolean },
) {
  const election = await loadElection(db, congressId, electionId);
  const candidates = await db
    .selectFrom('candidates')
    .selectAll()
    .where('election_id', '=', electionId)
    .execute();
  const officers = await db
    .selectFrom('election_officers')
    .select(['id', 'role', 'name', 'delegate_id', 'account_id'])
    .where('election_id', '=', electionId)
    .execute();
  const rounds = await db
    .selectFrom('rounds')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('seq')
    .execute();
  const { state, plan } = await loadChain(db, election);
  const names = [...candidates]
    .sort((a, b) => (a.approved_rank ?? 0) - (b.approved_rank ?? 0))
    .map((c) => c.name);
  return {
    id: election.id,
    office: election.office,
    title: election.title,
    seats: election.seats,
    ballotMode: election.ballot_mode,
    status: election.status,
    sittingId: election.sitting_id,
    methodId: election.method_id,
    preliminaryAdvance: election.preliminary_advance,
    parameters: plan.parameters,
    candidates: ballotOrder(election.office as Office, names).map((name) => {
      const c = candidates.find((x) => x.name === name)!;
      return {
        id: c.id,
        name,
        delegateId: c.delegate_id,
        gender: c.gender,
        ethnicity: c.ethnicity,
        position: c.position,
        approvedRank: c.approved_rank,
      };
    }),
    candidacy: candidacyVerdict(election, candidates.length),
    officers: options.staff
      ? officers
      : officers.filter((o) => o.role !== 'teller').map(({ role, name }) => ({ role, name })),
    rounds: rounds.map((round) => {
      const visible = options.staff || round.status === 'announced';
      return {
        id: round.id,
        seq: round.seq,
        kind: round.kind,
        mode: round.mode,
        status: round.status,
        seats: round.seats,
        advance: round.advance,
        candidates: roundCandidates(round),
        expected: round.expected,
        present: round.present,
        ballotsIssued: round.ballots_issued,
        openedAt: round.opened_at,
        closedAt: round.closed_at,
        announcedAt: round.announced_at,
        result: visible && round.result_json ? (JSON.parse(round.result_json) as RoundResult) : null,
      };
    }),
    chain: {
      stage: state.stage,
      seats: state.seats,
      elected: state.elected,
      advancing: state.advancing,
      reductions: state.reductions,
      next: state.next,
    },
  };
}

export async function listElections(db: Kysely<Schema>, congressId: string) {
  return db
    .selectFrom('elections')
    .select([
      'id',
      'office',
      'title',
      'seats',
      'ballot_mode as ballotMode',
      'status',
      'sort_order as sortOrder',
      'sitting_id as sittingId',
    ])
    .where('congress_id', '=', congressId)
    .orderBy('sort_order')
    .execute();
}

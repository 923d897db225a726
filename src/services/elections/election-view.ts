import type { Kysely } from 'kysely';
import {
  type ElectionSummary,
  type ElectionView,
  OFFICER_ROLES,
  type Office,
  type OfficerRole,
  type Signature,
} from '../../contract/elections.ts';
import { ballotOrder } from '../../core/rules/index.ts';
import type { Schema } from '../../persistence/index.ts';
import { loadChain } from './chain-events.ts';
import { candidacyVerdict } from './elections.ts';
import { closeAnchors, loadElection, roundCandidates, roundResult } from './round-queries.ts';

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
): Promise<ElectionView> {
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
  // A prepared round is the secretariat's until it opens: the hall and the public see the vote.
  const shownRounds = options.staff ? rounds : rounds.filter((round) => round.status !== 'prepared');
  const { state, plan } = await loadChain(db, election);
  const anchors = await closeAnchors(
    db,
    rounds.filter((round) => round.status !== 'open').map((round) => round.id),
  );
  const signatures = options.staff ? await signaturesOf(db, electionId) : new Map<string, Signature[]>();
  const names = [...candidates]
    .sort((a, b) => (a.approved_rank ?? 0) - (b.approved_rank ?? 0))
    .map((c) => c.name);
  return {
    id: election.id,
    office: election.office as Office,
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
      ? officers.map((o) => ({
          id: o.id,
          role: o.role,
          name: o.name,
          delegateId: o.delegate_id,
          accountId: o.account_id,
        }))
      : officers.filter((o) => o.role !== 'teller').map(({ role, name }) => ({ role, name })),
    rounds: shownRounds.map((round) => {
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
        result: visible ? roundResult(round) : null,
        ...(anchors.has(round.id) ? { closeAnchor: anchors.get(round.id)! } : {}),
        ...(round.mode === 'electronic' && round.status !== 'open'
          ? { ballotsOpened: round.decrypted_at != null }
          : {}),
        ...(options.staff ? { signedOffBy: signatures.get(round.id) ?? [] } : {}),
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

/**
 * [P2] The signatures under each round's count, by round: the officer of the election each
 * signing login is linked to (role and name); a login no longer linked keeps its display name.
 */
async function signaturesOf(db: Kysely<Schema>, electionId: string): Promise<Map<string, Signature[]>> {
  const rows = await db
    .selectFrom('round_signoffs as s')
    .innerJoin('rounds as r', 'r.id', 's.round_id')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .leftJoin('election_officers as o', (join) =>
      join
        .onRef('o.account_id', '=', 's.account_id')
        .onRef('o.election_id', '=', 'r.election_id')
        .on('o.role', '!=', 'teller'),
    )
    .select(['s.id', 's.round_id', 's.role', 's.signed_at', 'o.name', 'a.display_name'])
    .where('r.election_id', '=', electionId)
    .orderBy('s.signed_at')
    .orderBy('s.id')
    .execute();
  const byRound = new Map<string, Signature[]>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const list = byRound.get(row.round_id) ?? [];
    list.push({
      role: (OFFICER_ROLES as readonly string[]).includes(row.role)
        ? (row.role as OfficerRole)
        : 'scrutineer',
      name: row.name ?? row.display_name,
      signedAt: row.signed_at,
    });
    byRound.set(row.round_id, list);
  }
  return byRound;
}

export async function listElections(db: Kysely<Schema>, congressId: string): Promise<ElectionSummary[]> {
  const rows = await db
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
  return rows.map((row) => ({ ...row, office: row.office as Office }));
}

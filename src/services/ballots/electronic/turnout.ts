import type { Kysely } from 'kysely';
import type { NotYetVoted, VotingProgress } from '../../../contract/ballots.ts';
import { sortNames } from '../../../core/names/index.ts';
import { inReadTransaction, type Schema } from '../../../persistence/index.ts';
import type { ServiceContext } from '../../context.ts';
import { loadElectronicRound } from './electronic-round.ts';

/**
 * Voting progress: counts only. `issued`: electors present when the vote opened (each was issued a
 * ballot); `voted`: those who have cast theirs. Who voted is never joined to what was cast.
 */
export async function turnoutOf(
  db: Kysely<Schema>,
  roundId: string,
): Promise<{ voted: number; issued: number }> {
  const issued = await db
    .selectFrom('round_presence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  const voted = await db
    .selectFrom('electronic_voters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return { voted: Number(voted.n), issued: Number(issued.n) };
}

/** For staff and for the big screen: how many of the ballots issued have been cast. */
export async function votingProgress(
  context: ServiceContext,
  congressId: string,
  roundId: string,
): Promise<VotingProgress> {
  return inReadTransaction(context.database, async (db) => {
    const { round } = await loadElectronicRound(db, congressId, roundId);
    const { voted, issued } = await turnoutOf(db, roundId);
    return { roundId, status: round.status, issued, voted, notYetVoted: Math.max(0, issued - voted) };
  });
}

/**
 * For the presiding officer and the secretariat: the electors present at opening who have not
 * voted yet, by delegation and surname strokes — names only, nothing of any ballot.
 */
export async function notYetVoted(
  context: ServiceContext,
  congressId: string,
  roundId: string,
): Promise<NotYetVoted[]> {
  const db = context.database.db;
  await loadElectronicRound(db, congressId, roundId);
  const rows = await db
    .selectFrom('round_presence as p')
    .innerJoin('delegates as d', 'd.id', 'p.delegate_id')
    .leftJoin('delegations as g', 'g.id', 'd.delegation_id')
    .leftJoin('electronic_voters as v', (join) =>
      join.onRef('v.delegate_id', '=', 'p.delegate_id').on('v.round_id', '=', roundId),
    )
    .select(['d.name', 'g.name as delegation', 'g.sort_order'])
    .where('p.round_id', '=', roundId)
    .where('v.delegate_id', 'is', null)
    .execute();
  const byName = sortNames(rows, (row) => row.name, { unknown: 'last' });
  const rank = (order: number | null) => order ?? Number.MAX_SAFE_INTEGER;
  // Stable: within a delegation the stroke order stays.
  return byName
    .sort(
      (a, b) =>
        rank(a.sort_order) - rank(b.sort_order) || (a.delegation ?? '').localeCompare(b.delegation ?? ''),
    )
    .map((row) => ({ name: row.name, delegation: row.delegation }));
}

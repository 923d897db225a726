import type { Kysely } from 'kysely';
import type { Schema } from '../../../persistence/index.ts';
import { conflict, ruleViolation, ServiceError } from '../../errors.ts';

// Who may cast a ballot in an electronic round, asked in one place: by the cast itself (which
// refuses) and by the ballot form (which tells the delegate why they cannot vote, before they try).

/** A delegate as a round's elector: their vote [Q4], presence at opening [Q5] and earlier vote. */
export interface Elector {
  readonly votingRights: number;
  readonly present: boolean;
  readonly voted: boolean;
}

/** The given delegates of the congress as electors of the round, by id; strangers are left out. */
export async function loadElectors(
  db: Kysely<Schema>,
  congressId: string,
  roundId: string,
  delegateIds: readonly string[],
): Promise<Map<string, Elector>> {
  const rows = await db
    .selectFrom('delegates as d')
    .leftJoin('round_presence as p', (join) =>
      join.onRef('p.delegate_id', '=', 'd.id').on('p.round_id', '=', roundId),
    )
    .leftJoin('electronic_voters as v', (join) =>
      join.onRef('v.delegate_id', '=', 'd.id').on('v.round_id', '=', roundId),
    )
    .select([
      'd.id',
      'd.congress_id',
      'd.voting_rights',
      'p.delegate_id as present',
      'v.delegate_id as voted',
    ])
    .where('d.id', 'in', [...new Set(delegateIds)])
    .execute();
  // The congress is checked here, not in the query: asked for both, SQLite walks the whole
  // congress by its index (3,000 rows, most of a millisecond) instead of looking up the few ids.
  return new Map(
    rows
      .filter((e) => e.congress_id === congressId)
      .map((e) => [
        e.id,
        { votingRights: e.voting_rights, present: e.present !== null, voted: e.voted !== null },
      ]),
  );
}

export const alreadyVoted = () =>
  conflict('already-voted', 'you have already voted in this round', '您已在本轮投票，不能重复投票');

/**
 * Why this delegate may not cast a ballot in the round now, or undefined if they may: the round
 * must be open, the delegate one of the congress, with a vote [Q4], present when the vote opened
 * [Q5], and not have voted yet (`votedNow`: accepted earlier in the same group commit).
 */
export function castRefusal(
  roundStatus: string,
  elector: Elector | undefined,
  votedNow = false,
): ServiceError | undefined {
  if (roundStatus !== 'open')
    return conflict('round-not-open', 'voting in this round is not open', '本轮投票未在进行中');
  if (!elector)
    return new ServiceError(
      403,
      'forbidden',
      'you are not a delegate of this congress',
      '您不是本次大会的代表',
    );
  if (elector.votingRights !== 1) {
    return ruleViolation(
      'Q4',
      'you have no vote in this election (voting rights suspended or not held)',
      '您没有选举权（未享有或已暂停表决权和选举权），不能投票',
    );
  }
  if (!elector.present) {
    return ruleViolation(
      'Q5',
      'you were not recorded present when this vote opened, so no ballot was issued to you',
      '本轮投票开始时您未登记到会，未向您发放选票',
    );
  }
  if (elector.voted || votedNow) return alreadyVoted();
  return undefined;
}

import {
  type BallotSetSeal,
  choiceSetSeal,
  sealedSetSeal,
  type WriteTransaction,
} from '../../persistence/index.ts';
import { byReceipt } from './electronic/electronic-round.ts';

const SEAL_CHUNK = 500;

/**
 * [B4] Seals a round's electronic ballots when voting closes: call it inside the closing
 * transaction (closeRound), then erase the engine's traces once it has committed
 * (eraseBallotTraces). The ballots were sealed to the round's key as they were cast, each in the
 * transaction that also wrote its voter row and "voted" audit entry; this rewrites them — deletes
 * them and inserts them again sorted by tracker — so that nothing physical keeps the order, or the
 * transactions, in which they were cast:
 * - PostgreSQL stores a table's rows in insertion order (ctid) and stamps each with the
 *   transaction that wrote it (xmin), which is also the transaction of the voter row and of the
 *   audit entry. After sealing, every ballot of the round was written by the closing transaction,
 *   in tracker order; the old versions (dead tuples) go with the VACUUM FULL that follows.
 * - SQLite keeps sealed_ballots without rowid, ordered by tracker, but inside a page the cells'
 *   byte positions still follow their arrival; rewriting them in tracker order lays them out again
 *   (secure_delete zeroes the old cells), and the WAL that held each cast's frames is checkpointed
 *   and truncated afterwards.
 * Returns the sealed set as the closing audit entry records it (ballot-seals.ts): from then on a
 * ballot changed, added or removed breaks the audit verification. Idempotent.
 */
export async function sealElectronicBallots(trx: WriteTransaction, roundId: string): Promise<BallotSetSeal> {
  const rows = await trx
    .selectFrom('sealed_ballots')
    .select(['tracker', 'round_id', 'ciphertext'])
    .where('round_id', '=', roundId)
    .execute();
  if (rows.length > 0) {
    rows.sort((a, b) => (a.tracker < b.tracker ? -1 : a.tracker > b.tracker ? 1 : 0));
    await trx.deleteFrom('sealed_ballots').where('round_id', '=', roundId).execute();
    for (let i = 0; i < rows.length; i += SEAL_CHUNK) {
      await trx
        .insertInto('sealed_ballots')
        .values(rows.slice(i, i + SEAL_CHUNK))
        .execute();
    }
  }
  return sealedSetSeal(rows);
}

/**
 * [B4] The same seal for the ballots of an adoption vote cast electronically (表决), when the vote
 * closes (closeVote): rewritten in receipt order, so that PostgreSQL keeps neither their arrival
 * order nor their writing transactions, and sealed into the closing audit entry. (Adoption votes
 * are not elections: their choices are stored in the clear, apart from their voters — see
 * DEVELOPERS.md, "The secret ballot".)
 */
export async function sealAdoptionBallots(trx: WriteTransaction, voteId: string): Promise<BallotSetSeal> {
  const rows = await trx
    .selectFrom('adoption_ballots')
    .select(['receipt', 'vote_id', 'choice'])
    .where('vote_id', '=', voteId)
    .execute();
  if (rows.length > 0) {
    rows.sort(byReceipt);
    await trx.deleteFrom('adoption_ballots').where('vote_id', '=', voteId).execute();
    for (let i = 0; i < rows.length; i += SEAL_CHUNK) {
      await trx
        .insertInto('adoption_ballots')
        .values(rows.slice(i, i + SEAL_CHUNK))
        .execute();
    }
  }
  return choiceSetSeal(rows);
}

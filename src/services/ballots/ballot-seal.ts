import type { WriteTransaction } from '../../adapters/db/index.ts';
import { byReceipt } from './electronic/electronic-round.ts';

const SEAL_CHUNK = 500;

/**
 * [B4] Seals a round's electronic ballots when voting closes: call it inside the closing
 * transaction (closeRound). It rewrites the round's ballots in receipt order — deletes them and
 * inserts them again sorted by receipt — so that nothing physical keeps the order they were cast in:
 * - PostgreSQL stores a table's rows in insertion order (ctid) and stamps each with the
 *   transaction that wrote it (xmin), which is also the transaction of the voter row and of the
 *   "voted" audit entry. After sealing, every ballot of the round was written by the closing
 *   transaction, in receipt order. Until then, someone with direct SQL access to the server (not
 *   the API, which never shows ctid or xmin) could match a ballot's xmin to a voter row's; and the
 *   old row versions remain on disk as dead tuples until VACUUM reclaims them.
 * - SQLite keeps electronic_ballots without rowid, ordered by receipt, but inside a page the cells'
 *   byte positions still follow their arrival; rewriting them in receipt order lays them out again.
 *   (Freed bytes stay in the file until reused unless PRAGMA secure_delete is on.)
 * Idempotent; a round without electronic ballots is left as it is. Returns the number of ballots.
 */
export async function sealElectronicBallots(
  trx: WriteTransaction,
  roundId: string,
): Promise<{ ballots: number }> {
  const rows = await trx
    .selectFrom('electronic_ballots')
    .select(['receipt', 'round_id', 'marks', 'write_ins_json'])
    .where('round_id', '=', roundId)
    .execute();
  return rewriteInReceiptOrder(rows, async (sorted) => {
    await trx.deleteFrom('electronic_ballots').where('round_id', '=', roundId).execute();
    for (let i = 0; i < sorted.length; i += SEAL_CHUNK) {
      await trx
        .insertInto('electronic_ballots')
        .values(sorted.slice(i, i + SEAL_CHUNK))
        .execute();
    }
  });
}

/**
 * [B4] The same seal for the ballots of an adoption vote cast electronically (表决), when the vote
 * closes (closeVote): their receipts are just as unlinkable, and PostgreSQL would otherwise keep
 * their arrival order and writing transactions just the same.
 */
export async function sealAdoptionBallots(
  trx: WriteTransaction,
  voteId: string,
): Promise<{ ballots: number }> {
  const rows = await trx
    .selectFrom('adoption_ballots')
    .select(['receipt', 'vote_id', 'choice'])
    .where('vote_id', '=', voteId)
    .execute();
  return rewriteInReceiptOrder(rows, async (sorted) => {
    await trx.deleteFrom('adoption_ballots').where('vote_id', '=', voteId).execute();
    for (let i = 0; i < sorted.length; i += SEAL_CHUNK) {
      await trx
        .insertInto('adoption_ballots')
        .values(sorted.slice(i, i + SEAL_CHUNK))
        .execute();
    }
  });
}

async function rewriteInReceiptOrder<Row extends { receipt: string }>(
  rows: Row[],
  rewrite: (sorted: Row[]) => Promise<void>,
): Promise<{ ballots: number }> {
  if (rows.length === 0) return { ballots: 0 };
  rows.sort(byReceipt);
  await rewrite(rows);
  return { ballots: rows.length };
}

import type { WriteTransaction } from '../../../adapters/db/index.ts';
import type { Actor } from '../../actor.ts';
import { auditedWrite } from '../../audited-write.ts';
import type { ServiceContext } from '../../context.ts';
import { conflict, notFound, ruleViolation, ServiceError } from '../../errors.ts';
import { checkElectronicBallot, type ElectronicBallotInput } from './ballot-input.ts';
import { byReceipt, electronicRound } from './electronic-round.ts';
import { newReceipt } from './receipt.ts';

const alreadyVoted = () =>
  conflict('already-voted', 'you have already voted in this round', '您已在本轮投票，不能重复投票');

/**
 * Casts a delegate's electronic ballot and returns its receipt, which is stored nowhere else: the
 * delegate keeps it to find their ballot in the published list after voting closes.
 *
 * Only while the round is open; only the delegate themself, in their own session [Q5] (no staff
 * account, no proxy); only a delegate with a vote [Q4] who was present when the vote opened
 * (round_presence); once per round. In one transaction: electronic_voters gets (round, delegate),
 * whose primary key refuses a second vote even between concurrent requests, and
 * electronic_ballots gets the ballot under a fresh random receipt, with no voter, no time and no
 * serial [B4]. The audit entry records that the delegate voted in the round, never the receipt
 * or the marks: the audit log (append-only, timestamped) therefore shows who voted when, never what.
 */
export async function castElectronicBallot(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  input: ElectronicBallotInput,
): Promise<{ receipt: string }> {
  if (actor.kind !== 'delegate' || actor.congressId !== congressId) {
    throw new ServiceError(
      403,
      'forbidden',
      'only a delegate of this congress, logged in with their own credential, may cast their ballot; nobody may vote for another',
      '只能由本次大会的代表本人凭代表凭证登录投票，不能委托他人代为投票',
      'Q5',
    );
  }
  const delegateId = actor.delegateId;
  let cast: { receipt: string; voted: number; issued: number } | undefined;
  // A clash of random receipts (about 1 in 10^11 for a congress) is refused by the primary key; vote again under a new one.
  for (let attempt = 1; !cast; attempt++) {
    try {
      cast = await auditedWrite(context, actor, async (trx) => {
        const { round, elector, votedBefore } = await loadCastState(trx, congressId, roundId, delegateId);
        if (round.round.status !== 'open')
          throw conflict('round-not-open', 'voting in this round is not open', '本轮投票未在进行中');
        if (elector.id === null)
          throw new ServiceError(
            403,
            'forbidden',
            'you are not a delegate of this congress',
            '您不是本次大会的代表',
          );
        if (elector.votingRights !== 1) {
          throw ruleViolation(
            'Q4',
            'you have no vote in this election (voting rights suspended or not held)',
            '您没有选举权（未享有或已暂停表决权和选举权），不能投票',
          );
        }
        if (!elector.present) {
          throw ruleViolation(
            'Q5',
            'you were not recorded present when this vote opened, so no ballot was issued to you',
            '本轮投票开始时您未登记到会，未向您发放选票',
          );
        }
        if (elector.voted) throw alreadyVoted();
        const ballot = checkElectronicBallot(input, round);

        await trx
          .insertInto('electronic_voters')
          .values({ round_id: roundId, delegate_id: delegateId })
          .execute();
        const receipt = newReceipt(context.random);
        await trx
          .insertInto('electronic_ballots')
          .values({
            receipt,
            round_id: roundId,
            marks: ballot.marks,
            write_ins_json: ballot.writeIns.length > 0 ? JSON.stringify(ballot.writeIns) : null,
          })
          .execute();
        return {
          // Writers are serialised (transaction.ts), so the count read at the start plus this one is exact.
          result: { receipt, voted: votedBefore + 1, issued: round.round.present ?? 0 },
          // [B4] that the delegate voted (the actor), in which round — no receipt, no marks, no validity.
          audit: { action: 'ballot.electronic.vote', subject: `round:${roundId}`, after: { voted: true } },
        };
      });
    } catch (error) {
      // Normally refused above; the primary key is what guarantees it if two requests ever raced.
      if (isDuplicateKey(error, 'electronic_voters')) throw alreadyVoted();
      if (!isDuplicateKey(error, 'electronic_ballots') || attempt >= 3) throw error;
    }
  }
  context.events.publish({
    type: 'voting',
    congressId,
    data: { roundId, voted: cast.voted, issued: cast.issued },
  });
  return { receipt: cast.receipt };
}

/**
 * Everything a cast checks, in one query (the write lock is held while it runs): the round and
 * its election, the delegate's vote [Q4], presence at opening [Q5] and earlier vote, and how many
 * have voted so far. 404 when the round is not one of this congress's.
 */
async function loadCastState(trx: WriteTransaction, congressId: string, roundId: string, delegateId: string) {
  const row = await trx
    .selectFrom('rounds as r')
    .innerJoin('elections as e', 'e.id', 'r.election_id')
    .leftJoin('delegates as d', (join) =>
      join.on('d.id', '=', delegateId).on('d.congress_id', '=', congressId),
    )
    .leftJoin('round_presence as p', (join) =>
      join.onRef('p.round_id', '=', 'r.id').on('p.delegate_id', '=', delegateId),
    )
    .leftJoin('electronic_voters as v', (join) =>
      join.onRef('v.round_id', '=', 'r.id').on('v.delegate_id', '=', delegateId),
    )
    .selectAll('r')
    .select([
      'e.title as election_title',
      'e.rule_set as election_rule_set',
      'e.office as election_office',
      'e.parameters_json as election_parameters_json',
      'd.id as elector_id',
      'd.voting_rights as elector_voting_rights',
      'p.delegate_id as elector_present',
      'v.delegate_id as elector_voted',
    ])
    .select((eb) =>
      eb
        .selectFrom('electronic_voters as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.round_id', '=', 'r.id')
        .as('voted_before'),
    )
    .where('r.id', '=', roundId)
    .where('e.congress_id', '=', congressId)
    .executeTakeFirst();
  if (!row) throw notFound('round', '投票轮次');
  const {
    election_title,
    election_rule_set,
    election_office,
    election_parameters_json,
    elector_id,
    elector_voting_rights,
    elector_present,
    elector_voted,
    voted_before,
    ...round
  } = row;
  return {
    round: electronicRound(round, {
      id: round.election_id,
      title: election_title,
      rule_set: election_rule_set,
      office: election_office,
      parameters_json: election_parameters_json,
    }),
    elector: {
      id: elector_id,
      votingRights: elector_voting_rights,
      present: elector_present !== null,
      voted: elector_voted !== null,
    },
    votedBefore: Number(voted_before ?? 0),
  };
}

/** A primary-key violation on `table`: PostgreSQL names the constraint, SQLite the columns. */
function isDuplicateKey(error: unknown, table: 'electronic_voters' | 'electronic_ballots'): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!e || typeof e.code !== 'string') return false;
  if (e.code === '23505') return typeof e.constraint === 'string' && e.constraint.startsWith(table);
  return (
    e.code.startsWith('SQLITE_CONSTRAINT') && typeof e.message === 'string' && e.message.includes(`${table}.`)
  );
}

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
  if (rows.length === 0) return { ballots: 0 };
  rows.sort(byReceipt);
  await trx.deleteFrom('electronic_ballots').where('round_id', '=', roundId).execute();
  for (let i = 0; i < rows.length; i += SEAL_CHUNK) {
    await trx
      .insertInto('electronic_ballots')
      .values(rows.slice(i, i + SEAL_CHUNK))
      .execute();
  }
  return { ballots: rows.length };
}

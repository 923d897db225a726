import type { Database, WriteTransaction } from '../../../persistence/index.ts';
import { type Actor, actorLabel } from '../../actor.ts';
import type { ServiceContext } from '../../context.ts';
import { conflict, notFound, ServiceError } from '../../errors.ts';
import { type BatchWriter, type Outcome, submitToGroup } from '../../group-commit.ts';
import { checkElectronicBallot, type ElectronicBallotInput } from './ballot-input.ts';
import { alreadyVoted, castRefusal, type Elector, loadElectors } from './electors.ts';
import { type ElectronicRound, electronicRound } from './electronic-round.ts';
import {
  type PresealedBallot,
  presealBallot,
  rememberRound,
  type SealedBallot,
  sealBallot,
} from './presealed-ballot.ts';

/**
 * Casts a delegate's electronic ballot and returns its receipt: the tracker of the sealed ballot,
 * which the delegate keeps to find it on the board published after voting closes [B4].
 *
 * Only while the round is open; only the delegate themself, in their own session [Q5] (no staff
 * account, no proxy); only a delegate with a vote [Q4] who was present when the vote opened
 * (round_presence); once per round. The ballot is checked in memory, then sealed to the round's
 * public key (a libsodium sealed box, padded to the round's one ballot length); its content is
 * never written in the clear while voting is open, and is opened only after the close, by the
 * scrutineers' shares of the private key (key-shares.ts). In one transaction: electronic_voters
 * gets (round, delegate), whose primary key refuses a second vote even between concurrent
 * requests, and sealed_ballots gets the ciphertext under its tracker, with no voter, no time and
 * no serial. So the pages of that transaction (SQLite's WAL, PostgreSQL's xmin) pair a voter with
 * a ciphertext that nobody can read without a majority of the scrutineers, and the closing seal
 * erases even that (ballot-seal.ts). Casts arriving together share one commit (group-commit.ts),
 * each atomic on its own and answered only once committed. The audit entry records that the
 * delegate voted in the round, never the receipt or the marks: the audit log (append-only,
 * timestamped) shows who voted when, never what.
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
  let cast: Cast | undefined;
  // A clash of trackers (about 1 in 10^11 for a congress) is refused by the primary key; sealed
  // again, the ballot has a new ephemeral key, so a new ciphertext and tracker.
  for (let attempt = 1; !cast; attempt++) {
    // Sealed before it waits for the writer lock (presealed-ballot.ts).
    const presealed = await presealBallot(context.database, roundId, input);
    const request: CastRequest = { database: context.database, actor, congressId, roundId, input, presealed };
    try {
      cast = await submitToGroup(context, castWriter, request);
    } catch (error) {
      // Normally refused by the checks; the primary key is what guarantees it if two requests ever raced.
      if (isDuplicateKey(error, 'electronic_voters')) throw alreadyVoted();
      if (!isDuplicateKey(error, 'sealed_ballots') || attempt >= 3) throw error;
    }
  }
  return { receipt: cast.receipt };
}

interface CastRequest {
  /** Where the round read in the lock is remembered for the next casts' sealing. */
  readonly database: Database;
  readonly actor: Extract<Actor, { kind: 'delegate' }>;
  readonly congressId: string;
  readonly roundId: string;
  readonly input: ElectronicBallotInput;
  /** Checked and sealed against the round as last read, if it was. */
  readonly presealed: PresealedBallot | undefined;
}

interface Cast {
  readonly receipt: string;
  /** Ballots cast in the round so far, this one included, and ballots issued: for the progress bar. */
  readonly voted: number;
  readonly issued: number;
}

/**
 * The casts of one group commit, in as few statements as their number allows: per round, one
 * query for the round and one for all the group's voters; then every accepted ballot, voter row
 * and audit entry in one INSERT each (a group holds at most 256 casts, far below the engines'
 * parameter limits). Each cast is checked in arrival order against the stored state and the
 * casts accepted before it in the group, so a refusal writes nothing and the outcome is what
 * casting one at a time would have given.
 */
const castWriter: BatchWriter<CastRequest, Cast> = {
  async write(trx, requests, audit, at, announcements) {
    const outcomes: Outcome<Cast>[] = new Array(requests.length);
    const accepted: {
      readonly request: CastRequest;
      readonly tracker: string;
      readonly ciphertext: string;
    }[] = [];
    for (const indices of groupByRound(requests)) {
      const first = requests[indices[0]!]!;
      let state: CastState;
      try {
        state = await loadCastState(
          trx,
          first.congressId,
          first.roundId,
          indices.map((i) => requests[i]!.actor.delegateId),
        );
      } catch (error) {
        for (const i of indices) outcomes[i] = { ok: false, error };
        continue;
      }
      const basis = rememberRound(first.database, state.round);
      let voted = state.votedBefore;
      for (const i of indices) {
        const request = requests[i]!;
        try {
          const sealed = await admitCast(state, request, basis);
          state.votedNow.add(request.actor.delegateId);
          voted += 1;
          accepted.push({ request, ...sealed });
          outcomes[i] = {
            ok: true,
            value: { receipt: sealed.tracker, voted, issued: state.round.round.present ?? 0 },
          };
        } catch (error) {
          outcomes[i] = { ok: false, error };
        }
      }
      // Progress for the screens, stored with the casts: one event per round for the whole group.
      if (voted > state.votedBefore) {
        const issued = state.round.round.present ?? 0;
        const data = { roundId: first.roundId, voted, issued };
        announcements.add([{ type: 'voting', congressId: first.congressId, data }]);
      }
    }
    if (accepted.length > 0) {
      await insertVotersAndBallots(
        trx,
        requests[0]!.database.dialect,
        accepted.map(({ request }) => ({ round_id: request.roundId, delegate_id: request.actor.delegateId })),
        // Sorted by tracker, so that not even the order within the INSERT follows arrival [B4].
        accepted
          .map(({ request, tracker, ciphertext }) => ({ tracker, round_id: request.roundId, ciphertext }))
          .sort((a, b) => (a.tracker < b.tracker ? -1 : a.tracker > b.tracker ? 1 : 0)),
      );
      // [B4] that the delegate voted (the actor), in which round — no receipt, no marks, no validity.
      await audit.appendAll(
        accepted.map(({ request }) => ({
          actor: actorLabel(request.actor),
          at,
          action: 'ballot.electronic.vote',
          subject: `round:${request.roundId}`,
          after: { voted: true },
        })),
      );
    }
    return outcomes;
  },
};

/**
 * Who voted, and the ballots, in one statement on PostgreSQL (a data-modifying WITH): one round
 * trip fewer while the group holds the writer lock. SQLite has no such WITH, and no round trip.
 */
async function insertVotersAndBallots(
  trx: WriteTransaction,
  dialect: Database['dialect'],
  voters: readonly { round_id: string; delegate_id: string }[],
  ballots: readonly { tracker: string; round_id: string; ciphertext: string }[],
): Promise<void> {
  if (dialect === 'postgres') {
    await trx
      .with('voters', (db) => db.insertInto('electronic_voters').values(voters))
      .insertInto('sealed_ballots')
      .values(ballots)
      .execute();
    return;
  }
  await trx.insertInto('electronic_voters').values(voters).execute();
  await trx.insertInto('sealed_ballots').values(ballots).execute();
}

/** Indices of the requests, grouped by congress and round, in arrival order. */
function groupByRound(requests: readonly CastRequest[]): number[][] {
  const groups = new Map<string, number[]>();
  requests.forEach((request, index) => {
    const key = `${request.congressId}\u0000${request.roundId}`;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()];
}

interface CastState {
  readonly round: ElectronicRound;
  /** The group's delegates of this congress, by id; a delegate missing here is not one of it. */
  readonly electors: ReadonlyMap<string, Elector>;
  readonly votedBefore: number;
  /** Delegates whose cast the group has accepted so far. */
  readonly votedNow: Set<string>;
}

/**
 * The sealed ballot if the delegate may cast it now; else the refusal, thrown. The ballot sealed
 * before the lock stands if the round is as it was sealed for; else it is checked and sealed now.
 */
async function admitCast(state: CastState, request: CastRequest, basis: string): Promise<SealedBallot> {
  const { delegateId } = request.actor;
  const refusal = castRefusal(
    state.round.round.status,
    state.electors.get(delegateId),
    state.votedNow.has(delegateId),
  );
  if (refusal) throw refusal;
  if (request.presealed?.basis === basis) return request.presealed;
  const ballot = checkElectronicBallot(request.input, state.round);
  // [B4] A round opened before ballots were sealed (no public key) takes no more ballots.
  const publicKey = state.round.round.public_key;
  if (!publicKey) {
    throw conflict(
      'round-not-sealed',
      'this round was opened before ballots were sealed and takes no more ballots: close it and open a new round',
      '本轮投票开始于选票加密功能启用之前，不再接受投票：请结束本轮并重新开始投票',
    );
  }
  return sealBallot(state.round, ballot, publicKey);
}

/**
 * What the casts of one round check (the write lock is held while this runs): the round and its
 * election with how many have voted so far, then each delegate's vote [Q4], presence at opening
 * [Q5] and earlier vote. 404 when the round is not one of this congress's.
 */
async function loadCastState(
  trx: WriteTransaction,
  congressId: string,
  roundId: string,
  delegateIds: readonly string[],
): Promise<CastState> {
  const row = await trx
    .selectFrom('rounds as r')
    .innerJoin('elections as e', 'e.id', 'r.election_id')
    .selectAll('r')
    .select([
      'e.title as election_title',
      'e.rule_set as election_rule_set',
      'e.office as election_office',
      'e.parameters_json as election_parameters_json',
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
    voted_before,
    ...round
  } = row;
  const electors = await loadElectors(trx, congressId, roundId, delegateIds);
  return {
    round: electronicRound(round, {
      id: round.election_id,
      title: election_title,
      rule_set: election_rule_set,
      office: election_office,
      parameters_json: election_parameters_json,
    }),
    electors,
    votedBefore: Number(voted_before ?? 0),
    votedNow: new Set(),
  };
}

/** A primary-key violation on `table`: PostgreSQL names the constraint, SQLite the columns. */
function isDuplicateKey(error: unknown, table: 'electronic_voters' | 'sealed_ballots'): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!e || typeof e.code !== 'string') return false;
  if (e.code === '23505') return typeof e.constraint === 'string' && e.constraint.startsWith(table);
  return (
    e.code.startsWith('SQLITE_CONSTRAINT') && typeof e.message === 'string' && e.message.includes(`${table}.`)
  );
}

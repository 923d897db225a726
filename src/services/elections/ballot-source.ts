import type { Kysely } from 'kysely';
import type { BallotBox } from '../../core/rules/index.ts';
import type { Schema } from '../../persistence/index.ts';
import type { RoundRow } from './round-queries.ts';

/**
 * Where a round's ballots come from: the agreed paper entries (double entry), or the electronic
 * ballot box. Counting (rounds.ts) asks the source of the round's mode for the ballots, and the
 * rules engine decides.
 */
export interface BallotSource {
  /** The ballots of a closed round; refuses (ServiceError) while anything is unresolved. */
  ballotBox(trx: Kysely<Schema>, round: RoundRow): Promise<BallotBox>;
}

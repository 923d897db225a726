import type { Database } from '../../../persistence/index.ts';
import { fromBase64, sealBox, toBase64 } from '../sealed/ballot-crypto.ts';
import { encodeBallot } from '../sealed/ballot-plaintext.ts';
import { type CheckedBallot, checkElectronicBallot, type ElectronicBallotInput } from './ballot-input.ts';
import { ballotLayout, type ElectronicRound } from './electronic-round.ts';
import { trackerOf } from './receipt.ts';

// Checking and sealing a ballot takes CPU (a sealed box per ballot: some 0.1 ms), and done while
// holding the writer lock it made every ballot of a hall's burst wait: a group of forty-five
// held the lock about 7 ms longer for it, of some 38. So a cast is checked and sealed before it
// joins its group, against the round as this instance last read it inside a write transaction;
// inside the lock only what may change is decided (the round still open, the delegate's vote,
// presence and earlier vote), and the sealed ballot is kept only if the round read there is
// still the one it was sealed for (same key, candidates, seats and rules). Otherwise — a key
// replaced before any vote — it is checked and sealed again there. Nothing is decided from this
// memory: a stale round costs a second sealing, never a wrong answer.
// Until an instance has written a cast in a round it knows the round from the ballot forms its
// phones fetched when the vote opened (rememberFormRound); without that, the first group of a
// burst (some sixty to seventy ballots on each instance in the hall's benchmark) was sealed inside
// the lock, holding it 9–19 ms longer.

/** [B4] A checked ballot sealed to the round's public key, and its tracker (the delegate's receipt). */
export interface SealedBallot {
  readonly tracker: string;
  readonly ciphertext: string;
}

export interface PresealedBallot extends SealedBallot {
  /** What the sealing depended on (basisOf): the round read in the lock must have the same. */
  readonly basis: string;
}

/** Rounds remembered per database: a congress votes on a few at a time. */
const MAX_ROUNDS = 16;

/** The round last read in a write transaction, with its basis (computed once, not per ballot). */
interface Remembered {
  readonly round: ElectronicRound;
  readonly basis: string;
}

const lastRead = new WeakMap<Database, Map<string, Remembered>>();

/** Everything of the round that checking and sealing a ballot used. */
function basisOf({ round, election }: ElectronicRound): string {
  return JSON.stringify([
    round.id,
    round.public_key,
    round.candidates_json,
    round.seats,
    round.kind,
    round.advance,
    election.parameters_json,
  ]);
}

/**
 * Remembers the round as just read inside a write transaction, for the casts that follow; returns
 * its basis.
 */
export function rememberRound(database: Database, round: ElectronicRound): string {
  let rounds = lastRead.get(database);
  if (!rounds) {
    rounds = new Map();
    lastRead.set(database, rounds);
  }
  const basis = basisOf(round);
  rounds.delete(round.round.id);
  rounds.set(round.round.id, { round, basis });
  if (rounds.size > MAX_ROUNDS) rounds.delete(rounds.keys().next().value!);
  return basis;
}

/**
 * Remembers a round read for a ballot form, unless one read inside a write transaction (as fresh,
 * or fresher) is remembered already.
 */
export function rememberFormRound(database: Database, round: ElectronicRound): void {
  if (!lastRead.get(database)?.has(round.round.id)) rememberRound(database, round);
}

/**
 * The ballot checked and sealed against the round last read, or undefined when there is none
 * yet, or when the ballot fails its check there (the check inside the lock then gives the answer,
 * against the round as it is).
 */
export async function presealBallot(
  database: Database,
  roundId: string,
  input: ElectronicBallotInput,
): Promise<PresealedBallot | undefined> {
  const remembered = lastRead.get(database)?.get(roundId);
  const publicKey = remembered?.round.round.public_key;
  if (!remembered || !publicKey) return undefined;
  const { round, basis } = remembered;
  let ballot: CheckedBallot;
  try {
    ballot = checkElectronicBallot(input, round);
  } catch {
    return undefined;
  }
  return { ...(await sealBallot(round, ballot, publicKey)), basis };
}

/** [B4] The checked ballot, encoded to the round's one ballot length, sealed to `publicKey`. */
export async function sealBallot(
  round: ElectronicRound,
  ballot: CheckedBallot,
  publicKey: string,
): Promise<SealedBallot> {
  const { candidates, writeInSlots } = ballotLayout(round);
  const plaintext = encodeBallot(ballot, candidates, writeInSlots);
  const ciphertext = await sealBox(plaintext, fromBase64(publicKey));
  plaintext.fill(0);
  return { tracker: trackerOf(ciphertext), ciphertext: toBase64(ciphertext) };
}

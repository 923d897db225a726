import { type BallotBox, MARK_CODE } from './ballot-box.ts';
import type { RuleParameters } from './parameters.ts';

export interface BallotCount {
  readonly returned: number;
  readonly valid: number;
  readonly invalid: number;
  /** Per printed candidate, from valid ballots only. */
  readonly forVotes: Float64Array;
  readonly againstVotes: Float64Array;
  /** [B1] abstentions, unreadable marks included when they count as abstentions. */
  readonly abstainVotes: Float64Array;
  /** [T8] "for" votes of each write-in name (index into box.writeInNames), valid ballots only. */
  readonly writeInVotes: Float64Array;
  /** Write-in names that appear on at least one valid ballot. */
  readonly writeInsOnValidBallots: ReadonlySet<number>;
}

/**
 * Counts one round's ballots.
 * [B3] A ballot with more "for" marks (write-ins included) than `maxFor` is invalid and none of its
 * marks count; fewer or equal is valid, a blank ballot included. A ballot the scrutineers declared
 * invalid does not count either.
 * [B1] An unreadable mark is an abstention, or (parameter `unreadable`) invalidates the ballot.
 */
export function countBallots(box: BallotBox, maxFor: number, parameters: RuleParameters): BallotCount {
  const n = box.candidateCount;
  const forVotes = new Float64Array(n);
  const againstVotes = new Float64Array(n);
  const writeInVotes = new Float64Array(box.writeInNames.length);
  const writeInsOnValidBallots = new Set<number>();
  const unreadableVoids = parameters.unreadable === 'invalid-ballot';
  const { marks, weights } = box;
  let returned = 0;
  let valid = 0;
  let invalid = 0;

  for (let i = 0, offset = 0; i < box.size; i++, offset += n) {
    const weight = weights[i]!;
    returned += weight;
    if (box.voided.size > 0 && box.voided.has(i)) {
      invalid += weight;
      continue;
    }
    const writeIns = box.writeIns.size > 0 ? box.writeIns.get(i) : undefined;
    // One pass: count the row as if valid, and take it back in the rare case it is not. Most
    // ballots are valid, so each mark is read once.
    let forMarks = writeIns ? writeIns.length : 0;
    let unreadable = false;
    for (let j = 0; j < n; j++) {
      const mark = marks[offset + j]!;
      if (mark === MARK_CODE.for) {
        forVotes[j] = forVotes[j]! + weight;
        forMarks++;
      } else if (mark === MARK_CODE.against) {
        againstVotes[j] = againstVotes[j]! + weight;
      } else if (mark === MARK_CODE.unreadable) {
        unreadable = true;
      }
    }
    if (forMarks > maxFor || (unreadable && unreadableVoids)) {
      // [B3] an over-marked ballot (or, when configured, one with an unreadable mark) counts for no one.
      for (let j = 0; j < n; j++) {
        const mark = marks[offset + j]!;
        if (mark === MARK_CODE.for) forVotes[j] = forVotes[j]! - weight;
        else if (mark === MARK_CODE.against) againstVotes[j] = againstVotes[j]! - weight;
      }
      invalid += weight;
      continue;
    }
    valid += weight;
    if (writeIns) {
      for (const id of writeIns) {
        writeInVotes[id] = writeInVotes[id]! + weight;
        writeInsOnValidBallots.add(id);
      }
    }
  }

  // Abstentions are what is left of the valid ballots; unreadable marks are among them.
  const abstainVotes = new Float64Array(n);
  for (let j = 0; j < n; j++) abstainVotes[j] = valid - forVotes[j]! - againstVotes[j]!;
  return {
    returned,
    valid,
    invalid,
    forVotes,
    againstVotes,
    abstainVotes,
    writeInVotes,
    writeInsOnValidBallots,
  };
}

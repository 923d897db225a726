import {
  BallotBoxBuilder,
  defaultParameters,
  MARK_CODE,
  type Mark,
  type Office,
  type RoundInput,
  type RuleParameters,
  type RuleSetId,
} from '../../../src/core/rules/index.ts';

export interface SimpleBallot {
  readonly marks?: Readonly<Record<string, Mark>>;
  readonly writeIns?: readonly string[];
  readonly count?: number;
  readonly void?: string;
}

/** A round described the way a scrutineer would: names and marks. Defaults: a local congress of 417, 413 present. */
export function buildRound(spec: {
  readonly ruleSet?: Exclude<RuleSetId, 'custom'>;
  readonly office?: Office;
  readonly round?: RoundInput['round'];
  readonly seats: number;
  readonly alternateSeats?: number;
  readonly advance?: number;
  readonly afterPreliminary?: boolean;
  readonly expected?: number;
  readonly present?: number;
  readonly issued?: number;
  readonly candidates: readonly string[];
  readonly ballots: readonly SimpleBallot[];
  readonly parameters?: Partial<RuleParameters>;
}): RoundInput {
  const ruleSet = spec.ruleSet ?? 'local-congress';
  const office = spec.office ?? 'committee-member';
  const present = spec.present ?? 413;
  const column = new Map(spec.candidates.map((name, j) => [name, j]));
  const builder = new BallotBoxBuilder(spec.candidates.length);
  for (const ballot of spec.ballots) {
    const marks = new Uint8Array(spec.candidates.length);
    for (const [name, mark] of Object.entries(ballot.marks ?? {})) marks[column.get(name)!] = MARK_CODE[mark];
    builder.add({ ...ballot, marks });
  }
  return {
    ruleSet,
    office,
    round: spec.round ?? 'formal',
    seats: spec.seats,
    ...(spec.alternateSeats ? { alternateSeats: spec.alternateSeats } : {}),
    ...(spec.advance ? { advance: spec.advance } : {}),
    ...(spec.afterPreliminary ? { afterPreliminary: true } : {}),
    electors: { expected: spec.expected ?? 417, present },
    ballotsIssued: spec.issued ?? present,
    candidates: spec.candidates,
    ballots: builder.build(),
    parameters: { ...defaultParameters(ruleSet, office), ...spec.parameters },
  };
}

/** `count` ballots each marking `for` the given names (and nothing else). */
export function votesFor(count: number, ...names: string[]): SimpleBallot {
  return { count, marks: Object.fromEntries(names.map((name) => [name, 'for' as const])) };
}

/**
 * `count` ballots on which each candidate gets exactly the "for" votes given, spread round-robin so
 * that no ballot names a candidate twice and every ballot carries at most ⌈total / count⌉ marks.
 */
export function ballotsWithVotes(votes: Readonly<Record<string, number>>, count: number): SimpleBallot[] {
  const marks: Record<string, Mark>[] = Array.from({ length: count }, () => ({}));
  let next = 0;
  for (const [name, n] of Object.entries(votes)) {
    if (n > count) throw new RangeError(`${name}: ${n} votes on ${count} ballots`);
    for (let k = 0; k < n; k++) marks[(next + k) % count]![name] = 'for';
    next = (next + n) % count;
  }
  return marks.map((m) => ({ marks: m }));
}

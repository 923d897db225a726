import { z } from 'zod';
import type { UnknownCharacterError } from '../../core/names/index.ts';
import {
  BallotBoxBuilder,
  MARK_CODE,
  OFFICES,
  ParameterError,
  type ParameterOverrides,
  parseFraction,
  ROUND_KINDS,
  type RoundInput,
  RULE_SET_IDS,
  resolveParameters,
} from '../../core/rules/index.ts';
import { InputError } from '../../services/input-error.ts';
import { parseInput } from '../../services/zod-issues.ts';

// The `plenum tally` input of cli-contract.md. Objects are strict: an unknown field is an error.

const count = z.number().int().min(0);
const fraction = z.string().refine((text) => parseFraction(text) !== undefined, {
  message: 'a fraction such as 1/2',
});

const optionsSchema = z.strictObject({
  quorumFraction: fraction.optional(),
  thresholdBase: z.enum(['expected', 'present']).optional(),
  thresholdFraction: fraction.optional(),
  candidacy: z.enum(['competitive', 'equal', 'free']).optional(),
  minSurplusPercent: z.number().int().min(0).max(1000).optional(),
  minSurplusCount: z.number().int().min(0).optional(),
  unreadable: z.enum(['abstain', 'invalid-ballot']).optional(),
  writeIns: z.boolean().optional(),
  runoffThreshold: z.boolean().optional(),
  /** [C4] the formal round's list came from a preliminary round (a fact of the round, not a rule parameter). */
  afterPreliminary: z.boolean().optional(),
});

const ballotSchema = z.strictObject({
  count: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  marks: z.record(z.string(), z.enum(['for', 'against', 'abstain', 'unreadable'])).optional(),
  writeIns: z.array(z.string().trim().min(1)).optional(),
  void: z.string().trim().min(1).optional(),
});

export const tallyInputSchema = z.strictObject({
  ruleSet: z.enum(RULE_SET_IDS),
  office: z.enum(OFFICES),
  round: z.enum(ROUND_KINDS).default('formal'),
  seats: z.number().int().min(1),
  alternateSeats: z.number().int().min(1).optional(),
  advance: z.number().int().min(1).optional(),
  electors: z.strictObject({ expected: z.number().int().min(1), present: count }),
  ballotsIssued: count,
  candidates: z.array(z.string().trim().min(1)).min(1),
  ballots: z.array(ballotSchema),
  options: optionsSchema.default({}),
});

export type TallyInput = z.infer<typeof tallyInputSchema>;

/** Parses and checks a tally request; throws InputError naming the first unusable field. */
export function parseTallyInput(json: unknown): RoundInput {
  const input = parseInput(tallyInputSchema, json);
  checkConsistency(input);
  const { afterPreliminary, ...rest } = input.options;
  const overrides: ParameterOverrides = {
    ...rest,
    quorumFraction: rest.quorumFraction === undefined ? undefined : parseFraction(rest.quorumFraction),
    thresholdFraction:
      rest.thresholdFraction === undefined ? undefined : parseFraction(rest.thresholdFraction),
  };
  let parameters: RoundInput['parameters'];
  try {
    parameters = resolveParameters(input.ruleSet, input.office, overrides);
  } catch (error) {
    if (error instanceof ParameterError)
      throw new InputError(`options.${error.parameter}`, error.en, error.zh);
    throw error;
  }
  if (!parameters.writeIns) {
    const index = input.ballots.findIndex((b) => (b.writeIns?.length ?? 0) > 0);
    if (index >= 0) {
      throw new InputError(
        `ballots[${index}].writeIns`,
        'write-ins are not allowed in this election',
        '本次选举不设另选他人',
      );
    }
  }

  const column = new Map(input.candidates.map((name, j) => [name, j]));
  const builder = new BallotBoxBuilder(input.candidates.length, Math.max(1, input.ballots.length));
  const row = new Uint8Array(input.candidates.length);
  for (const ballot of input.ballots) {
    row.fill(MARK_CODE.abstain);
    for (const [name, mark] of Object.entries(ballot.marks ?? {})) row[column.get(name)!] = MARK_CODE[mark];
    builder.add({
      marks: row,
      ...(ballot.writeIns ? { writeIns: ballot.writeIns } : {}),
      ...(ballot.count === undefined ? {} : { count: ballot.count }),
      ...(ballot.void === undefined ? {} : { void: ballot.void }),
    });
  }
  return {
    ruleSet: input.ruleSet,
    office: input.office,
    round: input.round,
    seats: input.seats,
    ...(input.alternateSeats === undefined ? {} : { alternateSeats: input.alternateSeats }),
    ...(input.advance === undefined ? {} : { advance: input.advance }),
    ...(afterPreliminary === undefined ? {} : { afterPreliminary }),
    electors: input.electors,
    ballotsIssued: input.ballotsIssued,
    candidates: input.candidates,
    ballots: builder.build(),
    parameters,
  };
}

function checkConsistency(input: TallyInput): void {
  const { electors } = input;
  if (electors.present > electors.expected) {
    throw new InputError(
      'electors.present',
      `${electors.present} is more than electors.expected (${electors.expected})`,
      `实到${electors.present}人，多于应到${electors.expected}人`,
    );
  }
  if (input.ballotsIssued > electors.present) {
    throw new InputError(
      'ballotsIssued',
      `${input.ballotsIssued} ballots issued to ${electors.present} electors present`,
      `发出选票${input.ballotsIssued}张，多于实到${electors.present}人`,
    );
  }
  if (input.round === 'preliminary' && input.advance === undefined) {
    throw new InputError(
      'advance',
      'is required for a preliminary round',
      '预选必须给出产生正式候选人的人数',
    );
  }
  if (input.round !== 'preliminary' && input.advance !== undefined) {
    throw new InputError('advance', 'applies only to a preliminary round', '只有预选才设此项');
  }
  if (input.advance !== undefined && input.advance < input.seats) {
    throw new InputError(
      'advance',
      `must be at least seats (${input.seats})`,
      `不得少于应选名额${input.seats}名`,
    );
  }
  if (input.alternateSeats !== undefined && input.round === 'preliminary') {
    throw new InputError('alternateSeats', 'does not apply to a preliminary round', '预选不设候补名额');
  }
  // [T3][T5] A run-off for the last member seats of a combined ballot: its losers take these alternate seats.
  const losers = input.candidates.length - input.seats;
  if (input.alternateSeats !== undefined && input.round === 'runoff' && input.alternateSeats > losers) {
    throw new InputError(
      'alternateSeats',
      `a run-off among ${input.candidates.length} for ${input.seats} seat(s) leaves at most ${losers} to become alternates`,
      `${input.candidates.length}人竞选${input.seats}个名额的再次投票，至多${Math.max(losers, 0)}人可当选候补委员`,
    );
  }
  const seen = new Set<string>();
  input.candidates.forEach((name, j) => {
    if (seen.has(name)) throw new InputError(`candidates[${j}]`, `${name} appears twice`, `${name}重复`);
    seen.add(name);
  });
  input.ballots.forEach((ballot, i) => {
    for (const name of Object.keys(ballot.marks ?? {})) {
      if (!seen.has(name)) {
        throw new InputError(`ballots[${i}].marks.${name}`, 'not a printed candidate', '不是选票上的候选人');
      }
    }
    const written = new Set<string>();
    (ballot.writeIns ?? []).forEach((name, k) => {
      const field = `ballots[${i}].writeIns[${k}]`;
      if (input.round === 'runoff')
        throw new InputError(
          field,
          'a run-off admits no write-ins [T3]',
          '再次投票只在票数相等的被选举人中进行，不能另选他人',
        );
      if (seen.has(name))
        throw new InputError(
          field,
          `${name} is a printed candidate: mark the name instead`,
          `${name}是选票上的候选人，应在其姓名上方划符号`,
        );
      if (written.has(name))
        throw new InputError(field, `${name} is written in twice on one ballot`, `同一张选票重复另选${name}`);
      written.add(name);
    });
  });
}

/** The field of a name the stroke data cannot order, for an error that points at the input. */
export function fieldOfName(input: unknown, error: UnknownCharacterError): string {
  const data = input as Partial<TallyInput>;
  const index = data.candidates?.indexOf(error.nameText) ?? -1;
  if (index >= 0) return `candidates[${index}]`;
  const ballot = data.ballots?.findIndex((b) => b.writeIns?.includes(error.nameText)) ?? -1;
  if (ballot >= 0) return `ballots[${ballot}].writeIns`;
  return 'candidates';
}

import * as z from 'zod';
import { auditHeadSchema } from './audit.ts';
import { roundKeySharesSchema } from './ballot-keys.ts';
import { congressParams, electionParams, id, instant, personName, roundParams } from './common.ts';
import { endpoint } from './endpoint.ts';
import { quorumVerdictSchema } from './quorum.ts';
import { ADMIN_ROLES, ELECTION_STAFF_ROLES, PRESIDING_DESK_ROLES } from './roles.ts';

// Elections (选举): the election method [P4], the elections of a congress with their candidates
// [C1]–[C4] and officers [P1] [P2], the chain of rounds and their results [T1]–[T8], and the new
// committee's first plenary session [P5]. The rules engine (src/core/rules) computes the verdicts
// and results these views carry; its vocabulary is repeated here as the API states it.

// ---------------------------------------------------------------------------------------------
// Vocabularies

/** What an election fills (glossary: office). */
export const OFFICES = [
  'delegate',
  'committee-member',
  'alternate-member',
  'discipline-member',
  'standing-committee',
  'secretary',
  'deputy-secretary',
  'other',
] as const;
export const officeSchema = z.enum(OFFICES);
export type Office = z.infer<typeof officeSchema>;

export const ROUND_KINDS = ['formal', 'preliminary', 'runoff', 'supplementary'] as const;
/** 正式选举 / 预选 [C4] / 再次投票 [T3] / 另行选举 [T4]. */
export const roundKindSchema = z.enum(ROUND_KINDS);
export type RoundKind = z.infer<typeof roundKindSchema>;

export const BALLOT_MODES = ['paper', 'electronic'] as const;
export const ballotModeSchema = z.enum(BALLOT_MODES);
export type BallotMode = z.infer<typeof ballotModeSchema>;

export const ELECTION_STATUSES = ['preparing', 'in-progress', 'complete'] as const;
export const electionStatusSchema = z.enum(ELECTION_STATUSES);
export type ElectionStatus = z.infer<typeof electionStatusSchema>;

/** 'prepared': list, seats and ballot fixed and printable before the vote (准备选票), not yet opened. */
export const ROUND_STATUSES = ['prepared', 'open', 'closed', 'counted', 'signed-off', 'announced'] as const;
export const roundStatusSchema = z.enum(ROUND_STATUSES);
export type RoundStatus = z.infer<typeof roundStatusSchema>;

/** 总监票人, 副总监票人, 监票人 [P1]; 计票人 [P2]. */
export const OFFICER_ROLES = ['chief-scrutineer', 'deputy-chief-scrutineer', 'scrutineer', 'teller'] as const;
export const officerRoleSchema = z.enum(OFFICER_ROLES);
export type OfficerRole = z.infer<typeof officerRoleSchema>;

export const METHOD_STATUSES = ['draft', 'adopted', 'rejected'] as const;
export const methodStatusSchema = z.enum(METHOD_STATUSES);
export type MethodStatus = z.infer<typeof methodStatusSchema>;

export const OUTCOMES = [
  'no-quorum',
  'invalid-candidacy',
  'void',
  'complete',
  'runoff-required',
  'shortfall',
] as const;
/** How a counted round ended. */
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

/** [T4] Who approved a seat reduction: a majority of the electors, or the presidium. */
export const SEAT_REDUCTION_APPROVERS = ['electors-majority', 'presidium'] as const;
export const seatReductionApproverSchema = z.enum(SEAT_REDUCTION_APPROVERS);

/** [C1]: more candidates than seats, exactly as many, or no constraint (custom bodies). */
export const CANDIDACY_KINDS = ['competitive', 'equal', 'free'] as const;
export const candidacyKindSchema = z.enum(CANDIDACY_KINDS);

/** [B1]: an unreadable mark counts as an abstention, or makes the whole ballot invalid. */
export const UNREADABLE_RULES = ['abstain', 'invalid-ballot'] as const;
export const unreadableRuleSchema = z.enum(UNREADABLE_RULES);

// ---------------------------------------------------------------------------------------------
// The rules engine's verdicts, as the views carry them (its lists are read-only, as in src/core/rules)

/** An exact ratio of integers; "more than p/q of n" is always evaluated as x·q > p·n. */
export const fractionSchema = z.strictObject({ numerator: z.number().int(), denominator: z.number().int() });

/** Every configurable parameter of an election, as in force for it (its rule set and the adopted method). */
export const ruleParametersSchema = z.strictObject({
  /** [Q1]–[Q3]: voting may start only when present > quorumFraction × expected. */
  quorumFraction: fractionSchema,
  /** [T1] counts from the expected electors (应到会), [T2] from those present (实到会). */
  thresholdBase: z.enum(['expected', 'present']),
  /** [T1]/[T2]: elected only with votes for > thresholdFraction × base. */
  thresholdFraction: fractionSchema,
  /** [C1]: more candidates than seats, exactly as many, or no constraint (custom bodies). */
  candidacy: candidacyKindSchema,
  /** [C2]: (candidates − seats) × 100 ≥ minSurplusPercent × seats. */
  minSurplusPercent: z.number().int(),
  /** [C2]: candidates − seats ≥ minSurplusCount (standing committees: at least 1 more). */
  minSurplusCount: z.number().int(),
  /** [B1]: an unreadable mark counts as an abstention, or makes the whole ballot invalid. */
  unreadable: unreadableRuleSchema,
  /** [B1]/[T8]: electors may write in another person (另选他人). */
  writeIns: z.boolean(),
  /** [T3]: whether a run-off winner must also clear the [T1]/[T2] threshold, or more votes suffice. */
  runoffThreshold: z.boolean(),
});
export type RuleParametersView = z.infer<typeof ruleParametersSchema>;

/** A rule with what it says, in English and Chinese. */
export const reasonSchema = z.strictObject({ rule: z.string(), en: z.string(), zh: z.string() });
export type Reason = z.infer<typeof reasonSchema>;

/** [C1]/[C2]/[C4]/[T3] whether a candidate list may be put to a vote. */
export const candidacyVerdictSchema = z.strictObject({
  rule: z.string(),
  ok: z.boolean(),
  candidates: z.number().int(),
  seats: z.number().int(),
  /** The fewest candidates the rule allows for these seats. */
  minimum: z.number().int(),
  /** The most candidates the rule allows (equal elections), or null. */
  maximum: z.number().int().nullable(),
});
export type CandidacyVerdict = z.infer<typeof candidacyVerdictSchema>;

/** [B2] Returned ≤ issued: the round is valid; more returned than issued: void, to be re-run. */
export const roundValiditySchema = z.strictObject({
  rule: z.literal('B2'),
  valid: z.boolean(),
  issued: z.number().int(),
  returned: z.number().int(),
});

/** [T1]/[T2]/[T3] the votes a candidate needs. */
export const thresholdVerdictSchema = z.strictObject({
  rule: z.string(),
  /** The number the votes are compared with: expected electors [T1], present electors [T2]. */
  base: z.number().int(),
  /** The fewest "for" votes that qualify. */
  minimumFor: z.number().int(),
});

/** A candidate's line in a result. */
export const candidateResultSchema = z.strictObject({
  name: z.string(),
  for: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  /** A name written in on the ballots (另选他人), not printed [T8]. */
  writeIn: z.boolean(),
  qualified: z.boolean(),
  elected: z.boolean(),
});
export type CandidateResult = z.infer<typeof candidateResultSchema>;

/** [T3] The candidates tied at the last seat and the seats a run-off among them decides. */
export const runoffSchema = z.strictObject({
  seats: z.number().int(),
  candidates: z.array(z.string()).readonly(),
  /** On a combined ballot [T5], whether the run-off decides member or alternate seats. */
  office: officeSchema.optional(),
});

/** One counted round, as the rules engine decided it (src/core/rules/tally.ts). */
export const roundResultSchema = z.strictObject({
  outcome: outcomeSchema,
  quorum: quorumVerdictSchema,
  candidacy: candidacyVerdictSchema,
  validity: roundValiditySchema,
  ballots: z.strictObject({ returned: z.number().int(), valid: z.number().int(), invalid: z.number().int() }),
  threshold: thresholdVerdictSchema,
  /** Every printed candidate and every name written in on a valid ballot, in tally-sheet order. */
  results: z.array(candidateResultSchema).readonly(),
  /** In published order [T6] [T7]. */
  elected: z.array(z.string()).readonly(),
  /** [T5] On a combined member-and-alternate ballot. */
  electedAlternates: z.array(z.string()).readonly().optional(),
  /** [C4] A preliminary round: who goes forward to the formal round. */
  advancing: z.array(z.string()).readonly().optional(),
  runoff: runoffSchema.nullable(),
  /** Seats still unfilled after this round: a shortfall [T4], or the seats a run-off must decide [T3]. */
  shortfall: z.number().int(),
  alternateShortfall: z.number().int().optional(),
  /** The parameters in force, so the result can be checked by hand. */
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type RoundResult = z.infer<typeof roundResultSchema>;

/** [T4] Seats given up instead of a supplementary round, and who approved it. */
export const seatReductionSchema = z.strictObject({
  seats: z.number().int(),
  approvedBy: seatReductionApproverSchema,
});
export type SeatReduction = z.infer<typeof seatReductionSchema>;

/** What the chain of rounds requires next ([C4], [T3], [T4]). */
export const nextStepSchema = z.discriminatedUnion('step', [
  z.strictObject({
    step: z.literal('round'),
    kind: roundKindSchema,
    seats: z.number().int(),
    advance: z.number().int().optional(),
    /** The exact list the round must have, or 'open' for a list checked by [C1]/[C2]. */
    candidates: z.union([z.literal('open'), z.array(z.string()).readonly()]),
    /** [C4] The formal round's list came from a preliminary round (it may be equal). */
    afterPreliminary: z.boolean(),
    reason: reasonSchema,
  }),
  z.strictObject({
    step: z.literal('decide-shortfall'),
    stage: z.enum(['preliminary', 'election']),
    seats: z.number().int(),
    /** Who may stand in a supplementary round: those who stood before and were not elected. */
    eligible: z.array(z.string()).readonly(),
    reason: reasonSchema,
  }),
  z.strictObject({ step: z.literal('complete'), reason: reasonSchema }),
]);
export type NextStep = z.infer<typeof nextStepSchema>;

// ---------------------------------------------------------------------------------------------
// The election method [P4]

/** Per office, the rules an election method may change (the others are fixed by the regulations). */
export const methodOverridesSchema = z.partialRecord(
  officeSchema,
  z.strictObject({
    minSurplusPercent: z.number().int().min(0).max(1000).optional(),
    minSurplusCount: z.number().int().min(0).max(1000).optional(),
    unreadable: unreadableRuleSchema.optional(),
    writeIns: z.boolean().optional(),
    runoffThreshold: z.boolean().optional(),
  }),
);
export type MethodOverrides = z.infer<typeof methodOverridesSchema>;

/** An election method (选举办法) and the vote that adopted or rejected it. */
export const electionMethodSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  status: methodStatusSchema,
  /** The text of the method, if entered. */
  body: z.string().nullable(),
  overrides: methodOverridesSchema,
  /** The vote on the method; null until it is recorded. */
  votesFor: z.number().int().nullable(),
  votesAgainst: z.number().int().nullable(),
  votesAbstain: z.number().int().nullable(),
  /** [P4] The expected electors the votes for were compared with. */
  expected: z.number().int().nullable(),
  adoptedAt: instant.nullable(),
});
export type ElectionMethod = z.infer<typeof electionMethodSchema>;

// ---------------------------------------------------------------------------------------------
// Elections

/** An election in the congress's list. */
export const electionSummarySchema = z.strictObject({
  id: z.string(),
  office: officeSchema,
  title: z.string(),
  seats: z.number().int(),
  ballotMode: ballotModeSchema,
  status: electionStatusSchema,
  sortOrder: z.number().int(),
  sittingId: z.string().nullable(),
});
export type ElectionSummary = z.infer<typeof electionSummarySchema>;

/** A candidate on the list, in ballot order [C3]. */
export const candidateSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The delegate standing, when the candidate is one. */
  delegateId: z.string().nullable(),
  gender: z.string().nullable(),
  ethnicity: z.string().nullable(),
  position: z.string().nullable(),
  /** [C3] The order approved by the higher committee (standing committee, secretary, deputies). */
  approvedRank: z.number().int().nullable(),
});
export type Candidate = z.infer<typeof candidateSchema>;

/**
 * A scrutineer [P1] or teller [P2] of an election. The public sees the scrutineers' roles and
 * names only (never the tellers); staff also see the id and the delegate and login linked.
 */
export const officerSchema = z.strictObject({
  role: officerRoleSchema,
  name: z.string(),
  /** Staff only. */
  id: z.string().optional(),
  /** Staff only: the delegate serving, when linked. */
  delegateId: z.string().nullable().optional(),
  /** Staff only: the login that signs off the count [P2] or keys ballots, when linked. */
  accountId: z.string().nullable().optional(),
});
export type Officer = z.infer<typeof officerSchema>;

/** A scrutineer's signature under a count [P2]: the officer's role and name, and when. */
export const signatureSchema = z.strictObject({
  role: officerRoleSchema,
  name: z.string(),
  signedAt: instant,
});
export type Signature = z.infer<typeof signatureSchema>;

/** A round of an election; `result` is null until counted, and for the public until announced [P2]. */
export const roundViewSchema = z.strictObject({
  id: z.string(),
  seq: z.number().int(),
  kind: roundKindSchema,
  mode: ballotModeSchema,
  status: roundStatusSchema,
  seats: z.number().int(),
  /** [C4] A preliminary round: how many it puts forward. */
  advance: z.number().int().nullable(),
  /** The printed candidates, in ballot order. */
  candidates: z.array(z.string()),
  /** 应到 / 实到 when the round opened [Q1]–[Q3]; null before. */
  expected: z.number().int().nullable(),
  present: z.number().int().nullable(),
  /** [B2] Ballots issued, recorded when voting closes. */
  ballotsIssued: z.number().int().nullable(),
  openedAt: instant.nullable(),
  closedAt: instant.nullable(),
  announcedAt: instant.nullable(),
  result: roundResultSchema.nullable(),
  /**
   * The audit head right after the close (the closing entry's seq and hash): printed on the tally
   * sheet and shown on the presiding page, it anchors the chain outside the database (issue 13
   * item 14); absent before the close.
   */
  closeAnchor: auditHeadSchema.optional(),
  /** Electronic rounds [B4]: whether the scrutineers' shares have opened the sealed ballots. */
  ballotsOpened: z.boolean().optional(),
  /**
   * Staff only: who signed off the count [P2], as the officers of the election they are (总监票人
   * 王宁), in the order they signed; absent for the public.
   */
  signedOffBy: z.array(signatureSchema).optional(),
});
export type RoundView = z.infer<typeof roundViewSchema>;

/** Where the chain of rounds stands. */
export const chainSchema = z.strictObject({
  stage: z.enum(['preliminary', 'election', 'complete']),
  /** Seats after any recorded reductions. */
  seats: z.number().int(),
  elected: z.array(z.string()).readonly(),
  /** [C4] Put forward by the preliminary round so far. */
  advancing: z.array(z.string()).readonly(),
  reductions: z.array(seatReductionSchema).readonly(),
  next: nextStepSchema,
});

/**
 * An election as the secretariat and the presiding officer see it: the list and its [C1]/[C2]
 * verdict, the officers, every round with its result, and what the chain requires next. The
 * public sees the same without results not yet announced [P2] and without the tellers.
 */
export const electionViewSchema = z.strictObject({
  id: z.string(),
  office: officeSchema,
  title: z.string(),
  seats: z.number().int(),
  ballotMode: ballotModeSchema,
  status: electionStatusSchema,
  sittingId: z.string().nullable(),
  methodId: z.string().nullable(),
  /** [C4] A preliminary round putting forward this many candidates. */
  preliminaryAdvance: z.number().int().nullable(),
  parameters: ruleParametersSchema,
  candidates: z.array(candidateSchema),
  candidacy: candidacyVerdictSchema,
  officers: z.array(officerSchema),
  rounds: z.array(roundViewSchema),
  chain: chainSchema,
});
export type ElectionView = z.infer<typeof electionViewSchema>;

// ---------------------------------------------------------------------------------------------
// Endpoints

const name = personName(40);
const count = z.number().int().min(0).max(1_000_000);
const tag = 'elections';

export const createMethodEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/election-methods',
  tag,
  summary: 'Draft the election method (选举办法) [P4]',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: z.strictObject({
    title: z.string().trim().min(1).max(200),
    body: z.string().max(100_000).optional(),
    overrides: methodOverridesSchema.default({}),
  }),
  response: z.strictObject({ id: z.string() }),
});

export const electionMethodsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/election-methods',
  tag,
  summary: 'The election methods and their adoption votes',
  allow: [...ELECTION_STAFF_ROLES, 'delegate'],
  params: congressParams,
  response: z.array(electionMethodSchema),
});

export const methodTemplateEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/election-methods/template',
  tag,
  summary:
    'A draft election method to start from (选举办法（草案）), from the meeting and its elections: a congress, or a first plenary electing its standing committee (competitive), secretary and deputies (equal) [P4][P5]',
  allow: ADMIN_ROLES,
  params: congressParams,
  response: z.strictObject({ title: z.string(), body: z.string() }),
});

export const recordMethodVoteEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/election-methods/:methodId/vote',
  tag,
  summary:
    'Record the vote on the election method: adopted with more than half of the expected electors [P4]',
  allow: PRESIDING_DESK_ROLES,
  params: z.strictObject({ congressId: id, methodId: id }),
  body: z.strictObject({
    votesFor: count,
    votesAgainst: count,
    votesAbstain: count,
    expected: count.min(1).optional(),
  }),
  response: z.strictObject({
    adopted: z.boolean(),
    /** The fewest votes for that adopt the method. */
    minimumFor: z.number().int(),
    /** The congress's electors with a vote [Q4]. */
    expected: z.number().int(),
  }),
});

export const electionsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/elections',
  tag,
  summary: 'The elections of a congress',
  allow: [...ELECTION_STAFF_ROLES, 'check-in', 'delegate'],
  params: congressParams,
  response: z.array(electionSummarySchema),
});

export const createElectionEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/elections',
  tag,
  summary: 'Create an election (office, seats, paper or electronic ballot)',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: z.strictObject({
    office: officeSchema,
    title: z.string().trim().min(1).max(200),
    seats: z.number().int().min(1).max(1000),
    ballotMode: ballotModeSchema,
    sittingId: id.optional(),
    preliminaryAdvance: z.number().int().min(1).max(2000).optional(),
  }),
  response: z.strictObject({ id: z.string() }),
});

export const setBallotModeEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/elections/:electionId/ballot-mode',
  tag,
  summary: 'Choose paper or electronic ballots, before voting begins',
  allow: ADMIN_ROLES,
  params: electionParams,
  body: z.strictObject({ ballotMode: ballotModeSchema }),
  response: z.strictObject({ ballotMode: ballotModeSchema }),
});

export const resultsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/results',
  tag,
  summary: 'Announced results of every election of a congress (public: only what was announced)',
  allow: 'anyone',
  params: congressParams,
  response: z.strictObject({ elections: z.array(electionViewSchema) }),
});

export const electionEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/elections/:electionId',
  tag,
  summary:
    'An election: list and [C1]/[C2] verdict, officers, rounds and results, the next step of the chain',
  allow: [...ELECTION_STAFF_ROLES, 'check-in', 'delegate', 'public'],
  params: electionParams,
  response: electionViewSchema,
});

export const setCandidatesEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/elections/:electionId/candidates',
  tag,
  summary: 'Set the candidate list; returns the [C1]/[C2] verdict and the ballot order [C3]',
  allow: ADMIN_ROLES,
  params: electionParams,
  body: z.strictObject({
    candidates: z
      .array(
        z.strictObject({
          name,
          delegateId: id.optional(),
          gender: z.string().max(8).optional(),
          ethnicity: z.string().max(16).optional(),
          position: z.string().max(200).optional(),
        }),
      )
      .max(2000),
  }),
  response: z.strictObject({
    /** A list that breaks [C1]/[C2] is kept as a draft but cannot be put to a vote. */
    verdict: candidacyVerdictSchema,
    /** The names as the ballot prints them [C3]. */
    ballotOrder: z.array(z.string()),
  }),
});

export const setOfficersEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/elections/:electionId/officers',
  tag,
  summary: 'Set the chief scrutineer, scrutineers [P1] and tellers [P2]',
  allow: ADMIN_ROLES,
  params: electionParams,
  body: z.strictObject({
    officers: z
      .array(
        z.strictObject({
          role: officerRoleSchema,
          name,
          delegateId: id.optional(),
          accountId: id.optional(),
        }),
      )
      .max(200),
  }),
  response: 'empty',
});

/** A staff login an officer can be linked to: scrutineers sign off with theirs [P2], tellers key with theirs. */
export const staffLoginSchema = z.strictObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** The officer roles it may serve in this congress. */
  roles: z.array(z.enum(['scrutineer', 'teller'])),
});
export type StaffLogin = z.infer<typeof staffLoginSchema>;

export const staffLoginsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/staff-logins',
  tag,
  summary:
    'The scrutineer and teller logins of the congress, for linking each officer to the login they sign off or key with [P2]',
  allow: ADMIN_ROLES,
  params: congressParams,
  response: z.array(staffLoginSchema),
});

export const copyOfficersEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/elections/:electionId/officers/copy',
  tag,
  summary:
    "Copy an election's scrutineers [P1] and tellers [P2] to the meeting's other elections not yet complete (one set for a plenary's three ballots); an election that refuses them keeps its own and is named",
  allow: ADMIN_ROLES,
  params: electionParams,
  response: z.strictObject({
    copiedTo: z.array(z.string()),
    skipped: z.array(
      z.strictObject({
        electionId: z.string(),
        title: z.string(),
        reason: z.strictObject({ en: z.string(), zh: z.string() }),
      }),
    ),
  }),
});

export const openRoundEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/elections/:electionId/rounds',
  tag,
  summary:
    'Open a round: the one the chain requires, with quorum [Q1]–[Q3]; a prepared round opens exactly as prepared',
  allow: PRESIDING_DESK_ROLES,
  params: electionParams,
  body: z.strictObject({
    kind: roundKindSchema,
    seats: z.number().int().min(1).max(1000).optional(),
    advance: z.number().int().min(1).max(2000).optional(),
    candidates: z.array(name).max(2000).optional(),
    sittingId: id.optional(),
  }),
  /**
   * An electronic round also returns its key [B4]: the public key, and each scrutineer's share of
   * the private key, shown this once (to print for its holder) and stored nowhere.
   */
  response: z.strictObject({ roundId: z.string(), key: roundKeySharesSchema.optional() }),
});

export const prepareRoundEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/elections/:electionId/rounds/prepare',
  tag,
  summary:
    'Prepare the next round before the vote (准备选票): kind, seats and list fixed and checked as opening would [C1]–[C4] [T3] [T4], ballots printable; the list and seats cannot change until the preparation is withdrawn',
  allow: ADMIN_ROLES,
  params: electionParams,
  body: z.strictObject({
    kind: roundKindSchema,
    seats: z.number().int().min(1).max(1000).optional(),
    advance: z.number().int().min(1).max(2000).optional(),
    candidates: z.array(name).max(2000).optional(),
  }),
  response: z.strictObject({ roundId: z.string() }),
});

export const withdrawPreparationEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/rounds/:roundId/withdraw-preparation',
  tag,
  summary:
    'Withdraw a prepared round not yet opened (撤销准备): the list and seats may change again; ballots printed for it are void',
  allow: ADMIN_ROLES,
  params: roundParams,
  response: 'empty',
});

export const reduceSeatsEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/elections/:electionId/reduce-seats',
  tag,
  summary: 'Reduce the seats instead of a supplementary round, with who approved it [T4]',
  allow: PRESIDING_DESK_ROLES,
  params: electionParams,
  body: z.strictObject({
    seats: z.number().int().min(1).max(1000),
    approvedBy: seatReductionApproverSchema,
  }),
  response: 'empty',
});

export const closeRoundEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/rounds/:roundId/close',
  tag,
  summary: 'Close voting; for paper ballots, the number issued [B2]',
  allow: PRESIDING_DESK_ROLES,
  params: roundParams,
  body: z.strictObject({ ballotsIssued: count.optional() }),
  response: 'empty',
});

export const countRoundEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/rounds/:roundId/count',
  tag,
  summary: 'Count a closed round with the rules engine',
  allow: ['teller', 'scrutineer', 'admin'],
  params: roundParams,
  response: roundResultSchema,
});

export const signOffRoundEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/rounds/:roundId/sign-off',
  tag,
  summary: 'A scrutineer confirms the count [P2]',
  allow: ['scrutineer'],
  params: roundParams,
  response: 'empty',
});

export const announceRoundEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/rounds/:roundId/announce',
  tag,
  summary: 'Announce a signed-off result [P2]',
  allow: PRESIDING_DESK_ROLES,
  params: roundParams,
  response: roundResultSchema,
});

export const prepareFirstPlenaryEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/first-plenary',
  tag,
  summary: 'Prepare the new committee’s first plenary session [P5]',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: z.strictObject({
    /** The day the plenary meets and where: the notice, its documents and the communiqué name them. */
    startsOn: z.iso.date(),
    venue: z.string().trim().min(1).max(200),
    standingCommitteeSeats: z.number().int().min(1).max(100),
    deputySecretarySeats: z.number().int().min(0).max(10),
    ballotMode: ballotModeSchema,
  }),
  response: z.strictObject({
    /** The plenary session: a congress of kind 'plenary' with its own console. */
    plenaryId: z.string(),
    sittingId: z.string(),
    /** The plenary's elections by office: standing committee, secretary, deputy secretaries. */
    electionIds: z.record(z.string(), z.string()),
  }),
});

export const disciplineFirstPlenaryEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/discipline-first-plenary',
  tag,
  summary: 'Record the discipline commission’s first-plenary result adopted by the plenary [P5]',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: z.strictObject({
    standingMembers: z.array(name).max(50),
    secretary: name,
    deputies: z.array(name).max(10),
  }),
  response: 'empty',
});

import * as z from 'zod';
import { roundKeySharesSchema, roundKeyStatusSchema } from './ballot-keys.ts';
import { bilingualSchema, instant, personName, roundParams } from './common.ts';
import { roundKindSchema, roundStatusSchema, ruleParametersSchema } from './elections.ts';
import { endpoint } from './endpoint.ts';
import { ELECTION_STAFF_ROLES, PRESIDING_DESK_ROLES } from './roles.ts';

// Ballots: electronic voting (电子投票) — the delegate's ballot form, the cast and its receipt
// (a tracker), turnout, the opening of the sealed ballots by the scrutineers' key shares, and the
// board published after the close [B4] — and paper ballots keyed twice (两遍录入):
// the tellers' passes A and B, the scrutineers' comparison and resolutions, ballots issued
// against returned [B2], and how far each teller has keyed.

// ---------------------------------------------------------------------------------------------
// Electronic ballots

/** One choice on a ballot form: F for (赞成), A against (不赞成), - abstain (弃权). */
export const BALLOT_CHOICES = ['F', 'A', '-'] as const;

/** The delegate's ballot form on their own device, and whether they have voted. */
export const ballotFormSchema = z.strictObject({
  roundId: z.string(),
  electionId: z.string(),
  title: z.string(),
  seq: z.number().int(),
  kind: roundKindSchema,
  kindLabel: bilingualSchema,
  status: roundStatusSchema,
  instructions: bilingualSchema,
  /** Printed candidates in ballot order [C3]; `marks` has one character per entry, in this order. */
  candidates: z.array(
    z.strictObject({
      name: z.string(),
      gender: z.string().nullable(),
      ethnicity: z.string().nullable(),
      position: z.string().nullable(),
    }),
  ),
  /** The words for each choice. */
  marks: z.strictObject({ F: bilingualSchema, A: bilingualSchema, '-': bilingualSchema }),
  seats: z.number().int(),
  /** [B3] More "for" marks than this (write-ins included) make the ballot invalid. */
  maxFor: z.number().int(),
  /** [B1] Names that may be written in (0 when the election method allows none). */
  writeInSlots: z.number().int(),
  hasVoted: z.boolean(),
  /** Whether this delegate may cast a ballot now, and if not, why. */
  mayVote: z.boolean(),
  reason: bilingualSchema.optional(),
});
export type BallotForm = z.infer<typeof ballotFormSchema>;

/** For staff: how many of the ballots issued have been cast. */
export const votingProgressSchema = z.strictObject({
  roundId: z.string(),
  status: roundStatusSchema,
  /** Electors present when the vote opened: each was issued a ballot. */
  issued: z.number().int(),
  /** Those who have cast theirs. */
  voted: z.number().int(),
  notYetVoted: z.number().int(),
});
export type VotingProgress = z.infer<typeof votingProgressSchema>;

/** Counts only, for the big screen. */
export const turnoutSchema = votingProgressSchema.omit({ notYetVoted: true });
export type Turnout = z.infer<typeof turnoutSchema>;

/** An elector present at opening who has not voted yet: the name, never anything of a ballot. */
export const notYetVotedSchema = z.strictObject({ name: z.string(), delegation: z.string().nullable() });
export type NotYetVoted = z.infer<typeof notYetVotedSchema>;

export const PUBLISHED_MARKS = ['for', 'against', 'abstain'] as const;
export const publishedMarkSchema = z.enum(PUBLISHED_MARKS);
export type PublishedMark = z.infer<typeof publishedMarkSchema>;

/**
 * One opened ballot of a closed round as published [B4]: what was marked, never who cast it, nor
 * its receipt — nothing pairs an opened ballot with a sealed one, so a receipt proves that a
 * ballot was counted, never how it was marked (a voter cannot show anyone their vote).
 */
export const publishedBallotSchema = z.strictObject({
  /** The stored marks, one character per candidate (F / A / -), for machine recounts. */
  marks: z.string(),
  choices: z.array(
    z.strictObject({
      candidate: z.string(),
      mark: publishedMarkSchema,
      /** 赞成 / 不赞成 / 弃权 */
      label: z.string(),
    }),
  ),
  writeIns: z.array(z.string()),
  /** [B3] false when it carries more "for" marks than seats (then none of its marks count). */
  valid: z.boolean(),
});
export type PublishedBallot = z.infer<typeof publishedBallotSchema>;

/** A ballot as cast: sealed to the round's key, under its tracker (the voter's receipt). */
export const sealedBallotSchema = z.strictObject({
  /** A hash of the ciphertext, K7QH-2M9P-XR4T: the receipt its voter was given. */
  tracker: z.string(),
  /** The sealed box, base64: only the scrutineers' shares together open it. */
  ciphertext: z.string(),
});
export type SealedBallot = z.infer<typeof sealedBallotSchema>;

/** A set of ballots as sealed into the audit chain: how many, and the sha256 of the sorted set. */
export const ballotSetSealSchema = z.strictObject({ ballots: z.number().int(), digest: z.string() });

/**
 * The board of a closed round [B4]: every ballot as cast, sealed, by tracker — each voter finds
 * their receipt there — and, once the scrutineers' shares have opened them, every ballot's content
 * in an order of its own (by content), for anyone to recount. The two lists are never paired.
 */
export const publishedBallotsSchema = z.strictObject({
  roundId: z.string(),
  electionId: z.string(),
  title: z.string(),
  status: roundStatusSchema,
  /** Printed candidates in ballot order. */
  candidates: z.array(z.string()),
  seats: z.number().int(),
  /** [B3] The most "for" marks a valid ballot may carry. */
  maxFor: z.number().int(),
  parameters: ruleParametersSchema,
  /** Every ballot as cast, sealed, sorted by tracker (empty for a round cast before sealing existed). */
  sealed: z.array(sealedBallotSchema),
  /** The sealed set as the closing audit entry records it. */
  sealedSeal: ballotSetSealSchema.nullable(),
  /** Whether the scrutineers' shares have opened the ballots. */
  opened: z.boolean(),
  /** Every opened ballot, sorted by content; empty until opened. */
  ballots: z.array(publishedBallotSchema),
  /** The opened set as the audit entry of the opening records it. */
  openedSeal: ballotSetSealSchema.nullable(),
});
export type PublishedBallots = z.infer<typeof publishedBallotsSchema>;

/** A receipt found on the board: the ballot was received and is counted with the others [B4]. */
export const receiptCheckSchema = z.strictObject({
  /** The receipt as stored (K7QH-2M9P-XR4T). */
  tracker: z.string(),
  onBoard: z.literal(true),
  /** The sealed ballot, whose hash the tracker is: proves inclusion, never the marks. */
  ciphertext: z.string(),
  /** Ballots sealed in the round. */
  sealed: z.number().int(),
});
export type ReceiptCheck = z.infer<typeof receiptCheckSchema>;

// ---------------------------------------------------------------------------------------------
// Paper ballots

/** The two independent passes of double entry. */
export const PASSES = ['A', 'B'] as const;
export const passSchema = z.enum(PASSES);
export type Pass = z.infer<typeof passSchema>;

/** A mark beside one printed name on one ballot [B1]. */
export const MARKS = ['for', 'against', 'abstain', 'unreadable'] as const;
export const markSchema = z.enum(MARKS);

export const WRITE_OUTCOMES = ['created', 'unchanged', 'corrected'] as const;
/** What a keyed entry or a resolution did: written, already there (nothing changed), or corrected. */
export const writeOutcomeSchema = z.enum(WRITE_OUTCOMES);
export type WriteOutcome = z.infer<typeof writeOutcomeSchema>;

/** The longest name written in, and the longest reason for declaring a ballot invalid. */
export const MAX_NAME_LENGTH = 64;
export const MAX_VOID_REASON_LENGTH = 200;

/**
 * What one paper ballot says [B1]: a mark per printed candidate in ballot order, the names
 * written in (canonical: trimmed, NFC, sorted, so the two passes compare exactly), and the
 * scrutineers' reason when the ballot is declared invalid [B3].
 */
export const sheetContentSchema = z.strictObject({
  /** One character per printed candidate, in ballot order: F for, A against, - abstain, ? unreadable. */
  marks: z.string(),
  writeIns: z.array(z.string()),
  voidReason: z.string().nullable(),
});
export type SheetContent = z.infer<typeof sheetContentSchema>;

/** A sheet as one pass keyed it. */
export const paperEntrySchema = sheetContentSchema
  .extend({ pass: passSchema, batchNo: z.number().int(), sheetNo: z.number().int(), enteredAt: instant })
  .strict();
export type PaperEntry = z.infer<typeof paperEntrySchema>;

/** A scrutineer's reading of a disputed sheet: what it counts as. */
export const paperResolutionSchema = sheetContentSchema
  .extend({ batchNo: z.number().int(), sheetNo: z.number().int(), resolvedAt: instant })
  .strict();
export type PaperResolution = z.infer<typeof paperResolutionSchema>;

/** How far double entry has come, counted in sheets. */
export const sheetProgressSchema = z.strictObject({
  /** Distinct sheets keyed in either pass: the ballots returned so far [B2]. */
  sheets: z.number().int(),
  onlyA: z.number().int(),
  onlyB: z.number().int(),
  /** Both passes agree exactly. */
  agreed: z.number().int(),
  /** The passes disagree and a scrutineer has resolved the sheet. */
  resolved: z.number().int(),
  /** The passes disagree and no scrutineer has resolved the sheet yet. */
  unresolved: z.number().int(),
  /** Sheets that count: agreed or resolved. */
  settled: z.number().int(),
});
export type SheetProgress = z.infer<typeof sheetProgressSchema>;

/** A candidate column where the two passes differ. */
export const columnDifferenceSchema = z.strictObject({
  /** 0-based column on the printed ballot. */
  column: z.number().int(),
  candidate: z.string(),
  a: markSchema,
  b: markSchema,
});
export type ColumnDifference = z.infer<typeof columnDifferenceSchema>;

/** A sheet the passes disagree on, both versions side by side. */
export const disagreementSchema = z.strictObject({
  sheetNo: z.number().int(),
  /** Each pass with the user name of the teller who keyed it. */
  a: sheetContentSchema.extend({ enteredBy: z.string(), enteredAt: instant }).strict(),
  b: sheetContentSchema.extend({ enteredBy: z.string(), enteredAt: instant }).strict(),
  /** The candidate columns where the passes differ, named. */
  differingCandidates: z.array(columnDifferenceSchema),
  writeInsDiffer: z.boolean(),
  voidReasonDiffers: z.boolean(),
  /** The scrutineer's reading of the paper, once recorded. */
  resolution: sheetContentSchema.extend({ resolvedBy: z.string(), resolvedAt: instant }).strict().nullable(),
});
export type Disagreement = z.infer<typeof disagreementSchema>;

/** One batch: the sheets keyed in A only, B only, agreeing, and the disagreements. */
export const batchComparisonSchema = z.strictObject({
  batchNo: z.number().int(),
  onlyA: z.array(z.number().int()),
  onlyB: z.array(z.number().int()),
  agreed: z.array(z.number().int()),
  disagreements: z.array(disagreementSchema),
});
export type BatchComparison = z.infer<typeof batchComparisonSchema>;

export const paperComparisonSchema = z.strictObject({
  roundId: z.string(),
  status: roundStatusSchema,
  /** The printed candidates, in ballot order (the columns of the marks). */
  candidates: z.array(z.string()),
  progress: sheetProgressSchema,
  batches: z.array(batchComparisonSchema),
});
export type PaperComparison = z.infer<typeof paperComparisonSchema>;

/** Running totals of the candidates: votes for, against and abstentions. */
const runningTotalSchema = z.strictObject({
  name: z.string(),
  for: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
});

export const paperReconciliationSchema = z.strictObject({
  roundId: z.string(),
  status: roundStatusSchema,
  /**
   * [B2] Ballots issued (recorded when the round is closed; null while voting is open) against
   * ballots returned (distinct sheets keyed in either pass). `valid` is null until issued is known.
   */
  reconciliation: z.strictObject({
    rule: z.literal('B2'),
    issued: z.number().int().nullable(),
    returned: z.number().int(),
    valid: z.boolean().nullable(),
    en: z.string(),
    zh: z.string(),
  }),
  progress: sheetProgressSchema,
  /** Running totals of the sheets that count so far (agreed or resolved): not a result. */
  provisional: z.strictObject({
    provisional: z.literal(true),
    en: z.string(),
    zh: z.string(),
    ballots: z.strictObject({
      counted: z.number().int(),
      valid: z.number().int(),
      invalid: z.number().int(),
    }),
    candidates: z.array(runningTotalSchema),
    writeIns: z.array(z.strictObject({ name: z.string(), for: z.number().int() })),
  }),
});
export type PaperReconciliation = z.infer<typeof paperReconciliationSchema>;

/** How far one teller has keyed one pass: counts only, never what was keyed. */
export const tellerKeyingSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  pass: passSchema,
  /** Sheets keyed in this pass by this teller, per batch, batches in order. */
  batches: z.array(z.strictObject({ batchNo: z.number().int(), sheets: z.number().int() })),
  sheets: z.number().int(),
  lastEnteredAt: instant,
});
export type TellerKeying = z.infer<typeof tellerKeyingSchema>;

export const paperKeyingSchema = z.strictObject({
  roundId: z.string(),
  status: roundStatusSchema,
  tellers: z.array(tellerKeyingSchema),
});
export type PaperKeying = z.infer<typeof paperKeyingSchema>;

export const myPaperEntriesSchema = z.strictObject({
  roundId: z.string(),
  status: roundStatusSchema,
  candidates: z.array(z.string()),
  entries: z.array(paperEntrySchema),
});
export type MyPaperEntries = z.infer<typeof myPaperEntriesSchema>;

// ---------------------------------------------------------------------------------------------
// Endpoints

const ELECTRONIC = '/api/congresses/:congressId/rounds/:roundId/electronic';
const PAPER = '/api/congresses/:congressId/rounds/:roundId/paper';

export const ballotFormEndpoint = endpoint({
  method: 'GET',
  path: `${ELECTRONIC}/ballot`,
  tag: 'electronic-ballots',
  summary:
    'The delegate’s ballot form (candidates in ballot order, seats, write-in slots) and whether they have voted (电子选票)',
  allow: ['delegate'],
  params: roundParams,
  response: ballotFormSchema,
});

export const castBallotEndpoint = endpoint({
  method: 'POST',
  path: `${ELECTRONIC}/cast`,
  tag: 'electronic-ballots',
  summary:
    'Cast the delegate’s own ballot once [Q4] [Q5]; returns the receipt code, shown only now [B4] (投票)',
  allow: ['delegate'],
  params: roundParams,
  body: z.strictObject({
    marks: z.string().max(2000),
    writeIns: z.array(personName(40)).max(200).optional(),
    confirmInvalid: z.boolean().optional(),
  }),
  /**
   * 201. The receipt is the sealed ballot's tracker (a hash of its ciphertext): it shows that the
   * ballot is on the board, never what it says [B4].
   */
  response: z.strictObject({ receipt: z.string() }),
});

export const votingProgressEndpoint = endpoint({
  method: 'GET',
  path: `${ELECTRONIC}/progress`,
  tag: 'electronic-ballots',
  summary: 'Voting progress for staff: ballots issued, cast, not yet cast (投票进度)',
  allow: ELECTION_STAFF_ROLES,
  params: roundParams,
  response: votingProgressSchema,
});

export const turnoutEndpoint = endpoint({
  method: 'GET',
  path: `${ELECTRONIC}/turnout`,
  tag: 'electronic-ballots',
  summary: 'Counts only, for the big screen: ballots issued and cast (已投票人数)',
  allow: 'anyone',
  params: roundParams,
  response: turnoutSchema,
});

export const notYetVotedEndpoint = endpoint({
  method: 'GET',
  path: `${ELECTRONIC}/not-yet-voted`,
  tag: 'electronic-ballots',
  summary: 'Electors present at opening who have not voted yet: names and delegations only (未投票代表)',
  allow: ['admin', 'presiding'],
  params: roundParams,
  response: z.strictObject({ delegates: z.array(notYetVotedSchema) }),
});

export const publishedBallotsEndpoint = endpoint({
  method: 'GET',
  path: `${ELECTRONIC}/ballots`,
  tag: 'electronic-ballots',
  summary:
    'The board of the closed round: sealed ballots by tracker, and the opened ballots by content, never paired, for anyone to recount [B4] (公布选票)',
  allow: 'anyone',
  params: roundParams,
  response: publishedBallotsSchema,
});

export const receiptEndpoint = endpoint({
  method: 'GET',
  path: `${ELECTRONIC}/receipt/:receipt`,
  tag: 'electronic-ballots',
  summary:
    'Whether a receipt (tracker) is on the board of the closed round; never the marks [B4] (核对回执码)',
  allow: 'anyone',
  params: roundParams.extend({ receipt: z.string().min(1).max(40) }),
  response: receiptCheckSchema,
});

export const roundKeyEndpoint = endpoint({
  method: 'GET',
  path: `${ELECTRONIC}/key`,
  tag: 'electronic-ballots',
  summary:
    "The round's key: holders of its shares, how many are needed, which were entered, whether the ballots are opened [B4]",
  allow: ELECTION_STAFF_ROLES,
  params: roundParams,
  response: roundKeyStatusSchema,
});

export const enterKeyShareEndpoint = endpoint({
  method: 'POST',
  path: `${ELECTRONIC}/key-shares`,
  tag: 'electronic-ballots',
  summary:
    'A scrutineer enters a share of the round key after the close (typed or scanned), or several at once; the share that completes the threshold opens the sealed ballots (监票人输入密钥分片) [B4]',
  allow: ['scrutineer'],
  params: roundParams,
  /**
   * Shares entered one request each are held in the memory of the server that took them: behind
   * several server instances, enter the threshold's shares together, from one device.
   */
  body: z.strictObject({ shares: z.array(z.string().min(1).max(200)).min(1).max(20) }),
  response: roundKeyStatusSchema,
});

export const rekeyRoundEndpoint = endpoint({
  method: 'POST',
  path: `${ELECTRONIC}/key`,
  tag: 'electronic-ballots',
  summary:
    'A new key for an open round in which nobody has voted yet (the shares shown at the opening were lost); the old shares stop working [B4]',
  allow: PRESIDING_DESK_ROLES,
  params: roundParams,
  response: roundKeySharesSchema,
});

const position = z.number().int().min(1).max(1_000_000);
const queryPosition = z.coerce.number().int().min(1).max(1_000_000);
const sheet = {
  batchNo: position,
  sheetNo: position,
  /** One character per printed candidate, in ballot order: F for, A against, - abstain, ? unreadable. */
  marks: z.string().max(1000),
  writeIns: z
    .array(personName(MAX_NAME_LENGTH * 2, { allowEmpty: true }))
    .max(100)
    .optional(),
  voidReason: z
    .string()
    .max(MAX_VOID_REASON_LENGTH * 2)
    .nullable()
    .optional(),
  /** Replaces what is held for the sheet (audited with before and after). */
  correct: z.boolean().optional(),
};

export const enterPaperBallotEndpoint = endpoint({
  method: 'POST',
  path: `${PAPER}/entries`,
  tag: 'paper ballots',
  summary:
    'Key one paper ballot in pass A or B (计票人录入选票); the same entry again changes nothing [B1] [P2]',
  allow: ['teller'],
  params: roundParams,
  body: z.strictObject({ pass: passSchema, ...sheet }),
  /** 201 when created, 200 when unchanged or corrected. */
  response: z.strictObject({ outcome: writeOutcomeSchema, entry: paperEntrySchema }),
});

export const myPaperEntriesEndpoint = endpoint({
  method: 'GET',
  path: `${PAPER}/entries`,
  tag: 'paper ballots',
  summary: "The calling teller's own entries, by batch and pass (never the other pass)",
  allow: ['teller'],
  params: roundParams,
  query: z.strictObject({ batchNo: queryPosition.optional(), pass: passSchema.optional() }),
  response: myPaperEntriesSchema,
});

export const paperComparisonEndpoint = endpoint({
  method: 'GET',
  path: `${PAPER}/comparison`,
  tag: 'paper ballots',
  summary:
    'The two passes compared per batch: A only, B only, agreed, and disagreements side by side (两遍录入比对)',
  allow: ['scrutineer', 'admin'],
  params: roundParams,
  query: z.strictObject({ batchNo: queryPosition.optional() }),
  response: paperComparisonSchema,
});

export const resolvePaperSheetEndpoint = endpoint({
  method: 'POST',
  path: `${PAPER}/resolutions`,
  tag: 'paper ballots',
  summary: 'A scrutineer records what a disputed sheet says (监票人裁定) [P2]',
  allow: ['scrutineer'],
  params: roundParams,
  body: z.strictObject(sheet),
  /** 201 when created, 200 when unchanged or corrected. */
  response: z.strictObject({ outcome: writeOutcomeSchema, resolution: paperResolutionSchema }),
});

export const paperReconciliationEndpoint = endpoint({
  method: 'GET',
  path: `${PAPER}/reconciliation`,
  tag: 'paper ballots',
  summary:
    'Ballots issued versus returned [B2], and provisional running totals of the agreed ballots (临时统计)',
  allow: ELECTION_STAFF_ROLES,
  params: roundParams,
  response: paperReconciliationSchema,
});

export const paperKeyingEndpoint = endpoint({
  method: 'GET',
  path: `${PAPER}/keying`,
  tag: 'paper ballots',
  summary:
    'Sheets keyed per teller, pass and batch (录入进度): counts only, never what was keyed, so passes stay independent',
  allow: ELECTION_STAFF_ROLES,
  params: roundParams,
  response: paperKeyingSchema,
});

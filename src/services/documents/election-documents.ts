import type { Kysely } from 'kysely';
import { LIST_DRAFT_ROLES } from '../../contract/documents.ts';
import {
  type BallotDocument,
  buildBallot,
  buildResultList,
  buildTallySheet,
  type ElectedPerson,
  MAX_SHEETS,
  type OfficerRole,
} from '../../core/documents/index.ts';
import { electionThreshold, type Office, type RoundKind } from '../../core/rules/index.ts';
import type { Schema } from '../../persistence/index.ts';
import { type Actor, rolesIn } from '../actor.ts';
import { congressRow } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import { approvedOrderOf } from '../elections/approved-order.ts';
import {
  closeAnchors,
  type ElectionRow,
  electionParameters,
  loadElection,
  loadRound,
  type RoundRow,
  roundCandidates,
  roundResult,
} from '../elections/round-queries.ts';
import { conflict } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { type DocumentFile, type DocumentRenderer, documentFile, storedDay } from './document-file.ts';

// The documents of an election: its paper ballots, the tally sheet of each round, the list of
// those elected. Each loads the rows it needs, builds the document with src/core/documents and
// hands it to the renderer it is given.

export interface BallotSheetsOptions {
  /** How many sheets; defaults to the electors present when the round opened (or, before, all with a vote). */
  readonly sheets?: number;
  /** The first sheet's number (for a reprint); default 1. */
  readonly from?: number;
  /** [B4] A serial number on each sheet (and in its QR code); off by default. */
  readonly serials?: boolean;
}

/** A round of the congress (404 otherwise), its election and the congress. */
async function roundRows(db: Kysely<Schema>, congressId: string, roundId: string) {
  const round = await loadRound(db, congressId, roundId);
  const election = await loadElection(db, congressId, round.election_id);
  return { round, election, congress: await congressRow(db, congressId) };
}

/**
 * [B1][C3] The paper ballots of a round: its printed list in ballot order, the seal area, the QR code
 * naming the round, the ballot type, the layout and the page; serial numbers only when asked for [B4].
 */
export async function ballotSheets(
  context: ServiceContext,
  congressId: string,
  roundId: string,
  options: BallotSheetsOptions,
  render: DocumentRenderer,
): Promise<DocumentFile> {
  const db = context.database.db;
  const { round, election, congress } = await roundRows(db, congressId, roundId);
  let count = options.sheets ?? round.present;
  if (count === undefined || count === null) {
    const electors = await db
      .selectFrom('delegates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('congress_id', '=', congressId)
      .where('voting_rights', '=', 1)
      .executeTakeFirst();
    count = Number(electors?.n ?? 0);
  }
  if (count < 1 || count > MAX_SHEETS) {
    throw new InputError('sheets', `from 1 to ${MAX_SHEETS} sheets`, `张数应为1至${MAX_SHEETS}`);
  }
  const model = ballotOf(congress.title, election, round, {
    sheets: { first: options.from ?? 1, count },
    serials: options.serials === true,
  });
  return documentFile(context, render, model);
}

/**
 * The ballot a round prints, as a model: what the PDF renderer lays out, and what the scanner reads
 * a sheet against (the same model gives the same layout).
 */
export function ballotOf(
  congressTitle: string,
  election: ElectionRow,
  round: RoundRow,
  options: { readonly sheets: { readonly first: number; readonly count: number }; readonly serials: boolean },
): BallotDocument {
  return buildBallot({
    congressTitle,
    electionTitle: election.title,
    office: election.office as Office,
    round: {
      id: round.id,
      seq: round.seq,
      kind: round.kind as RoundKind,
      seats: round.seats,
      advance: round.advance,
    },
    candidates: roundCandidates(round),
    writeInsAllowed: electionParameters(election).writeIns,
    sheets: options.sheets,
    serials: options.serials,
  });
}

/**
 * The tally sheet (计票结果报告单) of a round [B2][B3][T1]–[T4], ready for the scrutineers'
 * signatures [P1][P2]; before the count, the same sheet with blanks to fill in by hand.
 */
export async function tallySheet(
  context: ServiceContext,
  congressId: string,
  roundId: string,
  render: DocumentRenderer,
): Promise<DocumentFile> {
  const db = context.database.db;
  const { round, election, congress } = await roundRows(db, congressId, roundId);
  const officers = await db
    .selectFrom('election_officers')
    .select('role')
    .where('election_id', '=', election.id)
    .execute();
  const model = buildTallySheet({
    congressTitle: congress.title,
    electionTitle: election.title,
    office: election.office as Office,
    round: {
      seq: round.seq,
      kind: round.kind as RoundKind,
      seats: round.seats,
      advance: round.advance,
      expected: round.expected,
      present: round.present,
      issued: round.ballots_issued,
    },
    candidates: roundCandidates(round),
    result: roundResult(round),
    officerRoles: officers.map((o) => o.role as OfficerRole),
    date: storedDay(round.closed_at ?? round.opened_at),
    threshold: blankThreshold(election, round),
    auditAnchor: (await closeAnchors(db, [round.id])).get(round.id) ?? null,
  });
  return documentFile(context, render, model);
}

/**
 * [T1]/[T2] The threshold a blank sheet prints, from the electors recorded when the round opened.
 * None for a run-off [T3] (it depends on the count) or before the round has its electors.
 */
function blankThreshold(election: ElectionRow, round: RoundRow) {
  if (round.result_json || round.kind === 'runoff' || round.expected === null || round.present === null)
    return null;
  const parameters = electionParameters(election);
  return {
    verdict: electionThreshold(parameters, { expected: round.expected, present: round.present }),
    fraction: parameters.thresholdFraction,
  };
}

/**
 * [T6][T7] The list of those elected. Published — anyone may have it — once the election is
 * complete (its last result announced, or its seats reduced [T4]); before that only the
 * secretariat and the presiding officer, as a draft of the results announced so far.
 */
export async function resultList(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  electionId: string,
  options: { readonly annotate: boolean },
  render: DocumentRenderer,
): Promise<DocumentFile> {
  const db = context.database.db;
  const election = await loadElection(db, congressId, electionId);
  const roles = rolesIn(actor, congressId);
  const complete = election.status === 'complete';
  if (!complete && !LIST_DRAFT_ROLES.some((role) => roles.has(role))) {
    throw conflict(
      'not-published',
      'the list is published once the election is complete and its results announced',
      '选举结束并宣布结果后方可公布当选名单',
    );
  }
  const congress = await congressRow(db, congressId);
  const rounds = await db
    .selectFrom('rounds')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('status', '=', 'announced')
    .orderBy('seq')
    .execute();
  // Each announced round's elected in turn: for alternates, the succession order [T6].
  const electedNames: string[] = [];
  for (const round of rounds) {
    const result = roundResult(round);
    if (round.kind === 'preliminary' || !result) continue;
    for (const name of result.elected) if (!electedNames.includes(name)) electedNames.push(name);
  }
  const candidates = await db
    .selectFrom('candidates')
    .select(['name', 'approved_rank', 'gender', 'ethnicity', 'delegate_id'])
    .where('election_id', '=', electionId)
    .execute();
  const delegates = await db
    .selectFrom('delegates')
    .select(['id', 'name', 'gender', 'ethnicity'])
    .where('congress_id', '=', congressId)
    .execute();
  const elected = electedNames.map((name) => electedPerson(name, candidates, delegates));
  const pending = await db
    .selectFrom('term_positions')
    .select('id')
    .where('election_id', '=', electionId)
    .where('reporting_status', '=', 'pending-approval')
    .executeTakeFirst();
  const model = buildResultList({
    congressTitle: congress.title,
    electionTitle: election.title,
    office: election.office as Office,
    elected,
    approvedOrder: await approvedOrderOf(db, election),
    annotate: options.annotate,
    complete,
    announcedOn: storedDay(rounds.at(-1)?.announced_at),
    pendingApproval: pending !== undefined,
  });
  return documentFile(context, render, model);
}

interface PersonRow {
  readonly name: string;
  readonly gender: string | null;
  readonly ethnicity: string | null;
}

/**
 * Gender and ethnicity for the annotations: the candidate's own entry, else the delegate the
 * candidate is (by id, or — for a name written in — the one delegate of that name).
 */
function electedPerson(
  name: string,
  candidates: ReadonlyArray<PersonRow & { delegate_id: string | null }>,
  delegates: ReadonlyArray<PersonRow & { id: string }>,
): ElectedPerson {
  const candidate = candidates.find((c) => c.name === name);
  const byName = delegates.filter((d) => d.name === name);
  const delegate =
    (candidate?.delegate_id ? delegates.find((d) => d.id === candidate.delegate_id) : undefined) ??
    (byName.length === 1 ? byName[0] : undefined);
  return {
    name,
    gender: candidate?.gender ?? delegate?.gender ?? null,
    ethnicity: candidate?.ethnicity ?? delegate?.ethnicity ?? null,
  };
}

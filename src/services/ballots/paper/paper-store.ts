import type { Kysely } from 'kysely';
import type { Pass } from '../../../contract/ballots.ts';
import type { Role } from '../../../persistence/congress-schema.ts';
import type { Schema, WriteTransaction } from '../../../persistence/index.ts';
import { type Actor, rolesIn } from '../../actor.ts';
import { auditedWrite, type Change } from '../../audited-write.ts';
import type { ServiceContext } from '../../context.ts';
import {
  type ElectionRow,
  electionParameters,
  loadElection,
  loadRound,
  type RoundRow,
  roundCandidates,
} from '../../elections/round-queries.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import type { Announcement } from '../../event-types.ts';
import { InputError } from '../../input-error.ts';
import {
  groupSheets,
  type PrintedBallot,
  type Sheet,
  type SheetContent,
  sameContent,
  sheetProgress,
} from './paper-sheet.ts';

// The database side of double entry: the paper round, its sheets, and writes that are idempotent.

export interface PaperRound {
  readonly round: RoundRow;
  readonly election: ElectionRow;
  readonly ballot: PrintedBallot;
}

/** A paper round of this congress (404 for a round of another congress; 409 for an electronic one). */
export async function loadPaperRound(
  db: Kysely<Schema>,
  congressId: string,
  roundId: string,
): Promise<PaperRound> {
  const round = await loadRound(db, congressId, roundId);
  if (round.mode !== 'paper') {
    throw conflict(
      'not-paper-round',
      'this round is voted electronically, not on paper ballots',
      '本轮为电子投票，不使用纸质选票',
    );
  }
  const election = await loadElection(db, congressId, round.election_id);
  return {
    round,
    election,
    ballot: { candidates: roundCandidates(round), writeInsAllowed: electionParameters(election).writeIns },
  };
}

/** Tellers keep keying after voting closes; once the round is counted its ballots are fixed. */
export function requireKeying(round: RoundRow): void {
  if (round.status !== 'open' && round.status !== 'closed') {
    throw conflict(
      'round-counted',
      `the round is ${round.status}: its paper ballots can no longer be changed`,
      '本轮已计票，纸质选票不能再录入或更改',
    );
  }
}

/** The staff account behind the request, holding `role` in the congress, or 403. */
export function accountWithRole(
  actor: Actor,
  congressId: string,
  role: Role,
  zh: string,
): Extract<Actor, { kind: 'account' }> {
  if (actor.kind !== 'account' || !rolesIn(actor, congressId).has(role)) {
    throw forbidden(`only a ${role} of this congress may do this`, `只有本次大会的${zh}可以进行此操作`);
  }
  return actor;
}

export function contentOf(row: {
  marks: string;
  write_ins_json: string | null;
  void_reason: string | null;
}): SheetContent {
  return {
    marks: row.marks,
    writeIns: row.write_ins_json ? (JSON.parse(row.write_ins_json) as string[]) : [],
    voidReason: row.void_reason,
  };
}

export function contentColumns(content: SheetContent): {
  marks: string;
  write_ins_json: string | null;
  void_reason: string | null;
} {
  return {
    marks: content.marks,
    write_ins_json: content.writeIns.length > 0 ? JSON.stringify(content.writeIns) : null,
    void_reason: content.voidReason,
  };
}

/** Every keyed sheet of a round with its entries and resolution. */
export async function loadSheets(db: Kysely<Schema>, roundId: string): Promise<Sheet[]> {
  const [entries, resolutions] = await Promise.all([
    db.selectFrom('paper_entries').selectAll().where('round_id', '=', roundId).execute(),
    db.selectFrom('paper_resolutions').selectAll().where('round_id', '=', roundId).execute(),
  ]);
  return groupSheets(
    entries.map((row) => ({
      id: row.id,
      pass: row.pass as Pass,
      batchNo: row.batch_no,
      sheetNo: row.sheet_no,
      content: contentOf(row),
      enteredBy: row.entered_by,
      enteredAt: row.entered_at,
    })),
    resolutions.map((row) => ({
      id: row.id,
      batchNo: row.batch_no,
      sheetNo: row.sheet_no,
      content: contentOf(row),
      resolvedBy: row.resolved_by,
      resolvedAt: row.resolved_at,
    })),
  );
}

/** Thrown inside a write to leave without writing (nor auditing) anything: an identical retry. */
class Unchanged extends Error {
  constructor(readonly value: unknown) {
    super('unchanged');
  }
}

/** Ends a write without changing anything: the transaction rolls back and `value` is returned. */
export function unchanged<T>(value: T): never {
  throw new Unchanged(value);
}

/**
 * auditedWrite, except that `fn` may call unchanged(value): then nothing is written, not even an
 * audit entry, and the caller gets `{ value, changed: false }`.
 */
export async function writeUnlessUnchanged<T>(
  context: ServiceContext,
  actor: Actor,
  fn: (trx: WriteTransaction, at: string) => Promise<Change<T>>,
): Promise<{ value: T; changed: boolean }> {
  try {
    return { value: await auditedWrite(context, actor, fn), changed: true };
  } catch (error) {
    if (error instanceof Unchanged) return { value: error.value as T, changed: false };
    throw error;
  }
}

/**
 * Live progress for the tellers' and scrutineers' screens, announced by each write that changes
 * it (Change.events) and read inside that write, so that it includes it: sheets entered, sheets
 * that count (agreed or resolved), disagreements still unresolved.
 */
export async function progressEvent(
  trx: WriteTransaction,
  congressId: string,
  roundId: string,
): Promise<Announcement> {
  const progress = sheetProgress(await loadSheets(trx, roundId));
  return {
    type: 'voting',
    congressId,
    data: { roundId, entered: progress.sheets, agreed: progress.settled, disagreements: progress.unresolved },
  };
}

/** A sheet's place in the round: batch and sheet numbers are whole numbers from 1. */
export function checkSheetPosition(input: { readonly batchNo: number; readonly sheetNo: number }): void {
  for (const field of ['batchNo', 'sheetNo'] as const) {
    const value = input[field];
    if (!Number.isSafeInteger(value) || value < 1)
      throw new InputError(field, 'must be a whole number from 1', '应为从1开始的整数');
  }
}

/**
 * What to do with keyed content for a key that may already hold some: insert it, leave it (the
 * same content again: a retried request), or replace it, which needs an explicit correction.
 */
export function writeDecision(
  existing: SheetContent | undefined,
  content: SheetContent,
  correct: boolean,
  what: { readonly en: string; readonly zh: string },
): 'insert' | 'same' | 'replace' {
  if (!existing) {
    if (correct) throw notFound(`${what.en} to correct`, `要更正的${what.zh}`);
    return 'insert';
  }
  if (sameContent(existing, content)) return 'same';
  if (!correct) {
    throw conflict(
      'already-keyed',
      `${what.en} already holds different content; send correct: true to replace it`,
      `${what.zh}已录入不同的内容；如需更正，请明确标为更正`,
    );
  }
  return 'replace';
}

import { inReadTransaction } from '../../../adapters/db/index.ts';
import { checkRoundValidity, countBallots, maxForMarks, sortByStrokes } from '../../../core/rules/index.ts';
import { type Actor, rolesIn } from '../../actor.ts';
import type { ServiceContext } from '../../context.ts';
import { electionParameters } from '../../elections/round-queries.ts';
import { forbidden } from '../../errors.ts';
import { ballotBoxOf } from './paper-ballot-source.ts';
import type { PaperEntryView } from './paper-entry.ts';
import {
  type ColumnDifference,
  differences,
  type KeyedEntry,
  type Pass,
  type Resolution,
  type SheetContent,
  type SheetProgress,
  settledContent,
  sheetProgress,
  sheetState,
} from './paper-sheet.ts';
import { accountWithRole, loadPaperRound, loadSheets } from './paper-store.ts';

/**
 * A teller's own entries: only what this account keyed, so a teller never sees the other pass
 * (double entry stays independent).
 */
export async function myPaperEntries(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  filter: { readonly batchNo?: number | undefined; readonly pass?: Pass | undefined },
): Promise<{ roundId: string; status: string; candidates: string[]; entries: PaperEntryView[] }> {
  const teller = accountWithRole(actor, congressId, 'teller', '计票人');
  return inReadTransaction(context.database, async (db) => {
    const { round, ballot } = await loadPaperRound(db, congressId, roundId);
    let query = db
      .selectFrom('paper_entries')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('entered_by', '=', teller.accountId);
    if (filter.batchNo !== undefined) query = query.where('batch_no', '=', filter.batchNo);
    if (filter.pass !== undefined) query = query.where('pass', '=', filter.pass);
    const rows = await query.orderBy('batch_no').orderBy('pass').orderBy('sheet_no').execute();
    return {
      roundId,
      status: round.status,
      candidates: [...ballot.candidates],
      entries: rows.map((row) => ({
        pass: row.pass,
        batchNo: row.batch_no,
        sheetNo: row.sheet_no,
        marks: row.marks,
        writeIns: row.write_ins_json ? (JSON.parse(row.write_ins_json) as string[]) : [],
        voidReason: row.void_reason,
        enteredAt: row.entered_at,
      })),
    };
  });
}

interface PassView extends SheetContent {
  readonly enteredBy: string;
  readonly enteredAt: string;
}

interface ResolutionView extends SheetContent {
  readonly resolvedBy: string;
  readonly resolvedAt: string;
}

export interface Disagreement {
  readonly sheetNo: number;
  readonly a: PassView;
  readonly b: PassView;
  /** The candidate columns where the passes differ, named. */
  readonly differingCandidates: readonly ColumnDifference[];
  readonly writeInsDiffer: boolean;
  readonly voidReasonDiffers: boolean;
  /** The scrutineer's reading of the paper, once recorded. */
  readonly resolution: ResolutionView | null;
}

export interface BatchComparison {
  readonly batchNo: number;
  readonly onlyA: number[];
  readonly onlyB: number[];
  readonly agreed: number[];
  readonly disagreements: Disagreement[];
}

/**
 * For the scrutineers: per batch, the sheets keyed in A only, B only, agreeing, and each
 * disagreement with both versions side by side and the differing candidate columns named.
 */
export async function paperComparison(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  filter: { readonly batchNo?: number | undefined },
): Promise<{
  roundId: string;
  status: string;
  candidates: string[];
  progress: SheetProgress;
  batches: BatchComparison[];
}> {
  const roles = rolesIn(actor, congressId);
  if (!roles.has('scrutineer') && !roles.has('admin')) {
    throw forbidden('only scrutineers compare the two passes', '只有监票人可以查看两遍录入的比对');
  }
  return inReadTransaction(context.database, async (db) => {
    const { round, ballot } = await loadPaperRound(db, congressId, roundId);
    const sheets = await loadSheets(db, roundId);
    const accounts = new Set<string>();
    for (const sheet of sheets)
      for (const keyed of [sheet.a, sheet.b, sheet.resolution]) if (keyed) accounts.add(by(keyed));
    const names = new Map(
      accounts.size === 0
        ? []
        : (
            await db
              .selectFrom('accounts')
              .select(['id', 'username'])
              .where('id', 'in', [...accounts])
              .execute()
          ).map((a) => [a.id, a.username]),
    );
    const nameOf = (id: string) => names.get(id) ?? id;
    const batches = new Map<number, BatchComparison>();
    for (const sheet of sheets) {
      const filtered = filter.batchNo !== undefined && sheet.batchNo !== filter.batchNo;
      if (filtered) continue;
      let batch = batches.get(sheet.batchNo);
      if (!batch) {
        batch = { batchNo: sheet.batchNo, onlyA: [], onlyB: [], agreed: [], disagreements: [] };
        batches.set(sheet.batchNo, batch);
      }
      const state = sheetState(sheet);
      if (state === 'only-a') batch.onlyA.push(sheet.sheetNo);
      else if (state === 'only-b') batch.onlyB.push(sheet.sheetNo);
      else if (state === 'agreed') batch.agreed.push(sheet.sheetNo);
      else {
        const a = sheet.a!;
        const b = sheet.b!;
        const diff = differences(a.content, b.content, ballot.candidates);
        batch.disagreements.push({
          sheetNo: sheet.sheetNo,
          a: passView(a, nameOf),
          b: passView(b, nameOf),
          differingCandidates: diff.columns,
          writeInsDiffer: diff.writeIns,
          voidReasonDiffers: diff.voidReason,
          resolution: sheet.resolution ? resolutionView(sheet.resolution, nameOf) : null,
        });
      }
    }
    return {
      roundId,
      status: round.status,
      candidates: [...ballot.candidates],
      progress: sheetProgress(sheets),
      batches: [...batches.values()],
    };
  });
}

function by(keyed: KeyedEntry | Resolution): string {
  return 'enteredBy' in keyed ? keyed.enteredBy : keyed.resolvedBy;
}

function passView(entry: KeyedEntry, nameOf: (id: string) => string): PassView {
  return { ...entry.content, enteredBy: nameOf(entry.enteredBy), enteredAt: entry.enteredAt };
}

function resolutionView(resolution: Resolution, nameOf: (id: string) => string): ResolutionView {
  return {
    ...resolution.content,
    resolvedBy: nameOf(resolution.resolvedBy),
    resolvedAt: resolution.resolvedAt,
  };
}

export interface PaperReconciliation {
  readonly roundId: string;
  readonly status: string;
  /**
   * [B2] Ballots issued (recorded when the round is closed; null while voting is open) against
   * ballots returned (distinct sheets keyed in either pass). `valid` is null until issued is known.
   */
  readonly reconciliation: {
    readonly rule: 'B2';
    readonly issued: number | null;
    readonly returned: number;
    readonly valid: boolean | null;
    readonly en: string;
    readonly zh: string;
  };
  readonly progress: SheetProgress;
  /** Running totals of the sheets that count so far (agreed or resolved): not a result. */
  readonly provisional: {
    readonly provisional: true;
    readonly en: string;
    readonly zh: string;
    readonly ballots: { readonly counted: number; readonly valid: number; readonly invalid: number };
    readonly candidates: ReadonlyArray<{ name: string; for: number; against: number; abstain: number }>;
    readonly writeIns: ReadonlyArray<{ name: string; for: number }>;
  };
}

/**
 * [B2] Issued versus returned with the verdict, and the provisional running totals of the agreed
 * and resolved sheets, counted by the rules engine ([B1], [B3]) for the tellers' screen.
 */
export async function paperReconciliation(
  context: ServiceContext,
  congressId: string,
  roundId: string,
): Promise<PaperReconciliation> {
  return inReadTransaction(context.database, async (db) => {
    const { round, election, ballot } = await loadPaperRound(db, congressId, roundId);
    const sheets = await loadSheets(db, roundId);
    const progress = sheetProgress(sheets);
    const issued = round.ballots_issued;
    const returned = progress.sheets;
    const verdict = issued === null ? null : checkRoundValidity(issued, returned);
    const text =
      verdict === null
        ? {
            en: `${returned} ballot(s) returned; the number issued is recorded when voting closes`,
            zh: `已收回选票${returned}张；发出选票数在投票结束时登记`,
          }
        : verdict.valid
          ? {
              en: `${issued} issued, ${returned} returned: the round is valid`,
              zh: `发出选票${issued}张，收回${returned}张，选举有效`,
            }
          : {
              en: `${issued} issued, ${returned} returned: more returned than issued, the round is void and must be re-run`,
              zh: `发出选票${issued}张，收回${returned}张，收回多于发出，选举无效，应重新进行选举`,
            };

    const contents = sheets.map(settledContent).filter((c): c is SheetContent => c !== undefined);
    const box = ballotBoxOf(ballot.candidates, contents);
    const count = countBallots(
      box,
      maxForMarks({
        round: round.kind,
        seats: round.seats,
        ...(round.advance ? { advance: round.advance } : {}),
      }),
      electionParameters(election),
    );
    return {
      roundId,
      status: round.status,
      reconciliation: { rule: 'B2', issued, returned, valid: verdict?.valid ?? null, ...text },
      progress,
      provisional: {
        provisional: true,
        en: `provisional: ${contents.length} of ${returned} sheet(s) agreed or resolved so far; not a result`,
        zh: `临时统计：目前${returned}张选票中已核对一致或裁定的${contents.length}张，不是计票结果`,
        ballots: { counted: count.returned, valid: count.valid, invalid: count.invalid },
        candidates: ballot.candidates.map((name, j) => ({
          name,
          for: count.forVotes[j]!,
          against: count.againstVotes[j]!,
          abstain: count.abstainVotes[j]!,
        })),
        writeIns: sortByStrokes(box.writeInNames)
          .map((name) => ({ name, for: count.writeInVotes[box.writeInNames.indexOf(name)]! }))
          .filter((w) => w.for > 0),
      },
    };
  });
}

import type {
  BatchComparison,
  Disagreement,
  MyPaperEntries,
  PaperComparison,
  PaperReconciliation,
  Pass,
  SheetContent,
} from '../../../contract/ballots.ts';
import { checkRoundValidity, countBallots, maxForMarks, sortByStrokes } from '../../../core/rules/index.ts';
import { inReadTransaction } from '../../../persistence/index.ts';
import { type Actor, rolesIn } from '../../actor.ts';
import type { ServiceContext } from '../../context.ts';
import { electionParameters } from '../../elections/round-queries.ts';
import { forbidden } from '../../errors.ts';
import { scannedBallots } from '../scanned/scanned-ballots.ts';
import { ballotBoxOf } from './paper-ballot-source.ts';
import {
  differences,
  type KeyedEntry,
  type Resolution,
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
): Promise<MyPaperEntries> {
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

type PassView = Disagreement['a'];
type ResolutionView = NonNullable<Disagreement['resolution']>;

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
): Promise<PaperComparison> {
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
    // People, not logins: the officer of this election the login is linked to (the scrutineer
    // who resolved, the teller who keyed), else the account's display name.
    const names = new Map<string, string>();
    if (accounts.size > 0) {
      const logins = await db
        .selectFrom('accounts')
        .select(['id', 'display_name'])
        .where('id', 'in', [...accounts])
        .execute();
      for (const a of logins) names.set(a.id, a.display_name);
      const officers = await db
        .selectFrom('election_officers')
        .select(['account_id', 'name', 'role'])
        .where('election_id', '=', round.election_id)
        .where('account_id', 'in', [...accounts])
        .execute();
      // A scrutineer's name wins over a teller's when one login holds both.
      for (const o of [...officers].sort((a, b) => Number(a.role !== 'teller') - Number(b.role !== 'teller')))
        if (o.account_id) names.set(o.account_id, o.name);
    }
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
          differingCandidates: [...diff.columns],
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

/**
 * [B2] Issued versus returned with the verdict, and the provisional running totals of the agreed
 * and resolved sheets, counted by the rules engine ([B1], [B3]) for the tellers' screen. Sheets read
 * by scanner are returned ballots too, and count once their reviewed boxes are settled.
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
    // Keyed sheets and sheets read by scanner (not set aside) are the ballots returned.
    const scanned = await scannedBallots(db, roundId);
    const returned = progress.sheets + scanned.returned;
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

    const contents = [
      ...sheets.map(settledContent).filter((c): c is SheetContent => c !== undefined),
      ...scanned.contents,
    ];
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

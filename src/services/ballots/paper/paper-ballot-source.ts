import type { Kysely } from 'kysely';
import { type BallotBox, BallotBoxBuilder } from '../../../core/rules/index.ts';
import type { Schema } from '../../../persistence/index.ts';
import type { BallotSource } from '../../elections/ballot-source.ts';
import { checkMarks, markCodes } from '../../elections/marks-codec.ts';
import { type RoundRow, roundCandidates } from '../../elections/round-queries.ts';
import { conflict } from '../../errors.ts';
import { requireScansSettled, scannedBallots } from '../scanned/scanned-ballots.ts';
import { type SheetContent, settledContent, sheetProgress } from './paper-sheet.ts';
import { loadSheets } from './paper-store.ts';

/**
 * The ballots as the rules engine reads them, columns in the round's printed order
 * (candidates_json). [B4] A record carries the paper's marks, names written in and void reason:
 * no batch, sheet, teller or time.
 */
export function ballotBoxOf(candidates: readonly string[], contents: readonly SheetContent[]): BallotBox {
  const builder = new BallotBoxBuilder(candidates.length, Math.max(1, contents.length));
  for (const content of contents) {
    builder.add({
      marks: markCodes(checkMarks(content.marks, candidates.length)),
      writeIns: content.writeIns,
      ...(content.voidReason === null ? {} : { void: content.voidReason }),
    });
  }
  return builder.build();
}

/**
 * Paper ballots with double entry: a sheet counts when pass A and pass B agree exactly (marks,
 * write-ins, void reason) or a scrutineer has resolved it. Refuses while voting is still open, or
 * while any sheet is keyed in one pass only or its passes disagree without a resolution. Sheets read
 * by scanner (src/services/ballots/scanned) count too, once their reviewed boxes are settled and
 * every rejected sheet is set aside.
 */
export const paperBallotSource: BallotSource = {
  async ballotBox(trx: Kysely<Schema>, round: RoundRow): Promise<BallotBox> {
    if (round.status === 'open')
      throw conflict('round-not-closed', 'close the round before counting', '请先结束投票再计票');
    const sheets = await loadSheets(trx, round.id);
    const progress = sheetProgress(sheets);
    const single = progress.onlyA + progress.onlyB;
    if (single > 0 || progress.unresolved > 0) {
      throw conflict(
        'paper-entry-unsettled',
        `the paper ballots cannot be counted yet: ${single} sheet(s) keyed in one pass only ` +
          `(A only ${progress.onlyA}, B only ${progress.onlyB}), ${progress.unresolved} disagreement(s) not resolved by a scrutineer`,
        `纸质选票尚不能计票：${single}张选票只录入了一遍（仅A遍${progress.onlyA}张，仅B遍${progress.onlyB}张），` +
          `${progress.unresolved}张选票两遍录入不一致且监票人尚未裁定`,
      );
    }
    // The sheets read by scanner count with the keyed ones, once every box of theirs is settled.
    const scanned = await scannedBallots(trx, round.id);
    requireScansSettled(scanned);
    return ballotBoxOf(roundCandidates(round), [
      ...sheets.map((sheet) => settledContent(sheet)!),
      ...scanned.contents,
    ]);
  },
};

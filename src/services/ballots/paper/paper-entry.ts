import { PASSES, type PaperEntry, type Pass, type WriteOutcome } from '../../../contract/ballots.ts';
import type { Actor } from '../../actor.ts';
import type { ServiceContext } from '../../context.ts';
import { conflict } from '../../errors.ts';
import { InputError } from '../../input-error.ts';
import { checkSheet, type SheetInput } from './paper-sheet.ts';
import {
  accountWithRole,
  checkSheetPosition,
  contentColumns,
  contentOf,
  loadPaperRound,
  progressEvent,
  requireKeying,
  unchanged,
  writeDecision,
  writeUnlessUnchanged,
} from './paper-store.ts';

export interface PaperEntryInput extends SheetInput {
  readonly pass: Pass;
  readonly batchNo: number;
  readonly sheetNo: number;
  /** Replaces what this pass holds for the sheet (audited with before and after). */
  readonly correct?: boolean | undefined;
}

/**
 * [P2] A teller keys one paper ballot in one pass of double entry. Only while the round is open or
 * closed (tellers keep keying after voting closes), only for a paper round, only by a teller of
 * the congress, and never both passes of one batch by the same account (the passes are
 * independent). The same content again returns the existing entry and changes nothing; different
 * content for a keyed sheet is refused unless it is an explicit correction.
 */
export async function enterPaperBallot(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  input: PaperEntryInput,
): Promise<{ outcome: WriteOutcome; entry: PaperEntry }> {
  const teller = accountWithRole(actor, congressId, 'teller', '计票人');
  if (!PASSES.includes(input.pass)) throw new InputError('pass', 'must be A or B', '应为A或B');
  checkSheetPosition(input);
  const { pass, batchNo, sheetNo } = input;
  const { value } = await writeUnlessUnchanged<{ outcome: WriteOutcome; entry: PaperEntry }>(
    context,
    actor,
    async (trx, at) => {
      const { round, ballot } = await loadPaperRound(trx, congressId, roundId);
      requireKeying(round);
      const content = checkSheet(input, ballot);
      const other: Pass = pass === 'A' ? 'B' : 'A';
      const keyedOther = await trx
        .selectFrom('paper_entries')
        .select('id')
        .where('round_id', '=', roundId)
        .where('batch_no', '=', batchNo)
        .where('pass', '=', other)
        .where('entered_by', '=', teller.accountId)
        .executeTakeFirst();
      if (keyedOther) {
        throw conflict(
          'entry-not-independent',
          `you keyed pass ${other} of batch ${batchNo}: pass ${pass} must be keyed by another teller`,
          `您已录入第${batchNo}批选票的${other}遍，${pass}遍须由另一名计票人独立录入`,
        );
      }
      const row = await trx
        .selectFrom('paper_entries')
        .selectAll()
        .where('round_id', '=', roundId)
        .where('pass', '=', pass)
        .where('batch_no', '=', batchNo)
        .where('sheet_no', '=', sheetNo)
        .executeTakeFirst();
      const before = row ? contentOf(row) : undefined;
      const what = {
        en: `sheet ${sheetNo} of batch ${batchNo}, pass ${pass}`,
        zh: `第${batchNo}批第${sheetNo}张选票的${pass}遍录入`,
      };
      const decision = writeDecision(before, content, input.correct === true, what);
      if (decision === 'same')
        return unchanged({
          outcome: 'unchanged',
          entry: { pass, batchNo, sheetNo, ...before!, enteredAt: row!.entered_at },
        });
      if (decision === 'insert') {
        await trx
          .insertInto('paper_entries')
          .values({
            id: context.random.id(),
            round_id: roundId,
            pass,
            batch_no: batchNo,
            sheet_no: sheetNo,
            ...contentColumns(content),
            entered_by: teller.accountId,
            entered_at: at,
          })
          .execute();
      } else {
        await trx
          .updateTable('paper_entries')
          .set({ ...contentColumns(content), entered_by: teller.accountId, entered_at: at })
          .where('id', '=', row!.id)
          .execute();
      }
      const outcome: WriteOutcome = decision === 'insert' ? 'created' : 'corrected';
      return {
        result: { outcome, entry: { pass, batchNo, sheetNo, ...content, enteredAt: at } },
        audit: {
          action: decision === 'insert' ? 'paper.enter' : 'paper.correct',
          subject: `round:${roundId}`,
          ...(before && decision === 'replace'
            ? { before: { pass, batchNo, sheetNo, ...before, enteredBy: row!.entered_by } }
            : {}),
          after: { pass, batchNo, sheetNo, ...content },
        },
        events: [await progressEvent(trx, congressId, roundId)],
      };
    },
  );
  return value;
}

import type { PaperResolution, WriteOutcome } from '../../../contract/ballots.ts';
import type { Actor } from '../../actor.ts';
import type { ServiceContext } from '../../context.ts';
import { conflict } from '../../errors.ts';
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

export interface PaperResolutionInput extends SheetInput {
  readonly batchNo: number;
  readonly sheetNo: number;
  /** Replaces an earlier resolution of the sheet (audited with before and after). */
  readonly correct?: boolean | undefined;
}

/**
 * [P2] A scrutineer looks at the paper and records what it says; the resolution is what the sheet
 * counts as. Only for a sheet keyed in both passes, by a scrutineer of the congress who keyed
 * neither pass of it, before the round is counted. The same resolution again changes nothing; a
 * different one replaces it only as an explicit correction.
 */
export async function resolvePaperSheet(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  input: PaperResolutionInput,
): Promise<{ outcome: WriteOutcome; resolution: PaperResolution }> {
  const scrutineer = accountWithRole(actor, congressId, 'scrutineer', '监票人');
  checkSheetPosition(input);
  const { batchNo, sheetNo } = input;
  const { value } = await writeUnlessUnchanged<{
    outcome: WriteOutcome;
    resolution: PaperResolution;
  }>(context, actor, async (trx, at) => {
    const { round, ballot } = await loadPaperRound(trx, congressId, roundId);
    requireKeying(round);
    const content = checkSheet(input, ballot);
    const entries = await trx
      .selectFrom('paper_entries')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('batch_no', '=', batchNo)
      .where('sheet_no', '=', sheetNo)
      .orderBy('pass')
      .execute();
    if (entries.length < 2) {
      const keyed = entries.map((e) => e.pass).join('') || '-';
      throw conflict(
        'sheet-not-double-keyed',
        `sheet ${sheetNo} of batch ${batchNo} must be keyed in both passes before it is resolved (keyed: ${keyed})`,
        `第${batchNo}批第${sheetNo}张选票须两遍均录入后方可裁定（已录入：${keyed}）`,
      );
    }
    if (entries.some((e) => e.entered_by === scrutineer.accountId)) {
      throw conflict(
        'resolution-not-independent',
        'you keyed this sheet: another scrutineer must resolve it',
        '您录入过这张选票，应由其他监票人裁定',
      );
    }
    const row = await trx
      .selectFrom('paper_resolutions')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('batch_no', '=', batchNo)
      .where('sheet_no', '=', sheetNo)
      .executeTakeFirst();
    const earlier = row ? contentOf(row) : undefined;
    const what = {
      en: `the resolution of sheet ${sheetNo} of batch ${batchNo}`,
      zh: `第${batchNo}批第${sheetNo}张选票的裁定`,
    };
    const decision = writeDecision(earlier, content, input.correct === true, what);
    if (decision === 'same') {
      return unchanged({
        outcome: 'unchanged',
        resolution: { batchNo, sheetNo, ...earlier!, resolvedAt: row!.resolved_at },
      });
    }
    if (decision === 'insert') {
      await trx
        .insertInto('paper_resolutions')
        .values({
          id: context.random.id(),
          round_id: roundId,
          batch_no: batchNo,
          sheet_no: sheetNo,
          ...contentColumns(content),
          resolved_by: scrutineer.accountId,
          resolved_at: at,
        })
        .execute();
    } else {
      await trx
        .updateTable('paper_resolutions')
        .set({ ...contentColumns(content), resolved_by: scrutineer.accountId, resolved_at: at })
        .where('id', '=', row!.id)
        .execute();
    }
    const passes = Object.fromEntries(entries.map((e) => [e.pass, contentOf(e)]));
    return {
      result: {
        outcome: decision === 'insert' ? 'created' : 'corrected',
        resolution: { batchNo, sheetNo, ...content, resolvedAt: at },
      },
      audit: {
        action: decision === 'insert' ? 'paper.resolve' : 'paper.resolve-correct',
        subject: `round:${roundId}`,
        before:
          decision === 'insert'
            ? { batchNo, sheetNo, passes }
            : { batchNo, sheetNo, passes, resolution: earlier, resolvedBy: row!.resolved_by },
        after: { batchNo, sheetNo, ...content },
      },
      events: [await progressEvent(trx, congressId, roundId)],
    };
  });
  return value;
}

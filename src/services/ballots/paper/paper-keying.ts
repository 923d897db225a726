import type { PaperKeying, TellerKeying } from '../../../contract/ballots.ts';
import { inReadTransaction } from '../../../persistence/index.ts';
import type { ServiceContext } from '../../context.ts';
import { loadPaperRound } from './paper-store.ts';

/**
 * How far each teller has keyed, per pass and batch (录入进度): counts only, never what was
 * keyed, so a teller may see the other pass's progress without seeing its content (double entry
 * stays independent).
 */
export async function paperKeying(
  context: ServiceContext,
  congressId: string,
  roundId: string,
): Promise<PaperKeying> {
  return inReadTransaction(context.database, async (db) => {
    const { round } = await loadPaperRound(db, congressId, roundId);
    const rows = await db
      .selectFrom('paper_entries as e')
      .innerJoin('accounts as a', 'a.id', 'e.entered_by')
      .select([
        'a.username',
        'a.display_name',
        'e.pass',
        'e.batch_no',
        (eb) => eb.fn.countAll<number>().as('sheets'),
        (eb) => eb.fn.max('e.entered_at').as('last'),
      ])
      .where('e.round_id', '=', roundId)
      .groupBy(['a.username', 'a.display_name', 'e.pass', 'e.batch_no'])
      .execute();
    const byTeller = new Map<string, typeof rows>();
    for (const row of rows) {
      const key = `${row.username}\u0000${row.pass}`;
      byTeller.set(key, [...(byTeller.get(key) ?? []), row]);
    }
    const list: TellerKeying[] = [...byTeller.values()].map((group) => {
      const first = group[0]!;
      const batches = group
        .map((row) => ({ batchNo: row.batch_no, sheets: Number(row.sheets) }))
        .sort((a, b) => a.batchNo - b.batchNo);
      return {
        username: first.username,
        displayName: first.display_name,
        pass: first.pass,
        batches,
        sheets: batches.reduce((sum, b) => sum + b.sheets, 0),
        lastEnteredAt: group
          .map((row) => String(row.last))
          .sort()
          .at(-1)!,
      };
    });
    list.sort((a, b) => a.pass.localeCompare(b.pass) || a.username.localeCompare(b.username));
    return { roundId, status: round.status, tellers: list };
  });
}

import type { Kysely } from 'kysely';
import type { Schema } from '../../../adapters/db/index.ts';
import { type BallotBox, BallotBoxBuilder } from '../../../core/rules/index.ts';
import type { BallotSource } from '../../elections/ballot-source.ts';
import { markCodes } from '../../elections/marks-codec.ts';
import { type RoundRow, roundCandidates } from '../../elections/round-queries.ts';
import { conflict, ServiceError } from '../../errors.ts';
import { byReceipt } from './electronic-round.ts';

/**
 * The ballots of a closed electronic round, as the rules engine counts them: one record per
 * stored ballot, marks in the round's candidates_json order, write-ins as cast. [B4] Nothing but
 * the marks reaches the box. Refused while voting is open, and when the ballot and voter counts
 * disagree (a ballot lost or added would change the count without anyone noticing).
 */
export const electronicBallotSource: BallotSource = {
  async ballotBox(trx: Kysely<Schema>, round: RoundRow): Promise<BallotBox> {
    if (round.mode !== 'electronic') throw new Error(`round ${round.id} is not an electronic round`);
    if (round.status === 'open')
      throw conflict('round-not-closed', 'close the round before counting', '请先结束投票再计票');
    const candidates = roundCandidates(round);
    const rows = await trx
      .selectFrom('electronic_ballots')
      .select(['receipt', 'marks', 'write_ins_json'])
      .where('round_id', '=', round.id)
      .execute();
    const voters = await trx
      .selectFrom('electronic_voters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', round.id)
      .executeTakeFirstOrThrow();
    if (Number(voters.n) !== rows.length) {
      throw new ServiceError(
        409,
        'ballots-inconsistent',
        `${rows.length} electronic ballots stored but ${Number(voters.n)} delegates recorded as having voted: the ballot box is not intact`,
        `电子选票${rows.length}张，已投票代表${Number(voters.n)}人，两者不符：票箱不完整`,
      );
    }
    rows.sort(byReceipt);
    const builder = new BallotBoxBuilder(candidates.length, Math.max(1, rows.length));
    for (const row of rows) {
      if (row.marks.length !== candidates.length) {
        throw new ServiceError(
          409,
          'ballots-inconsistent',
          `ballot ${row.receipt} has ${row.marks.length} marks for ${candidates.length} candidates`,
          `回执码为${row.receipt}的选票有${row.marks.length}个标记，而候选人为${candidates.length}名`,
        );
      }
      builder.add({
        marks: markCodes(row.marks),
        ...(row.write_ins_json ? { writeIns: JSON.parse(row.write_ins_json) as string[] } : {}),
      });
    }
    return builder.build();
  },
};

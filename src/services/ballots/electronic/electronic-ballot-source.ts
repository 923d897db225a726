import type { Kysely } from 'kysely';
import { type BallotBox, BallotBoxBuilder } from '../../../core/rules/index.ts';
import { type Schema, verifyBallotSeals } from '../../../persistence/index.ts';
import type { BallotSource } from '../../elections/ballot-source.ts';
import { markCodes } from '../../elections/marks-codec.ts';
import { type RoundRow, roundCandidates } from '../../elections/round-queries.ts';
import { conflict, ServiceError } from '../../errors.ts';
import { parseKeyRecord } from '../sealed/round-key.ts';
import { byReceipt } from './electronic-round.ts';

const count = async (db: Kysely<Schema>, table: 'electronic_voters' | 'sealed_ballots', roundId: string) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('round_id', '=', roundId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const inconsistent = (en: string, zh: string) => new ServiceError(409, 'ballots-inconsistent', en, zh);

/**
 * The ballots of a closed electronic round, as the rules engine counts them: one record per
 * opened ballot, marks in the round's candidates_json order, write-ins as cast. [B4] Nothing but
 * the marks reaches the box. Refused while voting is open; while the ballots are still sealed (the
 * scrutineers have not entered enough key shares); when the sealed ballots, the opened ballots and
 * the voters are not as many; and when the ballots no longer match what the audit chain sealed at
 * the close and at the opening (a ballot changed afterwards, item 3 of issue 13).
 */
export const electronicBallotSource: BallotSource = {
  async ballotBox(trx: Kysely<Schema>, round: RoundRow): Promise<BallotBox> {
    if (round.mode !== 'electronic') throw new Error(`round ${round.id} is not an electronic round`);
    if (round.status === 'open')
      throw conflict('round-not-closed', 'close the round before counting', '请先结束投票再计票');
    if (round.public_key && !round.decrypted_at) {
      const threshold = parseKeyRecord(round.key_json)?.threshold ?? 2;
      throw new ServiceError(
        409,
        'ballots-sealed',
        `the ballots are still sealed: ${threshold} of the scrutineers must enter their key shares before the count`,
        `选票仍处于加密状态：须由${threshold}名监票人输入密钥分片后方可计票`,
        'B4',
      );
    }
    const candidates = roundCandidates(round);
    const rows = await trx
      .selectFrom('electronic_ballots')
      .select(['receipt', 'marks', 'write_ins_json'])
      .where('round_id', '=', round.id)
      .execute();
    const voters = await count(trx, 'electronic_voters', round.id);
    if (voters !== rows.length) {
      throw inconsistent(
        `${rows.length} electronic ballots stored but ${voters} delegates recorded as having voted: the ballot box is not intact`,
        `电子选票${rows.length}张，已投票代表${voters}人，两者不符：票箱不完整`,
      );
    }
    if (round.public_key) {
      const sealed = await count(trx, 'sealed_ballots', round.id);
      if (sealed !== rows.length) {
        throw inconsistent(
          `${sealed} sealed ballots but ${rows.length} opened: the ballot box is not intact`,
          `加密选票${sealed}张，解密选票${rows.length}张，两者不符：票箱不完整`,
        );
      }
    }
    const seals = await verifyBallotSeals(trx, { subject: `round:${round.id}` });
    if (!seals.ok) {
      throw new ServiceError(
        409,
        'ballots-altered',
        `${seals.reason}; the round cannot be counted from them`,
        `本轮选票与审计日志第${seals.brokenAt}条记录的封存摘要不符：选票在封存后被改动，不能据此计票`,
        'B4',
      );
    }
    rows.sort(byReceipt);
    const builder = new BallotBoxBuilder(candidates.length, Math.max(1, rows.length));
    for (const row of rows) {
      if (row.marks.length !== candidates.length) {
        throw inconsistent(
          `a ballot has ${row.marks.length} marks for ${candidates.length} candidates`,
          `有选票的标记数为${row.marks.length}个，而候选人为${candidates.length}名`,
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

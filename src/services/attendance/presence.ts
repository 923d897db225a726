import { sql } from 'kysely';
import type { WriteTransaction } from '../../persistence/index.ts';
import { notFound } from '../errors.ts';

export interface PresenceSnapshot {
  /** 应到: delegates of the congress with voting rights [Q4]. */
  readonly expected: number;
  /** 实到: of those, the ones checked in to the sitting when the vote opened. */
  readonly present: number;
}

/**
 * The record of who was present when a vote opened: copies the present delegates with voting
 * rights of the sitting into round_presence, inside the caller's transaction (the one that opens
 * the round), so the round and its electorate commit together. [Q4] delegates without a vote are
 * not copied, whether present or not. [Q5] there is no proxy: only those present are recorded.
 *
 * Taking the snapshot again for the same round replaces the earlier one (the round is opened once;
 * a retried transaction starts from nothing anyway).
 */
export async function snapshotPresence(
  trx: WriteTransaction,
  input: { readonly roundId: string; readonly sittingId: string },
): Promise<PresenceSnapshot> {
  const sitting = await trx
    .selectFrom('sittings')
    .select('congress_id')
    .where('id', '=', input.sittingId)
    .executeTakeFirst();
  if (!sitting) throw notFound('sitting', '会次');
  await trx.deleteFrom('round_presence').where('round_id', '=', input.roundId).execute();
  await trx
    .insertInto('round_presence')
    .columns(['round_id', 'delegate_id'])
    .expression(
      trx
        .selectFrom('attendance as a')
        .innerJoin('delegates as d', 'd.id', 'a.delegate_id')
        // A typed literal: PostgreSQL cannot infer the type of a bare parameter in a select list.
        .select([sql<string>`cast(${input.roundId} as text)`.as('round_id'), 'a.delegate_id'])
        .where('a.sitting_id', '=', input.sittingId)
        .where('a.status', '=', 'present')
        .where('d.voting_rights', '=', 1)
        .where('d.congress_id', '=', sitting.congress_id),
    )
    .execute();
  const present = await trx
    .selectFrom('round_presence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', input.roundId)
    .executeTakeFirstOrThrow();
  const expected = await trx
    .selectFrom('delegates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('congress_id', '=', sitting.congress_id)
    .where('voting_rights', '=', 1)
    .executeTakeFirstOrThrow();
  return { expected: Number(expected.n), present: Number(present.n) };
}

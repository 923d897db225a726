import type { SittingKind } from '../../contract/procedure.ts';
import type { SittingsTable } from '../../persistence/congress-schema.ts';
import { conflict, ruleViolation } from '../errors.ts';
import type { Reader } from './lookups.ts';
import { SITTING_NAMES } from './sitting-kinds.ts';

// The order the rules fix for a congress day, guarded with messages that say what comes first:
//   [P3] the preparatory meeting (预备会议) before the opening sitting, the opening before the
//        plenary sittings, those before the closing sitting;
//   a sitting closes only once the votes prepared on its agenda are taken and no round of an
//        election voted in it is still under way;
//   [P1] where the sitting's agenda puts the list of scrutineers to the vote, no round opens
//        before the list is adopted;
//   closing the closing sitting (闭幕大会) closes the congress.

/** Sittings of the whole congress in the hall, in the order they are held [P3]. */
export const HALL_ORDER: readonly SittingKind[] = ['preparatory', 'opening', 'plenary', 'closing'];

/** [P3] A sitting of the whole congress opens only after every kind that comes before it was held. */
export async function refuseOutOfOrder(db: Reader, sitting: SittingsTable): Promise<void> {
  const rank = HALL_ORDER.indexOf(sitting.kind);
  if (rank <= 0) return;
  const earlier = await db
    .selectFrom('sittings')
    .select(['title', 'kind'])
    .where('congress_id', '=', sitting.congress_id)
    .where('status', '=', 'scheduled')
    .where('kind', 'in', HALL_ORDER.slice(0, rank))
    .orderBy('sort_order')
    .executeTakeFirst();
  if (earlier) {
    throw ruleViolation(
      'P3',
      `${earlier.title} has not been held: the ${sitting.kind} sitting follows the ${earlier.kind} sitting`,
      `“${earlier.title}”尚未举行：${SITTING_NAMES[sitting.kind]}应在${SITTING_NAMES[earlier.kind]}之后召开`,
    );
  }
}

/**
 * A sitting closes with its agenda done: a vote prepared on it and never taken must be taken, or
 * taken off the agenda, first. (A vote on the election method adopted meanwhile by a count entered
 * in the elections section has nothing left to decide.)
 */
export async function refuseVotesNotTaken(db: Reader, sittingId: string): Promise<void> {
  const prepared = await db
    .selectFrom('adoption_votes as v')
    .innerJoin('agenda_items as i', 'i.id', 'v.agenda_item_id')
    .select(['v.subject', 'v.proposal_json'])
    .where('i.sitting_id', '=', sittingId)
    .where('v.status', '=', 'open')
    .where('v.opened_at', 'is', null)
    .orderBy('i.sort_order')
    .execute();
  for (const vote of prepared) {
    const proposal = vote.proposal_json
      ? (JSON.parse(vote.proposal_json) as { kind?: string; methodId?: string })
      : null;
    if (proposal?.kind === 'election-method' && proposal.methodId) {
      const method = await db
        .selectFrom('election_methods')
        .select('status')
        .where('id', '=', proposal.methodId)
        .executeTakeFirst();
      if (method?.status === 'adopted') continue;
    }
    throw conflict(
      'vote-not-taken',
      `the vote on “${vote.subject}” has not been taken: take it, or take it off the agenda, before closing the sitting`,
      `“${vote.subject}”尚未表决：请先表决，或将其从议程中删去，再结束会议`,
    );
  }
}

/** Rounds opened and not yet announced: voting, counting or awaiting the announcement. */
const UNDER_WAY = ['open', 'closed', 'counted', 'signed-off'] as const;

/** A round voted in the sitting (or, without one, anywhere in the congress) and not announced. */
export async function refuseRoundsUnderWay(
  db: Reader,
  where: { readonly sittingId: string } | { readonly congressId: string },
): Promise<void> {
  let query = db
    .selectFrom('rounds as r')
    .innerJoin('elections as e', 'e.id', 'r.election_id')
    .select(['e.title', 'r.seq', 'r.status'])
    .where('r.status', 'in', [...UNDER_WAY]);
  query =
    'sittingId' in where
      ? query.where('r.sitting_id', '=', where.sittingId)
      : query.where('e.congress_id', '=', where.congressId);
  const round = await query.orderBy('e.sort_order').executeTakeFirst();
  if (round) {
    throw conflict(
      'round-under-way',
      `round ${round.seq} of ${round.title} is ${round.status}: announce its result first`,
      `“${round.title}”第${round.seq}轮投票尚未宣布结果，请先宣布`,
    );
  }
}

/**
 * [P1] Where the sitting's agenda puts the scrutineers' list to the vote, its elections open a
 * round only once the list is adopted: the scrutineers are approved by the congress.
 */
export async function requireScrutineersAdopted(db: Reader, sittingId: string): Promise<void> {
  const votes = await db
    .selectFrom('adoption_votes as v')
    .innerJoin('agenda_items as i', 'i.id', 'v.agenda_item_id')
    .select(['v.subject', 'v.status', 'v.adopted', 'v.proposal_json'])
    .where('i.sitting_id', '=', sittingId)
    .execute();
  const lists = votes.filter((v) => v.proposal_json && JSON.parse(v.proposal_json).kind === 'scrutineers');
  if (lists.length === 0 || lists.some((v) => v.status === 'closed' && v.adopted === 1)) return;
  const list = lists[0]!;
  throw ruleViolation(
    'P1',
    `the list of scrutineers (“${list.subject}”) must be adopted before voting`,
    `“${list.subject}”尚未经大会表决通过，不能开始投票`,
  );
}

/** Closing the closing sitting closes the congress: nothing else may still be open. */
export async function refuseOpenElsewhere(db: Reader, sitting: SittingsTable): Promise<void> {
  const open = await db
    .selectFrom('sittings')
    .select('title')
    .where('congress_id', '=', sitting.congress_id)
    .where('status', '=', 'open')
    .where('id', '!=', sitting.id)
    .executeTakeFirst();
  if (open)
    throw conflict(
      'sitting-open',
      `close the sitting ${open.title} first: closing ${sitting.title} closes the congress`,
      `请先结束“${open.title}”：${sitting.title}结束即大会闭幕`,
    );
}

/** [P3] A congress closes with every sitting of the whole congress held. */
export async function refuseSittingsNotHeld(db: Reader, congressId: string): Promise<void> {
  const scheduled = await db
    .selectFrom('sittings')
    .select('title')
    .where('congress_id', '=', congressId)
    .where('status', '=', 'scheduled')
    .where('kind', 'in', [...HALL_ORDER])
    .orderBy('sort_order')
    .executeTakeFirst();
  if (scheduled)
    throw ruleViolation(
      'P3',
      `${scheduled.title} has not been held: hold it, or remove it, before the congress closes`,
      `“${scheduled.title}”尚未举行：请先举行或删去该次会议，再宣布大会闭幕`,
    );
}

/** Whether closing this sitting closes the congress. */
export function closesCongress(sitting: Pick<SittingsTable, 'kind'>): boolean {
  return sitting.kind === 'closing';
}

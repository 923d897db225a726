import type { Kysely } from 'kysely';
import type { Schema } from '../../src/persistence/index.ts';
import { rolesOfAccount } from '../../src/services/accounts/account-service.ts';
import type { Actor } from '../../src/services/actor.ts';
import { closeVote, openVote } from '../../src/services/congress/adoption-votes.ts';
import { closeSitting, openSitting } from '../../src/services/congress/sittings.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { DEMO_ACTOR } from '../../src/services/demo/seed-demo.ts';
import { recordMethodVote } from '../../src/services/elections/methods.ts';

// Moving the demo congress along from a test, as the hall's other people would.

/** A demo staff account (teller1, presiding, …) as the services see it after it logs in. */
export async function accountActor(db: Kysely<Schema>, username: string): Promise<Actor> {
  const account = await db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const roles = await rolesOfAccount(db, account.id);
  return { kind: 'account', accountId: account.id, username, displayName: account.display_name, roles };
}

/** [P4] The demo's election method adopted, all `present` electors but five voting for it. */
export async function adoptDemoMethod(context: ServiceContext, congressId: string, present: number) {
  const method = await context.database.db
    .selectFrom('election_methods')
    .select('id')
    .where('congress_id', '=', congressId)
    .executeTakeFirstOrThrow();
  return recordMethodVote(context, DEMO_ACTOR, congressId, method.id, {
    votesFor: present - 5,
    votesAgainst: 0,
    votesAbstain: 5,
  });
}

/**
 * [P3] The sittings of the whole congress that come before this one, held as the order requires:
 * each still scheduled is opened and closed (the demo's preparatory meeting and opening sitting
 * have no vote prepared on their agendas).
 */
export async function holdSittingsBefore(context: ServiceContext, congressId: string, sittingId: string) {
  const db = context.database.db;
  const target = await db
    .selectFrom('sittings')
    .selectAll()
    .where('id', '=', sittingId)
    .executeTakeFirstOrThrow();
  const order = ['preparatory', 'opening', 'plenary', 'closing'];
  const earlier = await db
    .selectFrom('sittings')
    .selectAll()
    .where('congress_id', '=', congressId)
    .where('status', '=', 'scheduled')
    .orderBy('sort_order')
    .execute();
  for (const sitting of earlier.filter(
    (s) => order.indexOf(s.kind) >= 0 && order.indexOf(s.kind) < order.indexOf(target.kind),
  )) {
    await openSitting(context, DEMO_ACTOR, congressId, sitting.id);
    await closeSitting(context, DEMO_ACTOR, congressId, sitting.id);
  }
}

/** The demo's plenary opened, after the preparatory meeting and the opening sitting [P3]. */
export async function openDemoPlenary(context: ServiceContext, congressId: string): Promise<string> {
  const plenary = await context.database.db
    .selectFrom('sittings')
    .select('id')
    .where('congress_id', '=', congressId)
    .where('kind', '=', 'plenary')
    .executeTakeFirstOrThrow();
  await holdSittingsBefore(context, congressId, plenary.id);
  await openSitting(context, DEMO_ACTOR, congressId, plenary.id);
  return plenary.id;
}

/**
 * [P1] The plenary adopts the list of scrutineers (the vote prepared on its agenda), by a show of
 * hands: every elector present but five for it.
 */
export async function adoptDemoScrutineers(context: ServiceContext, congressId: string) {
  const vote = await context.database.db
    .selectFrom('adoption_votes as v')
    .innerJoin('agenda_items as i', 'i.id', 'v.agenda_item_id')
    .innerJoin('sittings as s', 's.id', 'i.sitting_id')
    .select('v.id')
    .where('s.congress_id', '=', congressId)
    .where('v.proposal_json', '=', JSON.stringify({ kind: 'scrutineers' }))
    .executeTakeFirstOrThrow();
  const opened = await openVote(context, DEMO_ACTOR, congressId, vote.id);
  const present = opened.present ?? 0;
  return closeVote(context, DEMO_ACTOR, congressId, vote.id, {
    votesFor: Math.max(0, present - 5),
    votesAgainst: 0,
    votesAbstain: Math.min(5, present),
  });
}

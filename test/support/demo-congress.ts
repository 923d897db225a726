import type { Kysely } from 'kysely';
import type { Schema } from '../../src/adapters/db/index.ts';
import { rolesOfAccount } from '../../src/services/accounts/account-service.ts';
import type { Actor } from '../../src/services/actor.ts';
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

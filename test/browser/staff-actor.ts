import type { Role } from '../../src/adapters/db/congress-schema.ts';
import type { Actor } from '../../src/services/actor.ts';
import type { AppServer } from './harness.ts';

/**
 * A demo staff account as the services see it, for moving the congress along from the test (what
 * another desk or another teller would do) while the browsers click through their own pages.
 */
export async function staffActor(app: AppServer, username: string): Promise<Actor> {
  const db = app.server.context.database.db;
  const account = await db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const grants = await db
    .selectFrom('account_roles')
    .selectAll()
    .where('account_id', '=', account.id)
    .execute();
  const roles = new Map<string, Set<Role>>();
  for (const grant of grants)
    roles.set(grant.congress_id, new Set([...(roles.get(grant.congress_id) ?? []), grant.role]));
  return { kind: 'account', accountId: account.id, username, displayName: account.display_name, roles };
}

import type { Actor } from '../../src/services/actor.ts';
import { accountActor } from '../support/demo-congress.ts';
import type { AppServer } from './harness.ts';

/**
 * A demo staff account as the services see it, for moving the congress along from the test (what
 * another desk or another teller would do) while the browsers click through their own pages.
 */
export function staffActor(app: AppServer, username: string): Promise<Actor> {
  return accountActor(app.server.context.database.db, username);
}

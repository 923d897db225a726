import type { WriteTransaction } from '../../persistence/index.ts';
import { DEMO_PLENARY_SCRUTINEER } from './plan-demo.ts';
import { rehearsalAllowed } from './rehearsal.ts';

// The demo's first plenary gets its scrutineers when it is prepared, as the presiding member
// would nominate them [P1]: two new members who are not on the outgoing standing committee (who
// are likely to stand for the new one), the chief scrutineer linked to the demo's login for the
// plenary (scrutineer2), so that one person can run the plenary's elections from the README and
// sign off the count as the scrutineer that election appointed [P2].

export interface DemoPlenaryOfficers {
  readonly chief: string;
  readonly scrutineer: string;
}

/**
 * In the demo congress only (a real congress's plenary appoints its own): the officers of the
 * plenary's elections. Returns who was appointed, or null when this is not the demo or it lacks
 * the members or the login.
 */
export async function appointDemoPlenaryOfficers(
  trx: WriteTransaction,
  newId: () => string,
  input: {
    readonly congressId: string;
    readonly plenaryId: string;
    readonly electionIds: readonly string[];
  },
): Promise<DemoPlenaryOfficers | null> {
  if (!(await rehearsalAllowed(trx, input.congressId))) return null;
  const congress = await trx
    .selectFrom('congresses')
    .select(['organisation_id', 'number'])
    .where('id', '=', input.congressId)
    .executeTakeFirstOrThrow();
  const outgoing = await trx
    .selectFrom('term_positions as p')
    .innerJoin('terms as t', 't.id', 'p.term_id')
    .select('p.person_name')
    .where('t.organisation_id', '=', congress.organisation_id)
    .where('t.body', '=', 'committee')
    .where('t.number', '=', congress.number - 1)
    .where('p.position', 'in', ['standing-member', 'secretary', 'deputy-secretary'])
    .execute();
  const leaders = new Set(outgoing.map((p) => p.person_name));
  const members = await trx
    .selectFrom('delegates')
    .select(['id', 'name'])
    .where('congress_id', '=', input.plenaryId)
    .where('voting_rights', '=', 1)
    .orderBy('code', 'desc')
    .execute();
  const [chief, scrutineer] = members.filter((m) => !leaders.has(m.name));
  const login = await trx
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', DEMO_PLENARY_SCRUTINEER)
    .executeTakeFirst();
  if (!chief || !scrutineer || !login) return null;
  for (const electionId of input.electionIds) {
    await trx
      .insertInto('election_officers')
      .values([
        {
          id: newId(),
          election_id: electionId,
          role: 'chief-scrutineer',
          name: chief.name,
          delegate_id: chief.id,
          account_id: login.id,
        },
        {
          id: newId(),
          election_id: electionId,
          role: 'scrutineer',
          name: scrutineer.name,
          delegate_id: scrutineer.id,
          account_id: null,
        },
      ])
      .execute();
  }
  // The login is the person's now: the pages and the audit log name them.
  await trx.updateTable('accounts').set({ display_name: chief.name }).where('id', '=', login.id).execute();
  return { chief: chief.name, scrutineer: scrutineer.name };
}

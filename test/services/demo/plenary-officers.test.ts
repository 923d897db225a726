import { afterEach, expect, it } from 'vitest';
import type { Database } from '../../../src/persistence/index.ts';
import { DEMO_ACTOR, seedDemo } from '../../../src/services/demo/seed-demo.ts';
import { prepareFirstPlenary } from '../../../src/services/elections/first-plenary.ts';
import { buildWorld } from '../../support/builder/index.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { testContext } from '../../support/http.ts';

// [P1][P2] The demo's first plenary gets its scrutineers when it is prepared: new members who are
// not on the outgoing standing committee, the chief scrutineer linked to scrutineer2, which takes
// their name, so the README's walk-through signs off the plenary's counts as that person.

describeEachDatabase('the demo first plenary’s scrutineers', (target) => {
  let database: Database;
  afterEach(async () => database?.close());

  it('[P1][P2] appoints two new members who are not outgoing leaders, the chief linked to scrutineer2', async () => {
    database = await openMigrated(target);
    const context = testContext(database);
    const db = database.db;
    const { congressId } = await seedDemo(context);
    const congress = await db
      .selectFrom('congresses')
      .select(['organisation_id', 'number'])
      .where('id', '=', congressId)
      .executeTakeFirstOrThrow();
    // The committee the congress elected: twenty of its delegates, the outgoing leaders first.
    const outgoing = await db
      .selectFrom('term_positions as p')
      .innerJoin('terms as t', 't.id', 'p.term_id')
      .select('p.person_name')
      .where('t.number', '=', congress.number - 1)
      .where('t.body', '=', 'committee')
      .where('p.position', '=', 'standing-member')
      .execute();
    const leaders = outgoing.map((p) => p.person_name);
    const others = (
      await db
        .selectFrom('delegates')
        .select('name')
        .where('congress_id', '=', congressId)
        .where('voting_rights', '=', 1)
        .orderBy('code')
        .execute()
    )
      .map((d) => d.name)
      .filter((name) => !leaders.includes(name))
      .slice(0, 20 - leaders.length);
    const world = buildWorld(database);
    const term = await world.term({
      organisation: congress.organisation_id,
      number: congress.number,
      electedBy: congressId,
    });
    await world.positions(
      term.id,
      [...others, ...leaders].map((person) => ({ person, position: 'member' as const })),
    );

    const { plenaryId, electionIds } = await prepareFirstPlenary(context, DEMO_ACTOR, congressId, {
      startsOn: '2026-11-29',
      venue: '示范市会议中心',
      standingCommitteeSeats: 5,
      deputySecretarySeats: 2,
      ballotMode: 'paper',
    });
    const login = await db
      .selectFrom('accounts')
      .select(['id', 'display_name'])
      .where('username', '=', 'scrutineer2')
      .executeTakeFirstOrThrow();
    const members = (
      await db.selectFrom('delegates').select('name').where('congress_id', '=', plenaryId).execute()
    ).map((d) => d.name);
    for (const electionId of Object.values(electionIds)) {
      const officers = await db
        .selectFrom('election_officers')
        .select(['role', 'name', 'account_id'])
        .where('election_id', '=', electionId)
        .orderBy('role')
        .execute();
      expect(officers.map((o) => o.role)).toEqual(['chief-scrutineer', 'scrutineer']);
      const [chief, scrutineer] = officers;
      expect(chief).toMatchObject({ account_id: login.id, name: login.display_name });
      expect(scrutineer!.account_id).toBeNull();
      for (const o of officers) {
        expect(members).toContain(o.name);
        expect(leaders).not.toContain(o.name);
      }
    }
    // scrutineer2 serves the plenary: its role was carried over with the congress's staff.
    const roles = await db
      .selectFrom('account_roles')
      .select('role')
      .where('account_id', '=', login.id)
      .where('congress_id', '=', plenaryId)
      .execute();
    expect(roles).toEqual([{ role: 'scrutineer' }]);
  });
});

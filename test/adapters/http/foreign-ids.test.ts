import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../../src/contract/roles.ts';
import { makeIdNumber } from '../../../src/core/text/id-number.ts';
import { demoStatus, seedDemo } from '../../../src/services/demo/seed-demo.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { type Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

// Issue 13, item 11: ids in request bodies were not checked against the congress in the path, so
// a candidate's delegateId or an election's sittingId from another congress was stored. Every id
// in every body is now checked (src/services/owned-ids.ts): a stranger is a 400 naming the field,
// and nothing is written. The demo congress is the one written to; a small second congress gives
// the strangers.

type Row = { id: string };

describeEachDatabase('ids from another congress are refused (issue 13, item 11)', (target) => {
  let test: TestApp | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  async function setUp() {
    test = await testApp(await openMigrated(target));
    await seedDemo(test.context);
    const demo = (await demoStatus(test.context))!;
    const staff = await clientWithRoles(
      test,
      'everything',
      STAFF_ROLES.map((role) => ({ congressId: '*', role })),
    );
    const a = `/api/congresses/${demo.congressId}`;
    // The other congress: one delegation, one delegate, one sitting.
    const organisation = await staff.post('/api/organisations', {
      name: '中共邻县委员会',
      shortName: '县委',
      locality: '邻县',
      level: 'county',
    });
    const other = (
      await staff.post('/api/congresses', {
        kind: 'congress',
        organisationId: organisation.json().id,
        number: 9,
      })
    ).json();
    const b = `/api/congresses/${other.id}`;
    const stranger = (
      await staff.post(`${b}/delegates`, {
        name: '王宁',
        ethnicity: '汉族',
        idNumber: makeIdNumber('150502', '1975-03-12', 123),
      })
    ).json() as Row;
    const strangeSitting = (
      await staff.post(`${b}/sittings`, {
        kind: 'plenary',
        title: '第一次全体会议',
        startsAt: '2026-09-28T01:00:00.000Z',
      })
    ).json() as Row;
    expect(stranger.id).toBeTruthy();
    expect(strangeSitting.id).toBeTruthy();
    return { staff, a, other, stranger, strangeSitting };
  }

  /** Rows of the tables a refused request must not have touched, and the audit log's length. */
  async function counts(): Promise<Record<string, number>> {
    const db = test!.context.database.db;
    const result: Record<string, number> = {};
    for (const table of [
      'audit_log',
      'candidates',
      'election_officers',
      'elections',
      'rounds',
      'sitting_chairs',
      'body_members',
      'agenda_items',
      'attendance',
      'term_positions',
      'congresses',
    ]) {
      const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
        db,
      );
      result[table] = Number(row.rows[0]!.n);
    }
    return result;
  }

  async function refused(
    staff: Client,
    method: 'POST' | 'PUT',
    url: string,
    body: unknown,
    field: string,
  ): Promise<void> {
    const before = await counts();
    const response = await staff.request(method, url, body);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'invalid-input',
      field,
      zh: expect.stringContaining('不是'),
    });
    expect(await counts(), `${method} ${url} stored nothing`).toEqual(before);
  }

  it('elections: candidates, officers, the sitting of an election and of a round', async () => {
    const { staff, a, stranger, strangeSitting } = await setUp();
    const elections = (await staff.get(`${a}/elections`)).json() as (Row & { title: string })[];
    const election = elections[0]!;
    const delegates = (await staff.get(`${a}/delegates`)).json() as (Row & { name: string })[];
    const candidates = delegates.slice(0, 5).map((d) => ({ name: d.name, delegateId: d.id }));
    candidates[3] = { name: '王宁', delegateId: stranger.id };
    await refused(
      staff,
      'PUT',
      `${a}/elections/${election.id}/candidates`,
      { candidates },
      'body.candidates[3].delegateId',
    );
    await refused(
      staff,
      'PUT',
      `${a}/elections/${election.id}/officers`,
      { officers: [{ role: 'chief-scrutineer', name: '王宁', delegateId: stranger.id }] },
      'body.officers[0].delegateId',
    );
    await refused(
      staff,
      'POST',
      `${a}/elections`,
      {
        office: 'committee-member',
        title: '选举',
        seats: 3,
        ballotMode: 'paper',
        sittingId: strangeSitting.id,
      },
      'body.sittingId',
    );
    await refused(
      staff,
      'POST',
      `${a}/elections/${election.id}/rounds`,
      { kind: 'formal', sittingId: strangeSitting.id },
      'body.sittingId',
    );
  });

  it('sittings: chairs, bodies, an agenda proposal, attendance and the rehearsal', async () => {
    const { staff, a, stranger, strangeSitting } = await setUp();
    const sittings = (await staff.get(`${a}/sittings`)).json() as (Row & { kind: string })[];
    const opening = sittings.find((s) => s.kind === 'opening')!;
    const preparatory = sittings.find((s) => s.kind === 'preparatory')!;
    await refused(
      staff,
      'PUT',
      `${a}/sittings/${opening.id}/chairs`,
      { delegateIds: [stranger.id] },
      'body.delegateIds[0]',
    );
    await refused(
      staff,
      'PUT',
      `${a}/bodies/credentials-committee`,
      { members: [{ delegateId: stranger.id }] },
      'body.members[0].delegateId',
    );
    await refused(
      staff,
      'POST',
      `${a}/sittings/${preparatory.id}/agenda`,
      {
        kind: 'adoption-vote',
        title: '通过代表资格审查委员会名单',
        vote: {
          mode: 'counts',
          proposal: { kind: 'body', body: 'credentials-committee', members: [{ delegateId: stranger.id }] },
        },
      },
      'body.vote.proposal.members[0].delegateId',
    );
    await refused(
      staff,
      'POST',
      `${a}/sittings/${opening.id}/attendance/check-in`,
      { delegateId: stranger.id, desk: '1' },
      'body.delegateId',
    );
    await refused(
      staff,
      'POST',
      `${a}/rehearsal/check-ins`,
      { sittingId: strangeSitting.id, count: 5 },
      'body.sittingId',
    );
  });

  it("congresses and a term's positions", async () => {
    const { staff, a, other, stranger } = await setUp();
    await refused(
      staff,
      'POST',
      '/api/congresses',
      { kind: 'congress', organisationId: 'no-such', number: 3 },
      'body.organisationId',
    );
    await refused(
      staff,
      'POST',
      '/api/congresses',
      { kind: 'plenary', termId: 'no-such', plenaryNumber: 1 },
      'body.termId',
    );
    // A term elected by the other congress: its positions name that congress's delegates only.
    const term = (
      await staff.post(`/api/organisations/${other.organisationId}/terms`, {
        body: 'committee',
        number: 9,
        startedOn: '2026-09-29',
        electedByCongressId: other.id,
      })
    ).json() as Row;
    expect(term.id).toBeTruthy();
    const demoDelegate = ((await staff.get(`${a}/delegates`)).json() as Row[])[0]!;
    await refused(
      staff,
      'POST',
      `/api/terms/${term.id}/positions`,
      { personName: '王宁', position: 'member', delegateId: demoDelegate.id },
      'body.delegateId',
    );
    await refused(
      staff,
      'PUT',
      `/api/terms/${term.id}/alternates`,
      { alternates: [{ personName: '王宁', votes: 10, delegateId: demoDelegate.id }] },
      'body.alternates[0].delegateId',
    );
    // Its own delegate is accepted.
    const own = await staff.post(`/api/terms/${term.id}/positions`, {
      personName: '王宁',
      position: 'member',
      delegateId: stranger.id,
    });
    expect(own.statusCode, own.body).toBe(200);
  });
});

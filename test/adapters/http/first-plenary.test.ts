import { afterEach, expect, it } from 'vitest';
import type { Database } from '../../../src/persistence/index.ts';
import { buildWorld } from '../../support/builder/index.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { type Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';
import { compact, pdfText } from '../pdf/pdf-tools.ts';

// Issue 12, 5: the first plenary hid its steps. It was prepared with its date, venue and seats
// empty; its method dialog was blank; its scrutineers and tellers had to be entered three times;
// its member list was titled 代表名单 with everyone under 其他; alternates were not counted as 列席.

const MEMBERS = ['丁宁', '王刚', '李强', '张伟', '赵敏', '刘洋', '陈静', '杨帆'];
const ALTERNATES = ['黄磊', '周杰'];

async function seed(database: Database) {
  const world = buildWorld(database, { at: '2026-09-27T00:00:00.000Z' });
  const congress = await world.congress({
    number: 13,
    organisation: {
      name: '中国共产党示范市委员会',
      shortName: '示范市委',
      locality: '示范市',
      level: 'city',
    },
    startsOn: '2026-09-27',
    endsOn: '2026-09-29',
  });
  const delegates = await congress.delegates(
    [...MEMBERS, ...ALTERNATES, '吴昊', '徐丽'].map((name) => ({ name })),
  );
  const term = await world.term({
    organisation: congress.organisationId,
    number: 13,
    electedBy: congress.id,
  });
  const id = (name: string) => delegates.find((d) => d.name === name)!.id;
  await world.positions(term.id, [
    ...MEMBERS.map((person) => ({ person, position: 'member' as const, delegate: id(person) })),
    // [T6] the alternates in the order of their votes.
    ...ALTERNATES.map((person) => ({ person, position: 'alternate' as const, delegate: id(person) })),
  ]);
  return congress.id;
}

describeEachDatabase('the first plenary, prepared and set up', (target) => {
  let database: Database;
  let test: TestApp;
  afterEach(async () => {
    await test?.close();
    await database?.close();
  });

  async function prepared(): Promise<{
    admin: Client;
    plenaryId: string;
    sittingId: string;
    electionIds: Record<string, string>;
  }> {
    database = await openMigrated(target);
    test = await testApp(database);
    const congressId = await seed(database);
    const admin = await clientWithRoles(test, 'secretariat', [{ congressId, role: 'admin' }]);
    const body = { standingCommitteeSeats: 3, deputySecretarySeats: 2, ballotMode: 'paper' };
    // Nothing is assumed: without the day and the place the plenary is not prepared.
    expect((await admin.post(`/api/congresses/${congressId}/first-plenary`, body)).statusCode).toBe(400);
    const blank = await admin.post(`/api/congresses/${congressId}/first-plenary`, {
      ...body,
      startsOn: '2026-09-29',
      venue: '   ',
    });
    expect(blank.statusCode).toBe(400);
    const response = await admin.post(`/api/congresses/${congressId}/first-plenary`, {
      ...body,
      startsOn: '2026-09-29',
      venue: '市行政中心第一会议室',
    });
    expect(response.statusCode).toBe(200);
    return { admin, ...response.json() };
  }

  it('[P5][Q4][M1] takes its roster from the register: members vote, alternates attend as 列席', async () => {
    const { admin, plenaryId, sittingId } = await prepared();
    const plenary = await database.db
      .selectFrom('congresses')
      .select(['starts_on', 'venue'])
      .where('id', '=', plenaryId)
      .executeTakeFirstOrThrow();
    expect(plenary).toEqual({ starts_on: '2026-09-29', venue: '市行政中心第一会议室' });
    const roster = await database.db
      .selectFrom('delegates')
      .select(['name', 'capacity', 'voting_rights', 'position_id'])
      .where('congress_id', '=', plenaryId)
      .orderBy('code')
      .execute();
    expect(roster.map((r) => [r.name, r.capacity, r.voting_rights])).toEqual([
      ...MEMBERS.map((name) => [name, 'member', 1]),
      ...ALTERNATES.map((name) => [name, 'alternate', 0]),
    ]);
    expect(roster.every((r) => r.position_id !== null)).toBe(true);

    // An alternate is checked in: attending without a vote, counted apart from the members present.
    const base = `/api/congresses/${plenaryId}/sittings/${sittingId}`;
    expect((await admin.post(`${base}/open`)).statusCode).toBe(200);
    const alternate = await database.db
      .selectFrom('delegates')
      .select('code')
      .where('congress_id', '=', plenaryId)
      .where('name', '=', ALTERNATES[0]!)
      .executeTakeFirstOrThrow();
    const checkIn = await admin.post(`${base}/attendance/check-in`, { code: alternate.code, desk: '1' });
    expect(checkIn.statusCode).toBe(200);
    expect(checkIn.json().message.zh).toContain('列席');
    const counts = (await admin.get(`${base}/attendance/counts`)).json();
    expect(counts).toMatchObject({
      expected: MEMBERS.length,
      present: 0,
      nonVoting: { expected: 2, present: 1 },
      alternates: { expected: 2, present: 1 },
    });
  });

  it('[T7][T6] its member list is titled 委员名单: members by strokes, alternates (列席) by votes', async () => {
    const { admin, plenaryId } = await prepared();
    const response = await admin.get(`/api/congresses/${plenaryId}/delegates.pdf`);
    expect(response.statusCode).toBe(200);
    const text = compact(pdfText(response.rawPayload));
    expect(text).toContain('中国共产党示范市第十三届委员会第一次全体会议委员名单');
    expect(text).toContain('委员（8名）');
    expect(text).toContain('候补委员（列席，2名）');
    expect(text).not.toContain('代表名单');
    expect(text).not.toContain('其他');
    expect(text.indexOf('黄磊')).toBeLessThan(text.indexOf('周杰'));
    expect(text.indexOf('丁宁')).toBeLessThan(text.indexOf('王刚'));
  });

  it('[P4][P5] offers a method drafted from its elections', async () => {
    const { admin, plenaryId } = await prepared();
    const response = await admin.get(`/api/congresses/${plenaryId}/election-methods/template`);
    expect(response.statusCode).toBe(200);
    const template = response.json() as { title: string; body: string };
    expect(template.title).toBe('中国共产党示范市第十三届委员会第一次全体会议选举办法（草案）');
    expect(template.body).toContain(
      '全体会议选举产生中国共产党示范市第十三届委员会常务委员会委员3名、书记1名、副书记2名。',
    );
    expect(template.body).toContain('书记、副书记实行等额选举');
    // The offices as the lists print them: the party's full name, never 示范市委第十三届委员会….
    const titles = (
      (await admin.get(`/api/congresses/${plenaryId}/elections`)).json() as { title: string }[]
    ).map((e) => e.title);
    expect(titles).toEqual([
      '中国共产党示范市第十三届委员会常务委员会委员',
      '中国共产党示范市第十三届委员会书记',
      '中国共产党示范市第十三届委员会副书记',
    ]);
  });

  it('[P1][P2] copies one set of scrutineers and tellers to its other elections, and names one that refuses them', async () => {
    const { admin, plenaryId, electionIds } = await prepared();
    const elections = `/api/congresses/${plenaryId}/elections`;
    // 杨帆 stands for deputy secretary: a scrutineer can never be a candidate there [P1].
    expect(
      (
        await admin.put(`${elections}/${electionIds['deputy-secretary']}/candidates`, {
          candidates: [{ name: '杨帆' }, { name: '丁宁' }],
        })
      ).statusCode,
    ).toBe(200);
    const officers = [
      { role: 'chief-scrutineer', name: '陈静' },
      { role: 'scrutineer', name: '杨帆' },
      { role: 'teller', name: '计票员甲' },
    ];
    expect(
      (await admin.put(`${elections}/${electionIds['standing-committee']}/officers`, { officers }))
        .statusCode,
    ).toBe(204);
    const copy = await admin.post(`${elections}/${electionIds['standing-committee']}/officers/copy`);
    expect(copy.statusCode).toBe(200);
    const result = copy.json() as {
      copiedTo: string[];
      skipped: { electionId: string; reason: { zh: string } }[];
    };
    expect(result.copiedTo).toEqual([electionIds.secretary]);
    expect(result.skipped).toEqual([
      expect.objectContaining({
        electionId: electionIds['deputy-secretary'],
        reason: expect.objectContaining({ zh: expect.stringContaining('杨帆') }),
      }),
    ]);
    const copied = await database.db
      .selectFrom('election_officers')
      .select(['role', 'name'])
      .where('election_id', '=', electionIds.secretary!)
      .orderBy('role')
      .execute();
    expect(copied).toEqual([
      { role: 'chief-scrutineer', name: '陈静' },
      { role: 'scrutineer', name: '杨帆' },
      { role: 'teller', name: '计票员甲' },
    ]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('subject')
      .where('action', '=', 'election.officers')
      .execute();
    expect(audit.map((a) => a.subject)).toContain(`election:${electionIds.secretary}`);
  });
});

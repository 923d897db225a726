import { afterEach, expect, it } from 'vitest';
import { gbkCsv, listRows } from '../../services/congress/fixtures.ts';
import { recordCommittee, rosterNames } from '../../support/committee.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { type Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

// Meetings of the committee between congresses (§8), recorded through the HTTP API: the term's
// register, an enlarged plenary with its roster taken from the register (seed 004: 出席这次全会的
// 市委委员48名，候补委员7名), a standing committee meeting, departures and successions [M5].

const QUZHOU = {
  organisation: { name: '中国共产党衢州市委员会', shortName: '市委', locality: '衢州市' },
  term: 8,
  startedOn: '2021-09-28',
  secretary: '高屹',
  deputies: ['徐张艳', '徐良平'],
};
const STANDING = rosterNames(8, ['高屹', '徐张艳', '徐良平']);
const OTHERS = rosterNames(42, [...STANDING, '高屹', '徐张艳', '徐良平']).slice(0, 42);
const MEMBERS = [QUZHOU.secretary, ...QUZHOU.deputies, ...STANDING, ...OTHERS];
const ALTERNATES = rosterNames(60, MEMBERS)
  .slice(51, 60)
  .map((name, index) => ({ name, votes: 300 - index * 3 }));

let test: TestApp | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

async function office(target: Parameters<typeof openMigrated>[0]): Promise<Client> {
  test = await testApp(await openMigrated(target));
  return clientWithRoles(test, 'office', [{ congressId: '*', role: 'admin' }]);
}

describeEachDatabase('meetings of the committee', (target) => {
  it('[M1] an enlarged plenary: roster from the register, alternates apart, quorum live', async () => {
    const client = await office(target);
    const { termId } = await recordCommittee(client, {
      ...QUZHOU,
      members: MEMBERS,
      alternates: ALTERNATES,
      standing: STANDING,
    });
    const register = (await client.get(`/api/terms/${termId}/register`)).json();
    expect(register.counts).toEqual({ members: 53, alternates: 9, standingMembers: 11 });
    expect(
      register.people
        .filter((p: { standing: string }) => p.standing === 'alternate')
        .map((p: { name: string }) => p.name),
    ).toEqual(ALTERNATES.map((a) => a.name));

    const created = await client.post(`/api/terms/${termId}/meetings`, {
      committee: 'plenary',
      enlarged: true,
      number: 2,
      heldAt: '2022-07-20T09:00',
      venue: '市行政中心',
      attendeeGroups: [
        { kind: 'non-voting', category: '不是市委委员的副厅级以上领导干部' },
        { kind: 'non-voting', category: '市纪委委员' },
        { kind: 'invited', category: '离岗在职领导、副厅级以上老干部' },
      ],
    });
    expect(created.statusCode, created.body).toBe(200);
    const meeting = created.json();
    expect(meeting).toMatchObject({
      committee: 'plenary',
      number: 2,
      title: '市委八届二次全体(扩大)会议',
      titleEn: '2nd Plenary Session (Enlarged) of the 8th Quzhou Municipal Party Committee',
      enlarged: true,
      heldAt: '2022-07-20T09:00',
      presidedBy: '市委常委会',
      roster: { membersDue: 53, alternates: 9, attendees: 0 },
      quorum: { rule: 'M1', met: false, present: 0, expected: 53, minimumPresent: 27 },
    });
    expect(meeting.attendeeGroups).toHaveLength(3);

    // 48 members and 7 alternates check in; 5 members are on leave.
    const sitting = `/api/congresses/${meeting.id}/sittings/${meeting.sittingId}/attendance`;
    const roster = (await client.get(`/api/congresses/${meeting.id}/delegates`)).json() as {
      name: string;
      code: string;
    }[];
    const codeOf = new Map(roster.map((d) => [d.name, d.code]));
    // [M1] The roster is the register's: nobody is added to it as a delegate, one by one or from
    // a file (someone typed in would vote, and be counted in the news, as a member).
    const added = await client.post(`/api/congresses/${meeting.id}/delegates`, {
      name: '李红',
      ethnicity: '汉族',
      gender: '女',
    });
    expect(added.statusCode).toBe(409);
    expect(added.json().error).toMatchObject({ code: 'roster-from-register' });
    const file = { fileName: '名单.csv', contentBase64: gbkCsv(listRows(3)).toString('base64') };
    const imported = await client.post(`/api/congresses/${meeting.id}/delegate-imports/commit`, file);
    expect(imported.statusCode).toBe(409);
    expect((await client.get(`/api/congresses/${meeting.id}/delegates`)).json()).toHaveLength(roster.length);
    for (const name of MEMBERS.slice(0, 48)) {
      expect(
        (await client.post(`${sitting}/check-in`, { code: codeOf.get(name), desk: '1' })).statusCode,
      ).toBe(200);
    }
    for (const name of MEMBERS.slice(48)) {
      expect(
        (await client.post(`${sitting}/leave`, { code: codeOf.get(name), reason: 'personal' })).statusCode,
      ).toBe(200);
    }
    for (const { name } of ALTERNATES.slice(0, 7)) {
      expect(
        (await client.post(`${sitting}/check-in`, { code: codeOf.get(name), desk: '1' })).statusCode,
      ).toBe(200);
    }
    const counts = (await client.get(`${sitting}/counts`)).json();
    expect(counts).toMatchObject({
      expected: 53,
      present: 48,
      onLeave: { total: 5, personal: 5 },
      alternates: { expected: 9, present: 7 },
      nonVoting: { expected: 9, present: 7 },
      quorum: { rule: 'M1', met: true, minimumPresent: 27, atLeast: false },
    });
    expect(counts.summary.zh).toBe('应到委员53名，请假5人（因事5人），实到委员48名，符合法定人数');
    const after = (await client.get(`/api/congresses/${meeting.id}/meeting`)).json();
    expect(after.quorum).toMatchObject({ rule: 'M1', met: true, present: 48 });

    // The date held is the office's record: corrected afterwards, the title and calendar follow it.
    const moved = await client.patch(`/api/congresses/${meeting.id}/meeting`, { heldAt: '2022-07-19T14:30' });
    expect(moved.json()).toMatchObject({ heldAt: '2022-07-19T14:30' });
    const calendar = (await client.get(`/api/terms/${termId}/meetings?year=2022`)).json();
    expect(calendar.map((m: { title: string; heldAt: string }) => [m.title, m.heldAt])).toEqual([
      ['市委八届二次全体(扩大)会议', '2022-07-19T14:30'],
    ]);
  });

  it('[M2] a standing committee meeting: its members on the roster, numbered within the term and the year', async () => {
    const client = await office(target);
    const { termId } = await recordCommittee(client, {
      ...QUZHOU,
      members: MEMBERS,
      alternates: ALTERNATES,
      standing: STANDING,
    });
    const first = (
      await client.post(`/api/terms/${termId}/meetings`, {
        committee: 'standing-committee',
        heldAt: '2022-01-05',
        presidedBy: '高屹',
      })
    ).json();
    const second = (
      await client.post(`/api/terms/${termId}/meetings`, {
        committee: 'standing-committee',
        heldAt: '2022-01-19T15:00',
        presidedBy: '高屹',
      })
    ).json();
    const nextYear = (
      await client.post(`/api/terms/${termId}/meetings`, {
        committee: 'standing-committee',
        heldAt: '2023-01-04',
        presidedBy: '高屹',
      })
    ).json();
    expect([first, second, nextYear].map((m) => [m.number, m.yearNumber, m.title])).toEqual([
      [1, 1, '市委常委会2022年第1次会议'],
      [2, 2, '市委常委会2022年第2次会议'],
      [3, 1, '市委常委会2023年第1次会议'],
    ]);
    expect(first).toMatchObject({
      roster: { membersDue: 11, alternates: 0, attendees: 0 },
      quorum: { rule: 'M2', met: false, minimumPresent: 6 },
    });
    const taken = await client.post(`/api/terms/${termId}/meetings`, {
      committee: 'standing-committee',
      heldAt: '2022-02-01',
      yearNumber: 2,
    });
    expect(taken.statusCode).toBe(409);
  });

  it('[M5] a member leaves; the first alternate in [T6] order succeeds, pending approval; meetings take the new roster', async () => {
    const client = await office(target);
    const { termId } = await recordCommittee(client, {
      ...QUZHOU,
      members: MEMBERS,
      alternates: ALTERNATES,
      standing: STANDING,
    });
    const register = (await client.get(`/api/terms/${termId}/register`)).json();
    const leaving = register.people.find((p: { name: string }) => p.name === STANDING[0]);
    const departed = await client.post(`/api/terms/${termId}/register/${leaving.entryId}/departure`, {
      leftOn: '2022-03-01',
      reason: '调离衢州',
    });
    expect(departed.statusCode, departed.body).toBe(200);
    const afterDeparture = departed.json();
    expect(afterDeparture.counts).toEqual({ members: 52, alternates: 9, standingMembers: 10 });
    expect(afterDeparture.vacancies.map((v: { personName: string }) => v.personName)).toEqual([STANDING[0]]);
    expect(
      afterDeparture.former.map((f: { personName: string; position: string; leftReason: string }) => [
        f.personName,
        f.position,
        f.leftReason,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [STANDING[0], 'member', '调离衢州'],
        [STANDING[0], 'standing-member', '调离衢州'],
      ]),
    );
    const succeeded = await client.post(
      `/api/terms/${termId}/register/${afterDeparture.vacancies[0].id}/succession`,
      { on: '2022-07-19' },
    );
    expect(succeeded.statusCode, succeeded.body).toBe(200);
    const afterSuccession = succeeded.json();
    expect(afterSuccession.counts).toEqual({ members: 53, alternates: 8, standingMembers: 10 });
    expect(afterSuccession.vacancies).toEqual([]);
    const successor = afterSuccession.current.find(
      (e: { personName: string; position: string }) =>
        e.personName === ALTERNATES[0]!.name && e.position === 'member',
    );
    expect(successor).toMatchObject({
      source: 'succession',
      since: '2022-07-19',
      reportingStatus: 'pending-approval',
    });
    expect(
      afterSuccession.people
        .filter((p: { standing: string }) => p.standing === 'alternate')
        .map((p: { name: string; alternateRank: number }) => [p.name, p.alternateRank]),
    ).toEqual(ALTERNATES.slice(1).map((a, i) => [a.name, i + 1]));
    // A second succession for the same seat is refused.
    expect(
      (
        await client.post(`/api/terms/${termId}/register/${afterDeparture.vacancies[0].id}/succession`, {
          on: '2022-07-20',
        })
      ).statusCode,
    ).toBe(409);
    // The next plenary's roster has the successor as a member and one alternate fewer.
    const plenary = (
      await client.post(`/api/terms/${termId}/meetings`, { committee: 'plenary', heldAt: '2022-07-20' })
    ).json();
    expect(plenary.roster).toEqual({ membersDue: 53, alternates: 8, attendees: 0 });
    // [P6] The higher committee approves the succession; the register says so.
    const approved = await client.post(`/api/terms/${termId}/positions/${successor.id}/approve`, {
      note: '经省委批准',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ reportingStatus: 'approved', approvalNote: '经省委批准' });
    const registered = (await client.get(`/api/terms/${termId}/register`)).json();
    expect(registered.current.find((e: { id: string }) => e.id === successor.id)).toMatchObject({
      reportingStatus: 'approved',
    });
    const audit = JSON.stringify((await client.get('/api/audit?limit=50')).json());
    expect(audit).toContain('register.departure');
    expect(audit).toContain('调离衢州');
    expect(audit).toContain('register.succession');
  });
});

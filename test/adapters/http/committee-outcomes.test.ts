import { afterEach, expect, it } from 'vitest';
import { issueCredentials } from '../../../src/services/congress/credentials.ts';
import { attend, recordCommittee, rosterNames } from '../../support/committee.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, SYSTEM, type TestApp, testApp } from '../../support/http.ts';

// Topics, decisions and minutes of the committee's meetings through the HTTP API: the topic queue
// (request, review, agenda, defer; cadre topics kept from unit staff), decisions by [M4] and [M3],
// and the minutes numbered per year (〔2022〕1号).

// biome-ignore lint/suspicious/noExplicitAny: answers are JSON, checked by the assertions that read them
type Json = any;

let test: TestApp | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

async function ok(response: Promise<{ statusCode: number; body: string }>): Promise<Json> {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBeLessThan(300);
  return answer.body === '' ? undefined : JSON.parse(answer.body);
}

const STANDING = rosterNames(11, ['高屹']);

async function setUp(target: Parameters<typeof openMigrated>[0]) {
  test = await testApp(await openMigrated(target));
  const office = await clientWithRoles(test, 'office', [{ congressId: '*', role: 'admin' }]);
  const members = ['高屹', ...STANDING, ...rosterNames(60, ['高屹', ...STANDING]).slice(20, 40)];
  const committee = await recordCommittee(office, {
    organisation: { name: '中国共产党衢州市委员会', shortName: '市委', locality: '衢州市' },
    term: 8,
    startedOn: '2021-09-28',
    members,
    alternates: [],
    secretary: '高屹',
    deputies: STANDING.slice(0, 2),
    standing: STANDING.slice(2),
  });
  const units = `/api/organisations/${committee.organisationId}/units`;
  const organisationDept = await ok(office.post(units, { name: '市委组织部' }));
  const development = await ok(office.post(units, { name: '市发展改革委' }));
  await ok(
    office.post(`/api/units/${development.id}/accounts`, {
      username: 'fgw',
      displayName: '发改委联络员',
      password: 'fgw-password-1',
    }),
  );
  const unitStaff = await new (office.constructor as new (app: unknown) => Client)(test.app).login(
    'fgw',
    'fgw-password-1',
  );
  return { office, unitStaff, ...committee, organisationDept, development };
}

async function standingMeeting(office: Client, termId: string, heldAt: string): Promise<Json> {
  return ok(
    office.post(`/api/terms/${termId}/meetings`, {
      committee: 'standing-committee',
      heldAt,
      presidedBy: '高屹',
    }),
  );
}

describeEachDatabase('topics, decisions and minutes of the committee', (target) => {
  it('[M6] the topic queue: a unit requests, the office reviews and schedules, a deferred topic returns', async () => {
    const { office, unitStaff, termId, development } = await setUp(target);
    const topics = `/api/terms/${termId}/topics`;
    const request = {
      committee: 'standing-committee',
      requestingUnitId: development.id,
      kind: 'decision',
      title: '关于2023年重大项目计划的汇报',
      presentingUnit: '市发展改革委',
      presenter: '张建国',
      papers: [{ title: '2023年重大项目计划（送审稿）' }],
      attendees: ['市财政局局长'],
    };
    const requested = await ok(unitStaff.post(topics, request));
    expect(requested).toMatchObject({
      status: 'requested',
      requestingUnit: { name: '市发展改革委' },
      confidential: false,
    });
    // A unit acts only for its own units.
    const other = await unitStaff.post(topics, { ...request, requestingUnitId: 'x'.repeat(10) });
    expect(other.statusCode).toBe(404);
    // The unit may still correct it; after review only the office may.
    await ok(unitStaff.patch(`${topics}/${requested.id}`, { title: '关于2023年重大项目计划安排的汇报' }));
    expect((await unitStaff.post(`${topics}/${requested.id}/review`, { approve: true })).statusCode).toBe(
      403,
    );
    const approved = await ok(office.post(`${topics}/${requested.id}/review`, { approve: true }));
    expect(approved.status).toBe('approved');
    expect((await unitStaff.patch(`${topics}/${requested.id}`, { title: '改' })).statusCode).toBe(409);

    const plenary = await ok(
      office.post(`/api/terms/${termId}/meetings`, { committee: 'plenary', heldAt: '2022-07-20' }),
    );
    const wrongBody = await office.post(`/api/congresses/${plenary.id}/topics`, { topicId: requested.id });
    expect(wrongBody.statusCode).toBe(400);
    const meeting = await standingMeeting(office, termId, '2022-08-02T15:00');
    const agenda = await ok(office.post(`/api/congresses/${meeting.id}/topics`, { topicId: requested.id }));
    expect(agenda.map((t: Json) => [t.title, t.status, t.sortOrder])).toEqual([
      ['关于2023年重大项目计划安排的汇报', 'scheduled', 1],
    ]);
    expect(await ok(office.get(topics))).toEqual([]);
    const deferred = await ok(
      office.post(`/api/congresses/${meeting.id}/topics/${requested.id}/defer`, { note: '待进一步论证' }),
    );
    expect(deferred).toEqual([]);
    expect((await ok(office.get(topics))).map((t: Json) => [t.status, t.note])).toEqual([
      ['deferred', '待进一步论证'],
    ]);
  });

  it('[M3] a cadre topic is kept from unit staff, and its decisions need two-thirds present, one person at a time', async () => {
    const { office, unitStaff, termId, organisationDept } = await setUp(target);
    const topics = `/api/terms/${termId}/topics`;
    const cadre = await ok(
      office.post(topics, {
        committee: 'standing-committee',
        requestingUnitId: organisationDept.id,
        kind: 'cadre',
        title: '干部任免事项',
        presenter: '组织部长',
      }),
    );
    expect(cadre.confidential).toBe(true);
    expect(await ok(unitStaff.get(topics))).toEqual([]);
    await ok(office.post(`${topics}/${cadre.id}/review`, { approve: true }));
    const meeting = await standingMeeting(office, termId, '2022-08-16T09:00');
    await ok(office.post(`/api/congresses/${meeting.id}/topics`, { topicId: cadre.id }));
    // 12 standing members; 7 present is not two-thirds (8 are needed).
    await attend(office, meeting, 7);
    const view = await ok(office.get(`/api/congresses/${meeting.id}/meeting`));
    expect(view.quorum).toMatchObject({ rule: 'M3', met: false, expected: 12, minimumPresent: 8 });
    const decision = {
      topicId: cadre.id,
      kind: 'cadre',
      title: '任命',
      person: '李建国',
      votingMethod: 'show-of-hands',
      votesFor: 7,
      votesAgainst: 0,
      votesAbstain: 0,
    };
    const refused = await office.post(`/api/congresses/${meeting.id}/decisions`, decision);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ rule: 'M3' });
    const noPerson = await office.post(`/api/congresses/${meeting.id}/decisions`, {
      ...decision,
      person: null,
    });
    expect(noPerson.statusCode).toBe(400);
    // An eighth member arrives: now it may decide.
    const roster: Json[] = await ok(office.get(`/api/congresses/${meeting.id}/delegates`));
    const desk = `/api/congresses/${meeting.id}/sittings/${meeting.sittingId}/attendance`;
    await ok(office.post(`${desk}/cancel-leave`, { code: roster[7].code }));
    await ok(office.post(`${desk}/check-in`, { code: roster[7].code, desk: '1' }));
    const adopted = await ok(
      office.post(`/api/congresses/${meeting.id}/decisions`, { ...decision, votesFor: 8 }),
    );
    expect(adopted).toMatchObject({
      status: 'adopted',
      present: 8,
      membersDue: 12,
      verdict: { rule: 'M4', minimumFor: 7 },
    });
    // The meeting's members see the cadre topic on its agenda (logged in with their cards); unit staff do not.
    const cards = await issueCredentials(test!.context, SYSTEM, meeting.id);
    const member = await new Client(test!.app).delegateLogin(
      meeting.id,
      cards.find((c) => c.delegateId === roster[0].id)!.credential,
    );
    const agenda: Json[] = await ok(member.get(`/api/congresses/${meeting.id}/topics`));
    expect(agenda.map((t) => t.title)).toContain('干部任免事项');
    expect((await unitStaff.get(`/api/congresses/${meeting.id}/topics`)).statusCode).toBe(403);
    // Unit staff do not read a meeting's record at all; the office sees the cadre decision.
    expect((await unitStaff.get(`/api/congresses/${meeting.id}/outcomes`)).statusCode).toBe(403);
    expect((await ok(office.get(`/api/congresses/${meeting.id}/outcomes`))).decisions).toHaveLength(1);
  });

  it('[M4] votes for must exceed half of the members due: 6 of 12 fails, 7 passes; no proxies; a deferral returns the topic', async () => {
    const { office, termId, development } = await setUp(target);
    const meeting = await standingMeeting(office, termId, '2022-09-06T09:00');
    await attend(office, meeting, 9);
    const decisions = `/api/congresses/${meeting.id}/decisions`;
    const base = {
      title: '关于某事项的决定',
      votingMethod: 'show-of-hands',
      votesAgainst: 2,
      votesAbstain: 1,
    };
    expect(await ok(office.post(decisions, { ...base, votesFor: 6 }))).toMatchObject({
      status: 'rejected',
      verdict: { adopted: false, membersDue: 12, minimumFor: 7 },
    });
    expect(await ok(office.post(decisions, { ...base, votesFor: 7, votesAgainst: 1 }))).toMatchObject({
      status: 'adopted',
    });
    const proxy = await office.post(decisions, { ...base, votesFor: 8 });
    expect(proxy.statusCode).toBe(400);
    expect(proxy.json().error.zh).toContain('不得委托他人表决');
    const topics = `/api/terms/${termId}/topics`;
    const divisive = await ok(
      office.post(topics, {
        committee: 'standing-committee',
        requestingUnitId: development.id,
        kind: 'decision',
        title: '有争议的事项',
      }),
    );
    await ok(office.post(`${topics}/${divisive.id}/review`, { approve: true }));
    await ok(office.post(`/api/congresses/${meeting.id}/topics`, { topicId: divisive.id }));
    const deferred = await ok(
      office.post(decisions, {
        topicId: divisive.id,
        title: '有争议的事项',
        votingMethod: 'show-of-hands',
        deferred: true,
      }),
    );
    expect(deferred).toMatchObject({ status: 'deferred', verdict: null, votesFor: null });
    expect((await ok(office.get(topics))).map((t: Json) => [t.title, t.status])).toEqual([
      ['有争议的事项', 'deferred'],
    ]);
    // A correction keeps the members due and present of the moment it was decided.
    const corrected = await ok(
      office.put(`${decisions}/${deferred.id}`, {
        ...base,
        title: '有争议的事项',
        votesFor: 7,
        votesAgainst: 1,
      }),
    );
    expect(corrected).toMatchObject({ status: 'adopted', present: 9, membersDue: 12 });
  });

  it('[M6] minutes: drafted from the record, numbered per year when issued, frozen after, printable', async () => {
    const { office, termId } = await setUp(target);
    const first = await standingMeeting(office, termId, '2022-11-01T09:00');
    await attend(office, first, 11);
    await ok(
      office.put(`/api/congresses/${first.id}/outcomes/conclusions`, {
        conclusions: [{ verb: 'stressed', text: '要抓好冬季安全生产' }],
      }),
    );
    const draft = await ok(office.get(`/api/congresses/${first.id}/minutes`));
    expect(draft).toMatchObject({
      status: 'draft',
      title: '市委常委会会议纪要',
      number: null,
      documentNumber: null,
    });
    expect(draft.body).toContain('2022年11月1日上午，高屹主持召开市委常委会2022年第1次会议。');
    expect(draft.body).toContain('会议强调，要抓好冬季安全生产。');
    expect(draft.body).toMatch(/请假：\S+（住院）/);
    const saved = await ok(
      office.put(`/api/congresses/${first.id}/minutes`, {
        title: draft.title,
        body: draft.body,
        distribution: ['市委常委', '市委办公室'],
      }),
    );
    expect(saved.status).toBe('draft');
    const issued = await ok(
      office.post(`/api/congresses/${first.id}/minutes/issue`, { issuedOn: '2022-11-02' }),
    );
    expect(issued).toMatchObject({
      status: 'issued',
      number: 1,
      documentNumber: '〔2022〕1号',
      issuedOn: '2022-11-02',
    });
    const edit = { title: draft.title, body: `${draft.body}\n补充`, distribution: [] };
    expect((await office.put(`/api/congresses/${first.id}/minutes`, edit)).statusCode).toBe(409);
    const frozen = await office.put(`/api/congresses/${first.id}/outcomes/conclusions`, { conclusions: [] });
    expect(frozen.statusCode).toBe(409);

    const second = await standingMeeting(office, termId, '2022-11-15T09:00');
    const secondDraft = await ok(office.get(`/api/congresses/${second.id}/minutes`));
    await ok(
      office.put(`/api/congresses/${second.id}/minutes`, {
        title: secondDraft.title,
        body: secondDraft.body,
        distribution: [],
      }),
    );
    expect(
      (await ok(office.post(`/api/congresses/${second.id}/minutes/issue`, { issuedOn: '2022-11-16' })))
        .documentNumber,
    ).toBe('〔2022〕2号');
    const nextYear = await standingMeeting(office, termId, '2023-01-05T09:00');
    const nextDraft = await ok(office.get(`/api/congresses/${nextYear.id}/minutes`));
    await ok(
      office.put(`/api/congresses/${nextYear.id}/minutes`, {
        title: nextDraft.title,
        body: nextDraft.body,
        distribution: [],
      }),
    );
    expect(
      (await ok(office.post(`/api/congresses/${nextYear.id}/minutes/issue`, { issuedOn: '2023-01-06' })))
        .documentNumber,
    ).toBe('〔2023〕1号');
    const pdf = await office.get(`/api/congresses/${first.id}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

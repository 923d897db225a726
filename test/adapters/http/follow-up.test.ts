import { afterEach, expect, it } from 'vitest';
import { attend, type RecordedCommittee, recordCommittee, rosterNames } from '../../support/committee.ts';
import { describeEachDatabase, openMigrated, type TestDatabase } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

// Follow-up (督办) [M6] through the HTTP API: the office turns a plenary's decision into a task with
// a lead unit, supporting units and a deadline; the units' staff — accounts created through the
// API, logging in with their passwords — acknowledge it and report; the office checks, returns,
// checks again and closes it (销号). Extensions, the overdue and due-soon views on the test clock
// (China time), report-back onto a later meeting's agenda, and one audit entry per step.

const SECRETARY = '高屹';
const DEPUTIES = ['徐张艳', '徐良平'];
const OTHERS = rosterNames(9, [SECRETARY, ...DEPUTIES]);
const COMMITTEE = {
  organisation: { name: '中国共产党衢州市委员会', shortName: '市委', locality: '衢州市' },
  term: 8,
  startedOn: '2021-09-28',
  secretary: SECRETARY,
  deputies: DEPUTIES,
  members: [SECRETARY, ...DEPUTIES, ...OTHERS],
  standing: OTHERS.slice(0, 2),
  alternates: rosterNames(14, [SECRETARY, ...DEPUTIES])
    .slice(11, 13)
    .map((name, index) => ({ name, votes: 200 - index })),
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Reply {
  statusCode: number;
  body: string;
  json(): unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: the answers are checked against the contract by testApp
type Json = any;

async function ok(response: Promise<Reply>): Promise<Json> {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json();
}

async function refused(response: Promise<Reply>, status: number, code?: string): Promise<Json> {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  const { error } = answer.json() as Json;
  if (code) expect(error.code).toBe(code);
  return error;
}

interface World extends RecordedCommittee {
  readonly test: TestApp;
  readonly office: Client;
  /** 市发展改革委: leads the tasks. */
  readonly fgw: Client;
  /** 市财政局: supports. */
  readonly czj: Client;
  readonly units: { fgw: string; czj: string; zjj: string };
  /** 八届二次全会, 2026-09-20: where the tasks come from. */
  readonly plenary: Json;
  /** A standing committee meeting before it (2026-08-01) and one after it (2026-10-15). */
  readonly earlier: Json;
  readonly later: Json;
  readonly decisionId: string;
  readonly conclusionId: string;
}

let running: TestApp | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function world(target: TestDatabase): Promise<World> {
  const test = await testApp(await openMigrated(target));
  running = test;
  const office = await clientWithRoles(test, 'office', [{ congressId: '*', role: 'admin' }]);
  const committee = await recordCommittee(office, COMMITTEE);
  const unit = async (name: string) =>
    (await ok(office.post(`/api/organisations/${committee.organisationId}/units`, { name }))).id as string;
  const units = {
    fgw: await unit('市发展改革委'),
    czj: await unit('市财政局'),
    zjj: await unit('市住房城乡建设局'),
  };
  // Unit staff: accounts created through the API, logging in with their own passwords.
  const staff = async (unitId: string, username: string, displayName: string) => {
    const password = `${username}-secret-1`;
    const account = await ok(
      office.post(`/api/units/${unitId}/accounts`, { username, displayName, password }),
    );
    expect(account.username).toBe(username);
    return new Client(test.app).login(username, password);
  };
  const meeting = (body: object) => ok(office.post(`/api/terms/${committee.termId}/meetings`, body));
  const earlier = await meeting({ committee: 'standing-committee', heldAt: '2026-08-01T09:00' });
  const plenary = await meeting({ committee: 'plenary', number: 2, heldAt: '2026-09-20T09:00' });
  const later = await meeting({ committee: 'standing-committee', heldAt: '2026-10-15T09:00' });
  // The plenary's decision and conclusion, recorded by the office with every member present.
  await attend(office, plenary);
  const decision = await ok(
    office.post(`/api/congresses/${plenary.id}/decisions`, {
      title: '中共衢州市委关于推进共同富裕示范区建设的决定',
      text: '全会审议通过了《决定》。',
      votingMethod: 'show-of-hands',
      votesFor: 12,
      votesAgainst: 0,
      votesAbstain: 0,
    }),
  );
  const outcomes = await ok(
    office.put(`/api/congresses/${plenary.id}/outcomes/conclusions`, {
      conclusions: [{ verb: 'stressed', text: '要加快推进重大项目建设。' }],
    }),
  );
  return {
    ...committee,
    test,
    office,
    fgw: await staff(units.fgw, 'fgw-staff', '发改委李明'),
    czj: await staff(units.czj, 'czj-staff', '财政局王芳'),
    units,
    plenary,
    earlier,
    later,
    decisionId: decision.id,
    conclusionId: outcomes.conclusions[0].id,
  };
}

function createTask(w: World, body: object = {}): Promise<Json> {
  return ok(
    w.office.post(`/api/congresses/${w.plenary.id}/tasks`, {
      title: '推进共同富裕示范区建设重大项目',
      detail: '年底前完成首批项目开工。',
      decisionId: w.decisionId,
      leadUnitId: w.units.fgw,
      supportingUnitIds: [w.units.czj],
      deadline: '2026-12-31',
      ...body,
    }),
  );
}

/** The audit actions about a task, oldest first. */
async function auditActions(w: World, taskId: string): Promise<string[]> {
  const page = await ok(w.office.get(`/api/audit?subject=task:${taskId}&limit=100`));
  return (page.entries as { action: string }[]).map((entry) => entry.action).reverse();
}

/** Moves the clock; sessions last 12 hours, so everyone logs in again. */
async function advance(w: World, ms: number): Promise<void> {
  w.test.clock.advance(ms);
  await w.office.login('office', 'office-password');
  await w.fgw.login('fgw-staff', 'fgw-staff-secret-1');
}

const ids = (tasks: { id: string }[]) => tasks.map((task) => task.id);

describeEachDatabase('follow-up (督办) through the HTTP API', (target) => {
  it('[M6] the whole life of a task: assigned, acknowledged, reported, returned, reported, checked, closed (销号)', async () => {
    const w = await world(target);
    const created = await createTask(w);
    expect(created).toMatchObject({
      termId: w.termId,
      meetingId: w.plenary.id,
      meetingTitle: w.plenary.title,
      decisionId: w.decisionId,
      conclusionId: null,
      title: '推进共同富裕示范区建设重大项目',
      leadUnit: { id: w.units.fgw, name: '市发展改革委' },
      supportingUnits: [{ id: w.units.czj, name: '市财政局' }],
      deadline: '2026-12-31',
      status: 'assigned',
      overdue: false,
      dueSoon: false,
      pendingExtension: null,
      reportBackTopicId: null,
      closedAt: null,
    });
    expect(w.plenary.title).toBe('市委八届二次全体会议');
    const task = `/api/tasks/${created.id}`;

    // Only the lead unit acknowledges; a supporting unit reports only once it has.
    await refused(w.czj.post(`${task}/acknowledge`), 403);
    await refused(w.czj.post(`${task}/progress`, { text: '已安排资金' }), 409, 'task-not-acknowledged');
    const acknowledged = await ok(w.fgw.post(`${task}/acknowledge`, { text: '已签收，由综合处承办' }));
    expect(acknowledged.status).toBe('acknowledged');
    await refused(w.fgw.post(`${task}/acknowledge`), 409, 'task-not-assigned');

    const reported = await ok(w.fgw.post(`${task}/progress`, { text: '首批12个项目已完成前期工作' }));
    expect(reported.status).toBe('reported');
    const supported = await ok(w.czj.post(`${task}/progress`, { text: '已下达专项资金3亿元' }));
    expect(supported.events.at(-1)).toMatchObject({
      kind: 'reported',
      by: '财政局王芳',
      unit: { id: w.units.czj, name: '市财政局' },
    });

    // Units do not check or close; the office closes only a checked task.
    await refused(w.fgw.post(`${task}/check`, { accepted: true }), 403);
    await refused(w.fgw.post(`${task}/close`), 403);
    await refused(w.office.post(`${task}/close`), 409, 'task-not-checked');
    const unexplained = await refused(w.office.post(`${task}/check`, { accepted: false }), 400);
    expect(unexplained.field).toBe('body.text');
    const returned = await ok(w.office.post(`${task}/check`, { accepted: false, text: '请补充开工时间表' }));
    expect(returned.status).toBe('acknowledged');
    expect(returned.events.at(-1)).toMatchObject({
      kind: 'returned',
      by: 'office',
      text: '请补充开工时间表',
    });
    await refused(w.office.post(`${task}/check`, { accepted: true }), 409, 'task-not-reported');

    await ok(w.fgw.post(`${task}/progress`, { text: '已补充开工时间表：11月30日前全部开工' }));
    const checked = await ok(w.office.post(`${task}/check`, { accepted: true, text: '核查属实' }));
    expect(checked.status).toBe('checked');
    await refused(w.fgw.post(`${task}/progress`, { text: '再报一次' }), 409, 'task-done');
    w.test.clock.advance(HOUR);
    const closed = await ok(w.office.post(`${task}/close`, { text: '同意销号' }));
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-09-27T02:00:00.000Z' });
    expect(closed.events.map((e: Json) => [e.kind, e.by, e.unit?.name ?? null])).toEqual([
      ['assigned', 'office', null],
      ['acknowledged', '发改委李明', '市发展改革委'],
      ['reported', '发改委李明', '市发展改革委'],
      ['reported', '财政局王芳', '市财政局'],
      ['returned', 'office', null],
      ['reported', '发改委李明', '市发展改革委'],
      ['checked', 'office', null],
      ['closed', 'office', null],
    ]);
    await refused(w.office.post(`${task}/close`), 409, 'task-not-checked');

    // Both units see the closed task with its history; the board lists it as closed, not open.
    expect(await ok(w.czj.get(task))).toEqual(closed);
    const board = `/api/terms/${w.termId}/tasks`;
    expect(ids(await ok(w.fgw.get(`${board}?view=closed`)))).toEqual([created.id]);
    expect(await ok(w.fgw.get(board))).toEqual([]);

    // One audit entry per step, refusals none.
    expect(await auditActions(w, created.id)).toEqual([
      'task.create',
      'task.acknowledge',
      'task.report',
      'task.report',
      'task.return',
      'task.report',
      'task.check',
      'task.close',
    ]);
  });

  it("[M6] a unit's staff see and act on only their own units' tasks: any other answers 404, like an unknown id", async () => {
    const w = await world(target);
    const ours = await createTask(w);
    w.test.clock.advance(60_000);
    const theirs = await createTask(w, {
      title: '推进老旧小区改造',
      decisionId: null,
      conclusionId: w.conclusionId,
      leadUnitId: w.units.zjj,
      supportingUnitIds: [],
    });
    expect(theirs).toMatchObject({ decisionId: null, conclusionId: w.conclusionId, supportingUnits: [] });

    expect(await ok(w.fgw.get('/api/units/mine'))).toEqual([
      { id: w.units.fgw, organisationId: w.organisationId, name: '市发展改革委', sortOrder: 1 },
    ]);
    expect((await ok(w.office.get('/api/units/mine'))).map((u: Json) => u.name)).toEqual([
      '市发展改革委',
      '市财政局',
      '市住房城乡建设局',
    ]);
    expect((await ok(w.fgw.get(`/api/organisations/${w.organisationId}/units`))).length).toBe(3);

    const board = `/api/terms/${w.termId}/tasks?view=all`;
    expect(ids(await ok(w.office.get(board)))).toEqual([ours.id, theirs.id]);
    expect(ids(await ok(w.fgw.get(board)))).toEqual([ours.id]);
    expect(ids(await ok(w.czj.get(board)))).toEqual([ours.id]);
    expect(ids(await ok(w.office.get(`${board}&unitId=${w.units.zjj}`)))).toEqual([theirs.id]);
    expect(ids(await ok(w.fgw.get(`${board}&unitId=${w.units.zjj}`)))).toEqual([]);

    const unknown = await refused(w.fgw.get('/api/tasks/no-such-task'), 404);
    const other = `/api/tasks/${theirs.id}`;
    expect(await refused(w.fgw.get(other), 404)).toEqual(unknown);
    expect(await refused(w.fgw.post(`${other}/acknowledge`), 404)).toEqual(unknown);
    expect(await refused(w.fgw.post(`${other}/progress`, { text: '代报' }), 404)).toEqual(unknown);
    expect(
      await refused(w.fgw.post(`${other}/extension`, { deadline: '2027-06-30', text: '延期' }), 404),
    ).toEqual(unknown);
    // Closing, checking and deciding are the office's: refused by role, whichever the task.
    await refused(w.fgw.post(`${other}/close`), 403);
    await refused(w.fgw.post(`/api/tasks/${ours.id}/close`), 403);
    await refused(w.fgw.post(`/api/tasks/${ours.id}/extension/decision`, { grant: true }), 403);
    await refused(w.fgw.post(`/api/tasks/${ours.id}/report-back`, { meetingId: w.later.id }), 403);
    await refused(w.fgw.post(`/api/congresses/${w.plenary.id}/tasks`, {}), 403);
    await refused(w.fgw.post(`/api/organisations/${w.organisationId}/units`, { name: '市教育局' }), 403);
    await refused(
      w.fgw.post(`/api/units/${w.units.fgw}/accounts`, {
        username: 'fgw-two',
        displayName: '发改委二号',
        password: 'fgw-two-secret',
      }),
      403,
    );

    // Nothing the refusals touched changed.
    expect(await ok(w.office.get(other))).toEqual(theirs);
    expect(await auditActions(w, theirs.id)).toEqual(['task.create']);
  });

  it('[M6] the task names its meeting, decision and units correctly, or is refused (400 naming the field) and not stored', async () => {
    const w = await world(target);
    const other = await ok(
      w.office.post('/api/organisations', {
        name: '中国共产党丽水市委员会',
        shortName: '市委',
        locality: '丽水市',
        level: 'city',
      }),
    );
    const stranger = (
      await ok(w.office.post(`/api/organisations/${other.id}/units`, { name: '丽水市财政局' }))
    ).id;
    const field = async (body: object) =>
      (await refused(w.office.post(`/api/congresses/${w.plenary.id}/tasks`, { ...valid, ...body }), 400))
        .field;
    const valid = {
      title: '推进重大项目',
      decisionId: w.decisionId,
      leadUnitId: w.units.fgw,
      supportingUnitIds: [w.units.czj],
      deadline: '2026-12-31',
    };
    // The decision is the plenary's, not the later meeting's.
    await refused(w.office.post(`/api/congresses/${w.later.id}/tasks`, valid), 400);
    expect(await field({ decisionId: 'no-such-decision' })).toBe('body.decisionId');
    expect(await field({ conclusionId: 'no-such-conclusion' })).toBe('body.conclusionId');
    expect(await field({ leadUnitId: stranger })).toBe('body.leadUnitId');
    expect(await field({ leadUnitId: 'no-such-unit' })).toBe('body.leadUnitId');
    expect(await field({ supportingUnitIds: [w.units.czj, stranger] })).toBe('body.supportingUnitIds');
    expect(await field({ supportingUnitIds: [w.units.fgw] })).toBe('body.supportingUnitIds');
    expect(await field({ deadline: '2026-02-30' })).toBe('body.deadline');
    await refused(w.office.post('/api/congresses/no-such-meeting/tasks', valid), 404);

    expect(await ok(w.office.get(`/api/terms/${w.termId}/tasks?view=all`))).toEqual([]);
    expect(await w.test.context.database.db.selectFrom('tasks').selectAll().execute()).toEqual([]);
    const page = await ok(w.office.get('/api/audit?action=task&limit=100'));
    expect(page.entries).toEqual([]);
  });

  it('[M6] an extension asked by the lead unit and granted moves the deadline; a refused one keeps it', async () => {
    const w = await world(target);
    const created = await createTask(w);
    const task = `/api/tasks/${created.id}`;
    const extension = `${task}/extension`;

    await refused(w.czj.post(extension, { deadline: '2027-03-31', text: '资金未到位' }), 403);
    const early = await refused(w.fgw.post(extension, { deadline: '2026-12-31', text: '延期' }), 400);
    expect(early.field).toBe('body.deadline');
    await refused(w.office.post(`${extension}/decision`, { grant: true }), 409, 'no-extension-pending');

    const asked = await ok(w.fgw.post(extension, { deadline: '2027-03-31', text: '征地手续尚未完成' }));
    expect(asked).toMatchObject({
      deadline: '2026-12-31',
      pendingExtension: { deadline: '2027-03-31', text: '征地手续尚未完成' },
    });
    await refused(w.fgw.post(extension, { deadline: '2027-04-30', text: '再延' }), 409, 'extension-pending');
    const granted = await ok(w.office.post(`${extension}/decision`, { grant: true, text: '同意延期' }));
    expect(granted).toMatchObject({ deadline: '2027-03-31', pendingExtension: null });
    expect(granted.events.at(-1)).toMatchObject({
      kind: 'extension-granted',
      deadline: '2027-03-31',
      text: '同意延期',
    });

    await ok(w.fgw.post(extension, { deadline: '2027-06-30', text: '仍需延期' }));
    const kept = await ok(w.office.post(`${extension}/decision`, { grant: false, text: '不予延期' }));
    expect(kept).toMatchObject({ deadline: '2027-03-31', pendingExtension: null });
    expect(kept.events.map((e: Json) => [e.kind, e.deadline])).toEqual([
      ['assigned', '2026-12-31'],
      ['extension-requested', '2027-03-31'],
      ['extension-granted', '2027-03-31'],
      ['extension-requested', '2027-06-30'],
      ['extension-refused', '2027-06-30'],
    ]);
    expect((await ok(w.fgw.get(task))).deadline).toBe('2027-03-31');
    expect(await auditActions(w, created.id)).toEqual([
      'task.create',
      'task.extension-request',
      'task.extension-grant',
      'task.extension-request',
      'task.extension-refuse',
    ]);
  });

  it('[M6] overdue and due-within-3-days views follow the clock in China time (UTC+8)', async () => {
    const w = await world(target);
    // The test clock starts at 2026-09-27T01:00Z: 2026-09-27 09:00 in China.
    const soon = await createTask(w, { title: '九月底前报送方案', deadline: '2026-09-30' });
    const later = await createTask(w, { title: '十月中旬完成评估', deadline: '2026-10-12' });
    const board = (view: string) => w.office.get(`/api/terms/${w.termId}/tasks?view=${view}`);
    expect(soon).toMatchObject({ overdue: false, dueSoon: true });
    expect(ids(await ok(board('due-soon')))).toEqual([soon.id]);
    expect(ids(await ok(board('overdue')))).toEqual([]);
    expect(ids(await ok(board('open')))).toEqual([soon.id, later.id]);

    // 2026-09-30T16:30Z is still the 30th in UTC, but 1 October 00:30 in China: overdue.
    await advance(w, 3 * DAY + 15.5 * HOUR);
    expect(ids(await ok(board('overdue')))).toEqual([soon.id]);
    expect(ids(await ok(board('due-soon')))).toEqual([]);
    expect(await ok(w.fgw.get(`/api/tasks/${soon.id}`))).toMatchObject({ overdue: true, dueSoon: false });
    expect(ids(await ok(w.fgw.get(`/api/terms/${w.termId}/tasks?view=overdue`)))).toEqual([soon.id]);

    // 9 October in China: the second is due within 3 days (the 12th counts).
    await advance(w, 8 * DAY);
    expect(ids(await ok(board('due-soon')))).toEqual([later.id]);
    expect(ids(await ok(board('overdue')))).toEqual([soon.id]);

    // Closed, the overdue task leaves both views.
    const task = `/api/tasks/${soon.id}`;
    await ok(w.fgw.post(`${task}/acknowledge`));
    await ok(w.fgw.post(`${task}/progress`, { text: '方案已报送' }));
    await ok(w.office.post(`${task}/check`, { accepted: true }));
    const closed = await ok(w.office.post(`${task}/close`));
    expect(closed).toMatchObject({ overdue: false, dueSoon: false });
    expect(ids(await ok(board('overdue')))).toEqual([]);
    expect(ids(await ok(board('closed')))).toEqual([soon.id]);
  });

  it("[M6] report-back: a topic last on a later meeting's agenda; the same or an earlier meeting is refused (409)", async () => {
    const w = await world(target);
    const created = await createTask(w);
    const reportBack = `/api/tasks/${created.id}/report-back`;

    // The later meeting already has a topic on its agenda.
    const requested = await ok(
      w.office.post(`/api/terms/${w.termId}/topics`, {
        committee: 'standing-committee',
        requestingUnitId: w.units.czj,
        title: '关于2027年财政预算编制的汇报',
        kind: 'report',
      }),
    );
    await ok(w.office.post(`/api/terms/${w.termId}/topics/${requested.id}/review`, { approve: true }));
    await ok(w.office.post(`/api/congresses/${w.later.id}/topics`, { topicId: requested.id }));

    await refused(w.office.post(reportBack, { meetingId: w.earlier.id }), 409, 'not-a-later-meeting');
    await refused(w.office.post(reportBack, { meetingId: w.plenary.id }), 409, 'not-a-later-meeting');
    const unknown = await refused(w.office.post(reportBack, { meetingId: 'no-such-meeting' }), 400);
    expect(unknown.field).toBe('body.meetingId');

    const answered = await ok(w.office.post(reportBack, { meetingId: w.later.id }));
    expect(answered.reportBackTopicId).toEqual(expect.any(String));
    const agenda = await ok(w.office.get(`/api/congresses/${w.later.id}/topics`));
    expect(agenda.map((t: Json) => [t.title, t.sortOrder])).toEqual([
      ['关于2027年财政预算编制的汇报', 1],
      ['关于《推进共同富裕示范区建设重大项目》落实情况的汇报', 2],
    ]);
    expect(agenda[1]).toMatchObject({
      id: answered.reportBackTopicId,
      committee: 'standing-committee',
      kind: 'report',
      status: 'scheduled',
      meetingId: w.later.id,
      requestingUnit: { id: w.units.fgw, name: '市发展改革委' },
      reportBackTaskId: created.id,
    });
    // The lead unit sees the report-back on its task.
    expect((await ok(w.fgw.get(`/api/tasks/${created.id}`))).reportBackTopicId).toBe(
      answered.reportBackTopicId,
    );
    await refused(w.office.post(reportBack, { meetingId: w.later.id }), 409, 'report-back-scheduled');

    expect(await auditActions(w, created.id)).toEqual(['task.create', 'task.report-back']);
  });
});

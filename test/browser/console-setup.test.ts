import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIn } from '../../src/services/attendance/check-in.ts';
import { recordLeave } from '../../src/services/attendance/leave.ts';
import { enterPaperBallot } from '../../src/services/ballots/paper/paper-entry.ts';
import { openSitting } from '../../src/services/congress/sittings.ts';
import { DEMO_ACTOR, DEMO_PASSWORDS } from '../../src/services/demo/seed-demo.ts';
import { openRound } from '../../src/services/elections/rounds.ts';
import { adoptDemoScrutineers, holdSittingsBefore } from '../support/demo-congress.ts';
import {
  type AppServer,
  browserAvailable,
  buildWebApp,
  chooseOption,
  cleanUp,
  confirmPopup,
  holdEventStream,
  logIn,
  type OpenBrowser,
  openBrowser,
  SCREENSHOTS,
  screenshot,
  startAppServer,
  visitIn,
} from './harness.ts';
import { staffActor } from './staff-actor.ts';

// The console's set-up sections clicked through against a real server with the demo congress:
// as the secretariat, the sittings (a vote set up, taken by hand and adopted at the preparatory
// meeting; an agenda item added; executive chairs changed), the elections (the method's vote
// recorded, a candidate list broken against [C2] and restored, a list the server refuses,
// scrutineers and tellers set) and the attendance record; as a teller and a scrutineer the
// paper-ballot overview. Each section is photographed in Chinese and English on a desktop
// (1440×900) and a phone (390×844).

type Lang = 'zh' | 'en';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let app: AppServer;
let admin: OpenBrowser;
let staff: OpenBrowser;
const shots: string[] = [];

const db = () => app.server.context.database.db;
const section = (name: string) => `/c/${app.congressId}/console/${name}`;

const visit = (browser: OpenBrowser, path: string, lang: Lang, ready: string) =>
  visitIn(app, browser, path, lang, ready);

/** The section in both languages on a desktop and a phone; `ready` marks it as loaded. */
async function photograph(browser: OpenBrowser, name: string, ready: string): Promise<void> {
  for (const lang of ['zh', 'en'] as const) {
    for (const [device, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await browser.page.setViewportSize(size);
      await visit(browser, section(name), lang, ready);
      shots.push(await screenshot(browser.page, `${lang}-${device}-console-${name}`));
    }
  }
  await browser.page.setViewportSize(DESKTOP);
}

/** Confirms the Popconfirm that is open. */
const confirm = confirmPopup;

/** Types into an antd Select (a delegate by code) and picks the first match. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/**
 * Follows a button to another page and checks that it opened. What that page logs is its own
 * business (its own tests look at it): it is left out of this test's record of problems.
 */
async function leaveFor(page: Page, testId: string, pathname: string): Promise<void> {
  const seen = staff.problems.length;
  await page.getByTestId(testId).first().click();
  await page.waitForURL((url) => url.pathname === pathname);
  await page.waitForLoadState('networkidle');
  staff.problems.splice(seen);
}

async function sittingId(kind: 'preparatory' | 'plenary'): Promise<string> {
  const row = await db()
    .selectFrom('sittings')
    .select('id')
    .where('congress_id', '=', app.congressId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function committeeElection(): Promise<{ id: string }> {
  return db()
    .selectFrom('elections')
    .select('id')
    .where('congress_id', '=', app.congressId)
    .where('office', '=', 'committee-member')
    .executeTakeFirstOrThrow();
}

describe.runIf(browserAvailable)('the console set-up sections', () => {
  beforeAll(async () => {
    app = await startAppServer(await buildWebApp());
    [admin, staff] = await Promise.all([openBrowser(DESKTOP), openBrowser(DESKTOP)]);
    await logIn(admin.page, app.url, 'admin', DEMO_PASSWORDS.admin, section('sittings'));
  });

  afterAll(async () => {
    await cleanUp();
  });

  it('sittings: a vote is set up, taken by hand and adopted at the preparatory meeting', async () => {
    const page = await visit(admin, section('sittings'), 'zh', '[data-testid=sitting-item]');
    expect(await page.getByTestId('sitting-item').count()).toBe(4);
    const preparatory = await sittingId('preparatory');
    await page.locator(`[data-testid=sitting-item][data-sitting-id="${preparatory}"]`).click();
    const panel = page.locator(`[data-testid=sitting-panel][data-sitting-id="${preparatory}"]`);
    await panel.waitFor();
    // The demo's item has no vote yet: set it up to adopt the agenda, counted by hand.
    const item = panel.getByTestId('agenda-item').filter({ hasText: '通过大会议程' });
    expect(await item.getByTestId('vote-panel').getAttribute('data-stage')).toBe('unset');
    await item.getByTestId('vote-set-up').click();
    await chooseOption(page, page.getByTestId('agenda-proposal'), '大会议程');
    await page.locator('#agenda-save').click();
    await expect.poll(() => item.getByTestId('vote-panel').getAttribute('data-stage')).toBe('prepared');
    expect(await item.getByTestId('vote-rule').textContent()).toBe('赞成票超过实到人数的半数为通过');

    await panel.getByTestId('sitting-open').click();
    await confirm(page);
    await expect.poll(() => panel.getByTestId('sitting-status').textContent()).toBe('进行中');
    // Nobody checked in at the desks: the secretariat gives the number it counted in the hall.
    await item.getByLabel('实到人数', { exact: true }).fill('405');
    await item.getByTestId('vote-open').click();
    await confirm(page);
    await expect.poll(() => item.getByTestId('vote-panel').getAttribute('data-stage')).toBe('voting');
    expect(await item.getByTestId('vote-electors').textContent()).toBe('应到413人，实到405人');
    expect(await item.getByTestId('vote-rule').textContent()).toBe(
      '以实到405人为基数，赞成票至少203票为通过',
    );
    // More votes than those present cannot be sent.
    await item.getByLabel('赞成', { exact: true }).fill('400');
    await item.getByLabel('不赞成', { exact: true }).fill('5');
    await item.getByLabel('弃权', { exact: true }).fill('1');
    expect(await item.getByTestId('vote-close').isDisabled()).toBe(true);
    await item.getByLabel('弃权', { exact: true }).fill('0');
    await item.getByTestId('vote-close').click();
    await confirm(page);
    await expect.poll(() => item.getByTestId('vote-adopted').textContent()).toBe('通过');
    expect(await item.getByTestId('vote-result').textContent()).toContain('赞成 400不赞成 5弃权 0');
    const vote = await db()
      .selectFrom('adoption_votes')
      .selectAll()
      .where('subject', '=', '通过大会议程')
      .executeTakeFirstOrThrow();
    expect(vote).toMatchObject({ status: 'closed', adopted: 1, votes_for: 400, present: 405, expected: 413 });

    await panel.getByTestId('sitting-close').click();
    await confirm(page);
    await expect.poll(() => panel.getByTestId('sitting-status').textContent()).toBe('已结束');
  });

  it('sittings: an agenda item is added and the executive chairs are changed', async () => {
    const page = admin.page;
    const plenary = await sittingId('plenary');
    await page.locator(`[data-testid=sitting-item][data-sitting-id="${plenary}"]`).click();
    const panel = page.locator(`[data-testid=sitting-panel][data-sitting-id="${plenary}"]`);
    await panel.waitFor();
    const before = await panel.getByTestId('agenda-item').count();
    await panel.getByTestId('agenda-add').click();
    await page.getByTestId('agenda-title-input').fill('听取和审查代表资格审查委员会关于代表资格的审查报告');
    await page.getByTestId('agenda-presenter').fill('孟宪东');
    await page.locator('#agenda-save').click();
    await expect.poll(() => panel.getByTestId('agenda-item').count()).toBe(before + 1);
    const added = panel.getByTestId('agenda-item').last();
    expect(await added.getByTestId('agenda-title').textContent()).toBe(
      '听取和审查代表资格审查委员会关于代表资格的审查报告',
    );
    expect(await added.textContent()).toContain('报告人：孟宪东');
    const stored = await db()
      .selectFrom('agenda_items')
      .selectAll()
      .where('sitting_id', '=', plenary)
      .orderBy('sort_order', 'desc')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ kind: 'report', presenter: '孟宪东' });

    // A presidium member who is not yet a chair of this sitting, chosen by delegate code.
    const chairs = new Set(
      (
        await db()
          .selectFrom('sitting_chairs')
          .select('delegate_id')
          .where('sitting_id', '=', plenary)
          .execute()
      ).map((c) => c.delegate_id),
    );
    const members = await db()
      .selectFrom('body_members as m')
      .innerJoin('delegates as d', 'd.id', 'm.delegate_id')
      .select(['d.id', 'd.name', 'd.code'])
      .where('m.congress_id', '=', app.congressId)
      .where('m.body', '=', 'presidium')
      .execute();
    const newcomer = members.find((m) => !chairs.has(m.id))!;
    const chairsCard = panel.getByTestId('chairs-card');
    await chairsCard.getByTestId('chairs-edit').click();
    await pick(page, 'chairs-select', newcomer.code);
    await chairsCard.getByTestId('chairs-save').click();
    await expect.poll(() => chairsCard.getByTestId('chairs').locator('li').count()).toBe(chairs.size + 1);
    expect(await chairsCard.getByTestId('chairs').locator('li').last().textContent()).toBe(newcomer.name);
    const saved = await db()
      .selectFrom('sitting_chairs')
      .selectAll()
      .where('sitting_id', '=', plenary)
      .execute();
    expect(saved.find((c) => c.delegate_id === newcomer.id)?.rank).toBe(chairs.size + 1);
    expect(await page.getByTestId('presidium-guide').textContent()).toMatch(
      /^\[P3\] 主席团人数一般为代表总数（417名）的10%左右，约\d+名$/,
    );

    await photograph(admin, 'sittings', '[data-testid=agenda-item]');
  });

  it('elections: the method is adopted by a vote recorded by hand [P4]', async () => {
    const page = await visit(admin, section('elections'), 'zh', '[data-testid=method]');
    const method = page.getByTestId('method');
    expect(await method.getByTestId('method-status').textContent()).toBe('草案');
    await method.getByLabel('赞成', { exact: true }).fill('380');
    await method.getByLabel('不赞成', { exact: true }).fill('10');
    await method.getByLabel('弃权', { exact: true }).fill('5');
    await method.getByTestId('method-record').click();
    await expect.poll(() => page.getByTestId('method-status').textContent()).toBe('已通过');
    expect(await page.getByTestId('method-votes').textContent()).toContain(
      '赞成380票，不赞成10票，弃权5票，应到413人',
    );
    const stored = await db()
      .selectFrom('election_methods')
      .select(['status', 'votes_for'])
      .where('congress_id', '=', app.congressId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'adopted', votes_for: 380 });
  });

  it('elections: a candidate list broken against [C2] is flagged live, refused with a duplicate, restored and saved', async () => {
    const page = admin.page;
    const election = await committeeElection();
    const panel = page.locator(`[data-testid=election-panel][data-election-id="${election.id}"]`);
    await panel.waitFor();
    const check = panel.getByTestId('candidacy-check');
    expect(await check.getAttribute('data-ok')).toBe('true');
    expect(await panel.getByTestId('candidacy-summary').textContent()).toBe('候选人50名，应选45名，差额5名');
    expect(await panel.getByTestId('ballot-order').textContent()).toBe('候选人（按姓氏笔画为序）');
    await panel.getByTestId('candidates-edit').click();
    const first = (await panel.getByTestId('candidate-name').first().textContent())!;
    await panel.getByTestId('candidate-remove').first().click();
    // One fewer than [C2] allows: the warning shows at once, before anything is saved.
    await expect.poll(() => check.getAttribute('data-ok')).toBe('false');
    expect(await panel.getByTestId('candidacy-summary').textContent()).toBe('候选人49名，应选45名，差额4名');
    expect(await panel.getByTestId('candidacy-verdict').textContent()).toBe('还差1名，不能提交表决');
    shots.push(await screenshot(page, 'zh-desktop-console-elections-c2-broken'));

    // A name typed twice: flagged here, and refused by the server with its own words.
    const second = (await panel.getByTestId('candidate-name').first().textContent())!;
    await panel.getByPlaceholder('或输入姓名').fill(second);
    await panel.getByPlaceholder('或输入姓名').press('Enter');
    expect(await panel.getByTestId('candidacy-verdict').textContent()).toContain(`名单中有重复：${second}`);
    await panel.getByTestId('candidates-save').click();
    await expect
      .poll(() => panel.locator('.ant-alert-error').last().textContent())
      .toContain(`${second}重复`);
    await panel.getByTestId('candidate-remove').last().click();

    const removed = await db()
      .selectFrom('candidates as c')
      .innerJoin('delegates as d', 'd.id', 'c.delegate_id')
      .select('d.code')
      .where('c.election_id', '=', election.id)
      .where('c.name', '=', first)
      .executeTakeFirstOrThrow();
    await pick(page, 'candidate-add', removed.code);
    await expect.poll(() => check.getAttribute('data-ok')).toBe('true');
    expect(await panel.getByTestId('candidacy-summary').textContent()).toBe('候选人50名，应选45名，差额5名');
    await panel.getByTestId('candidates-save').click();
    await expect.poll(() => panel.getByTestId('candidate-editor').getAttribute('data-editing')).toBe('false');
    const stored = await db()
      .selectFrom('candidates')
      .select('name')
      .where('election_id', '=', election.id)
      .execute();
    expect(stored).toHaveLength(50);
    expect(stored.map((c) => c.name)).toContain(first);
  });

  it('elections: scrutineers and tellers are set [P1] [P2]', async () => {
    const page = admin.page;
    const election = await committeeElection();
    const panel = page.locator(`[data-testid=election-panel][data-election-id="${election.id}"]`);
    await panel.getByRole('tab', { name: '监计票人员' }).click();
    const editor = panel.getByTestId('officers-editor');
    const before = await db()
      .selectFrom('election_officers')
      .selectAll()
      .where('election_id', '=', election.id)
      .execute();
    // An elector who is neither a candidate nor an officer yet, chosen by delegate code.
    const candidates = new Set(
      (
        await db().selectFrom('candidates').select('name').where('election_id', '=', election.id).execute()
      ).map((c) => c.name),
    );
    const delegates = await db()
      .selectFrom('delegates')
      .select(['id', 'name', 'code', 'voting_rights'])
      .where('congress_id', '=', app.congressId)
      .orderBy('code', 'desc')
      .execute();
    const scrutineer = delegates.find(
      (d) => d.voting_rights === 1 && !candidates.has(d.name) && !before.some((o) => o.name === d.name),
    )!;
    await editor.getByTestId('officers-edit').click();
    await pick(page, 'officer-scrutineers', scrutineer.code);
    await page.getByTestId('officer-tellers').click();
    await page.keyboard.type('欧阳慧敏');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await editor.getByTestId('officers-save').click();
    await expect.poll(() => editor.getAttribute('data-editing')).toBe('false');
    await expect
      .poll(() => editor.getByTestId('officers-scrutineers').textContent())
      .toContain(scrutineer.name);
    expect(await editor.getByTestId('officers-tellers').textContent()).toContain('欧阳慧敏');
    const after = await db()
      .selectFrom('election_officers')
      .selectAll()
      .where('election_id', '=', election.id)
      .execute();
    expect(after).toHaveLength(before.length + 2);
    // The logins linked before (chief scrutineer, the four tellers) are still linked.
    expect(after.filter((o) => o.account_id !== null)).toHaveLength(
      before.filter((o) => o.account_id !== null).length,
    );

    await photograph(admin, 'elections', '[data-testid=candidacy-check]');
  });

  it('attendance: counts, quorum, who is absent and who is on leave, live from the desks', async () => {
    const context = app.server.context;
    const congressId = app.congressId;
    const plenary = await sittingId('plenary');
    // [P3] The opening sitting comes before the plenary (the preparatory meeting was held above).
    await holdSittingsBefore(context, congressId, plenary);
    await openSitting(context, DEMO_ACTOR, congressId, plenary);
    const voting = await db()
      .selectFrom('delegates')
      .select('code')
      .where('congress_id', '=', congressId)
      .where('voting_rights', '=', 1)
      .orderBy('code')
      .execute();
    for (const { code } of voting.slice(0, 250)) {
      await checkIn(context, DEMO_ACTOR, { congressId, sittingId: plenary, delegate: { code }, desk: '1' });
    }
    const leave = (i: number, kind: 'personal' | 'illness', note?: string) =>
      recordLeave(context, DEMO_ACTOR, {
        congressId,
        sittingId: plenary,
        delegate: { code: voting[i]!.code },
        kind,
        note,
      });
    await leave(250, 'personal');
    await leave(251, 'illness', '住院治疗');

    const page = await visit(admin, section('attendance'), 'zh', '[data-testid=attendance-counts]');
    expect(await page.getByTestId('count-expected').textContent()).toBe('413');
    expect(await page.getByTestId('count-present').textContent()).toBe('250');
    expect(await page.getByTestId('quorum').getAttribute('data-met')).toBe('true');
    expect(await page.getByTestId('attendance-summary').textContent()).toContain('符合法定人数');
    const leaveList = page.getByTestId('leave-list');
    await expect.poll(() => leaveList.locator('.ant-table-row').count()).toBe(2);
    expect(await leaveList.textContent()).toContain('住院治疗');
    await expect
      .poll(() => page.getByTestId('absent-list').locator('.ant-card-head').textContent())
      .toBe('未到代表（161名） · 另有列席4人');
    // A third leave at a desk: the counts and the list follow without reloading.
    await leave(252, 'illness');
    await expect.poll(() => page.getByTestId('count-leave').textContent()).toBe('3');
    await expect.poll(() => leaveList.locator('.ant-table-row').count()).toBe(3);
    expect(await page.getByTestId('attendance-pdf').getAttribute('href')).toBe(
      `/api/congresses/${congressId}/sittings/${plenary}/attendance.pdf`,
    );
    const pdf = await page.request.get(
      `${app.url}/api/congresses/${congressId}/sittings/${plenary}/attendance.pdf`,
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // The page's stream held back (a slow network, a laptop waking up) while a desk records a
    // fourth leave: once it connects, the page reads the counts and lists again, since a new
    // stream is not sent what came before it.
    const stream = await holdEventStream(page);
    try {
      await page.reload();
      await page.getByTestId('attendance-counts').waitFor();
      await expect.poll(() => page.getByTestId('count-leave').textContent()).toBe('3');
      await leave(253, 'personal');
      await expect.poll(() => stream.held()).toBeGreaterThan(0);
      stream.release();
      await expect.poll(() => page.getByTestId('count-leave').textContent()).toBe('4');
      await expect.poll(() => leaveList.locator('.ant-table-row').count()).toBe(4);
    } finally {
      stream.release();
    }

    await photograph(admin, 'attendance', '[data-testid=leave-reason]');
  });

  it('paper ballots: tellers and scrutineers see the keying, the comparison and [B2]', async () => {
    const context = app.server.context;
    const congressId = app.congressId;
    const election = await committeeElection();
    // [P1] No ballot before the plenary adopts the scrutineers' list.
    await adoptDemoScrutineers(context, congressId);
    const { roundId } = await openRound(
      context,
      await staffActor(app, 'presiding'),
      congressId,
      election.id,
      {
        kind: 'formal',
      },
    );
    const candidates = 50;
    const marks = (agree: boolean) => 'F'.repeat(45) + (agree ? 'A' : '-') + 'A'.repeat(candidates - 46);
    const teller1 = await staffActor(app, 'teller1');
    const teller2 = await staffActor(app, 'teller2');
    for (let sheetNo = 1; sheetNo <= 6; sheetNo++) {
      await enterPaperBallot(context, teller1, congressId, roundId, {
        pass: 'A',
        batchNo: 1,
        sheetNo,
        marks: marks(true),
      });
    }
    for (let sheetNo = 1; sheetNo <= 4; sheetNo++) {
      await enterPaperBallot(context, teller2, congressId, roundId, {
        pass: 'B',
        batchNo: 1,
        sheetNo,
        marks: marks(sheetNo !== 2),
      });
    }

    await logIn(staff.page, app.url, 'teller1', DEMO_PASSWORDS.teller, section('paper'));
    let page = await visit(staff, section('paper'), 'zh', '[data-testid=paper-round]');
    const card = page.locator(`[data-testid=paper-round][data-round-id="${roundId}"]`);
    await expect.poll(() => card.getByTestId('paper-tellers').locator('.ant-table-row').count()).toBe(2);
    const rows = await card.getByTestId('paper-tellers').locator('.ant-table-row').allTextContents();
    expect(rows[0]).toContain('第一遍（A）');
    expect(rows[0]).toContain('第1批6张');
    expect(rows[1]).toContain('第二遍（B）');
    expect(await card.getByTestId('reconciliation').textContent()).toContain('已收回选票6张');
    // A teller sees no comparison of what the passes read.
    expect(await card.getByTestId('paper-batches').count()).toBe(0);
    // Keying goes on at another desk: the overview follows.
    await enterPaperBallot(context, teller2, congressId, roundId, {
      pass: 'B',
      batchNo: 1,
      sheetNo: 5,
      marks: marks(true),
    });
    await expect
      .poll(() => card.getByTestId('paper-tellers').locator('.ant-table-row').last().textContent())
      .toContain('第1批5张');
    await photograph(staff, 'paper', '[data-testid=paper-tellers] .ant-table-row');
    page = await visit(staff, section('paper'), 'zh', '[data-testid=open-teller]');
    await leaveFor(page, 'open-teller', `/c/${congressId}/teller`);

    await logIn(staff.page, app.url, 'scrutineer1', DEMO_PASSWORDS.scrutineer, section('paper'));
    page = await visit(staff, section('paper'), 'zh', '[data-testid=paper-batches] .ant-table-row');
    const batches = page
      .locator(`[data-testid=paper-round][data-round-id="${roundId}"]`)
      .getByTestId('paper-batches');
    const batch = await batches.locator('.ant-table-row').first().textContent();
    // Sheets 1, 3, 4, 5 agree, 2 disagrees, 6 is in pass A only.
    expect(batch).toBe('第1批41110待处理');
    shots.push(await screenshot(page, 'zh-desktop-console-paper-scrutineer'));
    await leaveFor(page, 'open-scrutineer', `/c/${congressId}/scrutineer`);
  });

  it('showed no errors and wrote every screenshot', () => {
    const problems = [admin, staff].flatMap((b) => b.problems).filter((p) => !p.includes('404'));
    // The one refusal the test provoked (a candidate listed twice) is logged by the browser.
    const refused = problems.filter((p) => p.includes('status of 400'));
    expect(refused).toHaveLength(1);
    expect(problems.filter((p) => !refused.includes(p))).toEqual([]);
    expect(shots.every((file) => file.startsWith(SCREENSHOTS))).toBe(true);
    console.log(`${shots.length} screenshots in ${SCREENSHOTS}`);
  });
});

import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterPaperBallot } from '../../src/services/ballots/paper/paper-entry.ts';
import { closeVote, openVote } from '../../src/services/congress/adoption-votes.ts';
import { createAgendaItem } from '../../src/services/congress/agenda.ts';
import { closeSitting, openSitting } from '../../src/services/congress/sittings.ts';
import { announceRound, signOffRound } from '../../src/services/elections/rounds.ts';
import type { ElectionBuilder } from '../support/builder/election.ts';
import { buildWorld } from '../support/builder/index.ts';
import type { StaffActor } from '../support/builder/world.ts';
import {
  type AppServer,
  browserAvailable,
  buildWebApp,
  chooseOption,
  cleanUp,
  confirmPopup,
  logIn,
  type OpenBrowser,
  openBrowser,
  screenshot,
  startAppServer,
} from './harness.ts';

// Issue 12, "Congress day without surprises" — the defects of the hall, on the pages:
//   2  the big screen follows what is announced, in order (a round counted but not announced never
//      holds it), the secretariat puts a slide, the attendance or nothing on it, and after the
//      congress it says so;
//   6  the count is signed off by the election's own scrutineer, shown by name; another scrutineer
//      login cannot, and the officers editor links each officer to a login;
//   8  the sittings in their order, the round opened only with the scrutineers' list adopted and
//      after a confirmation, the closing sitting closing the congress after a confirmation;
//   9  the teller is warned of a sheet marking more names than seats; the scrutineer types the
//      tellers' keys;
//   10 the presiding officer's words (主持词), with the hall's numbers.
// A congress of its own (24 delegates) beside the demo, written as rows; the hall acts through the
// pages, the others (the second teller, the votes by a show of hands) through the services.

const CONGRESS = 'day';
const POLL = { timeout: 60_000 };

let app: AppServer;
let admin: OpenBrowser;
let presiding: OpenBrowser;
let scrutineer: OpenBrowser;
let teller: OpenBrowser;
let hall: OpenBrowser;
const staff: Record<string, StaffActor> = {};
let names: string[];
const sittings: Record<'preparatory' | 'opening' | 'plenary' | 'closing', string> = {
  preparatory: '',
  opening: '',
  plenary: '',
  closing: '',
};
let members: { id: string; roundId: string };
let alternates: { id: string; roundId: string };
let scrutineersVote: string;
let alternateElection: ElectionBuilder;

const text = async (locator: Locator) => (await locator.first().textContent())?.trim() ?? '';
const path = (page: string) => `/c/${CONGRESS}/${page}`;

/** Confirms the Popconfirm that is open. */
const confirm = confirmPopup;

/** The big screen's stage once it shows `kind`. */
async function screenShows(kind: string): Promise<Locator> {
  await expect.poll(() => hall.page.getByTestId('big-screen').getAttribute('data-show'), POLL).toBe(kind);
  return hall.page.getByTestId('screen-stage');
}

describe.runIf(browserAvailable)('a congress day without surprises (issue 12)', () => {
  beforeAll(async () => {
    app = await startAppServer(await buildWebApp());
    const world = buildWorld(app.server.context.database);
    const congress = await world.congress({
      id: CONGRESS,
      number: 10,
      title: '中国共产党示范县第十次代表大会',
      organisation: {
        name: '中国共产党示范县委员会',
        shortName: '示范县委',
        locality: '示范县',
        level: 'county',
      },
    });
    const delegates = await congress.delegates(24);
    names = delegates.map((d) => d.name);
    let order = 0;
    for (const kind of ['preparatory', 'opening', 'plenary', 'closing'] as const) {
      order += 1;
      sittings[kind] = (
        await congress.sitting({
          kind,
          status: 'scheduled',
          sortOrder: order,
          title: {
            preparatory: '大会预备会议',
            opening: '开幕大会',
            plenary: '第二次全体会议',
            closing: '闭幕大会',
          }[kind],
        })
      ).id;
    }
    await congress.method({ title: '中国共产党示范县第十次代表大会选举办法' });
    for (const [username, role] of [
      ['day-admin', 'admin'],
      ['day-presiding', 'presiding'],
      ['day-scrutineer', 'scrutineer'],
      ['day-scrutineer-b', 'scrutineer'],
      ['day-teller', 'teller'],
      ['day-teller-b', 'teller'],
    ] as const) {
      staff[username] = await world.staff(username, [{ congressId: CONGRESS, role }]);
    }
    // 赵… the chief scrutineer signs with day-scrutineer; the other scrutineer has no login yet.
    const officers = [
      {
        role: 'chief-scrutineer' as const,
        name: names[20]!,
        delegate: delegates[20]!.id,
        account: staff['day-scrutineer']!.accountId,
      },
      { role: 'scrutineer' as const, name: names[21]!, delegate: delegates[21]!.id },
      { role: 'teller' as const, name: '计票人甲', account: staff['day-teller']!.accountId },
      { role: 'teller' as const, name: '计票人乙', account: staff['day-teller-b']!.accountId },
    ];
    const committee = await congress.election({
      title: '中国共产党示范县第十届委员会委员',
      seats: 3,
      candidates: names.slice(0, 4),
      sitting: sittings.plenary,
      officers,
      sortOrder: 1,
    });
    const alternate = await congress.election({
      office: 'alternate-member',
      title: '中国共产党示范县第十届委员会候补委员',
      seats: 1,
      candidates: names.slice(4, 6),
      sitting: sittings.plenary,
      officers,
      sortOrder: 2,
    });
    alternateElection = alternate;
    members = { id: committee.id, roundId: '' };
    alternates = { id: alternate.id, roundId: '' };
    // The plenary's agenda puts the scrutineers' list to the vote [P1], by a show of hands.
    const item = await createAgendaItem(app.server.context, staff['day-admin']!, CONGRESS, sittings.plenary, {
      kind: 'adoption-vote',
      title: '通过总监票人、监票人名单',
      vote: { mode: 'counts', proposal: { kind: 'scrutineers' } },
    });
    scrutineersVote = item.vote!.id;
    [admin, presiding, scrutineer, teller, hall] = await Promise.all([
      openBrowser(),
      openBrowser(),
      openBrowser(),
      openBrowser(),
      openBrowser({ width: 1920, height: 1080 }),
    ]);
    await logIn(admin.page, app.url, 'day-admin', 'day-admin-password', path('console/sittings'));
  });

  afterAll(async () => {
    await cleanUp();
  });

  it('[P3] the sittings in their order: the opening sitting does not open before the preparatory meeting', async () => {
    const page = admin.page;
    const item = (id: string) => page.locator(`[data-testid=sitting-item][data-sitting-id="${id}"]`);
    const panel = (id: string) => page.locator(`[data-testid=sitting-panel][data-sitting-id="${id}"]`);
    await item(sittings.opening).click();
    await panel(sittings.opening).getByTestId('sitting-open').click();
    await confirm(page);
    const refusal = page.locator('.ant-message-notice', { hasText: '[P3]' });
    await refusal.waitFor();
    expect(await text(refusal)).toContain('“大会预备会议”尚未举行：开幕大会应在预备会议之后召开');
    await screenshot(page, 'day-console-sitting-out-of-order');
    expect(await text(panel(sittings.opening).getByTestId('sitting-status'))).toBe('未开始');

    // The preparatory meeting is held; closing it is confirmed as final.
    await item(sittings.preparatory).click();
    await panel(sittings.preparatory).getByTestId('sitting-open').click();
    await confirm(page);
    await expect
      .poll(() => text(panel(sittings.preparatory).getByTestId('sitting-status')), POLL)
      .toBe('进行中');
    await panel(sittings.preparatory).getByTestId('sitting-close').click();
    expect(await text(page.getByTestId('sitting-close-warning'))).toBe('会议结束后不能重新开始。');
    await page.getByTestId('sitting-close-confirm').click();
    await expect
      .poll(() => text(panel(sittings.preparatory).getByTestId('sitting-status')), POLL)
      .toBe('已结束');
    // The opening and the plenary follow; the delegates check in (22 of 24).
    const context = app.server.context;
    await openSitting(context, staff['day-admin']!, CONGRESS, sittings.opening);
    await closeSitting(context, staff['day-admin']!, CONGRESS, sittings.opening);
    await openSitting(context, staff['day-admin']!, CONGRESS, sittings.plenary);
    const world = buildWorld(context.database);
    const congress = await world.congressOf(CONGRESS);
    const delegates = await context.database.db
      .selectFrom('delegates')
      .select('id')
      .where('congress_id', '=', CONGRESS)
      .orderBy('code')
      .execute();
    await congress.attendance(sittings.plenary, delegates.slice(0, 22));
  });

  it('the presiding officer reads the 主持词 with the hall’s numbers; the screen follows', async () => {
    await hall.page.goto(`${app.url}${path('screen')}`);
    const stage = await screenShows('attendance');
    expect(await text(stage.getByTestId('screen-present'))).toBe('22');

    const page = presiding.page;
    await logIn(page, app.url, 'day-presiding', 'day-presiding-password', path('presiding'));
    const panel = page.locator(
      '[data-testid=election-panel][data-election="中国共产党示范县第十届委员会委员"]',
    );
    const script = panel.getByTestId('pres-script');
    await script.waitFor();
    // The method is adopted: the script stands at the opening of the vote.
    expect(await script.getAttribute('data-step')).toBe('open');
    expect(await text(script.getByTestId('pres-script-text'))).toContain(
      '现在进行中国共产党示范县第十届委员会委员的选举。应选3名，候选人4名，实行差额选举，候选人按姓氏笔画为序排列。',
    );
    await script.getByText('报告出席情况').click();
    await expect
      .poll(() => text(script.getByTestId('pres-script-text')))
      .toBe('现在报告代表出席情况：本次大会应到代表24名，实到代表22名，符合法定人数，可以进行选举。');
    await script.getByText('通过监票人名单').click();
    expect(await text(script.getByTestId('pres-script-text'))).toContain(
      `总监票人：${names[20]}；监票人：${names[21]}。`,
    );
    await screenshot(page, 'day-presiding-script');
  });

  it('[P1] a round opens only after a confirmation, and not before the scrutineers’ list is adopted', async () => {
    const page = presiding.page;
    const panel = page.locator(
      '[data-testid=election-panel][data-election="中国共产党示范县第十届委员会委员"]',
    );
    await panel.getByTestId('pres-open').click();
    const warning = page.getByTestId('pres-open-warning');
    await warning.waitFor();
    expect(await text(warning)).toContain('应选3名，候选人4名');
    await screenshot(page, 'day-presiding-open-confirm');
    await page.getByTestId('pres-open-confirm').click();
    const refusal = page.locator('.ant-message-notice', { hasText: '尚未经大会表决通过' });
    await refusal.waitFor();
    expect(await text(refusal)).toContain('“通过总监票人、监票人名单”尚未经大会表决通过，不能开始投票');

    // The hall adopts the list by a show of hands; the round opens.
    const context = app.server.context;
    await openVote(context, staff['day-presiding']!, CONGRESS, scrutineersVote);
    await closeVote(context, staff['day-presiding']!, CONGRESS, scrutineersVote, {
      votesFor: 22,
      votesAgainst: 0,
      votesAbstain: 0,
    });
    await panel.getByTestId('pres-open').click();
    await page.getByTestId('pres-open-confirm').click();
    const round = panel.getByTestId('pres-round');
    await expect.poll(() => round.getAttribute('data-status'), POLL).toBe('open');
    members.roundId = (await round.getAttribute('data-round'))!;
    expect(await panel.getByTestId('pres-script').getAttribute('data-step')).toBe('close');
    const stage = await screenShows('voting');
    expect(await stage.getAttribute('data-round')).toBe(members.roundId);
    await screenshot(hall.page, 'day-screen-voting');
  });

  it('[B3] the teller is warned of a sheet marking more names than seats; the scrutineer types the tellers’ keys', async () => {
    const page = teller.page;
    await logIn(page, app.url, 'day-teller', 'day-teller-password', path('teller'));
    await page.getByTestId('teller-start').click();
    const grid = page.getByTestId('ballot-grid');
    await grid.waitFor();
    for (const key of ['1', '1', '1', '1']) await page.keyboard.press(key);
    const warning = page.getByTestId('teller-overvote');
    await warning.waitFor();
    expect(await text(warning)).toContain('本票赞成4人（含另选他人），多于应选的3名：按规定为无效票');
    await screenshot(page, 'day-teller-overvote');
    await page.keyboard.press('Enter');
    await page
      .locator('.ant-message-notice', { hasText: '第1张已提交：赞成人数多于应选名额，为无效票' })
      .waitFor();
    await expect.poll(() => page.getByTestId('teller-overvote').count()).toBe(0);

    // The other 21 sheets in pass A, and all 22 in pass B; sheet 2 disagrees in its second column.
    const context = app.server.context;
    const sheets = Array.from({ length: 22 }, (_, i) => (i === 0 ? 'FFFF' : i % 3 === 0 ? 'F-FA' : 'FFA-'));
    for (const [i, marks] of sheets.entries()) {
      if (i > 0)
        await enterPaperBallot(context, staff['day-teller']!, CONGRESS, members.roundId, {
          pass: 'A',
          batchNo: 1,
          sheetNo: i + 1,
          marks,
        });
      await enterPaperBallot(context, staff['day-teller-b']!, CONGRESS, members.roundId, {
        pass: 'B',
        batchNo: 1,
        sheetNo: i + 1,
        marks: i === 1 ? 'FAA-' : marks,
      });
    }
    // The presiding officer closes the vote: 22 ballots issued.
    const pres = presiding.page;
    const panel = pres.locator(
      '[data-testid=election-panel][data-election="中国共产党示范县第十届委员会委员"]',
    );
    await panel.getByTestId('pres-issued').locator('input').fill('22');
    await panel.getByTestId('pres-close').click();
    await pres.getByTestId('pres-close-confirm').click();
    await expect.poll(() => panel.getByTestId('pres-round').getAttribute('data-status'), POLL).toBe('closed');

    // The scrutineer reads sheet 2 and types it with the tellers' keys.
    const scr = scrutineer.page;
    await logIn(scr, app.url, 'day-scrutineer', 'day-scrutineer-password', path('scrutineer'));
    await scr.getByTestId('scr-resolve').first().click();
    const marks = scr.getByTestId('scr-marks');
    await marks.waitFor();
    expect(await marks.inputValue()).toBe('1120');
    await marks.fill('1120');
    expect(await text(scr.locator('.scr-marks-help'))).toContain(
      '1 赞成 ○，2 不赞成 ×，0（或空格）弃权，3 无法辨认',
    );
    await screenshot(scr, 'day-scrutineer-keys');
    await scr.getByTestId('scr-resolve-ok').click();
    await expect.poll(() => scr.getByTestId('scr-count').isEnabled(), POLL).toBe(true);
  });

  it('[P2] only the election’s own scrutineer signs off, shown by name; the officers editor links a login', async () => {
    // A scrutineer login of the congress not linked to this election's scrutineers cannot sign.
    const other = await openBrowser();
    await logIn(other.page, app.url, 'day-scrutineer-b', 'day-scrutineer-b-password', path('scrutineer'));
    const scr = scrutineer.page;
    await scr.getByTestId('scr-count').click();
    const card = scr.getByTestId('scr-round');
    await expect.poll(() => card.getAttribute('data-status'), POLL).toBe('counted');
    await expect
      .poll(() => other.page.getByTestId('scr-round').getAttribute('data-status'), POLL)
      .toBe('counted');
    expect(await other.page.getByTestId('scr-sign-off').isDisabled()).toBe(true);
    expect(await text(other.page.getByTestId('scr-not-yours'))).toContain('您的账号未关联本次选举的监票人');
    await screenshot(other.page, 'day-scrutineer-not-linked');

    await scr.getByTestId('scr-sign-off').click();
    await scr.getByTestId('scr-sign-off-confirm').click();
    await expect.poll(() => card.getAttribute('data-status'), POLL).toBe('signed-off');
    const signed = await text(scr.getByTestId('signed-by'));
    expect(signed).toBe(`已由总监票人${names[20]}签字确认`);
    await screenshot(scr, 'day-scrutineer-signed');

    // The secretariat links the other scrutineer to day-scrutineer-b in the officers editor.
    const page = admin.page;
    await page.goto(`${app.url}${path('console/elections')}`);
    await page
      .getByTestId('election-choose')
      .getByText('中国共产党示范县第十届委员会候补委员', { exact: true })
      .click();
    const panel = page.locator(`[data-testid=election-panel][data-election-id="${alternates.id}"]`);
    await panel.getByRole('tab', { name: '监计票人员' }).click();
    const editor = panel.getByTestId('officers-editor');
    expect(await text(editor.getByTestId('officers-chief'))).toBe(`${names[20]}（day-scrutineer）`);
    await editor.getByTestId('officers-edit').click();
    const row = editor.locator(`[data-testid=officer-login][data-name="${names[21]}"]`);
    await chooseOption(page, row.locator('.ant-select'), 'day-scrutineer-b');
    await screenshot(page, 'day-console-officer-logins');
    await editor.getByTestId('officers-save').click();
    await expect.poll(() => editor.getAttribute('data-editing'), POLL).toBe('false');
    expect(await text(editor.getByTestId('officers-scrutineers'))).toBe(`${names[21]}（day-scrutineer-b）`);
    const linked = await app.server.context.database.db
      .selectFrom('election_officers')
      .select(['name', 'account_id'])
      .where('election_id', '=', alternates.id)
      .where('role', '=', 'scrutineer')
      .executeTakeFirstOrThrow();
    expect(linked).toEqual({ name: names[21], account_id: staff['day-scrutineer-b']!.accountId });
    expect(other.problems).toEqual([]);
  });

  it('the big screen follows the announcements in order; the secretariat holds a slide, the attendance or nothing', async () => {
    // 候补委员 is counted (not announced) before 委员 is announced.
    alternates.roundId = (
      await alternateElection.round({
        status: 'counted',
        ballots: [{ marks: { [names[4]!]: 'for' }, count: 22 }],
      })
    ).id;
    // Not announced: the screen still shows the sitting's attendance, never "等待宣布".
    await screenShows('attendance');

    const page = presiding.page;
    const panel = page.locator(
      '[data-testid=election-panel][data-election="中国共产党示范县第十届委员会委员"]',
    );
    await expect
      .poll(() => panel.getByTestId('pres-round').getAttribute('data-status'), POLL)
      .toBe('signed-off');
    expect(await text(panel.getByTestId('signed-by'))).toBe(`计票结果已由总监票人${names[20]}签字确认`);
    await panel.getByTestId('pres-announce').click();
    await page.getByTestId('pres-announce-confirm').click();
    await expect
      .poll(() => panel.getByTestId('pres-round').getAttribute('data-status'), POLL)
      .toBe('announced');
    const stage = await screenShows('result');
    expect(await stage.getAttribute('data-round')).toBe(members.roundId);
    expect(await text(stage.locator('.screen-election-title'))).toBe('中国共产党示范县第十届委员会委员');
    await screenshot(hall.page, 'day-screen-result');

    // The presiding officer puts a slide on the screen, then nothing, then the attendance, then follows again.
    const control = page.getByTestId('screen-control');
    await control.getByText('文字', { exact: true }).click();
    await control.getByTestId('screen-slide-title').fill('大会日程');
    await control.getByTestId('screen-slide-lines').fill('下午三时　闭幕大会\n请代表们准时出席');
    await control.getByTestId('screen-show').click();
    await screenShows('slide');
    expect(await text(hall.page.locator('.screen-slide-title'))).toBe('大会日程');
    await screenshot(hall.page, 'day-screen-slide');
    await screenshot(page, 'day-presiding-screen-control');
    await control.getByText('黑屏', { exact: true }).click();
    await control.getByTestId('screen-show').click();
    await screenShows('blank');
    await control.getByText('出席情况', { exact: true }).click();
    await control.getByTestId('screen-show').click();
    await screenShows('attendance');
    await control.getByText('自动跟随', { exact: true }).click();
    await control.getByTestId('screen-show').click();
    await expect.poll(() => stage.getAttribute('data-round'), POLL).toBe(members.roundId);

    // 候补委员 signed off and announced: the screen moves on to it.
    const context = app.server.context;
    await signOffRound(context, staff['day-scrutineer']!, CONGRESS, alternates.roundId);
    await announceRound(context, staff['day-presiding']!, CONGRESS, alternates.roundId);
    await expect.poll(() => stage.getAttribute('data-round'), POLL).toBe(alternates.roundId);
    expect(hall.problems).toEqual([]);
  });

  it('closing the closing sitting closes the congress, after a confirmation that says so; the screen says it closed', async () => {
    const context = app.server.context;
    await closeSitting(context, staff['day-presiding']!, CONGRESS, sittings.plenary);
    await openSitting(context, staff['day-presiding']!, CONGRESS, sittings.closing);
    const page = admin.page;
    await page.goto(`${app.url}${path('console/sittings')}`);
    await page.locator(`[data-testid=sitting-item][data-sitting-id="${sittings.closing}"]`).click();
    const panel = page.locator(`[data-testid=sitting-panel][data-sitting-id="${sittings.closing}"]`);
    await panel.getByTestId('sitting-close').click();
    const warning = page.getByTestId('sitting-close-warning');
    await warning.waitFor();
    expect(await text(warning)).toBe(
      '这是大会的最后一次会议。结束后，大会随即闭幕，不能再召开会议或进行选举。',
    );
    await screenshot(page, 'day-console-close-congress');
    await page.getByTestId('sitting-close-confirm').click();
    await expect.poll(() => text(panel.getByTestId('sitting-status')), POLL).toBe('已结束');
    const congress = await context.database.db
      .selectFrom('congresses')
      .select('status')
      .where('id', '=', CONGRESS)
      .executeTakeFirstOrThrow();
    expect(congress.status).toBe('closed');
    await screenShows('closed');
    expect(await text(hall.page.getByTestId('screen-closed'))).toBe('胜利闭幕');
    await screenshot(hall.page, 'day-screen-closed');
    const problems = [admin, presiding, scrutineer, teller, hall].flatMap((b) => b.problems);
    expect(problems.filter((p) => !p.includes('status of 4'))).toEqual([]);
  });
});

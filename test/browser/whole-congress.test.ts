import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysOfMarks } from '../../src/adapters/web/src/lib/ballot-entry.ts';
import { login, sessionActor } from '../../src/services/accounts/account-service.ts';
import { LoginThrottle } from '../../src/services/accounts/login-throttle.ts';
import type { Actor } from '../../src/services/actor.ts';
import { checkIn } from '../../src/services/attendance/check-in.ts';
import { currentAttendance } from '../../src/services/attendance/current-attendance.ts';
import { searchDelegates } from '../../src/services/attendance/delegate-search.ts';
import { castElectronicBallot } from '../../src/services/ballots/electronic/cast.ts';
import { publishedBallots } from '../../src/services/ballots/electronic/publication.ts';
import { enterPaperBallot } from '../../src/services/ballots/paper/paper-entry.ts';
import { paperComparison } from '../../src/services/ballots/paper/paper-views.ts';
import { pinyinInitials } from '../../src/services/congress/delegates.ts';
import { openSitting } from '../../src/services/congress/sittings.ts';
import { DEMO_PASSWORDS } from '../../src/services/demo/seed-demo.ts';
import { electionView } from '../../src/services/elections/election-view.ts';
import { recordMethodVote } from '../../src/services/elections/methods.ts';
import { adoptDemoScrutineers, holdSittingsBefore } from '../support/demo-congress.ts';
import {
  type AppServer,
  browserAvailable,
  buildWebApp,
  cleanUp,
  logIn,
  type OpenBrowser,
  openBrowser,
  screenshot,
  startAppServer,
  until,
} from './harness.ts';
import {
  ballotsLeavingOut,
  delegateCsv,
  interleave,
  KEYED_SHEETS,
  mistyped,
  NEW_DELEGATES,
  PAPER_FOR,
  PAPER_LEFT_OUT,
  tiedLeftOut,
} from './whole-congress-plan.ts';

// A whole congress clicked through in browsers against a real server with the demo congress:
// the secretariat imports four late delegates; two check-in desks take the plenary to its quorum;
// the alternates' election is held on paper (opened and closed by the presiding officer, keyed
// twice by two tellers with one disagreement, resolved, reconciled and signed off by the
// scrutineer, announced); the election of delegates to the provincial congress is held
// electronically (delegates vote on their phones, the 30th seat ties, the run-off is set up in
// one click); the big screen, opened once and never reloaded, follows it all.
//
// What a hall does elsewhere goes through the services: the other check-in desks, the vote on the
// election method, the other tellers' keying, the other delegates' phones. Every step the test
// clicks is checked by what the pages then show, and at the end against the server.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SCREEN = { width: 1920, height: 1080 };
/** Electors present for the elections: the quorum, then latecomers at the other desks. */
const PRESENT = 300;
/** Check-ins clicked at the two desks: five demo delegates by code, the four imported by name. */
const AT_DESKS = 9;
const SHEETS_PER_BATCH = 50;

let app: AppServer;
let admin: OpenBrowser;
let desk1: OpenBrowser;
let desk2: OpenBrowser;
let hall: OpenBrowser;
let presiding: OpenBrowser;
let teller1: OpenBrowser;
let teller2: OpenBrowser;
let scrutineer: OpenBrowser;
const phones: OpenBrowser[] = [];
const csvFile = (name: string) => path.join(tmpdir(), `plenum-flow-${process.pid}-${name}.csv`);

let plenaryId: string;
let alternates: { id: string; title: string; candidates: string[] };
let delegates: { id: string; title: string; candidates: string[] };
/** The electors present, by delegate id, with their names (for their phones' actors). */
let present: { id: string; name: string; code: string }[];
/** The demo delegates whose credential codes the banner prints: three vote on their phones. */
let phoneVoters: { code: string; name: string; credential: string }[];
const receipts: string[] = [];
let runoffReceipt: string;
/** [B4] The shares of the electronic round's key, as printed on the slips at its opening. */
let roundKey: { codes: string[]; threshold: number };
let shownOnScreen: { name: string; votes: string }[];

const db = () => app.server.context.database.db;
const text = async (locator: Locator) => (await locator.first().textContent())?.trim() ?? '';

async function staff(username: string, password: string): Promise<Actor> {
  const context = app.server.context;
  const grant = await login(context, new LoginThrottle(context.clock), {
    username,
    password,
    address: '127.0.0.1',
  });
  const session = await sessionActor(context, grant.token);
  if (!session) throw new Error(`no session for ${username}`);
  return session.actor;
}

const delegateActor = (d: { id: string; name: string }): Actor => ({
  kind: 'delegate',
  delegateId: d.id,
  congressId: app.congressId,
  name: d.name,
});

async function shoot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
}

async function atDesk(page: Page, typed: string, name: string): Promise<void> {
  const input = page.getByTestId('desk-input');
  await input.fill(typed);
  await input.press('Enter');
  await expect.poll(() => text(page.getByTestId('confirm-name'))).toBe(name);
  expect(await page.getByTestId('confirmation').getAttribute('data-verdict')).toBe('checked-in');
}

/** Runs `work` over `items`, `width` at a time: a busy hall sends requests together. */
async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<unknown>,
) {
  for (let start = 0; start < items.length; start += width) {
    await Promise.all(items.slice(start, start + width).map((item, k) => work(item, start + k)));
  }
}

async function election(office: string) {
  const row = await db()
    .selectFrom('elections')
    .select(['id', 'title'])
    .where('congress_id', '=', app.congressId)
    .where('office', '=', office)
    .executeTakeFirstOrThrow();
  return { id: row.id, title: row.title, candidates: [] as string[] };
}

async function latestRound(electionId: string) {
  const view = await electionView(db(), app.congressId, electionId, { staff: true });
  return view.rounds[view.rounds.length - 1]!;
}

/** The presiding officer's panel of one election. */
const panel = (title: string) =>
  presiding.page.locator(`[data-testid=election-panel][data-election="${title}"]`);

async function confirmPopover(page: Page, testid: string): Promise<void> {
  await page.getByTestId(testid).click();
}

/**
 * [B4] The slips of an electronic round's key, as the presiding page shows them once at the
 * opening: one per holder, each with its holder, role, code and QR code. Returns the codes, as the
 * holders carry them away on paper, and the number needed to open the ballots.
 */
async function takeKeySlips(
  card: Locator,
  screenshot?: string,
): Promise<{ codes: string[]; threshold: number }> {
  const slips = card.getByTestId('key-slips');
  await slips.waitFor();
  expect(await text(slips)).toContain('密钥分片只显示这一次，服务器不保存');
  const threshold = Number(await slips.getAttribute('data-threshold'));
  const slip = slips.getByTestId('key-slip');
  const count = await slip.count();
  expect(threshold).toBeGreaterThanOrEqual(2);
  expect(count).toBeGreaterThanOrEqual(threshold);
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const one = slip.nth(i);
    const code = (await one.getAttribute('data-code'))!;
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{1,4}){14}$/);
    expect(await text(one)).toMatch(/总监票人|副总监票人|监票人/);
    expect(await text(one)).toContain(await one.getAttribute('data-holder'));
    // The code on the slip, in its groups, is the one to type back.
    expect((await text(one.getByTestId('key-slip-code'))).replace(/\s/g, '')).toBe(code.replaceAll('-', ''));
    expect(await one.locator('img.key-slip-qr').count()).toBe(1);
    codes.push(code);
  }
  expect(new Set(codes).size).toBe(count);
  if (screenshot) {
    await slips.scrollIntoViewIfNeeded();
    await shoot(presiding.page, screenshot);
  }
  // Printed and handed over: the page lets go of the shares.
  await card.getByTestId('key-slips-done').click();
  await confirmPopover(presiding.page, 'key-slips-done-confirm');
  await expect.poll(() => card.getByTestId('key-slips').count()).toBe(0);
  return { codes, threshold };
}

/**
 * [B4] After the close the scrutineers type their shares on the scrutineer page — the first alone,
 * in lower case with spaces as people type, then the rest one per line — and the ballots open.
 */
async function openSealedBallots(
  page: Page,
  key: { codes: string[]; threshold: number },
  screenshot?: string,
): Promise<void> {
  const card = page.getByTestId('scr-key');
  await expect.poll(() => card.getAttribute('data-state')).toBe('waiting');
  expect(await text(page.getByTestId('scr-count-sealed'))).toContain('计票前须由监票人输入密钥分片');
  const [first, ...rest] = key.codes.slice(0, key.threshold);
  await page.getByTestId('scr-key-input').fill(first!.toLowerCase().replaceAll('-', ' '));
  await page.getByTestId('scr-key-submit').click();
  await expect.poll(() => card.getAttribute('data-entered')).toBe('1');
  expect(await card.locator('[data-testid=scr-key-holder][data-entered=true]').count()).toBe(1);
  await page.getByTestId('scr-key-input').fill(rest.join('\n'));
  expect(await page.getByTestId('scr-key-typed').locator('li').count()).toBe(rest.length);
  if (screenshot) await shoot(page, `${screenshot}-typing`);
  await page.getByTestId('scr-key-submit').click();
  await expect.poll(() => card.getAttribute('data-opened')).toBe('true');
  expect(await text(page.getByTestId('scr-key-opened'))).toContain('选票已开启');
  if (screenshot) await shoot(page, screenshot);
}

/** Keys one sheet as a teller does: the grid already has the keyboard (no click), Enter ends it. */
async function keySheet(page: Page, keys: readonly string[]): Promise<void> {
  expect(await page.evaluate('document.activeElement?.dataset?.testid')).toBe('ballot-grid');
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
}

describe.runIf(browserAvailable)('a whole congress clicked through', () => {
  beforeAll(async () => {
    const webRoot = await buildWebApp();
    app = await startAppServer(webRoot);
    const plenary = await db()
      .selectFrom('sittings')
      .select('id')
      .where('congress_id', '=', app.congressId)
      .where('kind', '=', 'plenary')
      .executeTakeFirstOrThrow();
    plenaryId = plenary.id;
    alternates = await election('alternate-member');
    delegates = await election('delegate');
    // The demo plans every election on paper and nothing switches a ballot mode yet (the console's
    // election section is being built): the secretariat decided to vote this one electronically.
    await db()
      .updateTable('elections')
      .set({ ballot_mode: 'electronic' })
      .where('id', '=', delegates.id)
      .execute();
    phoneVoters = app.server.demo!.delegateCodes.slice(0, 3).map((d) => ({ ...d }));
    [admin, desk1, desk2, hall] = await Promise.all([
      openBrowser(DESKTOP),
      openBrowser(DESKTOP),
      openBrowser(DESKTOP),
      openBrowser(SCREEN),
    ]);
    const desk = (n: number) => `/c/${app.congressId}/checkin?desk=${n}`;
    await Promise.all([
      logIn(
        admin.page,
        app.url,
        'admin',
        DEMO_PASSWORDS.admin,
        `/c/${app.congressId}/console/delegates/import`,
      ),
      logIn(desk1.page, app.url, 'checkin1', DEMO_PASSWORDS['check-in'], desk(1)),
      logIn(desk2.page, app.url, 'checkin2', DEMO_PASSWORDS['check-in'], desk(2)),
      hall.page.goto(`${app.url}/c/${app.congressId}/screen`),
    ]);
    await until(() => hall.page.getByTestId('live-status').getAttribute('data-status'), 'open');
    // The screen must follow everything without reloading: a reload would lose this mark.
    await hall.page.evaluate('window.__plenumNoReload = true');
  });

  afterAll(async () => {
    await cleanUp();
    for (const name of ['broken', 'fixed']) await rm(csvFile(name), { force: true });
  });

  it('imports four late delegates: the preview shows the mistyped row, the fixed file is committed', async () => {
    const page = admin.page;
    const broken = [...NEW_DELEGATES];
    broken[2] = mistyped(NEW_DELEGATES[2]!);
    await writeFile(csvFile('broken'), delegateCsv(broken));
    await writeFile(csvFile('fixed'), delegateCsv(NEW_DELEGATES));

    await page.locator('input[type=file]').setInputFiles(csvFile('broken'));
    await page.getByTestId('import-preview').waitFor();
    const problems = page.getByTestId('import-problems').locator('tr.row-error');
    await expect.poll(() => problems.count()).toBe(1);
    const problem = await text(problems);
    expect(problem).toContain('4'); // the spreadsheet row: header is row 1
    expect(problem).toContain('身份证号码');
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await shoot(page, 'flow-01-import-preview');

    await page.locator('input[type=file]').setInputFiles(csvFile('fixed'));
    await expect.poll(() => page.locator('tr.row-error').count()).toBe(0);
    const commit = page.getByTestId('import-commit');
    expect(await text(commit)).toContain('确认导入4名代表');
    await commit.click();
    const done = page.getByTestId('import-done');
    await done.waitFor();
    expect(await text(done)).toContain('已导入4名代表');
    await shoot(page, 'flow-02-import-done');

    await page.getByRole('button', { name: '查看代表名单' }).click();
    await page.getByTestId('delegate-search').fill(NEW_DELEGATES[0]!.name);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    expect(await text(page.locator('.ant-table-row'))).toContain(NEW_DELEGATES[0]!.delegation);
    await page.getByTestId('delegate-search').fill('');
    // 417 delegates with a vote and four without: 421 on the list.
    await expect.poll(() => text(page.getByTestId('delegate-count'))).toContain('421');
  });

  it('two desks check in to the quorum; both desks and the big screen show the same counts', async () => {
    const context = app.server.context;
    const secretariat = await staff('admin', DEMO_PASSWORDS.admin);
    // [P3] The preparatory meeting and the opening sitting come first.
    await holdSittingsBefore(context, app.congressId, plenaryId);
    await openSitting(context, secretariat, app.congressId, plenaryId);
    await until(() => text(desk1.page.getByTestId('count-expected')), '417');
    const minimum = Number(
      (await text(desk1.page.getByTestId('quorum'))).match(/至少(\d+)名/)?.[1] ?? Number.NaN,
    );
    expect(minimum).toBe(209);

    const voting = await db()
      .selectFrom('delegates')
      .select(['id', 'name', 'code'])
      .where('congress_id', '=', app.congressId)
      .where('voting_rights', '=', 1)
      .orderBy('code')
      .execute();
    const byName = new Map(voting.map((d) => [d.name, d]));
    const demoCodes = app.server.demo!.delegateCodes.map((d) => d.code);
    const clicked = new Set([...demoCodes, ...NEW_DELEGATES.map((d) => byName.get(d.name)!.code)]);
    expect(clicked.size).toBe(AT_DESKS);
    const elsewhere = voting.filter((d) => !clicked.has(d.code));
    // Most of the hall checks in at desks 3–6 (the services): the two desks cross the quorum.
    await inParallel(elsewhere.slice(0, minimum - AT_DESKS), 8, (d, i) =>
      checkIn(context, secretariat, {
        congressId: app.congressId,
        sittingId: plenaryId,
        delegate: { code: d.code },
        desk: String(3 + (i % 4)),
      }),
    );
    await until(() => text(desk1.page.getByTestId('count-present')), String(minimum - AT_DESKS));
    expect(await desk1.page.getByTestId('quorum').getAttribute('data-met')).toBe('false');
    expect(await hall.page.getByTestId('screen-quorum').getAttribute('data-met')).toBe('false');

    // Desk 1: two demo delegates by the code on their card, two late delegates by name.
    await atDesk(desk1.page, phoneVoters[0]!.code, phoneVoters[0]!.name);
    await atDesk(desk1.page, phoneVoters[1]!.code, phoneVoters[1]!.name);
    await atDesk(desk1.page, NEW_DELEGATES[0]!.name, NEW_DELEGATES[0]!.name);
    await atDesk(desk1.page, NEW_DELEGATES[3]!.name, NEW_DELEGATES[3]!.name);
    await shoot(desk1.page, 'flow-03-desk1-by-name');
    // Desk 2: the other late delegates by pinyin initials where they find one person, by name where not.
    let byPinyin = 0;
    for (const late of [NEW_DELEGATES[1]!, NEW_DELEGATES[2]!]) {
      const initials = pinyinInitials(late.name);
      const found = await searchDelegates(db(), app.congressId, plenaryId, initials);
      const unique = found.candidates.length === 1 && !found.more;
      if (unique) byPinyin++;
      await atDesk(desk2.page, unique ? initials : late.name, late.name);
    }
    expect(byPinyin).toBeGreaterThan(0);
    await atDesk(desk2.page, phoneVoters[2]!.code, phoneVoters[2]!.name);
    await atDesk(desk2.page, demoCode(3), app.server.demo!.delegateCodes[3]!.name);
    expect(await desk2.page.getByTestId('quorum').getAttribute('data-met')).toBe('false');
    // The last click crosses the quorum.
    await atDesk(desk2.page, demoCode(4), app.server.demo!.delegateCodes[4]!.name);

    for (const page of [desk1.page, desk2.page]) {
      await expect.poll(() => text(page.getByTestId('count-present'))).toBe(String(minimum));
      expect(await page.getByTestId('quorum').getAttribute('data-met')).toBe('true');
      expect(await text(page.getByTestId('quorum'))).toContain('符合法定人数');
      expect(await text(page.getByTestId('count-expected'))).toBe('417');
    }
    await expect.poll(() => text(hall.page.getByTestId('screen-present'))).toBe(String(minimum));
    expect(await hall.page.getByTestId('screen-quorum').getAttribute('data-met')).toBe('true');
    expect(await text(hall.page.getByTestId('screen-quorum'))).toContain('符合法定人数');
    expect(await text(hall.page.getByTestId('screen-expected'))).toBe('417');
    await shoot(desk2.page, 'flow-04-desk2-quorum');
    await shoot(hall.page, 'flow-05-screen-quorum');

    // Latecomers at the other desks until the vote.
    await inParallel(elsewhere.slice(minimum - AT_DESKS, PRESENT - AT_DESKS), 8, (d, i) =>
      checkIn(context, secretariat, {
        congressId: app.congressId,
        sittingId: plenaryId,
        delegate: { code: d.code },
        desk: String(3 + (i % 4)),
      }),
    );
    await expect.poll(() => text(hall.page.getByTestId('screen-present'))).toBe(String(PRESENT));
    const here = new Set(
      (
        await db()
          .selectFrom('attendance')
          .select('delegate_id')
          .where('sitting_id', '=', plenaryId)
          .where('status', '=', 'present')
          .execute()
      ).map((r) => r.delegate_id),
    );
    present = voting.filter((d) => here.has(d.id));
    expect(present.length).toBe(PRESENT);
  });

  it('the plenary adopts the election method', async () => {
    const method = await db()
      .selectFrom('election_methods')
      .select('id')
      .where('congress_id', '=', app.congressId)
      .executeTakeFirstOrThrow();
    const adopted = await recordMethodVote(
      app.server.context,
      await staff('admin', DEMO_PASSWORDS.admin),
      app.congressId,
      method.id,
      {
        votesFor: PRESENT - 4,
        votesAgainst: 1,
        votesAbstain: 3,
      },
    );
    expect(adopted.adopted).toBe(true);
    // [P1] The plenary adopts the scrutineers' list (the vote prepared on its agenda).
    expect((await adoptDemoScrutineers(app.server.context, app.congressId)).adopted).toBe(true);
  });

  it("the presiding officer opens the paper round of the alternates' election and closes it", async () => {
    [presiding, teller1, teller2, scrutineer] = await Promise.all([
      openBrowser(DESKTOP),
      openBrowser(DESKTOP),
      openBrowser(DESKTOP),
      openBrowser(DESKTOP),
    ]);
    await logIn(
      presiding.page,
      app.url,
      'presiding',
      DEMO_PASSWORDS.presiding,
      `/c/${app.congressId}/presiding`,
    );
    const card = panel(alternates.title);
    await card.waitFor();
    expect(await presiding.page.getByTestId('quorum').getAttribute('data-met')).toBe('true');
    expect(await text(presiding.page.getByTestId('count-present'))).toBe(String(PRESENT));
    expect(await text(card.getByTestId('pres-next-round'))).toContain('正式选举');
    await shoot(presiding.page, 'flow-06-presiding-before-open');
    await card.getByTestId('pres-open').click();
    await confirmPopover(presiding.page, 'pres-open-confirm');
    const round = card.getByTestId('pres-round');
    await expect.poll(() => round.getAttribute('data-status')).toBe('open');
    expect(await text(round)).toContain(`本轮应到417名，实到${PRESENT}名`);
    const voting = hall.page.getByTestId('screen-voting');
    await voting.waitFor();
    expect(await text(voting)).toContain(alternates.title);
    expect(await text(hall.page.getByTestId('screen-to-vote'))).toBe(String(PRESENT));
    await shoot(hall.page, 'flow-07-screen-paper-voting');

    // Every elector present was handed a ballot; the box is closed before the count.
    await card.getByTestId('pres-issued').locator('input').fill(String(PRESENT));
    await card.getByTestId('pres-close').click();
    await confirmPopover(presiding.page, 'pres-close-confirm');
    await expect.poll(() => round.getAttribute('data-status')).toBe('closed');
    expect(await text(round)).toContain(`发出选票${PRESENT}张`);
    // The presiding officer does not count [P2]: the page says who does.
    expect(await text(card.getByTestId('pres-await'))).toContain('计票人');
    // Voting is closed: the screen goes back to the sitting's attendance (issue 12, defect 2).
    await expect.poll(() => hall.page.getByTestId('big-screen').getAttribute('data-show')).toBe('attendance');
    const view = await latestRound(alternates.id);
    alternates.candidates = view.candidates;
    expect(alternates.candidates).toHaveLength(9);
  });

  it('two tellers key batch 1 by keyboard in passes A and B; the screen counts the sheets live', async () => {
    const tellerPage = `/c/${app.congressId}/teller`;
    await Promise.all([
      logIn(teller1.page, app.url, 'teller1', DEMO_PASSWORDS.teller, tellerPage),
      logIn(teller2.page, app.url, 'teller2', DEMO_PASSWORDS.teller, tellerPage),
    ]);
    for (const [browser, pass] of [
      [teller1, 'A'],
      [teller2, 'B'],
    ] as const) {
      const page = browser.page;
      // The election being voted on and its round are chosen already.
      await expect.poll(() => text(page.getByTestId('teller-election'))).toContain(alternates.title);
      await expect.poll(() => text(page.getByTestId('teller-round'))).toContain('第1轮');
      if (pass === 'B') await page.getByText('第二遍（B）').click();
      await page.getByTestId('teller-start').click();
      await page.getByTestId('ballot-grid').waitFor();
      expect(await text(page.getByTestId('teller-pass'))).toBe(pass === 'A' ? '第一遍（A）' : '第二遍（B）');
      const keys = await text(page.getByTestId('teller-keys'));
      for (const key of ['1 赞成 ○', '2 不赞成 ×', '0空格 弃权', '←→↑↓ 移动', '回车 提交，开始下一张'])
        expect(keys).toContain(key);
      expect(await page.getByTestId('ballot-cell').count()).toBe(9);
      // The grid has the keyboard as soon as the ballot is shown.
      expect(await page.evaluate('document.activeElement?.dataset?.testid')).toBe('ballot-grid');
    }

    for (const [n, sheet] of KEYED_SHEETS.entries()) {
      for (const [browser, keys, marks] of [
        [teller1, sheet.keysA, sheet.paper],
        [teller2, sheet.keysB, sheet.keyedB],
      ] as const) {
        const page = browser.page;
        expect(await page.getByTestId('teller-sheet-no').locator('input').inputValue()).toBe(String(n + 1));
        await keySheet(page, keys);
        // Enter saved the sheet and opened the next one, empty, with the cursor on the first cell.
        await expect
          .poll(() => page.getByTestId('teller-last').getAttribute('data-sheet'))
          .toBe(String(n + 1));
        expect(await page.getByTestId('teller-last').getAttribute('data-marks')).toBe(marks);
        expect(await page.getByTestId('teller-sheet-no').locator('input').inputValue()).toBe(String(n + 2));
        expect(await page.locator('[data-testid=ballot-cell][data-mark=""]').count()).toBe(9);
        expect(await page.getByTestId('ballot-grid').getAttribute('data-cursor')).toBe('0');
      }
      if (n === 1) await shoot(teller2.page, 'flow-08-teller-pass-b');
    }
    // Enter on a half-keyed sheet saves nothing and says why.
    await keySheet(teller1.page, ['1', '1']);
    expect(await text(teller1.page.getByTestId('teller-incomplete'))).toContain('按 F');
    expect(await teller1.page.getByTestId('teller-last').getAttribute('data-sheet')).toBe('4');
    await shoot(teller1.page, 'flow-09-teller-incomplete');
    await teller1.page.keyboard.press('Backspace');
    await teller1.page.keyboard.press('Backspace');
    await expect.poll(() => teller1.page.locator('[data-testid=ballot-cell][data-mark=""]').count()).toBe(9);

    // Tellers 3 and 4 key the other 296 sheets at their own desks.
    const context = app.server.context;
    const [teller3, teller4] = await Promise.all([
      staff('teller3', DEMO_PASSWORDS.teller),
      staff('teller4', DEMO_PASSWORDS.teller),
    ]);
    const roundId = (await latestRound(alternates.id)).id;
    const others = ballotsLeavingOut(interleave(PAPER_LEFT_OUT), 9);
    expect(others).toHaveLength(PRESENT - KEYED_SHEETS.length);
    await inParallel(others, 8, (marks, i) =>
      Promise.all(
        (
          [
            ['A', teller3],
            ['B', teller4],
          ] as const
        ).map(([pass, actor]) =>
          enterPaperBallot(context, actor, app.congressId, roundId, {
            pass,
            batchNo: 2 + Math.floor(i / SHEETS_PER_BATCH),
            sheetNo: 1 + (i % SHEETS_PER_BATCH),
            marks,
          }),
        ),
      ),
    );
    // Voting is closed: the screen is back on the sitting's attendance while the ballots are
    // counted; no round waiting for its announcement holds it (issue 12, defect 2).
    await expect.poll(() => hall.page.getByTestId('big-screen').getAttribute('data-show')).toBe('attendance');
    await expect
      .poll(() => text(panel(alternates.title).getByTestId('pres-entered')))
      .toBe(`已录入选票 ${PRESENT} 张`);
  });

  it('the scrutineer sees the disagreement side by side, resolves it, reconciles, counts and signs off', async () => {
    const page = scrutineer.page;
    await logIn(page, app.url, 'scrutineer1', DEMO_PASSWORDS.scrutineer, `/c/${app.congressId}/scrutineer`);
    const round = page.getByTestId('scr-round');
    await expect.poll(() => round.getAttribute('data-status')).toBe('closed');
    expect(await text(round)).toContain(alternates.title);
    const sheet = page.locator('[data-testid=scr-batch][data-batch="1"] [data-testid=scr-disagreement]');
    await expect.poll(() => sheet.count()).toBe(1);
    expect(await sheet.getAttribute('data-sheet')).toBe('3');
    // Only the eighth column differs: ○ in pass A, × in pass B, named with its candidate.
    const differences = sheet.getByTestId('scr-differences').locator('tbody tr');
    expect(await differences.count()).toBe(1);
    const difference = await text(differences);
    expect(difference).toContain(`8. ${alternates.candidates[7]}`);
    expect(difference).toContain('○ 赞成');
    expect(difference).toContain('× 不赞成');
    expect(await page.getByTestId('scr-count').isDisabled()).toBe(true);
    await shoot(page, 'flow-10-scrutineer-disagreement');

    // The paper in hand says ○ in the disputed column: the scrutineer clicks what it says.
    await sheet.getByTestId('scr-resolve').click();
    await page.getByTestId('scr-take-b').click();
    // The whole sheet reads in the tellers' keys (1 for, 2 against, 0 abstain, 3 unreadable).
    expect(await page.getByTestId('scr-marks').inputValue()).toBe(keysOfMarks(KEYED_SHEETS[2]!.keyedB));
    const column = page.getByTestId('scr-column');
    expect(await column.count()).toBe(1);
    expect(await column.getAttribute('data-column')).toBe('7');
    await column.locator('.ant-radio-button-wrapper').filter({ hasText: '○ 赞成' }).click();
    expect(await page.getByTestId('scr-marks').inputValue()).toBe(keysOfMarks(KEYED_SHEETS[2]!.paper));
    await shoot(page, 'flow-11-scrutineer-resolve');
    await page.getByTestId('scr-resolve-ok').click();
    await sheet.getByTestId('scr-resolved').waitFor();
    // The chief scrutineer by name, not the login [P2].
    const chief = await db()
      .selectFrom('election_officers')
      .select('name')
      .where('election_id', '=', alternates.id)
      .where('role', '=', 'chief-scrutineer')
      .executeTakeFirstOrThrow();
    expect(await text(sheet.getByTestId('scr-resolved'))).toContain(chief.name);
    expect(await text(sheet.getByTestId('scr-resolved'))).not.toContain('scrutineer1');

    const reconciliation = page.getByTestId('scr-reconciliation');
    await expect.poll(() => reconciliation.getAttribute('data-valid')).toBe('true');
    expect(await text(reconciliation)).toContain(`[B2] 发出选票${PRESENT}张，收回${PRESENT}张，选举有效`);

    await page.getByTestId('scr-count').click();
    await expect.poll(() => round.getAttribute('data-status')).toBe('counted');
    const result = page.getByTestId('round-result');
    expect(await result.getAttribute('data-outcome')).toBe('complete');
    expect(await text(page.getByTestId('result-threshold'))).toContain('[T1] 以417为基数，赞成票至少209票');
    for (const [i, name] of alternates.candidates.entries()) {
      const row = result.locator(`tr[data-candidate="${name}"]`);
      expect(await text(row.locator('.result-for'))).toBe(String(PAPER_FOR[i]));
    }
    await shoot(page, 'flow-12-scrutineer-counted');
    await page.getByTestId('scr-sign-off').click();
    await page.getByTestId('scr-sign-off-confirm').click();
    await expect.poll(() => round.getAttribute('data-status')).toBe('signed-off');
  });

  it('the presiding officer announces; the screen shows the eight elected in the published order with their votes', async () => {
    const card = panel(alternates.title);
    const round = card.getByTestId('pres-round');
    // The presiding page learns of the sign-off by itself.
    await expect.poll(() => round.getAttribute('data-status')).toBe('signed-off');
    expect(await text(card.getByTestId('result-outcome'))).toBe('选举完成');
    await card.getByTestId('pres-announce').click();
    await confirmPopover(presiding.page, 'pres-announce-confirm');
    await expect.poll(() => round.getAttribute('data-status')).toBe('announced');
    expect(await text(card.getByTestId('pres-complete'))).toBe('选举已完成');

    const results = hall.page.getByTestId('screen-results');
    await expect.poll(() => results.getAttribute('data-round')).toBe(await round.getAttribute('data-round'));
    // [T6] alternates are published by votes, most first.
    const expected = alternates.candidates
      .map((name, i) => ({ name, votes: PAPER_FOR[i]! }))
      .filter((c) => c.votes >= 209)
      .sort((a, b) => b.votes - a.votes);
    const names = results.locator('.screen-name');
    await expect.poll(() => names.count()).toBe(8);
    shownOnScreen = [];
    for (let i = 0; i < 8; i++) {
      shownOnScreen.push({
        name: await text(names.nth(i).locator('.screen-name-text')),
        votes: await text(names.nth(i).locator('.screen-name-votes')),
      });
    }
    expect(shownOnScreen).toEqual(expected.map((c) => ({ name: c.name, votes: `${c.votes}票` })));
    expect(await text(results)).not.toContain(alternates.candidates[2]!);
    await shoot(hall.page, 'flow-13-screen-paper-results');
    await card.scrollIntoViewIfNeeded();
    await shoot(presiding.page, 'flow-14-presiding-announced');
  });

  it('three delegates log in on their phones; the ballot arrives when the presiding officer opens the round', async () => {
    phones.push(...(await Promise.all(phoneVoters.map(() => openBrowser(PHONE)))));
    for (const [i, phone] of phones.entries()) {
      const page = phone.page;
      await page.goto(`${app.url}/c/${app.congressId}/vote`);
      await page.getByTestId('vote-code').fill(phoneVoters[i]!.credential);
      await page.getByTestId('vote-login').click();
      await expect.poll(() => text(page.locator('.vote-hello'))).toContain(phoneVoters[i]!.name);
      await page.getByTestId('vote-none').waitFor();
    }
    const card = panel(delegates.title);
    await card.getByTestId('pres-open').click();
    await confirmPopover(presiding.page, 'pres-open-confirm');
    await expect.poll(() => card.getByTestId('pres-round').getAttribute('data-status')).toBe('open');
    // [B4] The opening shows the scrutineers' key shares once, to print and hand over.
    roundKey = await takeKeySlips(card, 'flow-14b-presiding-key-slips');
    // The strip of elections marks the one being voted on.
    const underWay = presiding.page.locator('[data-testid=pres-strip-item].ant-btn-primary');
    await expect.poll(() => text(underWay)).toContain(delegates.title);
    delegates.candidates = (await latestRound(delegates.id)).candidates;
    expect(delegates.candidates).toHaveLength(36);
    for (const phone of phones) {
      const rows = phone.page.getByTestId('ballot-row');
      await expect.poll(() => rows.count()).toBe(36);
      expect(await text(phone.page.getByTestId('vote-ballot'))).toContain(delegates.title);
    }
    await expect.poll(() => text(hall.page.getByTestId('screen-to-vote'))).toBe(String(PRESENT));
  });

  it('each votes ○ for two, × for one (one writes a name in), checks the ballot and gets a receipt', async () => {
    const [first, second, last] = [
      delegates.candidates[0]!,
      delegates.candidates[1]!,
      delegates.candidates[35]!,
    ];
    for (const [i, phone] of phones.entries()) {
      const page = phone.page;
      const row = (name: string) => page.locator(`[data-testid=ballot-row][data-candidate="${name}"]`);
      await row(first).locator('[data-choice=F]').click();
      await row(second).locator('[data-choice=F]').click();
      await row(last).locator('[data-choice=A]').click();
      if (i === 2) await page.getByTestId('vote-write-in').first().fill('林晓东');
      expect(await text(page.getByTestId('vote-count'))).toBe(`已赞成 ${i === 2 ? 3 : 2} 名，最多 30 名`);
      if (i === 0) {
        await row(second).scrollIntoViewIfNeeded();
        await shoot(page, 'flow-15-phone-ballot');
      }
      await page.getByTestId('vote-next').click();
      const review = page.getByTestId('vote-review');
      await review.waitFor();
      expect(await review.locator('[data-choice=F]').count()).toBe(i === 2 ? 3 : 2);
      expect(await review.locator(`[data-candidate="${last}"]`).getAttribute('data-choice')).toBe('A');
      expect(await text(page.getByTestId('vote-summary'))).toBe(
        `赞成${i === 2 ? 3 : 2}名，不赞成1名，弃权33名`,
      );
      if (i === 2) {
        expect(await text(review)).toContain('另选他人：林晓东');
        await shoot(page, 'flow-16-phone-review');
      }
      await page.getByTestId('vote-cast').click();
      const receipt = page.getByTestId('receipt');
      await receipt.waitFor();
      receipts.push(await text(receipt));
      expect(receipts[i]).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      if (i === 0) await shoot(page, 'flow-17-phone-receipt');
    }
    await expect.poll(() => text(hall.page.getByTestId('screen-voted'))).toBe('3');
    await expect
      .poll(() => text(panel(delegates.title).getByTestId('pres-voted')))
      .toBe(`已投票 3 / ${PRESENT}`);
  });

  it('the rest of the hall votes; closed and counted, the 30th seat is tied: the presiding page shows the rule and the run-off', async () => {
    const context = app.server.context;
    const onPhones = new Set(phoneVoters.map((p) => p.code));
    const others = present.filter((d) => !onPhones.has(d.code));
    const ballots = ballotsLeavingOut(interleave(tiedLeftOut(others.length, 30)), 31, 36);
    const round = await latestRound(delegates.id);
    const cast = (from: number, to: number) =>
      inParallel(others.slice(from, to), 8, (d, k) =>
        castElectronicBallot(context, delegateActor(d), app.congressId, round.id, {
          marks: ballots[from + k]!,
        }),
      );
    await cast(0, 150);
    await expect.poll(() => text(hall.page.getByTestId('screen-voted'))).toBe('153');
    await shoot(hall.page, 'flow-18-screen-electronic-voting');
    await cast(150, others.length);
    await expect.poll(() => text(hall.page.getByTestId('screen-voted'))).toBe(String(PRESENT));

    const card = panel(delegates.title);
    await card.getByTestId('pres-close').click();
    await confirmPopover(presiding.page, 'pres-close-confirm');
    await expect.poll(() => card.getByTestId('pres-round').getAttribute('data-status')).toBe('closed');
    // The audit head at the close, anchored outside the database (issue 13 item 14).
    const anchor = card.getByTestId('pres-anchor');
    await anchor.waitFor();
    const head = await db()
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('action', '=', 'round.close')
      .where('subject', '=', `round:${round.id}`)
      .executeTakeFirstOrThrow();
    expect(await anchor.getAttribute('data-seq')).toBe(String(head.seq));
    expect(await anchor.getAttribute('data-hash')).toBe(head.hash);
    expect(await text(anchor)).toContain(`第${head.seq}条`);

    // After the close, the second delegate finds their ballot in the published list.
    const phone = phones[1]!.page;
    await phone.getByTestId('vote-receipt').waitFor();
    await phone.getByTestId('vote-receipt').fill(receipts[1]!.toLowerCase().replaceAll('-', ' '));
    await phone.getByTestId('vote-check-button').click();
    const found = phone.getByTestId('vote-found');
    await found.waitFor();
    expect(await found.getAttribute('data-receipt')).toBe(receipts[1]);
    expect(await text(found)).toContain(`在公布的${PRESENT}张密封选票中`);
    // The receipt is a tracker: it proves the ballot is in the count, never what it says [B4].
    expect(await found.locator('[data-candidate]').count()).toBe(0);
    // The receipt stays on the screen after the round closed.
    expect(await text(phone.getByTestId('vote-kept-receipt'))).toContain(receipts[1]!);
    await found.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(phone, 'flow-19-phone-receipt-found');

    // The scrutineer's page has moved on to the election under way by itself.
    const scr = scrutineer.page;
    const scrRound = scr.getByTestId('scr-round');
    await expect.poll(() => scrRound.getAttribute('data-round')).toBe(round.id);
    await expect.poll(() => scrRound.getAttribute('data-status')).toBe('closed');
    expect(await text(scr.getByTestId('scr-turnout'))).toContain(String(PRESENT));
    await openSealedBallots(scr, roundKey, 'flow-19b-scrutineer-key-shares');
    await scr.getByTestId('scr-count').click();
    await expect.poll(() => scrRound.getAttribute('data-status')).toBe('counted');

    const [tiedA, tiedB] = [delegates.candidates[29]!, delegates.candidates[30]!];
    const result = card.getByTestId('round-result');
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('runoff-required');
    expect(await text(card.getByTestId('result-outcome'))).toBe('须再次投票');
    const runoff = await text(card.getByTestId('result-runoff'));
    expect(runoff).toContain(`须再次投票：在${tiedA}、${tiedB}中选1名`);
    expect(runoff).toContain('[T3]');
    expect(await text(card.getByTestId('result-threshold'))).toContain('[T1] 以417为基数，赞成票至少209票');
    const forOf = async (name: string) => text(result.locator(`tr[data-candidate="${name}"] .result-for`));
    expect(await forOf(tiedA)).toBe(await forOf(tiedB));
    expect(await result.locator('tr.result-row.tied').count()).toBe(2);
    await result
      .locator('tr.result-row.tied')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shoot(presiding.page, 'flow-20-presiding-runoff');

    await scr.getByTestId('scr-sign-off').click();
    await scr.getByTestId('scr-sign-off-confirm').click();
    await expect.poll(() => scrRound.getAttribute('data-status')).toBe('signed-off');
    await expect.poll(() => card.getByTestId('pres-round').getAttribute('data-status')).toBe('signed-off');
    await card.getByTestId('pres-announce').click();
    await confirmPopover(presiding.page, 'pres-announce-confirm');
    await expect.poll(() => card.getByTestId('pres-round').getAttribute('data-status')).toBe('announced');
    expect(await text(card.getByTestId('pres-next-round'))).toContain(
      `再次投票 · 应选1名 · 在${tiedA}、${tiedB}中`,
    );

    const results = hall.page.getByTestId('screen-results');
    await expect.poll(() => results.getAttribute('data-round')).toBe(round.id);
    expect(await results.locator('.screen-name').count()).toBe(29);
    expect(await text(results)).toContain('须再次投票');
    await shoot(hall.page, 'flow-21-screen-runoff-needed');
  });

  it('one click sets up the run-off; voted, counted, signed off and announced, the election is complete', async () => {
    const context = app.server.context;
    const card = panel(delegates.title);
    const [tiedA, tiedB] = [delegates.candidates[29]!, delegates.candidates[30]!];
    await card.getByTestId('pres-open').click();
    await confirmPopover(presiding.page, 'pres-open-confirm');
    const round = card.getByTestId('pres-round');
    await expect.poll(() => round.getAttribute('data-kind')).toBe('runoff');
    expect(await round.getAttribute('data-status')).toBe('open');
    // [B4] The slips are lost before anyone votes: a new key, new slips; the old shares are void.
    const lost = await takeKeySlips(card);
    await card.getByTestId('pres-rekey').click();
    await confirmPopover(presiding.page, 'pres-rekey-confirm');
    const runoffKey = await takeKeySlips(card);
    expect(runoffKey.codes.some((code) => lost.codes.includes(code))).toBe(false);
    const runoff = await latestRound(delegates.id);
    expect(runoff.candidates).toEqual([tiedA, tiedB]);

    // The first delegate's phone shows the run-off ballot by itself.
    const page = phones[0]!.page;
    const rows = page.getByTestId('ballot-row');
    await expect.poll(() => rows.count()).toBe(2);
    await page.locator(`[data-testid=ballot-row][data-candidate="${tiedA}"] [data-choice=F]`).click();
    await shoot(page, 'flow-22-phone-runoff');
    await page.getByTestId('vote-next').click();
    await page.getByTestId('vote-cast').click();
    await page.getByTestId('receipt').waitFor();
    runoffReceipt = await text(page.getByTestId('receipt'));

    const onPhones = new Set(phoneVoters.map((p) => p.code));
    const others = present.filter((d) => !onPhones.has(d.code));
    await inParallel(others, 8, (d, k) =>
      castElectronicBallot(context, delegateActor(d), app.congressId, runoff.id, {
        marks: k < 170 ? 'F-' : k < 290 ? '-F' : '--',
      }),
    );
    await expect.poll(() => text(hall.page.getByTestId('screen-voted'))).toBe(String(1 + others.length));
    await card.getByTestId('pres-close').click();
    await confirmPopover(presiding.page, 'pres-close-confirm');
    await expect.poll(() => round.getAttribute('data-status')).toBe('closed');

    const scr = scrutineer.page;
    const scrRound = scr.getByTestId('scr-round');
    await expect.poll(() => scrRound.getAttribute('data-round')).toBe(runoff.id);
    await expect.poll(() => scrRound.getAttribute('data-status')).toBe('closed');
    await openSealedBallots(scr, runoffKey);
    await scr.getByTestId('scr-count').click();
    await expect.poll(() => scrRound.getAttribute('data-status')).toBe('counted');
    // [T3] in a run-off more votes win.
    expect(await text(scr.getByTestId('result-threshold'))).toContain('[T3]');
    await scr.getByTestId('scr-sign-off').click();
    await scr.getByTestId('scr-sign-off-confirm').click();
    await expect.poll(() => round.getAttribute('data-status')).toBe('signed-off');
    await card.getByTestId('pres-announce').click();
    await confirmPopover(presiding.page, 'pres-announce-confirm');
    await expect.poll(() => round.getAttribute('data-status')).toBe('announced');
    await card.getByTestId('pres-complete').waitFor();
    const elected = await text(card.getByTestId('pres-elected'));
    expect(elected).toContain('本项选举共当选30名');
    expect(elected).toContain(tiedA);
    expect(elected).not.toContain(tiedB);
    await card.getByTestId('pres-next').scrollIntoViewIfNeeded();
    await shoot(presiding.page, 'flow-23-presiding-complete');

    const results = hall.page.getByTestId('screen-results');
    await expect.poll(() => results.getAttribute('data-round')).toBe(runoff.id);
    expect(await text(results.locator('.screen-name'))).toBe(`${tiedA}171票`);
    expect(await text(results)).toContain('本项选举共当选30名');
    await shoot(hall.page, 'flow-24-screen-runoff-result');

    // The first delegate checks the run-off receipt against the published list.
    await page.getByTestId('vote-receipt').fill(runoffReceipt);
    await page.getByTestId('vote-check-button').click();
    const found = page.getByTestId('vote-found');
    await found.waitFor();
    expect(await found.getAttribute('data-receipt')).toBe(runoffReceipt);
    expect(await text(found)).toContain(`在公布的${1 + others.length}张密封选票中`);
    // The receipt proves the ballot was counted, never what it says [B4].
    expect(await found.locator('[data-candidate]').count()).toBe(0);
  });

  it('the server holds what the pages showed; no page reloaded the screen or logged an error', async () => {
    const context = app.server.context;
    const attendance = await currentAttendance(db(), app.congressId);
    expect(attendance.sittings[0]!.present).toBe(PRESENT);
    expect(attendance.sittings[0]!.quorum.met).toBe(true);

    const paper = await latestRound(alternates.id);
    expect(paper.status).toBe('announced');
    const paperResult = paper.result!;
    expect(
      paperResult.elected.map((name) => ({
        name,
        votes: `${paperResult.results.find((r) => r.name === name)!.for}票`,
      })),
    ).toEqual(shownOnScreen);
    const scrutineerActor = await staff('scrutineer1', DEMO_PASSWORDS.scrutineer);
    const comparison = await paperComparison(context, scrutineerActor, app.congressId, paper.id, {});
    expect(comparison.progress).toMatchObject({ sheets: PRESENT, unresolved: 0, resolved: 1 });

    const view = await electionView(db(), app.congressId, delegates.id, { staff: true });
    expect(view.chain.next.step).toBe('complete');
    expect(view.chain.elected).toHaveLength(30);
    const first = view.rounds[0]!;
    const published = await publishedBallots(context, app.congressId, first.id);
    expect(published.ballots).toHaveLength(PRESENT);
    // [B4] Every receipt is a tracker on the board of sealed ballots; the opened ballots carry no
    // receipt, so none of them can be paired with its voter.
    expect(published.sealed.filter((b) => receipts.includes(b.tracker))).toHaveLength(3);
    expect(published.ballots.some((b) => b.writeIns.includes('林晓东'))).toBe(true);
    expect(first.result!.runoff!.candidates).toEqual([delegates.candidates[29], delegates.candidates[30]]);

    expect(await hall.page.evaluate('window.__plenumNoReload')).toBe(true);
    // 404s are the desks' name searches (a name is tried as a code first): answers, not errors.
    const named = { admin, desk1, desk2, hall, presiding, teller1, teller2, scrutineer } as const;
    const problems = [...Object.entries(named), ...phones.map((p, i) => [`phone${i + 1}`, p] as const)]
      .flatMap(([name, b]) => b.problems.map((p) => `${name} ${b.page.url()}: ${p}`))
      .filter((p) => !p.includes('404'));
    expect(problems).toEqual([]);
  });
});

/** The credential holders the demo's banner prints, by index: their codes are on their cards. */
function demoCode(index: number): string {
  return app.server.demo!.delegateCodes[index]!.code;
}

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/adapters/http/server.ts';
import { serveWebApp } from '../../src/adapters/http/web-static.ts';
import { createAdministrator } from '../../src/services/accounts/first-administrator.ts';
import {
  DALIAN_CONCLUSIONS,
  QUZHOU_CONCLUSIONS,
  QUZHOU_DECISION,
  QUZHOU_DECISION_EN,
  QUZHOU_ENLARGED_PLENARY,
  XI_SPEECH_EN,
  XI_SPEECH_ZH,
} from '../core/documents/news/seed-records.ts';
import {
  browserAvailable,
  buildWebApp,
  chooseOption,
  cleanUp,
  confirmPopup,
  type OpenBrowser,
  openBrowser,
  SCREENSHOTS,
  screenshot,
} from './harness.ts';

// The committee's year from the pages only, on a server started empty, as a municipal committee's
// general office (办公室) would use it: the first administrator (created at the server's console,
// as `plenum accounts create-admin` does) records the organisations and terms, enters the term's
// register, its units and a unit's staff account; records seed 004's enlarged plenary
// (市委八届二次全体(扩大)会议: 48 members present, 7 alternates, the 《决定》 adopted, 全会指出 /
// 强调 / 号召, 高屹's closing speech, the attendee categories) and seed 003's standing committee
// meeting (presided over by 谭作钧, 省委常委、市委书记; 会议指出 / 强调); generates and publishes both
// reports and reads their facts in Chinese and English; issues the plenary's minutes and downloads
// the PDF; turns the decision into a follow-up task that the unit's staff, logged in as the unit,
// carry through to 销号 with the office. Every page is photographed for people to look at.
//
// Facts the seeds do not give are assumed as in test/core/documents/news/seed-records.ts: the
// plenary on 20 July 2022 with 50 members due (2 on leave); the Dalian meeting on 2 February 2021
// with 13 standing committee members (1 on leave). Names other than 高屹, 徐张艳, 徐良平 and 谭作钧
// are illustrative.

const run = promisify(execFile);
const DESKTOP = { width: 1440, height: 900 };
const PASSWORD = 'office-password-2022';
const UNIT_PASSWORD = 'unit-password-2022';

const QUZHOU_MEMBERS = [
  '高屹',
  '徐张艳',
  '徐良平',
  '陈锦标',
  '郑雅琴',
  '朱建平',
  '程锦峰',
  '汪卫民',
  '叶伟民',
  '周华富',
  '毛建国',
  '余学锋',
  '祝小军',
  '郑光明',
  '童建中',
  '徐文光',
  '李德胜',
  '王立平',
  '张晓东',
  '刘建明',
  '杨志强',
  '胡海燕',
  '何丽萍',
  '孙卫国',
  '钱伟峰',
  '金跃进',
  '吕国强',
  '施建华',
  '姜振宇',
  '杜晓明',
  '邵建新',
  '蒋庆丰',
  '许文杰',
  '章宏伟',
  '傅国平',
  '楼春华',
  '俞建伟',
  '洪亮',
  '戴晓燕',
  '应云峰',
  '林小勇',
  '潘永红',
  '盛国荣',
  '谢卫东',
  '华建英',
  '夏明华',
  '叶明慧',
  '鲍新民',
  '董志坚',
  '舒晓红',
];
const QUZHOU_ALTERNATES = [
  '马晓东 286',
  '曹丽娟 281',
  '严志刚 279',
  '葛海波 275',
  '汤建军 270',
  '韩雪梅 268',
  '丁伟强 265',
];
const QUZHOU_STANDING = [
  '陈锦标',
  '郑雅琴',
  '朱建平',
  '程锦峰',
  '汪卫民',
  '叶伟民',
  '周华富',
  '毛建国',
  '余学锋',
];
const QUZHOU_ON_LEAVE = [
  { name: '鲍新民', reason: '因病' },
  { name: '夏明华', reason: '因事' },
];
const DALIAN_MEMBERS = [
  '谭作钧',
  '李明',
  '王刚',
  '赵敏',
  '孙立新',
  '周海涛',
  '吴建华',
  '郑国栋',
  '冯晓光',
  '陈志远',
  '褚卫平',
  '卫红',
  '蒋文华',
  '沈建国',
  '韩冬',
];
const DALIAN_STANDING = [
  '王刚',
  '赵敏',
  '孙立新',
  '周海涛',
  '吴建华',
  '郑国栋',
  '冯晓光',
  '陈志远',
  '褚卫平',
  '卫红',
  '蒋文华',
];

let server: RunningServer;
let dataDir: string;
let url: string;
let office: OpenBrowser;
let unit: OpenBrowser;
const state: {
  quzhouTerm?: string;
  dalianTerm?: string;
  plenary?: string;
  standing?: string;
  dalianMeeting?: string;
} = {};

const shots: string[] = [];
async function shoot(page: Page, name: string): Promise<void> {
  shots.push(await screenshot(page, name));
}

/** The dialog open on top. */
const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal').last();

/**
 * Types into a Select with search and clicks the option that is exactly `text`, in this Select's
 * own dropdown: the dropdown of the Select picked before may still be fading out, still showing
 * every name, and an option taken from it would go to that Select instead. The click is a real one
 * (Playwright waits for the option to stand still: a multiple Select's dropdown moves as its tags
 * wrap; Enter would submit the form once a single Select's dropdown has closed).
 */
async function pickTyped(page: Page, select: Locator, text: string): Promise<void> {
  // Open it by its search input: a click in the middle of a multiple Select can land on a chosen
  // name's × and remove it.
  const input = select.locator('input').first();
  if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click();
  await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
  await page.keyboard.type(text);
  // The open Select's input names its list (aria-controls), which sits in its dropdown.
  const list = await input.getAttribute('aria-controls');
  const option = page
    .locator('.ant-select-dropdown:visible')
    .filter({ has: page.locator(`[id="${list}"]`) })
    .locator('.ant-select-item-option')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .first();
  await option.click();
  await expect.poll(() => select.textContent()).toContain(text);
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login?next=${encodeURIComponent('/')}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The home page's card of an organisation. */
const organisationCard = (page: Page, name: string) =>
  page.getByTestId('committee-organisation').filter({ hasText: name });

async function createOrganisation(page: Page, name: string, short: string, locality: string): Promise<void> {
  await page.getByTestId('home-new-organisation').click();
  const form = dialog(page);
  await form.getByTestId('organisation-name').fill(name);
  await form.getByTestId('organisation-short').fill(short);
  await form.getByTestId('organisation-locality').fill(locality);
  await page.locator('#organisation-create-ok').click();
  await organisationCard(page, name).waitFor();
}

async function createTerm(
  page: Page,
  organisation: string,
  number: number,
  startedOn: string,
): Promise<string> {
  const card = organisationCard(page, organisation);
  await card.getByTestId('orgx-term').click();
  const form = dialog(page);
  await form.getByLabel('第几届').fill(String(number));
  await form.getByTestId('orgx-term-start').fill(startedOn);
  await form.getByTestId('orgx-term-save').click();
  const term = card.getByTestId('committee-term');
  await term.waitFor();
  return (await term.getAttribute('data-term-id'))!;
}

async function enterRegister(
  page: Page,
  members: readonly string[],
  alternates: readonly string[],
  leaders: { secretary: string; deputies: readonly string[]; standing: readonly string[] },
): Promise<void> {
  await page.getByTestId('register-enter-members').click();
  await page.getByTestId('register-members-text').fill(members.join('、'));
  await expect
    .poll(() => page.getByTestId('register-members-parsed').textContent())
    .toContain(`识别出${members.length}人`);
  await page.locator('#register-members-ok').click();
  await expect.poll(() => page.getByTestId('register-members').textContent()).toBe(String(members.length));
  if (alternates.length > 0) {
    await page.getByTestId('register-enter-alternates').click();
    await page.getByTestId('register-alternates-text').fill(alternates.join('\n'));
    await page.locator('#register-alternates-ok').click();
    await expect
      .poll(() => page.getByTestId('register-alternates').textContent())
      .toBe(String(alternates.length));
  }
  await page.getByTestId('register-enter-leadership').click();
  const form = dialog(page);
  await pickTyped(page, form.getByTestId('register-secretary'), leaders.secretary);
  await closeDropdown(page, form.getByTestId('register-secretary'));
  for (const name of leaders.deputies) await pickTyped(page, form.getByTestId('register-deputies'), name);
  await closeDropdown(page, form.getByTestId('register-deputies'));
  for (const name of leaders.standing) await pickTyped(page, form.getByTestId('register-standing'), name);
  await closeDropdown(page, form.getByTestId('register-standing'));
  await page.locator('#register-leadership-ok').click();
  await dialogsClosed(page);
  const shown = await page.getByTestId('register-leadership').textContent();
  for (const name of [leaders.secretary, ...leaders.deputies, ...leaders.standing])
    expect(shown).toContain(name);
}

async function addUnits(page: Page, termId: string, names: readonly string[]): Promise<void> {
  await page.goto(`${url}/t/${termId}/units`);
  await page.getByTestId('unit-add').click();
  await page.getByTestId('unit-names').fill(names.join('\n'));
  await page.locator('#unit-add-ok').click();
  await expect.poll(() => page.getByTestId('unit-row').count()).toBe(names.length);
}

/** Adds a topic of the office's own from the meeting's agenda page (requested, approved, scheduled). */
async function addAgendaTopic(
  page: Page,
  topic: {
    unit: string;
    kind?: string;
    title: string;
    titleEn?: string;
    presenter?: string;
    onBehalfOf?: string;
  },
): Promise<void> {
  const before = await page.getByTestId('agenda-topic').count();
  await page.getByTestId('agenda-add').click();
  const form = dialog(page);
  await choose(page, form.getByTestId('topic-unit'), topic.unit);
  if (topic.kind) await choose(page, form.getByTestId('topic-kind'), topic.kind);
  await form.getByTestId('topic-title').fill(topic.title);
  if (topic.titleEn) await form.getByTestId('topic-title-en').fill(topic.titleEn);
  if (topic.presenter) await form.getByTestId('topic-presenter').fill(topic.presenter);
  if (topic.onBehalfOf) await form.getByTestId('topic-on-behalf').fill(topic.onBehalfOf);
  await page.locator('#topic-save').click();
  await expect.poll(() => page.getByTestId('agenda-topic').count()).toBe(before + 1);
}

/**
 * Picks an option with the harness's chooseOption once no other dropdown is still closing (it
 * opens the Select only when no dropdown shows).
 */
async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  await chooseOption(page, select, text);
}

/** Waits until no dialog is open (a dialog closes when its write went through). */
async function dialogsClosed(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
}

/** Closes a Select's dropdown if it is open (Escape with none open would close the dialog). */
async function closeDropdown(page: Page, select: Locator): Promise<void> {
  const input = select.locator('input').first();
  if ((await input.getAttribute('aria-expanded')) === 'true') {
    await page.keyboard.press('Escape');
    await expect.poll(() => input.getAttribute('aria-expanded')).not.toBe('true');
  }
}

/** Marks people on leave in the roll call, then everyone else present. */
async function rollCall(
  page: Page,
  onLeave: readonly { name: string; reason: string }[],
  present: number,
): Promise<void> {
  const roll = page.getByTestId('roll-call');
  await roll.getByTestId('roll-call-row').first().waitFor();
  for (const person of onLeave) {
    const row = roll.locator(`[data-testid=roll-call-row][data-name="${person.name}"]`);
    await row.getByTestId('roll-call-leave').click();
    await dialog(page).getByText(person.reason, { exact: true }).click();
    await page.locator('#roll-call-leave-ok').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('leave');
  }
  await roll.getByTestId('roll-call-all').click();
  await confirmPopup(page);
  await expect.poll(() => page.getByTestId('meeting-present').textContent()).toBe(String(present));
}

/** Fills the conclusions editor with the rows given, in order. */
async function enterConclusions(
  page: Page,
  lead: '全会' | '会议',
  rows: readonly { verb: string; zh: string; en: string; topic?: string }[],
): Promise<void> {
  await page.getByTestId('conclusions-edit').click();
  const form = dialog(page);
  for (const [index, row] of rows.entries()) {
    await form.getByTestId('conclusion-add').click();
    const item = form.getByTestId('conclusion-row').nth(index);
    await choose(page, item.getByTestId('conclusion-verb'), `${lead}${row.verb}`);
    if (row.topic) await choose(page, item.locator('.ant-select').nth(1), row.topic);
    await item.getByTestId('conclusion-text').fill(row.zh);
    await item.getByTestId('conclusion-text-en').fill(row.en);
  }
  await page.locator('#conclusions-save').click();
  await expect.poll(() => page.getByTestId('conclusion').count()).toBe(rows.length);
}

/** Generates the meeting's report, checks the facts in both languages; returns the editor. */
async function generateReport(
  page: Page,
  meetingId: string,
  kind: string,
): Promise<{ zh: string; en: string; titleEn: string }> {
  await page.goto(`${url}/c/${meetingId}/console/news`);
  await page.getByTestId(`news-generate-${kind}`).click();
  await page.getByTestId('news-editor').waitFor();
  await page.waitForFunction("document.querySelector('.ant-drawer-open') !== null");
  return {
    zh: await page.getByTestId('news-body-zh').inputValue(),
    en: await page.getByTestId('news-body-en').inputValue(),
    titleEn: await page.getByTestId('news-title-en').inputValue(),
  };
}

async function publishedTitles(page: Page): Promise<string[]> {
  const answer = await page.context().request.get(`${url}/api/news?limit=20`);
  const body = (await answer.json()) as { items: { titleZh: string; titleEn: string }[] };
  return body.items.flatMap((item) => [item.titleZh, item.titleEn]);
}

describe.runIf(browserAvailable)('the committee’s year, from the pages', () => {
  beforeAll(async () => {
    const webRoot = await buildWebApp();
    dataDir = await mkdtemp(path.join(tmpdir(), 'plenum-committee-'));
    server = await startServer({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      seed: 'empty',
      extend: (app) => serveWebApp(app, webRoot),
      output: new Writable({ write: (_chunk, _encoding, done) => done() }),
      handleSignals: false,
      env: {},
    });
    url = `http://localhost:${server.port}`;
    // The operator creates the first administrator at the server's console (plenum accounts create-admin).
    await createAdministrator(server.context, {
      username: 'office',
      displayName: '市委办公室 李华',
      password: PASSWORD,
    });
    [office, unit] = await Promise.all([openBrowser(DESKTOP), openBrowser(DESKTOP)]);
    // A refusal is printed with the server's reason: the page shows it only as a passing message.
    for (const browser of [office, unit])
      browser.page.on('response', async (response) => {
        if (response.status() >= 400)
          console.log('HTTP', response.status(), response.url(), await response.text().catch(() => ''));
      });
  });

  afterAll(async () => {
    await cleanUp();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('the first administrator records the organisations, the terms and their registers', async () => {
    const page = office.page;
    await logIn(page, 'office', PASSWORD);
    // Nothing recorded yet: the home page says so once its list has loaded.
    await page.getByTestId('committee-home-empty').waitFor();
    expect(await page.getByTestId('committee-home-empty').textContent()).toContain('尚未建立党组织');
    await createOrganisation(page, '中国共产党衢州市委员会', '市委', '衢州市');
    state.quzhouTerm = await createTerm(page, '中国共产党衢州市委员会', 8, '2021-09-26');
    await createOrganisation(page, '中国共产党大连市委员会', '市委', '大连市');
    state.dalianTerm = await createTerm(page, '中国共产党大连市委员会', 12, '2016-10-28');
    await shoot(page, 'zh-desktop-committee-home');

    // The register of the Quzhou term, from the term's card on the home page.
    await organisationCard(page, '衢州').getByTestId('committee-open-register').click();
    await page.waitForURL((u) => u.pathname === `/t/${state.quzhouTerm}/register`);
    await enterRegister(page, QUZHOU_MEMBERS, QUZHOU_ALTERNATES, {
      secretary: '高屹',
      deputies: ['徐张艳', '徐良平'],
      standing: QUZHOU_STANDING,
    });
    const leaders = await page.getByTestId('register-leadership').textContent();
    expect(leaders).toMatch(/书记.*高屹.*副书记.*徐张艳.*徐良平/);
    expect(await page.getByTestId('register-alternate').first().textContent()).toContain('马晓东');
    await shoot(page, 'zh-desktop-term-register');

    await page.goto(`${url}/t/${state.dalianTerm}/register`);
    await enterRegister(page, DALIAN_MEMBERS, [], {
      secretary: '谭作钧',
      deputies: ['李明'],
      standing: DALIAN_STANDING,
    });

    // Units of Quzhou, and a staff account of one of them.
    await addUnits(page, state.quzhouTerm!, ['市委办公室', '市发展改革委', '市经信局']);
    const fgw = page.locator('[data-testid=unit-row][data-unit="市发展改革委"]');
    await fgw.getByTestId('unit-account-add').click();
    await page.getByTestId('unit-account-username').fill('fgw');
    await page.getByTestId('unit-account-name').fill('市发展改革委 王芳');
    await page.getByTestId('unit-account-password').fill(UNIT_PASSWORD);
    await page.locator('#unit-account-ok').click();
    await fgw.getByText('fgw').waitFor();
    await shoot(page, 'zh-desktop-term-units');
    await addUnits(page, state.dalianTerm!, ['市委办公室']);
  });

  it('records seed 004: the enlarged plenary, its attendance, agenda, conclusions, speech and decision', async () => {
    const page = office.page;
    await page.goto(`${url}/t/${state.quzhouTerm}/meetings`);
    await page.getByTestId('meeting-new').click();
    const form = dialog(page);
    await form.getByTestId('meeting-number').fill('2');
    await form.getByTestId('meeting-date').fill('2022-07-20');
    await form.getByText('扩大会议', { exact: false }).click();
    for (const [index, group] of QUZHOU_ENLARGED_PLENARY.attendeeGroups.entries()) {
      await form.getByTestId('attendee-group-add').click();
      const row = form.getByTestId('attendee-group').nth(index);
      if (group.kind === 'invited' && index === 7)
        await choose(page, row.locator('.ant-select').first(), '应邀参加');
      await row.getByTestId('attendee-group-category').fill(group.category.zh);
      await row.locator('textarea[lang=en]').fill(group.category.en ?? '');
    }
    await form.locator('.ant-modal-title').scrollIntoViewIfNeeded();
    await shoot(page, 'zh-desktop-meeting-new');
    await page.locator('#meeting-create-ok').click();
    await page.waitForURL((u) => /^\/c\/[^/]+\/console$/.test(u.pathname));
    state.plenary = page.url().split('/c/')[1]!.split('/')[0]!;
    await expect
      .poll(() => page.getByTestId('meeting-title').textContent())
      .toBe('市委八届二次全体(扩大)会议');
    expect(await page.getByTestId('meeting-presided').textContent()).toBe('市委常委会');
    expect(await page.getByTestId('meeting-held-at').textContent()).toBe('2022年7月20日');
    expect(await page.getByTestId('meeting-group').count()).toBe(9);
    expect(await page.getByTestId('meeting-due').textContent()).toBe('50');
    // No congress panels in a meeting's console.
    const menu = await page.locator('.console-menu').textContent();
    expect(menu).not.toMatch(/代表|主席团|代表团|资格审查/);
    expect(menu).toContain('委员名单');

    await rollCall(page, QUZHOU_ON_LEAVE, 48);
    expect(await page.getByTestId('meeting-leave').textContent()).toBe('2');
    expect(await page.getByTestId('meeting-alternates').textContent()).toBe('7/7');
    expect(await page.getByTestId('meeting-quorum').getAttribute('data-met')).toBe('true');
    expect(await page.getByTestId('meeting-quorum-rule').textContent()).toBe(
      '[M1] 全体会议须有半数以上委员到会（应到50名，至少26名）',
    );
    await shoot(page, 'zh-desktop-meeting-overview');
    await page.getByTestId('roll-call').scrollIntoViewIfNeeded();
    await shoot(page, 'zh-desktop-meeting-roll-call');

    // The agenda: the two reports 高屹 made on behalf of the standing committee, and the decision.
    await page.goto(`${url}/c/${state.plenary}/console/agenda`);
    const reports = QUZHOU_ENLARGED_PLENARY.topics;
    for (const topic of reports.slice(0, 2))
      await addAgendaTopic(page, {
        unit: '市委办公室',
        title: topic.title.zh,
        titleEn: topic.title.en ?? '',
        presenter: '高屹',
        onBehalfOf: '市委常委会',
      });
    await addAgendaTopic(page, {
      unit: '市委办公室',
      kind: '审议',
      title: QUZHOU_DECISION,
      titleEn: QUZHOU_DECISION_EN,
    });
    await shoot(page, 'zh-desktop-meeting-agenda');

    // The conclusions in the seed's order, the closing speech, the decision and its vote [M4].
    await page.goto(`${url}/c/${state.plenary}/console/outcomes`);
    const verbs = {
      noted: '指出',
      stressed: '强调',
      affirmed: '充分肯定',
      held: '认为',
      called: '号召',
    } as const;
    await enterConclusions(
      page,
      '全会',
      QUZHOU_CONCLUSIONS.map((c) => ({
        verb: verbs[c.verb as keyof typeof verbs],
        zh: c.text.zh,
        en: c.text.en ?? '',
      })),
    );
    await page.getByTestId('speeches-edit').click();
    const speech = dialog(page);
    await speech.getByTestId('speech-add').click();
    await speech.getByTestId('speech-speaker').fill('高屹');
    await speech.getByTestId('speech-subject').fill('贯彻落实省党代会和市委全会精神');
    await speech.getByText('会议结束时的讲话').click();
    await speech
      .getByTestId('speech-subject-en')
      .fill(
        'implementing the guiding principles of the provincial Party congress and of the plenary session',
      );
    await page.locator('#speeches-save').click();
    await page.getByTestId('speech').waitFor();

    await page.getByTestId('decision-new').click();
    const vote = dialog(page);
    expect(await vote.getByTestId('decision-rule').textContent()).toContain(
      '[M4] 赞成票须超过应到会成员半数（至少26票）',
    );
    expect(await vote.getByTestId('decision-rule').textContent()).toContain('应到会委员50名，现到会48名');
    await choose(page, vote.getByTestId('decision-topic'), QUZHOU_DECISION.slice(0, 12));
    await vote.getByTestId('decision-title').fill(QUZHOU_DECISION);
    await vote.getByTestId('decision-title-en').fill(QUZHOU_DECISION_EN);
    await vote.getByLabel('赞成', { exact: true }).fill('48');
    await vote.getByLabel('不赞成', { exact: true }).fill('0');
    await vote.getByLabel('弃权', { exact: true }).fill('0');
    await expect
      .poll(() => vote.getByTestId('decision-preview').textContent())
      .toBe('赞成48票，达到26票，通过');
    await shoot(page, 'zh-desktop-meeting-decision');
    await page.getByTestId('decision-save').click();
    const row = page.getByTestId('decision-row').first();
    await expect.poll(() => row.getAttribute('data-status')).toBe('adopted');
    expect(await row.getByTestId('decision-votes').textContent()).toBe(
      '赞成48票，不赞成0票，弃权0票（举手表决）',
    );
    expect(await row.getByTestId('decision-verdict').textContent()).toContain(
      '[M4] 赞成票须超过应到会成员半数（至少26票）',
    );
    await shoot(page, 'zh-desktop-meeting-outcomes');
  });

  it('records seed 003: the standing committee meeting presided over by 谭作钧', async () => {
    const page = office.page;
    await page.goto(`${url}/t/${state.dalianTerm}/meetings`);
    await page.getByTestId('meeting-new').click();
    const form = dialog(page);
    await form.getByText('常委会会议', { exact: true }).click();
    await form.getByTestId('meeting-date').fill('2021-02-02');
    const presided = form.getByTestId('meeting-presided-by');
    const input =
      (await presided.evaluate((el) => el.tagName)) === 'INPUT' ? presided : presided.locator('input');
    await input.fill('谭作钧');
    await page.keyboard.press('Tab');
    await form.getByTestId('meeting-capacity').fill('省委常委、市委书记');
    await page.locator('#meeting-create-ok').click();
    await page.waitForURL((u) => /^\/c\/[^/]+\/console$/.test(u.pathname));
    state.dalianMeeting = page.url().split('/c/')[1]!.split('/')[0]!;
    await expect
      .poll(() => page.getByTestId('meeting-title').textContent())
      .toBe('市委常委会2021年第1次会议');
    expect(await page.getByTestId('meeting-presided').textContent()).toBe('省委常委、市委书记谭作钧');
    expect(await page.getByTestId('meeting-due').textContent()).toBe('13');
    await rollCall(page, [{ name: '蒋文华', reason: '因事' }], 12);
    expect(await page.getByTestId('meeting-quorum-rule').textContent()).toContain('[M2]');

    await page.goto(`${url}/c/${state.dalianMeeting}/console/agenda`);
    await addAgendaTopic(page, {
      unit: '市委办公室',
      kind: '传达学习',
      title: XI_SPEECH_ZH,
      titleEn: XI_SPEECH_EN,
    });
    // The second topic is left without its English: the report's English will say so.
    await addAgendaTopic(page, { unit: '市委办公室', kind: '其他', title: '研究部署我市贯彻落实工作' });
    await page.goto(`${url}/c/${state.dalianMeeting}/console/outcomes`);
    const verbs = { noted: '指出', stressed: '强调' } as const;
    await enterConclusions(
      page,
      '会议',
      DALIAN_CONCLUSIONS.map((c) => ({
        verb: verbs[c.verb as keyof typeof verbs],
        zh: c.text.zh,
        en: c.text.en ?? '',
        topic: XI_SPEECH_ZH.slice(0, 10),
      })),
    );
    await shoot(page, 'zh-desktop-standing-outcomes');
  });

  it('generates and publishes both reports, with their facts in Chinese and English', async () => {
    const page = office.page;
    const plenary = await generateReport(page, state.plenary!, 'plenary-session');
    for (const fact of [
      '出席这次全会的市委委员48名，候补委员7名',
      '市委常委会主持会议',
      '市委书记高屹讲话',
      '市委副书记徐张艳、徐良平出席',
      `审议通过《${QUZHOU_DECISION}》`,
      '全会结束时，高屹就贯彻落实省党代会和市委全会精神作了讲话',
      `全会指出，${QUZHOU_CONCLUSIONS[0]!.text.zh}`,
      `全会强调，${QUZHOU_CONCLUSIONS[1]!.text.zh}`,
      '全会充分肯定了今年以来市委常委会的工作',
      `全会号召，${QUZHOU_CONCLUSIONS[7]!.text.zh}`,
      '离岗在职领导、副厅级以上老干部应邀参加',
    ])
      expect(plenary.zh, fact).toContain(fact);
    for (const fact of [
      '48 members of the municipal Party committee and 7 alternate members attended the session',
      'Gao Yi',
      'Xu Zhangyan and Xu Liangping',
      `adopted ${QUZHOU_DECISION_EN}`,
      `The session called on ${QUZHOU_CONCLUSIONS[7]!.text.en}`,
      'attended by invitation',
    ])
      expect(plenary.en, fact).toContain(fact);
    // Everything recorded has its English: nothing is flagged.
    expect(await page.getByTestId('news-untranslated').count()).toBe(0);
    await shoot(page, 'zh-desktop-meeting-news-plenary');
    await page.getByTestId('news-save-publish').click();
    await expect.poll(() => page.getByTestId('news-item-status').first().textContent()).toBe('已发布');

    const standing = await generateReport(page, state.dalianMeeting!, 'standing-committee-meeting');
    for (const fact of [
      '市委常委会召开会议',
      '省委常委、市委书记谭作钧主持会议',
      `会议指出，${DALIAN_CONCLUSIONS[0]!.text.zh}`,
      `会议强调，${DALIAN_CONCLUSIONS[1]!.text.zh}`,
    ])
      expect(standing.zh, fact).toContain(fact);
    for (const fact of ['Tan Zuojun', 'presided over the meeting', 'The meeting stressed that', XI_SPEECH_EN])
      expect(standing.en, fact).toContain(fact);
    // The second topic has no English: the editor flags it and asks before publishing.
    expect(standing.en).toContain('研究部署我市贯彻落实工作');
    await page.getByTestId('news-untranslated').waitFor();
    await shoot(page, 'zh-desktop-meeting-news-untranslated');
    await page.getByTestId('news-save-publish').click();
    await page.locator('#news-publish-anyway').waitFor();
    await shoot(page, 'zh-desktop-meeting-news-confirm');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '返回修改' }).click();
    const english = 'study and deploy the implementation work in our city';
    await page.getByTestId('news-body-en').fill(standing.en.replaceAll('研究部署我市贯彻落实工作', english));
    await page
      .getByTestId('news-title-en')
      .fill(standing.titleEn.replaceAll('研究部署我市贯彻落实工作', english));
    await expect.poll(() => page.getByTestId('news-untranslated').count()).toBe(0);
    await page.getByTestId('news-save-publish').click();
    // The first row may be the plenary's report, published before: wait for this report itself.
    await expect
      .poll(async () =>
        (await publishedTitles(page)).some((t) => t.startsWith('Tan Zuojun presides over a meeting')),
      )
      .toBe(true);
    const titles = await publishedTitles(page);
    // The news prints the brackets full-width, as the press does.
    expect(titles).toContain('市委八届二次全体（扩大）会议举行');
    expect(titles.some((t) => t.startsWith('谭作钧主持召开市委常委会会议'))).toBe(true);
    expect(titles.some((t) => t.startsWith('Tan Zuojun presides over a meeting'))).toBe(true);
  });

  it('drafts, issues and prints the plenary’s minutes', async () => {
    const page = office.page;
    await page.goto(`${url}/c/${state.plenary}/console/minutes`);
    await expect.poll(() => page.getByTestId('minutes-body').inputValue()).toContain('高屹');
    await page
      .getByTestId('minutes-distribution')
      .fill('市委各常委\n市人大常委会党组、市政府党组、市政协党组\n各县（市、区）委');
    await page.getByTestId('minutes-save').click();
    await expect.poll(() => page.getByTestId('minutes-status').textContent()).toContain('修改后请保存');
    await page.getByTestId('minutes-issue-date').fill('2022-07-22');
    await page.getByTestId('minutes-issue').click();
    await confirmPopup(page);
    await expect.poll(() => page.getByTestId('minutes-number').textContent()).toBe('〔2022〕1号');
    await page.evaluate('window.scrollTo(0, 0)');
    await shoot(page, 'zh-desktop-meeting-minutes');
    const href = await page.getByTestId('minutes-pdf').getAttribute('href');
    const answer = await page.context().request.get(`${url}${href}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('application/pdf');
    const pdf = await answer.body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await mkdir(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, '..', 'committee-minutes.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    const text = stdout.replace(/\s+/g, '');
    expect(text).toContain('〔2022〕1号');
    expect(text).toContain('高屹');
    expect(text).toContain('市人大常委会党组');
  });

  it('turns the decision into a task that the unit’s staff carry to 销号 with the office', async () => {
    const page = office.page;
    // A later standing committee meeting, for the unit's topic and the report-back.
    await page.goto(`${url}/t/${state.quzhouTerm}/meetings`);
    await page.getByTestId('meeting-new').click();
    const form = dialog(page);
    await form.getByText('常委会会议', { exact: true }).click();
    await form.getByTestId('meeting-date').fill('2022-09-15');
    await page.locator('#meeting-create-ok').click();
    await page.waitForURL((u) => /^\/c\/[^/]+\/console$/.test(u.pathname));
    state.standing = page.url().split('/c/')[1]!.split('/')[0]!;
    await page.goto(`${url}/t/${state.quzhouTerm}/meetings`);
    await expect.poll(() => page.getByTestId('meeting-row').count()).toBe(2);
    await shoot(page, 'zh-desktop-term-meetings');

    await page.goto(`${url}/c/${state.plenary}/console/outcomes`);
    await page.getByTestId('decision-task').click();
    const task = dialog(page);
    await expect
      .poll(() => task.getByTestId('task-title').inputValue())
      .toBe(`贯彻落实《${QUZHOU_DECISION}》`);
    await choose(page, task.getByTestId('task-lead'), '市发展改革委');
    await choose(page, task.getByTestId('task-supporting'), '市经信局');
    await closeDropdown(page, task.getByTestId('task-supporting'));
    await shoot(page, 'zh-desktop-task-new');
    await page.locator('#task-create-ok').click();
    await expect.poll(() => page.locator('#task-create-ok').count()).toBe(0);

    // The unit's staff log in and land on their units' board.
    const staff = unit.page;
    await logIn(staff, 'fgw', UNIT_PASSWORD);
    await staff.waitForURL((u) => u.pathname === `/t/${state.quzhouTerm}/follow-up`);
    await staff.getByTestId('task-row').first().waitFor();
    expect(await staff.getByTestId('follow-up-units').textContent()).toContain('市发展改革委');
    const menu = await staff.locator('.console-menu').textContent();
    expect(menu).toContain('督查督办');
    expect(menu).not.toContain('委员名册');
    await shoot(staff, 'zh-desktop-unit-board');

    // The unit requests a topic for the next standing committee meeting.
    await staff.goto(`${url}/t/${state.quzhouTerm}/topics`);
    await staff.getByTestId('topic-request').click();
    const request = dialog(staff);
    await request.getByText('常委会会议', { exact: true }).click();
    await request.getByTestId('topic-title').fill('关于工业强市十大专项行动推进情况的汇报');
    await request.getByTestId('topic-presenting-unit').fill('市发展改革委');
    await request.getByTestId('topic-presenter').fill('主任 王立新');
    await request.getByTestId('topic-paper-add').click();
    await request.getByTestId('topic-paper-title').fill('工业强市十大专项行动推进情况');
    await request.getByTestId('topic-attendees').fill('王立新、陈晓峰');
    await shoot(staff, 'zh-desktop-unit-topic-request');
    await staff.locator('#topic-save').click();
    await expect.poll(() => staff.getByTestId('topic-row').count()).toBe(1);
    expect(await staff.getByTestId('topic-status').first().textContent()).toBe('待审核');

    // The unit acknowledges the task, asks for more time and reports progress.
    await staff.goto(`${url}/t/${state.quzhouTerm}/follow-up`);
    await staff.getByTestId('task-open').first().click();
    const drawer = staff.getByTestId('task-detail');
    await drawer.waitFor();
    await staff.getByTestId('task-text').fill('已签收，牵头制定实施方案');
    await staff.getByTestId('task-acknowledge').click();
    await expect.poll(() => drawer.getAttribute('data-status')).toBe('acknowledged');
    await staff.getByTestId('task-text').fill('实施方案需征求各县（市、区）意见');
    const deadline = await staff.getByTestId('task-extension-date').getAttribute('min');
    const later = new Date(`${deadline}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 30);
    await staff.getByTestId('task-extension-date').fill(later.toISOString().slice(0, 10));
    await staff.getByTestId('task-extension').click();
    await drawer.getByText('牵头单位申请延期至').waitFor();
    await staff.getByTestId('task-text').fill('实施方案已印发，十大专项行动已全面启动');
    await staff.getByTestId('task-report').click();
    await expect.poll(() => drawer.getAttribute('data-status')).toBe('reported');
    await shoot(staff, 'zh-desktop-unit-task');

    // The office approves the topic and puts it on the meeting; grants the extension, puts a
    // report-back on the same meeting, checks the result and closes the task (销号).
    await page.goto(`${url}/t/${state.quzhouTerm}/topics`);
    await page.getByTestId('topic-review').first().click();
    await page.getByTestId('topic-approve').click();
    await expect.poll(() => page.getByTestId('topic-status').first().textContent()).toBe('已通过');
    await page.getByTestId('topic-schedule').first().click();
    await page.locator('#topic-schedule-ok').click();
    await expect.poll(() => page.getByTestId('topic-row').count()).toBe(0);
    await shoot(page, 'zh-desktop-term-topics');

    await page.goto(`${url}/t/${state.quzhouTerm}/follow-up`);
    await page.getByTestId('task-open').first().click();
    const board = page.getByTestId('task-detail');
    await board.waitFor();
    await page.getByTestId('task-grant').click();
    await expect.poll(() => board.getByText('牵头单位申请延期至').count()).toBe(0);
    await choose(page, page.getByTestId('task-report-back-meeting'), '市委常委会2022年第1次会议');
    await page.getByTestId('task-report-back').click();
    await expect.poll(() => page.getByTestId('task-report-back').count()).toBe(0);
    await page.getByTestId('task-accept').click();
    await expect.poll(() => board.getAttribute('data-status')).toBe('checked');
    await page.getByTestId('task-text').fill('同意销号');
    await page.getByTestId('task-close').click();
    await expect.poll(() => board.getAttribute('data-status')).toBe('closed');
    await shoot(page, 'zh-desktop-task-closed');

    // The standing committee meeting's agenda has the unit's topic and the report-back.
    await page.goto(`${url}/c/${state.standing}/console/agenda`);
    await expect.poll(() => page.getByTestId('agenda-topic').count()).toBe(2);

    // The unit sees its task closed (销号).
    await staff.goto(`${url}/t/${state.quzhouTerm}/follow-up`);
    await staff.getByText('已销号', { exact: true }).first().click();
    await expect.poll(() => staff.getByTestId('task-row').count()).toBe(1);
    expect(await staff.getByTestId('task-row').first().getAttribute('data-status')).toBe('closed');
  });

  it('shows the pages in English too', async () => {
    const page = office.page;
    const visits: [string, string, string][] = [
      [`/t/${state.quzhouTerm}/register`, 'register-page', 'term-register'],
      [`/t/${state.quzhouTerm}/meetings`, 'meetings-page', 'term-meetings'],
      [`/t/${state.quzhouTerm}/follow-up`, 'follow-up-page', 'term-follow-up'],
      [`/c/${state.plenary}/console`, 'meeting-overview', 'meeting-overview'],
      [`/c/${state.plenary}/console/outcomes`, 'meeting-outcomes', 'meeting-outcomes'],
      [`/c/${state.plenary}/console/minutes`, 'meeting-minutes', 'meeting-minutes'],
    ];
    for (const lang of ['en', 'zh'] as const) {
      for (const [where, ready, name] of visits) {
        await page.goto(`${url}${where}?lang=${lang}`);
        await page.getByTestId(ready).waitFor();
        await expect.poll(() => page.locator('.ant-skeleton, .ant-spin-spinning').count()).toBe(0);
        if (lang === 'en') await shoot(page, `en-desktop-${name}`);
      }
    }
    await page.goto(`${url}/c/${state.plenary}/console?lang=en`);
    await expect
      .poll(() => page.getByTestId('meeting-quorum-rule').textContent())
      .toBe('[M1] A plenary session needs more than half of the members present (50 due, at least 26)');
    await page.goto(`${url}/?lang=zh`);
    expect(office.problems).toEqual([]);
    expect(unit.problems).toEqual([]);
    expect(shots.length).toBeGreaterThan(20);
  });
});

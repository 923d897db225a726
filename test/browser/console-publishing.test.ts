import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/actor.ts';
import { checkIn } from '../../src/services/attendance/check-in.ts';
import { castElectronicBallot } from '../../src/services/ballots/electronic/cast.ts';
import { enterKeyShares } from '../../src/services/ballots/electronic/key-shares.ts';
import { openSitting } from '../../src/services/congress/sittings.ts';
import { addPosition } from '../../src/services/congress/term-positions.ts';
import { DEMO_ACTOR, DEMO_PASSWORDS } from '../../src/services/demo/seed-demo.ts';
import { recordMethodVote } from '../../src/services/elections/methods.ts';
import {
  announceRound,
  closeRound,
  countRound,
  openRound,
  signOffRound,
} from '../../src/services/elections/rounds.ts';
import { adoptDemoScrutineers, holdSittingsBefore } from '../support/demo-congress.ts';
import {
  type AppServer,
  browserAvailable,
  buildWebApp,
  chooseOption,
  cleanUp,
  logIn,
  type OpenBrowser,
  openBrowser,
  SCREENSHOTS,
  screenshot,
  startAppServer,
  visitIn,
} from './harness.ts';
import { staffActor } from './staff-actor.ts';

// The console's publishing sections in a real browser, as the secretariat uses them once the
// plenary has elected the delegates to the provincial congress electronically: the documents
// page hands out real PDFs (read back with pdftotext); the opening report is generated, retitled
// and published, read on the public portal (and its feeds) by an anonymous visitor, then
// withdrawn; the audit log shows the publication and verifies its hash chain; the organisations
// page shows the terms and records a standing committee member's approval [P6]. Screenshots in
// Chinese and English, desktop (1440×900) and phone (390×844), go to test-output/screenshots/.

type Lang = 'zh' | 'en';
const LANGS: readonly Lang[] = ['zh', 'en'];
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Waits for the server's answer to show, allowing for a machine busy with other tests. */
const NEW_TITLE = '中国共产党示范市第十三次代表大会在示范市隆重开幕';

let app: AppServer;
let admin: OpenBrowser;
let adminPhone: OpenBrowser;
let anon: OpenBrowser;
let anonPhone: OpenBrowser;
let newsId: string;
let pendingName: string;
let vacantName: string;
let successorName: string;
const shots: string[] = [];

const visit = (browser: OpenBrowser, path: string, lang: Lang, ready: string) =>
  visitIn(app, browser, path, lang, ready);

async function shoot(page: Page, name: string): Promise<void> {
  shots.push(await screenshot(page, name));
}

const consoleSection = (section: string) => `/c/${app.congressId}/console/${section}`;

/** pdftotext of a PDF, without white space (names are padded: 王　宁). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plenum-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fetches a document link of the page with the browser's session, as the new tab would. */
async function fetchPdf(browser: OpenBrowser, testId: string): Promise<string> {
  const href = await browser.page.getByTestId(testId).first().getAttribute('href');
  expect(href).toMatch(/^\/api\/congresses\/.+\.pdf/);
  const response = await browser.context.request.get(`${app.url}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  return pdfText(await response.body());
}

/** The plenary opens, 250 delegates check in, and the delegates to the provincial congress are elected. */
async function holdElection(): Promise<void> {
  const context = app.server.context;
  const db = context.database.db;
  const congressId = app.congressId;
  const plenary = await db
    .selectFrom('sittings')
    .select('id')
    .where('congress_id', '=', congressId)
    .where('kind', '=', 'plenary')
    .executeTakeFirstOrThrow();
  // [P3] The preparatory meeting and the opening sitting come first.
  await holdSittingsBefore(context, congressId, plenary.id);
  await openSitting(context, DEMO_ACTOR, congressId, plenary.id);
  const voting = await db
    .selectFrom('delegates')
    .select('code')
    .where('congress_id', '=', congressId)
    .where('voting_rights', '=', 1)
    .orderBy('code')
    .execute();
  for (const { code } of voting.slice(0, 250))
    await checkIn(context, DEMO_ACTOR, { congressId, sittingId: plenary.id, delegate: { code }, desk: '1' });
  const method = await db
    .selectFrom('election_methods')
    .select('id')
    .where('congress_id', '=', congressId)
    .executeTakeFirstOrThrow();
  await recordMethodVote(context, DEMO_ACTOR, congressId, method.id, {
    votesFor: 248,
    votesAgainst: 0,
    votesAbstain: 2,
    expected: 413,
  });
  const election = await db
    .selectFrom('elections')
    .select('id')
    .where('congress_id', '=', congressId)
    .where('office', '=', 'delegate')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('elections')
    .set({ ballot_mode: 'electronic' })
    .where('id', '=', election.id)
    .execute();
  const presiding = await staffActor(app, 'presiding');
  // [P1] No ballot before the plenary adopts the scrutineers' list.
  await adoptDemoScrutineers(context, congressId);
  const opening = await openRound(context, presiding, congressId, election.id, { kind: 'formal' });
  const { roundId } = opening;
  const electors = await db
    .selectFrom('round_presence')
    .select('delegate_id')
    .where('round_id', '=', roundId)
    .execute();
  // 30 seats, 36 candidates: every elector votes for the first 30 in ballot order.
  const marks = 'F'.repeat(30) + 'A'.repeat(6);
  for (const { delegate_id: delegateId } of electors) {
    const actor: Actor = { kind: 'delegate', delegateId, congressId, name: '' };
    await castElectronicBallot(context, actor, congressId, roundId, { marks });
  }
  await closeRound(context, presiding, congressId, roundId, {});
  // [B4] The scrutineers' shares, printed at the opening, open the sealed ballots before the count.
  const key = opening.key!;
  const scrutineer = await staffActor(app, 'scrutineer1');
  await enterKeyShares(
    context,
    scrutineer,
    congressId,
    roundId,
    key.shares.slice(0, key.threshold).map((s) => s.code),
  );
  await countRound(context, DEMO_ACTOR, congressId, roundId);
  await signOffRound(context, await staffActor(app, 'scrutineer1'), congressId, roundId);
  await announceRound(context, presiding, congressId, roundId);
}

/**
 * A member of the current committee elected to its standing committee, awaiting approval [P6];
 * another member whose seat will fall vacant, and the first alternate, who will succeed [P7].
 */
async function awaitApproval(): Promise<void> {
  const db = app.server.context.database.db;
  const term = await db
    .selectFrom('terms')
    .select('id')
    .where('body', '=', 'committee')
    .where('number', '=', 12)
    .executeTakeFirstOrThrow();
  const positions = await db
    .selectFrom('term_positions')
    .selectAll()
    .where('term_id', '=', term.id)
    .execute();
  const standing = new Set(positions.filter((p) => p.position !== 'member').map((p) => p.person_name));
  const plain = positions.filter((p) => p.position === 'member' && !standing.has(p.person_name));
  pendingName = plain[0]!.person_name;
  vacantName = plain[1]!.person_name;
  successorName = positions
    .filter((p) => p.position === 'alternate')
    .sort((a, b) => a.rank! - b.rank!)[0]!.person_name;
  await addPosition(app.server.context, DEMO_ACTOR, term.id, {
    personName: pendingName,
    position: 'standing-member',
  });
}

describe.runIf(browserAvailable)('the console publishing sections', () => {
  beforeAll(async () => {
    const webRoot = await buildWebApp();
    app = await startAppServer(webRoot);
    await holdElection();
    await awaitApproval();
    [admin, adminPhone, anon, anonPhone] = await Promise.all([
      openBrowser(DESKTOP),
      openBrowser(PHONE),
      openBrowser(DESKTOP),
      openBrowser(PHONE),
    ]);
    const home = `/c/${app.congressId}/console`;
    await Promise.all([
      logIn(admin.page, app.url, 'admin', DEMO_PASSWORDS.admin, home),
      logIn(adminPhone.page, app.url, 'admin', DEMO_PASSWORDS.admin, home),
    ]);
  });

  afterAll(cleanUp);

  it('documents: every printable document, each a real PDF', async () => {
    const page = await visit(admin, consoleSection('documents'), 'zh', '[data-testid=doc-delegates-pdf]');
    const elections = page.getByTestId('election-documents');
    await expect.poll(() => elections.count()).toBe(4);
    const held = page.locator('[data-testid=election-documents]:has([data-testid=round-documents])');
    await held.getByTestId('doc-tally-pdf').waitFor();
    // The list of those elected is published; the ballots of an electronic vote are not printed.
    expect(await held.getByTestId('doc-list').getAttribute('data-ready')).toBe('true');
    expect(await held.getByTestId('doc-ballots').textContent()).toContain('本轮为电子投票，不印制选票');
    const waiting = page.locator('[data-testid=election-documents]:not(:has([data-testid=round-documents]))');
    expect(await waiting.first().getByTestId('doc-list').textContent()).toContain('尚无已宣布的选举结果');
    expect(await page.getByTestId('doc-attendance').first().textContent()).toContain(
      '大会预备会议出席情况记录',
    );

    expect(await fetchPdf(admin, 'doc-delegates-pdf')).toContain('中国共产党示范市第十三次代表大会代表名单');
    expect(await fetchPdf(admin, 'doc-tally-pdf')).toContain('计票结果报告单');
    const list = await fetchPdf(admin, 'doc-list-pdf');
    expect(list).toContain('名单');
    expect(list).toContain('（按姓氏笔画为序）');
    expect(list).toContain('共30名');
    // [P1] The preparatory meeting and the opening sitting were held before the election sitting
    // (the procedure's order is guarded): each has its record.
    const attendance = page.locator('[data-testid=doc-attendance][data-ready=true]');
    expect(await attendance.count()).toBe(3);
    const records: string[] = [];
    for (const link of await page.getByTestId('doc-attendance-pdf').all()) {
      const response = await admin.context.request.get(`${app.url}${await link.getAttribute('href')}`);
      expect(response.status()).toBe(200);
      records.push(pdfText(await response.body()));
    }
    expect(records.some((text) => text.includes('第二次全体会议出席情况记录'))).toBe(true);

    for (const lang of LANGS) {
      for (const [device, browser] of [
        ['desktop', admin],
        ['phone', adminPhone],
      ] as const) {
        const shown = await visit(browser, consoleSection('documents'), lang, '[data-testid=doc-tally-pdf]');
        await shoot(shown, `${lang}-${device}-console-documents`);
      }
    }
  });

  it('news: generate the opening report, retitle it, publish it', async () => {
    for (const lang of LANGS) {
      for (const [device, browser] of [
        ['desktop', admin],
        ['phone', adminPhone],
      ] as const) {
        const page = await visit(
          browser,
          consoleSection('news'),
          lang,
          '[data-testid=news-generate-opening]',
        );
        await page.getByTestId('news-template-opening-zh').waitFor();
        await shoot(page, `${lang}-${device}-console-news`);
        await page.getByTestId('news-preview-opening').click();
        await page.locator('.news-text-title').first().waitFor();
        await shoot(page, `${lang}-${device}-console-news-preview`);
        await page.keyboard.press('Escape');
      }
    }

    const page = await visit(admin, consoleSection('news'), 'zh', '[data-testid=news-generate-opening]');
    await page.getByTestId('news-generate-opening').click();
    const title = page.getByTestId('news-title-zh');
    await title.waitFor();
    expect(await title.inputValue()).toBe('中国共产党示范市第十三次代表大会隆重开幕');
    await shoot(page, 'zh-desktop-console-news-editor');
    await title.fill(NEW_TITLE);
    await page.getByTestId('news-save').click();
    const row = page.locator('[data-testid=news-item]', { hasText: NEW_TITLE });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('draft');
    expect(await row.getByTestId('news-item-status').textContent()).toBe('草稿');
    newsId = (await row.getAttribute('data-news-id'))!;

    await row.getByTestId('news-publish').click();
    await page.getByTestId('news-publish-ok').click();
    // The demo congress has no English theme nor English report titles: the English draft still
    // holds Chinese, and publishing it is asked about first; the secretariat publishes anyway.
    await page.locator('#news-publish-anyway').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('published');
    expect(await row.getByTestId('news-item-status').textContent()).toBe('已发布');
    expect(await row.textContent()).toMatch(/发布于\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(await row.getByTestId('news-public-link').getAttribute('href')).toBe(`/news/${newsId}`);
    await shoot(page, 'zh-desktop-console-news-published');

    const phone = await visit(
      adminPhone,
      consoleSection('news'),
      'zh',
      '[data-testid=news-item][data-status=published]',
    );
    await phone.getByTestId('news-item').first().scrollIntoViewIfNeeded();
    await shoot(phone, 'zh-phone-console-news-published');
    const editorOnPhone = await visit(adminPhone, consoleSection('news'), 'en', '[data-testid=news-write]');
    await editorOnPhone.getByTestId('news-write').click();
    await editorOnPhone.getByTestId('news-title-zh').waitFor();
    await shoot(editorOnPhone, 'en-phone-console-news-editor');
  });

  it('the public portal shows the published item to anyone, and its feeds', async () => {
    let views = 0;
    for (const [device, browser] of [
      ['desktop', anon],
      ['phone', anonPhone],
    ] as const) {
      await browser.page.goto(`${app.url}/news`);
      const link = browser.page.locator('ul.items a', { hasText: NEW_TITLE });
      await link.waitFor();
      await shoot(browser.page, `zh-${device}-portal-news`);
      await link.click();
      await browser.page.waitForURL((url) => url.pathname === `/news/${newsId}`);
      views += 1;
      expect(await browser.page.locator('nav.crumbs').textContent()).toBe('位置：首页 > 要闻动态');
      expect(await browser.page.locator('h1.title').textContent()).toBe(NEW_TITLE);
      const meta = (await browser.page.locator('.meta').textContent())!;
      expect(meta).toContain('信息来源：大会秘书处');
      expect(meta).toContain(`浏览次数：${views}`);
      await shoot(browser.page, `zh-${device}-portal-news-item`);
      await browser.page.goto(`${app.url}/news/${newsId}?lang=en`);
      views += 1;
      expect(await browser.page.locator('.meta').textContent()).toContain(`Views: ${views}`);
      expect(await browser.page.locator('nav.crumbs').textContent()).toBe('You are here: Home > News');
      expect(await browser.page.locator('.meta').textContent()).toContain(
        'Source: Secretariat of the congress',
      );
      await shoot(browser.page, `en-${device}-portal-news-item`);
      await browser.page.goto(`${app.url}/news?lang=en`);
      await shoot(browser.page, `en-${device}-portal-news`);
    }
    for (const [feed, type] of [
      ['/news/rss.xml', 'application/rss+xml'],
      ['/news/feed.xml', 'application/atom+xml'],
    ] as const) {
      const response = await anon.context.request.get(`${app.url}${feed}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
      expect(await response.text()).toContain(NEW_TITLE);
    }
  });

  it('withdrawn, the item leaves the portal', async () => {
    const page = await visit(admin, consoleSection('news'), 'zh', `[data-news-id="${newsId}"]`);
    const row = page.locator(`[data-news-id="${newsId}"]`);
    await row.getByTestId('news-withdraw').click();
    await page.getByTestId('news-withdraw-ok').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('withdrawn');
    expect(await row.getByTestId('news-item-status').textContent()).toBe('已撤回');

    await anon.page.goto(`${app.url}/news`);
    expect(await anon.page.locator('h1.title').textContent()).toBe('最新发布');
    expect(await anon.page.locator('ul.items a', { hasText: NEW_TITLE }).count()).toBe(0);
    const gone = await anon.page.goto(`${app.url}/news/${newsId}`);
    expect(gone?.status()).toBe(404);
    expect(await (await anon.context.request.get(`${app.url}/news/rss.xml`)).text()).not.toContain(NEW_TITLE);
  });

  it('audit log: the publication is on record, and the hash chain verifies', async () => {
    const page = await visit(admin, consoleSection('audit'), 'zh', '[data-testid=audit-entry]');
    const published = page.locator('[data-testid=audit-entry][data-action="news.publish"]');
    await published.waitFor();
    expect(await published.textContent()).toContain(NEW_TITLE);
    await published.locator('.ant-table-row-expand-icon').click();
    const detail = page.getByTestId('audit-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('"status": "published"');
    await page.getByTestId('audit-verify').click();
    const verdict = page.getByTestId('audit-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await verdict.textContent()).toContain('哈希链完整');
    expect(await page.getByTestId('audit-head-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await shoot(page, 'zh-desktop-console-audit-verified');

    // Filtering by a kind of action.
    await chooseOption(page, page.getByTestId('audit-action-filter'), 'news（全部）');
    await expect.poll(() => page.getByTestId('audit-count').textContent()).toBe('共4条');

    for (const lang of LANGS) {
      for (const [device, browser] of [
        ['desktop', admin],
        ['phone', adminPhone],
      ] as const) {
        const shown = await visit(browser, consoleSection('audit'), lang, '[data-testid=audit-entry]');
        await shown.getByTestId('audit-verify').click();
        await shown.getByTestId('audit-verdict').waitFor();
        await shoot(shown, `${lang}-${device}-console-audit`);
      }
    }
  });

  it('news templates: edited, checked when saved, used by the preview, restored', async () => {
    const page = await visit(admin, consoleSection('news'), 'zh', '[data-testid=news-template-opening-zh]');
    await page.getByRole('tab', { name: '闭幕报道' }).click();
    const template = page.getByTestId('news-template-closing-zh');
    const title = template.getByTestId('template-title');
    await title.waitFor();
    const original = await title.inputValue();
    await title.fill(`${original}（修订稿）`);
    await template.getByTestId('template-save').click();
    await expect.poll(() => template.textContent()).toContain('已修改');
    await page.getByTestId('news-preview-closing').click();
    await expect.poll(() => page.locator('.news-text-title').first().textContent()).toContain('（修订稿）');
    await page.keyboard.press('Escape');
    // A placeholder the closing report does not have is refused, with where it is.
    const seen = admin.problems.length;
    await title.fill('{{congress.motto}}');
    await template.getByTestId('template-save').click();
    await expect.poll(() => template.locator('.ant-alert-error').textContent()).toContain('第1行');
    // The browser logs the refusal (400) as a failed request: expected here, and nothing else.
    expect(admin.problems.splice(seen)).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    await shoot(page, 'zh-desktop-console-news-template-refused');
    await template.getByTestId('template-reset').click();
    await page.getByTestId('template-reset-ok').click();
    await expect.poll(() => template.getByTestId('template-title').inputValue()).toBe(original);
    expect(await template.textContent()).toContain('系统默认模板');
  });

  it('organisations: the terms, a standing committee member approved [P6], a seat filled [P7]', async () => {
    const page = await visit(admin, consoleSection('organisations'), 'zh', '[data-testid=term-card]');
    expect(await page.getByTestId('organisation-card').textContent()).toContain('上级党组织');
    const committee = page.locator('[data-testid=term-card]', { hasText: '第十二届委员会' });
    await committee.getByTestId('term-group-member').waitFor();
    expect(await committee.getByTestId('term-group-member').textContent()).toContain('委员（45名）');
    expect(await committee.getByTestId('term-group-alternate').textContent()).toContain('按得票多少为序');
    await expect.poll(() => page.getByTestId('term-card').count()).toBe(2);
    const pending = committee.locator('.term-leader', { hasText: pendingName });
    expect(await pending.textContent()).toContain('待上级党委批准');
    await shoot(page, 'zh-desktop-console-organisations');
    await pending.getByTestId('org-approve').click();
    await page.getByTestId('org-approval-note').fill('中共示范省委批复同意');
    await page.locator('#org-dialog-ok').click();
    await expect.poll(() => pending.textContent()).toContain('已批准');
    expect(await pending.textContent()).toContain('中共示范省委批复同意');

    // [P7][T6] A member's seat falls vacant: the first alternate becomes a member.
    const members = committee.getByTestId('term-group-member');
    await members
      .getByTestId('term-person')
      .filter({ hasText: vacantName })
      .getByTestId('org-vacate')
      .click();
    expect(await page.locator('.ant-modal-body').textContent()).toContain(
      `由第一名候补委员${successorName}递补为委员`,
    );
    await page.locator('#org-dialog-ok').click();
    await expect
      .poll(() => committee.getByTestId('term-group-alternate').textContent())
      .toContain('候补委员（7名）');
    expect(await members.textContent()).toContain(successorName);
    expect(await members.textContent()).not.toContain(vacantName);

    for (const lang of LANGS) {
      for (const [device, browser] of [
        ['desktop', admin],
        ['phone', adminPhone],
      ] as const) {
        const shown = await visit(
          browser,
          consoleSection('organisations'),
          lang,
          '[data-testid=term-person]',
        );
        await shoot(shown, `${lang}-${device}-console-organisations`);
      }
    }
  });

  it('rendered without errors, and wrote every screenshot', () => {
    const problems = [admin, adminPhone, anon, anonPhone]
      .flatMap((b) => b.problems)
      // The withdrawn item's page answers 404 on purpose.
      .filter((p) => !p.includes('404'));
    expect(problems).toEqual([]);
    expect(shots.every((file) => file.startsWith(SCREENSHOTS))).toBe(true);
  });
});

import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/actor.ts';
import { checkIn } from '../../src/services/attendance/check-in.ts';
import { recordLeave } from '../../src/services/attendance/leave.ts';
import { castElectronicBallot } from '../../src/services/ballots/electronic/cast.ts';
import { enterKeyShares } from '../../src/services/ballots/electronic/key-shares.ts';
import { openSitting } from '../../src/services/congress/sittings.ts';
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
  cleanUp,
  logIn,
  type OpenBrowser,
  openBrowser,
  SCREENSHOTS,
  screenshot,
  startAppServer,
  until,
  visitIn,
} from './harness.ts';
import { staffActor } from './staff-actor.ts';

// Screenshots of every page in Chinese and English, on a desktop (1440×900) and a phone
// (390×844), and the big screen at 1920×1080 as the congress goes on: attendance, a vote under
// way, the announced result. They go to test-output/screenshots/ for people to look at; the test
// also checks that each page rendered what it should.
//
// The congress is moved along through the services, as the secretariat's other screens would:
// the plenary sitting opens, 250 delegates check in and three are on leave, the election method
// is adopted, and the election of delegates to the provincial congress is held electronically.

type Lang = 'zh' | 'en';
const LANGS: readonly Lang[] = ['zh', 'en'];
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SCREEN = { width: 1920, height: 1080 };

let app: AppServer;
let anonDesktop: OpenBrowser;
let anonPhone: OpenBrowser;
let adminDesktop: OpenBrowser;
let adminPhone: OpenBrowser;
let hall: OpenBrowser;
let plenaryId: string;
let electionId: string;
let roundId: string;
/** [B4] The threshold of the round key's shares, as the opening handed them to the scrutineers. */
let shares: string[] = [];
let absentCodes: string[];
const shots: string[] = [];

const visit = (browser: OpenBrowser, path: string, lang: Lang, ready: string) =>
  visitIn(app, browser, path, lang, ready);

async function shoot(page: Page, name: string): Promise<void> {
  shots.push(await screenshot(page, name));
}

const importFile = (lang: Lang) => path.join(tmpdir(), `plenum-import-${process.pid}-${lang}.csv`);

/** A GB 11643 ID number with its check digit. */
function idNumber(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body17 + '10X98765432'[sum % 11];
}

describe.runIf(browserAvailable)('screenshots of every page', () => {
  beforeAll(async () => {
    const webRoot = await buildWebApp();
    app = await startAppServer(webRoot);
    const context = app.server.context;
    const db = context.database.db;
    const congressId = app.congressId;

    // The plenary sitting opens; 250 delegates are present, three on leave.
    const plenary = await db
      .selectFrom('sittings')
      .select('id')
      .where('congress_id', '=', congressId)
      .where('kind', '=', 'plenary')
      .executeTakeFirstOrThrow();
    plenaryId = plenary.id;
    // [P3] The preparatory meeting and the opening sitting come first.
    await holdSittingsBefore(context, congressId, plenaryId);
    await openSitting(context, DEMO_ACTOR, congressId, plenaryId);
    const voting = await db
      .selectFrom('delegates')
      .select('code')
      .where('congress_id', '=', congressId)
      .where('voting_rights', '=', 1)
      .orderBy('code')
      .execute();
    for (const { code } of voting.slice(0, 250)) {
      await checkIn(context, DEMO_ACTOR, { congressId, sittingId: plenaryId, delegate: { code }, desk: '1' });
    }
    const leave = voting.slice(250, 253);
    await recordLeave(context, DEMO_ACTOR, {
      congressId,
      sittingId: plenaryId,
      delegate: { code: leave[0]!.code },
      kind: 'personal',
    });
    await recordLeave(context, DEMO_ACTOR, {
      congressId,
      sittingId: plenaryId,
      delegate: { code: leave[1]!.code },
      kind: 'personal',
    });
    await recordLeave(context, DEMO_ACTOR, {
      congressId,
      sittingId: plenaryId,
      delegate: { code: leave[2]!.code },
      kind: 'illness',
      note: '住院治疗',
    });
    absentCodes = voting.slice(260).map((d) => d.code);

    [anonDesktop, anonPhone, adminDesktop, adminPhone, hall] = await Promise.all([
      openBrowser(DESKTOP),
      openBrowser(PHONE),
      openBrowser(DESKTOP),
      openBrowser(PHONE),
      openBrowser(SCREEN),
    ]);
    const home = `/c/${congressId}/console`;
    await Promise.all([
      logIn(adminDesktop.page, app.url, 'admin', DEMO_PASSWORDS.admin, home),
      logIn(adminPhone.page, app.url, 'admin', DEMO_PASSWORDS.admin, home),
    ]);
  });

  afterAll(async () => {
    await cleanUp();
    for (const lang of LANGS) await rm(importFile(lang), { force: true });
  });

  for (const lang of LANGS) {
    it(`the public pages, home and login (${lang})`, async () => {
      for (const [device, browser] of [
        ['desktop', anonDesktop],
        ['phone', anonPhone],
      ] as const) {
        let page = await visit(browser, '/', lang, '[data-testid=entry-screen]');
        expect(await page.locator('.brand-name').textContent()).toBe(
          lang === 'zh' ? 'Plenum 大会会务系统' : 'Plenum congress system',
        );
        await shoot(page, `${lang}-${device}-home`);
        page = await visit(browser, '/login', lang, '[data-testid=login-submit]');
        await shoot(page, `${lang}-${device}-login`);
        page = await visit(browser, '/public', lang, '[data-testid=public-congress]');
        await shoot(page, `${lang}-${device}-public-list`);
      }
      // Logged in, the secretariat's home page shows every entry point.
      const page = await visit(adminDesktop, '/', lang, '[data-testid=entry-console]');
      await shoot(page, `${lang}-desktop-home-secretariat`);
    });

    it(`the check-in desk (${lang})`, async () => {
      for (const [device, browser] of [
        ['desktop', adminDesktop],
        ['phone', adminPhone],
      ] as const) {
        const page = await visit(
          browser,
          `/c/${app.congressId}/checkin?desk=3`,
          lang,
          '[data-testid=counts]',
        );
        await until(() => page.getByTestId('live-status').getAttribute('data-status'), 'open');
        await shoot(page, `${lang}-${device}-checkin-ready`);
        const input = page.getByTestId('desk-input');
        await input.fill(absentCodes.shift()!);
        await input.press('Enter');
        await page.getByTestId('confirmation').waitFor();
        expect(await page.getByTestId('confirmation').getAttribute('data-verdict')).toBe('checked-in');
        await shoot(page, `${lang}-${device}-checkin-success`);
        await input.fill('0001');
        await input.press('Enter');
        await expect
          .poll(() => page.getByTestId('confirmation').getAttribute('data-verdict'))
          .toBe('already-present');
        await shoot(page, `${lang}-${device}-checkin-already`);
        await input.fill('张');
        await input.press('Enter');
        await page.getByTestId('pick-list').waitFor();
        await page.keyboard.press('ArrowDown');
        await shoot(page, `${lang}-${device}-checkin-pick`);
        await page.keyboard.press('F2');
        await page.getByTestId('leave-dialog').waitFor();
        await shoot(page, `${lang}-${device}-checkin-leave`);
        await page.keyboard.press('Escape');
        await input.fill('qzqzqz');
        await input.press('Enter');
        await expect
          .poll(() => page.getByTestId('confirmation').getAttribute('data-verdict'))
          .toBe('not-found');
        await shoot(page, `${lang}-${device}-checkin-not-found`);
      }
    });

    it(`the secretariat console (${lang})`, async () => {
      const csv = importFile(lang);
      await writeFile(
        csv,
        [
          '序号,姓名,民族,入党时间,职务,代表团,身份证号码',
          `1,林晓东,汉族,1998-07,示范市第一中学校长,教育系统代表团,${idNumber('11010119750312003')}`,
          `2,欧阳慧敏,汉族,2003-06-15,市中心医院主任医师,卫生健康系统代表团,${idNumber('11010119800521004')}`,
          `3,阿依古丽·买买提,维吾尔族,2010-07,社区党委书记,河东区代表团,${idNumber('65010219850101002')}`,
          '4,张三,汉族,2001-07,教师,教育系统代表团,110101197503120031',
          `5,李四,火星族,2001-07,工人,河西区代表团,${idNumber('11010119900101001')}`,
        ].join('\n'),
      );
      for (const [device, browser] of [
        ['desktop', adminDesktop],
        ['phone', adminPhone],
      ] as const) {
        let page = await visit(browser, `/c/${app.congressId}/console`, lang, '.counts-bar');
        await page.locator('.ant-descriptions').waitFor();
        await shoot(page, `${lang}-${device}-console-overview`);
        page = await visit(browser, `/c/${app.congressId}/console/delegates`, lang, '.ant-table-row');
        await shoot(page, `${lang}-${device}-console-delegates`);
        await page.getByTestId('delegate-search').fill('wj');
        await shoot(page, `${lang}-${device}-console-delegates-search`);
        page = await visit(
          browser,
          `/c/${app.congressId}/console/delegates/import`,
          lang,
          '.ant-upload-drag',
        );
        await page.locator('input[type=file]').setInputFiles(csv);
        await page.getByTestId('import-preview').waitFor();
        expect(await page.locator('.row-error').count()).toBeGreaterThan(0);
        await shoot(page, `${lang}-${device}-console-import-preview`);
      }
      const page = await visit(
        adminDesktop,
        `/c/${app.congressId}/console/credentials`,
        lang,
        '[data-testid=issue-credentials]',
      );
      await shoot(page, `${lang}-desktop-console-credentials`);
      await page.getByTestId('issue-credentials').click();
      await page.locator('#confirm-issue').click();
      await page.getByTestId('credential-sheet').locator('img').first().waitFor();
      expect(await page.getByTestId('credential-card').count()).toBe(417);
      await shoot(page, `${lang}-desktop-console-credentials-issued`);
    });
  }

  it('the big screen: attendance', async () => {
    for (const lang of LANGS) {
      const page = await visit(hall, `/c/${app.congressId}/screen`, lang, '[data-testid=screen-present]');
      await until(() => page.getByTestId('screen-quorum').getAttribute('data-met'), 'true');
      await shoot(page, `${lang}-screen-attendance`);
    }
  });

  it('the big screen: a vote under way, following the stream', async () => {
    const context = app.server.context;
    const db = context.database.db;
    const congressId = app.congressId;
    const method = await db
      .selectFrom('election_methods')
      .select('id')
      .where('congress_id', '=', congressId)
      .executeTakeFirstOrThrow();
    await recordMethodVote(context, DEMO_ACTOR, congressId, method.id, {
      votesFor: 251,
      votesAgainst: 0,
      votesAbstain: 2,
      expected: 413,
    });
    // [P1] No ballot before the plenary adopts the scrutineers' list.
    await adoptDemoScrutineers(context, congressId);
    const election = await db
      .selectFrom('elections')
      .select('id')
      .where('congress_id', '=', congressId)
      .where('office', '=', 'delegate')
      .executeTakeFirstOrThrow();
    electionId = election.id;
    await db
      .updateTable('elections')
      .set({ ballot_mode: 'electronic' })
      .where('id', '=', electionId)
      .execute();

    // The screen is open in the hall when the round opens.
    const page = await visit(hall, `/c/${app.congressId}/screen`, 'zh', '[data-testid=screen-present]');
    await until(() => page.getByTestId('live-status').getAttribute('data-status'), 'open');
    const presiding = await staffActor(app, 'presiding');
    const opening = await openRound(context, presiding, congressId, electionId, { kind: 'formal' });
    roundId = opening.roundId;
    shares = opening.key!.shares.slice(0, opening.key!.threshold).map((s) => s.code);
    await page.getByTestId('screen-voting').waitFor();

    const electors = await db
      .selectFrom('round_presence')
      .select('delegate_id')
      .where('round_id', '=', roundId)
      .execute();
    const delegates = await db
      .selectFrom('delegates')
      .select(['id', 'name'])
      .where('congress_id', '=', congressId)
      .execute();
    const nameOf = new Map(delegates.map((d) => [d.id, d.name]));
    const cast = async (index: number) => {
      const delegateId = electors[index]!.delegate_id;
      const actor: Actor = { kind: 'delegate', delegateId, congressId, name: nameOf.get(delegateId)! };
      // 30 seats, 36 candidates: for the first 30 in ballot order, one of them skipped now and then.
      const marks = Array.from({ length: 36 }, (_, j) => (j >= 30 ? 'A' : index % 40 === j ? '-' : 'F')).join(
        '',
      );
      await castElectronicBallot(context, actor, congressId, roundId, { marks });
    };
    for (let i = 0; i < 173; i++) await cast(i);
    await expect.poll(() => page.getByTestId('screen-voted').textContent()).toBe('173');
    for (const lang of LANGS) {
      const shown = await visit(hall, `/c/${app.congressId}/screen`, lang, '[data-testid=screen-voting]');
      await until(() => shown.getByTestId('screen-voted').textContent(), '173');
      await shoot(shown, `${lang}-screen-voting`);
    }
    for (let i = 173; i < electors.length; i++) await cast(i);
  });

  it('the big screen and the public page: the announced result', async () => {
    const context = app.server.context;
    const congressId = app.congressId;
    const page = await visit(hall, `/c/${app.congressId}/screen`, 'zh', '[data-testid=screen-voting]');
    const presiding = await staffActor(app, 'presiding');
    await closeRound(context, presiding, congressId, roundId, {});
    // [B4] The scrutineers' shares, printed at the opening, open the sealed ballots before the count.
    await enterKeyShares(context, await staffActor(app, 'scrutineer1'), congressId, roundId, shares);
    await countRound(context, DEMO_ACTOR, congressId, roundId);
    await signOffRound(context, await staffActor(app, 'scrutineer1'), congressId, roundId);
    await announceRound(context, presiding, congressId, roundId);
    await page.getByTestId('screen-results').waitFor();
    expect(await page.locator('.screen-name').count()).toBe(30);
    for (const lang of LANGS) {
      const shown = await visit(hall, `/c/${app.congressId}/screen`, lang, '[data-testid=screen-results]');
      await shoot(shown, `${lang}-screen-results`);
      for (const [device, browser] of [
        ['desktop', adminDesktop],
        ['phone', adminPhone],
      ] as const) {
        const results = await visit(
          browser,
          `/public/c/${app.congressId}`,
          lang,
          '[data-testid=public-result]',
        );
        await shoot(results, `${lang}-${device}-public-results`);
      }
    }
  });

  it('rendered without errors, and wrote every screenshot', () => {
    const problems = [anonDesktop, anonPhone, adminDesktop, adminPhone, hall]
      .flatMap((b) => b.problems)
      .filter((p) => !p.includes('404'));
    expect(problems).toEqual([]);
    expect(shots.every((file) => file.startsWith(SCREENSHOTS))).toBe(true);
    console.log(`${shots.length} screenshots in ${SCREENSHOTS}`);
  });
});

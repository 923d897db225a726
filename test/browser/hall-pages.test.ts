import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundKeyShares } from '../../src/contract/ballot-keys.ts';
import { checkIn } from '../../src/services/attendance/check-in.ts';
import { closeVote, openVote } from '../../src/services/congress/adoption-votes.ts';
import { createAgendaItem } from '../../src/services/congress/agenda.ts';
import { openSitting } from '../../src/services/congress/sittings.ts';
import { DEMO_ACTOR, DEMO_PASSWORDS } from '../../src/services/demo/seed-demo.ts';
import { closeRound, openRound } from '../../src/services/elections/rounds.ts';
import { adoptDemoMethod, adoptDemoScrutineers, holdSittingsBefore } from '../support/demo-congress.ts';
import {
  type AppServer,
  browserAvailable,
  buildWebApp,
  chooseOption,
  cleanUp,
  logIn,
  type OpenBrowser,
  openBrowser,
  screenshot,
  settles,
  startAppServer,
  visitIn,
} from './harness.ts';
import { staffActor } from './staff-actor.ts';

// The pages of the hall — presiding officer, teller, scrutineer, delegate's ballot — in Chinese
// and English, on a desktop and a phone, and the demo's rehearsal assistant clicked: the
// administrator lets the other delegates check in, the other electors vote and the other paper
// ballots be keyed, as a newcomer running the demo alone would.

type Lang = 'zh' | 'en';
const LANGS: readonly Lang[] = ['zh', 'en'];
const DEVICES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
type Device = keyof typeof DEVICES;

let app: AppServer;
const browsers = new Map<string, OpenBrowser>();
let plenaryId: string;
let alternates: string;
let delegates: string;
/** [B4] The electronic round and its key's shares, as its opening returned them. */
let electronic: { roundId: string; key: RoundKeyShares };
/** The delegates' browsers of the electronic round, still logged in, by language and device. */
const voters: { lang: Lang; device: Device; open: OpenBrowser }[] = [];

/** Opens `path` of the congress as `user` on `device`: one browser per user and device, logged in once. */
async function visit(user: string, device: Device, path: string, lang: Lang, ready: string): Promise<Page> {
  const key = `${user}-${device}`;
  let open = browsers.get(key);
  if (!open) {
    open = await openBrowser(DEVICES[device]);
    browsers.set(key, open);
    const password = DEMO_PASSWORDS[user.replace(/\d+$/, '') as keyof typeof DEMO_PASSWORDS];
    await logIn(open.page, app.url, user, password, `/c/${app.congressId}${path}`);
  }
  return visitIn(app, open, `/c/${app.congressId}${path}`, lang, ready);
}

const each = (fn: (lang: Lang, device: Device) => Promise<void>) => async () => {
  for (const lang of LANGS) for (const device of ['desktop', 'phone'] as const) await fn(lang, device);
};

const electionId = async (office: string) =>
  (
    await app.server.context.database.db
      .selectFrom('elections')
      .select('id')
      .where('congress_id', '=', app.congressId)
      .where('office', '=', office)
      .executeTakeFirstOrThrow()
  ).id;

describe.runIf(browserAvailable)(
  'the hall pages in both languages and widths, and the rehearsal assistant',
  () => {
    beforeAll(async () => {
      app = await startAppServer(await buildWebApp());
      const context = app.server.context;
      const db = context.database.db;
      plenaryId = (
        await db
          .selectFrom('sittings')
          .select('id')
          .where('congress_id', '=', app.congressId)
          .where('kind', '=', 'plenary')
          .executeTakeFirstOrThrow()
      ).id;
      // [P3] The preparatory meeting and the opening sitting come first.
      await holdSittingsBefore(context, app.congressId, plenaryId);
      await openSitting(context, DEMO_ACTOR, app.congressId, plenaryId);
      // The delegates whose credentials the banner prints are in the hall.
      for (const { code } of app.server.demo!.delegateCodes)
        await checkIn(context, DEMO_ACTOR, {
          congressId: app.congressId,
          sittingId: plenaryId,
          delegate: { code },
          desk: '1',
        });
      alternates = await electionId('alternate-member');
      delegates = await electionId('delegate');
    });

    afterAll(async () => {
      await cleanUp();
    });

    it('the rehearsal assistant checks in the rest of the hall', async () => {
      const page = await visit('admin', 'desktop', '/console', 'zh', '[data-testid=rehearsal-sitting]');
      const sitting = page.locator(`[data-testid=rehearsal-sitting][data-sitting-id="${plenaryId}"]`);
      expect(await sitting.textContent()).toContain('第');
      const count = sitting.locator('input').first();
      await count.fill('300');
      await screenshot(page, 'zh-desktop-console-rehearsal');
      await sitting.getByTestId('rehearsal-checkin').click();
      // 5 checked in at the desk; of the 300 the assistant lets arrive, the demo's usual 3 ask for
      // leave instead (rehearsal.ts): 302 present.
      const present = await app.server.context.database.db
        .selectFrom('attendance')
        .select('delegate_id')
        .where('sitting_id', '=', plenaryId)
        .where('status', '=', 'present');
      // 300 check-ins: waited for as long as they keep coming.
      await settles(async () => (await present.execute()).length, 302);
      for (const lang of LANGS)
        for (const device of ['desktop', 'phone'] as const) {
          const shown = await visit('admin', device, '/console', lang, '[data-testid=rehearsal-card]');
          await screenshot(shown, `${lang}-${device}-console-rehearsal-checked-in`);
        }
      await adoptDemoMethod(app.server.context, app.congressId, 302);
      // [P1] No ballot before the plenary adopts the scrutineers' list.
      await adoptDemoScrutineers(app.server.context, app.congressId);
    });

    it(
      'the presiding page before and during a paper round',
      each(async (lang, device) => {
        const page = await visit('presiding', device, '/presiding', lang, '[data-testid=election-panel]');
        await page.getByTestId('quorum').waitFor();
        await screenshot(page, `${lang}-${device}-presiding`);
      }),
    );

    it('a paper round: the teller keys, the assistant keys the rest, the scrutineer compares', async () => {
      const context = app.server.context;
      const presiding = await staffActor(app, 'presiding');
      const { roundId } = await openRound(context, presiding, app.congressId, alternates, { kind: 'formal' });
      await each(async (lang, device) => {
        const page = await visit('presiding', device, '/presiding', lang, '[data-testid=pres-round]');
        await expect
          .poll(() => page.getByTestId('pres-round').first().getAttribute('data-status'))
          .toBe('open');
        await screenshot(page, `${lang}-${device}-presiding-round-open`);
      })();
      await closeRound(context, presiding, app.congressId, roundId, { ballotsIssued: 302 });

      // teller1 keys sheet 1 of batch 1 in pass A, in each language and width (the same sheet again).
      await each(async (lang, device) => {
        const page = await visit('teller1', device, '/teller', lang, '[data-testid=teller-start]');
        await page.getByTestId('teller-start').click();
        await page.getByTestId('ballot-grid').waitFor();
        await page.keyboard.press('1');
        await page.keyboard.press('1');
        await screenshot(page, `${lang}-${device}-teller`);
      })();

      const admin = await visit('admin', 'desktop', '/console', 'zh', '[data-testid=rehearsal-round]');
      const round = admin.locator('[data-testid=rehearsal-round][data-mode=paper]');
      await expect.poll(() => round.getAttribute('data-pending')).toBe('302');
      await round.getByTestId('rehearsal-key').click();
      await settles(() => round.getAttribute('data-pending'), '0');

      await each(async (lang, device) => {
        const page = await visit('scrutineer1', device, '/scrutineer', lang, '[data-testid=scr-round]');
        await expect
          .poll(() => page.getByTestId('scr-reconciliation').getAttribute('data-valid'))
          .toBe('true');
        await screenshot(page, `${lang}-${device}-scrutineer`);
      })();
    });

    it('an electronic round: the ballot, the review and the receipt on a phone and a desktop', async () => {
      const context = app.server.context;
      // The secretariat switches the election to electronic voting in the console.
      const console = await visit(
        'admin',
        'desktop',
        '/console/elections',
        'zh',
        '[data-testid=election-table]',
      );
      await console.getByTestId('election-choose').filter({ hasText: '出席' }).click();
      const panel = console.locator(`[data-testid=election-panel][data-election-id="${delegates}"]`);
      await panel.getByTestId('ballot-mode-switch').getByText('电子投票').click();
      const stored = () =>
        context.database.db
          .selectFrom('elections')
          .select('ballot_mode')
          .where('id', '=', delegates)
          .executeTakeFirstOrThrow();
      await expect.poll(async () => (await stored()).ballot_mode).toBe('electronic');
      await screenshot(console, 'zh-desktop-console-ballot-mode');
      const presiding = await staffActor(app, 'presiding');
      const opened = await openRound(context, presiding, app.congressId, delegates, { kind: 'formal' });
      electronic = { roundId: opened.roundId, key: opened.key! };
      const credentials = [...app.server.demo!.delegateCodes];
      await each(async (lang, device) => {
        const voter = credentials.shift()!;
        const open = await openBrowser(DEVICES[device]);
        voters.push({ lang, device, open });
        const page = open.page;
        await page.goto(`${app.url}/c/${app.congressId}/vote?lang=${lang}`);
        await page.getByTestId('vote-code').fill(voter.credential);
        await page.getByTestId('vote-login').click();
        const rows = page.getByTestId('ballot-row');
        await expect.poll(() => rows.count()).toBe(36);
        await rows.nth(0).locator('[data-choice=F]').click();
        await rows.nth(1).locator('[data-choice=F]').click();
        await rows.nth(2).locator('[data-choice=A]').click();
        await screenshot(page, `${lang}-${device}-vote-ballot`);
        await page.getByTestId('vote-next').click();
        await page.getByTestId('vote-review').waitFor();
        await screenshot(page, `${lang}-${device}-vote-review`);
        await page.getByTestId('vote-cast').click();
        await page.getByTestId('receipt').waitFor();
        await screenshot(page, `${lang}-${device}-vote-receipt`);
        expect(open.problems).toEqual([]);
      })();

      // The assistant lets the other electors vote.
      const admin = await visit('admin', 'desktop', '/console', 'zh', '[data-testid=rehearsal-round]');
      const round = admin.locator('[data-testid=rehearsal-round][data-mode=electronic]');
      await expect.poll(() => round.getAttribute('data-pending')).toBe('298');
      await round.getByTestId('rehearsal-vote').click();
      await settles(() => round.getAttribute('data-pending'), '0');
      await each(async (lang, device) => {
        const page = await visit('presiding', device, '/presiding', lang, '[data-testid=pres-round]');
        await screenshot(page, `${lang}-${device}-presiding-all-voted`);
      })();
    });

    it("[B4] closed, the sealed ballots wait for the scrutineers' shares; typed in, they open", async () => {
      const context = app.server.context;
      await closeRound(context, await staffActor(app, 'presiding'), app.congressId, electronic.roundId, {});
      const title = (
        await context.database.db
          .selectFrom('elections')
          .select('title')
          .where('id', '=', delegates)
          .executeTakeFirstOrThrow()
      ).title;
      const scrutineerPage = async (lang: Lang, device: Device) => {
        const page = await visit('scrutineer1', device, '/scrutineer', lang, '[data-testid=scr-round]');
        await chooseOption(page, page.getByTestId('scr-election'), title);
        await expect
          .poll(() => page.getByTestId('scr-round').getAttribute('data-round'))
          .toBe(electronic.roundId);
        return page;
      };
      await each(async (lang, device) => {
        const page = await scrutineerPage(lang, device);
        await expect.poll(() => page.getByTestId('scr-key').getAttribute('data-state')).toBe('waiting');
        // One share typed badly: the page says what is wrong before anything is sent.
        await page
          .getByTestId('scr-key-input')
          .fill(`${electronic.key.shares[0]!.code}\n${'abcd '.repeat(5)}`);
        await expect.poll(() => page.getByTestId('scr-key-submit').isDisabled()).toBe(true);
        await page.getByTestId('scr-key').scrollIntoViewIfNeeded();
        await screenshot(page, `${lang}-${device}-scrutineer-key`);
        await page.getByTestId('scr-key-input').fill('');
        const presiding = await visit('presiding', device, '/presiding', lang, '[data-testid=pres-anchor]');
        // A closed electronic round waits for the scrutineers to open its ballots, not for tellers.
        const panel = presiding.locator(`[data-testid=election-panel][data-election="${title}"]`);
        const waiting = (await panel.getByTestId('pres-await').first().textContent()) ?? '';
        expect(waiting).toContain(lang === 'zh' ? '等待监票人开启选票' : 'the scrutineers open the ballots');
        expect(waiting).not.toContain(lang === 'zh' ? '计票人' : 'tellers');
        await presiding.getByTestId('pres-anchor').first().scrollIntoViewIfNeeded();
        await screenshot(presiding, `${lang}-${device}-presiding-closed-anchor`);
      })();
      const page = await scrutineerPage('en', 'desktop');
      const codes = electronic.key.shares.slice(0, electronic.key.threshold).map((share) => share.code);
      await page.getByTestId('scr-key-input').fill(codes.join('\n').toLowerCase());
      await page.getByTestId('scr-key-submit').click();
      await expect.poll(() => page.getByTestId('scr-key').getAttribute('data-opened')).toBe('true');
      await screenshot(page, 'en-desktop-scrutineer-key-opened');
    });

    it('a delegate reads the sitting papers and votes on a resolution from the same page', async () => {
      const context = app.server.context;
      const presiding = await staffActor(app, 'presiding');
      await createAgendaItem(context, DEMO_ACTOR, app.congressId, plenaryId, {
        kind: 'report',
        title: '关于大会选举工作的说明',
        presenter: '大会秘书处',
        body: '各位代表：\n\n现将大会选举工作的有关事项说明如下。\n\n一、选举方式采用无记名投票。',
      });
      const item = await createAgendaItem(context, DEMO_ACTOR, app.congressId, plenaryId, {
        kind: 'adoption-vote',
        title: '通过关于大会选举工作的说明',
        vote: { mode: 'electronic' },
      });
      const voteId = (
        await context.database.db
          .selectFrom('adoption_votes')
          .select('id')
          .where('agenda_item_id', '=', item.id)
          .executeTakeFirstOrThrow()
      ).id;
      await openVote(context, presiding, app.congressId, voteId);
      for (const [voter, choice] of [
        [voters.find((v) => v.lang === 'zh' && v.device === 'phone')!, 'for'],
        [voters.find((v) => v.lang === 'en' && v.device === 'desktop')!, 'against'],
      ] as const) {
        const page = voter.open.page;
        const ballot = page.getByTestId('vote-adoption');
        await ballot.waitFor();
        const paper = page.locator('[data-testid=vote-paper][data-item="关于大会选举工作的说明"]');
        await paper.click();
        await page.getByText('一、选举方式采用无记名投票。').waitFor();
        await ballot.locator(`[data-choice=${choice}]`).click();
        await ballot.getByTestId('vote-adoption-cast').click();
        await page.getByTestId('vote-adoption-confirm').click();
        await ballot.getByTestId('vote-adoption-done').waitFor();
        await page.getByTestId('vote-papers').scrollIntoViewIfNeeded();
        await screenshot(page, `${voter.lang}-${voter.device}-vote-papers`);
      }
      const closed = await closeVote(context, presiding, app.congressId, voteId);
      expect(closed).toMatchObject({ votesFor: 1, votesAgainst: 1, state: 'closed' });
    });

    it('showed no errors', () => {
      const problems = [...browsers.values()].flatMap((b) => b.problems).filter((p) => !p.includes('404'));
      expect(problems).toEqual([]);
    });
  },
);

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentAttendance } from '../../src/services/attendance/current-attendance.ts';
import { searchDelegates } from '../../src/services/attendance/delegate-search.ts';
import { pinyinInitials } from '../../src/services/congress/delegates.ts';
import { DEMO_PASSWORDS } from '../../src/services/demo/seed-demo.ts';
import {
  type AppServer,
  browserAvailable,
  buildWebApp,
  cleanUp,
  logIn,
  type OpenBrowser,
  openBrowser,
  settled,
  startAppServer,
  until,
} from './harness.ts';

// Two check-in desks and the big screen, each in a browser of its own, against a real server:
// a check-in at one desk shows on the other desk and on the screen as it happens, pushed on the
// event stream (the screen never reloads). The tests wait for the pages' state; how fast it
// arrives on a quiet machine is the check-in benchmark's to measure (npm run bench:checkin).

let app: AppServer;
let desk1: OpenBrowser;
let desk2: OpenBrowser;
let screen: OpenBrowser;
let sittingId: string;

const count = (page: Page, id: string) => page.getByTestId(id).first().textContent();

async function enter(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('desk-input');
  await input.fill(text);
  await input.press('Enter');
}

describe.runIf(browserAvailable)('the check-in desks and the big screen', () => {
  beforeAll(async () => {
    const [webRoot] = await Promise.all([buildWebApp()]);
    app = await startAppServer(webRoot);
    const current = await currentAttendance(app.server.context.database.db, app.congressId);
    sittingId = current.sittings[0]!.sittingId;
    [desk1, desk2, screen] = await Promise.all([
      openBrowser(),
      openBrowser(),
      openBrowser({ width: 1920, height: 1080 }),
    ]);
    const deskPath = (n: number) => `/c/${app.congressId}/checkin?desk=${n}`;
    await Promise.all([
      logIn(desk1.page, app.url, 'checkin1', DEMO_PASSWORDS['check-in'], deskPath(1)),
      logIn(desk2.page, app.url, 'checkin2', DEMO_PASSWORDS['check-in'], deskPath(2)),
      screen.page.goto(`${app.url}/c/${app.congressId}/screen`),
    ]);
    for (const browser of [desk1, desk2, screen]) {
      await until(() => browser.page.getByTestId('live-status').first().getAttribute('data-status'), 'open');
    }
    await until(() => count(desk1.page, 'count-present'), '0');
    // Nobody has arrived and no sitting is under way: the screen waits (no "实到0" for a sitting
    // not yet begun); the first check-in brings the attendance up, through the stream.
    await screen.page.getByTestId('screen-idle').waitFor();
    // The screen must update without reloading: a reload would lose this mark.
    await screen.page.evaluate('window.__plenumNoReload = true');
  });

  afterAll(async () => {
    await cleanUp();
  });

  it('shows the desk, its counts and the keys', async () => {
    await expect.poll(() => desk1.page.getByTestId('desk-name').textContent()).toBe('1号签到台');
    expect(await count(desk1.page, 'count-expected')).toBe('413');
    expect(await desk1.page.getByTestId('quorum').getAttribute('data-met')).toBe('false');
    const keys = await desk1.page.locator('.desk-keys').textContent();
    for (const key of ['Esc', 'F2', 'F4', '回车']) expect(keys).toContain(key);
  });

  it('checks in by code at desk 1; desk 2 and the screen show it as it happens', async () => {
    await enter(desk1.page, '0001');
    const confirmation = desk1.page.getByTestId('confirmation');
    await expect.poll(() => confirmation.getAttribute('data-verdict')).toBe('checked-in');
    expect(await confirmation.getAttribute('data-tone')).toBe('success');
    expect(await desk1.page.getByTestId('confirm-name').textContent()).toBe('马林');
    await expect.poll(() => count(desk2.page, 'count-present')).toBe('1');
    await expect.poll(() => count(screen.page, 'screen-present')).toBe('1');
    expect(await count(desk1.page, 'count-present')).toBe('1');
    // The input is cleared and keeps the focus for the next scan.
    expect(await desk1.page.getByTestId('desk-input').inputValue()).toBe('');
    expect(await desk1.page.evaluate('document.activeElement?.dataset?.testid')).toBe('desk-input');
  });

  it('checks in by pinyin initials at desk 2; desk 1 and the screen follow', async () => {
    // A delegate whose initials find nobody else, as a desk would type them.
    const db = app.server.context.database.db;
    const delegates = await db
      .selectFrom('delegates')
      .select(['name', 'code', 'voting_rights'])
      .where('congress_id', '=', app.congressId)
      .orderBy('code')
      .execute();
    let chosen: { name: string; initials: string } | undefined;
    for (const d of delegates) {
      if (d.voting_rights !== 1 || d.code === '0001') continue;
      const initials = pinyinInitials(d.name);
      const found = await searchDelegates(db, app.congressId, sittingId, initials);
      if (found.candidates.length === 1 && !found.more) {
        chosen = { name: d.name, initials };
        break;
      }
    }
    expect(chosen).toBeDefined();
    await enter(desk2.page, chosen!.initials);
    await expect
      .poll(() => desk2.page.getByTestId('confirmation').getAttribute('data-verdict'))
      .toBe('checked-in');
    expect(await desk2.page.getByTestId('confirm-name').textContent()).toBe(chosen!.name);
    await expect.poll(() => count(desk1.page, 'count-present')).toBe('2');
    await expect.poll(() => count(screen.page, 'screen-present')).toBe('2');
  });

  it('says in amber when and where someone already checked in', async () => {
    await enter(desk2.page, '0001');
    const confirmation = desk2.page.getByTestId('confirmation');
    await expect.poll(() => confirmation.getAttribute('data-verdict')).toBe('already-present');
    expect(await confirmation.getAttribute('data-tone')).toBe('warning');
    expect(await desk2.page.getByTestId('confirm-when').textContent()).toMatch(
      /^已于 \d\d:\d\d 签到（1号台）$/,
    );
    expect(await count(desk2.page, 'count-present')).toBe('2');
  });

  it('says in red that nobody matches', async () => {
    await enter(desk1.page, 'qzqzqz');
    const confirmation = desk1.page.getByTestId('confirmation');
    await expect.poll(() => confirmation.getAttribute('data-verdict')).toBe('not-found');
    expect(await confirmation.getAttribute('data-tone')).toBe('error');
    expect(await confirmation.textContent()).toContain('qzqzqz');
  });

  it('puts a delegate on leave from the pick list with the keyboard alone; the screen follows without reloading', async () => {
    const page = desk1.page;
    await enter(page, '王');
    const list = page.getByTestId('pick-list');
    await list.waitFor();
    const items = list.locator('.pick-item');
    expect(await items.count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => list.locator('.pick-item.selected .pick-name').textContent())
      .toBe(await items.nth(1).locator('.pick-name').textContent());
    const name = await items.nth(1).locator('.pick-name').textContent();
    await page.keyboard.press('F2');
    const dialog = page.getByTestId('leave-dialog');
    await dialog.waitFor();
    await page.keyboard.press('2'); // 因病
    await page.keyboard.press('Enter');
    const confirmation = page.getByTestId('confirmation');
    await expect.poll(() => confirmation.getAttribute('data-verdict')).toBe('leave');
    expect(await page.getByTestId('confirm-name').textContent()).toBe(name);
    expect(await confirmation.textContent()).toContain('因病');
    await expect.poll(() => count(desk2.page, 'count-leave')).toBe('1');
    await expect.poll(() => count(screen.page, 'screen-leave')).toBe('1');
    expect(await screen.page.evaluate('window.__plenumNoReload')).toBe(true);
    // Esc clears the desk for the next delegate.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('confirmation').count()).toBe(0);
    expect(await page.getByTestId('desk-input').inputValue()).toBe('');
  });

  it('checks a delegate out with F4', async () => {
    const page = desk2.page;
    await enter(page, '0001');
    await expect
      .poll(() => page.getByTestId('confirmation').getAttribute('data-verdict'))
      .toBe('already-present');
    await page.keyboard.press('F4');
    await expect
      .poll(() => page.getByTestId('confirmation').getAttribute('data-verdict'))
      .toBe('checked-out');
    await expect.poll(() => count(desk1.page, 'count-present')).toBe('1');
    await expect.poll(() => count(screen.page, 'screen-present')).toBe('1');
  });

  it('an answer read before an arrival, delivered after it, does not bring back the older counts', async () => {
    // The desk loads its counts on opening and again when its stream (re)connects; the stream's
    // events bring every change after. On a busy machine an answer can arrive after an event it
    // predates: the counts must stay those of the event.
    const page = desk2.page;
    let letThrough!: () => void;
    const released = new Promise<void>((resolve) => (letThrough = resolve));
    let read = 0;
    const delivered: Promise<void>[] = [];
    await page.route('**/counts', (route) => {
      const delivery = (async () => {
        const stale = await route.fetch();
        read++;
        await released;
        await route.fulfill({ response: stale });
      })();
      delivered.push(delivery);
      return delivery;
    });
    await page.reload();
    await until(() => page.getByTestId('live-status').first().getAttribute('data-status'), 'open');
    // The page's load has read the counts (实到 1) and is held; so is the stream's, if it made
    // one before the check-in below (it does when the desk knew its sitting as the stream opened).
    await until(async () => read > 0, true);

    await enter(desk1.page, '0001');
    await expect
      .poll(() => desk1.page.getByTestId('confirmation').getAttribute('data-verdict'))
      .toBe('checked-in');
    await expect.poll(() => count(page, 'count-present')).toBe('2');

    letThrough();
    await Promise.all(delivered);
    // The page has had the answers: a frame drawn after them shows what React made of them.
    await settled(page);
    expect(await count(page, 'count-present')).toBe('2');
  });

  it('showed no errors in any browser', () => {
    // 404s of the desk's searches are answers, not errors; anything else is.
    const unexpected = [desk1, desk2, screen].flatMap((b) => b.problems).filter((p) => !p.includes('404'));
    expect(unexpected).toEqual([]);
  });
});

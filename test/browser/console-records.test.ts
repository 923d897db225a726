import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS } from '../../src/services/demo/seed-demo.ts';
import {
  type AppServer,
  browserAvailable,
  buildWebApp,
  cleanUp,
  confirmPopup,
  logIn,
  type OpenBrowser,
  openBrowser,
  screenshot,
  startAppServer,
  visitIn,
} from './harness.ts';

// The secretariat's records around the congress, clicked in the console: the congress's details
// (venue, dates), its delegations (added, renamed, removed when empty), and in the organisations
// section a new term, a subordinate organisation and the next congress, whose console opens.

let app: AppServer;
let admin: OpenBrowser;
let phone: OpenBrowser;

const db = () => app.server.context.database.db;

describe.runIf(browserAvailable)('the congress records in the console', () => {
  beforeAll(async () => {
    app = await startAppServer(await buildWebApp());
    [admin, phone] = await Promise.all([openBrowser(), openBrowser({ width: 390, height: 844 })]);
    const home = `/c/${app.congressId}/console`;
    await Promise.all([
      logIn(admin.page, app.url, 'admin', DEMO_PASSWORDS.admin, home),
      logIn(phone.page, app.url, 'admin', DEMO_PASSWORDS.admin, home),
    ]);
  });

  afterAll(async () => {
    await cleanUp();
  });

  it('edits the venue and dates; a closing date before the opening is refused in the form', async () => {
    const page = await visitIn(
      app,
      admin,
      `/c/${app.congressId}/console`,
      'zh',
      '[data-testid=congress-edit]',
    );
    await page.getByTestId('congress-edit').click();
    await page.getByTestId('congress-venue').fill('示范市会展中心');
    await page.getByTestId('congress-starts').fill('2026-12-08');
    await page.getByTestId('congress-ends').fill('2026-12-07');
    await page.getByTestId('congress-save').click();
    await page.getByText('闭幕日期不能早于开幕日期').waitFor();
    await screenshot(page, 'zh-desktop-console-congress-edit');
    await page.getByTestId('congress-ends').fill('2026-12-10');
    await page.getByTestId('congress-save').click();
    const stored = () =>
      db()
        .selectFrom('congresses')
        .select(['venue', 'starts_on', 'ends_on'])
        .where('id', '=', app.congressId)
        .executeTakeFirstOrThrow();
    await expect.poll(async () => (await stored()).venue).toBe('示范市会展中心');
    expect(await stored()).toEqual({
      venue: '示范市会展中心',
      starts_on: '2026-12-08',
      ends_on: '2026-12-10',
    });
    await expect.poll(() => page.locator('.ant-descriptions').textContent()).toContain('2026年12月8日至10日');

    const shown = await visitIn(
      app,
      phone,
      `/c/${app.congressId}/console`,
      'en',
      '[data-testid=congress-edit]',
    );
    await shown.getByTestId('congress-edit').click();
    await shown.getByTestId('congress-venue').waitFor();
    await screenshot(shown, 'en-phone-console-congress-edit');
  });

  it('adds a delegation, renames it and removes it while it is empty; a delegation with delegates stays', async () => {
    const page = await visitIn(
      app,
      admin,
      `/c/${app.congressId}/console`,
      'zh',
      '[data-testid=delegations-edit]',
    );
    await page.getByTestId('delegations-edit').click();
    await page.getByTestId('delegation-new').fill('机关工委代表团');
    await page.getByTestId('delegation-add').click();
    const added = page.locator('[data-testid=delegation-row][data-name="机关工委代表团"]');
    await added.waitFor();
    await screenshot(page, 'zh-desktop-console-delegations');
    const name = added.getByTestId('delegation-name');
    await name.fill('市直机关工委代表团');
    await name.press('Enter');
    const renamed = page.locator('[data-testid=delegation-row][data-name="市直机关工委代表团"]');
    await renamed.waitFor();
    // The demo's delegations have delegates: their remove buttons are disabled.
    const full = page.locator('[data-testid=delegation-row]').first();
    expect(await full.locator('button[aria-label="删除"]').isDisabled()).toBe(true);
    await renamed.getByTestId('delegation-remove').click();
    await confirmPopup(page);
    await expect.poll(() => renamed.count()).toBe(0);
    const left = await db()
      .selectFrom('delegations')
      .select('name')
      .where('congress_id', '=', app.congressId)
      .where('name', 'like', '%机关工委%')
      .execute();
    expect(left).toEqual([]);
    const audited = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'delegation.%')
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => a.action).slice(-3)).toEqual([
      'delegation.create',
      'delegation.update',
      'delegation.delete',
    ]);
  });

  it('records a new term and a subordinate organisation, and prepares the next congress', async () => {
    const page = await visitIn(
      app,
      admin,
      `/c/${app.congressId}/console/organisations`,
      'zh',
      '[data-testid=orgx-term]',
    );
    await page.getByTestId('orgx-organisation').click();
    await page.getByTestId('orgx-organisation-name').fill('中国共产党示范市河东区委员会');
    await page.getByTestId('orgx-organisation-short').fill('河东区委');
    await page.getByTestId('orgx-organisation-locality').fill('河东区');
    await screenshot(page, 'zh-desktop-console-new-organisation');
    await page.getByTestId('orgx-organisation-save').click();
    await expect
      .poll(
        async () =>
          (
            await db()
              .selectFrom('organisations')
              .select(['level', 'parent_id'])
              .where('name', '=', '中国共产党示范市河东区委员会')
              .execute()
          ).length,
      )
      .toBe(1);

    await page.getByTestId('orgx-term').click();
    // In the term's dialog: until it opens, the last '纪律检查委员会' on the page is not its choice.
    const termDialog = page
      .locator('.ant-modal-wrap:visible')
      .filter({ has: page.getByTestId('orgx-term-start') });
    await termDialog.getByText('纪律检查委员会', { exact: true }).click();
    await expect.poll(() => termDialog.getByRole('radio', { name: '纪律检查委员会' }).isChecked()).toBe(true);
    await page.getByTestId('orgx-term-start').fill('2026-12-10');
    await page.getByTestId('orgx-term-save').click();
    await expect
      .poll(
        async () =>
          (
            await db()
              .selectFrom('terms')
              .select('number')
              .where('body', '=', 'discipline-commission')
              .where('started_on', '=', '2026-12-10')
              .execute()
          ).length,
      )
      .toBe(1);

    await page.getByTestId('orgx-congress').click();
    // The next congress after the 13th is proposed.
    const number = page.locator(
      'input[data-testid=orgx-congress-number], [data-testid=orgx-congress-number] input',
    );
    expect(await number.first().inputValue()).toBe('14');
    await page.getByTestId('orgx-congress-save').click();
    await page.waitForURL(
      (url) => url.pathname.endsWith('/console') && !url.pathname.includes(app.congressId),
    );
    await expect
      .poll(() => page.locator('.ant-descriptions').textContent())
      .toContain('中国共产党示范市第十四次代表大会');
    await screenshot(page, 'zh-desktop-console-new-congress');
    expect([...admin.problems, ...phone.problems]).toEqual([]);
  });
});

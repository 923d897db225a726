import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentAttendance } from '../../src/services/attendance/current-attendance.ts';
import { DEMO_PASSWORDS } from '../../src/services/demo/seed-demo.ts';
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

// Issue 12, defect 1: the leave key (F2) acts on the delegate typed now, not on the one checked
// in before; a delegate who is absent is put on leave without being checked in; and leave is
// registered before the sitting opens (the demo's plenary is still scheduled here).

let app: AppServer;
let desk: OpenBrowser;
let sittingId: string;
const names: Record<string, string> = {};

const count = (page: Page, id: string) => page.getByTestId(id).first().textContent();

async function statusOf(code: string): Promise<string> {
  const row = await app.server.context.database.db
    .selectFrom('attendance')
    .innerJoin('delegates', 'delegates.id', 'attendance.delegate_id')
    .select(['attendance.status', 'attendance.checked_in_at'])
    .where('attendance.sitting_id', '=', sittingId)
    .where('delegates.code', '=', code)
    .executeTakeFirst();
  return row ? `${row.status}${row.checked_in_at ? ' (checked in)' : ''}` : 'absent';
}

describe.runIf(browserAvailable)('the check-in desk’s leave key', () => {
  beforeAll(async () => {
    app = await startAppServer(await buildWebApp());
    const db = app.server.context.database.db;
    const current = await currentAttendance(db, app.congressId);
    sittingId = current.sittings[0]!.sittingId;
    expect(current.sittings[0]!.sittingStatus).toBe('scheduled');
    const delegates = await db
      .selectFrom('delegates')
      .select(['code', 'name', 'voting_rights'])
      .where('congress_id', '=', app.congressId)
      .where('code', 'in', ['0010', '0011'])
      .execute();
    for (const d of delegates) {
      expect(d.voting_rights).toBe(1);
      names[d.code] = d.name;
    }
    expect(Object.keys(names).sort()).toEqual(['0010', '0011']);
    desk = await openBrowser();
    await logIn(
      desk.page,
      app.url,
      'checkin1',
      DEMO_PASSWORDS['check-in'],
      `/c/${app.congressId}/checkin?desk=1`,
    );
    await until(() => desk.page.getByTestId('live-status').first().getAttribute('data-status'), 'open');
    await until(() => count(desk.page, 'count-present'), '0');
  });

  afterAll(async () => {
    await cleanUp();
  });

  it('0010, Enter, then 0011 and F2: the dialog is for 0011, who goes on leave without checking in', async () => {
    const page = desk.page;
    const input = page.getByTestId('desk-input');
    await input.fill('0010');
    await input.press('Enter');
    const confirmation = page.getByTestId('confirmation');
    await expect.poll(() => confirmation.getAttribute('data-verdict')).toBe('checked-in');
    expect(await page.getByTestId('confirm-name').textContent()).toBe(names['0010']);
    await expect.poll(() => count(page, 'count-present')).toBe('1');
    expect(await count(page, 'count-leave')).toBe('0');

    // Typed, Enter not pressed: F2 registers leave for the delegate typed.
    await input.fill('0011');
    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog');
    await page.getByTestId('leave-dialog').waitFor();
    const title = await dialog.locator('.ant-modal-title').textContent();
    expect(title).toContain(names['0011']);
    expect(title).not.toContain(names['0010']);
    // Looked up, not checked in: the list shows 0011 as not checked in, the counts have not moved.
    expect(await page.getByTestId('pick-list').textContent()).toContain('未签到');
    expect(await count(page, 'count-present')).toBe('1');
    await screenshot(page, 'zh-desktop-checkin-leave-typed');

    await page.keyboard.press('2'); // 因病
    await page.keyboard.press('Enter');
    await expect.poll(() => confirmation.getAttribute('data-verdict')).toBe('leave');
    expect(await page.getByTestId('confirm-name').textContent()).toBe(names['0011']);
    expect(await confirmation.textContent()).toContain('因病');
    // 0010 stays 实到; 0011 is counted under 请假, before the sitting has opened.
    await expect.poll(() => count(page, 'count-leave')).toBe('1');
    expect(await count(page, 'count-present')).toBe('1');
    expect(await statusOf('0010')).toBe('present (checked in)');
    expect(await statusOf('0011')).toBe('leave');
    const after = await currentAttendance(app.server.context.database.db, app.congressId);
    expect(after.sittings[0]).toMatchObject({ sittingStatus: 'scheduled', present: 1 });
    expect(after.sittings[0]!.onLeave).toMatchObject({ total: 1, illness: 1 });
  });

  it('F4 checks out the delegate typed, not the one shown', async () => {
    const page = desk.page;
    const input = page.getByTestId('desk-input');
    await input.fill('0010');
    await page.keyboard.press('F4');
    const confirmation = page.getByTestId('confirmation');
    await expect.poll(() => confirmation.getAttribute('data-verdict')).toBe('checked-out');
    expect(await page.getByTestId('confirm-name').textContent()).toBe(names['0010']);
    await expect.poll(() => count(page, 'count-present')).toBe('0');
    expect(await count(page, 'count-leave')).toBe('1');
    expect(await statusOf('0011')).toBe('leave');
  });

  it('showed no errors', () => {
    const unexpected = desk.problems.filter((p) => !p.includes('404'));
    expect(unexpected).toEqual([]);
  });
});

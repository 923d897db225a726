import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPosition } from '../../src/services/congress/term-positions.ts';
import { createTerm } from '../../src/services/congress/terms.ts';
import { DEMO_ACTOR, DEMO_PASSWORDS } from '../../src/services/demo/seed-demo.ts';
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
} from './harness.ts';

// From the congress to the new committee's first plenary in the console [P5]: once the committee
// is elected, the secretariat prepares the plenary from the elections section and lands in the
// plenary's own console, with its three elections and the discipline commission's result to record.
// The committee's election itself is clicked through elsewhere (whole-congress.test.ts runs a
// paper and an electronic election); here its outcome — the 13th committee with its members, the
// election complete — is written through the services, as the count would.

let app: AppServer;
let admin: OpenBrowser;

describe.runIf(browserAvailable)('the first plenary, prepared from the console', () => {
  beforeAll(async () => {
    app = await startAppServer(await buildWebApp());
    admin = await openBrowser();
    const context = app.server.context;
    const db = context.database.db;
    const congress = await db
      .selectFrom('congresses')
      .selectAll()
      .where('id', '=', app.congressId)
      .executeTakeFirstOrThrow();
    const term = await createTerm(context, DEMO_ACTOR, congress.organisation_id, {
      body: 'committee',
      number: congress.number,
      startedOn: '2026-11-28',
      electedByCongressId: congress.id,
    });
    const members = await db
      .selectFrom('delegates')
      .select(['id', 'name'])
      .where('congress_id', '=', congress.id)
      .orderBy('code')
      .limit(15)
      .execute();
    for (const member of members)
      await addPosition(context, DEMO_ACTOR, term.id, {
        personName: member.name,
        position: 'member',
        delegateId: member.id,
      });
    await db
      .updateTable('elections')
      .set({ status: 'complete' })
      .where('congress_id', '=', congress.id)
      .where('office', '=', 'committee-member')
      .execute();
    await logIn(admin.page, app.url, 'admin', DEMO_PASSWORDS.admin, `/c/${app.congressId}/console/elections`);
  });

  afterAll(async () => {
    await cleanUp();
  });

  it('prepares the plenary and opens its console, with its elections and the discipline result to record', async () => {
    const page = admin.page;
    const card = page.getByTestId('first-plenary-card');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain('筹备新一届委员会第一次全体会议');
    await card.locator('#standingCommitteeSeats').fill('5');
    await card.locator('#deputySecretarySeats').fill('2');
    await screenshot(page, 'zh-desktop-console-first-plenary');
    await page.getByTestId('first-plenary-prepare').click();
    await page.waitForURL(
      (url) => url.pathname.endsWith('/console/elections') && !url.pathname.includes(app.congressId),
    );
    const plenaryId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    await page.getByTestId('discipline-card').waitFor({ timeout: 15_000 });
    const section = await page.getByTestId('elections-section').textContent();
    for (const title of ['常务委员会委员', '书记', '副书记']) expect(section).toContain(title);
    await screenshot(page, 'zh-desktop-console-first-plenary-prepared');

    const plenary = await app.server.context.database.db
      .selectFrom('congresses')
      .selectAll()
      .where('id', '=', plenaryId)
      .executeTakeFirstOrThrow();
    expect(plenary).toMatchObject({ kind: 'plenary', plenary_number: 1 });
    const delegates = await app.server.context.database.db
      .selectFrom('delegates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('congress_id', '=', plenaryId)
      .executeTakeFirstOrThrow();
    // [P5] the plenary's electorate is the newly elected members.
    expect(Number(delegates.n)).toBe(15);

    // Back at the congress, the card now leads to the prepared plenary instead.
    await page.goto(`${app.url}/c/${app.congressId}/console/elections`);
    await page.getByTestId('first-plenary-card').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('first-plenary-card').textContent()).toContain('进入一次全会工作台');
    expect(admin.problems).toEqual([]);
  });
});

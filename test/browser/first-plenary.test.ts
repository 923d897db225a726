import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSitting } from '../../src/services/congress/sittings.ts';
import { addPosition } from '../../src/services/congress/term-positions.ts';
import { createTerm } from '../../src/services/congress/terms.ts';
import { DEMO_ACTOR, DEMO_PASSWORDS } from '../../src/services/demo/seed-demo.ts';
import { setCandidates, setOfficers } from '../../src/services/elections/elections.ts';
import { createMethod, recordMethodVote } from '../../src/services/elections/methods.ts';
import {
  type AppServer,
  browserAvailable,
  buildWebApp,
  cleanUp,
  logIn,
  type OpenBrowser,
  openBrowser,
  screenshot,
  settles,
  startAppServer,
} from './harness.ts';

// From the congress to the new committee's first plenary in the console [P5]: once the committee
// is elected, the secretariat prepares the plenary from the elections section and lands in the
// plenary's own console, with its three elections and the discipline commission's result to record.
// Then the plenary is run from the hall's pages: the rehearsal assistant checks the members in and
// casts their ballots, the presiding officer opens, closes and announces, the scrutineer counts and
// signs off, the secretariat records the discipline result and drafts the communiqué [P5][C3].
// The committee's election itself is clicked through elsewhere (whole-congress.test.ts runs a
// paper and an electronic election); here its outcome — the 13th committee with its members, the
// election complete — is written through the services, as the count would.

let app: AppServer;
let admin: OpenBrowser;
let presiding: OpenBrowser;
let scrutineer: OpenBrowser;
let plenaryId: string;
let disciplineMembers: string[];
/** The 15 members of the new committee, the plenary's electorate, in code order. */
let members: { id: string; name: string }[];

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
    members = await db
      .selectFrom('delegates')
      .select(['id', 'name'])
      .where('congress_id', '=', congress.id)
      .orderBy('code')
      .limit(15)
      .execute();
    // The discipline commission elected by the congress: ten other delegates.
    const commission = await createTerm(context, DEMO_ACTOR, congress.organisation_id, {
      body: 'discipline-commission',
      number: congress.number,
      startedOn: '2026-11-28',
      electedByCongressId: congress.id,
    });
    disciplineMembers = (
      await db
        .selectFrom('delegates')
        .select(['id', 'name'])
        .where('congress_id', '=', congress.id)
        .orderBy('code')
        .offset(20)
        .limit(10)
        .execute()
    ).map((d) => d.name);
    for (const name of disciplineMembers)
      await addPosition(context, DEMO_ACTOR, commission.id, { personName: name, position: 'member' });
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
    await card.waitFor();
    expect(await card.textContent()).toContain('筹备新一届委员会第一次全体会议');
    // Nothing is assumed: without the day, the place and the seats the plenary is not prepared.
    await page.getByTestId('first-plenary-prepare').click();
    await expect.poll(() => card.locator('.ant-form-item-explain-error').count()).toBe(4);
    await card.locator('#startsOn').fill('2026-11-29');
    await card.locator('#startsOn').press('Enter');
    await card.locator('#venue').fill('示范市会议中心');
    await card.locator('#standingCommitteeSeats').fill('5');
    await card.locator('#deputySecretarySeats').fill('2');
    await card.getByText('电子投票').click();
    await screenshot(page, 'zh-desktop-console-first-plenary');
    await page.getByTestId('first-plenary-prepare').click();
    await page.waitForURL(
      (url) => url.pathname.endsWith('/console/elections') && !url.pathname.includes(app.congressId),
    );
    plenaryId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    await page.getByTestId('discipline-card').waitFor();
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
    await page.getByTestId('first-plenary-card').waitFor();
    expect(await page.getByTestId('first-plenary-card').textContent()).toContain('进入一次全会工作台');
    expect(admin.problems).toEqual([]);
  });
  it('runs the plenary: check-in, the standing committee, secretary and deputies elected and announced, the communiqué drafted', async () => {
    const context = app.server.context;
    const db = context.database.db;
    const elections = await db
      .selectFrom('elections')
      .select(['id', 'office', 'title'])
      .where('congress_id', '=', plenaryId)
      .execute();
    const election = (office: string) => elections.find((e) => e.office === office)!;
    const sitting = await db
      .selectFrom('sittings')
      .select('id')
      .where('congress_id', '=', plenaryId)
      .executeTakeFirstOrThrow();
    // Set up as the console's sections do (their clicks are tested in console-setup.test.ts):
    // the sitting opens, the method is adopted, the standing committee's list and the scrutineers.
    await openSitting(context, DEMO_ACTOR, plenaryId, sitting.id);
    const method = await createMethod(context, DEMO_ACTOR, plenaryId, {
      title: '十三届一次全会选举办法',
      overrides: {},
    });
    await recordMethodVote(context, DEMO_ACTOR, plenaryId, method.id, {
      votesFor: 15,
      votesAgainst: 0,
      votesAbstain: 0,
    });
    const names = members.map((m) => m.name);
    // [P2] The chief scrutineer signs off with the login linked to them: the demo's scrutineer2.
    const login = await db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'scrutineer2')
      .executeTakeFirstOrThrow();
    const officers = [
      { role: 'chief-scrutineer' as const, name: names[13]!, accountId: login.id },
      { role: 'scrutineer' as const, name: names[14]! },
    ];
    for (const e of elections) await setOfficers(context, DEMO_ACTOR, plenaryId, e.id, officers);
    await setCandidates(
      context,
      DEMO_ACTOR,
      plenaryId,
      election('standing-committee').id,
      names.slice(0, 6).map((name) => ({ name })),
    );

    // The secretariat checks the members in with the rehearsal assistant.
    const console = admin.page;
    await console.goto(`${app.url}/c/${plenaryId}/console`);
    const line = console.locator('[data-testid=rehearsal-sitting]');
    await line.waitFor();
    expect(await line.textContent()).toContain('尚有15名');
    await line.getByTestId('rehearsal-checkin').click();
    await expect.poll(() => line.textContent()).toContain('尚有0名');

    [presiding, scrutineer] = await Promise.all([openBrowser(), openBrowser()]);
    await logIn(presiding.page, app.url, 'presiding', DEMO_PASSWORDS.presiding, `/c/${plenaryId}/presiding`);
    await logIn(
      scrutineer.page,
      app.url,
      'scrutineer2',
      DEMO_PASSWORDS.scrutineer,
      `/c/${plenaryId}/scrutineer`,
    );
    expect(await presiding.page.getByTestId('quorum').getAttribute('data-met')).toBe('true');

    const standing = await holdElection(election('standing-committee').title, 5);
    // Secretary and deputies: equal elections among the standing committee, in the approved order.
    await setCandidates(context, DEMO_ACTOR, plenaryId, election('secretary').id, [{ name: standing[0]! }]);
    await setCandidates(
      context,
      DEMO_ACTOR,
      plenaryId,
      election('deputy-secretary').id,
      standing.slice(1, 3).map((name) => ({ name })),
    );
    expect(await holdElection(election('secretary').title, 1)).toEqual([standing[0]]);
    expect(await holdElection(election('deputy-secretary').title, 2)).toEqual(standing.slice(1, 3));
    await screenshot(presiding.page, 'zh-desktop-presiding-first-plenary-complete');

    // The discipline commission's first plenary, adopted by this plenary [P5].
    await console.goto(`${app.url}/c/${plenaryId}/console/elections`);
    const discipline = console.getByTestId('discipline-card');
    await discipline.waitFor();
    await discipline.locator('#standing').fill(disciplineMembers.slice(0, 5).join('、'));
    await discipline.locator('#secretary').fill(disciplineMembers[0]!);
    await discipline.locator('#deputies').fill(disciplineMembers.slice(1, 3).join('、'));
    await discipline.getByText('记录全会通过').click();
    await console.getByText('已记录纪委一次全会选举结果').waitFor();

    // The communiqué is drafted from the records, naming the secretary and the deputies.
    await console.goto(`${app.url}/c/${plenaryId}/console/news`);
    await console.getByTestId('news-generate-first-plenary').click();
    await expect
      .poll(
        async () =>
          (await db.selectFrom('news_items').select('body_zh').where('congress_id', '=', plenaryId).execute())
            .length,
      )
      .toBe(1);
    const communique = await db
      .selectFrom('news_items')
      .select(['title_zh', 'body_zh'])
      .where('congress_id', '=', plenaryId)
      .executeTakeFirstOrThrow();
    expect(communique.body_zh).toContain(standing[0]!);
    for (const deputy of standing.slice(1, 3)) expect(communique.body_zh).toContain(deputy);
    expect(communique.body_zh).toContain(disciplineMembers[0]!);
    await console.getByTestId('news-editor').waitFor();
    // The drawer slides in: screenshot() waits for its animation to end.
    await screenshot(console, 'zh-desktop-console-first-plenary-communique');
    expect([...admin.problems, ...presiding.problems, ...scrutineer.problems]).toEqual([]);
  });
});

/**
 * One election of the plenary, electronically, from the hall's pages: the presiding officer opens
 * the round, the rehearsal assistant has the members vote, the presiding officer closes it, the
 * scrutineer counts and signs off, the presiding officer announces. Returns those elected.
 */
async function holdElection(title: string, seats: number): Promise<string[]> {
  const page: Page = presiding.page;
  const panel = page.locator(`[data-testid=election-panel][data-election="${title}"]`);
  const round = panel.getByTestId('pres-round');
  await panel.getByTestId('pres-open').click();
  // Opening issues the ballots and cannot be undone: the presiding officer confirms.
  await page.getByTestId('pres-open-confirm').click();
  await expect.poll(() => round.getAttribute('data-status')).toBe('open');

  const console = admin.page;
  await console.goto(`${app.url}/c/${plenaryId}/console`);
  const voting = console.locator('[data-testid=rehearsal-round][data-mode=electronic]');
  await expect.poll(() => voting.getAttribute('data-pending')).toBe('15');
  await voting.getByTestId('rehearsal-vote').click();
  await settles(() => voting.getAttribute('data-pending'), '0');

  await panel.getByTestId('pres-close').click();
  await page.getByTestId('pres-close-confirm').click();
  await expect.poll(() => round.getAttribute('data-status')).toBe('closed');

  const scr = scrutineer.page;
  const roundId = await round.getAttribute('data-round');
  const scrRound = scr.getByTestId('scr-round');
  await expect.poll(() => scrRound.getAttribute('data-round')).toBe(roundId);
  await expect.poll(() => scrRound.getAttribute('data-status')).toBe('closed');
  await scr.getByTestId('scr-count').click();
  await expect.poll(() => scrRound.getAttribute('data-status')).toBe('counted');
  expect(await scr.getByTestId('round-result').getAttribute('data-outcome')).toBe('complete');
  await scr.getByTestId('scr-sign-off').click();
  await scr.getByTestId('scr-sign-off-confirm').click();
  await expect.poll(() => scrRound.getAttribute('data-status')).toBe('signed-off');
  // [P2] The signature is the chief scrutineer's, by name, not the login's.
  const signed = await scr.getByTestId('signed-by').textContent();
  expect(signed).toContain(`总监票人${members[13]!.name}`);
  expect(signed).not.toContain('scrutineer');

  await expect.poll(() => round.getAttribute('data-status')).toBe('signed-off');
  await panel.getByTestId('pres-announce').click();
  await page.getByTestId('pres-announce-confirm').click();
  await expect.poll(() => round.getAttribute('data-status')).toBe('announced');
  await panel.getByTestId('pres-complete').waitFor();

  const stored = await app.server.context.database.db
    .selectFrom('rounds')
    .select('result_json')
    .where('id', '=', roundId!)
    .executeTakeFirstOrThrow();
  const elected = (JSON.parse(stored.result_json!) as { elected: string[] }).elected;
  expect(elected).toHaveLength(seats);
  return elected;
}

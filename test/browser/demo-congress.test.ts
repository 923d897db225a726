import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortByStrokes } from '../../src/core/rules/index.ts';
import { DEMO_PASSWORDS } from '../../src/services/demo/seed-demo.ts';
import { compact, pdfText } from '../adapters/pdf/pdf-tools.ts';
import {
  type AppServer,
  appearsIn,
  browserAvailable,
  buildWebApp,
  cleanUp,
  confirmPopup,
  logIn,
  type OpenBrowser,
  openBrowser,
  screenshot,
  settles,
  startAppServer,
} from './harness.ts';

// Issue 12, "done when": the demo congress of `npm start` and its first plenary, run through the
// pages only, as one person runs it with the console's rehearsal assistant (README): the desks
// check a few in and put one delegate on leave by hand, the assistant brings the rest of the hall
// (about one in a hundred asks for leave); every election of the congress is prepared and its
// ballots printed in advance, voted on paper, keyed by the assistant, counted and signed off by
// the scrutineer, announced by the presiding officer and shown on the big screen; the first
// plenary is prepared with its date, venue and seats, adopts its method from the template, copies
// one set of officers to its three elections, elects its standing committee, secretary and
// deputies and adopts the discipline commission's result; the news is published. Then the lists'
// order [T6][T7] and the documents' text (no rule ids on paper) are checked.
//
// The database is read to know what the pages should show (who was elected, in what order) and
// never written: everything happens through the pages.

const DESKTOP = { width: 1440, height: 900 };
const SCREEN = { width: 1920, height: 1080 };
/** Rule ids as the rule book writes them ([B2], [T7]): never on paper. */
const RULE_ID = /\[[A-Z]\d+\]/;

let app: AppServer;
let admin: OpenBrowser;
let desk: OpenBrowser;
let presiding: OpenBrowser;
let scrutineer: OpenBrowser;
let screen: OpenBrowser;
let reader: OpenBrowser;

interface Meeting {
  readonly id: string;
  /** The login that signs off the counts (the chief scrutineer's). */
  scrutineerLogin: string;
}
let congress: Meeting;
let plenary: Meeting;

interface Held {
  readonly electionId: string;
  readonly title: string;
  readonly office: string;
  readonly roundId: string;
  readonly elected: readonly string[];
  readonly votes: ReadonlyMap<string, number>;
  /** The candidates in the order entered (the approved order, where the office has one [C3]). */
  readonly entered: readonly string[];
}
const held = new Map<string, Held>();
const documents: { name: string; text: string }[] = [];

const db = () => app.server.context.database.db;
const text = async (locator: Locator) => (await locator.first().textContent())?.trim() ?? '';
const consolePath = (meeting: Meeting, section?: string) =>
  `/c/${meeting.id}/console${section ? `/${section}` : ''}`;

/** Confirms the Popconfirm that is open. */
const confirm = confirmPopup;

async function go(browser: OpenBrowser, path: string, ready: string): Promise<Page> {
  await browser.page.goto(`${app.url}${path}`);
  await browser.page.locator(ready).first().waitFor();
  return browser.page;
}

/**
 * The desk's 实到 once it has heard of every arrival: after the assistant has brought the hall,
 * everyone is either present or on leave (实到 + 请假 = 应到). The desk hears the arrivals over
 * its stream, so on a busy machine its counts trail the assistant's button; the votes entered
 * from 实到 must be those of the whole hall.
 */
async function wholeHallPresent(page: Page): Promise<number> {
  const count = async (id: string) => Number(await text(page.getByTestId(id)));
  await expect
    .poll(async () => (await count('count-present')) + (await count('count-leave')))
    .toBe(await count('count-expected'));
  return count('count-present');
}

/** A PDF the page links to, fetched with the browser's session (as its new tab would), as text. */
async function pdfAt(browser: OpenBrowser, link: Locator, name: string): Promise<string> {
  const href = await link.first().getAttribute('href');
  expect(href, name).toMatch(/^\/api\/congresses\/.+/);
  const response = await browser.context.request.get(`${app.url}${href}`);
  expect(response.status(), name).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const pdf = pdfText(await response.body());
  documents.push({ name, text: pdf });
  return pdf;
}

/** Whether `names` appear in `text` (compacted) in this order. */
function inOrder(text: string, names: readonly string[]): boolean {
  const flat = compact(text);
  let from = 0;
  for (const name of names) {
    const at = flat.indexOf(compact(name), from);
    if (at < 0) return false;
    from = at + compact(name).length;
  }
  return true;
}

async function electionsOf(meetingId: string) {
  return db()
    .selectFrom('elections')
    .select(['id', 'title', 'office', 'seats'])
    .where('congress_id', '=', meetingId)
    .orderBy('sort_order')
    .execute();
}

async function storedResult(roundId: string) {
  const round = await db()
    .selectFrom('rounds')
    .select(['result_json', 'candidates_json', 'status'])
    .where('id', '=', roundId)
    .executeTakeFirstOrThrow();
  const result = JSON.parse(round.result_json!) as {
    elected: string[];
    results: { name: string; for: number }[];
  };
  return { ...result, candidates: JSON.parse(round.candidates_json) as string[] };
}

/** The chief scrutineer's login, as the officers editor links it (the demo: scrutineer1, scrutineer2). */
async function signingLogin(electionId: string): Promise<string> {
  const row = await db()
    .selectFrom('election_officers as o')
    .innerJoin('accounts as a', 'a.id', 'o.account_id')
    .select('a.username')
    .where('o.election_id', '=', electionId)
    .where('o.role', '=', 'chief-scrutineer')
    .executeTakeFirst();
  return row?.username ?? 'scrutineer1';
}

async function sittingOf(meeting: Meeting, kind: 'preparatory' | 'opening' | 'plenary' | 'closing') {
  return db()
    .selectFrom('sittings')
    .select(['id', 'title'])
    .where('congress_id', '=', meeting.id)
    .where('kind', '=', kind)
    .orderBy('sort_order')
    .executeTakeFirstOrThrow();
}

/** A sitting's panel on the console's sittings page (the page is open), chosen in the list. */
async function sittingPanel(
  meeting: Meeting,
  kind: 'preparatory' | 'opening' | 'plenary' | 'closing',
): Promise<Locator> {
  const sitting = await sittingOf(meeting, kind);
  await admin.page.locator(`[data-testid=sitting-item][data-sitting-id="${sitting.id}"]`).click();
  const panel = admin.page.locator(`[data-testid=sitting-panel][data-sitting-id="${sitting.id}"]`);
  await panel.waitFor();
  return panel;
}

/** The console's election panel, chosen in the list by its exact title. */
async function electionPanel(meeting: Meeting, electionId: string, title: string): Promise<Locator> {
  const page = await go(admin, consolePath(meeting, 'elections'), '[data-testid=election-table]');
  await page.getByTestId('election-choose').getByText(title, { exact: true }).click();
  const panel = page.locator(`[data-testid=election-panel][data-election-id="${electionId}"]`);
  await panel.waitFor();
  return panel;
}

/**
 * One election on paper, from the pages: the secretariat prepares the round and prints its
 * ballots (准备选票 → 打印选票); the presiding officer opens it (开始投票: the prepared round itself),
 * says how many ballots were handed out and closes it; the rehearsal assistant keys the sheets
 * twice; the scrutineer checks, counts and signs off; the presiding officer announces; the big
 * screen shows those elected.
 */
async function holdPaperElection(
  meeting: Meeting,
  election: { id: string; title: string; office: string },
  entered: readonly string[],
): Promise<Held> {
  const panel = await electionPanel(meeting, election.id, election.title);
  const page = admin.page;
  await panel.getByRole('tab', { name: /^投票/ }).click();
  await panel.getByTestId('round-prepare').click();
  await confirm(page);
  const prepared = panel.getByTestId('prepared-round');
  await appearsIn(panel, prepared);
  const roundId = (await prepared.getAttribute('data-round-id'))!;
  expect(await text(prepared)).toContain('选票已准备');
  // Prepared, the list is fixed: the candidates tab offers no editing.
  const ballots = await pdfAt(admin, panel.getByTestId('ballots-pdf'), `${election.title} 选票`);
  const printed = (await storedResultCandidates(roundId)).map((name) => compact(name));
  for (const name of printed) expect(compact(ballots)).toContain(name);
  await screenshot(page, `demo-${election.office}-prepared`);

  const card = presiding.page.locator(`[data-testid=election-panel][data-election="${election.title}"]`);
  const round = card.getByTestId('pres-round');
  await card.getByTestId('pres-open').click();
  // [P1] Opening a round cannot be undone: the presiding officer confirms it.
  await presiding.page.getByTestId('pres-open-confirm').click();
  await expect.poll(() => round.getAttribute('data-status')).toBe('open');
  // The vote is on the round prepared and printed, not a new one.
  expect(await round.getAttribute('data-round')).toBe(roundId);
  const present = Number((await text(round)).match(/实到(\d+)名/)?.[1]);
  expect(present).toBeGreaterThan(0);
  await card.getByTestId('pres-issued').locator('input').fill(String(present));
  await card.getByTestId('pres-close').click();
  await presiding.page.getByTestId('pres-close-confirm').click();
  await expect.poll(() => round.getAttribute('data-status')).toBe('closed');
  expect(await text(card.getByTestId('pres-await'))).toContain('计票人');

  // The rest of the hall: the assistant has two tellers key every sheet handed out.
  await go(admin, consolePath(meeting), '[data-testid=rehearsal-card]');
  const keying = page.locator('[data-testid=rehearsal-round][data-mode=paper]');
  await expect.poll(() => keying.getAttribute('data-pending')).toBe(String(present));
  await keying.getByTestId('rehearsal-key').click();
  await settles(() => keying.getAttribute('data-pending'), '0');

  const scr = scrutineer.page;
  const scrRound = scr.getByTestId('scr-round');
  await expect.poll(() => scrRound.getAttribute('data-round')).toBe(roundId);
  await expect.poll(() => scr.getByTestId('scr-reconciliation').getAttribute('data-valid')).toBe('true');
  await scr.getByTestId('scr-count').click();
  await expect.poll(() => scrRound.getAttribute('data-status')).toBe('counted');
  expect(await scr.getByTestId('round-result').getAttribute('data-outcome')).toBe('complete');
  await scr.getByTestId('scr-sign-off').click();
  await scr.getByTestId('scr-sign-off-confirm').click();
  await expect.poll(() => scrRound.getAttribute('data-status')).toBe('signed-off');

  await expect.poll(() => round.getAttribute('data-status')).toBe('signed-off');
  await card.getByTestId('pres-announce').click();
  await presiding.page.getByTestId('pres-announce-confirm').click();
  await expect.poll(() => round.getAttribute('data-status')).toBe('announced');
  await card.getByTestId('pres-complete').waitFor();

  const result = await storedResult(roundId);
  // The big screen, never reloaded, shows this result: those elected in the published order.
  const results = screen.page.getByTestId('screen-results');
  await expect.poll(() => results.getAttribute('data-round')).toBe(roundId);
  const shown = await results.locator('.screen-name-text').allTextContents();
  expect(shown.map((name) => name.trim())).toEqual(result.elected);
  await screenshot(screen.page, `demo-screen-${election.office}`);

  const outcome: Held = {
    electionId: election.id,
    title: election.title,
    office: election.office,
    roundId,
    elected: result.elected,
    votes: new Map(result.results.map((r) => [r.name, r.for])),
    entered,
  };
  held.set(election.office, outcome);
  return outcome;
}

async function storedResultCandidates(roundId: string): Promise<string[]> {
  const round = await db()
    .selectFrom('rounds')
    .select('candidates_json')
    .where('id', '=', roundId)
    .executeTakeFirstOrThrow();
  return JSON.parse(round.candidates_json) as string[];
}

/** Logs the scrutineer's browser in as the login that signs this meeting's counts. */
async function scrutineerFor(meeting: Meeting): Promise<void> {
  await scrutineer.context.clearCookies();
  await logIn(
    scrutineer.page,
    app.url,
    meeting.scrutineerLogin,
    DEMO_PASSWORDS.scrutineer,
    `/c/${meeting.id}/scrutineer`,
  );
}

describe.runIf(browserAvailable)('the demo congress and its first plenary, through the pages', () => {
  beforeAll(async () => {
    app = await startAppServer(await buildWebApp());
    congress = { id: app.congressId, scrutineerLogin: 'scrutineer1' };
    [admin, desk, presiding, scrutineer, screen, reader] = await Promise.all([
      openBrowser(DESKTOP),
      openBrowser(DESKTOP),
      openBrowser(DESKTOP),
      openBrowser(DESKTOP),
      openBrowser(SCREEN),
      openBrowser(DESKTOP),
    ]);
    await Promise.all([
      logIn(admin.page, app.url, 'admin', DEMO_PASSWORDS.admin, consolePath(congress, 'sittings')),
      logIn(desk.page, app.url, 'checkin1', DEMO_PASSWORDS['check-in'], `/c/${congress.id}/checkin?desk=1`),
      logIn(presiding.page, app.url, 'presiding', DEMO_PASSWORDS.presiding, `/c/${congress.id}/presiding`),
      screen.page.goto(`${app.url}/c/${congress.id}/screen`),
    ]);
  });

  afterAll(async () => {
    await cleanUp();
  });

  it('the sittings are held in their order; delegates check in at the desk, one asks for leave there, the assistant brings the hall', async () => {
    const page = await go(admin, consolePath(congress, 'sittings'), '[data-testid=sitting-item]');
    // [P3] the preparatory meeting and the opening sitting come first.
    for (const kind of ['preparatory', 'opening'] as const) {
      const panel = await sittingPanel(congress, kind);
      await panel.getByTestId('sitting-open').click();
      await confirm(page);
      await expect.poll(() => panel.getByTestId('sitting-status').textContent()).toBe('进行中');
      await panel.getByTestId('sitting-close').click();
      await confirm(page);
      await expect.poll(() => panel.getByTestId('sitting-status').textContent()).toBe('已结束');
    }
    const sitting = await sittingOf(congress, 'plenary');
    const panel = await sittingPanel(congress, 'plenary');
    await panel.getByTestId('sitting-open').click();
    await confirm(page);
    await expect.poll(() => panel.getByTestId('sitting-status').textContent()).toBe('进行中');

    // The desk: the delegates whose cards the banner prints, by code; one more asks for leave.
    const input = desk.page.getByTestId('desk-input');
    const codes = app.server.demo!.delegateCodes;
    for (const { code, name } of codes.slice(0, 3)) {
      await input.fill(code);
      await input.press('Enter');
      await expect.poll(() => text(desk.page.getByTestId('confirm-name'))).toBe(name);
      expect(await desk.page.getByTestId('confirmation').getAttribute('data-verdict')).toBe('checked-in');
    }
    const onLeave = codes[3]!;
    await input.fill(onLeave.code);
    await desk.page.keyboard.press('F2');
    await desk.page.getByTestId('leave-dialog').waitFor();
    await desk.page.keyboard.press('1'); // 因事
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => desk.page.getByTestId('confirmation').getAttribute('data-verdict')).toBe('leave');
    expect(await text(desk.page.getByTestId('confirm-name'))).toBe(onLeave.name);
    await expect.poll(() => text(desk.page.getByTestId('count-leave'))).toBe('1');
    await screenshot(desk.page, 'demo-desk-leave');

    // The rest of the hall arrives through the assistant; about one in a hundred asks for leave.
    await go(admin, consolePath(congress), '[data-testid=rehearsal-sitting]');
    const line = admin.page.locator(`[data-testid=rehearsal-sitting][data-sitting-id="${sitting.id}"]`);
    await line.getByTestId('rehearsal-checkin').click();
    await settles(() => line.getByTestId('rehearsal-checkin').isDisabled(), true);
    expect(await wholeHallPresent(desk.page)).toBeGreaterThan(0);
    expect(Number(await text(desk.page.getByTestId('count-leave')))).toBeGreaterThan(1);
    expect(await desk.page.getByTestId('quorum').getAttribute('data-met')).toBe('true');
    await expect.poll(() => screen.page.getByTestId('screen-quorum').getAttribute('data-met')).toBe('true');
    await screenshot(screen.page, 'demo-screen-quorum');
  });

  it('the plenary sitting adopts the election method [P4] and the scrutineers [P1] by the votes on its agenda', async () => {
    const present = await wholeHallPresent(desk.page);
    await go(admin, consolePath(congress, 'sittings'), '[data-testid=sitting-item]');
    const panel = await sittingPanel(congress, 'plenary');
    // The congress's bodies (the presidium, the credentials committee) are on its sittings page.
    await admin.page.getByTestId('bodies-card').waitFor();
    for (const subject of ['选举办法', '监票人名单']) {
      const item = panel.getByTestId('agenda-item').filter({ hasText: subject });
      await item.getByTestId('vote-open').click();
      await confirm(admin.page);
      await expect.poll(() => item.getByTestId('vote-panel').getAttribute('data-stage')).toBe('voting');
      await item.getByLabel('赞成', { exact: true }).fill(String(present - 2));
      await item.getByLabel('不赞成', { exact: true }).fill('1');
      await item.getByLabel('弃权', { exact: true }).fill('1');
      await item.getByTestId('vote-close').click();
      await confirm(admin.page);
      await expect.poll(() => item.getByTestId('vote-adopted').textContent()).toBe('通过');
    }
    const page = await go(admin, consolePath(congress, 'elections'), '[data-testid=method]');
    await expect.poll(() => page.getByTestId('method-status').textContent()).toBe('已通过');
  });

  it('every election of the congress: prepared and printed in advance, voted, keyed, counted, announced, on the screen', async () => {
    await scrutineerFor(congress);
    for (const election of await electionsOf(congress.id)) {
      const entered = (
        await db().selectFrom('candidates').select('name').where('election_id', '=', election.id).execute()
      ).map((c) => c.name);
      const outcome = await holdPaperElection(congress, election, entered);
      expect(outcome.elected).toHaveLength(election.seats);
    }
    await screenshot(presiding.page, 'demo-presiding-congress-complete');
  });

  it('[T6][T7] the published lists: members by strokes, alternates by votes', async () => {
    const page = await go(admin, consolePath(congress, 'documents'), '[data-testid=election-documents]');
    for (const outcome of held.values()) {
      const block = page.locator(
        `[data-testid=election-documents][data-election-id="${outcome.electionId}"]`,
      );
      await expect.poll(() => block.getByTestId('doc-list').getAttribute('data-ready')).toBe('true');
      const list = await pdfAt(admin, block.getByTestId('doc-list-pdf'), `${outcome.title} 名单`);
      const expected =
        outcome.office === 'alternate-member'
          ? // [T6] by votes, equal votes by strokes.
            sortByStrokes(outcome.elected).sort((a, b) => outcome.votes.get(b)! - outcome.votes.get(a)!)
          : sortByStrokes(outcome.elected);
      if (outcome.office === 'alternate-member') expect(compact(list)).toContain('按得票多少为序');
      else expect(compact(list)).toContain('按姓氏笔画为序');
      expect(inOrder(list, expected), `${outcome.title}: ${expected.join('、')}`).toBe(true);
      expect(compact(list)).toContain(`共${outcome.elected.length}名`);
      const tally = block.locator(`[data-testid=round-documents][data-round-id="${outcome.roundId}"]`);
      const sheet = await pdfAt(admin, tally.getByTestId('doc-tally-pdf'), `${outcome.title} 计票结果报告单`);
      expect(compact(sheet)).toContain('计票结果报告单');
    }
    // The delegate list and the attendance record, with its 请假 sentence.
    const delegates = await pdfAt(admin, page.getByTestId('doc-delegates-pdf'), '代表名单');
    expect(compact(delegates)).toContain('代表名单');
    const attendance = page.locator('[data-testid=doc-attendance][data-ready=true]');
    const record = await pdfAt(admin, attendance.getByTestId('doc-attendance-pdf'), '出席情况记录');
    expect(compact(record)).toContain('请假');
    expect(compact(record)).toContain('实到');
  });

  it('the first plenary is prepared only with its date, venue and seats [P5]', async () => {
    const page = await go(admin, consolePath(congress, 'elections'), '[data-testid=first-plenary-card]');
    const card = page.getByTestId('first-plenary-card');
    await page.getByTestId('first-plenary-prepare').click();
    // Nothing assumed: the date, the venue and both seat counts are asked for.
    await expect.poll(() => card.locator('.ant-form-item-explain-error').count()).toBe(4);
    await card.locator('#startsOn').fill('2026-11-29');
    await card.locator('#startsOn').press('Enter');
    await card.locator('#venue').fill('示范市会议中心第一会议室');
    await card.locator('#standingCommitteeSeats').fill('11');
    await card.locator('#deputySecretarySeats').fill('2');
    await screenshot(page, 'demo-first-plenary-prepare');
    await page.getByTestId('first-plenary-prepare').click();
    await page.waitForURL(
      (url) => url.pathname.endsWith('/console/elections') && !url.pathname.includes(congress.id),
    );
    const plenaryId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    const row = await db()
      .selectFrom('congresses')
      .select(['starts_on', 'venue', 'title'])
      .where('id', '=', plenaryId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ starts_on: '2026-11-29', venue: '示范市会议中心第一会议室' });
    const elections = await electionsOf(plenaryId);
    plenary = { id: plenaryId, scrutineerLogin: await signingLogin(elections[0]!.id) };

    // Its member list: 委员 by strokes, 候补委员 who attend without a vote (列席) by votes, no delegations.
    const documents = await go(admin, consolePath(plenary, 'documents'), '[data-testid=doc-delegates-pdf]');
    expect(await text(documents.getByTestId('doc-delegates'))).toContain('委员名单');
    const members = await pdfAt(admin, documents.getByTestId('doc-delegates-pdf'), '委员名单');
    expect(compact(members)).toContain(`${row.title}委员名单`);
    expect(compact(members)).not.toContain('代表名单');
    expect(compact(members)).not.toContain('其他');
    const committee = held.get('committee-member')!;
    const alternates = held.get('alternate-member')!;
    expect(compact(members)).toContain(`委员（${committee.elected.length}名）`);
    expect(compact(members)).toContain(`候补委员（列席，${alternates.elected.length}名）`);
    expect(inOrder(members, sortByStrokes(committee.elected))).toBe(true);
    expect(inOrder(members, alternates.elected)).toBe(true);
  });

  it('the plenary: members check in, one on leave, an alternate attends as 列席; the method from the template', async () => {
    const sitting = await db()
      .selectFrom('sittings')
      .select('id')
      .where('congress_id', '=', plenary.id)
      .executeTakeFirstOrThrow();
    const page = await go(admin, consolePath(plenary, 'sittings'), '[data-testid=sitting-item]');
    await page.locator(`[data-testid=sitting-item][data-sitting-id="${sitting.id}"]`).click();
    const panel = page.locator(`[data-testid=sitting-panel][data-sitting-id="${sitting.id}"]`);
    await panel.getByTestId('sitting-open').click();
    await confirm(page);
    await expect.poll(() => panel.getByTestId('sitting-status').textContent()).toBe('进行中');
    // A plenary has no presidium or credentials committee: its sittings page shows none.
    expect(await page.getByTestId('bodies-card').count()).toBe(0);

    const roster = await db()
      .selectFrom('delegates')
      .select(['code', 'name', 'voting_rights', 'capacity'])
      .where('congress_id', '=', plenary.id)
      .orderBy('code')
      .execute();
    const members = roster.filter((d) => d.capacity === 'member');
    const alternate = roster.find((d) => d.capacity === 'alternate')!;
    expect(alternate.voting_rights).toBe(0);
    await desk.page.goto(`${app.url}/c/${plenary.id}/checkin?desk=1`);
    const input = desk.page.getByTestId('desk-input');
    await input.waitFor();
    for (const member of members.slice(0, 2)) {
      await input.fill(member.code);
      await input.press('Enter');
      await expect.poll(() => text(desk.page.getByTestId('confirm-name'))).toBe(member.name);
    }
    // An alternate attends without a vote: checked in as 列席, not counted as present.
    await input.fill(alternate.code);
    await input.press('Enter');
    await expect.poll(() => text(desk.page.getByTestId('confirm-name'))).toBe(alternate.name);
    expect(await desk.page.getByTestId('confirmation').getAttribute('data-verdict')).toBe('no-vote');
    expect(await text(desk.page.getByTestId('confirmation'))).toContain('列席');
    await expect.poll(() => text(desk.page.getByTestId('count-present'))).toBe('2');
    await screenshot(desk.page, 'demo-plenary-desk-alternate');
    // A member on leave, by hand.
    const away = members[2]!;
    await input.fill(away.code);
    await desk.page.keyboard.press('F2');
    await desk.page.getByTestId('leave-dialog').waitFor();
    await desk.page.keyboard.press('2'); // 因病
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => desk.page.getByTestId('confirmation').getAttribute('data-verdict')).toBe('leave');

    await go(admin, consolePath(plenary), '[data-testid=rehearsal-sitting]');
    const line = admin.page.locator('[data-testid=rehearsal-sitting]');
    await line.getByTestId('rehearsal-checkin').click();
    await settles(() => line.getByTestId('rehearsal-checkin').isDisabled(), true);
    expect(await wholeHallPresent(desk.page)).toBeGreaterThan(40);
    // The desk counts the alternate among those attending without a vote.
    expect(await text(desk.page.getByTestId('counts'))).toContain('列席1人');

    // [P4] The method, from the template: standing committee competitive, secretary and deputies equal.
    const elections = await go(admin, consolePath(plenary, 'elections'), '[data-testid=method-card]');
    await elections.getByTestId('method-add').click();
    await elections.getByTestId('method-template').click();
    const body = elections.getByTestId('method-body');
    await expect.poll(() => body.inputValue()).toContain('常务委员会委员实行差额选举');
    const draft = await body.inputValue();
    expect(draft).toContain('书记、副书记实行等额选举');
    expect(draft).toContain('候补委员列席会议，没有表决权');
    expect(draft).not.toMatch(RULE_ID);
    await screenshot(elections, 'demo-plenary-method-template');
    await elections.locator('.ant-modal-footer .ant-btn-primary').click();
    const method = elections.getByTestId('method');
    await method.waitFor();
    const present = await wholeHallPresent(desk.page);
    await method.getByLabel('赞成', { exact: true }).fill(String(present));
    await method.getByLabel('不赞成', { exact: true }).fill('0');
    await method.getByLabel('弃权', { exact: true }).fill('0');
    await method.getByTestId('method-record').click();
    await expect.poll(() => elections.getByTestId('method-status').textContent()).toBe('已通过');
  });

  it('the plenary elects its standing committee, secretary and deputies; one set of officers for the three', async () => {
    const [standing, secretary, deputies] = await electionsOf(plenary.id);
    const officers = new Set(
      (
        await db()
          .selectFrom('election_officers')
          .select('name')
          .where('election_id', '=', standing!.id)
          .execute()
      ).map((o) => o.name),
    );
    const members = (
      await db()
        .selectFrom('delegates')
        .select(['name'])
        .where('congress_id', '=', plenary.id)
        .where('capacity', '=', 'member')
        .orderBy('code')
        .execute()
    )
      .map((d) => d.name)
      .filter((name) => !officers.has(name));
    // The approved order [C3]: as the higher committee's reply lists them, not by strokes.
    const approved = [...members.slice(0, 12)].reverse();

    const panel = await electionPanel(plenary, standing!.id, standing!.title);
    await panel.getByTestId('candidates-edit').click();
    for (const name of approved) {
      await panel.getByPlaceholder('或输入姓名').fill(name);
      await panel.getByPlaceholder('或输入姓名').press('Enter');
    }
    await panel.getByTestId('candidates-save').click();
    await expect.poll(() => panel.getByTestId('candidate-editor').getAttribute('data-editing')).toBe('false');
    // Tellers for the paper ballots, then the same officers for the secretary's and deputies' elections.
    await panel.getByRole('tab', { name: '监计票人员' }).click();
    const editor = panel.getByTestId('officers-editor');
    await editor.getByTestId('officers-edit').click();
    await admin.page.getByTestId('officer-tellers').click();
    for (const teller of ['李晓红', '王建国']) {
      await admin.page.keyboard.type(teller);
      await admin.page.keyboard.press('Enter');
    }
    await admin.page.keyboard.press('Escape');
    await editor.getByTestId('officers-save').click();
    await expect.poll(() => editor.getAttribute('data-editing')).toBe('false');
    await editor.getByTestId('officers-copy').click();
    await expect.poll(() => text(editor.getByTestId('officers-copied'))).toContain('其他2项选举');
    await screenshot(admin.page, 'demo-plenary-officers-copied');

    await go(presiding, `/c/${plenary.id}/presiding`, '[data-testid=election-panel]');
    await scrutineerFor(plenary);
    await screen.page.goto(`${app.url}/c/${plenary.id}/screen`);
    const standingHeld = await holdPaperElection(plenary, standing!, approved);
    expect(standingHeld.elected).toHaveLength(11);

    // Secretary and deputies: equal elections among the standing committee, in the approved order.
    const elected = approved.filter((name) => standingHeld.elected.includes(name));
    for (const [election, names] of [
      [secretary!, elected.slice(0, 1)],
      [deputies!, elected.slice(1, 3)],
    ] as const) {
      const p = await electionPanel(plenary, election.id, election.title);
      await p.getByTestId('candidates-edit').click();
      for (const name of names) {
        await p.getByPlaceholder('或输入姓名').fill(name);
        await p.getByPlaceholder('或输入姓名').press('Enter');
      }
      await p.getByTestId('candidates-save').click();
      await expect.poll(() => p.getByTestId('candidate-editor').getAttribute('data-editing')).toBe('false');
      const outcome = await holdPaperElection(plenary, election, names);
      expect(outcome.elected).toEqual(names);
    }
    await screenshot(presiding.page, 'demo-presiding-plenary-complete');
  });

  it('[T7] the plenary’s lists in the approved order; the discipline commission’s result adopted', async () => {
    const page = await go(admin, consolePath(plenary, 'documents'), '[data-testid=election-documents]');
    for (const office of ['standing-committee', 'secretary', 'deputy-secretary']) {
      const outcome = held.get(office)!;
      const block = page.locator(
        `[data-testid=election-documents][data-election-id="${outcome.electionId}"]`,
      );
      await expect.poll(() => block.getByTestId('doc-list').getAttribute('data-ready')).toBe('true');
      const list = await pdfAt(admin, block.getByTestId('doc-list-pdf'), `${outcome.title} 名单`);
      const approved = outcome.entered.filter((name) => outcome.elected.includes(name));
      expect(inOrder(list, approved), `${outcome.title}: ${approved.join('、')}`).toBe(true);
      expect(compact(list)).not.toContain('按姓氏笔画为序');
      const tally = block.locator(`[data-testid=round-documents][data-round-id="${outcome.roundId}"]`);
      await pdfAt(admin, tally.getByTestId('doc-tally-pdf'), `${outcome.title} 计票结果报告单`);
    }
    const attendance = page.locator('[data-testid=doc-attendance][data-ready=true]');
    const record = await pdfAt(admin, attendance.getByTestId('doc-attendance-pdf'), '全会出席情况记录');
    expect(compact(record)).toContain('请假');

    const discipline = held.get('discipline-member')!.elected;
    const elections = await go(admin, consolePath(plenary, 'elections'), '[data-testid=discipline-card]');
    const card = elections.getByTestId('discipline-card');
    await card.locator('#standing').fill(discipline.slice(0, 7).join('、'));
    await card.locator('#secretary').fill(discipline[0]!);
    await card.locator('#deputies').fill(discipline.slice(1, 3).join('、'));
    await card.getByText('记录全会通过').click();
    await elections.getByText('已记录纪委一次全会选举结果').waitFor();
  });

  it('the news is published: the congress’s and the plenary’s; the portal sets the lists in columns', async () => {
    const published: string[] = [];
    for (const [meeting, kind] of [
      [congress, 'closing'],
      [plenary, 'first-plenary'],
    ] as const) {
      const page = await go(admin, consolePath(meeting, 'news'), `[data-testid=news-generate-${kind}]`);
      await page.getByTestId(`news-generate-${kind}`).click();
      const title = page.getByTestId('news-title-zh');
      await title.waitFor();
      const heading = await title.inputValue();
      await page.getByTestId('news-save').click();
      const row = page.locator('[data-testid=news-item]', { hasText: heading });
      await row.waitFor();
      await row.getByTestId('news-publish').click();
      await page.getByTestId('news-publish-ok').click();
      await expect.poll(() => row.getAttribute('data-status')).toBe('published');
      published.push(heading);
    }

    // The home page leads to the news; the portal lists both.
    const home = reader.page;
    await home.goto(`${app.url}/`);
    const entry = home.getByTestId('entry-news');
    await entry.waitFor();
    expect(await entry.locator('a').getAttribute('href')).toBe('/news');
    await entry.locator('a').click();
    await home.waitForURL((url) => url.pathname === '/news');
    for (const heading of published) await home.locator('ul.items a', { hasText: heading }).waitFor();
    // The congress's news carries the lists of those elected.
    await home.locator('ul.items a', { hasText: published[0]! }).click();
    await home.locator('h1.title').waitFor();
    // The lists of those elected: whole names in columns, as the press sets them.
    const names = home.locator('.body ul.names li');
    await expect.poll(() => names.count()).toBeGreaterThan(10);
    const wraps = await home.evaluate(`[...document.querySelectorAll('.body ul.names li')]
      .filter((li) => li.getClientRects().length > 1 || li.scrollWidth > li.clientWidth + 1).length`);
    expect(wraps).toBe(0);
    await home.locator('.body ul.names').first().scrollIntoViewIfNeeded();
    await screenshot(home, 'demo-portal-closing-lists');
    await home.goto(`${app.url}${new URL(home.url()).pathname}?lang=en`);
    await home.locator('h1.title').waitFor();
    await screenshot(home, 'demo-portal-closing-en');
    await home.goto(`${app.url}/news`);
    await home.locator('ul.items a', { hasText: published[1]! }).click();
    await home.locator('h1.title').waitFor();
    await screenshot(home, 'demo-portal-communique');
  });

  it('reads well in English: "1 seat", whole menu items, Latin quotes', async () => {
    const page = await go(
      admin,
      `${consolePath(plenary, 'elections')}?lang=en`,
      '[data-testid=election-table]',
    );
    const table = await text(page.getByTestId('election-table'));
    expect(table).toContain('1 seat');
    expect(table).not.toMatch(/\b1 seats\b/);
    // Every item of the sidebar shows whole (a long one wraps rather than ending in …).
    const cut = await page.evaluate(`[...document.querySelectorAll('.console-menu .ant-menu-title-content')]
      .filter((item) => item.scrollWidth > item.clientWidth + 1).map((item) => item.textContent)`);
    expect(cut).toEqual([]);
    // A Latin face first, so ’ is not drawn as a full-width Chinese quote ("plenary’ s").
    const font = await page.evaluate(`getComputedStyle(document.querySelector('.console-menu')).fontFamily`);
    expect(String(font)).toMatch(/^"?Helvetica Neue/);
    await screenshot(page, 'demo-en-console-elections');
  });

  it('the documents speak the regulations’ words: no rule ids on paper', () => {
    expect(documents.length).toBeGreaterThan(15);
    const withIds = documents
      .filter((d) => RULE_ID.test(d.text))
      .map((d) => `${d.name}: ${d.text.match(RULE_ID)![0]}`);
    expect(withIds).toEqual([]);
  });

  it('no page logged an error', () => {
    const problems = [admin, desk, presiding, scrutineer, screen, reader]
      .flatMap((b) => b.problems)
      // 404s are the desk's name searches (a name is tried as a code first): answers, not errors.
      .filter((p) => !p.includes('404'));
    expect(problems).toEqual([]);
  });
});

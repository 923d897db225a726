import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/adapters/http/server.ts';
import { serveWebApp } from '../../src/adapters/http/web-static.ts';
import { migrate, openDatabase } from '../../src/persistence/index.ts';
import { checkIn } from '../../src/services/attendance/check-in.ts';
import { closeVote, openVote } from '../../src/services/congress/adoption-votes.ts';
import { createAgendaItem } from '../../src/services/congress/agenda.ts';
import { type ElectronicFixture, seedElectronicRound } from '../services/ballots/electronic/fixtures.ts';
import { SYSTEM } from '../support/http.ts';
import {
  browserAvailable,
  buildWebApp,
  cleanUp,
  holdEventStream,
  openBrowser,
  screenshot,
} from './harness.ts';

// The delegate's light page (vote.html, issue 15) in a real browser against the real server: a
// phone logs in with the code on its card, marks the ballot, reviews it and casts it, and gets its
// receipt — in Chinese and in English — while fetching none of the console's scripts.

let fixture: ElectronicFixture;
let server: RunningServer;
let origin: string;
let dataDir: string;
const PHONE = { width: 390, height: 844 };

describe.skipIf(!browserAvailable)("the delegate's light voting page", () => {
  beforeAll(async () => {
    const webRoot = await buildWebApp();
    dataDir = await mkdtemp(path.join(tmpdir(), 'plenum-vote-light-'));
    const database = await openDatabase({ dataDir });
    await migrate(database);
    fixture = await seedElectronicRound(database, { tag: 'light', delegates: 3, candidates: 4, seats: 2 });
    await database.close();
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
    origin = `http://localhost:${server.port}`;
  });

  afterAll(async () => {
    await cleanUp();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  for (const [i, lang] of (['zh', 'en'] as const).entries()) {
    it(`a phone votes and gets its receipt (${lang})`, async () => {
      const { page, problems } = await openBrowser(PHONE, lang === 'zh' ? 'zh-CN' : 'en-US');
      const fetched: string[] = [];
      page.on('response', (response) => fetched.push(new URL(response.url()).pathname));
      await page.goto(`${origin}/c/${fixture.congressId}/vote?lang=${lang}`);
      await page.getByTestId('vote-code').fill(fixture.delegates[i]!.credential);
      await page.getByTestId('vote-login').click();
      await expect
        .poll(() => page.locator('.vote-hello').textContent())
        .toContain(fixture.delegates[i]!.name);
      const rows = page.getByTestId('ballot-row');
      await expect.poll(() => rows.count()).toBe(fixture.candidates.length);
      await rows.nth(0).locator('[data-choice=F]').click();
      await rows.nth(1).locator('[data-choice=A]').click();
      expect(await page.getByTestId('vote-count').textContent()).toBe(
        lang === 'zh' ? '已赞成 1 名，最多 2 名' : 'For: 1 of at most 2',
      );
      await screenshot(page, `${lang}-phone-light-vote-ballot`);
      await page.getByTestId('vote-next').click();
      const review = page.getByTestId('vote-review');
      await review.waitFor();
      expect(await review.locator('[data-choice=F]').count()).toBe(1);
      expect(
        await review.locator(`[data-candidate="${fixture.candidates[1]}"]`).getAttribute('data-choice'),
      ).toBe('A');
      await screenshot(page, `${lang}-phone-light-vote-review`);
      await page.getByTestId('vote-cast').click();
      const receipt = page.getByTestId('receipt');
      await receipt.waitFor();
      expect(await receipt.textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      await screenshot(page, `${lang}-phone-light-vote-receipt`);
      expect(await page.locator('h1').textContent()).toBe(lang === 'zh' ? '电子投票' : 'Electronic voting');
      // One live stream for the whole page, though its ballots and its sitting papers both follow
      // the congress: a hall of 3,000 phones holds 3,000 streams, not 6,000.
      expect(fetched.filter((p) => p === `/api/congresses/${fixture.congressId}/events`)).toHaveLength(1);
      // The light page and nothing of the console: one script, one style sheet.
      const assets = fetched.filter((p) => p.startsWith('/assets/'));
      expect(assets.filter((p) => p.endsWith('.js'))).toHaveLength(1);
      expect(
        assets.some((p) => /antd|echarts|index-/.test(p)),
        assets.join(' '),
      ).toBe(false);
      expect(problems).toEqual([]);
    });
  }

  it('a phone reads the sitting papers and votes on a resolution', async () => {
    const context = server.context;
    const { congressId, sittingId } = fixture;
    await createAgendaItem(context, SYSTEM, congressId, sittingId, {
      kind: 'report',
      title: '关于大会选举工作的说明',
      presenter: '大会秘书处',
      body: '各位代表：\n\n一、选举方式采用无记名投票。',
    });
    const item = await createAgendaItem(context, SYSTEM, congressId, sittingId, {
      kind: 'adoption-vote',
      title: '通过关于大会选举工作的说明',
      vote: { mode: 'electronic' },
    });
    const { id: voteId } = await context.database.db
      .selectFrom('adoption_votes')
      .select('id')
      .where('agenda_item_id', '=', item.id)
      .executeTakeFirstOrThrow();
    // An electronic vote on an agenda item counts those checked in to the sitting.
    const voter = fixture.delegates[2]!;
    await checkIn(context, SYSTEM, { congressId, sittingId, delegate: { code: voter.code }, desk: '1' });
    const { page, problems } = await openBrowser(PHONE);
    // The phone's event stream is held back until the vote has opened: the page must read again
    // what changed before its stream connected (a slow network, a phone waking up).
    const stream = await holdEventStream(page);
    await page.goto(`${origin}/c/${congressId}/vote`);
    await page.getByTestId('vote-code').fill(voter.credential);
    await page.getByTestId('vote-login').click();
    await page.getByTestId('vote-papers').waitFor();
    // The sitting's papers are shown, read before the vote opened.
    await page.locator('[data-testid=vote-paper][data-item="关于大会选举工作的说明"]').waitFor();
    await openVote(context, SYSTEM, congressId, voteId);
    expect(stream.held()).toBeGreaterThan(0);
    stream.release();
    const ballot = page.getByTestId('vote-adoption');
    await ballot.waitFor();
    await page.locator('[data-testid=vote-paper][data-item="关于大会选举工作的说明"]').click();
    await page.getByText('一、选举方式采用无记名投票。').waitFor();
    await ballot.locator('[data-choice=against]').click();
    await ballot.getByTestId('vote-adoption-cast').click();
    await page.getByTestId('vote-adoption-confirm').click();
    // Voted, or refused: a refusal is shown in the ballot, and the test says which.
    await ballot.locator('[data-testid=vote-adoption-done], .v-error').first().waitFor();
    expect(await ballot.locator('.v-error').count(), (await ballot.textContent()) ?? '').toBe(0);
    await screenshot(page, 'zh-phone-light-vote-papers');
    const closed = await closeVote(context, SYSTEM, congressId, voteId);
    expect(closed).toMatchObject({ votesFor: 0, votesAgainst: 1, state: 'closed' });
    expect(problems).toEqual([]);
  });
});

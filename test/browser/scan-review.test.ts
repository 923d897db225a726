import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imagePdf } from '../../scripts/omr/deck.ts';
import { tearCorner } from '../../scripts/omr/degrade.ts';
import { type RunningServer, startServer } from '../../src/adapters/http/server.ts';
import { serveWebApp } from '../../src/adapters/http/web-static.ts';
import { migrate } from '../../src/persistence/index.ts';
import { paperReconciliation } from '../../src/services/ballots/paper/paper-views.ts';
import { scanOverview } from '../../src/services/ballots/scanned/scan-views.ts';
import {
  DPI,
  jpeg,
  markAndScan,
  png,
  printedSheets,
  type ScanSetup,
  scanCongress,
} from '../services/ballots/scanned/scan-fixtures.ts';
import { openAt } from '../support/databases.ts';
import {
  browserAvailable,
  buildWebApp,
  cleanUp,
  logIn,
  type OpenBrowser,
  openBrowser,
  screenshot,
  settles,
} from './harness.ts';

// Scanned paper ballots in the console (issue 14): a teller uploads the scanner's files (a
// two-page PDF, a PNG, a JPEG with a torn corner and its rescan), sets the rejected sheet aside,
// and reviews only the flagged boxes — a tick and a name written in; a second teller decides the
// same boxes without seeing the first's decisions [P2]; where they differ a scrutineer settles it on
// the scrutineer's page, which shows the statistics, and the scanned sheets flow into the count of
// ballots returned [B2].

let s: ScanSetup;
let server: RunningServer;
let url: string;
let dataDir: string;
let files: string;

beforeAll(async () => {
  if (!browserAvailable) return;
  const webRoot = await buildWebApp();
  dataDir = await mkdtemp(path.join(tmpdir(), 'plenum-scan-web-'));
  files = await mkdtemp(path.join(tmpdir(), 'plenum-scan-files-'));
  const database = await openAt({ dataDir });
  await migrate(database);
  s = await scanCongress(database);
  const printed = await printedSheets(s);
  const page = printed.pages[0]!;
  const scan = (marks: Parameters<typeof markAndScan>[2], seed: number) =>
    markAndScan(page, printed.geometry, marks, { seed });
  // Columns in ballot order: 丁宁 王刚 李强 张伟 赵敏.
  const plain = scan({ marks: ['for', 'for', 'for', 'empty', 'empty'] }, 1);
  const tick = scan({ marks: ['for', 'tick', 'empty', 'against', 'empty'] }, 2);
  const writeIn = scan(
    { marks: ['for', 'for', 'empty', 'empty', 'empty'], writeIns: [{ box: 0, mark: 'for' }] },
    3,
  );
  const torn = scan({ marks: ['empty', 'for', 'for', 'empty', 'empty'] }, 4);
  tearCorner(torn, 2, 300);
  const rescan = scan({ marks: ['empty', 'for', 'for', 'empty', 'empty'] }, 5);
  const pdfPage = async (raster: typeof plain) => ({
    image: await jpeg(raster),
    widthPt: (raster.width / DPI) * 72,
    heightPt: (raster.height / DPI) * 72,
  });
  await writeFile(
    path.join(files, 'batch-1.pdf'),
    await imagePdf([await pdfPage(plain), await pdfPage(tick)]),
  );
  await writeFile(path.join(files, 'sheet-3.png'), await png(writeIn));
  await writeFile(path.join(files, 'sheet-4.jpg'), await jpeg(torn));
  await writeFile(path.join(files, 'sheet-4-again.jpg'), await jpeg(rescan));
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
  url = `http://localhost:${server.port}`;
});

afterAll(async () => {
  await cleanUp();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (files) await rm(files, { recursive: true, force: true });
});

/** A teller's browser on the scan desk, reached from the teller's page. */
async function tellerDesk(username: string): Promise<Page> {
  const open: OpenBrowser = await openBrowser();
  const page = open.page;
  await logIn(page, url, username, `${username}-password`, `/c/${s.congressId}/teller`);
  await page.getByTestId('teller-scan-link').click();
  await page.waitForURL((u) => u.pathname === `/c/${s.congressId}/scan`);
  await page.getByTestId('scan-upload').waitFor();
  return page;
}

const remaining = (page: Page) => page.getByTestId('scan-remaining').textContent();

/** Decides the box on show: the tick one way, the write-in as for 刘洋. */
async function decideShown(page: Page, tickAs: 'for' | 'unreadable'): Promise<void> {
  const title = (await page.getByTestId('scan-item-title').textContent()) ?? '';
  await page.getByTestId('scan-crop').waitFor();
  if (title.includes('另选人')) {
    // A write-in read as for without a name is stopped at the page.
    await page.getByTestId('scan-mark-for').click();
    await page.getByText('请填写所写的姓名').waitFor();
    await page.getByTestId('scan-name').fill('刘洋');
    await page.getByTestId('scan-mark-for').click();
  } else {
    expect(title).toContain('王刚');
    await page.getByTestId(`scan-mark-${tickAs}`).click();
  }
}

describe.skipIf(!browserAvailable)('scanned ballots in the console', () => {
  it('[B2] [P2] uploads scans, reviews only the flagged boxes by two tellers, and the scrutineers see the count', async () => {
    const teller1 = await tellerDesk('teller1');
    await teller1
      .getByTestId('scan-file-input')
      .setInputFiles(['batch-1.pdf', 'sheet-3.png', 'sheet-4.jpg'].map((f) => path.join(files, f)));
    await settles(() => teller1.getByTestId('scan-upload-result').count(), 3);
    const results = await teller1.getByTestId('scan-upload-result').allTextContents();
    expect(results[0]).toContain('batch-1.pdf：2张，识读2张，待复核1处');
    expect(results[1]).toContain('sheet-3.png：1张，识读1张，待复核1处');
    expect(results[2]).toContain('缺少角部定位标记');
    // The torn sheet is rejected whole; it is scanned again and set aside as rescanned.
    await teller1.getByTestId('scan-rejected-sheet').waitFor();
    await teller1.getByTestId('scan-file-input').setInputFiles(path.join(files, 'sheet-4-again.jpg'));
    await settles(
      async () => (await teller1.getByTestId('scan-upload-result').allTextContents()).join(),
      'sheet-4-again.jpg：1张，识读1张，待复核0处',
    );
    await teller1.getByTestId('scan-rejected-sheet').getByText('已重新扫描').click();
    await teller1.getByText('没有待处理的拒读选票').waitFor();

    // Review by exception: two boxes, the tick and the write-in, each with the sheet beside it.
    await settles(() => remaining(teller1), '待我判定：2处');
    await teller1.getByTestId('scan-sheet-image').first().waitFor();
    await screenshot(teller1, 'scan-review-teller');
    await decideShown(teller1, 'for');
    await settles(() => remaining(teller1), '待我判定：1处');
    await decideShown(teller1, 'for');
    await teller1.getByTestId('scan-review-done').waitFor();

    // The second teller sees the same two boxes and decides them apart; the tick differently.
    const teller2 = await tellerDesk('teller2');
    await settles(() => remaining(teller2), '待我判定：2处');
    await decideShown(teller2, 'unreadable');
    await settles(() => remaining(teller2), '待我判定：1处');
    await decideShown(teller2, 'unreadable');
    await teller2.getByTestId('scan-review-done').waitFor();

    // Voting ends; the scrutineer sees the statistics and settles the box the tellers differ on.
    await s.world.setRoundStatus(s.roundId, 'closed', { ballotsIssued: 5 });
    const scrutineer = (await openBrowser()).page;
    await logIn(scrutineer, url, 'scrutineer1', 'scrutineer1-password', `/c/${s.congressId}/scrutineer`);
    // The election under way and its latest round are shown without choosing.
    const stat = (key: string) => scrutineer.getByTestId(`scan-stat-${key}`).textContent();
    await scrutineer.getByTestId('scan-statistics').waitFor();
    await settles(() => stat('read'), '4');
    expect(await stat('scanned')).toBe('5');
    expect(await stat('rejected')).toBe('1');
    expect(await stat('setAside')).toBe('1');
    expect(await stat('reviewed')).toBe('2');
    expect(await stat('agreed')).toBe('1');
    expect(await stat('disagreed')).toBe('1');
    expect(await stat('pending')).toBe('1');
    const disagreement = scrutineer.getByTestId('scan-disagreements');
    await disagreement.getByText('teller1：赞成 ○').waitFor();
    await disagreement.getByText('teller2：无法辨认').waitFor();
    await disagreement.getByRole('button', { name: '无法辨认' }).click();
    await settles(() => stat('resolved'), '1');
    await disagreement.getByText('scrutineer1已裁定为：无法辨认').waitFor();
    expect(await stat('pending')).toBe('0');
    expect(await stat('counted')).toBe('4');
    expect(await stat('writeIns')).toBe('1');
    await scrutineer.getByText('扫描选票已全部处理完毕，计入计票结果').waitFor();
    await screenshot(scrutineer, 'scan-statistics-scrutineer');

    // [B2] The scanned sheets are the ballots returned: 4 of the 5 issued.
    const reconciliation = await paperReconciliation(s.context, s.congressId, s.roundId);
    expect(reconciliation.reconciliation).toMatchObject({ rule: 'B2', issued: 5, returned: 4, valid: true });
    await settles(() => scrutineer.getByTestId('scr-reconciliation').getAttribute('data-valid'), 'true');
    const overview = await scanOverview(s.context, s.congressId, s.roundId);
    expect(overview.files.map((f) => [f.filename, f.source, f.uploadedBy]).sort()).toEqual([
      ['batch-1.pdf', 'upload', 'teller1'],
      ['sheet-3.png', 'upload', 'teller1'],
      ['sheet-4-again.jpg', 'upload', 'teller1'],
      ['sheet-4.jpg', 'upload', 'teller1'],
    ]);
  });
});

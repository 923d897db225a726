import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { type RunningServer, startServer } from '../../src/adapters/http/server.ts';
import { serveWebApp } from '../../src/adapters/http/web-static.ts';

// Browser tests: the web application built with Vite, served by a real server (temporary SQLite
// database with the demonstration congress) on a free port, driven by Debian's chromium through
// playwright-core with the flags of DEVELOPERS.md and a fresh profile per browser.

export const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.PLENUM_CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = path.join(REPOSITORY, 'test-output', 'screenshots');

/** Without chromium the browser tests are skipped with a warning, except on CI. */
// In CI (.ci/run sets PLENUM_REQUIRE_BROWSER) a missing chromium fails the tests instead of skipping them.
export const browserAvailable =
  existsSync(CHROMIUM) || process.env.CI !== undefined || process.env.PLENUM_REQUIRE_BROWSER === '1';
if (!browserAvailable)
  console.warn(`browser tests skipped: no chromium at ${CHROMIUM} (set PLENUM_CHROMIUM)`);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

const cleanups: (() => Promise<void>)[] = [];

/**
 * How long one wait may see nothing happen before the test fails: a page that has not reached the
 * state it waits for, an action that cannot be done. Sized for a loaded machine (load average
 * ≈ 10 on two cores), not a quiet one: a wait ends as soon as its state is reached, so a generous
 * bound costs nothing when all is well. Long work that shows its progress (ballots keyed, electors
 * voting) waits with `settles`, which keeps waiting as long as the progress moves.
 */
export const STALL_MS = 180_000;

/** Builds the web application into a temporary folder (the real dist/web is left alone). */
export async function buildWebApp(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'plenum-web-build-'));
  cleanups.push(() => rm(outDir, { recursive: true, force: true }));
  await build({
    configFile: path.join(REPOSITORY, 'src/adapters/web/vite.config.ts'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  // The delegate's light page, built on its own into the same folder (as `npm run build:web`).
  await build({
    configFile: path.join(REPOSITORY, 'src/adapters/web/vite.vote.config.ts'),
    build: { outDir, emptyOutDir: false },
    logLevel: 'warn',
  });
  return outDir;
}

export interface AppServer {
  readonly server: RunningServer;
  readonly url: string;
  readonly congressId: string;
}

/** A real server with the demo congress, serving the build in webRoot. */
export async function startAppServer(webRoot: string): Promise<AppServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'plenum-web-data-'));
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const server = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    seed: 'demo',
    extend: (app) => serveWebApp(app, webRoot),
    output: quiet,
    handleSignals: false,
    env: {},
  });
  cleanups.push(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  if (!server.demo) throw new Error('the demo congress was not loaded');
  return { server, url: `http://localhost:${server.port}`, congressId: server.demo.congressId };
}

export interface OpenBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and page errors seen so far (a page should have none). */
  readonly problems: string[];
}

/** A browser of its own (one per desk: two desks are two machines), with a fresh profile. */
export async function openBrowser(
  viewport = { width: 1440, height: 900 },
  locale = 'zh-CN',
): Promise<OpenBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'plenum-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    locale,
    timezoneId: 'Asia/Shanghai',
    timeout: STALL_MS,
    // The pages honour it (lib/use-reduced-motion.ts): pop-ups open and close at once, so that on
    // a loaded machine no click lands on one still zooming in or fading out.
    reducedMotion: 'reduce',
  });
  // Every click, fill and waitFor waits for its element's state, up to the stall bound.
  context.setDefaultTimeout(STALL_MS);
  context.setDefaultNavigationTimeout(STALL_MS);
  cleanups.push(async () => {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Logs in through the login page and lands on `next`. */
export async function logIn(
  page: Page,
  base: string,
  username: string,
  password: string,
  next: string,
): Promise<void> {
  await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await settled(page);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * The page at rest: fonts loaded, every finite animation and transition finished (a drawer slid
 * in, a message faded), and a frame drawn after them — waited for, not guessed at with a timer.
 * Endless animations (spinners) are not waited for.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate('document.fonts.ready');
  await page.evaluate(`Promise.all(
    document.getAnimations()
      .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
      .map((a) => a.finished.catch(() => undefined)),
  ).then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))`);
}

/** Closes browsers, the server and temporary folders, last opened first. */
export async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const next = cleanups.pop()!;
    await next().catch((error) => console.warn('cleanup failed:', error));
  }
}

/**
 * Waits until `read` gives `expected`, for as long as what it reads keeps changing: it fails only
 * when nothing has changed for `stallMs` (ballots still being keyed or cast on a loaded machine
 * are progress, not a failure). Also for hooks, where expect.poll is not allowed.
 */
export async function settles<T>(read: () => Promise<T>, expected: T, stallMs = STALL_MS): Promise<void> {
  let last: T | undefined;
  let seen = JSON.stringify(undefined);
  let changedAt = Date.now();
  for (;;) {
    last = await read().catch(() => undefined);
    if (last === expected) return;
    const now = JSON.stringify(last);
    if (now !== seen) {
      seen = now;
      changedAt = Date.now();
    } else if (Date.now() - changedAt > stallMs) {
      throw new Error(
        `waited for ${JSON.stringify(expected)}: still ${now} after ${stallMs / 1000} s without a change`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until `read` gives `expected` (for hooks, where expect.poll is not allowed). */
export const until = settles;

/**
 * Opens `path` of the app in `lang` (the ?lang= switch) and waits until `ready` (a selector)
 * shows: how the screenshot tests visit a page.
 */
export async function visitIn(
  app: AppServer,
  browser: OpenBrowser,
  path: string,
  lang: 'zh' | 'en',
  ready: string,
): Promise<Page> {
  await browser.page.goto(`${app.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  await browser.page.locator(ready).first().waitFor();
  return browser.page;
}

/**
 * Picks the option showing `text` in an antd Select and waits until the Select shows it as chosen.
 * On a loaded machine a click can land while the dropdown is still opening and be lost; the pick
 * is then made again, until the Select shows it (or nothing has worked for the stall bound),
 * rather than the test going on with nothing chosen.
 */
export async function chooseOption(page: Page, select: Locator, text: string): Promise<void> {
  // The test id may sit on the Select's root or on its input; its root shows the chosen label.
  const shown = () =>
    select.evaluate((element) => (element.closest('.ant-select') ?? element).textContent ?? '');
  for (const deadline = Date.now() + STALL_MS; Date.now() < deadline; ) {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
    // The option is there once the dropdown has rendered it; a click lost in the opening is
    // seen below (the Select does not show it) and made again.
    await option.first().waitFor();
    await option
      .first()
      .click()
      .catch(() => undefined);
    for (let look = 0; look < 20; look++) {
      if ((await shown()).includes(text)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the select did not take the option ${JSON.stringify(text)}`);
}

/**
 * Confirms the Popconfirm just opened: its primary button, in the pop-up that is neither hidden
 * nor still fading out after an earlier confirmation. On a loaded machine the earlier pop-up's
 * leave animation can outlast the next click, and a click on it is lost; waiting for the one
 * that is open avoids that.
 */
export async function confirmPopup(page: Page): Promise<void> {
  const open = page.locator(
    '.ant-popover:not(.ant-popover-hidden):not([class*="-leave"]) .ant-popconfirm-buttons .ant-btn-primary',
  );
  await open.click();
}

/**
 * Waits until `target` shows inside `scope`; if the scope shows an error first (the request the
 * step made was refused), fails at once with the error's text rather than waiting out the stall
 * bound with nothing to say.
 */
export async function appearsIn(scope: Locator, target: Locator): Promise<void> {
  const error = scope.locator('.ant-alert-error');
  await target.or(error).first().waitFor();
  if (await error.count()) {
    const message = (await error.first().textContent())?.trim();
    if (!(await target.count())) throw new Error(`the page shows an error: ${message}`);
  }
}

export interface HeldStream {
  /** Requests for the page's event stream held so far. */
  readonly held: () => number;
  /** Lets the held stream, and every later one, through. */
  readonly release: () => void;
}

/**
 * Holds the page's live-update stream (`**\/events`) back until released: as on a slow network or
 * a phone waking up, what changes meanwhile reaches the page only if it reads again once the
 * stream connects, since a new stream is not sent what came before it.
 */
export async function holdEventStream(page: Page): Promise<HeldStream> {
  let letThrough!: () => void;
  const released = new Promise<void>((resolve) => (letThrough = resolve));
  let held = 0;
  await page.route('**/events', async (route) => {
    held++;
    await released;
    await route.continue();
  });
  return {
    held: () => held,
    // The route stays: unrouting while a held request's handler is pending makes Playwright
    // handle that request twice ("Route is already handled"). Released, it lets everything by.
    release: letThrough,
  };
}

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
export const browserAvailable = existsSync(CHROMIUM) || process.env.CI !== undefined;
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

/** Builds the web application into a temporary folder (the real dist/web is left alone). */
export async function buildWebApp(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'plenum-web-build-'));
  cleanups.push(() => rm(outDir, { recursive: true, force: true }));
  await build({
    configFile: path.join(REPOSITORY, 'src/adapters/web/vite.config.ts'),
    build: { outDir, emptyOutDir: true },
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
  });
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
  // Let fonts, charts and transitions settle.
  await page.evaluate('document.fonts.ready');
  await page.waitForTimeout(350);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Closes browsers, the server and temporary folders, last opened first. */
export async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const next = cleanups.pop()!;
    await next().catch((error) => console.warn('cleanup failed:', error));
  }
}

/** Waits until `read` gives `expected` (for hooks, where expect.poll is not allowed). */
export async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined);
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${JSON.stringify(expected)}; last saw ${JSON.stringify(last)}`);
}

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
  await browser.page.locator(ready).first().waitFor({ timeout: 15_000 });
  return browser.page;
}

/**
 * Picks the option showing `text` in an antd Select and waits until the Select shows it as chosen.
 * On a loaded machine a click can land while the dropdown is still opening and be lost; the pick
 * is then made again rather than the test going on with nothing chosen.
 */
export async function chooseOption(page: Page, select: Locator, text: string, attempts = 4): Promise<void> {
  // The test id may sit on the Select's root or on its input; its root shows the chosen label.
  const shown = () =>
    select.evaluate((element) => (element.closest('.ant-select') ?? element).textContent ?? '');
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
    await option
      .first()
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    for (const deadline = Date.now() + 2_000; Date.now() < deadline; ) {
      if ((await shown()).includes(text)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`the select did not take the option ${JSON.stringify(text)}`);
}

import { configDefaults, defineConfig } from 'vitest/config';

// Two projects. Unit, property and integration tests have a budget that only catches a hang (a
// test that hangs is a bug): five minutes, far above what any takes on a quiet machine (the
// slowest, restoring whole demo backups through the CLI, take under a minute), so that a busy CI
// machine slows them without failing them. Browser tests drive a whole hall through Chromium; on a loaded machine (load average
// ≈ 10 on two cores) one can take many minutes and still be making progress, so their budgets
// are not sized for a quiet machine: each of their waits is bounded instead by the page's state
// changing (test/browser/harness.ts: STALL_MS, `settles`), and the per-test budget only stops a
// run that is truly stuck.
const BROWSER_TEST_MS = 60 * 60_000;
const BROWSER_POLL_MS = 180_000;

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
          testTimeout: 5 * 60_000,
          hookTimeout: 10 * 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: BROWSER_TEST_MS,
          hookTimeout: BROWSER_TEST_MS,
          // expect.poll waits for a page's state: bounded like every other wait of a browser test.
          expect: { poll: { timeout: BROWSER_POLL_MS, interval: 100 } },
        },
      },
    ],
  },
});

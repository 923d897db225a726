import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL } from '../../../src/adapters/cli/scan-watch-command.ts';
import { scanOverview } from '../../../src/services/ballots/scanned/scan-views.ts';
import {
  jpeg,
  markAndScan,
  printedSheets,
  type ScanSetup,
  scanCongress,
} from '../../services/ballots/scanned/scan-fixtures.ts';
import { openMigrated, testDatabase } from '../../support/databases.ts';
import { type TestApp, testApp } from '../../support/http.ts';
import { expectUsageError, REPO_ROOT, runCli } from './run-cli.ts';

// `plenum scan watch DIR --server URL`: the scanner's computer logs in as a teller and uploads each
// new scan in the folder once, against a real server on a real port (issue 14, item 2).

const BIN = fileURLToPath(new URL('../../../bin/plenum.js', import.meta.url));

let s: ScanSetup;
let server: TestApp;
let url: string;
let dir: string;
let sheets: Buffer[];

beforeAll(async () => {
  s = await scanCongress(await openMigrated(testDatabase.sqlite));
  const printed = await printedSheets(s);
  sheets = await Promise.all(
    [
      { marks: ['for', 'for', 'empty', 'empty', 'against'] as const },
      { marks: ['empty', 'for', 'for', 'tick', 'empty'] as const },
    ].map((marks, i) => jpeg(markAndScan(printed.pages[0]!, printed.geometry, marks, { seed: 60 + i }))),
  );
  server = await testApp(s.database);
  url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  dir = await mkdtemp(path.join(tmpdir(), 'plenum-scan-watch-'));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The watcher as a child process; `until` waits for a text on its stdout (the watcher's state). */
function watcher(args: readonly string[], password = 'teller1-password') {
  const child = spawn(process.execPath, [BIN, 'scan', 'watch', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  child.stdin.end(`${password}\n`);
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    stop: () => child.kill('SIGTERM'),
    until: (text: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (stdout.includes(text)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        exited.then(() => reject(new Error(`the watcher exited before "${text}": ${stdout} ${stderr}`)));
        check();
      }),
  };
}

describe('plenum scan watch', () => {
  it('logs in as a teller and uploads each new scan in the folder once', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'not a scan');
    await writeFile(path.join(dir, 'sheet-1.jpg'), sheets[0]!);
    const watch = watcher([
      dir,
      '--server',
      url,
      '--user',
      'teller1',
      '--password-stdin',
      '--interval',
      '0.2',
    ]);
    await watch.until('sheet-1.jpg: 1 sheet(s), 1 read');
    // A second scan appears while it watches; the first is not sent again.
    await writeFile(path.join(dir, 'sheet-2.jpg'), sheets[1]!);
    await watch.until('sheet-2.jpg: 1 sheet(s), 1 read（已识读）, 1 box(es) to review');
    watch.stop();
    expect(await watch.exited).toBe(0);
    expect(watch.stderr).toBe('');
    expect(watch.stdout.match(/sheet-1\.jpg:/g)).toHaveLength(1);

    const overview = await scanOverview(s.context, s.congressId, s.roundId);
    // The test server's clock stands still: both files have the same upload time.
    expect(overview.files.map((f) => [f.filename, f.source, f.uploadedBy]).sort()).toEqual([
      ['sheet-1.jpg', 'watch', 'teller1'],
      ['sheet-2.jpg', 'watch', 'teller1'],
    ]);
    expect(overview.statistics.sheets.read).toBe(2);
    expect((await readFile(path.join(dir, JOURNAL), 'utf8')).trim().split('\n')).toHaveLength(2);

    // Restarted: the journal keeps it from sending the same files again.
    const again = watcher([dir, '--server', url, '--user', 'teller1', '--password-stdin', '--once']);
    expect(await again.exited).toBe(0);
    expect(again.stdout).not.toContain('sheet-');
    expect((await scanOverview(s.context, s.congressId, s.roundId)).files).toHaveLength(2);
  });

  it('refuses a wrong password and a missing server with one line naming the field', async () => {
    expectUsageError(
      await runCli(
        ['scan', 'watch', dir, '--server', url, '--user', 'teller1', '--password-stdin'],
        'wrong\n',
      ),
      '--user',
    );
    expectUsageError(await runCli(['scan', 'watch', dir, '--user', 'teller1']), '--server');
    expectUsageError(
      await runCli(['scan', 'watch', path.join(dir, 'nowhere'), '--server', url, '--user', 'teller1']),
      'DIR',
    );
  });
});

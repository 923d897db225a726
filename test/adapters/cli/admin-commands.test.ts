import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_LOCK_FILE } from '../../../src/adapters/http/server.ts';
import { auditHead, LATEST_SCHEMA_VERSION, migrate, openDatabase } from '../../../src/persistence/index.ts';
import { seedDemo } from '../../../src/services/demo/seed-demo.ts';
import { openAt, testDatabase, testDatabases } from '../../support/databases.ts';
import { testContext } from '../../support/http.ts';
import { type CliRun, expectUsageError, runCli } from './run-cli.ts';

// `plenum backup`, `plenum restore` and `plenum audit verify`, run as the operator runs them
// (node bin/plenum.js …) against a database holding the demonstration congress.

const BIN = fileURLToPath(new URL('../../../bin/plenum.js', import.meta.url));

let folder: string;
/** A SQLite data folder with the demo seeded; copied, never changed, by the tests. */
let seeded: string;
let head: { seq: number; hash: string };

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plenum-admin-'));
  seeded = path.join(folder, 'seeded');
  const database = await openDatabase({ dataDir: seeded });
  try {
    await migrate(database);
    await seedDemo(testContext(database));
    head = await auditHead(database.db);
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const dir = (name: string) => path.join(folder, name);

/** `plenum …` with an environment of our choosing (DATABASE_URL set or removed). */
function plenumWithEnv(args: readonly string[], env: Record<string, string | undefined>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...env };
    for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
    const child = spawn(process.execPath, [BIN, ...args], {
      env: childEnv as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({
        code,
        signal,
        stdoutBytes,
        stdout: stdoutBytes.toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

function expectOk(run: CliRun): string {
  expect(run.stderr, 'stderr').toBe('');
  expect(run.code, `exit status (stdout: ${run.stdout})`).toBe(0);
  return run.stdout;
}

/**
 * Each test runs several `plenum` processes through run-cli.ts's small pool; on a busy machine a
 * test's time includes its wait for the pool, so these tests get more than vitest's default.
 */
const CLI_TESTS = { timeout: 240_000 };

const OK_LINE = (entries: number, hash: string) => `audit chain OK: ${entries} entries, head ${hash}\n`;

describe.concurrent('plenum audit verify', CLI_TESTS, () => {
  it('prints the entries and head of an intact chain, exit 0', async () => {
    expect(expectOk(await runCli(['audit', 'verify', '--data', seeded]))).toBe(OK_LINE(head.seq, head.hash));
    expect(head.seq).toBeGreaterThan(10);
  });

  it('reports a tampered copy as broken at the altered entry, exit 1', async () => {
    // Someone with write access to the file drops the append-only trigger and edits entry 5:
    // exactly what the hash chain is there to reveal.
    const copy = dir('tampered');
    await mkdir(copy, { recursive: true });
    expectOk(await runCli(['backup', path.join(copy, 'plenum.sqlite'), '--data', seeded]));
    const handle = new BetterSqlite3(path.join(copy, 'plenum.sqlite'));
    handle.exec('drop trigger audit_log_no_update');
    handle.prepare("update audit_log set actor = 'mallory' where seq = 5").run();
    handle.close();
    const run = await runCli(['audit', 'verify', '--data', copy]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'audit chain BROKEN at seq 5: entry 5 was altered: its hash does not match its contents\n',
    );
    // The same file is refused as a backup: restore checks the chain before swapping anything in
    // (here without its manifest, which would refuse it first: the file is not the one backed up).
    await rm(path.join(copy, 'plenum.sqlite.manifest.json'));
    const refused = expectUsageError(
      await runCli(['restore', path.join(copy, 'plenum.sqlite'), '--data', dir('never')]),
      'seq 5',
    );
    expect(refused).toContain('broken');
    expect(existsSync(path.join(dir('never'), 'plenum.sqlite'))).toBe(false);
  });

  it('a folder without a database is exit 2, and is not turned into one', async () => {
    const empty = dir('empty');
    await mkdir(empty, { recursive: true });
    expectUsageError(await runCli(['audit', 'verify', '--data', empty]), '--data', 'no Plenum database');
    expect(existsSync(path.join(empty, 'plenum.sqlite'))).toBe(false);
  });

  it('bad arguments are exit 2 with one line', async () => {
    expectUsageError(await runCli(['audit', 'verify', '--pretty', '--data', seeded]), '--pretty');
    expectUsageError(await runCli(['audit', 'verify', 'extra', '--data', seeded]), 'extra');
    expectUsageError(await runCli(['audit', 'verify', '--data']), '--data', 'needs a value');
    expectUsageError(await runCli(['audit']), 'audit');
  });
});

describe.concurrent('plenum backup and plenum restore', CLI_TESTS, () => {
  for (const format of ['native', 'json'] as const) {
    it(`round-trips the congress through a ${format} backup`, async () => {
      const file = dir(`round-trip.${format === 'json' ? 'json' : 'sqlite'}`);
      const written = expectOk(await runCli(['backup', file, '--format', format, '--data', seeded]));
      expect(written).toBe(
        `backup written: ${file} (${format === 'json' ? 'JSON' : 'native SQLite'}, schema ${LATEST_SCHEMA_VERSION}, audit head seq ${head.seq} ${head.hash})\n` +
          `manifest written: ${file}.manifest.json (keep a copy apart: its audit head is checked by plenum audit verify --manifest)\n`,
      );
      const target = dir(`restored-${format}`);
      const restored = expectOk(await runCli(['restore', file, '--data', target]));
      expect(restored).toContain(`${head.seq} audit entries, head ${head.hash}`);
      expect(expectOk(await runCli(['audit', 'verify', '--data', target]))).toBe(
        OK_LINE(head.seq, head.hash),
      );
      const database = await openAt({ dataDir: target });
      const delegates = await database.db.selectFrom('delegates').select('id').execute();
      expect(delegates).toHaveLength(417);
      await database.close();
    });
  }

  it('restore replaces an existing database', async () => {
    const target = dir('replaced');
    const other = await openDatabase({ dataDir: target });
    await migrate(other);
    await other.close();
    expect(expectOk(await runCli(['audit', 'verify', '--data', target]))).toMatch(
      /^audit chain OK: 0 entries/,
    );
    const file = dir('replace.sqlite');
    expectOk(await runCli(['backup', file, '--data', seeded]));
    expectOk(await runCli(['restore', file, '--data', target]));
    expect(expectOk(await runCli(['audit', 'verify', '--data', target]))).toBe(OK_LINE(head.seq, head.hash));
  });

  it('refuses a doctored JSON backup (exit 2) and leaves the database as it was', async () => {
    const file = dir('doctored.json');
    expectOk(await runCli(['backup', file, '--format', 'json', '--data', seeded]));
    const doc = JSON.parse(await readFile(file, 'utf8'));
    const entry = doc.tables.audit_log.find((row: { seq: number }) => row.seq === 3);
    entry.actor = 'mallory';
    await writeFile(file, JSON.stringify(doc));
    const target = dir('doctored-target');
    await mkdir(target, { recursive: true });
    await copyFile(path.join(seeded, 'plenum.sqlite'), path.join(target, 'plenum.sqlite'));
    // The manifest beside it no longer describes the file; without the manifest, the chain is broken.
    expectUsageError(await runCli(['restore', file, '--data', target]), file, 'manifest');
    await rm(`${file}.manifest.json`);
    expectUsageError(await runCli(['restore', file, '--data', target]), file, 'seq 3');
    expect(expectOk(await runCli(['audit', 'verify', '--data', target]))).toBe(OK_LINE(head.seq, head.hash));
  });

  it('restore is refused while a server runs on the data folder, and allowed once it is gone', async () => {
    const file = dir('locked.sqlite');
    expectOk(await runCli(['backup', file, '--data', seeded]));
    const target = dir('locked-target');
    await mkdir(target, { recursive: true });
    // A live process (this test runner) holds the lock…
    await writeFile(
      path.join(target, SERVER_LOCK_FILE),
      JSON.stringify({ pid: process.pid, port: 3999, startedAt: new Date().toISOString() }),
    );
    expectUsageError(
      await runCli(['restore', file, '--data', target]),
      '--data',
      `pid ${process.pid}`,
      'stop it',
    );
    expect(existsSync(path.join(target, 'plenum.sqlite'))).toBe(false);
    // …then a process that has exited: the lock a crashed server left behind.
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    await writeFile(
      path.join(target, SERVER_LOCK_FILE),
      JSON.stringify({ pid: Number(gone), startedAt: new Date().toISOString() }),
    );
    expectOk(await runCli(['restore', file, '--data', target]));
  });

  it('bad arguments are exit 2 with one line naming them', async () => {
    expectUsageError(await runCli(['backup', '--data', seeded]), '<file>');
    expectUsageError(
      await runCli(['backup', dir('x.tar'), '--format', 'tar', '--data', seeded]),
      '--format',
      'native or json',
    );
    expectUsageError(
      await runCli(['backup', dir('y.sqlite'), '--data', dir('nowhere')]),
      '--data',
      'no Plenum database',
    );
    expectUsageError(
      await runCli(['restore', dir('missing.json'), '--data', dir('nowhere')]),
      'missing.json',
      'no such file',
    );
    expectUsageError(await runCli(['restore', '--data', seeded]), '<file>');
    const junk = dir('junk.txt');
    await writeFile(junk, 'not a backup');
    expectUsageError(
      await runCli(['restore', junk, '--data', dir('junk-target')]),
      junk,
      'not a Plenum backup',
    );
  });
});

describe.skipIf(!testDatabases.includes(testDatabase.postgres))(
  'the admin commands on PostgreSQL (DATABASE_URL)',
  CLI_TESTS,
  () => {
    it('verify, back up (json) and restore a PostgreSQL database', async () => {
      const place = await testDatabase.postgres.place();
      try {
        const database = await openAt(place.config);
        await migrate(database);
        await seedDemo(testContext(database));
        const pgHead = await auditHead(database.db);
        await database.close();
        // The schema is chosen outside the url (PGOPTIONS, like a role's search_path): options in
        // the url itself would override the staging schema restore uses (node-pg lets url
        // parameters win over explicit ones).
        const env = {
          DATABASE_URL: place.config.url,
          PGOPTIONS: `-c search_path=${place.config.schema}`,
          PLENUM_DATA: undefined,
        };

        expect(expectOk(await plenumWithEnv(['audit', 'verify'], env))).toBe(
          OK_LINE(pgHead.seq, pgHead.hash),
        );
        const file = dir('pg.json');
        expect(expectOk(await plenumWithEnv(['backup', file], env))).toContain('(JSON,');
        expectUsageError(
          await plenumWithEnv(['backup', dir('pg.sqlite'), '--format', 'native'], env),
          '--format',
        );

        // A SQLite backup restored into PostgreSQL replaces the schema's contents.
        const sqliteBackup = dir('into-pg.sqlite');
        expectOk(await runCli(['backup', sqliteBackup, '--data', seeded]));
        expect(expectOk(await plenumWithEnv(['restore', sqliteBackup], env))).toContain(`head ${head.hash}`);
        expect(expectOk(await plenumWithEnv(['audit', 'verify'], env))).toBe(OK_LINE(head.seq, head.hash));

        // --data wins over DATABASE_URL.
        expect(expectOk(await plenumWithEnv(['audit', 'verify', '--data', seeded], env))).toBe(
          OK_LINE(head.seq, head.hash),
        );
        expectUsageError(
          await plenumWithEnv(['audit', 'verify'], { DATABASE_URL: 'mysql://x' }),
          'DATABASE_URL',
        );
      } finally {
        await place.dispose();
      }
    });
  },
);

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningServer,
  SERVER_LOCK_FILE,
  type ServerOptions,
  startServer,
} from '../../../src/adapters/http/server.ts';
import { verifyAuditChain } from '../../../src/persistence/index.ts';
import { DatabaseEventFeed } from '../../../src/services/event-feed.ts';
import { InputError } from '../../../src/services/input-error.ts';
import { expectUsageError, runCli } from './run-cli.ts';

// The server as `plenum serve` runs it: a real port, a real data folder, the demo on first start.

const BIN = fileURLToPath(new URL('../../../bin/plenum.js', import.meta.url));

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plenum-serve-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const started: RunningServer[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) await server.close();
});

/** startServer on 127.0.0.1 and a free port, its banner captured. */
async function start(options: ServerOptions): Promise<{ server: RunningServer; banner: string }> {
  const output = new PassThrough();
  let banner = '';
  output.on('data', (chunk: Buffer) => {
    banner += chunk.toString('utf8');
  });
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
    env: {},
    output,
    ...options,
  });
  started.push(server);
  return { server, banner };
}

function printedPassword(banner: string, username: string): string {
  const line = banner.split('\n').find((l) => l.trim().startsWith(`${username} `));
  if (!line) throw new Error(`no login for ${username} in the banner:\n${banner}`);
  return line.trim().split(/\s+/)[1]!;
}

async function login(url: string, username: string, password: string): Promise<Response> {
  return fetch(new URL('api/session', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('startServer', () => {
  it('seeds the demo on the first start, serves the API and the printed admin password logs in', async () => {
    const dataDir = path.join(folder, 'first');
    const { server, banner } = await start({ dataDir });
    expect(server.seeded).toBe(true);
    expect(server.url).toBe(`http://localhost:${server.port}/`);
    expect(banner).toContain(server.url);
    expect(banner).toContain(`${server.url}api/openapi.json`);
    expect(banner).toContain('中国共产党示范市第十三次代表大会');
    expect(banner).toMatch(/Demo delegate codes/);

    const openapi = await fetch(new URL('api/openapi.json', server.url));
    expect(openapi.status).toBe(200);
    expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\./);

    const password = printedPassword(banner, 'admin');
    const ok = await login(server.url, 'admin', password);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/plenum_session=/);
    expect((await login(server.url, 'admin', 'wrong-password')).status).toBe(401);
    for (const username of ['checkin1', 'teller1', 'scrutineer1', 'presiding']) {
      expect((await login(server.url, username, printedPassword(banner, username))).status, username).toBe(
        200,
      );
    }

    // A printed delegate code opens a delegate session.
    const codeLine = banner.split('\n').find((l) => /^\s+0001 /.test(l))!;
    const credential = codeLine.trim().split(/\s+/).at(-1)!;
    const delegate = await fetch(
      new URL(`api/congresses/${server.demo!.congressId}/delegate-session`, server.url),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: credential }),
      },
    );
    expect(delegate.status).toBe(200);
    // Its streams hear the commits read back in commit order, even on SQLite (event-feed-order.test.ts).
    expect(server.context.events).toBeInstanceOf(DatabaseEventFeed);

    const lock = JSON.parse(await readFile(path.join(dataDir, SERVER_LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, port: server.port });
    await server.close();
    expect(existsSync(path.join(dataDir, SERVER_LOCK_FILE))).toBe(false);
  });

  it('a second start does not seed twice, and still prints the demo logins', async () => {
    const dataDir = path.join(folder, 'twice');
    const first = await start({ dataDir });
    const entries = (await verifyAuditChain(first.server.database.db)).entries;
    await first.server.close();

    const second = await start({ dataDir });
    expect(second.server.seeded).toBe(false);
    const db = second.server.database.db;
    expect(await db.selectFrom('organisations').select('id').execute()).toHaveLength(2);
    expect(await db.selectFrom('congresses').select('id').execute()).toHaveLength(1);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries });
    expect(second.banner).toContain('Demo congress（演示数据）');
    expect((await login(second.server.url, 'admin', printedPassword(second.banner, 'admin'))).status).toBe(
      200,
    );
  });

  it('with seed empty the database stays empty', async () => {
    const { server, banner } = await start({ dataDir: path.join(folder, 'empty'), seed: 'empty' });
    expect(server.seeded).toBe(false);
    expect(server.demo).toBeNull();
    expect(await server.database.db.selectFrom('organisations').select('id').execute()).toHaveLength(0);
    expect(banner).not.toContain('Demo');
    expect((await fetch(new URL('api/openapi.json', server.url))).status).toBe(200);
  });

  it('refuses a second server on the same data folder', async () => {
    const dataDir = path.join(folder, 'locked');
    await start({ dataDir, seed: 'empty' });
    await expect(start({ dataDir, seed: 'empty' })).rejects.toSatisfy(
      (error) => error instanceof InputError && error.field === '--data' && /already running/.test(error.en),
    );
  });

  it('passes extend through to the app (the web application will serve its files there)', async () => {
    const { server } = await start({
      dataDir: path.join(folder, 'extend'),
      seed: 'empty',
      extend: (app) => {
        app.get('/', async () => 'hall');
      },
    });
    const response = await fetch(server.url);
    expect(await response.text()).toBe('hall');
  });

  it('reads PORT and PLENUM_DATA from the environment, and refuses a bad PORT', async () => {
    const dataDir = path.join(folder, 'from-env');
    const { server } = await start({
      port: undefined,
      env: { PORT: '0', PLENUM_DATA: dataDir },
      seed: 'empty',
    });
    expect(server.database.file).toBe(path.join(dataDir, 'plenum.sqlite'));
    await expect(start({ port: undefined, env: { PORT: 'http' }, dataDir })).rejects.toSatisfy(
      (error) => error instanceof InputError && error.field === 'PORT',
    );
  });
});

/** `plenum serve …` as a child process, resolved once its banner is out. */
async function spawnServe(
  args: readonly string[],
): Promise<{ child: ChildProcessWithoutNullStreams; stdout: () => string; exit: Promise<number | null> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  delete env.PORT;
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!out.includes('Ctrl+C')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`plenum serve did not start: ${err}${out}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, stdout: () => out, exit };
}

// Child processes on a busy machine: more than vitest's default time.
describe('plenum serve', { timeout: 240_000 }, () => {
  it('runs until SIGTERM, refuses a restore meanwhile, then shuts down cleanly with exit 0', async () => {
    const dataDir = path.join(folder, 'cli');
    const { child, stdout, exit } = await spawnServe(['serve', '--port', '0', '--data', dataDir, '--empty']);
    try {
      const lock = JSON.parse(await readFile(path.join(dataDir, SERVER_LOCK_FILE), 'utf8'));
      expect(lock.pid).toBe(child.pid);
      const url = stdout().match(/http:\/\/localhost:(\d+)\//)![0];
      expect(new URL(url).port).toBe(String(lock.port));
      expect((await fetch(new URL('api/openapi.json', url))).status).toBe(200);
      const backup = path.join(folder, 'cli-backup.sqlite');
      const written = await runCli(['backup', backup, '--data', dataDir]);
      expect(written.code, written.stderr).toBe(0);
      expectUsageError(await runCli(['restore', backup, '--data', dataDir]), '--data', 'running');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
    expect(stdout()).toContain('shutting down');
    expect(existsSync(path.join(dataDir, SERVER_LOCK_FILE))).toBe(false);
  });

  it('`plenum start` is serve with the demo', async () => {
    const dataDir = path.join(folder, 'start');
    const { child, stdout, exit } = await spawnServe(['start', '--port', '0', '--data', dataDir]);
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stdout()).toContain('Demo congress loaded');
    expect(stdout()).toMatch(/admin\s+demo-admin-2026/);
  });

  it.concurrent.each([
    [['serve', '--port', 'abc'], '--port'],
    [['serve', '--port', '70000'], '--port'],
    [['serve', '--port'], '--port'],
    [['serve', '--bogus'], '--bogus'],
    [['serve', '--empty=yes'], '--empty'],
    [['serve', 'now'], 'now'],
    [['start', '--verbose'], '--verbose'],
  ])('bad arguments %j are exit 2 with one line naming %s', async (args, field) => {
    expectUsageError(await runCli(args), field);
  });
});

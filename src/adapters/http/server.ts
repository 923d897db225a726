import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { removeStaleTemporaries } from '../../persistence/atomic-file.ts';
import { type Database, type DatabaseConfig, isPostgresUrl, redact } from '../../persistence/connection.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { DemoSummary } from '../../services/demo/seed-demo.ts';
import { InputError } from '../../services/input-error.ts';
import type { AppOptions } from './app.ts';
import { plainHttpWarning, readTls, type TlsFiles, tlsServerOptions } from './tls.ts';
import { webAppExtension } from './web-static.ts';

// `plenum serve`: the database, the HTTP API (and later the web application) in one process.
//
// SQLite: one server per data folder. It holds a lock file there (plenum-server.pid, with its
// pid) for as long as it runs; a second server on the same folder, and `plenum restore` into it,
// refuse to start while the process named there is alive. A lock left behind by a crash names a
// dead process and is taken over. Live updates are stored with their change and read back in
// commit order (DatabaseEventFeed, polling only for the command line's writes), so a browser
// reconnecting after a restart gets what it missed.
//
// PostgreSQL (DATABASE_URL): any number of instances serve the same database behind a proxy
// (docs/deployment.md), and none takes a lock. Nothing that decides anything lives in one
// instance's memory: sessions are rows, every write takes the writer lock, group commit only
// batches. Live updates are stored with the change that makes them and each instance reads them
// from the database, woken by LISTEN/NOTIFY (DatabaseEventFeed), so a stream on any instance
// hears every instance's changes. Restore swaps the schema in one transaction; stop the
// instances first. The login throttle still counts per instance (see login-throttle.ts).
//
// Every instance prunes the stored events to a window now and then (stream-replay.ts).
//
// The admin commands import this module for databaseConfigFrom and the lock, so the server's own
// parts (Fastify, the services, the demo) are loaded inside startServer, not at import.

export interface ServerOptions {
  /** Default: PORT, else 3000. 0 picks a free port. */
  readonly port?: number;
  /** Default 0.0.0.0: the check-in desks and tellers' machines in the hall reach it over the LAN. */
  readonly host?: string;
  /** SQLite folder. Default: PLENUM_DATA, else ./data. Given explicitly, DATABASE_URL is ignored. */
  readonly dataDir?: string;
  /** postgres://… Default: DATABASE_URL (when no dataDir is given). */
  readonly databaseUrl?: string;
  /** 'demo' (default): load the demonstration congress on the first start; 'empty': never. */
  readonly seed?: 'demo' | 'empty';
  /** Extra routes after the API (the web application's static files). */
  readonly extend?: AppOptions['extend'];
  /**
   * Secure session cookies. On by default when the server speaks HTTPS itself (tlsCert/tlsKey).
   * Over plain HTTP browsers drop Secure cookies from a hall desk at http://192.168.…, so there
   * they are on only behind a TLS proxy: PLENUM_SECURE_COOKIES=1.
   */
  readonly secureCookies?: boolean;
  /**
   * HTTPS (and HTTP/2) with this certificate and key, PEM files. Default: PLENUM_TLS_CERT and
   * PLENUM_TLS_KEY, else plain HTTP (and a warning in the banner unless on a loopback address).
   */
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  /** Where the start-up banner goes (default process.stdout). */
  readonly output?: Writable;
  /** Close on SIGINT/SIGTERM (default true; tests that start several servers turn it off). */
  readonly handleSignals?: boolean;
  /** The environment to read PORT, PLENUM_DATA, DATABASE_URL from (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Behind a reverse proxy, the proxies whose X-Forwarded-For is believed (an address or CIDR list,
   * "loopback"…). Default: PLENUM_TRUST_PROXY, else none.
   */
  readonly trustProxy?: string;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly context: ServiceContext;
  readonly port: number;
  /** http://localhost:<port>/, or https:// */
  readonly url: string;
  /** True when this start loaded the demo. */
  readonly seeded: boolean;
  /** The demo congress in the database, if there is one, with the logins that still work. */
  readonly demo: DemoSummary | null;
  /** Stops listening, closes open connections, the database and the lock. Idempotent. */
  close(): Promise<void>;
  /** Settles when the server has closed (after close() or a signal). */
  readonly closed: Promise<void>;
}

export const DEFAULT_PORT = 3000;
export const SERVER_LOCK_FILE = 'plenum-server.pid';
/** Open connections (live-update streams) get this long to finish before they are cut. */
const SHUTDOWN_GRACE_MS = 3000;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where the data lives: an explicit dataDir (SQLite), an explicit databaseUrl, DATABASE_URL,
 * PLENUM_DATA, or ./data, in that order. The CLI's --data is an explicit dataDir.
 */
export function databaseConfigFrom(
  options: { readonly dataDir?: string; readonly databaseUrl?: string },
  env: Env = process.env,
): DatabaseConfig {
  const url = options.databaseUrl ?? (options.dataDir === undefined ? env.DATABASE_URL : undefined);
  if (url) {
    if (!isPostgresUrl(url)) {
      throw new InputError(
        'DATABASE_URL',
        'must be a postgres:// or postgresql:// url',
        '应为 postgres:// 或 postgresql:// 开头的地址',
      );
    }
    return { url };
  }
  return { dataDir: path.resolve(options.dataDir ?? (env.PLENUM_DATA || './data')) };
}

/** How the banner and messages name a database. */
export function describeDatabase(config: DatabaseConfig, database?: Database): string {
  if (config.url)
    return `PostgreSQL ${redact(config.url)}${database?.schema ? ` (schema ${database.schema})` : ''}`;
  return `SQLite ${database?.file ?? path.join(config.dataDir ?? '', 'plenum.sqlite')}`;
}

/** A TCP port: an integer 0–65535. */
export function parsePort(text: string, field: string): number {
  if (!/^\d{1,5}$/.test(text.trim()) || Number(text) > 65535) {
    throw new InputError(
      field,
      `must be a port number from 0 to 65535, got ${JSON.stringify(text)}`,
      '应为 0 到 65535 之间的端口号',
    );
  }
  return Number(text);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const output = options.output ?? process.stdout;
  const port = options.port ?? (env.PORT ? parsePort(env.PORT, 'PORT') : DEFAULT_PORT);
  const host = options.host ?? '0.0.0.0';
  const config = databaseConfigFrom(options, env);
  const tls = await readTls(options, env);
  const secureCookies = options.secureCookies ?? (tls !== null || env.PLENUM_SECURE_COOKIES === '1');
  const trustProxy = options.trustProxy ?? (env.PLENUM_TRUST_PROXY || undefined);

  const [
    { buildApp },
    { migrate, openDatabase },
    { LoginThrottle },
    services,
    { DatabaseEventFeed },
    replay,
    demoModule,
  ] = await Promise.all([
    import('./app.ts'),
    import('../../persistence/index.ts'),
    import('../../services/accounts/login-throttle.ts'),
    import('../../services/context.ts'),
    import('../../services/event-feed.ts'),
    import('../../services/stream-replay.ts'),
    import('../../services/demo/seed-demo.ts'),
  ]);
  const { cryptoRandom, systemClock } = services;
  const lock = config.dataDir ? await acquireServerLock(config.dataDir) : null;
  // What a restore killed outright left in the data folder (atomic-file.ts).
  if (config.dataDir) await removeStaleTemporaries(config.dataDir);
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let feed: InstanceType<typeof DatabaseEventFeed> | undefined;
  let pruning: NodeJS.Timeout | undefined;
  try {
    database = await openDatabase(config);
    await migrate(database);
    // The streams hear what was committed, read back in commit order (event-feed.ts): on
    // PostgreSQL every instance's events, on SQLite this process's and the command line's.
    feed = new DatabaseEventFeed(database);
    await feed.start();
    const context: ServiceContext = { database, clock: systemClock, random: cryptoRandom, events: feed };
    const prune = () =>
      void replay.pruneStream(context).catch((error: unknown) => {
        process.stderr.write(
          `plenum: pruning stored live updates failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      });
    prune();
    pruning = setInterval(prune, replay.STREAM_PRUNE_EVERY_MS);
    pruning.unref();
    const seeded = options.seed !== 'empty' && (await seedIfEmpty(context));
    const demo = await demoModule.demoStatus(context);
    const { anyAccount } = await import('../../services/accounts/first-administrator.ts');
    const noAccount = !(await anyAccount(context));
    app = await buildApp({
      context,
      throttle: new LoginThrottle(systemClock),
      secureCookies,
      ...(tls ? { serverOptions: tlsServerOptions(tls) } : {}),
      ...(trustProxy ? { trustProxy: trustProxy === 'true' ? true : trustProxy } : {}),
      // The web application is served beside the API unless the caller serves something else.
      extend: options.extend ?? webAppExtension(),
    });
    try {
      await app.listen({ port, host, backlog: LISTEN_BACKLOG });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new InputError('--port', `port ${port} is already in use`, `端口 ${port} 已被占用`);
      }
      throw error;
    }
    const actualPort = (app.server.address() as AddressInfo).port;
    await lock?.update({ port: actualPort });
    const url = `${tls ? 'https' : 'http'}://localhost:${actualPort}/`;
    await writeOut(
      output,
      banner({
        url,
        port: actualPort,
        host,
        database: describeDatabase(config, database),
        seeded,
        demo,
        noAccount,
        tls,
      }),
    );

    const running = { app, database, feed, pruning };
    let resolveClosed!: () => void;
    const closed = new Promise<void>((resolve) => {
      resolveClosed = resolve;
    });
    // The first SIGINT/SIGTERM closes gracefully; the handlers go at once, so a second Ctrl+C
    // ends the process the default way for an operator who does not want to wait.
    const onSignal = (signal: NodeJS.Signals) => {
      removeSignalHandlers();
      void writeOut(output, `\n${signal}: shutting down（正在关闭）…\n`)
        .then(close, close)
        .catch((error: unknown) => {
          process.stderr.write(
            `plenum: error while shutting down: ${error instanceof Error ? error.message : String(error)}\n`,
          );
        });
    };
    const removeSignalHandlers = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    if (options.handleSignals ?? true) {
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    }
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        removeSignalHandlers();
        // Idle keep-alive connections close at once; streams get a moment, then are cut.
        // (An HTTP/2 server has no closeAllConnections; app.close() ends its sessions.)
        const server = running.app.server as { closeAllConnections?: () => void };
        const timer = setTimeout(() => server.closeAllConnections?.(), SHUTDOWN_GRACE_MS);
        timer.unref();
        try {
          await running.app.close();
        } finally {
          clearTimeout(timer);
          clearInterval(running.pruning);
          await running.feed?.close();
          await running.database.close();
          await lock?.release();
          resolveClosed();
        }
      })();
      return closing;
    };
    return { app, database, context, port: actualPort, url, seeded, demo, close, closed };
  } catch (error) {
    clearInterval(pruning);
    await app?.close().catch(() => {});
    await feed?.close().catch(() => {});
    await database?.close().catch(() => {});
    await lock?.release();
    throw error;
  }
}

/** Loads the demo when the database holds no organisation yet; false if it already had data. */
async function seedIfEmpty(context: ServiceContext): Promise<boolean> {
  const any = await context.database.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const [{ seedDemo }, { ServiceError }] = await Promise.all([
    import('../../services/demo/seed-demo.ts'),
    import('../../services/errors.ts'),
  ]);
  try {
    await seedDemo(context);
    return true;
  } catch (error) {
    // Another process filled the database between the look and the transaction.
    if (error instanceof ServiceError && error.code === 'not-empty') return false;
    throw error;
  }
}

function banner(info: {
  url: string;
  port: number;
  host: string;
  database: string;
  seeded: boolean;
  demo: DemoSummary | null;
  noAccount: boolean;
  tls: TlsFiles | null;
}): string {
  const lines = [
    'Plenum is running（Plenum 已启动）',
    `  ${info.url}`,
    `  ${info.url}api/openapi.json   (the API / 接口说明)`,
  ];
  for (const address of hallAddresses(info.host))
    lines.push(`  ${info.tls ? 'https' : 'http'}://${address}:${info.port}/   (hall network / 会场局域网)`);
  if (info.tls) lines.push(`  TLS: ${info.tls.subject}, valid to ${info.tls.validTo}; HTTP/2 and HTTP/1.1`);
  lines.push(...plainHttpWarning(info.host, info.tls));
  lines.push(`  database（数据库）: ${info.database}`);
  if (info.noAccount) {
    lines.push(
      '',
      'No account yet（尚无账户）: create the first administrator, then log in:',
      '  npx plenum accounts create-admin USERNAME [--data DIR]   (prints a generated password once)',
    );
  }
  const demo = info.demo;
  if (demo) {
    const c = demo.counts;
    lines.push(
      '',
      `${info.seeded ? 'Demo congress loaded（已载入演示数据）' : 'Demo congress（演示数据）'}: ${demo.title}`,
      `  congress id: ${demo.congressId}`,
      `  ${c.delegates} delegates in ${c.delegations} delegations (${c.suspended} without voting rights); ` +
        `presidium ${c.presidium}, its standing committee ${c.presidiumStandingCommittee}, credentials committee ${c.credentialsCommittee}; ${c.sittings} sittings`,
      ...c.elections.map((e) => `  election: ${e.title} — ${e.seats} seats, ${e.candidates} candidates`),
    );
    if (demo.logins.length > 0) {
      lines.push('', 'Demo logins（演示账号）: username / password / role');
      const width = Math.max(...demo.logins.map((l) => l.username.length));
      for (const login of demo.logins) {
        lines.push(
          `  ${login.username.padEnd(width)}  ${login.password.padEnd(20)}  ${login.role}（${login.displayName}）`,
        );
      }
    }
    if (demo.delegateCodes.length > 0) {
      lines.push(
        '',
        `Demo delegate codes（演示代表凭证）: POST /api/congresses/${demo.congressId}/delegate-session {"code": …}`,
      );
      for (const d of demo.delegateCodes)
        lines.push(`  ${d.code} ${d.name}（${d.delegation}）  ${d.credential}`);
    }
  }
  lines.push('', 'Stop with Ctrl+C（按 Ctrl+C 停止）', '');
  return lines.join('\n');
}

/**
 * Connections the kernel may hold before the server accepts them. A hall's phones connect in the
 * same seconds; with Node's default (511) the queue overflows while the event loop is busy, and
 * each connection dropped there is retried by its phone only after a second or more (SYN
 * retransmission). The kernel caps it at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4096;

/** This machine's LAN addresses, when the server listens on all of them. */
function hallAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [];
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

function writeOut(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

// The lock file ------------------------------------------------------------------------------

export interface ServerLockInfo {
  readonly pid: number;
  readonly port?: number;
  readonly startedAt: string;
}

/** The server running on this SQLite data folder, or null (no lock, or its process is gone). */
export async function runningServerOn(dataDir: string): Promise<ServerLockInfo | null> {
  const info = await readLock(lockPath(dataDir));
  return info && isAlive(info.pid) ? info : null;
}

interface ServerLock {
  update(fields: { port: number }): Promise<void>;
  release(): Promise<void>;
}

async function acquireServerLock(dataDir: string): Promise<ServerLock> {
  await mkdir(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const info: ServerLockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(info)}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = await runningServerOn(dataDir);
      if (holder) {
        throw new InputError(
          '--data',
          `a Plenum server (pid ${holder.pid}${holder.port ? `, port ${holder.port}` : ''}) is already running on ${dataDir}`,
          `已有 Plenum 服务（进程 ${holder.pid}）在使用该数据目录`,
        );
      }
      await rm(file, { force: true }); // left by a server that crashed
    }
  }
  return {
    update: (fields) => writeFile(file, `${JSON.stringify({ ...info, ...fields })}\n`),
    release: async () => {
      const current = await readLock(file);
      if (current?.pid === process.pid) await rm(file, { force: true });
    },
  };
}

function lockPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), SERVER_LOCK_FILE);
}

async function readLock(file: string): Promise<ServerLockInfo | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<ServerLockInfo>;
    return typeof parsed.pid === 'number' ? (parsed as ServerLockInfo) : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

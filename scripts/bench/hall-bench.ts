import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { migrate } from '../../src/persistence/index.ts';
import { createAccount } from '../../src/services/accounts/account-service.ts';
import type { Actor } from '../../src/services/actor.ts';
import { createSitting } from '../../src/services/congress/sittings.ts';
import { cryptoRandom, type ServiceContext, systemClock } from '../../src/services/context.ts';
import { EventBus } from '../../src/services/events.ts';
import { type PlenumProcess, startPlenum } from '../../test/crash/plenum-process.ts';
import { seedElectronicRound } from '../../test/services/ballots/electronic/fixtures.ts';
import { openBenchDatabase, summariseLatencies } from './bench-database.ts';
import { type FirstLoad, measureFirstLoad } from './first-load.ts';
import { seededRandom } from './prng.ts';
import { cpuBetween, cpuSnapshot } from './process-cpu.ts';

// The whole hall at once (issue 15): the real server (`plenum serve`, NODE_ENV=production) — two
// instances on PostgreSQL, one on SQLite — and, in another process, the hall's devices:
// - 3,000 delegates' phones, each holding the congress's event stream (spread over the instances,
//   as a proxy would), opened before anything starts;
// - each phone's voting page fetching its ballot form once the round is open, to show it;
// - the same 3,000 delegates casting their electronic ballots in a burst of 3 seconds (arrival
//   times uniform at random in the burst, each request sent when its delegate arrives);
// - meanwhile 20 check-in desks, each checking the hall in to the next sitting one delegate at a
//   time, at most one every half second per desk (--desk-pace 500): faster than staff reading
//   cards manage, so still a stress; --desk-pace 0 sends each next check-in as soon as the last
//   is answered, 300 a second and more, which no hall produces.
// Phones and desks reach the instances as through the hall's proxy (docs/deployment.md), whose
// upstream keeps idle connections to each instance (nginx `keepalive 64`; --proxy-keepalive 64)
// and opens more while a burst needs them; the streams each hold their own connection, as a
// proxy passes them through. --proxy-keepalive 0: a new connection for every request, as if each
// phone spoke to the instance directly.
// Then a last change is made, and every stream must have been sent every event stored for the
// congress after it opened — counts excepted, of which each stream must end with the latest
// (electronic progress as stored; attendance as counted: the whole hall present). Afterwards the
// store is checked: every acknowledged ballot and check-in is there ("lost" counts those that
// are not).
//
// first_load_kb: what a phone transfers to open the delegates' voting page for the first time,
// measured on the wire against the first instance before the burst (first-load.ts): the page at
// /c/:congressId/vote (the light page, vote.html) and every script, style sheet and font it makes
// the browser fetch, asked for with Accept-Encoding: br, gzip — headers and (compressed) bodies.
// The page is the server's build, dist/web: run `npm run build:web` first.
//
//   npm run bench:hall [-- --db sqlite|postgres|both] [--delegates 3000] [--burst 3000] [--desks 20]
//                      [--desk-pace 500] [--proxy-keepalive 64]
//                      [--instances 2]
// PostgreSQL: DATABASE_URL, else PLENUM_TEST_PG_URL, else postgres://postgres@127.0.0.1:5432/test,
// in a throwaway schema dropped afterwards.

export interface HallBenchOptions {
  /** A postgres:// url: PostgreSQL in a throwaway schema. Absent: SQLite in a temporary folder. */
  readonly databaseUrl?: string;
  readonly delegates: number;
  readonly burstMs: number;
  readonly desks: number;
  /** Least time between one desk's check-ins, ms; 0: as fast as the server answers. */
  readonly deskPaceMs: number;
  /** Server instances (PostgreSQL only; SQLite is always one). */
  readonly instances: number;
  /** Idle connections the proxy keeps to each instance (nginx upstream keepalive); 0: none. */
  readonly proxyKeepalive: number;
  readonly seed?: number;
  /** Runs the one server in this process (to profile it: node --cpu-prof); default a child process. */
  readonly inProcess?: boolean;
}

export interface HallBenchResult {
  readonly engine: 'sqlite' | 'postgres';
  readonly instances: number;
  readonly streams: number;
  readonly streamsOpenMs: number;
  /** Every phone's ballot form fetched, 100 at a time, before the burst. */
  readonly formsMs: number;
  readonly casts: number;
  readonly desks: number;
  readonly deskPaceMs: number;
  readonly proxyKeepalive: number;
  readonly castErrors: number;
  readonly castErrorSamples: readonly string[];
  readonly burstMs: number;
  readonly cast: ReturnType<typeof summariseLatencies>;
  /** The casts sent in each SLICE_MS of the burst: how many, and their p99. */
  readonly castBySlice: readonly { readonly count: number; readonly p99Ms: number }[];
  readonly castWallMs: number;
  /** The devices process's event-loop delay during the burst (perf_hooks), p99 and max. */
  readonly devicesLoopDelayMs: { readonly p99: number; readonly max: number };
  readonly checkIns: ReturnType<typeof summariseLatencies> & {
    readonly errors: number;
    readonly wallMs: number;
  };
  readonly lost: number;
  readonly delivered: number;
  readonly owed: number;
  readonly deliveryMs: number;
  readonly storedEvents: number;
  readonly framesReceived: number;
  readonly reconnects: number;
  readonly load: { readonly before: readonly number[]; readonly after: readonly number[] };
  /** Connections the kernel dropped from a full accept queue during the burst (Linux), if readable. */
  readonly listenOverflows: number | undefined;
  /** The delegates' voting page, first visit, as transferred (first-load.ts). */
  readonly firstLoad: FirstLoad;
  /** CPU seconds from the burst's start to its last cast's answer (Linux; zero elsewhere). */
  readonly cpuInBurst: {
    readonly servers: number;
    readonly devices: number;
    readonly postgres: number;
    readonly machineBusy: number;
    /** Of machineBusy, taken by the hypervisor (steal). */
    readonly machineSteal: number;
    readonly machineTotal: number;
  };
}

const SYSTEM: Actor = {
  kind: 'account',
  accountId: 'system',
  username: 'system',
  displayName: 'system',
  roles: new Map([['*', new Set(['admin'] as const)]]),
};
const PASSWORD = 'hall-bench-password';

// ---- the hall's devices (plain JavaScript in a child process, `node -e`) --------------------------

const CLIENT_SOURCE = String.raw`
const http = require('node:http');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const send = (message) => new Promise((resolve) => process.send(message, resolve));
const waitFor = (phase) => new Promise((resolve) => {
  const on = (message) => { if (message.phase === phase) { process.off('message', on); resolve(message); } };
  process.on('message', on);
});
const describe = (error) => String(error && error.cause ? error.message + ': ' + (error.cause.code || error.cause.message) : error);

function countKey(type, data) {
  if (type === 'attendance') return 'attendance:' + data.sittingId;
  if (type !== 'voting') return undefined;
  if ('voteId' in data) return 'adoption:' + data.voteId;
  if ('voted' in data) return 'electronic:' + data.roundId;
  if ('entered' in data) return 'paper:' + data.roundId;
  return undefined;
}

// One phone's stream: parses frames, keeps ids and the latest of each count; reconnects with
// Last-Event-ID should its connection end.
class Stream {
  constructor(origin, path) {
    this.origin = origin; this.path = path;
    this.start = undefined; this.last = undefined; this.ids = new Set(); this.latest = new Map();
    this.duplicates = 0; this.frames = 0; this.reconnects = 0; this.stopped = false; this.buffer = '';
  }
  open() {
    return new Promise((resolve, reject) => {
      const headers = { accept: 'text/event-stream' };
      if (this.last !== undefined) headers['last-event-id'] = String(this.last);
      const request = http.get(this.origin + this.path, { headers, agent: false }, (response) => {
        if (response.statusCode !== 200) { reject(new Error('status ' + response.statusCode)); response.resume(); return; }
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          this.buffer += chunk;
          let end = this.buffer.indexOf('\n\n');
          while (end >= 0) {
            this.take(this.buffer.slice(0, end));
            this.buffer = this.buffer.slice(end + 2);
            end = this.buffer.indexOf('\n\n');
          }
          if (this.start !== undefined) resolve();
        });
        const ended = () => {
          if (this.stopped) return;
          this.stopped = true; // one reconnection at a time
          this.buffer = '';
          this.reconnects++;
          setTimeout(() => { this.stopped = false; this.open().catch(() => {}); }, 100);
        };
        response.on('end', ended);
        response.on('error', ended);
      });
      request.on('error', reject);
      this.request = request;
    });
  }
  take(block) {
    let id, type, data;
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) id = Number(line.slice(4));
      else if (line.startsWith('event: ')) type = line.slice(7);
      else if (line.startsWith('data: ')) data = line.slice(6);
    }
    if (type !== undefined) this.frames++;
    if (type !== undefined && (type === 'attendance' || type === 'voting')) {
      const parsed = JSON.parse(data);
      const key = countKey(type, parsed);
      if (key) this.latest.set(key, key.startsWith('attendance:') ? parsed.present : data);
    }
    if (id === undefined) return;
    if (type === undefined) { if (this.start === undefined) this.start = id; }
    else { if (this.ids.has(id)) this.duplicates++; this.ids.add(id); }
    this.last = id;
  }
  close() { this.stopped = true; if (this.request) this.request.destroy(); }
}

async function inPool(items, concurrency, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) { const i = next++; await fn(items[i], i); }
  }));
}

// Each phone and desk has its own address, as behind the hall's proxy (the servers trust the proxy's
// X-Forwarded-For): the login throttle counts attempts per address.
const addressOf = (n) => '10.' + ((n >> 16) & 255) + '.' + ((n >> 8) & 255) + '.' + (n & 255);

// Requests go as they would through the hall's proxy (docs/deployment.md): its upstream keeps up to
// \`keepalive\` idle connections to each instance and opens more while a burst needs them, so an
// instance is not handed a new connection per request. keepalive 0: a new connection per request,
// as if every phone spoke to the instance directly.
let agents = new Map();
function agentFor(origin, keepalive) {
  if (!agents.has(origin)) agents.set(origin, keepalive > 0 ? new http.Agent({ keepAlive: true, maxFreeSockets: keepalive }) : false);
  return agents.get(origin);
}
let proxyKeepalive = 0;

function request(origin, path, headers, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const sent = http.request(origin + path, {
      method: payload ? 'POST' : 'GET', agent: agentFor(origin, proxyKeepalive),
      headers: payload ? { ...headers, 'content-type': 'application/json', 'content-length': payload.length } : headers,
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(payload);
  });
}

async function login(origin, path, body, address) {
  const response = await request(origin, path, { 'x-forwarded-for': address }, body);
  const answer = JSON.parse(response.text);
  if (response.status !== 200 || !answer.csrfToken) throw new Error('login ' + response.status + ' ' + response.text);
  return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: answer.csrfToken, address };
}

function post(origin, path, session, body) {
  return request(origin, path, { cookie: session.cookie, 'x-csrf-token': session.csrf, 'x-forwarded-for': session.address }, body);
}

async function run() {
  const config = await waitFor('config');
  const { origins, congressId, roundId, sittingId, delegates, desks, burstMs } = config;
  proxyKeepalive = config.proxyKeepalive;
  const base = '/api/congresses/' + congressId;
  // 1. Every phone opens the stream (100 at a time), spread over the instances.
  const streams = delegates.map((_, i) => new Stream(origins[i % origins.length], base + '/events'));
  const openStart = performance.now();
  await inPool(streams, 100, (stream) => stream.open());
  const streamsOpenMs = performance.now() - openStart;
  // 2. Every delegate logs in with their card, every desk with its account.
  const sessions = new Array(delegates.length);
  await inPool(delegates, 25, async (delegate, i) => {
    sessions[i] = await login(origins[i % origins.length], base + '/delegate-session', { code: delegate.credential }, addressOf(i + 1));
  });
  // 3. The round is open: each phone's voting page fetches its ballot form to show it (100 at a
  // time; as when voting opens, before anyone has filled a ballot in).
  const formsStart = performance.now();
  await inPool(delegates, 100, async (_, i) => {
    const session = sessions[i];
    const form = await request(origins[i % origins.length], base + '/rounds/' + roundId + '/electronic/ballot', { cookie: session.cookie, 'x-forwarded-for': session.address });
    if (form.status !== 200) throw new Error('ballot form ' + form.status + ' ' + form.text.slice(0, 200));
  });
  const formsMs = performance.now() - formsStart;
  const deskSessions = [];
  for (let d = 0; d < desks.count; d++)
    deskSessions.push(await login(origins[d % origins.length], '/api/session', { username: desks.username, password: desks.password }, addressOf(200 * 65536 + d + 1)));
  await send({ phase: 'ready', streamsOpenMs, formsMs });
  await waitFor('go');

  // 4. The burst (the delegates have filled their ballots in), and the desks at work.
  const castLatencies = [];
  const castSent = []; // ms after the burst's start, each cast's, in the order of castLatencies
  const castErrorSamples = [];
  const acceptedCodes = [];
  let castErrors = 0;
  // How long the devices' own event loop was held up in the burst: a cast answered while it was
  // blocked is measured late by as much, through no fault of the server.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const castStart = performance.now();
  const casting = Promise.all(delegates.map((delegate, i) => new Promise((resolve) => {
    setTimeout(async () => {
      const started = performance.now();
      try {
        const answer = await post(origins[i % origins.length], base + '/rounds/' + roundId + '/electronic/cast', sessions[i], { marks: delegate.marks });
        castLatencies.push(performance.now() - started);
        castSent.push(started - castStart);
        if (answer.status === 201) acceptedCodes.push(delegate.code);
        else { castErrors++; if (castErrorSamples.length < 5) castErrorSamples.push(answer.status + ' ' + answer.text.slice(0, 200)); }
      } catch (error) {
        castLatencies.push(performance.now() - started);
        castSent.push(started - castStart);
        castErrors++;
        if (castErrorSamples.length < 5) castErrorSamples.push(describe(error));
      }
      resolve();
    }, delegate.at);
  }))).then(() => {
    const ms = performance.now() - castStart;
    loopDelay.disable();
    send({ phase: 'cast' });
    return ms;
  });
  const checkInLatencies = [];
  const checkedIn = [];
  let checkInErrors = 0;
  const checkInStart = performance.now();
  let nextCheckIn = 0;
  const checking = Promise.all(deskSessions.map(async (session, d) => {
    while (nextCheckIn < delegates.length) {
      const delegate = delegates[nextCheckIn++];
      const started = performance.now();
      const paced = desks.paceMs > 0 ? new Promise((resolve) => setTimeout(resolve, desks.paceMs)) : undefined;
      try {
        const answer = await post(origins[d % origins.length], base + '/sittings/' + sittingId + '/attendance/check-in', session, { code: delegate.code, desk: String(d + 1) });
        checkInLatencies.push(performance.now() - started);
        if (answer.status === 200) checkedIn.push(delegate.code); else checkInErrors++;
      } catch {
        checkInErrors++;
      }
      await paced;
    }
  })).then(() => performance.now() - checkInStart);
  const [castWallMs, checkInWallMs] = await Promise.all([casting, checking]);
  const devicesLoopDelayMs = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  await send({ phase: 'worked', devicesLoopDelayMs, castLatencies, castSent, castWallMs, castErrors, castErrorSamples, acceptedCodes, checkInLatencies, checkInWallMs, checkInErrors, checkedIn });

  // 5. Every stream must get every stored event after its start; of the counts, the latest.
  const { stored, finalId, present, deadlineMs } = await waitFor('verify');
  const deliveryStart = performance.now();
  const done = (stream) => stream.last >= finalId && (present === 0 || stream.latest.get('attendance:' + sittingId) === present);
  while (!streams.every(done) && performance.now() - deliveryStart < deadlineMs)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const deliveryMs = performance.now() - deliveryStart;
  let owed = 0, delivered = 0, duplicates = 0, frames = 0, reconnects = 0;
  for (const stream of streams) {
    duplicates += stream.duplicates; frames += stream.frames; reconnects += stream.reconnects;
    const latest = new Map();
    for (const event of stored) {
      if (event.id <= stream.start) continue;
      const key = countKey(event.type, JSON.parse(event.data));
      if (key) latest.set(key, event.data);
      else { owed++; if (stream.ids.has(event.id)) delivered++; }
    }
    for (const [key, data] of latest) { owed++; if (stream.latest.get(key) === data) delivered++; }
    // The final attendance counts (derived by each instance, never stored), once desks checked anyone in.
    if (present > 0) {
      owed++;
      if (stream.latest.get('attendance:' + sittingId) === present) delivered++;
    }
    stream.close();
  }
  return { owed, delivered: delivered - duplicates, deliveryMs, frames, reconnects };
}

run().then((report) => send({ phase: 'delivered', report })).then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
`;

// ---- the server side ------------------------------------------------------------------------------

interface Child {
  readonly pid: number;
  next<T>(phase: string): Promise<T>;
  send(message: object): void;
}

function startClients(): Child {
  const child = spawn(process.execPath, ['-e', CLIENT_SOURCE], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const queue: Array<{ phase: string }> = [];
  const waiting = new Map<string, (message: unknown) => void>();
  let failed: Error | undefined;
  child.on('message', (message: { phase: string }) => {
    const resolve = waiting.get(message.phase);
    if (resolve) {
      waiting.delete(message.phase);
      resolve(message);
    } else queue.push(message);
  });
  child.once('exit', (code) => {
    if (code !== 0) failed = new Error(`the hall's client process exited with ${code}`);
    for (const [, resolve] of waiting) resolve(undefined);
  });
  return {
    pid: child.pid!,
    next<T>(phase: string) {
      const queued = queue.findIndex((m) => m.phase === phase);
      if (queued >= 0) return Promise.resolve(queue.splice(queued, 1)[0] as T);
      return new Promise<T>((resolve, reject) => {
        if (failed) reject(failed);
        waiting.set(phase, (message) => (message === undefined ? reject(failed) : resolve(message as T)));
      });
    },
    send: (message) => child.send(message),
  };
}

/** Arrival times in the burst and a valid ballot per delegate. */
function plan(count: number, burstMs: number, candidates: number, seats: number, seed: number) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let forMarks = 0;
    const marks = Array.from({ length: candidates }, () => {
      const r = random();
      if (r < 0.8 && forMarks < seats) {
        forMarks++;
        return 'F';
      }
      return r < 0.9 ? 'A' : '-';
    }).join('');
    return { at: random() * burstMs, marks };
  });
}

export async function benchHall(options: HallBenchOptions): Promise<HallBenchResult> {
  const candidates = 30;
  const seats = 27;
  const { database, dispose } = await openBenchDatabase(options.databaseUrl, 'hall_bench');
  const servers: PlenumProcess[] = [];
  try {
    await migrate(database);
    const fixture = await seedElectronicRound(database, {
      tag: 'hall',
      delegates: options.delegates,
      candidates,
      seats,
    });
    const context: ServiceContext = {
      database,
      clock: systemClock,
      random: cryptoRandom,
      events: new EventBus(),
    };
    const next = await createSitting(context, SYSTEM, fixture.congressId, {
      kind: 'plenary',
      title: '第三次全体会议',
    });
    for (const [username, role] of [
      ['hall-admin', 'admin'],
      ['hall-desk', 'check-in'],
    ] as const) {
      await createAccount(context, SYSTEM, {
        username,
        displayName: username,
        password: PASSWORD,
        roles: [{ congressId: fixture.congressId, role }],
      });
    }
    const instances = database.dialect === 'postgres' && !options.inProcess ? options.instances : 1;
    // As deployed (docs/deployment.md): production (answers not checked against the contract), behind
    // a proxy whose X-Forwarded-For is believed — the devices run on this machine's loopback.
    const env: Record<string, string> = { NODE_ENV: 'production', PLENUM_TRUST_PROXY: 'loopback' };
    const where =
      database.dialect === 'postgres'
        ? {
            env: {
              ...env,
              DATABASE_URL: options.databaseUrl!,
              PGOPTIONS: `-c search_path=${database.schema}`,
            },
          }
        : { env, dataDir: path.dirname(database.file!) };
    if (options.inProcess) {
      const { startServer } = await import('../../src/adapters/http/server.ts');
      if (database.dialect === 'postgres') process.env.PGOPTIONS = `-c search_path=${database.schema}`;
      const running = await startServer({
        port: 0,
        host: '127.0.0.1',
        seed: 'empty',
        handleSignals: false,
        trustProxy: 'loopback',
        output: new (await import('node:stream')).PassThrough(),
        ...(database.dialect === 'postgres'
          ? { databaseUrl: options.databaseUrl! }
          : { dataDir: path.dirname(database.file!) }),
      });
      servers.push({
        url: `http://127.0.0.1:${running.port}`,
        output: () => '',
        stop: () => running.close(),
      } as unknown as PlenumProcess);
    } else servers.push(...(await Promise.all(Array.from({ length: instances }, () => startPlenum(where)))));
    const origins = servers.map((server) => server.url);
    // Before the burst, on a quiet server: the page's weight does not depend on the load.
    const firstLoad = await measureFirstLoad(
      origins[0]!,
      `/c/${encodeURIComponent(fixture.congressId)}/vote`,
    );

    const arrivals = plan(fixture.delegates.length, options.burstMs, candidates, seats, options.seed ?? 15);
    const delegates = fixture.delegates.map((d, i) => ({
      code: d.code,
      credential: d.credential!,
      marks: arrivals[i]!.marks,
      at: arrivals[i]!.at,
    }));
    const client = startClients();
    client.send({
      phase: 'config',
      origins,
      congressId: fixture.congressId,
      roundId: fixture.roundId,
      sittingId: next.id,
      delegates,
      desks: {
        count: options.desks,
        paceMs: options.deskPaceMs,
        username: 'hall-desk',
        password: PASSWORD,
      },
      burstMs: options.burstMs,
      proxyKeepalive: options.proxyKeepalive,
    });
    const { streamsOpenMs, formsMs } = await client.next<{ streamsOpenMs: number; formsMs: number }>('ready');
    const loadBefore = os.loadavg();
    const overflowsBefore = await listenOverflows();
    const watched = [...servers.map((server) => server.pid ?? process.pid), client.pid];
    const cpuBefore = await cpuSnapshot(watched);
    client.send({ phase: 'go' });
    await client.next('cast');
    const cpuInBurst = cpuBetween(cpuBefore, await cpuSnapshot(watched));
    const worked = await client.next<{
      devicesLoopDelayMs: { p99: number; max: number };
      castLatencies: number[];
      castSent: number[];
      castWallMs: number;
      castErrors: number;
      castErrorSamples: string[];
      acceptedCodes: string[];
      checkInLatencies: number[];
      checkInWallMs: number;
      checkInErrors: number;
      checkedIn: string[];
    }>('worked');
    const loadAfter = os.loadavg();
    const overflowsAfter = await listenOverflows();

    // The last change, through the first instance: once a stream has it, it has had every chance.
    const admin = await fetch(`${origins[0]}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'hall-admin', password: PASSWORD }),
    });
    const { csrfToken } = (await admin.json()) as { csrfToken: string };
    const patched = await fetch(
      `${origins[0]}/api/congresses/${fixture.congressId}/sittings/${fixture.sittingId}`,
      {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          cookie: admin.headers.get('set-cookie')!.split(';')[0]!,
          'x-csrf-token': csrfToken,
        },
        body: JSON.stringify({ venue: '会议中心' }),
      },
    );
    if (patched.status !== 200)
      throw new Error(`the last change failed: ${patched.status} ${await patched.text()}`);
    const stored = await database.db
      .selectFrom('stream_events')
      .select(['id', 'type', 'data_json as data'])
      .where('congress_id', '=', fixture.congressId)
      .orderBy('id')
      .execute();
    const byCode = new Map(fixture.delegates.map((d) => [d.code, d.id]));
    const present = Number(
      (
        await database.db
          .selectFrom('attendance')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('sitting_id', '=', next.id)
          .where('status', '=', 'present')
          .executeTakeFirstOrThrow()
      ).n,
    );
    client.send({
      phase: 'verify',
      stored: stored.filter((row) => row.type !== 'attendance-changed'),
      finalId: stored.at(-1)!.id,
      present,
      deadlineMs: 60_000,
    });
    if (worked.castErrors > 0 || worked.checkInErrors > 0) {
      // What the servers said about it (internal errors are logged on stderr).
      for (const server of servers) {
        const errors = server
          .output()
          .split('\n')
          .filter((text) => /error|Error/.test(text))
          .slice(0, 5);
        for (const text of errors) console.log(`  server ${server.url}: ${text.slice(0, 300)}`);
      }
    }
    const { report } = await client.next<{
      report: { owed: number; delivered: number; deliveryMs: number; frames: number; reconnects: number };
    }>('delivered');

    // Lost: acknowledged, yet not in the store.
    const voters = new Set(
      (
        await database.db
          .selectFrom('electronic_voters')
          .select('delegate_id')
          .where('round_id', '=', fixture.roundId)
          .execute()
      ).map((row) => row.delegate_id),
    );
    const presentIds = new Set(
      (
        await database.db
          .selectFrom('attendance')
          .select('delegate_id')
          .where('sitting_id', '=', next.id)
          .where('status', '=', 'present')
          .execute()
      ).map((row) => row.delegate_id),
    );
    const lost =
      worked.acceptedCodes.filter((code) => !voters.has(byCode.get(code)!)).length +
      worked.checkedIn.filter((code) => !presentIds.has(byCode.get(code)!)).length;
    return {
      engine: database.dialect,
      instances,
      streams: delegates.length,
      desks: options.desks,
      deskPaceMs: options.deskPaceMs,
      proxyKeepalive: options.proxyKeepalive,
      streamsOpenMs,
      formsMs,
      casts: worked.acceptedCodes.length,
      castErrors: worked.castErrors,
      castErrorSamples: worked.castErrorSamples,
      burstMs: options.burstMs,
      cast: summariseLatencies(worked.castLatencies),
      castBySlice: bySlice(worked.castSent, worked.castLatencies, SLICE_MS),
      castWallMs: worked.castWallMs,
      devicesLoopDelayMs: worked.devicesLoopDelayMs,
      checkIns: {
        ...summariseLatencies(worked.checkInLatencies),
        errors: worked.checkInErrors,
        wallMs: worked.checkInWallMs,
      },
      lost,
      delivered: report.delivered,
      owed: report.owed,
      deliveryMs: report.deliveryMs,
      storedEvents: stored.length,
      framesReceived: report.frames,
      reconnects: report.reconnects,
      load: { before: loadBefore, after: loadAfter },
      listenOverflows:
        overflowsBefore === undefined || overflowsAfter === undefined
          ? undefined
          : overflowsAfter - overflowsBefore,
      firstLoad,
      cpuInBurst: {
        servers: servers.reduce(
          (sum, server) => sum + (cpuInBurst.byPid.get(server.pid ?? process.pid) ?? 0),
          0,
        ),
        devices: cpuInBurst.byPid.get(client.pid) ?? 0,
        postgres: cpuInBurst.postgres,
        machineBusy: cpuInBurst.machineBusy,
        machineSteal: cpuInBurst.machineSteal,
        machineTotal: cpuInBurst.machineTotal,
      },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await dispose();
  }
}

/**
 * The kernel's count of connections dropped because a listening socket's accept queue was full
 * (TcpExt ListenOverflows, machine-wide): each one is a phone that retries a second or more later.
 */
async function listenOverflows(): Promise<number | undefined> {
  const text = await readFile('/proc/net/netstat', 'utf8').catch(() => undefined);
  const lines = text?.split('\n').filter((l) => l.startsWith('TcpExt:')) ?? [];
  if (lines.length < 2) return undefined;
  const names = lines[0]!.split(/\s+/);
  const values = lines[1]!.split(/\s+/);
  const value = Number(values[names.indexOf('ListenOverflows')]);
  return Number.isFinite(value) ? value : undefined;
}

/** The burst's slices for the p99 by sending time. */
const SLICE_MS = 500;

function bySlice(sent: readonly number[], latencies: readonly number[], sliceMs: number) {
  const slices: number[][] = [];
  sent.forEach((at, i) => {
    const slice = Math.floor(at / sliceMs);
    slices[slice] ??= [];
    slices[slice].push(latencies[i]!);
  });
  return Array.from(slices, (values = []) => ({
    count: values.length,
    p99Ms: values.length > 0 ? summariseLatencies(values).p99Ms : 0,
  }));
}

/** The proxy's idle connections to each instance, by default: docs/deployment.md's nginx. */
const PROXY_KEEPALIVE = 64;

/** A desk's least time between two check-ins, by default (see the header). */
const DESK_PACE_MS = 500;

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

// ---- the command ----------------------------------------------------------------------------------

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function line(result: HallBenchResult): string {
  return (
    `hall: engine=${result.engine} instances=${result.instances} streams=${result.streams} casts=${result.casts} ` +
    `burst_s=${result.burstMs / 1000} cast_p50_ms=${result.cast.medianMs.toFixed(1)} cast_p99_ms=${result.cast.p99Ms.toFixed(1)} ` +
    `lost=${result.lost} events_delivered=${result.delivered}/${result.owed} first_load_kb=${kb(result.firstLoad.bytes)}`
  );
}

function details(result: HallBenchResult): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const sec = (value: number) => `${value.toFixed(2)} s`;
  const load = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(' ');
  return [
    `  streams: ${result.streams} opened in ${ms(result.streamsOpenMs)} (100 at a time); ${result.framesReceived} events received in all; reconnections ${result.reconnects}`,
    `  forms  : ${result.streams} ballot forms fetched in ${ms(result.formsMs)} (100 at a time), before the burst`,
    `  through: ${result.proxyKeepalive > 0 ? `a proxy keeping up to ${result.proxyKeepalive} idle connections to each instance` : 'a new connection per request (no proxy)'}`,
    `  casts  : ${result.casts} accepted, ${result.castErrors} refused or failed, all answered within ${ms(result.castWallMs)}; p90 ${ms(result.cast.p90Ms)}, max ${ms(result.cast.maxMs)}`,
    `           p99 by when sent (each ${SLICE_MS} ms of the burst): ${result.castBySlice.map((s) => `${s.p99Ms.toFixed(0)} ms (${s.count})`).join(', ')}`,
    `           the devices' own event loop held up in the burst: p99 ${ms(result.devicesLoopDelayMs.p99)}, max ${ms(result.devicesLoopDelayMs.max)}`,
    ...result.castErrorSamples.map((sample) => `           error: ${sample}`),
    `  desks  : ${result.desks} desks, one check-in every ${result.deskPaceMs} ms at most each; ${result.checkIns.count} check-ins in ${ms(result.checkIns.wallMs)}, median ${ms(result.checkIns.medianMs)}, p99 ${ms(result.checkIns.p99Ms)}, errors ${result.checkIns.errors}`,
    `  events : ${result.storedEvents} stored for the congress; every stream complete ${ms(result.deliveryMs)} after the last change`,
    `  load average at the burst ${load(result.load.before)}, after ${load(result.load.after)}; accept-queue overflows ${result.listenOverflows ?? 'unknown'}`,
    `  cpu in the burst (its start to the last cast's answer): servers ${sec(result.cpuInBurst.servers)}, devices ${sec(result.cpuInBurst.devices)}, PostgreSQL ${sec(result.cpuInBurst.postgres)}; the machine busy ${sec(result.cpuInBurst.machineBusy)} of ${sec(result.cpuInBurst.machineTotal)}, of which stolen by the host ${sec(result.cpuInBurst.machineSteal)}`,
    `  first load: ${result.firstLoad.files.map((f) => `${f.url} ${f.status} ${f.encoding ?? 'identity'} ${kb(f.bytes)} KB`).join('; ')}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const which = option('db') ?? 'both';
  const postgresUrl =
    process.env.DATABASE_URL || process.env.PLENUM_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, node ${process.version}, ${os.platform()}; load average ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  if (!existsSync(path.join(REPOSITORY, 'dist/web/vote.html')))
    console.log('first load: dist/web/vote.html is missing: run `npm run build:web` first');
  let failed = false;
  for (const engine of which === 'both' ? ['postgres', 'sqlite'] : [which]) {
    const result = await benchHall({
      delegates: Number(option('delegates') ?? 3000),
      burstMs: Number(option('burst') ?? 3000),
      desks: Number(option('desks') ?? 20),
      deskPaceMs: Number(option('desk-pace') ?? DESK_PACE_MS),
      instances: Number(option('instances') ?? 2),
      proxyKeepalive: Number(option('proxy-keepalive') ?? PROXY_KEEPALIVE),
      inProcess: args.includes('--in-process'),
      ...(engine === 'postgres' ? { databaseUrl: postgresUrl } : {}),
    });
    console.log(line(result));
    console.log(details(result));
    if (result.lost > 0 || result.delivered !== result.owed || result.casts !== result.streams) failed = true;
    if (result.cast.p99Ms >= 250)
      console.log(`  target missed: cast p99 ${result.cast.p99Ms.toFixed(1)} ms ≥ 250 ms`);
    if (result.firstLoad.bytes > 120 * 1024)
      console.log(`  target missed: first load ${kb(result.firstLoad.bytes)} KB > 120 KB`);
  }
  if (failed) {
    console.error('FAILED: a ballot or check-in was lost, a cast failed, or an event was not delivered');
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

import { spawn } from 'node:child_process';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../../src/adapters/http/app.ts';
import { inReadTransaction, migrate } from '../../src/persistence/index.ts';
import { LoginThrottle } from '../../src/services/accounts/login-throttle.ts';
import { electronicBallotSource } from '../../src/services/ballots/electronic/electronic-ballot-source.ts';
import { cryptoRandom, type ServiceContext, systemClock } from '../../src/services/context.ts';
import { EventBus } from '../../src/services/events.ts';
import { openBallots, seedElectronicRound } from '../../test/services/ballots/electronic/fixtures.ts';
import { type LatencySummary, openBenchDatabase, summariseLatencies } from './bench-database.ts';
import { seededRandom } from './prng.ts';

// Electronic voting under a congress-sized burst: the real HTTP app on 127.0.0.1, N delegates
// (3,000 by default) present at opening, an election of 30 candidates for 27 seats. Every
// delegate logs in with the credential on their card (timed separately), then all of them cast
// within ~10 s — arrivals spread uniformly at random over the window, each request sent when its
// delegate arrives, however many are still in flight. Afterwards the round is closed (ballots
// sealed [B4]) and the store is checked: as many ballots and voter rows as accepted casts, none lost.
//
//   node --import tsx scripts/bench/evote-bench.ts [--delegates 3000] [--spread 10000] [--db sqlite|postgres|both]
// PostgreSQL: DATABASE_URL, else the test server (postgres://postgres@127.0.0.1:5432/test), in a
// throwaway schema dropped afterwards.

export interface EvoteBenchOptions {
  /** A postgres:// url: PostgreSQL in a throwaway schema. Absent: SQLite in a temporary folder. */
  readonly databaseUrl?: string;
  readonly delegates: number;
  readonly candidates?: number;
  readonly seats?: number;
  /** The window over which the delegates arrive to vote (default 10,000 ms). */
  readonly spreadMs?: number;
  readonly seed?: number;
}

export type LatencyStats = LatencySummary;

export interface EvoteBenchResult {
  readonly engine: 'sqlite' | 'postgres';
  readonly delegates: number;
  readonly candidates: number;
  readonly login: LatencyStats & { readonly wallMs: number; readonly errors: number };
  readonly cast: LatencyStats & {
    readonly wallMs: number;
    readonly accepted: number;
    readonly errors: number;
    readonly errorSamples: readonly string[];
    readonly maxInFlight: number;
    /** CPU time of the server process (Node: HTTP, sessions, the service, the driver) per cast request. */
    readonly serverCpuMsPerCast: number;
  };
  readonly closeAndSealMs: number;
  /** Two scrutineers' key shares entered, the sealed ballots opened for the count. */
  readonly openWithSharesMs: number;
  readonly stored: {
    readonly ballots: number;
    readonly voters: number;
    readonly distinctReceipts: number;
    readonly countedBallots: number;
  };
  readonly lost: number;
  readonly loadAverage: { readonly before: readonly number[]; readonly after: readonly number[] };
}

/** A random ballot with at most `seats` "for" marks (a valid ballot), some against, the rest blank. */
function randomMarks(random: () => number, candidates: number, seats: number): string {
  const marks: string[] = [];
  let forMarks = 0;
  for (let j = 0; j < candidates; j++) {
    const r = random();
    if (r < 0.8 && forMarks < seats) {
      marks.push('F');
      forMarks++;
    } else marks.push(r < 0.9 ? 'A' : '-');
  }
  return marks.join('');
}

interface ClientReport {
  readonly loginLatencies: number[];
  readonly loginWallMs: number;
  readonly loginErrors: number;
  readonly castLatencies: number[];
  readonly castWallMs: number;
  readonly castErrors: number;
  readonly castErrorSamples: string[];
  readonly receipts: string[];
  readonly maxInFlight: number;
}

// The delegates' devices, as plain JavaScript run in a child process (node -e: no loader needed),
// so that the server process's CPU time is the server's alone.
// 1. Each delegate logs in with their card, `loginConcurrency` at a time (timed apart from voting).
// 2. Each casts at their arrival time, whatever is still in flight.
const CLIENT_SOURCE = `
process.once('message', (workerData) => run(workerData).then((report) => process.send({ phase: 'done', report }, () => process.exit(0))));
async function run({ origin, congressId, roundId, arrivals, loginConcurrency }) {
  const describe = (error) => String(error && error.cause ? error.message + ': ' + (error.cause.code || error.cause.message) : error);
  const sessions = new Array(arrivals.length);
  const loginLatencies = [];
  let loginErrors = 0;
  const loginStart = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: loginConcurrency }, async () => {
    while (next < arrivals.length) {
      const i = next++;
      const started = performance.now();
      try {
        const response = await fetch(origin + '/api/congresses/' + congressId + '/delegate-session', {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: arrivals[i].code }),
        });
        const body = await response.json();
        loginLatencies.push(performance.now() - started);
        if (response.status !== 200 || !body.csrfToken) { loginErrors++; continue; }
        sessions[i] = { cookie: String(response.headers.get('set-cookie')).split(';')[0], csrf: body.csrfToken };
      } catch (error) {
        loginErrors++;
      }
    }
  }));
  const loginWallMs = performance.now() - loginStart;
  // Tell the server side that voting starts, and wait for its go.
  await new Promise((resolve) => { process.once('message', resolve); process.send({ phase: 'logged-in' }); });

  const castUrl = origin + '/api/congresses/' + congressId + '/rounds/' + roundId + '/electronic/cast';
  const castLatencies = [];
  const receipts = [];
  const castErrorSamples = [];
  let castErrors = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const castStart = performance.now();
  await Promise.all(arrivals.map((arrival, i) => new Promise((resolve) => {
    setTimeout(async () => {
      const session = sessions[i];
      if (!session) { castErrors++; resolve(); return; }
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const started = performance.now();
      try {
        const response = await fetch(castUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
          body: JSON.stringify({ marks: arrival.marks }),
        });
        const text = await response.text();
        castLatencies.push(performance.now() - started);
        if (response.status === 201) receipts.push(JSON.parse(text).receipt);
        else {
          castErrors++;
          if (castErrorSamples.length < 5) castErrorSamples.push(response.status + ' ' + text.slice(0, 200));
        }
      } catch (error) {
        castLatencies.push(performance.now() - started);
        castErrors++;
        if (castErrorSamples.length < 5) castErrorSamples.push(describe(error));
      } finally {
        inFlight--;
        resolve();
      }
    }, arrival.at);
  })));
  const castWallMs = performance.now() - castStart;
  return { loginLatencies, loginWallMs, loginErrors, castLatencies, castWallMs, castErrors, castErrorSamples, receipts, maxInFlight };
}
`;

/** Runs the delegates' devices; `onVotingStarts` is called between the logins and the casts. */
function runClients(
  workerData: {
    origin: string;
    congressId: string;
    roundId: string;
    arrivals: ReadonlyArray<{ code: string; at: number; marks: string }>;
    loginConcurrency: number;
  },
  onVotingStarts: () => void,
): Promise<ClientReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CLIENT_SOURCE], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message: { phase: 'logged-in' } | { phase: 'done'; report: ClientReport }) => {
      if (message.phase === 'logged-in') {
        onVotingStarts();
        child.send('cast');
      } else resolve(message.report);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the delegates' client process exited with ${code}`));
    });
    child.send(workerData);
  });
}

export async function benchElectronicVoting(options: EvoteBenchOptions): Promise<EvoteBenchResult> {
  const candidates = options.candidates ?? 30;
  const seats = options.seats ?? 27;
  const spreadMs = options.spreadMs ?? 10_000;
  const random = seededRandom(options.seed ?? 7);
  const { database, dispose } = await openBenchDatabase(options.databaseUrl, 'evote-bench');
  const loadBefore = os.loadavg();
  try {
    await migrate(database);
    const fixture = await seedElectronicRound(database, {
      tag: 'bench',
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
    // What the server logged as internal errors, to show why a request failed.
    const serverErrors: string[] = [];
    const app = await buildApp({
      context,
      throttle: new LoginThrottle(systemClock),
      secureCookies: false,
      extend: (instance) => {
        instance.addHook('onError', async (_request, _reply, error) => {
          if (serverErrors.length < 20) serverErrors.push(error.message);
        });
      },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
    const origin = `http://127.0.0.1:${address.port}`;
    try {
      // The delegates' devices run in another process, so that sending 3,000 requests does not
      // steal the server's event loop (in real life they are 3,000 other machines).
      const arrivals = fixture.delegates.map((d) => ({
        code: d.credential,
        at: random() * spreadMs,
        marks: randomMarks(random, candidates, seats),
      }));
      let cpuAtStart = process.cpuUsage();
      const client = await runClients(
        {
          origin,
          congressId: fixture.congressId,
          roundId: fixture.roundId,
          arrivals,
          loginConcurrency: 25,
        },
        () => {
          cpuAtStart = process.cpuUsage();
        },
      );
      const serverCpu = process.cpuUsage(cpuAtStart);
      const receipts = client.receipts;
      const castErrorSamples = [
        ...client.castErrorSamples,
        ...serverErrors.slice(0, 3).map((e) => `server: ${e}`),
      ];
      // 3. Close (sealing the ballots in receipt order) and check that nothing was lost.
      const closeStart = performance.now();
      await fixture.world.setRoundStatus(fixture.roundId, 'closed', { at: new Date().toISOString() });
      const closeAndSealMs = performance.now() - closeStart;
      // [B4] Two scrutineers' shares open the sealed ballots; only then can they be counted.
      const openStart = performance.now();
      await openBallots(fixture, context);
      const openWithSharesMs = performance.now() - openStart;
      const count = async (table: 'electronic_ballots' | 'electronic_voters') =>
        Number(
          (
            await database.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('round_id', '=', fixture.roundId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const ballots = await count('electronic_ballots');
      const voters = await count('electronic_voters');
      const round = await database.db
        .selectFrom('rounds')
        .selectAll()
        .where('id', '=', fixture.roundId)
        .executeTakeFirstOrThrow();
      const box = await inReadTransaction(database, (db) => electronicBallotSource.ballotBox(db, round));
      // A receipt is its sealed ballot's tracker [B4]; the opened ballots are keyed afresh.
      const storedReceipts = await database.db
        .selectFrom('sealed_ballots')
        .select('tracker')
        .where('round_id', '=', fixture.roundId)
        .execute();
      // Lost: a receipt handed to a delegate whose sealed ballot is not in the store.
      const stored = new Set(storedReceipts.map((r) => r.tracker));
      const lost = receipts.filter((receipt) => !stored.has(receipt)).length;
      return {
        engine: database.dialect,
        delegates: fixture.delegates.length,
        candidates,
        login: {
          ...summariseLatencies(client.loginLatencies),
          wallMs: client.loginWallMs,
          errors: client.loginErrors,
        },
        cast: {
          ...summariseLatencies(client.castLatencies),
          wallMs: client.castWallMs,
          accepted: receipts.length,
          errors: client.castErrors,
          errorSamples: castErrorSamples,
          maxInFlight: client.maxInFlight,
          serverCpuMsPerCast:
            (serverCpu.user + serverCpu.system) / 1000 / Math.max(1, client.castLatencies.length),
        },
        closeAndSealMs,
        openWithSharesMs,
        stored: { ballots, voters, distinctReceipts: stored.size, countedBallots: box.size },
        lost,
        loadAverage: { before: loadBefore, after: os.loadavg() },
      };
    } finally {
      await app.close();
    }
  } finally {
    await dispose();
  }
}

function formatResult(result: EvoteBenchResult): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const load = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(' ');
  return [
    `[${result.engine}] ${result.delegates} delegates, ${result.candidates} candidates`,
    `  login : ${result.login.count} in ${ms(result.login.wallMs)} (25 at a time); median ${ms(result.login.medianMs)}, p99 ${ms(result.login.p99Ms)}, max ${ms(result.login.maxMs)}; errors ${result.login.errors}`,
    `  cast  : ${result.cast.accepted} accepted in ${ms(result.cast.wallMs)}; median ${ms(result.cast.medianMs)}, p99 ${ms(result.cast.p99Ms)}, max ${ms(result.cast.maxMs)}; errors ${result.cast.errors}; most in flight ${result.cast.maxInFlight}; server CPU ${result.cast.serverCpuMsPerCast.toFixed(2)} ms per cast`,
    ...result.cast.errorSamples.map((sample) => `          error: ${sample}`),
    `  close : seal ${result.stored.ballots} ballots in ${ms(result.closeAndSealMs)}; open them with two shares in ${ms(result.openWithSharesMs)}`,
    `  stored: ${result.stored.ballots} ballots, ${result.stored.voters} voters, ${result.stored.distinctReceipts} distinct receipts, ${result.stored.countedBallots} in the ballot box; lost ${result.lost}; stored but receipt not delivered ${result.stored.ballots - result.cast.accepted}`,
    `  load average before ${load(result.loadAverage.before)}, after ${load(result.loadAverage.after)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const delegates = Number(option('delegates') ?? 3000);
  const spreadMs = Number(option('spread') ?? 10_000);
  const which = option('db') ?? 'both';
  const postgresUrl =
    process.env.DATABASE_URL || process.env.PLENUM_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, node ${process.version}, ${os.platform()}`,
  );
  let lost = false;
  let refused = false;
  for (const engine of which === 'both' ? ['sqlite', 'postgres'] : [which]) {
    const result = await benchElectronicVoting({
      delegates,
      spreadMs,
      ...(engine === 'postgres' ? { databaseUrl: postgresUrl } : {}),
    });
    console.log(formatResult(result));
    // Lost: an accepted ballot missing, or ballots and voters disagreeing. Refused: a cast that failed (e.g. overload).
    if (result.lost > 0 || result.stored.ballots !== result.stored.voters) lost = true;
    if (result.cast.errors > 0 || result.stored.ballots !== result.delegates) refused = true;
  }
  if (lost) console.error('FAILED: ballots were lost or ballots and voters disagree');
  else if (refused) console.error('FAILED: not every delegate could cast within the window (none lost)');
  if (lost || refused) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

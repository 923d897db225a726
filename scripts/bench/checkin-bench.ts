import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../../src/adapters/http/app.ts';
import type { Role } from '../../src/persistence/congress-schema.ts';
import { migrate } from '../../src/persistence/index.ts';
import { createAccount } from '../../src/services/accounts/account-service.ts';
import { LoginThrottle } from '../../src/services/accounts/login-throttle.ts';
import type { Actor } from '../../src/services/actor.ts';
import { pinyinReadings } from '../../src/services/attendance/pinyin-keys.ts';
import { cryptoRandom, systemClock } from '../../src/services/context.ts';
import { EventBus } from '../../src/services/events.ts';
import { seedAttendanceCongress } from '../../test/services/attendance/fixtures.ts';
import { type LatencySummary, openBenchDatabase, summariseLatencies } from './bench-database.ts';
import { makeNames } from './names-bench.ts';
import { seededRandom } from './prng.ts';

// The morning rush at the desks: N delegates checked in over HTTP by several desks at once, against
// the real app on a real socket, on SQLite (a temporary folder) and PostgreSQL (a throwaway
// schema). A big screen is connected to the event stream throughout, as in the hall, so the
// counts it triggers are part of what is measured. The desk's name search is measured too.
//
//   node --import tsx scripts/bench/checkin-bench.ts            (DATABASE_URL or PLENUM_TEST_PG_URL
//                                                                picks the PostgreSQL server)

export interface CheckInBenchOptions {
  /** postgres://… for PostgreSQL (a throwaway schema is created and dropped); absent: SQLite. */
  readonly databaseUrl?: string;
  readonly delegates: number;
  /** Requests in flight at once (default 20). */
  readonly concurrency?: number;
  /** Desks the requests come from (default 6). */
  readonly desks?: number;
  /** Name searches to time (default 300). */
  readonly searches?: number;
}

export type { LatencySummary };

export interface CheckInBenchResult {
  readonly database: 'sqlite' | 'postgres';
  readonly delegates: number;
  readonly concurrency: number;
  readonly checkIns: LatencySummary & {
    readonly errors: number;
    readonly totalSeconds: number;
    readonly perSecond: number;
  };
  /** Counted by the server afterwards: every check-in must have landed exactly once. */
  readonly present: number;
  /** Attendance events the connected big screen received. */
  readonly screenEvents: number;
  /** The first search, while the pinyin of the names is not yet cached in this process. */
  readonly firstSearchMs: number;
  readonly searches: LatencySummary;
}

const SYSTEM: Actor = {
  kind: 'account',
  accountId: 'system',
  username: 'system',
  displayName: 'system',
  roles: new Map([['*', new Set<Role>(['admin'])]]),
};

export async function benchCheckIns(options: CheckInBenchOptions): Promise<CheckInBenchResult> {
  const concurrency = options.concurrency ?? 20;
  const deskCount = options.desks ?? 6;
  const { database, dispose } = await openBenchDatabase(options.databaseUrl, 'checkin-bench');
  const screen = new AbortController();
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await migrate(database);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database, {
      voting: options.delegates,
      names: makeNames(options.delegates, 2021),
      delegations: 30,
      tag: 'bench',
    });
    const context = { database, clock: systemClock, random: cryptoRandom, events: new EventBus() };
    await createAccount(context, SYSTEM, {
      username: 'desk',
      displayName: '签到台',
      password: 'bench-password',
      roles: [{ congressId, role: 'check-in' }],
    });
    app = await buildApp({ context, throttle: new LoginThrottle(systemClock), secureCookies: false });
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });

    const login = await fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'desk', password: 'bench-password' }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    // The big screen, listening for the whole run.
    let screenEvents = 0;
    const stream = await fetch(`${origin}/api/congresses/${congressId}/events`, { signal: screen.signal });
    const screenDone = (async () => {
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          screenEvents += decoder.decode(value, { stream: true }).split('event: attendance').length - 1;
        }
      } catch {
        // aborted at the end of the run
      }
    })();

    const base = `${origin}/api/congresses/${congressId}/sittings/${sittingId}/attendance`;
    const random = seededRandom(7);
    const order = delegates.map((d) => d.code).sort(() => random() - 0.5);
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < order.length) {
          const index = next++;
          const t0 = performance.now();
          try {
            const response = await fetch(`${base}/check-in`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
              body: JSON.stringify({ code: order[index], desk: String((index % deskCount) + 1) }),
            });
            const body = (await response.json()) as { changed?: boolean };
            if (!response.ok || body.changed !== true) errors++;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const totalSeconds = (performance.now() - started) / 1000;

    const counts = (await (await fetch(`${base}/counts`, { headers: { cookie } })).json()) as {
      present: number;
    };

    // The desk's name search: the first one converts every name to pinyin; then a mix of
    // characters, initials, pinyin prefixes and codes.
    const search = async (q: string) => {
      const t0 = performance.now();
      const response = await fetch(`${base}/search?q=${encodeURIComponent(q)}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`search ${q}: ${response.status}`);
      await response.json();
      return performance.now() - t0;
    };
    const firstSearchMs = await search('wxq');
    const queries = Array.from({ length: options.searches ?? 300 }, (_, i) => {
      const delegate = delegates[Math.floor(random() * delegates.length)]!;
      const syllables = pinyinReadings(delegate.name).readings[0]?.syllables ?? ['x'];
      switch (i % 4) {
        case 0:
          return delegate.name.slice(0, 2);
        case 1:
          return syllables.map((s) => s[0]).join('');
        case 2:
          return syllables.join('').slice(0, 7);
        default:
          return delegate.code;
      }
    });
    const searchLatencies: number[] = [];
    for (const q of queries) searchLatencies.push(await search(q));

    screen.abort();
    await screenDone;
    return {
      database: database.dialect,
      delegates: options.delegates,
      concurrency,
      checkIns: {
        ...summariseLatencies(latencies),
        errors,
        totalSeconds,
        perSecond: order.length / totalSeconds,
      },
      present: counts.present,
      screenEvents,
      firstSearchMs,
      searches: summariseLatencies(searchLatencies),
    };
  } finally {
    screen.abort();
    await app?.close();
    await dispose();
  }
}

function print(result: CheckInBenchResult): void {
  const c = result.checkIns;
  const s = result.searches;
  console.log(
    `${result.database}: ${result.delegates} check-ins over HTTP, ${result.concurrency} in flight: ` +
      `median ${c.medianMs.toFixed(1)} ms, p99 ${c.p99Ms.toFixed(1)} ms, max ${c.maxMs.toFixed(1)} ms, ` +
      `errors ${c.errors}, total ${c.totalSeconds.toFixed(2)} s (${c.perSecond.toFixed(0)}/s); ` +
      `present afterwards ${result.present}; big screen got ${result.screenEvents} attendance events`,
  );
  console.log(
    `${result.database}: name search among ${result.delegates}: first (cold pinyin cache) ${result.firstSearchMs.toFixed(1)} ms; ` +
      `${s.count} searches median ${s.medianMs.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const delegates = Number(process.env.BENCH_DELEGATES ?? 3000);
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, node ${process.version}`,
  );
  print(await benchCheckIns({ delegates }));
  const url =
    process.env.DATABASE_URL || process.env.PLENUM_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
  try {
    print(await benchCheckIns({ delegates, databaseUrl: url }));
  } catch (error) {
    console.log(`postgres: not measured (${error instanceof Error ? error.message : String(error)})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

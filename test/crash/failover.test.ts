import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/persistence/connection.ts';
import { type Database, openDatabase, verifyAuditChain } from '../../src/persistence/index.ts';
import { newPlace } from '../e2e/own-database.ts';
import { POSTGRES_TEST_URL, testDatabase, testDatabases } from '../support/databases.ts';
import { type Answer, HttpClient } from './http-client.ts';
import { LiveClient } from './live-client.ts';
import { isAlive, killAll, type PlenumProcess, startPlenum } from './plenum-process.ts';
import { prepareCongress, type ReadyCongress } from './prepare-congress.ts';

// Two server instances (`plenum serve`, real processes) on one PostgreSQL schema, as behind a
// proxy. Check-in desks, big screens and delegates' phones work against both: the desks check the
// hall in to a sitting, the delegates cast electronic ballots, every screen and phone holds the
// congress's event stream. In the middle of it instance A is killed with SIGKILL. Its clients go
// on with B, as a proxy would send them: requests cut off are sent again (a delegate presses
// "submit" again; the desk scans the card again), streams reconnect with Last-Event-ID. What must
// hold:
// - every acknowledged check-in and ballot is there exactly once, each with its audit entry, and
//   the audit chain verifies;
// - every stream, survivors and reconnected alike, was sent every stored event of the congress
//   after its start, each once and in order — counts excepted, of which only the latest matters:
//   each stream ends with the latest (voting progress as stored, attendance as counted).
// Nothing waits a fixed time: every wait is for a state, with a deadline.

/** Casts and check-ins in flight per instance. */
const CONCURRENCY = 4;
/** Kill A once this share of both workloads is acknowledged. */
const KILL_AT = 0.25;

const postgres = testDatabases.includes(testDatabase.postgres);

async function until(ready: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function withDatabase<T>(config: DatabaseConfig, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

interface Outcome<T> {
  readonly task: T;
  /** The answer, or undefined when the request was cut off (no answer). */
  readonly answer: Answer | undefined;
}

/**
 * Works through `tasks` with `CONCURRENCY` workers per instance; a task whose instance is dead, or
 * whose request is cut off, is sent again to a live one, as a person would try again.
 */
async function work<T>(
  tasks: readonly T[],
  instances: readonly PlenumProcess[],
  send: (task: T, instance: PlenumProcess) => Promise<Answer>,
  acked: Outcome<T>[],
  cutOff: T[],
): Promise<void> {
  let next = 0;
  const worker = async (home: number) => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      for (let attempt = 0; ; attempt++) {
        const alive = instances.filter((instance) => isAlive(instance.pid));
        const instance = alive.find((i) => i === instances[home]) ?? alive[0];
        if (!instance) throw new Error('no instance left');
        try {
          acked.push({ task, answer: await send(task, instance) });
          break;
        } catch {
          if (attempt === 0) cutOff.push(task);
          if (attempt > 20) throw new Error('a request failed on every instance');
        }
      }
    }
  };
  await Promise.all(instances.flatMap((_, home) => Array.from({ length: CONCURRENCY }, () => worker(home))));
}

describe.skipIf(!postgres)('two instances on PostgreSQL, one killed during voting and check-in', () => {
  let place: Awaited<ReturnType<typeof newPlace>> | undefined;
  let ready: ReadyCongress;
  let instances: PlenumProcess[] = [];

  beforeAll(async () => {
    place = await newPlace('postgres', 'failover');
    ready = await prepareCongress(place.config);
    const env = { DATABASE_URL: POSTGRES_TEST_URL, PGOPTIONS: `-c search_path=${place.schema}` };
    // Both at once: starting together on one database is part of what is tried.
    instances = await Promise.all([startPlenum({ env }), startPlenum({ env })]);
  }, 600_000);

  afterAll(async () => {
    await killAll();
    await place?.remove();
  }, 120_000);

  it('every acknowledged ballot and check-in counted once; every stream sent every event; the chain verifies', async () => {
    const [a, b] = instances as [PlenumProcess, PlenumProcess];
    const origins = [a.url, b.url];
    const { congressId } = ready;
    const base = `/api/congresses/${congressId}`;
    const sittings = await withDatabase(place!.config, (database) =>
      database.db
        .selectFrom('sittings')
        .select(['id', 'kind', 'status'])
        .where('congress_id', '=', congressId)
        .execute(),
    );
    // The desks check the hall in to the next sitting while the opening sitting votes.
    const checkInSitting = sittings.find((s) => s.kind === 'plenary')!.id;
    const votingSitting = sittings.find((s) => s.status === 'open')!.id;
    const delegates = await withDatabase(place!.config, (database) =>
      database.db
        .selectFrom('delegates')
        .select(['id', 'code'])
        .where('congress_id', '=', congressId)
        .where('voting_rights', '=', 1)
        .orderBy('code')
        .execute(),
    );

    // Screens, desks and phones: the first half on A, the second on B.
    const clients: LiveClient[] = [];
    for (const [role, count] of [
      ['screen', 1],
      ['desk', 2],
      ['phone', 10],
    ] as const) {
      for (const home of [0, 1]) {
        for (let i = 0; i < count; i++) {
          clients.push(
            new LiveClient(`${role}-${home === 0 ? 'A' : 'B'}${i}`, origins, home, congressId, (origin) =>
              isAlive(instances[origins.indexOf(origin)]!.pid),
            ),
          );
        }
      }
    }
    await Promise.all(clients.map((client) => client.connect()));
    await until(() => clients.every((client) => client.start !== undefined), 'every stream to start');
    const onA = clients.filter((client) => client.current === a.url);
    expect(onA).toHaveLength(13);

    const admin = await new HttpClient(a.url).login('admin', ready.passwords.admin);
    expect((await admin.patch(`${base}/sittings/${votingSitting}`, { venue: '会议中心' })).status).toBe(200);

    // Four desks (two accounts, each logged in twice), two on each instance; sessions are rows, so
    // a desk of A goes on with B with the same session.
    const desks: HttpClient[] = [];
    for (const i of [0, 1, 2, 3]) {
      desks.push(
        await new HttpClient(i < 2 ? a.url : b.url).login(
          i % 2 === 0 ? 'checkin1' : 'checkin2',
          ready.passwords['check-in'],
        ),
      );
    }
    // Each delegate's ballot: some for, some against, some blank, never more "for" than seats.
    const voters = ready.electors.map((elector, i) => ({
      ...elector,
      marks: Array.from({ length: ready.electronic.candidates }, (_, j) =>
        j >= ready.electronic.seats ? '-' : (j + i) % 6 === 0 ? 'A' : 'F',
      ).join(''),
      client: new HttpClient(i % 2 === 0 ? a.url : b.url),
    }));
    // Logins from one address: a few at a time per instance (the login throttle lets an address keep
    // only a few attempts waiting; behind a proxy each phone has its own).
    await Promise.all(
      [0, 1].map(async (home) => {
        const mine = voters.filter((_, i) => i % 2 === home);
        let next = 0;
        await Promise.all(
          Array.from({ length: 3 }, async () => {
            while (next < mine.length) {
              const voter = mine[next++]!;
              await voter.client.delegateLogin(congressId, voter.credential);
            }
          }),
        );
      }),
    );

    const castAcked: Outcome<(typeof voters)[number]>[] = [];
    const castCutOff: (typeof voters)[number][] = [];
    const checkInAcked: Outcome<{ code: string; desk: number }>[] = [];
    const checkInCutOff: { code: string; desk: number }[] = [];
    const checkIns = delegates.map((d, i) => ({ code: d.code, desk: i % 4 }));

    let atKill = { casts: 0, checkIns: 0 };
    const killWhenHalfway = async () => {
      await until(
        () => castAcked.length >= voters.length * KILL_AT && checkInAcked.length >= checkIns.length * KILL_AT,
        'a quarter of the casts and check-ins',
        240_000,
      );
      atKill = { casts: castAcked.length, checkIns: checkInAcked.length };
      await a.kill9();
    };
    const killer = killWhenHalfway();
    await Promise.all([
      work(
        voters,
        instances,
        (voter, instance) =>
          voter.client.at(instance.url).post(`${base}/rounds/${ready.electronic.roundId}/electronic/cast`, {
            marks: voter.marks,
          }),
        castAcked,
        castCutOff,
      ),
      work(
        checkIns,
        instances,
        (task, instance) =>
          desks[task.desk]!.at(instance.url).post(`${base}/sittings/${checkInSitting}/attendance/check-in`, {
            code: task.code,
            desk: `${task.desk + 1}号台`,
          }),
        checkInAcked,
        checkInCutOff,
      ),
    ]);
    await killer;
    expect(isAlive(a.pid)).toBe(false);
    // The kill came in the middle of both.
    expect(atKill.casts).toBeLessThan(voters.length);
    expect(atKill.checkIns).toBeLessThan(checkIns.length);
    console.log(
      `[failover] casts: ${castAcked.length} answered, ${castCutOff.length} cut off by the kill and sent again; ` +
        `check-ins: ${checkInAcked.length} answered, ${checkInCutOff.length} cut off and sent again`,
    );

    // 1. Every answer is an acknowledgement (201 / 200), or, for a request sent again after the kill
    //    had cut it off, the word that it was already done.
    const cutCasts = new Set(castCutOff.map((voter) => voter.delegateId));
    for (const { task, answer } of castAcked) {
      if (answer!.status === 409 && cutCasts.has(task.delegateId)) {
        expect(answer!.body.error.code).toBe('already-voted');
        continue;
      }
      expect(answer!.status, JSON.stringify(answer!.body)).toBe(201);
    }
    const cutCheckIns = new Set(checkInCutOff.map((task) => task.code));
    for (const { task, answer } of checkInAcked) {
      expect(answer!.status, JSON.stringify(answer!.body)).toBe(200);
      // Unchanged ("already checked in") only for one sent again after the kill.
      if (!answer!.body.changed) expect(cutCheckIns.has(task.code)).toBe(true);
    }

    // 2. A last change, on B: once every stream has it, every stream has had the chance to get all.
    const finalAdmin = admin.at(b.url);
    const last = await finalAdmin.patch(`${base}/sittings/${votingSitting}`, { venue: '大礼堂' });
    expect(last.status).toBe(200);
    const stored = await withDatabase(place!.config, (database) =>
      database.db
        .selectFrom('stream_events')
        .select(['id', 'type', 'data_json'])
        .where('congress_id', '=', congressId)
        .orderBy('id')
        .execute(),
    );
    const finalId = stored.at(-1)!.id;
    await until(
      () => clients.every((client) => client.hasReached(finalId)),
      'every stream to reach the last event',
    );

    // 3. The database: each acknowledged check-in and ballot exactly once, with its audit entry.
    await withDatabase(place!.config, async (database) => {
      const events = await database.db
        .selectFrom('attendance_events')
        .select(['delegate_id', 'action'])
        .where('sitting_id', '=', checkInSitting)
        .execute();
      expect(events.every((e) => e.action === 'check-in')).toBe(true);
      expect(new Set(events.map((e) => e.delegate_id)).size).toBe(events.length);
      expect(events).toHaveLength(delegates.length);
      const present = await database.db
        .selectFrom('attendance')
        .select('delegate_id')
        .where('sitting_id', '=', checkInSitting)
        .where('status', '=', 'present')
        .execute();
      expect(present).toHaveLength(delegates.length);
      const checkInAudits = await database.db
        .selectFrom('audit_log')
        .select('subject')
        .where('action', '=', 'attendance.check-in')
        .where('subject', 'like', `attendance:${checkInSitting}:%`)
        .execute();
      expect(checkInAudits).toHaveLength(delegates.length);

      const voterRows = await database.db
        .selectFrom('electronic_voters')
        .select('delegate_id')
        .where('round_id', '=', ready.electronic.roundId)
        .execute();
      expect(new Set(voterRows.map((v) => v.delegate_id)).size).toBe(voterRows.length);
      expect(voterRows).toHaveLength(voters.length);
      const castAudits = await database.db
        .selectFrom('audit_log')
        .select('actor')
        .where('action', '=', 'ballot.electronic.vote')
        .where('subject', '=', `round:${ready.electronic.roundId}`)
        .execute();
      expect(castAudits.map((e) => e.actor).sort()).toEqual(
        voterRows.map((v) => `delegate:${v.delegate_id}`).sort(),
      );
      const chain = await verifyAuditChain(database.db);
      expect(chain.ok, JSON.stringify(chain)).toBe(true);
    });

    // 4. Every stream: each stored event after its start once and in order; of the counts, the latest.
    const countKey = (type: string, data: Record<string, unknown>) =>
      type === 'voting' && ('voted' in data || 'entered' in data || 'voteId' in data)
        ? `voting:${String(data.roundId ?? data.voteId)}`
        : undefined;
    for (const client of clients) {
      expect(client.duplicates, client.name).toEqual([]);
      expect(client.outOfOrder, client.name).toEqual([]);
      expect(
        client.resumes.every((resume) => resume.complete),
        client.name,
      ).toBe(true);
      const owed = stored.filter((row) => row.id > client.start!);
      const got = new Map(client.received.map((r) => [r.id, r]));
      const latest = new Map<string, (typeof owed)[number]>();
      for (const row of owed) {
        const key = countKey(row.type, JSON.parse(row.data_json));
        if (key) latest.set(key, row);
        else if (row.type !== 'attendance-changed')
          expect(got.get(row.id)?.data, `${client.name}: event ${row.id} (${row.type})`).toEqual(
            JSON.parse(row.data_json),
          );
      }
      for (const [key, row] of latest) {
        const last = client.received
          .filter((r) => countKey(r.type, r.data as Record<string, unknown>) === key)
          .at(-1);
        expect(last?.data, `${client.name}: the latest ${key}`).toEqual(JSON.parse(row.data_json));
      }
    }
    // The final attendance counts reach every stream (counted by the instance it is on).
    await until(
      () =>
        clients.every(
          (client) =>
            (client.counts.get(`attendance:${checkInSitting}`) as { present?: number } | undefined)
              ?.present === delegates.length,
        ),
      'every stream to show the whole hall checked in',
    );
    // A's clients all came over to B.
    for (const client of onA) {
      expect(client.connections, client.name).toBeGreaterThanOrEqual(2);
      expect(client.current, client.name).toBe(b.url);
    }
    for (const client of clients) client.stop();
  }, 600_000);
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SERVER_LOCK_FILE } from '../../src/adapters/http/server.ts';
import type { DatabaseConfig } from '../../src/persistence/connection.ts';
import { type Database, openDatabase, verifyAuditChain } from '../../src/persistence/index.ts';
import { newPlace } from '../e2e/own-database.ts';
import { describeEachDatabase, POSTGRES_TEST_URL } from '../support/databases.ts';
import { type Answer, HttpClient } from './http-client.ts';
import { isAlive, killAll, type PlenumProcess, startPlenum } from './plenum-process.ts';
import { prepareCongress, type ReadyCongress } from './prepare-congress.ts';

// The server process killed with SIGKILL (kill -9) while tellers key paper ballots and delegates
// cast electronic ballots, many requests in flight; then restarted on the same data. What must
// hold: every request the server acknowledged (2xx) is there exactly once, as sent; a request cut
// off by the kill is there completely or not at all — each paper entry with its audit entry, each
// electronic ballot with its voter row and audit entry, never one without the other — and the
// audit chain verifies. The server is the real one (`node bin/plenum.js serve`) in its own process
// group, on SQLite (a data folder) and on PostgreSQL (a schema named by PGOPTIONS).

const CONCURRENCY = 8;
/** Kill once this many requests were acknowledged and this long after the first was sent. */
const KILL_AFTER = { acks: 20, ms: 1500 };

interface Fired<T> {
  readonly acked: Array<{ task: T; answer: Answer }>;
  /** Requests the kill cut off: sent, no answer. */
  readonly lost: T[];
  /** Answers other than 2xx (none expected). */
  readonly refused: Array<{ task: T; answer: Answer }>;
  /** How many requests were in flight when the process was killed. */
  readonly inFlightAtKill: number;
}

/**
 * Sends the tasks `CONCURRENCY` at a time, without pause, and kills the server in the middle of it:
 * once enough requests were acknowledged and enough time has passed.
 */
async function fireUntilKilled<T>(
  server: PlenumProcess,
  tasks: readonly T[],
  send: (task: T) => Promise<Answer>,
): Promise<Fired<T>> {
  const acked: Fired<T>['acked'] = [];
  const lost: T[] = [];
  const refused: Fired<T>['refused'] = [];
  let next = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  let killing: Promise<void> | undefined;
  const started = Date.now();
  const maybeKill = () => {
    // Kill once enough was acknowledged and either enough time passed or a third of the work is
    // done — on a fast, idle machine all the work may finish well within the time alone.
    const enoughTime = Date.now() - started >= KILL_AFTER.ms || acked.length >= tasks.length / 3;
    if (killing || acked.length < KILL_AFTER.acks || !enoughTime) return;
    inFlightAtKill = inFlight;
    killing = server.kill9();
  };
  const timer = setInterval(maybeKill, 20);
  const worker = async () => {
    while (!killing && next < tasks.length) {
      const task = tasks[next++]!;
      inFlight++;
      try {
        const answer = await send(task);
        if (answer.status >= 200 && answer.status < 300) acked.push({ task, answer });
        else refused.push({ task, answer });
      } catch {
        lost.push(task);
      } finally {
        inFlight--;
      }
      maybeKill();
    }
  };
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    clearInterval(timer);
  }
  if (!killing) throw new Error(`every one of the ${tasks.length} requests was answered before the kill`);
  await killing;
  return { acked, lost, refused, inFlightAtKill };
}

async function inPool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < items.length; i = next++) await fn(items[i]!);
    }),
  );
}

/** Reads the database directly (beside the running server: WAL readers on SQLite, a pool on PostgreSQL). */
async function withDatabase<T>(config: DatabaseConfig, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function auditEntries(database: Database, action: string, subject: string) {
  return database.db
    .selectFrom('audit_log')
    .select(['seq', 'actor', 'after_json'])
    .where('action', '=', action)
    .where('subject', '=', subject)
    .execute();
}

describeEachDatabase('kill -9 of the server during voting, then a restart on the same data', (target) => {
  let place: Awaited<ReturnType<typeof newPlace>> | undefined;
  let ready: ReadyCongress;
  let serverOptions: Parameters<typeof startPlenum>[0];

  beforeAll(async () => {
    place = await newPlace(target.name, 'crash');
    ready = await prepareCongress(place.config);
    serverOptions =
      target.name === 'sqlite'
        ? { dataDir: place.config.dataDir! }
        : { env: { DATABASE_URL: POSTGRES_TEST_URL, PGOPTIONS: `-c search_path=${place.schema}` } };
  }, 600_000);

  afterAll(async () => {
    await killAll();
    await place?.remove();
  }, 120_000);

  /** SQLite: the lock file names the server running on the folder (a dead server's is taken over). */
  function expectLockHeldBy(server: PlenumProcess): void {
    if (target.name !== 'sqlite') return;
    const lock = JSON.parse(readFileSync(path.join(serverOptions.dataDir!, SERVER_LOCK_FILE), 'utf8'));
    expect(lock.pid).toBe(server.pid);
  }

  it('paper entries: every acknowledged entry is there exactly once with its marks and its audit entry', async () => {
    const { congressId, paper } = ready;
    const base = `/api/congresses/${congressId}/rounds/${paper.roundId}/paper`;
    // Batches of 50 sheets, pass A by teller1 and pass B by teller2, side by side.
    const marksOf = (batchNo: number, sheetNo: number) =>
      Array.from({ length: paper.candidates }, (_, j) =>
        (j * 7 + batchNo * 13 + sheetNo * 3) % 10 === 0 ? 'A' : (j + sheetNo) % 9 === 0 ? '-' : 'F',
      ).join('');
    type Entry = { teller: 0 | 1; pass: 'A' | 'B'; batchNo: number; sheetNo: number; marks: string };
    const tasks: Entry[] = [];
    for (let batchNo = 1; batchNo <= 60; batchNo++) {
      for (let sheetNo = 1; sheetNo <= 50; sheetNo++) {
        const marks = marksOf(batchNo, sheetNo);
        tasks.push(
          { teller: 0, pass: 'A', batchNo, sheetNo, marks },
          { teller: 1, pass: 'B', batchNo, sheetNo, marks },
        );
      }
    }
    const key = (e: { pass: string; batchNo: number; sheetNo: number }) =>
      `${e.pass}/${e.batchNo}/${e.sheetNo}`;
    const sent = new Map(tasks.map((t) => [key(t), t]));

    const first = await startPlenum(serverOptions);
    expectLockHeldBy(first);
    const tellers = [
      await new HttpClient(first.url).login('teller1', ready.passwords.teller),
      await new HttpClient(first.url).login('teller2', ready.passwords.teller),
    ] as const;
    const accounts = [
      (await tellers[0].get('/api/session')).body.accountId,
      (await tellers[1].get('/api/session')).body.accountId,
    ];
    const enter = (t: Entry) =>
      tellers[t.teller].post(`${base}/entries`, {
        pass: t.pass,
        batchNo: t.batchNo,
        sheetNo: t.sheetNo,
        marks: t.marks,
      });
    const fired = await fireUntilKilled(first, tasks, enter);
    expect(isAlive(first.pid)).toBe(false);
    expect(fired.refused.map((r) => `${r.answer.status} ${JSON.stringify(r.answer.body)}`)).toEqual([]);
    expect(fired.acked.every((a) => a.answer.status === 201 && a.answer.body.outcome === 'created')).toBe(
      true,
    );
    expect(fired.inFlightAtKill).toBeGreaterThan(0);
    console.log(
      `[${target.name}] paper: ${fired.acked.length} acknowledged, ${fired.lost.length} cut off by kill -9 (${fired.inFlightAtKill} in flight)`,
    );

    const second = await startPlenum(serverOptions);
    expectLockHeldBy(second);
    try {
      await withDatabase(place!.config, async (database) => {
        const rows = await database.db
          .selectFrom('paper_entries')
          .selectAll()
          .where('round_id', '=', paper.roundId)
          .execute();
        const stored = new Map<string, (typeof rows)[number][]>();
        for (const row of rows) {
          const k = key({ pass: row.pass, batchNo: row.batch_no, sheetNo: row.sheet_no });
          stored.set(k, [...(stored.get(k) ?? []), row]);
        }
        // Acknowledged: present exactly once, as sent, by the teller who sent it.
        for (const { task } of fired.acked) {
          const found = stored.get(key(task)) ?? [];
          expect(found, key(task)).toHaveLength(1);
          expect(found[0]!.marks, key(task)).toBe(task.marks);
          expect(found[0]!.entered_by).toBe(accounts[task.teller]);
        }
        // Anything else stored was in flight at the kill, and is whole.
        const acked = new Set(fired.acked.map((a) => key(a.task)));
        const lost = new Set(fired.lost.map(key));
        const extra = rows.filter(
          (row) => !acked.has(key({ pass: row.pass, batchNo: row.batch_no, sheetNo: row.sheet_no })),
        );
        expect(extra.length).toBeLessThanOrEqual(fired.lost.length);
        console.log(
          `[${target.name}] paper: of the ${fired.lost.length} cut off, ${extra.length} had committed`,
        );
        for (const row of extra) {
          const k = key({ pass: row.pass, batchNo: row.batch_no, sheetNo: row.sheet_no });
          expect(lost.has(k), k).toBe(true);
          expect(row.marks).toBe(sent.get(k)!.marks);
        }
        // Each entry with its audit entry, and no audit entry without its entry.
        const audits = await auditEntries(database, 'paper.enter', `round:${paper.roundId}`);
        const audited = new Map<string, number>();
        for (const entry of audits) {
          const after = JSON.parse(entry.after_json!) as {
            pass: string;
            batchNo: number;
            sheetNo: number;
            marks: string;
          };
          const k = key(after);
          audited.set(k, (audited.get(k) ?? 0) + 1);
          expect(stored.get(k)?.[0]?.marks, `audit entry ${entry.seq} (${k}) has no paper entry`).toBe(
            after.marks,
          );
        }
        expect(audits).toHaveLength(rows.length);
        for (const k of stored.keys()) expect(audited.get(k), `paper entry ${k} has no audit entry`).toBe(1);
        expect(await auditEntries(database, 'paper.correct', `round:${paper.roundId}`)).toEqual([]);
        const chain = await verifyAuditChain(database.db);
        expect(chain.ok, JSON.stringify(chain)).toBe(true);
      });

      // Through the restarted server, with the sessions opened before the kill: an acknowledged
      // entry sent again changes nothing; one cut off is taken now (or was taken before).
      for (const client of tellers) client.at(second.url);
      await inPool(fired.acked, CONCURRENCY, async ({ task }) => {
        const again = await enter(task);
        expect(again.status).toBe(200);
        expect(again.body).toMatchObject({ outcome: 'unchanged', entry: { marks: task.marks } });
      });
      for (const task of fired.lost) {
        const again = await enter(task);
        expect([200, 201]).toContain(again.status);
        expect(again.body.entry.marks).toBe(task.marks);
      }
      const mine = await tellers[0].get(`${base}/entries?pass=A`);
      expect(mine.status).toBe(200);
      const passA = [...fired.acked.map((a) => a.task), ...fired.lost].filter((t) => t.pass === 'A');
      expect(mine.body.entries).toHaveLength(passA.length);
    } finally {
      await second.stop();
    }
    if (target.name === 'sqlite')
      expect(existsSync(path.join(serverOptions.dataDir!, SERVER_LOCK_FILE))).toBe(false);
    await withDatabase(place!.config, async (database) => {
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });
  }, 600_000);

  it('electronic ballots: every acknowledged receipt exactly once; as many voters as ballots; counted after the restart', async () => {
    const { congressId, electronic } = ready;
    const base = `/api/congresses/${congressId}/rounds/${electronic.roundId}/electronic`;
    const marksOf = (i: number) =>
      Array.from({ length: electronic.candidates }, (_, j) =>
        (j + i) % 6 === 0 ? 'A' : (j * 5 + i) % 11 === 0 ? '-' : 'F',
      ).join('');
    const first = await startPlenum(serverOptions);
    // The delegates present log in on their own devices with the credential on their card.
    const voters = ready.electors.map((elector, i) => ({
      ...elector,
      marks: marksOf(i),
      client: new HttpClient(first.url),
    }));
    for (const voter of voters) {
      expect([...voter.marks].filter((m) => m === 'F').length).toBeLessThanOrEqual(electronic.seats);
    }
    await inPool(voters, CONCURRENCY, async (voter) => {
      await voter.client.delegateLogin(congressId, voter.credential);
    });
    const fired = await fireUntilKilled(first, voters, (voter) =>
      voter.client.post(`${base}/cast`, { marks: voter.marks }),
    );
    expect(isAlive(first.pid)).toBe(false);
    expect(fired.refused.map((r) => `${r.answer.status} ${JSON.stringify(r.answer.body)}`)).toEqual([]);
    expect(fired.inFlightAtKill).toBeGreaterThan(0);
    console.log(
      `[${target.name}] electronic: ${fired.acked.length} acknowledged, ${fired.lost.length} cut off by kill -9 (${fired.inFlightAtKill} in flight)`,
    );

    const second = await startPlenum(serverOptions);
    expectLockHeldBy(second);
    try {
      const voted = await withDatabase(place!.config, async (database) => {
        // [B4] What a cast stores: the ballot sealed to the round's key, under its tracker (the receipt).
        const ballots = await database.db
          .selectFrom('sealed_ballots')
          .select(['tracker as receipt', 'ciphertext'])
          .where('round_id', '=', electronic.roundId)
          .execute();
        const voterRows = await database.db
          .selectFrom('electronic_voters')
          .select('delegate_id')
          .where('round_id', '=', electronic.roundId)
          .execute();
        // No voter recorded without a ballot, nor a ballot without its voter.
        expect(ballots.length).toBe(voterRows.length);
        const byReceipt = new Map<string, number>();
        for (const ballot of ballots) byReceipt.set(ballot.receipt, (byReceipt.get(ballot.receipt) ?? 0) + 1);
        for (const { answer } of fired.acked)
          expect(byReceipt.get(answer.body.receipt), answer.body.receipt).toBe(1);
        // Nothing in the clear while the round is open.
        expect(
          await database.db
            .selectFrom('electronic_ballots')
            .select('marks')
            .where('round_id', '=', electronic.roundId)
            .execute(),
        ).toEqual([]);
        const votedIds = new Set(voterRows.map((v) => v.delegate_id));
        for (const { task } of fired.acked) expect(votedIds.has(task.delegateId)).toBe(true);
        const lostIds = new Set(fired.lost.map((v) => v.delegateId));
        const ackedIds = new Set(fired.acked.map((a) => a.task.delegateId));
        const extra = [...votedIds].filter((id) => !ackedIds.has(id));
        expect(
          extra.every((id) => lostIds.has(id)),
          'a voter who never sent a ballot',
        ).toBe(true);
        console.log(
          `[${target.name}] electronic: of the ${fired.lost.length} cut off, ${extra.length} had committed`,
        );
        // Every stored ballot is one that was sent: checked once the shares open them (below).
        // The audit log records that each voter voted (never how): one entry per voter row.
        const audits = await auditEntries(database, 'ballot.electronic.vote', `round:${electronic.roundId}`);
        expect(audits.map((a) => a.actor).sort()).toEqual([...votedIds].map((id) => `delegate:${id}`).sort());
        const chain = await verifyAuditChain(database.db);
        expect(chain.ok, JSON.stringify(chain)).toBe(true);
        return votedIds;
      });

      // The delegates' sessions survived the restart: an acknowledged ballot cannot be cast
      // again; one cut off is cast now, unless it had been stored.
      for (const voter of voters) voter.client.at(second.url);
      for (const { task } of fired.acked) {
        const again = await task.client.post(`${base}/cast`, { marks: task.marks });
        expect(again.status).toBe(409);
        expect(again.body.error.code).toBe('already-voted');
      }
      const receipts = new Map(fired.acked.map((a) => [a.task.delegateId, a.answer.body.receipt as string]));
      for (const voter of fired.lost) {
        const again = await voter.client.post(`${base}/cast`, { marks: voter.marks });
        expect(again.status, voter.delegateId).toBe(voted.has(voter.delegateId) ? 409 : 201);
        if (again.status === 201) receipts.set(voter.delegateId, again.body.receipt);
      }
      // The round closes and counts: the ballot box is whole (as many ballots as voters).
      const presiding = await new HttpClient(second.url).login('presiding', ready.passwords.presiding);
      const teller = await new HttpClient(second.url).login('teller1', ready.passwords.teller);
      expect(
        (await presiding.post(`/api/congresses/${congressId}/rounds/${electronic.roundId}/close`, {})).status,
      ).toBe(204);
      // [B4] The threshold of the scrutineers' shares of the round key, printed at the opening,
      // opens the sealed ballots: the key was never stored, and nothing of it was lost with the process.
      const scrutineer = await new HttpClient(second.url).login('scrutineer1', ready.passwords.scrutineer);
      const key = await scrutineer.get(`${base}/key`);
      expect(key.body).toMatchObject({ opened: false, threshold: expect.any(Number) });
      const threshold = key.body.threshold as number;
      const opened = await scrutineer.post(`${base}/key-shares`, {
        shares: electronic.shares.slice(0, threshold),
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(200);
      expect(opened.body).toMatchObject({
        opened: true,
        sealed: receipts.size + voted.size - fired.acked.length,
      });
      const count = await teller.post(`/api/congresses/${congressId}/rounds/${electronic.roundId}/count`);
      expect(count.status, JSON.stringify(count.body)).toBe(200);
      // Every ballot with a known receipt, and those stored by the kill whose receipt never arrived.
      expect(count.body.ballots.returned).toBe(receipts.size + voted.size - fired.acked.length);
      // Each delegate finds their receipt on the board (never their marks: issue 13 item 5).
      const anyone = new HttpClient(second.url);
      for (const receipt of receipts.values()) {
        const mine = await anyone.get(`${base}/receipt/${receipt}`);
        expect(mine.status).toBe(200);
        expect(mine.body).toMatchObject({ tracker: receipt, onBoard: true });
      }
      // The opened ballots are exactly the marks of those recorded as having voted, none lost or altered.
      const marksById = new Map(voters.map((v) => [v.delegateId, v.marks]));
      const board = await anyone.get(`${base}/ballots`);
      const castMarks = [...voted, ...[...receipts.keys()].filter((id) => !voted.has(id))]
        .map((id) => marksById.get(id)!)
        .sort();
      expect(board.body.ballots.map((b: { marks: string }) => b.marks).sort()).toEqual(castMarks);
    } finally {
      await second.stop();
    }
    await withDatabase(place!.config, async (database) => {
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });
  }, 600_000);
});

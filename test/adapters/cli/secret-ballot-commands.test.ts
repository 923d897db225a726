import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, type Database, migrate, openDatabase } from '../../../src/persistence/index.ts';
import { castElectronicBallot } from '../../../src/services/ballots/electronic/cast.ts';
import { closeRound } from '../../../src/services/elections/rounds.ts';
import {
  delegateActor,
  type ElectronicFixture,
  openBallots,
  seedElectronicRound,
} from '../../services/ballots/electronic/fixtures.ts';
import { populate } from '../../support/audit-fixtures.ts';
import { SYSTEM, testContext } from '../../support/http.ts';
import { expectUsageError, runCli } from './run-cli.ts';

// Issue 13 on the command line: `plenum audit verify` against heads kept outside the database
// (item 14) and with the ballots sealed into the chain (item 3); `plenum ballots verify`, the
// scrutineers' proof of a count [B4]; `plenum backup` refusing a native copy while voting is open.

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plenum-secret-cli-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function withDatabase<T>(dataDir: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** What someone with the file can do: cut entries off the end and point the head row at the last kept. */
function cutTail(dataDir: string, keep: number): void {
  const handle = new BetterSqlite3(path.join(dataDir, 'plenum.sqlite'));
  try {
    handle.exec('drop trigger audit_log_no_delete');
    handle.prepare('delete from audit_log where seq > ?').run(keep);
    const last = handle.prepare('select seq, hash from audit_log where seq = ?').get(keep) as {
      seq: number;
      hash: string;
    };
    handle.prepare('update audit_head set seq = ?, hash = ? where id = 1').run(last.seq, last.hash);
  } finally {
    handle.close();
  }
}

const CLI_TESTS = { timeout: 240_000 };

describe.concurrent('issue 13 on the command line', CLI_TESTS, () => {
  it('item 14: audit verify finds a cut-off tail against a backup manifest or a printed head, not without', async () => {
    const data = path.join(folder, 'anchored');
    const head = await withDatabase(data, async (database) => {
      await migrate(database);
      await populate(database, 12);
      return auditHead(database.db);
    });
    const backup = path.join(folder, 'anchored-backup.sqlite');
    expect((await runCli(['backup', backup, '--data', data])).code).toBe(0);
    cutTail(data, 9);
    const alone = await runCli(['audit', 'verify', '--data', data]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toMatch(/^audit chain OK: 9 entries/);
    const manifest = await runCli([
      'audit',
      'verify',
      '--manifest',
      `${backup}.manifest.json`,
      '--data',
      data,
    ]);
    expect(manifest.code).toBe(1);
    expect(manifest.stdout).toBe(
      `audit chain BROKEN at seq 10: entries 10…12 are missing: the chain ends at 9, but a head recorded outside the database names entry 12 (${head.hash})\n`,
    );
    const printed = await runCli(['audit', 'verify', '--anchor', `${head.seq}:${head.hash}`, '--data', data]);
    expect(printed.code).toBe(1);
    expectUsageError(
      await runCli(['audit', 'verify', '--anchor', '12:abc', '--data', data]),
      '--anchor',
      'SEQ:HASH',
    );
    expectUsageError(
      await runCli(['audit', 'verify', '--manifest', path.join(folder, 'none.json'), '--data', data]),
      'none.json',
    );
    // The intact copy holds against both, and says so.
    const restored = path.join(folder, 'anchored-restored');
    expect((await runCli(['restore', backup, '--data', restored])).code).toBe(0);
    const ok = await runCli([
      'audit',
      'verify',
      '--manifest',
      `${backup}.manifest.json`,
      '--anchor',
      `9:${head.hash}`,
      '--data',
      restored,
    ]);
    expect(ok.code).toBe(1); // entry 9 is not the head: its hash differs
    const good = await runCli([
      'audit',
      'verify',
      '--manifest',
      `${backup}.manifest.json`,
      '--data',
      restored,
    ]);
    expect(good.stdout).toBe(
      `audit chain OK: 12 entries, head ${head.hash}\nanchors OK: seq 12 recorded outside the database is in the chain\n`,
    );
  });

  it('[B4] items 1 and 3: no native backup while voting; the scrutineers prove the count; a changed ballot breaks verify', async () => {
    const data = path.join(folder, 'voted');
    const fixture = await withDatabase(data, async (database): Promise<ElectronicFixture> => {
      await migrate(database);
      const context = testContext(database);
      const seeded = await seedElectronicRound(database, { delegates: 8 });
      for (const [i, d] of seeded.delegates.entries()) {
        await castElectronicBallot(context, delegateActor(seeded, d), seeded.congressId, seeded.roundId, {
          marks: i % 3 ? 'F-A--' : 'AF---',
        });
      }
      return seeded;
    });
    expectUsageError(
      await runCli(['backup', path.join(folder, 'voting.sqlite'), '--data', data]),
      'electronic vote is open',
      '[B4]',
    );
    expect(
      (await runCli(['backup', path.join(folder, 'voting.json'), '--format', 'json', '--data', data])).code,
    ).toBe(0);
    await withDatabase(data, async (database) => {
      const context = testContext(database);
      await closeRound(context, SYSTEM, fixture.congressId, fixture.roundId, {});
      await openBallots(fixture, context);
    });
    const [first, , third] = fixture.shares;
    const proven = await runCli([
      'ballots',
      'verify',
      fixture.roundId,
      '--share',
      first!,
      '--share',
      third!,
      '--data',
      data,
    ]);
    expect(proven.stderr).toBe('');
    expect(proven.code).toBe(0);
    expect(proven.stdout).toMatch(/opened with shares 1 \(总监票人\), 3 \(监票人甲\); 2 needed/);
    expect(proven.stdout).toMatch(
      /count proven: the ballots counted are exactly the ballots sealed at the close\n$/,
    );
    expectUsageError(
      await runCli(['ballots', 'verify', fixture.roundId, '--share', first!, '--data', data]),
      '--share',
    );

    // Someone changes a counted ballot in the file.
    const handle = new BetterSqlite3(path.join(data, 'plenum.sqlite'));
    handle
      .prepare(
        "update electronic_ballots set marks = 'FFF--' where receipt = (select min(receipt) from electronic_ballots)",
      )
      .run();
    handle.close();
    const notProven = await runCli([
      'ballots',
      'verify',
      fixture.roundId,
      '--share',
      first!,
      '--share',
      third!,
      '--data',
      data,
    ]);
    expect(notProven.code).toBe(1);
    expect(notProven.stdout).toMatch(/count NOT proven/);
    const broken = await runCli(['audit', 'verify', '--data', data]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /^audit chain BROKEN at seq \d+: the opened ballots of round:e-round-1 no longer match/,
    );
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  correctLinks,
  linkByCommits,
  offsetsOf,
  uniqueMarks,
  walCommits,
} from '../../../../scripts/probe/forensics.ts';
import {
  backupDatabase,
  type Database,
  exportAllTables,
  inTransaction,
} from '../../../../src/persistence/index.ts';
import { sealElectronicBallots } from '../../../../src/services/ballots/ballot-seal.ts';
import { castElectronicBallot } from '../../../../src/services/ballots/electronic/cast.ts';
import { closeRound } from '../../../../src/services/elections/rounds.ts';
import { describeEachDatabase, openMigrated } from '../../../support/databases.ts';
import { SYSTEM, testContext } from '../../../support/http.ts';
import { delegateActor, openBallots, seedElectronicRound } from './fixtures.ts';

// Issue 13 items 1 and 2 [B4]: no file the system writes and no PostgreSQL page pairs a ballot's
// content with its voter, at any moment. The pairing attacks themselves, at full strength, are
// `npm run probe:secrecy` (scripts/probe); these tests pin down the properties that defeat them.

async function columns(database: Database, table: string): Promise<string[]> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(
      database.db,
    );
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = ${database.schema!} and table_name = ${table} order by ordinal_position`.execute(
    database.db,
  );
  return rows.map((r) => r.column_name);
}

/** xmin of each row of a table in the round: the transaction that wrote it (PostgreSQL). */
async function xmins(database: Database, table: string, roundId: string): Promise<string[]> {
  const { rows } = await sql<{ xmin: string }>`
    select xmin::text as xmin from ${sql.table(table)} where round_id = ${roundId}`.execute(database.db);
  return rows.map((r) => r.xmin);
}

async function relfilenode(database: Database, table: string): Promise<string> {
  const { rows } = await sql<{ node: string }>`
    select relfilenode::text as node from pg_class where oid = ${`${database.schema}.${table}`}::regclass`.execute(
    database.db,
  );
  return rows[0]!.node;
}

const CANDIDATES = 8;

/** Twelve delegates cast ballots of distinct contents, one commit each (the attacker's easiest case). */
async function votedOneByOne(database: Database) {
  const context = testContext(database);
  const fixture = await seedElectronicRound(database, { delegates: 12, candidates: CANDIDATES, seats: 6 });
  const contentOf = new Map<string, string>();
  for (const [i, delegate] of fixture.delegates.entries()) {
    const marks = uniqueMarks(i + 5, CANDIDATES);
    await castElectronicBallot(
      context,
      delegateActor(fixture, delegate),
      fixture.congressId,
      fixture.roundId,
      {
        marks,
        confirmInvalid: true,
      },
    );
    contentOf.set(delegate.id, marks);
  }
  const truth = { voters: fixture.delegates.map((d) => d.id), contentOf };
  return { context, fixture, truth, contents: [...contentOf.values()] };
}

describeEachDatabase('[B4] secret ballot: electronic ballots are not linkable to voters', (target) => {
  it('[B4] a cast writes a sealed ballot with no voter, no time and no serial; a voter row has no time', async () => {
    const database = await openMigrated(target);
    expect(await columns(database, 'sealed_ballots')).toEqual(['tracker', 'round_id', 'ciphertext']);
    expect(await columns(database, 'electronic_ballots')).toEqual([
      'receipt',
      'round_id',
      'marks',
      'write_ins_json',
    ]);
    expect(await columns(database, 'electronic_voters')).toEqual(['round_id', 'delegate_id']);
    if (database.dialect === 'sqlite') {
      // No rowid: no hidden insertion counter beside the ballots.
      for (const table of ['sealed_ballots', 'electronic_ballots'])
        await expect(sql`select rowid from ${sql.table(table)}`.execute(database.db)).rejects.toThrow(
          /rowid/,
        );
    }
  });

  it('[B4] issue 13 item 1: no WAL commit, native backup, export or file holds a ballot content with its voter', async () => {
    const database = await openMigrated(target);
    const { context: services, fixture, truth, contents } = await votedOneByOne(database);
    // Nothing stored while voting is open holds a content: a full export says so on both engines.
    const exported = Buffer.from(JSON.stringify(await exportAllTables(database)), 'utf8');
    for (const content of contents) expect(offsetsOf(exported, content), content).toEqual([]);
    if (database.dialect === 'postgres') return; // PostgreSQL: the pages are item 2's test
    const wal = `${database.file!}-wal`;
    const needles = (voter: string) => [`delegate:${voter}`];

    // While voting is open the WAL holds each cast's commit: its voter, and a sealed ballot — never
    // the content, which exists nowhere in the clear until the scrutineers open the ballots.
    const voting = await readFile(wal);
    const commits = walCommits(voting);
    expect(commits.length).toBeGreaterThanOrEqual(12);
    for (const content of contents) expect(offsetsOf(voting, content), content).toEqual([]);
    expect(correctLinks(linkByCommits(commits, truth.voters, contents, needles), truth)).toBe(0);
    for (const content of contents) expect(offsetsOf(await readFile(database.file!), content)).toEqual([]);
    // A native copy while voting is open is refused (it would keep the order of casting).
    await expect(
      backupDatabase(database, path.join(path.dirname(database.file!), 'during.sqlite')),
    ).rejects.toMatchObject({ code: 'voting-open' });

    // The close seals the ballots and empties the WAL: checkpointed into the database, truncated.
    await closeRound(services, SYSTEM, fixture.congressId, fixture.roundId, {});
    expect((await readFile(wal)).length).toBe(0);

    // Opened by two shares: the contents are written all at once, in one commit of their own (its
    // pages may hold older audit entries naming voters, as any commit's may: nothing to pair).
    await openBallots(fixture, services);
    const opening = walCommits(await readFile(wal));
    const withContents = opening.filter((pages) => contents.some((c) => offsetsOf(pages, c).length > 0));
    expect(withContents).toHaveLength(1);
    for (const content of contents) expect(offsetsOf(withContents[0]!, content)).toHaveLength(1);
    expect(correctLinks(linkByCommits(opening, truth.voters, contents, needles), truth)).toBe(0);
    // Stored in the order of a random key, drawn when opened: a scan returns them in that order.
    const { rows } = await sql<{ receipt: string }>`
      select receipt from electronic_ballots where round_id = ${fixture.roundId}`.execute(database.db);
    expect(rows.map((r) => r.receipt)).toEqual(rows.map((r) => r.receipt).sort());
    // After the close a native backup is taken again.
    await backupDatabase(database, path.join(path.dirname(database.file!), 'after.sqlite'));
  });

  it('[B4] issue 13 item 2: no ballot content shares a transaction id (xmin) with a voter; no dead ballot tuples after the seal', async () => {
    const database = await openMigrated(target);
    const { context: services, fixture, contents } = await votedOneByOne(database);
    if (database.dialect === 'sqlite') {
      // SQLite has no xmin; its transactions are the WAL's commits: the one that writes the contents
      // writes them all and no voter row (electronic_voters is not among its pages' tables).
      await closeRound(services, SYSTEM, fixture.congressId, fixture.roundId, {});
      await openBallots(fixture, services);
      const commits = walCommits(await readFile(`${database.file!}-wal`));
      const writing = commits.filter((pages) => contents.some((c) => offsetsOf(pages, c).length > 0));
      expect(writing).toHaveLength(1);
      for (const content of contents) expect(offsetsOf(writing[0]!, content)).toHaveLength(1);
      for (const delegate of fixture.delegates)
        expect(offsetsOf(writing[0]!, `${fixture.roundId}${delegate.id}`), 'a voter row').toEqual([]);
      return;
    }
    const voters = new Set(await xmins(database, 'electronic_voters', fixture.roundId));
    expect(voters.size).toBe(12);
    // While voting is open each sealed ballot carries its voter's xmin (a ciphertext nobody can
    // open alone); no content is stored at all.
    expect(new Set(await xmins(database, 'sealed_ballots', fixture.roundId))).toEqual(voters);
    expect(await xmins(database, 'electronic_ballots', fixture.roundId)).toEqual([]);

    // The close rewrites the sealed ballots in one transaction, then VACUUM FULL writes the table
    // anew: the old row versions (dead tuples, with the voters' xmin) are gone with the old file.
    const before = await relfilenode(database, 'sealed_ballots');
    await closeRound(services, SYSTEM, fixture.congressId, fixture.roundId, {});
    expect(await relfilenode(database, 'sealed_ballots')).not.toBe(before);
    const sealed = new Set(await xmins(database, 'sealed_ballots', fixture.roundId));
    expect([...sealed].filter((x) => voters.has(x))).toEqual([]);

    // The opening writes every content in one transaction of its own, no voter's.
    await openBallots(fixture, services);
    const opened = await xmins(database, 'electronic_ballots', fixture.roundId);
    expect(opened).toHaveLength(12);
    expect(new Set(opened).size).toBe(1);
    expect(voters.has(opened[0]!)).toBe(false);
    // Physically in the order of the random key drawn at the opening, not of casting.
    const { rows } = await sql<{ receipt: string }>`
      select receipt from electronic_ballots where round_id = ${fixture.roundId} order by ctid`.execute(
      database.db,
    );
    const keys = rows.map((r) => r.receipt);
    expect(keys).toEqual([...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it('sealing rewrites only its own round, changes no ballot and may be repeated', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const first = await seedElectronicRound(database, { tag: 'a', delegates: 6 });
    const second = await seedElectronicRound(database, { tag: 'b', delegates: 6 });
    for (const fixture of [first, second]) {
      for (const [i, d] of fixture.delegates.entries()) {
        await castElectronicBallot(context, delegateActor(fixture, d), fixture.congressId, fixture.roundId, {
          marks: i % 2 ? 'F-A--' : '--F--',
          writeIns: i === 3 ? ['丁宁'] : [],
        });
      }
    }
    const all = async () =>
      (await database.db.selectFrom('sealed_ballots').selectAll().execute()).sort((a, b) =>
        a.tracker < b.tracker ? -1 : 1,
      );
    const before = await all();
    await first.world.setRoundStatus(first.roundId, 'closed');
    expect(await all()).toEqual(before);
    const again = await inTransaction(database, (trx) => sealElectronicBallots(trx, first.roundId));
    expect(again).toMatchObject({ ballots: 6 });
    expect(await all()).toEqual(before);
    expect(await inTransaction(database, (trx) => sealElectronicBallots(trx, 'no-such-round'))).toMatchObject(
      {
        ballots: 0,
      },
    );
  });
});

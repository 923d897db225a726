import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import {
  backupDatabase,
  type Database,
  exportAllTables,
  inReadTransaction,
  migrate,
  openDatabase,
} from '../../src/persistence/index.ts';
import type { Actor } from '../../src/services/actor.ts';
import { castElectronicBallot } from '../../src/services/ballots/electronic/cast.ts';
import { electronicBallotSource } from '../../src/services/ballots/electronic/electronic-ballot-source.ts';
import { enterKeyShare } from '../../src/services/ballots/electronic/key-shares.ts';
import { cryptoRandom, type ServiceContext, systemClock } from '../../src/services/context.ts';
import { closeRound } from '../../src/services/elections/rounds.ts';
import { EventBus } from '../../src/services/events.ts';
import { delegateActor, seedElectronicRound } from '../../test/services/ballots/electronic/fixtures.ts';
import {
  correctLinks,
  linkByCommits,
  linkByPosition,
  offsetsOf,
  physicalOrders,
  type Truth,
  uniqueMarks,
  walCommits,
} from './forensics.ts';

// The pairing attacks of issue 13 on the secret ballot [B4], run against a real round on a real
// engine: `npm run probe:secrecy` prints them (secrecy-probe.ts) and the e2e test asserts them
// (test/e2e/secrecy-probe.test.ts). An electronic round of N delegates, each casting a ballot of
// their own content in a commit of their own (the attacker's easiest case: no group commit mixes
// them), then the close and seal, and two of the three scrutineers' key shares opening the ballots.
// Each attack pairs voters with ballot contents from what the engine wrote and counts the voters
// it links to their own ballot's content (`linked`).
//
// Each attack is run twice: on the contents, and on the sealed ballots (voter ↔ tracker, the
// ciphertext's hash). The second is the attack's control. While voting is open a cast still
// writes its voter and its sealed ballot in one transaction, so the attacks on the WAL, xmin and
// row order link every voter to their sealed ballot (N of N) — that is what they would link to
// the content if a cast still stored it in the clear, as it did before the sealed ballot: the
// attacks are real. The ciphertext is harmless (it opens only with two of the three shares, after
// the close). After the close the sealed level must be 0 too: that is what the remaining fixes
// buy — the rewrite in tracker order (new xmin, new row order), secure_delete and the truncated
// WAL on SQLite, VACUUM FULL on PostgreSQL — and a control of N there means one of them is gone.
// The attack by cell offsets is real too, though its control here is 0: a page fills its cells in
// arrival order whatever the key, so 30 small rows inserted one per commit into a table keyed by a
// random value (with or without rowid) link 30 of 30 from the file after a checkpoint (tried with
// better-sqlite3 alone); the sealed ballots are large enough to spread over pages that split in
// key order, which scrambles it. The opened ballots are small, and are safe from it only because
// they are written at once, in the order of a fresh random key.

const CANDIDATES = 12;
const SEATS = 10;
const SCRUTINEER: Actor = {
  kind: 'account',
  accountId: 'probe',
  username: 'probe-scrutineer',
  displayName: '监票人',
  roles: new Map([['*', new Set(['scrutineer', 'presiding'] as const)]]),
};

export type Phase = 'voting' | 'sealed';

export interface AttackLine {
  readonly attack: string;
  /** While the round is open, or after the close, the seal and the opening. */
  readonly phase: Phase;
  /** Voters linked to their own ballot's content. */
  readonly linked: number;
  /** The same attack on the sealed ballots (voter ↔ tracker), when it applies: the control. */
  readonly sealedLinked?: number;
  /** Deleted copies of sealed ballots still in the file (SQLite without secure_delete keeps them). */
  readonly leftovers?: number;
  readonly note?: string;
}

export interface EngineReport {
  readonly engine: 'sqlite' | 'postgresql';
  readonly ballots: number;
  readonly lines: AttackLine[];
}

interface Voted {
  readonly truth: Truth;
  /** voter → tracker (the receipt): the control's truth. */
  readonly trackers: Truth;
  readonly fixture: Awaited<ReturnType<typeof seedElectronicRound>>;
  readonly context: ServiceContext;
}

async function castOnePerCommit(database: Database, ballots: number): Promise<Voted> {
  const context: ServiceContext = {
    database,
    clock: systemClock,
    random: cryptoRandom,
    events: new EventBus(),
  };
  const fixture = await seedElectronicRound(database, {
    tag: 'p',
    delegates: ballots,
    candidates: CANDIDATES,
    seats: SEATS,
  });
  const contentOf = new Map<string, string>();
  const trackerOf = new Map<string, string>();
  for (const [i, delegate] of fixture.delegates.entries()) {
    const marks = uniqueMarks(i + 7, CANDIDATES);
    // Awaited one by one: each cast is alone in its group, so alone in its commit.
    const { receipt } = await castElectronicBallot(
      context,
      delegateActor(fixture, delegate),
      fixture.congressId,
      fixture.roundId,
      { marks, confirmInvalid: true },
    );
    contentOf.set(delegate.id, marks);
    trackerOf.set(delegate.id, receipt);
  }
  const voters = fixture.delegates.map((d) => d.id);
  return { truth: { voters, contentOf }, trackers: { voters, contentOf: trackerOf }, fixture, context };
}

async function close({ fixture, context }: Voted): Promise<void> {
  await closeRound(context, SCRUTINEER, fixture.congressId, fixture.roundId, {});
}

async function openWithShares({ fixture, context }: Voted): Promise<void> {
  for (const share of fixture.shares.slice(0, 2))
    await enterKeyShare(context, SCRUTINEER, fixture.congressId, fixture.roundId, share);
  // The count reads the opened ballots, checked against the digests the audit chain sealed.
  const round = await context.database.db
    .selectFrom('rounds')
    .selectAll()
    .where('id', '=', fixture.roundId)
    .executeTakeFirstOrThrow();
  const box = await inReadTransaction(context.database, (db) => electronicBallotSource.ballotBox(db, round));
  if (box.size !== fixture.delegates.length) throw new Error(`counted ${box.size} ballots`);
}

/** A column of the round's rows in the order a plain query returns them (or `orderBy`), and reversed. */
async function rowOrders(
  database: Database,
  table: 'electronic_ballots' | 'sealed_ballots',
  roundId: string,
  orderBy?: string,
): Promise<string[][]> {
  const column = table === 'electronic_ballots' ? 'marks' : 'tracker';
  const { rows } = await sql<{ value: string }>`
    select ${sql.ref(column)} as value from ${sql.table(table)} where round_id = ${roundId}
    ${orderBy ? sql.raw(`order by ${orderBy}`) : sql``}`.execute(database.db);
  const order = rows.map((r) => r.value);
  return [order, [...order].reverse()];
}

/** A table's rows of the round in a JSON backup, in the order written. */
async function jsonBackupOrders(
  database: Database,
  table: 'electronic_ballots' | 'sealed_ballots',
  roundId: string,
): Promise<string[][]> {
  const doc = await exportAllTables(database);
  const column = table === 'electronic_ballots' ? 'marks' : 'tracker';
  const order = (doc.tables[table] ?? []).filter((r) => r.round_id === roundId).map((r) => String(r[column]));
  return [order, [...order].reverse()];
}

/** Values found more than once in a file: a deleted copy left beside the live one. */
function leftoverCopies(file: Buffer, values: readonly string[]): number {
  return values.filter((value) => offsetsOf(file, value).length > 1).length;
}

/** The probe on a fresh SQLite database in a temporary folder, removed afterwards. */
export async function probeSqlite(ballots: number): Promise<EngineReport> {
  const folder = await mkdtemp(path.join(tmpdir(), 'plenum-probe-'));
  const database = await openDatabase({ dataDir: folder });
  try {
    await migrate(database);
    return await attackSqlite(database, ballots, folder);
  } finally {
    await database.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/** The attacks on a migrated, empty SQLite database; `folder` receives the native backups. */
export async function attackSqlite(
  database: Database,
  ballots: number,
  folder: string,
): Promise<EngineReport> {
  const lines: AttackLine[] = [];
  const file = database.file!;
  const wal = `${file}-wal`;
  const voted = await castOnePerCommit(database, ballots);
  const { truth, trackers, fixture } = voted;
  const contents = [...truth.contentOf.values()];
  const trackerList = [...trackers.contentOf.values()];
  // A voter shows in a commit by the audit entry of their vote (actor delegate:<id>).
  const needles = (voter: string) => [`delegate:${voter}`];

  // While voting is open: the WAL holds every commit; the database file and a native backup.
  const commitsVoting = walCommits(await readFile(wal));
  lines.push({
    attack: 'WAL frames, commit by commit',
    phase: 'voting',
    linked: correctLinks(linkByCommits(commitsVoting, truth.voters, contents, needles), truth),
    sealedLinked: correctLinks(linkByCommits(commitsVoting, trackers.voters, trackerList, needles), trackers),
    note: `${commitsVoting.length} commits in the WAL`,
  });
  const fileVoting = await readFile(file);
  lines.push({
    attack: 'database file: cell offsets against the voters’ order',
    phase: 'voting',
    linked: linkByPosition(truth, physicalOrders(fileVoting, contents)),
    sealedLinked: linkByPosition(trackers, physicalOrders(fileVoting, trackerList)),
  });
  // A native copy while voting holds what the file and the WAL hold: refused; if it were taken,
  // the attacks on the file and the WAL apply to it as they do to the live files.
  const during = path.join(folder, 'during.sqlite');
  const refused = await backupDatabase(database, during).then(
    () => false,
    (error: { code?: string }) => {
      if (error.code === 'voting-open') return true;
      throw error;
    },
  );
  const backupVoting = refused ? undefined : await readFile(during);
  lines.push({
    attack: 'native backup: cell offsets against the voters’ order',
    phase: 'voting',
    linked: backupVoting ? linkByPosition(truth, physicalOrders(backupVoting, contents)) : 0,
    ...(backupVoting
      ? { sealedLinked: linkByPosition(trackers, physicalOrders(backupVoting, trackerList)) }
      : {}),
    note: refused ? 'refused while the round is open' : 'TAKEN while the round is open',
  });

  // The close: sealed (rewritten in tracker order), the WAL checkpointed and truncated; then
  // the opening writes the contents in one transaction of their own.
  await close(voted);
  const walAfterClose = await readFile(wal);
  // What an attacker who copies the files right after the close gets (no opening yet).
  const fileAfterClose = await readFile(file);
  await openWithShares(voted);
  const walAfterOpen = await readFile(wal);
  const commitsAfter = [...walCommits(walAfterClose), ...walCommits(walAfterOpen)];
  lines.push({
    attack: 'WAL frames after the close and the opening',
    phase: 'sealed',
    linked: correctLinks(linkByCommits(commitsAfter, truth.voters, contents, needles), truth),
    sealedLinked: correctLinks(linkByCommits(commitsAfter, trackers.voters, trackerList, needles), trackers),
    note: `WAL ${walAfterClose.length} bytes after the seal`,
  });
  lines.push({
    attack: 'database file after the seal: cell offsets, deleted cells',
    phase: 'sealed',
    linked: linkByPosition(truth, physicalOrders(fileAfterClose, contents)),
    sealedLinked: linkByPosition(trackers, physicalOrders(fileAfterClose, trackerList)),
    leftovers: leftoverCopies(fileAfterClose, trackerList),
  });
  const backup = path.join(folder, 'after.sqlite');
  await backupDatabase(database, backup);
  const backupBytes = await readFile(backup);
  lines.push({
    attack: 'native backup after the seal: cell offsets against the voters’ order',
    phase: 'sealed',
    linked: linkByPosition(truth, physicalOrders(backupBytes, contents)),
    sealedLinked: linkByPosition(trackers, physicalOrders(backupBytes, trackerList)),
    leftovers: leftoverCopies(backupBytes, trackerList),
  });
  lines.push({
    attack: 'row order (SELECT without ORDER BY)',
    phase: 'sealed',
    linked: linkByPosition(truth, await rowOrders(database, 'electronic_ballots', fixture.roundId)),
    sealedLinked: linkByPosition(trackers, await rowOrders(database, 'sealed_ballots', fixture.roundId)),
  });
  lines.push({
    attack: 'JSON backup: row order',
    phase: 'sealed',
    linked: linkByPosition(truth, await jsonBackupOrders(database, 'electronic_ballots', fixture.roundId)),
    sealedLinked: linkByPosition(
      trackers,
      await jsonBackupOrders(database, 'sealed_ballots', fixture.roundId),
    ),
  });
  return { engine: 'sqlite', ballots, lines };
}

export const POSTGRES_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** pageinspect, if the server has it and we may create it (in public, shared by every schema). */
async function withPageinspect(database: Database): Promise<boolean> {
  try {
    await sql`create extension if not exists pageinspect schema public`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}

interface Tuple {
  readonly xmin: string;
  /** Not a version a query sees any more: deleted or superseded, its bytes still on the page. */
  readonly dead: boolean;
  readonly data: Buffer;
}

/**
 * Every tuple of a table as its pages hold it: the transaction that wrote it and its bytes. Dead
 * means not among the versions a query sees now (a row merely locked, FOR UPDATE or by a foreign
 * key check, has an xmax too but is live).
 */
async function tuples(database: Database, table: string): Promise<Tuple[]> {
  const relation = `${database.schema}.${table}`;
  const { rows } = await sql<{ page: number; lp: number; t_xmin: string; t_data: Buffer | null }>`
    select page::int as page, lp, t_xmin::text, t_data
    from generate_series(0, (pg_relation_size(${relation}::regclass) / current_setting('block_size')::int) - 1) as page,
      lateral public.heap_page_items(public.get_raw_page(${relation}, page::int))`.execute(database.db);
  const { rows: live } = await sql<{
    ctid: string;
  }>`select ctid::text as ctid from ${sql.table(table)}`.execute(database.db);
  const visible = new Set(live.map((r) => r.ctid));
  return rows
    .filter((r) => r.t_data !== null)
    .map((r) => ({ xmin: r.t_xmin, dead: !visible.has(`(${r.page},${r.lp})`), data: r.t_data! }));
}

async function voterXmins(database: Database, roundId: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ delegate_id: string; xmin: string }>`
    select delegate_id, xmin::text as xmin from electronic_voters where round_id = ${roundId}`.execute(
    database.db,
  );
  return new Map(rows.map((r) => [r.delegate_id, r.xmin]));
}

async function rowXmins(
  database: Database,
  table: 'electronic_ballots' | 'sealed_ballots',
  roundId: string,
): Promise<Array<{ xmin: string; value: string }>> {
  const column = table === 'electronic_ballots' ? 'marks' : 'tracker';
  const { rows } = await sql<{ value: string; xmin: string }>`
    select ${sql.ref(column)} as value, xmin::text as xmin from ${sql.table(table)} where round_id = ${roundId}`.execute(
    database.db,
  );
  return rows;
}

/** Pairs rows with the voter whose row the same transaction wrote (a shared xmin, unique on both sides). */
function linkByXmin(
  voters: ReadonlyMap<string, string>,
  rows: ReadonlyArray<{ xmin: string; value: string }>,
): Map<string, string> {
  const votersByXmin = new Map<string, string[]>();
  for (const [voter, xmin] of voters) votersByXmin.set(xmin, [...(votersByXmin.get(xmin) ?? []), voter]);
  const rowsByXmin = new Map<string, string[]>();
  for (const row of rows) rowsByXmin.set(row.xmin, [...(rowsByXmin.get(row.xmin) ?? []), row.value]);
  const pairing = new Map<string, string>();
  for (const [xmin, values] of rowsByXmin) {
    const who = votersByXmin.get(xmin);
    if (who?.length === 1 && values.length === 1) pairing.set(who[0]!, values[0]!);
  }
  return pairing;
}

/** Dead tuples whose data holds one of `values`, with the transaction that wrote them. */
function deadHolding(
  list: readonly Tuple[],
  values: readonly string[],
): Array<{ xmin: string; value: string }> {
  const found: Array<{ xmin: string; value: string }> = [];
  for (const tuple of list) {
    if (!tuple.dead) continue;
    const value = values.find((v) => tuple.data.includes(Buffer.from(v, 'utf8')));
    if (value) found.push({ xmin: tuple.xmin, value });
  }
  return found;
}

/** The probe on PostgreSQL at `url`, in a throwaway schema dropped afterwards. */
export async function probePostgres(ballots: number, url = POSTGRES_URL): Promise<EngineReport> {
  const schema = `probe_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ url, schema, poolSize: 4 });
  try {
    await migrate(database);
    return await attackPostgres(database, ballots);
  } finally {
    await database.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await client.end();
    }
  }
}

/** The attacks on a migrated, empty PostgreSQL schema. */
export async function attackPostgres(database: Database, ballots: number): Promise<EngineReport> {
  const lines: AttackLine[] = [];
  const inspect = await withPageinspect(database);
  const voted = await castOnePerCommit(database, ballots);
  const { truth, trackers, fixture } = voted;
  const contents = [...truth.contentOf.values()];
  const trackerList = [...trackers.contentOf.values()];
  const roundId = fixture.roundId;

  // While voting is open: each sealed ballot carries the xmin of its voter's transaction.
  const votersXmin = await voterXmins(database, roundId);
  lines.push({
    attack: 'xmin: ballot rows written with voter rows',
    phase: 'voting',
    linked: correctLinks(
      linkByXmin(votersXmin, await rowXmins(database, 'electronic_ballots', roundId)),
      truth,
    ),
    sealedLinked: correctLinks(
      linkByXmin(votersXmin, await rowXmins(database, 'sealed_ballots', roundId)),
      trackers,
    ),
  });
  lines.push({
    attack: 'row order (physical: ctid)',
    phase: 'voting',
    linked: linkByPosition(truth, await rowOrders(database, 'electronic_ballots', roundId, 'ctid')),
    sealedLinked: linkByPosition(trackers, await rowOrders(database, 'sealed_ballots', roundId, 'ctid')),
  });

  await close(voted);
  // Read before the opening: the rewrite's old versions, if VACUUM FULL left any (without it,
  // one per ballot, stamped with its voter's xmin).
  const sealedTuplesAtClose = inspect ? await tuples(database, 'sealed_ballots') : [];
  await openWithShares(voted);
  lines.push({
    attack: 'xmin after the close and the opening',
    phase: 'sealed',
    linked: correctLinks(
      linkByXmin(votersXmin, await rowXmins(database, 'electronic_ballots', roundId)),
      truth,
    ),
    sealedLinked: correctLinks(
      linkByXmin(votersXmin, await rowXmins(database, 'sealed_ballots', roundId)),
      trackers,
    ),
  });
  if (inspect) {
    const deadPlain = deadHolding(await tuples(database, 'electronic_ballots'), contents);
    const deadSealed = deadHolding(sealedTuplesAtClose, trackerList);
    lines.push({
      attack: 'dead tuples after the seal (pageinspect): xmin of old row versions',
      phase: 'sealed',
      linked: correctLinks(linkByXmin(votersXmin, deadPlain), truth),
      sealedLinked: correctLinks(linkByXmin(votersXmin, deadSealed), trackers),
      note: `${deadPlain.length + deadSealed.length} dead ballot tuples left`,
    });
  } else {
    lines.push({
      attack: 'dead tuples after the seal',
      phase: 'sealed',
      linked: 0,
      note: 'pageinspect unavailable: not probed',
    });
  }
  lines.push({
    attack: 'row order after the seal (physical: ctid)',
    phase: 'sealed',
    linked: linkByPosition(truth, await rowOrders(database, 'electronic_ballots', roundId, 'ctid')),
    sealedLinked: linkByPosition(trackers, await rowOrders(database, 'sealed_ballots', roundId, 'ctid')),
  });
  lines.push({
    attack: 'JSON backup: row order',
    phase: 'sealed',
    linked: linkByPosition(truth, await jsonBackupOrders(database, 'electronic_ballots', roundId)),
    sealedLinked: linkByPosition(trackers, await jsonBackupOrders(database, 'sealed_ballots', roundId)),
  });
  return { engine: 'postgresql', ballots, lines };
}

/** The report as the probe prints it: one line per attack. */
export function formatReport(report: EngineReport): string[] {
  return report.lines.map((line) => {
    const sealed =
      line.sealedLinked === undefined
        ? ''
        : ` (control, sealed ballot ↔ voter: ${line.sealedLinked} of ${report.ballots}${
            line.sealedLinked > 0 ? ', unreadable without 2 of 3 shares' : ''
          })`;
    const notes = [
      ...(line.leftovers === undefined ? [] : [`${line.leftovers} deleted sealed ballots left`]),
      ...(line.note ? [line.note] : []),
    ];
    const note = notes.length > 0 ? ` [${notes.join('; ')}]` : '';
    const attack = `${line.phase === 'voting' ? 'while voting' : 'after seal  '}  ${line.attack}`;
    return `${report.engine.padEnd(10)} ${attack.padEnd(88)} linked: ${line.linked} of ${report.ballots}${sealed}${note}`;
  });
}

import { createHash } from 'node:crypto';
import { type Kysely, type QueryResult, type RawBuilder, sql, type Transaction } from 'kysely';
import { verifyBallotSeals } from './ballot-seals.ts';
import { canonicalJson } from './canonical-json.ts';
import { dialectOf } from './dialect.ts';
import type { AuditLogTable, Schema } from './schema.ts';
import { readSnapshot } from './transaction.ts';
import { takeWriterHead } from './transaction-scope.ts';

// The audit log is append-only (database triggers, migration 0001) and hash-chained: entry n
// stores the hash of entry n-1 as prev_hash, and its own hash covers its fields and prev_hash. So
// editing, removing or reordering any entry breaks every hash after it, which verifyAuditChain()
// reports by seq. The chain is unkeyed: someone with write access to the file could rebuild all
// the hashes, or cut entries off the end and rewrite the head row to match. Recording the head
// somewhere else is what pins history down (issue 13 item 14): each round's close is printed on
// its tally sheet and shown on the presiding page, and every backup's manifest records the head
// it was taken at; verifyAuditChain() checks the chain against such anchors when given them.
// It also checks the ballots sealed into the chain (ballot-seals.ts): a ballot changed after its
// round was sealed breaks the verification as an altered entry would.

export type AuditEntry = {
  actor: string;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
  /** When it happened: ISO-8601 UTC as Date#toISOString writes it. Injected by the caller. */
  at: string;
};

export type AuditRecord = AuditLogTable;

export type AuditHead = { seq: number; hash: string };

export type AuditVerification =
  | { ok: true; entries: number }
  | {
      ok: false;
      /** Entries that verified before the break (seq 1 … brokenAt-1). */
      entries: number;
      /** The first seq whose entry is missing, altered or out of place. */
      brokenAt: number;
      reason: string;
    };

/** prev_hash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const PAGE = 1000;

/**
 * sha256 (hex) of the canonical JSON of the entry's stored fields and prev_hash:
 * {"action","actor","after_json","at","before_json","prev_hash","seq","subject"} in that (sorted)
 * key order, before_json/after_json being the stored text or null. Anyone can recompute it from
 * the table alone.
 */
export function auditHash(record: Omit<AuditRecord, 'hash'>): string {
  const { seq, at, actor, action, subject, before_json, after_json, prev_hash } = record;
  const text = canonicalJson({ seq, at, actor, action, subject, before_json, after_json, prev_hash });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Entries per INSERT: 9 columns each stays far below SQLite's 32,766 parameters. */
const INSERT_CHUNK = 500;

/** The entry as stored after `head`: validated, numbered and hashed. */
function chainedRecord(head: AuditHead, entry: AuditEntry): AuditRecord {
  for (const field of ['actor', 'action', 'subject'] as const) {
    if (typeof entry[field] !== 'string' || entry[field].length === 0) {
      throw new TypeError(`audit entry ${field} must be a non-empty string`);
    }
  }
  if (!isIsoUtc(entry.at)) {
    throw new TypeError(
      `audit entry at must be an ISO-8601 UTC time like 2025-06-01T08:30:00.000Z, got ${entry.at}`,
    );
  }
  const unhashed: Omit<AuditRecord, 'hash'> = {
    seq: head.seq + 1,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    before_json: entry.before === undefined ? null : canonicalJson(entry.before),
    after_json: entry.after === undefined ? null : canonicalJson(entry.after),
    prev_hash: head.hash,
  };
  return { ...unhashed, hash: auditHash(unhashed) };
}

/**
 * Appends one entry inside the caller's transaction, so the entry commits or vanishes with the
 * change it records. seq is assigned here, from the head row, gap-free. Appends are serialised:
 * on SQLite by the write lock the transaction holds; on PostgreSQL by the writer lock
 * inTransaction() takes and, for any other transaction, by FOR UPDATE on the head row.
 */
export async function appendAudit(trx: Transaction<Schema>, entry: AuditEntry): Promise<AuditRecord> {
  const chain = await AuditAppender.open(trx);
  const record = await chain.append(entry);
  await chain.close();
  return record;
}

/**
 * Several entries in one transaction (a group commit of many requests) with one read and one
 * write of the head row instead of one each per entry: open, append…, close before commit. When
 * the appends of a request are rolled back to a savepoint, rewind to the head taken before it.
 */
export class AuditAppender {
  /** Entries appended and not yet written: they go out with the head row, in close(). */
  private pending: AuditRecord[] = [];

  private constructor(
    private readonly trx: Transaction<Schema>,
    private current: AuditHead,
    private readonly stored: AuditHead | undefined,
  ) {}

  static async open(trx: Transaction<Schema>): Promise<AuditAppender> {
    if (!trx.isTransaction) throw new Error('the audit log is appended inside the transaction it records');
    // A PostgreSQL write transaction read the head as it began, with the writer lock (one round
    // trip fewer while holding it: writer-lock.ts); its first append takes that.
    const begun = takeWriterHead();
    const headQuery = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    const head =
      begun === undefined
        ? await (dialectOf(trx) === 'postgres' ? headQuery.forUpdate() : headQuery).executeTakeFirst()
        : (begun ?? undefined);
    return new AuditAppender(trx, head ?? { seq: 0, hash: GENESIS_HASH }, head);
  }

  /** The head as the appends so far leave it. */
  get head(): AuditHead {
    return this.current;
  }

  async append(entry: AuditEntry): Promise<AuditRecord> {
    const [record] = await this.appendAll([entry]);
    return record!;
  }

  /**
   * Chains entries on in order. They are written by close(), with the head row: on PostgreSQL a
   * group's every entry and its head in one statement, one round trip made while holding the
   * writer lock instead of one per request and one more for the head.
   */
  async appendAll(entries: readonly AuditEntry[]): Promise<AuditRecord[]> {
    const records: AuditRecord[] = [];
    let head = this.current;
    for (const entry of entries) {
      const record = chainedRecord(head, entry);
      records.push(record);
      head = { seq: record.seq, hash: record.hash };
    }
    this.pending.push(...records);
    this.current = head;
    return records;
  }

  /** Back to an earlier head: the entries appended since are dropped (their request was rolled back). */
  rewind(head: AuditHead): void {
    this.pending = this.pending.filter((record) => record.seq <= head.seq);
    this.current = head;
  }

  /** Writes the entries appended and the head row; call once, after the last append and before the commit. */
  async close(): Promise<void> {
    await this.closeAlong((entries) => sql`with ${entries} select 1`);
  }

  /**
   * Closes in the caller's statement where it can: on PostgreSQL, when the head row exists and the
   * entries fit one statement, `statement` is given them (and the head's update) as common table
   * expressions to begin its WITH with — one round trip fewer while holding the writer lock — and
   * its result is returned. Otherwise the entries are written here, as close() would, and the
   * result is undefined: the caller then runs its statement on its own.
   */
  async closeAlong<R>(
    statement: (entries: RawBuilder<unknown>) => RawBuilder<R>,
  ): Promise<QueryResult<R> | undefined> {
    const records = this.pending;
    this.pending = [];
    if (this.stored?.seq === this.current.seq) return undefined;
    const head = { seq: this.current.seq, hash: this.current.hash };
    if (
      this.stored &&
      records.length > 0 &&
      records.length <= INSERT_CHUNK &&
      dialectOf(this.trx) === 'postgres'
    ) {
      return statement(auditEntriesCte(records, head)).execute(this.trx);
    }
    for (let i = 0; i < records.length; i += INSERT_CHUNK) {
      await this.trx
        .insertInto('audit_log')
        .values(records.slice(i, i + INSERT_CHUNK))
        .execute();
    }
    if (this.stored) await this.trx.updateTable('audit_head').set(head).where('id', '=', 1).execute();
    else
      await this.trx
        .insertInto('audit_head')
        .values({ id: 1, ...head })
        .execute();
    return undefined;
  }
}

/**
 * A group's entries and the head after them, as common table expressions (PostgreSQL): one array
 * per column (unnest), so the statement has eleven parameters however many entries it writes.
 */
function auditEntriesCte(records: readonly AuditRecord[], head: AuditHead): RawBuilder<unknown> {
  const column = <K extends keyof AuditRecord>(key: K) => records.map((record) => record[key]);
  return sql`appended as (
      insert into audit_log (seq, at, actor, action, subject, before_json, after_json, prev_hash, hash)
      select * from unnest(${column('seq')}::integer[], ${column('at')}::text[], ${column('actor')}::text[],
        ${column('action')}::text[], ${column('subject')}::text[], ${column('before_json')}::text[],
        ${column('after_json')}::text[], ${column('prev_hash')}::text[], ${column('hash')}::text[])),
    moved as (update audit_head set seq = ${head.seq}, hash = ${head.hash} where id = 1)`;
}

/** The chain's last seq and hash (0 and GENESIS_HASH when empty): the value to record elsewhere. */
export async function auditHead(db: Kysely<Schema>): Promise<AuditHead> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

export interface VerifyOptions {
  /**
   * Heads recorded outside the database (a tally sheet, the presiding page, a backup's manifest):
   * each entry they name must still be there, with that hash. Without them, entries cut off the
   * end together with a rewritten head row go unnoticed.
   */
  readonly anchors?: readonly AuditHead[];
}

/**
 * Re-reads the whole log on one snapshot and checks that seq runs 1, 2, 3… without gaps, that
 * each prev_hash is the previous entry's hash, that each hash matches its entry, that the head
 * row names the last entry (so entries cut off the end are noticed too), that every anchor given
 * names an entry of the chain by its hash, and that the ballots sealed into the chain are the
 * ballots stored (ballot-seals.ts).
 */
export async function verifyAuditChain(
  db: Kysely<Schema>,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const anchors = [...(options.anchors ?? [])].sort((a, b) => a.seq - b.seq);
  const anchored = new Set(anchors.map((anchor) => anchor.seq));
  return readSnapshot(db, async (trx) => {
    const hashes = new Map<number, string>();
    let verified = 0;
    let prevHash = GENESIS_HASH;
    const broken = (brokenAt: number, reason: string): AuditVerification => ({
      ok: false,
      entries: brokenAt - 1,
      brokenAt,
      reason,
    });
    for (;;) {
      const page = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', verified)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const row of page) {
        const expected = verified + 1;
        if (row.seq !== expected) {
          return broken(expected, `entry ${expected} is missing (the next entry is ${row.seq})`);
        }
        if (row.prev_hash !== prevHash) {
          return broken(row.seq, `entry ${row.seq}'s prev_hash is not the hash of entry ${row.seq - 1}`);
        }
        if (auditHash(row) !== row.hash) {
          return broken(row.seq, `entry ${row.seq} was altered: its hash does not match its contents`);
        }
        verified = row.seq;
        prevHash = row.hash;
        if (anchored.has(row.seq)) hashes.set(row.seq, row.hash);
      }
      if (page.length < PAGE) break;
    }
    const head = await trx
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    const headSeq = head?.seq ?? 0;
    if (headSeq > verified) {
      return broken(
        verified + 1,
        `entries ${verified + 1}…${headSeq} are missing (the head records ${headSeq})`,
      );
    }
    if (headSeq < verified) {
      return broken(headSeq + 1, `entry ${headSeq + 1} was not appended through the audit head`);
    }
    if ((head?.hash ?? GENESIS_HASH) !== prevHash) {
      return broken(verified, `the audit head's hash does not match entry ${verified}`);
    }
    for (const anchor of anchors) {
      if (anchor.seq > verified) {
        return broken(
          verified + 1,
          `entries ${verified + 1}…${anchor.seq} are missing: the chain ends at ${verified}, but a head recorded outside the database names entry ${anchor.seq} (${anchor.hash})`,
        );
      }
      if (anchor.seq > 0 && hashes.get(anchor.seq) !== anchor.hash) {
        return broken(
          anchor.seq,
          `entry ${anchor.seq} is not the entry recorded outside the database (hash ${anchor.hash}): the chain was rewritten`,
        );
      }
    }
    const seals = await verifyBallotSeals(trx);
    if (!seals.ok) return broken(seals.brokenAt, seals.reason);
    return { ok: true, entries: verified };
  });
}

function isIsoUtc(at: unknown): at is string {
  return typeof at === 'string' && ISO_UTC.test(at) && new Date(at).toISOString() === at;
}

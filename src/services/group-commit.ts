import {
  AuditAppender,
  type Database,
  inTransaction,
  rollbackToSavepoint,
  savepoint,
  type WriteTransaction,
} from '../persistence/index.ts';
import type { Actor } from './actor.ts';
import { Announcements } from './announcements.ts';
import { type AuditedChange, applyAuditedChange } from './audited-write.ts';
import { nowIso, type ServiceContext } from './context.ts';
import type { EventHub, StoredAnnouncement } from './event-types.ts';

// Group commit for the bursts of a congress: 3,000 delegates pressing "submit" within seconds.
//
// Writers are serialised (one writer lock: transaction.ts), and what a write costs is mostly
// the commit itself — the fsync that makes it durable, and on PostgreSQL the lock, the round
// trips of BEGIN/COMMIT and of the audit head. One request per transaction therefore caps a
// burst at a few hundred writes a second and queues the rest behind each other's fsyncs.
// Here, the requests that arrive while a transaction is committing wait together and are
// committed together in the next one. Every request is still atomic with its audit entry, a
// refused request changes nothing and gets its own error, and a request is answered only after
// the transaction holding it has committed — an acknowledged write is durable, as before. A
// failure of the transaction itself (lost connection, disk full) fails every request in it, none
// of which was acknowledged.
//
// Nothing waits for a batch to fill: a group starts on the next turn of the event loop
// (setImmediate), after the requests already read from the network have queued. That turn
// matters on SQLite, whose driver is synchronous: starting at once would commit every request
// alone before the next one is even read.
//
// Under a burst on SQLite, groups of one writer also start at least SQLITE_GROUP_SPACING_MS
// apart. better-sqlite3 commits on the event loop (writing the WAL; its sync runs in the thread
// pool: wal-sync.ts), so every commit is time the one server thread answers nobody; in the hall's burst (issue 15) the thread
// was saturated and a third of it went to statements and commits. Spaced, a group holds what
// arrived in the spacing (about thirteen ballots at 1,000 a second, not five): 202–261 cast
// groups in the burst instead of 654, and the server's CPU in it a median 2.64 s, not about 3 s
// (BENCHMARKS.md, seventh session).
// A request that comes alone is not delayed: the spacing applies only after a group of more than
// one request (in the burst the desks' check-ins, which come in clumps, waited some 8 ms more).
// Each request still waits for its own commit. PostgreSQL commits off the thread, and its
// groups already gather while they wait for the writer lock.
//
// What the group announces (a writer's `announcements`, each change's Change.events) is stored
// in the same transaction and handed to the hub after the commit, before any request is answered.
// Queues only batch: which request wins, and whether it may be written at all, is decided in the
// database (the writer lock, constraints), so several server instances may each run their own.

/** Most requests in one transaction: keeps a transaction (and the lock it holds) short. */
const MAX_GROUP = 256;
/** Least time between the starts of one writer's groups on SQLite while requests come together. */
export const SQLITE_GROUP_SPACING_MS = 10;

export type Outcome<O> =
  | { readonly ok: true; readonly value: O }
  | { readonly ok: false; readonly error: unknown };

/**
 * Writes a group of requests in one transaction. `write` returns one outcome per request, in
 * order: a refused request's outcome carries its error, and must have written nothing. If
 * `write` throws instead (a database error such as a duplicate key), its transaction is rolled
 * back and the group is written again in a new one, each request on its own in its own
 * savepoint, so that only the request at fault fails. What the stream should hear goes to
 * `announcements` (rewound with the savepoints). `write` may run more than once (serialization
 * retry, that second transaction) and must not touch anything outside `trx`.
 */
export interface BatchWriter<R, O> {
  write(
    trx: WriteTransaction,
    requests: readonly R[],
    audit: AuditAppender,
    at: string,
    announcements: Announcements,
  ): Promise<readonly Outcome<O>[]>;
}

interface Pending<R, O> {
  readonly request: R;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

class GroupCommitter<R, O> {
  private readonly queue: Pending<R, O>[] = [];
  private draining = false;
  /** When the last group started (performance.now()) and how many requests it held. */
  private last = { startedAt: Number.NEGATIVE_INFINITY, size: 0 };

  constructor(
    private readonly context: ServiceContext,
    private readonly writer: BatchWriter<R, O>,
  ) {}

  submit(request: R): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.spaceFromLastGroup();
        await this.commitGroup();
        // Let the requests that arrived during that commit be read before the next group starts.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.draining = false;
    }
  }

  /** Under a burst on SQLite, waits until SQLITE_GROUP_SPACING_MS after the last group began. */
  private async spaceFromLastGroup(): Promise<void> {
    if (this.context.database.dialect !== 'sqlite' || this.last.size < 2) return;
    const wait = this.last.startedAt + SQLITE_GROUP_SPACING_MS - performance.now();
    if (wait > 0) await new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(wait)));
  }

  /**
   * Commits the next group. The group is taken from the queue only once the transaction holds the
   * writer lock: on PostgreSQL another instance may hold it for a while, and the requests that
   * arrive meanwhile then join this group instead of waiting for the next lock.
   */
  private async commitGroup(): Promise<void> {
    let group: Pending<R, O>[] | undefined;
    const take = () => {
      if (!group) {
        group = this.queue.splice(0, MAX_GROUP);
        this.last = { startedAt: performance.now(), size: group.length };
      }
      return group.map((pending) => pending.request);
    };
    let written: { outcomes: readonly Outcome<O>[]; stored: StoredAnnouncement[] };
    try {
      written = await this.writeGroup((trx, audit, at, announcements) =>
        this.writer.write(trx, take(), audit, at, announcements),
      );
    } catch {
      // The group's transaction failed: a database error of one request (a duplicate key, say)
      // or of the transaction itself. Written again, each request in its own savepoint, only the
      // request at fault fails. (A savepoint around the whole group would spare this second
      // transaction, but cost every group one more round trip while it holds the writer lock.)
      try {
        written = await this.writeGroup((trx, audit, at, announcements) =>
          this.writeOneByOne(trx, take(), audit, at, announcements),
        );
      } catch (error) {
        take();
        for (const pending of group!) pending.reject(error);
        return;
      }
    }
    const { outcomes, stored } = written;
    if (stored.length > 0) this.context.events.committed(stored, this.context.database);
    group!.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome ? outcome.error : new Error('group commit: no outcome for a request'));
    });
  }

  /** One transaction: `write` with the audit head read once and written once, and what to announce stored. */
  private writeGroup(
    write: (
      trx: WriteTransaction,
      audit: AuditAppender,
      at: string,
      announcements: Announcements,
    ) => Promise<readonly Outcome<O>[]>,
  ): Promise<{ outcomes: readonly Outcome<O>[]; stored: StoredAnnouncement[] }> {
    return inTransaction(this.context.database, async (trx) => {
      // One read and one write of the audit head for the whole group (audit-log.ts).
      const audit = await AuditAppender.open(trx);
      const announcements = new Announcements(this.context.events.check);
      const at = nowIso(this.context);
      const outcomes = await write(trx, audit, at, announcements);
      // The audit entries and the announcements: one statement on PostgreSQL.
      return { outcomes, stored: await announcements.store(trx, at, audit) };
    });
  }

  /** Each request alone in its own savepoint: a database error fails only its own request. */
  private async writeOneByOne(
    trx: WriteTransaction,
    requests: readonly R[],
    audit: AuditAppender,
    at: string,
    announcements: Announcements,
  ): Promise<Outcome<O>[]> {
    const outcomes: Outcome<O>[] = [];
    for (const [index, request] of requests.entries()) {
      const name = `request_${index}`;
      const head = audit.head;
      const mark = announcements.mark;
      await savepoint(trx, name);
      try {
        const [outcome] = await this.writer.write(trx, [request], audit, at, announcements);
        if (!outcome) throw new Error('group commit: the writer gave no outcome');
        if (!outcome.ok) throw outcome.error;
        outcomes.push(outcome);
      } catch (error) {
        await rollbackToSavepoint(trx, name);
        audit.rewind(head);
        announcements.rewind(mark);
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }
}

type Committers = Map<BatchWriter<never, unknown>, GroupCommitter<never, unknown>>;

/** One queue per database, event hub and writer: a group's announcements go to its requests' hub. */
const committers = new WeakMap<Database, WeakMap<EventHub, Committers>>();

/**
 * Submits a request to `writer`'s group commit on the context's database; resolves with its
 * outcome once the transaction that wrote it has committed.
 */
export function submitToGroup<R, O>(
  context: ServiceContext,
  writer: BatchWriter<R, O>,
  request: R,
): Promise<O> {
  let byHub = committers.get(context.database);
  if (!byHub) {
    byHub = new WeakMap();
    committers.set(context.database, byHub);
  }
  let byWriter = byHub.get(context.events);
  if (!byWriter) {
    byWriter = new Map();
    byHub.set(context.events, byWriter);
  }
  let committer = byWriter.get(writer as BatchWriter<never, unknown>) as GroupCommitter<R, O> | undefined;
  if (!committer) {
    committer = new GroupCommitter(context, writer);
    byWriter.set(
      writer as BatchWriter<never, unknown>,
      committer as unknown as GroupCommitter<never, unknown>,
    );
  }
  return committer.submit(request);
}

interface ChangeRequest {
  readonly context: ServiceContext;
  readonly actor: Actor;
  readonly change: AuditedChange<unknown>;
}

/** Any audited change, one after another in the group, each in its own savepoint. */
const changeWriter: BatchWriter<ChangeRequest, unknown> = {
  async write(trx, requests, audit, _at, announcements) {
    const outcomes: Outcome<unknown>[] = [];
    for (const [index, request] of requests.entries()) {
      const name = `change_${index}`;
      const head = audit.head;
      const mark = announcements.mark;
      await savepoint(trx, name);
      try {
        const value = await applyAuditedChange(
          request.context,
          request.actor,
          trx,
          request.change,
          (entry) => audit.append(entry),
          announcements,
        );
        outcomes.push({ ok: true, value });
      } catch (error) {
        await rollbackToSavepoint(trx, name);
        audit.rewind(head);
        announcements.rewind(mark);
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  },
};

/**
 * auditedWrite for requests that come in bursts: the same guarantees — the change and its audit
 * entry in one transaction, nothing changed by a refused request, an answer only once committed —
 * with concurrent requests sharing one commit. `change` may run more than once on PostgreSQL and
 * must not touch anything outside `trx`.
 */
export function groupCommittedWrite<T>(
  context: ServiceContext,
  actor: Actor,
  change: AuditedChange<T>,
): Promise<T> {
  return submitToGroup(context, changeWriter, { context, actor, change }) as Promise<T>;
}

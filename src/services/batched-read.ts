import { assertNotInsideTransaction, outsideTransactionScope } from '../persistence/index.ts';

// Reads by key that many requests ask for at the same moment — each request's session when a hall
// of 3,000 presses "submit" within seconds. The database stays the only truth (several instances
// share it: nothing is cached), but the reads asked for in one turn of the event loop go out as
// one query: a round trip and a statement for the turn instead of one per request, which under a
// burst is most of what a request costs the server and PostgreSQL. One query is in flight at a
// time: the reads asked for meanwhile wait for it and go out together as the next, so the busier
// the server, the more each query answers (as group-commit.ts does for writes).

/** Most keys in one query: far below either engine's limit on bound parameters. */
const MAX_KEYS = 500;

interface Waiting<V> {
  readonly resolve: (value: V | undefined) => void;
  readonly reject: (error: unknown) => void;
}

export class BatchedRead<K, V> {
  private pending = new Map<K, Waiting<V>[]>();
  private scheduled = false;
  private inFlight = false;

  /** `readMany` answers for the keys it is given: those it has no value for are absent. */
  constructor(private readonly readMany: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>) {}

  /** The value for `key` as stored when the turn's query ran, or undefined if there is none. */
  read(key: K): Promise<V | undefined> {
    // A caller inside a transaction would wait on a query that waits for its connection.
    assertNotInsideTransaction();
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    // After the requests already read from the network have asked for theirs.
    setImmediate(() => outsideTransactionScope(() => void this.flush()));
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.inFlight = true;
    const batch = this.pending;
    this.pending = new Map();
    const keys = [...batch.keys()];
    const queries: Promise<void>[] = [];
    for (let start = 0; start < keys.length; start += MAX_KEYS) {
      const slice = keys.slice(start, start + MAX_KEYS);
      const settle = (answer: (waiting: Waiting<V>, key: K) => void) => {
        for (const key of slice) for (const waiting of batch.get(key)!) answer(waiting, key);
      };
      queries.push(
        this.readMany(slice).then(
          (found) => settle((waiting, key) => waiting.resolve(found.get(key))),
          (error: unknown) => settle((waiting) => waiting.reject(error)),
        ),
      );
    }
    await Promise.all(queries);
    this.inFlight = false;
    if (this.pending.size > 0) this.schedule();
  }
}

/** One BatchedRead per owner (a database) and kind of read, made on first use. */
export function batchedReadFor<O extends object, K, V>(
  cache: WeakMap<O, BatchedRead<K, V>>,
  owner: O,
  readMany: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
): BatchedRead<K, V> {
  let reader = cache.get(owner);
  if (!reader) {
    reader = new BatchedRead(readMany);
    cache.set(owner, reader);
  }
  return reader;
}

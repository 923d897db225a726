import { AsyncLocalStorage } from 'node:async_hooks';

// Inside inTransaction(database, fn), fn must use the transaction handle it is given. Reaching
// for `database.db` instead would, on SQLite, wait forever for the one connection its own
// transaction holds (Kysely's connection mutex), and on PostgreSQL would take a second pooled
// connection that cannot see the transaction's writes and may wait on its locks. The drivers
// (sqlite-dialect.ts, postgres-pool.ts) ask this scope before handing out a connection and
// refuse with a clear error instead of hanging.

type Scope = {
  holding: boolean;
  /**
   * The audit head as the transaction's BEGIN read it, with the writer lock (PostgreSQL,
   * writer-lock.ts), until its first audit append takes it; null: the chain is empty.
   */
  writerHead?: { seq: number; hash: string } | null;
};
const scope = new AsyncLocalStorage<Scope>();

/**
 * Starts a transaction with `begin` and runs `fn` in it, in a fresh scope: while `fn` runs, any
 * other request for a connection from its async context (its awaits included) is refused.
 */
export function runScoped<H, T>(
  begin: (body: (handle: H) => Promise<T>) => Promise<T>,
  fn: (handle: H) => Promise<T>,
): Promise<T> {
  // A transaction started inside another's callback would wait for the outer one's connection.
  assertNotInsideTransaction();
  const state: Scope = { holding: false };
  return scope.run(state, () =>
    begin(async (handle) => {
      state.holding = true;
      try {
        return await fn(handle);
      } finally {
        state.holding = false;
      }
    }),
  );
}

export function assertNotInsideTransaction(): void {
  if (scope.getStore()?.holding) {
    throw new Error(
      'database used through database.db, or a second transaction started, inside a transaction: ' +
        'use the transaction handle passed to the callback (a second connection would deadlock on SQLite)',
    );
  }
}

/**
 * Runs `fn` outside any caller's transaction scope: for work done on behalf of several callers
 * at once (a batched read), which must neither be refused because the first of them happened to
 * be inside a transaction nor count as that transaction's.
 */
export function outsideTransactionScope<T>(fn: () => T): T {
  return scope.exit(fn);
}

/** Keeps the audit head the write transaction's BEGIN read, for its first audit append. */
export function noteWriterHead(head: { seq: number; hash: string } | null): void {
  const state = scope.getStore();
  if (state) state.writerHead = head;
}

/**
 * The audit head read with the writer lock, once: the first append of the transaction takes it;
 * later ones (the head has moved) read the row again. Undefined outside such a transaction.
 */
export function takeWriterHead(): { seq: number; hash: string } | null | undefined {
  const state = scope.getStore();
  if (!state?.holding) return undefined;
  const head = state.writerHead;
  state.writerHead = undefined;
  return head;
}

import pg from 'pg';
import { type Database, postgresUrlOf, redact } from './connection.ts';
import { streamEventChannel } from './event-log.ts';

// One dedicated PostgreSQL connection per server instance, outside the pool, holding LISTEN on
// the schema's stream-event channel (event-log.ts). PostgreSQL delivers a NOTIFY to it when a
// transaction that wrote events commits, on whichever instance. Notifications sent while the
// connection is down are lost for good, which is why the listener says when it has (re)connected:
// the instance then reads every event after the last it saw, as it does on a notification.
//
// A connection can die quietly (the primary failed over, a firewall dropped the flow): TCP
// keep-alive and a `select 1` every HEALTH_MS with a deadline notice it, and the listener
// reconnects with a growing pause until the server answers again.

/** How often the listening connection proves it is alive. */
const HEALTH_MS = 10_000;
/** How long that proof, or a connection attempt, may take. */
const DEADLINE_MS = 5_000;
/** Pauses between reconnection attempts (the last repeats). */
const BACKOFF_MS = [100, 250, 500, 1000, 2000];

export interface ListenHandlers {
  /** Some transaction committed events, the last of them `lastId` (a hint: read from the table). */
  onNotify(lastId: number): void;
  /** LISTEN is in place on a new connection: anything may have been missed before it. */
  onConnect(): void;
  /** The connection failed or was lost; the listener is reconnecting. */
  onLost?(error: Error): void;
}

export interface StreamEventListener {
  /** Whether LISTEN is in place right now. */
  readonly listening: boolean;
  close(): Promise<void>;
}

/**
 * LISTEN on the stream-event channel of `database` (PostgreSQL only). Resolves once the first
 * connection listens (and onConnect has been called); rejects if that first connection fails.
 */
export async function listenForStreamEvents(
  database: Database,
  handlers: ListenHandlers,
): Promise<StreamEventListener> {
  if (database.dialect !== 'postgres' || !database.schema) {
    throw new Error('stream-event notifications need PostgreSQL');
  }
  const url = postgresUrlOf(database);
  const channel = streamEventChannel(database.schema);
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;

  const drop = (failed: pg.Client, error: Error) => {
    if (client !== failed) return;
    client = undefined;
    listening = false;
    failed.removeAllListeners('notification');
    void failed.end().catch(() => {});
    if (closed) return;
    handlers.onLost?.(error);
    const pause = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)]!;
    failures++;
    retry = setTimeout(() => void connect().catch(() => {}), pause);
    retry.unref();
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: url,
      application_name: 'plenum-listener',
      keepAlive: true,
      connectionTimeoutMillis: DEADLINE_MS,
      query_timeout: DEADLINE_MS,
    });
    client = next;
    next.on('error', (error) => drop(next, error));
    next.on('end', () => drop(next, new Error('the listening connection ended')));
    next.on('notification', (message) => {
      const id = Number(message.payload);
      if (Number.isSafeInteger(id)) handlers.onNotify(id);
    });
    try {
      await next.connect();
      await next.query(`listen "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      drop(next, new Error(`cannot listen on ${redact(url)}: ${reason.message}`));
      throw reason;
    }
    if (client !== next || closed) return;
    listening = true;
    failures = 0;
    handlers.onConnect();
  };

  const health = setInterval(() => {
    const current = client;
    if (!current || !listening) return;
    current.query('select 1').catch((error: unknown) => {
      drop(current, error instanceof Error ? error : new Error(String(error)));
    });
  }, HEALTH_MS);
  health.unref();

  try {
    await connect();
  } catch (error) {
    closed = true;
    clearInterval(health);
    if (retry) clearTimeout(retry);
    throw error;
  }
  return {
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      clearInterval(health);
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      listening = false;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => {});
      }
    },
  };
}

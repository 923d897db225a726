import { dataOf, SseConnection, type SseFrame } from '../support/sse.ts';

// A screen, desk or phone holding a congress's event stream across server instances, as behind a
// proxy: when its connection ends (its instance was killed) it reconnects to the next instance
// that answers, with Last-Event-ID, as EventSource does. It records what it is sent, so a test
// can tell whether anything was missed or sent twice.

export interface Received {
  readonly id: number;
  readonly type: string;
  readonly data: unknown;
}

export class LiveClient {
  /** Stored events received, in order of arrival (each has an id). */
  readonly received: Received[] = [];
  /** Ids received more than once, or not above the one before. */
  readonly duplicates: number[] = [];
  readonly outOfOrder: number[] = [];
  /** The resume events of reconnections (lastEventId, complete). */
  readonly resumes: Array<{ lastEventId: number; complete: boolean }> = [];
  /** The latest counts received, by what they count (`attendance:<sitting>`). */
  readonly counts = new Map<string, unknown>();
  /** The position of its first connection: everything stored after it is owed to this client. */
  start: number | undefined;
  /** Connections made (the first included). */
  connections = 0;
  /** The instance it is connected to now. */
  current: string | undefined;
  /** Why it could not reconnect, if it could not. */
  failure: string | undefined;
  private lastEventId: string | undefined;
  private readonly seen = new Set<number>();
  private connection: SseConnection | undefined;
  private stopped = false;
  private next: number;

  constructor(
    readonly name: string,
    /** Instance origins; the client starts at `first` and moves on when one fails. */
    private readonly origins: readonly string[],
    first: number,
    private readonly congressId: string,
    private readonly alive: (origin: string) => boolean,
  ) {
    this.next = first;
  }

  async connect(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      const origin = this.origins[this.next % this.origins.length]!;
      if (!this.origins.some(this.alive)) throw new Error(`${this.name}: no instance is left to connect to`);
      if (!this.alive(origin)) {
        this.next++;
        continue;
      }
      try {
        const { connection, status } = await SseConnection.open(
          `${origin}/api/congresses/${this.congressId}/events`,
          { lastEventId: this.lastEventId, onFrame: (frame) => this.take(frame) },
        );
        if (status !== 200) throw new Error(`status ${status}`);
        this.connection = connection;
        this.current = origin;
        this.connections++;
        void connection.ended.then(() => {
          if (this.stopped || this.connection !== connection) return;
          this.current = undefined;
          this.next++;
          this.connect().catch((error: unknown) => {
            this.failure = error instanceof Error ? error.message : String(error);
          });
        });
        return;
      } catch {
        // That instance is gone or not answering: the next one (a proxy's health check would).
        this.next++;
        if (attempt >= this.origins.length) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  /** Whether it has received the stored event `id` (or a later one). */
  hasReached(id: number): boolean {
    return this.lastEventId !== undefined && Number(this.lastEventId) >= id;
  }

  stop(): void {
    this.stopped = true;
    this.connection?.close();
  }

  private take(frame: SseFrame): void {
    if (frame.event === 'resume') this.resumes.push(dataOf(frame));
    if (frame.event === 'attendance') {
      const data = dataOf(frame) as { sittingId: string };
      this.counts.set(`attendance:${data.sittingId}`, data);
    }
    if (frame.id === undefined) return;
    const id = Number(frame.id);
    if (frame.event === undefined) {
      // The position a connection starts at.
      this.start ??= id;
    } else {
      if (this.seen.has(id)) this.duplicates.push(id);
      const last = this.received.at(-1)?.id;
      if (last !== undefined && id <= last) this.outOfOrder.push(id);
      this.seen.add(id);
      this.received.push({ id, type: frame.event, data: dataOf(frame) });
    }
    this.lastEventId = frame.id;
  }
}

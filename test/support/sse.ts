import http from 'node:http';

// A client of the event stream (GET /api/congresses/:id/events) over a real socket, as a browser's
// EventSource is: it parses frames (id, event, data), remembers the last event id, and can
// reconnect with Last-Event-ID — to the same server or, as behind a proxy after a failover, to
// another one.

export interface SseFrame {
  /** The frame's `id:` (a frame may carry only an id: it moves the last event id). */
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  readonly retry?: number;
  /** A comment line (`: heartbeat`). */
  readonly comment?: string;
}

/** Splits a text stream into frames. */
export class SseParser {
  private buffer = '';

  push(text: string): SseFrame[] {
    this.buffer += text;
    const frames: SseFrame[] = [];
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const frame: Record<string, string | number> = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        else {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'retry') frame.retry = Number(value);
          else if (field === 'id' || field === 'event') frame[field] = value;
          else if (field === 'data')
            frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
        }
      }
      frames.push(frame as SseFrame);
      end = this.buffer.indexOf('\n\n');
    }
    return frames;
  }
}

/** One connection to a stream; `frames` grows as they arrive. */
export class SseConnection {
  readonly frames: SseFrame[] = [];
  /** The last event id this connection was given. */
  lastEventId: string | undefined;
  /** Settles when the connection ends, however it ends. */
  readonly ended: Promise<void>;
  private readonly waiters = new Set<() => void>();
  private request: http.ClientRequest | undefined;
  private done = false;

  private constructor(
    url: string,
    options: { readonly lastEventId?: string | undefined; readonly onFrame?: (frame: SseFrame) => void },
    opened: { resolve: (status: number) => void; reject: (error: Error) => void },
  ) {
    this.lastEventId = options.lastEventId;
    const parser = new SseParser();
    let endConnection!: () => void;
    this.ended = new Promise((resolve) => {
      endConnection = resolve;
    });
    const finish = () => {
      if (this.done) return;
      this.done = true;
      endConnection();
      this.wake();
    };
    this.request = http.get(
      url,
      {
        headers: {
          accept: 'text/event-stream',
          ...(options.lastEventId === undefined ? {} : { 'last-event-id': options.lastEventId }),
        },
        agent: false,
      },
      (response) => {
        opened.resolve(response.statusCode ?? 0);
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          for (const frame of parser.push(chunk)) {
            if (frame.id !== undefined) this.lastEventId = frame.id;
            this.frames.push(frame);
            options.onFrame?.(frame);
          }
          this.wake();
        });
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    this.request.on('error', (error) => {
      opened.reject(error);
      finish();
    });
  }

  /** Opens a stream; resolves once the response headers arrived (rejects if it cannot connect). */
  static open(
    url: string,
    options: { readonly lastEventId?: string | undefined; readonly onFrame?: (frame: SseFrame) => void } = {},
  ): Promise<{ connection: SseConnection; status: number }> {
    return new Promise((resolve, reject) => {
      const connection: SseConnection = new SseConnection(url, options, {
        resolve: (status) => resolve({ connection, status }),
        reject,
      });
    });
  }

  get isEnded(): boolean {
    return this.done;
  }

  /** The first frame from index `from` that `accept` takes; fails after `ms` or when the stream ends. */
  async next(accept: (frame: SseFrame) => boolean, ms = 10_000, from = 0): Promise<SseFrame> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.frames.slice(from).find(accept);
      if (found) return found;
      if (this.done) throw new Error(`the stream ended; got ${JSON.stringify(this.frames)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, left);
        function wake() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(wake);
      });
    }
  }

  close(): void {
    this.request?.destroy();
  }

  private wake(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }
}

/** The data of a frame, parsed. */
// biome-ignore lint/suspicious/noExplicitAny: JSON, checked by the assertions that read it
export const dataOf = (frame: SseFrame): any => JSON.parse(frame.data ?? 'null');

import type { Server, ServerResponse } from 'node:http';
import type { StreamEvent } from '../../contract/events.ts';
import type { CongressEvent, EventHub } from '../../services/event-types.ts';

// The open event streams of one server instance, per congress. A hall holds thousands of them (a
// phone per delegate), so the instance subscribes to its hub once per congress, not once per
// stream, and writes to the streams in batches: the events that arrive within FLUSH_MS of the last
// batch (the first after a quiet spell at once) go out as one chunk, formatted once and written
// once per stream.
// Within a batch only the latest of each count is kept (a round's progress, a sitting's
// attendance): a burst of 3,000 ballots then costs each phone a few frames a second, not one
// per group commit. Other events are never dropped; a dropped count's id is simply skipped,
// and a later one stands for it.
//
// A stream joins while catching up (its snapshot and the events it missed are being read), and
// until then keeps what arrives, to send after them: exactly the events with ids above its
// position, each once.

/** A comment line every 15 s keeps proxies and the browser from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** How long the browser waits before reconnecting (EventSource `retry:`). */
export const RETRY_MS = 3_000;
/**
 * Events this close together go out in one write. Writing costs a system call per stream: at
 * 3,000 streams a batch is some tens of milliseconds of CPU, so a busy congress's streams get at
 * most two writes a second; an event after a quiet spell still goes out at once.
 */
export const FLUSH_MS = 500;
/**
 * Streams written to in one turn of the event loop. A batch for 3,000 streams is 3,000 writes,
 * some tens of milliseconds in one piece; in slices, the requests that arrive meanwhile (a
 * burst of ballots) are read and answered between them instead of waiting for all of it.
 */
export const STREAMS_PER_TURN = 200;
/** How soon an open stream notices that the server is shutting down. */
const TICK_MS = 250;
/** A client this far behind (a stalled screen) is dropped; it reconnects and is sent what it missed. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface Item {
  readonly event: CongressEvent;
  /** The stored id; none for derived counts. */
  readonly id: number | undefined;
}

/** One server-sent event: `id:` when it has one, `event:` and a single `data:` line. */
export function frame({ type, data }: StreamEvent, id?: number): string {
  // JSON.stringify escapes newlines, so the payload is always a single data: line.
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The counts of which only the latest matters: what they count, or undefined for other events. */
export function countKey(event: CongressEvent): string | undefined {
  if (event.type === 'attendance') return `attendance:${event.data.sittingId}`;
  if (event.type !== 'voting') return undefined;
  const data = event.data;
  if ('voteId' in data) return `adoption:${data.voteId}`;
  if ('voted' in data) return `electronic:${data.roundId}`;
  if ('entered' in data) return `paper:${data.roundId}`;
  return undefined;
}

/** The items in order, each count only in its latest occurrence. */
export function latestCounts(items: readonly Item[]): Item[] {
  const last = new Map<string, number>();
  items.forEach((item, i) => {
    const key = countKey(item.event);
    if (key !== undefined) last.set(key, i);
  });
  return items.filter((item, i) => {
    const key = countKey(item.event);
    return key === undefined || last.get(key) === i;
  });
}

/** One open stream. */
export class StreamMember {
  /** The highest id this stream has been sent (or stands at). */
  cursor = 0;
  private catching: Item[] | undefined = [];
  private response: ServerResponse | undefined;
  private ended = false;
  private wasListening = false;
  onClose: (() => void) | undefined;

  constructor(private readonly server: Server) {}

  /** The HTTP response to write to, once its headers are sent. */
  attach(response: ServerResponse): void {
    this.response = response;
    this.wasListening = this.server.listening;
  }

  get closed(): boolean {
    return this.ended;
  }

  send(text: string): void {
    const response = this.response;
    if (this.ended || !response || text === '') return;
    response.write(text);
    if (response.writableLength > MAX_BUFFERED_BYTES) this.close();
  }

  /** A batch for this stream: kept while catching up, else what is above its cursor. */
  deliver(
    items: readonly Item[],
    frames: readonly string[],
    chunk: string,
    lowest: number | undefined,
  ): void {
    if (this.ended) return;
    if (this.catching) {
      this.catching.push(...items);
      return;
    }
    if (lowest === undefined || lowest > this.cursor) {
      this.send(chunk);
    } else {
      this.send(frames.filter((_, i) => items[i]!.id === undefined || items[i]!.id! > this.cursor).join(''));
    }
    for (const item of items) if (item.id !== undefined && item.id > this.cursor) this.cursor = item.id;
  }

  /** Caught up to `position`: sends what arrived meanwhile above it, then streams live. */
  caughtUp(position: number): void {
    const kept = latestCounts(this.catching ?? []).filter(
      (item) => item.id === undefined || item.id > position,
    );
    this.catching = undefined;
    this.cursor = position;
    this.send(kept.map((item) => frame(item.event, item.id)).join(''));
    for (const item of kept) if (item.id !== undefined && item.id > this.cursor) this.cursor = item.id;
  }

  /** The server stopped listening (app.close()): end the stream so closing does not hang. */
  serverClosing(): boolean {
    return this.wasListening && !this.server.listening;
  }

  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.response?.end();
    this.onClose?.();
  }
}

class CongressChannel {
  readonly members = new Set<StreamMember>();
  private pending: Item[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = 0;
  /** The batch being written, slice by slice: the next waits for it, so every stream gets batches in order. */
  private delivering: Promise<void> = Promise.resolve();
  readonly unsubscribe: () => void;

  constructor(events: EventHub, congressId: string) {
    this.unsubscribe = events.subscribe(congressId, (event, id) => {
      this.pending.push({ event, id });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + FLUSH_MS - Date.now());
    // Even at once, after the events of the same commit have all arrived.
    this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    this.timer = undefined;
    this.lastFlush = Date.now();
    const items = latestCounts(this.pending);
    this.pending = [];
    if (items.length === 0) return;
    const frames = items.map((item) => frame(item.event, item.id));
    const chunk = frames.join('');
    let lowest: number | undefined;
    for (const item of items)
      if (item.id !== undefined && (lowest === undefined || item.id < lowest)) lowest = item.id;
    // The streams open now. One that joins meanwhile is catching up: it reads these events,
    // committed before they were announced, from the database.
    const members = [...this.members];
    this.delivering = this.delivering.then(() =>
      inSlices(members, STREAMS_PER_TURN, (member) => {
        try {
          member.deliver(items, frames, chunk, lowest);
        } catch {
          // A stream that cannot be written to is dropped; it reconnects and catches up.
          member.close();
        }
      }),
    );
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe();
  }
}

/** `each` for every item, `size` of them in a turn of the event loop. */
export async function inSlices<T>(items: readonly T[], size: number, each: (item: T) => void): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const item of items.slice(start, start + size)) each(item);
  }
}

/** The streams of one hub (one server instance), by congress. */
export class StreamHub {
  private readonly channels = new Map<string, CongressChannel>();
  private ticker: NodeJS.Timeout | undefined;
  private ticks = 0;

  constructor(private readonly events: EventHub) {}

  /** Adds a stream (catching up until caughtUp); it leaves when closed. */
  join(congressId: string, member: StreamMember): void {
    let channel = this.channels.get(congressId);
    if (!channel) {
      channel = new CongressChannel(this.events, congressId);
      this.channels.set(congressId, channel);
    }
    channel.members.add(member);
    const joined = channel;
    member.onClose = () => {
      joined.members.delete(member);
      if (joined.members.size === 0 && this.channels.get(congressId) === joined) {
        joined.stop();
        this.channels.delete(congressId);
        if (this.channels.size === 0) this.stopTicking();
      }
    };
    this.startTicking();
  }

  /** Streams open now, over every congress. */
  get size(): number {
    let n = 0;
    for (const channel of this.channels.values()) n += channel.members.size;
    return n;
  }

  // One timer for every stream: the heartbeat, and the watch for a server shutting down.
  private startTicking(): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => {
      this.ticks++;
      const beat = this.ticks % Math.round(HEARTBEAT_MS / TICK_MS) === 0;
      for (const channel of [...this.channels.values()]) {
        for (const member of [...channel.members]) {
          if (member.serverClosing()) member.close();
          else if (beat) member.send(': heartbeat\n\n');
        }
      }
    }, TICK_MS);
    this.ticker.unref();
  }

  private stopTicking(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }
}

const hubs = new WeakMap<EventHub, StreamHub>();

/** The stream hub of an event hub (one per server instance). */
export function streamHubOf(events: EventHub): StreamHub {
  let hub = hubs.get(events);
  if (!hub) {
    hub = new StreamHub(events);
    hubs.set(events, hub);
  }
  return hub;
}

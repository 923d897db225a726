// One live connection per congress for the whole page. A page often has several parts that follow
// the congress's events (the delegate's phone: the open ballots and the sitting papers); each
// opening its own EventSource would double the streams a hall's server holds and the frames its
// Wi-Fi carries. The parts join the congress's channel instead: the first opens the stream, the
// last to leave closes it, and every part gets every event.
//
// EventSource reconnects by itself after a dropped connection (the server asks for 3 s); when the
// browser gives up (an error answer, the server restarting) the channel opens a new one, backing
// off to 10 s.

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

/** What a part of the page is told. */
export interface ChannelMember {
  /** An event of the stream: its type and its data, parsed. */
  readonly event: (type: string, data: unknown) => void;
  /** After every (re)connection: a chance to reload what the stream does not replay. */
  readonly opened: () => void;
  readonly status: (status: LiveStatus) => void;
}

/** The part of the browser's EventSource the channel uses. */
export interface StreamSource {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { readonly data: string }) => void): void;
  close(): void;
}

/** EventSource.CLOSED, written out so that the channel needs no browser to be tested. */
const CLOSED = 2;
const BACKOFF_MS = [1000, 2000, 5000, 10_000];

export class EventChannel {
  private readonly members = new Set<ChannelMember>();
  private source: StreamSource | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private current: LiveStatus = 'connecting';

  constructor(
    private readonly url: string,
    private readonly types: readonly string[],
    private readonly open: (url: string) => StreamSource,
    private readonly onEmpty: () => void = () => {},
  ) {}

  get status(): LiveStatus {
    return this.current;
  }

  /** Joins the channel (opening the stream for the first member); returns how to leave it. */
  join(member: ChannelMember): () => void {
    this.members.add(member);
    member.status(this.current);
    if (this.members.size === 1) this.connect();
    return () => {
      if (!this.members.delete(member) || this.members.size > 0) return;
      this.stop();
      this.onEmpty();
    };
  }

  private connect(): void {
    this.timer = undefined;
    const source = this.open(this.url);
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.setStatus('open');
      this.each((member) => member.opened());
    };
    source.onerror = () => {
      if (this.source !== source) return;
      this.setStatus('reconnecting');
      if (source.readyState !== CLOSED) return;
      source.close();
      this.source = null;
      const delay = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)]!;
      this.failures++;
      this.timer = setTimeout(() => this.connect(), delay);
    };
    for (const type of this.types) {
      source.addEventListener(type, (message) => {
        let data: unknown;
        try {
          // The server checks what it sends against the contract; the frame is taken as declared.
          data = JSON.parse(message.data);
        } catch {
          return; // A malformed frame is skipped; the next one brings the state again.
        }
        this.each((member) => member.event(type, data));
      });
    }
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.source?.close();
    this.source = null;
    this.failures = 0;
    this.current = 'connecting';
  }

  private setStatus(status: LiveStatus): void {
    this.current = status;
    this.each((member) => member.status(status));
  }

  /** Calls every member; one that throws does not keep the others from hearing. */
  private each(call: (member: ChannelMember) => void): void {
    for (const member of [...this.members]) {
      try {
        call(member);
      } catch {
        // That part of the page failed on this event; it hears the next.
      }
    }
  }
}

/** The page's channels, one per stream address; a channel leaves this map when its last member does. */
export class EventChannels {
  private readonly channels = new Map<string, EventChannel>();

  constructor(
    private readonly types: readonly string[],
    private readonly open: (url: string) => StreamSource,
  ) {}

  join(url: string, member: ChannelMember): () => void {
    let channel = this.channels.get(url);
    if (!channel) {
      const created = new EventChannel(url, this.types, this.open, () => {
        if (this.channels.get(url) === created) this.channels.delete(url);
      });
      this.channels.set(url, created);
      channel = created;
    }
    return channel.join(member);
  }

  /** How many streams the page holds (for tests). */
  get size(): number {
    return this.channels.size;
  }
}

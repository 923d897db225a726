import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ChannelMember,
  EventChannels,
  type LiveStatus,
  type StreamSource,
} from '../../../src/adapters/web/src/lib/event-channel.ts';

// The page's live connection (event-channel.ts): the parts of a page that follow one congress share
// one stream, so a hall's 3,000 phones hold 3,000 streams, not one per part of each page (issue 15).
// A stand-in for the browser's EventSource records what the channel does with it.

class FakeSource implements StreamSource {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readyState = 0;
  closed = false;
  readonly listeners = new Map<string, (event: { readonly data: string }) => void>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { readonly data: string }) => void): void {
    this.listeners.set(type, listener);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  opens(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  sends(type: string, data: string): void {
    this.listeners.get(type)?.({ data });
  }
  fails(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

function recorder() {
  const heard: string[] = [];
  const statuses: LiveStatus[] = [];
  let openings = 0;
  const member: ChannelMember = {
    event: (type, data) => heard.push(`${type}:${JSON.stringify(data)}`),
    opened: () => {
      openings++;
    },
    status: (status) => statuses.push(status),
  };
  return { member, heard, statuses, openings: () => openings };
}

describe('the page shares one event stream per congress', () => {
  let sources: FakeSource[];
  let channels: EventChannels;

  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
    channels = new EventChannels(['voting', 'congress'], (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('two parts of the page following one congress open one stream and both hear every event', () => {
    const ballots = recorder();
    const papers = recorder();
    channels.join('/api/congresses/c1/events', ballots.member);
    channels.join('/api/congresses/c1/events', papers.member);
    expect(sources).toHaveLength(1);
    sources[0]!.opens();
    sources[0]!.sends('voting', '{"roundId":"r1","status":"open"}');
    sources[0]!.sends('congress', '{"sittingId":"s1"}');
    for (const part of [ballots, papers]) {
      expect(part.heard).toEqual(['voting:{"roundId":"r1","status":"open"}', 'congress:{"sittingId":"s1"}']);
      expect(part.openings()).toBe(1);
      expect(part.statuses).toEqual(['connecting', 'open']);
    }
    // Another congress is another stream.
    channels.join('/api/congresses/c2/events', recorder().member);
    expect(sources).toHaveLength(2);
    expect(channels.size).toBe(2);
  });

  it('the stream stays while a part remains and closes when the last part leaves', () => {
    const leaveFirst = channels.join('/api/congresses/c1/events', recorder().member);
    const second = recorder();
    const leaveSecond = channels.join('/api/congresses/c1/events', second.member);
    sources[0]!.opens();
    leaveFirst();
    expect(sources[0]!.closed).toBe(false);
    sources[0]!.sends('voting', '{"n":1}');
    expect(second.heard).toEqual(['voting:{"n":1}']);
    leaveSecond();
    expect(sources[0]!.closed).toBe(true);
    expect(channels.size).toBe(0);
    // Leaving twice changes nothing; joining again opens a new stream.
    leaveSecond();
    const late = recorder();
    channels.join('/api/congresses/c1/events', late.member);
    expect(sources).toHaveLength(2);
    expect(late.statuses).toEqual(['connecting']);
  });

  it('a part joining an open stream is told it is open, and hears from then on', () => {
    channels.join('/api/congresses/c1/events', recorder().member);
    sources[0]!.opens();
    sources[0]!.sends('voting', '{"n":1}');
    const late = recorder();
    channels.join('/api/congresses/c1/events', late.member);
    sources[0]!.sends('voting', '{"n":2}');
    expect(late.statuses).toEqual(['open']);
    expect(late.heard).toEqual(['voting:{"n":2}']);
    expect(sources).toHaveLength(1);
  });

  it('when the browser gives up, one new stream is opened after a back-off and every part reloads', () => {
    const a = recorder();
    const b = recorder();
    channels.join('/api/congresses/c1/events', a.member);
    channels.join('/api/congresses/c1/events', b.member);
    sources[0]!.opens();
    // A dropped connection the browser retries by itself: no new stream.
    sources[0]!.fails(false);
    expect(sources).toHaveLength(1);
    sources[0]!.opens();
    // An error answer: the browser closes it; the channel opens one new stream after 1 s.
    sources[0]!.fails(true);
    expect(a.statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(999);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
    sources[1]!.opens();
    for (const part of [a, b]) {
      expect(part.openings()).toBe(3);
      expect(part.statuses.at(-1)).toBe('open');
    }
    // Failing again and again backs off to 2 s, 5 s, then 10 s.
    for (const [i, wait] of [1000, 2000, 5000, 10_000, 10_000].entries()) {
      sources.at(-1)!.fails(true);
      vi.advanceTimersByTime(wait - 1);
      expect(sources).toHaveLength(2 + i);
      vi.advanceTimersByTime(1);
      expect(sources).toHaveLength(3 + i);
    }
  });

  it('a stream waiting to reconnect is not reopened once every part has left', () => {
    const leave = channels.join('/api/congresses/c1/events', recorder().member);
    sources[0]!.fails(true);
    leave();
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);
  });

  it('a malformed frame is skipped and a part that throws does not silence the others', () => {
    const thrower: ChannelMember = {
      event: () => {
        throw new Error('broken part');
      },
      opened: () => {},
      status: () => {},
    };
    const other = recorder();
    channels.join('/api/congresses/c1/events', thrower);
    channels.join('/api/congresses/c1/events', other.member);
    sources[0]!.sends('voting', '{not json');
    sources[0]!.sends('voting', '{"n":3}');
    expect(other.heard).toEqual(['voting:{"n":3}']);
  });
});

import { EventEmitter } from 'node:events';
import type { Server, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { frame, type Item, latestCounts, StreamMember } from '../../../src/adapters/http/event-streams.ts';
import type { CongressEvent } from '../../../src/services/event-types.ts';

// The stream batches of one instance: of the counts in a batch only the latest of each goes out,
// other events all of them, and a stream that joined while catching up is sent, once caught up,
// exactly what arrived above its position.

const congressId = 'c1';
const electronic = (voted: number): CongressEvent => ({
  type: 'voting',
  congressId,
  data: { roundId: 'r1', voted, issued: 10 },
});
const attendance = (present: number) =>
  ({ type: 'attendance', congressId, data: { sittingId: 's1', present } }) as unknown as CongressEvent;
const change = (sittingId: string): CongressEvent => ({
  type: 'congress',
  congressId,
  data: { change: 'sitting', sittingId },
});

/** A response that keeps what is written. */
function fakeResponse() {
  const written: string[] = [];
  const response = Object.assign(new EventEmitter(), {
    writableLength: 0,
    write: (text: string) => written.push(text),
    end: () => {},
  });
  return { written, response: response as unknown as ServerResponse };
}

describe('event streams of an instance', () => {
  it('keeps only the latest of each count in a batch, every other event in order', () => {
    const items: Item[] = [
      { event: electronic(1), id: 1 },
      { event: change('s1'), id: 2 },
      { event: electronic(2), id: 3 },
      { event: attendance(5), id: undefined },
      { event: change('s2'), id: 4 },
      { event: attendance(6), id: undefined },
      { event: electronic(3), id: 5 },
    ];
    expect(latestCounts(items).map((item) => item.id)).toEqual([2, 4, undefined, 5]);
    expect(latestCounts(items).find((item) => item.event.type === 'attendance')?.event.data).toMatchObject({
      present: 6,
    });
  });

  it('writes the frame with its id, a single data line', () => {
    expect(frame({ type: 'congress', data: { change: 'sitting', sittingId: 'a\nb' } }, 7)).toBe(
      'id: 7\nevent: congress\ndata: {"change":"sitting","sittingId":"a\\nb"}\n\n',
    );
  });

  it('a stream catching up is sent, once caught up, what arrived above its position, then live', () => {
    const member = new StreamMember({ listening: true } as Server);
    const { written, response } = fakeResponse();
    member.attach(response);
    const batch = (items: Item[]) => {
      const frames = items.map((item) => frame(item.event, item.id));
      const ids = items.flatMap((item) => (item.id === undefined ? [] : [item.id]));
      member.deliver(items, frames, frames.join(''), ids.length > 0 ? Math.min(...ids) : undefined);
    };
    // Arrive while the snapshot and the replay are read: 11 is part of the replay (position 11).
    batch([
      { event: change('s1'), id: 11 },
      { event: attendance(3), id: undefined },
    ]);
    batch([{ event: change('s2'), id: 12 }]);
    expect(written).toEqual([]);
    member.caughtUp(11);
    expect(written.join('')).toBe(frame(attendance(3)) + frame(change('s2'), 12));
    // Live: a batch with something already sent is filtered; one above the cursor goes out whole.
    written.length = 0;
    batch([
      { event: change('s2'), id: 12 },
      { event: change('s3'), id: 13 },
    ]);
    batch([{ event: change('s4'), id: 14 }]);
    expect(written.join('')).toBe(frame(change('s3'), 13) + frame(change('s4'), 14));
    expect(member.cursor).toBe(14);
  });
});

describe('inSlices', () => {
  it('writes a slice per turn of the event loop, letting what waits (a request) run between slices', async () => {
    const { inSlices } = await import('../../../src/adapters/http/event-streams.ts');
    const log: string[] = [];
    setImmediate(() => log.push('request'));
    await inSlices([1, 2, 3, 4, 5], 2, (item) => log.push(`stream ${item}`));
    expect(log).toEqual(['stream 1', 'stream 2', 'request', 'stream 3', 'stream 4', 'stream 5']);
  });
});

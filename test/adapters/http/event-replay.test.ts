import { afterEach, expect, it } from 'vitest';
import { pruneStreamEvents } from '../../../src/persistence/index.ts';
import { checkIn } from '../../../src/services/attendance/check-in.ts';
import { updateSitting } from '../../../src/services/congress/sittings.ts';
import { DESK, seedAttendanceCongress } from '../../services/attendance/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { SYSTEM, type TestApp, testApp } from '../../support/http.ts';
import { dataOf, SseConnection, type SseFrame } from '../../support/sse.ts';

// A stream that drops and reconnects with Last-Event-ID (as EventSource does by itself), or that a
// page reopens with ?lastEventId=, is sent exactly the events it missed, with their ids, and then
// the live ones. Every stream starts at a position (a frame with only `id:`), so even a quiet
// one can resume. Events are stored on SQLite too, so this holds on both engines.

const isEvent = (type: string) => (frame: SseFrame) => frame.event === type;
const idOnly = (frame: SseFrame) => frame.id !== undefined && frame.event === undefined;

describeEachDatabase('live updates: reconnecting with Last-Event-ID', (target) => {
  let test: TestApp;
  const connections: SseConnection[] = [];
  afterEach(async () => {
    for (const connection of connections.splice(0)) connection.close();
    await test?.close();
  });

  async function setUp() {
    const database = await openMigrated(target);
    test = await testApp(database);
    const fixture = await seedAttendanceCongress(database, { voting: 4 });
    const other = await seedAttendanceCongress(database, { voting: 2, tag: 'other' });
    const origin = await test.app.listen({ host: '127.0.0.1', port: 0 });
    const url = `${origin}/api/congresses/${fixture.congressId}/events`;
    const open = async (options: { lastEventId?: string; query?: string } = {}) => {
      const { connection, status } = await SseConnection.open(`${url}${options.query ?? ''}`, options);
      expect(status).toBe(200);
      connections.push(connection);
      return connection;
    };
    const retitle = (title: string, congress = fixture) =>
      updateSitting(test.context, SYSTEM, congress.congressId, congress.sittingId, { title });
    return { database, fixture, other, open, retitle };
  }

  it('sends what was missed, in order, with ids, then the live events; counts come again as counts', async () => {
    const { fixture, other, open, retitle } = await setUp();
    const first = await open();
    await first.next(isEvent('snapshot'));
    const start = Number((await first.next(idOnly)).id);
    await retitle('一');
    const seen = await first.next(isEvent('congress'));
    expect(Number(seen.id)).toBe(start + 1);
    first.close();
    await first.ended;

    // Missed: two changes of this congress, a check-in, and a change of another congress.
    await retitle('二');
    await checkIn(test.context, DESK, {
      congressId: fixture.congressId,
      sittingId: fixture.sittingId,
      delegate: { code: fixture.delegates[0]!.code },
      desk: '1',
    });
    await retitle('不该出现', other);
    await retitle('三');

    const again = await open({ lastEventId: seen.id! });
    const snapshot = await again.next(isEvent('snapshot'));
    expect(dataOf(snapshot).sittings[0]).toMatchObject({ present: 1 });
    expect(dataOf(await again.next(isEvent('resume')))).toEqual({
      lastEventId: start + 1,
      complete: true,
    });
    const position = Number((await again.next(idOnly)).id);
    expect(position).toBe(start + 5);
    const replayed = again.frames.filter((frame) => frame.event === 'congress');
    expect(replayed.map((frame) => Number(frame.id))).toEqual([start + 2, start + 5]);
    expect(replayed.map((frame) => dataOf(frame))).toEqual([
      { change: 'sitting', sittingId: fixture.sittingId },
      { change: 'sitting', sittingId: fixture.sittingId },
    ]);
    // The check-in it missed: the counts are sent again, without an id.
    const counts = await again.next(isEvent('attendance'));
    expect(counts.id).toBeUndefined();
    expect(dataOf(counts)).toMatchObject({ sittingId: fixture.sittingId, present: 1 });
    expect(JSON.stringify(again.frames)).not.toContain('不该出现');
    // Then live, from the position on.
    await retitle('四');
    const live = await again.next((frame) => frame.event === 'congress' && Number(frame.id) > position);
    expect(Number(live.id)).toBe(position + 1);
    expect(again.frames.filter((frame) => frame.event === 'congress')).toHaveLength(3);
  });

  it('takes ?lastEventId= from a page that opens a new stream; the header wins over it', async () => {
    const { open, retitle } = await setUp();
    const first = await open();
    const start = Number((await first.next(idOnly)).id);
    first.close();
    await retitle('一');
    await retitle('二');
    const byQuery = await open({ query: `?lastEventId=${start + 1}` });
    await byQuery.next(idOnly);
    expect(byQuery.frames.filter((f) => f.event === 'congress').map((f) => Number(f.id))).toEqual([
      start + 2,
    ]);
    const byHeader = await open({ query: `?lastEventId=${start + 1}`, lastEventId: String(start) });
    expect(dataOf(await byHeader.next(isEvent('resume')))).toEqual({ lastEventId: start, complete: true });
    await byHeader.next(idOnly);
    expect(byHeader.frames.filter((f) => f.event === 'congress').map((f) => Number(f.id))).toEqual([
      start + 1,
      start + 2,
    ]);
    const malformed = await test.app.inject({
      method: 'GET',
      url: `/api/congresses/${'x'}/events?lastEventId=abc`,
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('says so when what was missed is no longer kept, or the id is not one it gave', async () => {
    const { database, open, retitle } = await setUp();
    const first = await open();
    const start = Number((await first.next(idOnly)).id);
    first.close();
    for (const title of ['一', '二', '三']) await retitle(title);
    await pruneStreamEvents(database, { now: new Date().toISOString(), keepMs: 3_600_000, keepCount: 1 });
    const late = await open({ lastEventId: String(start) });
    expect(dataOf(await late.next(isEvent('resume')))).toEqual({ lastEventId: start, complete: false });
    // What is still kept is sent; the stream then stands at the newest id.
    expect(Number((await late.next(idOnly)).id)).toBe(start + 3);
    expect(late.frames.filter((f) => f.event === 'congress').map((f) => Number(f.id))).toEqual([start + 3]);

    // An id from the future (a restored database): not complete, and the stream starts afresh.
    const future = await open({ lastEventId: String(start + 1000) });
    expect(dataOf(await future.next(isEvent('resume')))).toEqual({
      lastEventId: start + 1000,
      complete: false,
    });
    expect(Number((await future.next(idOnly)).id)).toBe(start + 3);
  });
});

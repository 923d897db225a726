import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { ContractViolation } from '../../../src/adapters/http/contract-check.ts';
import { eventRoutes } from '../../../src/adapters/http/routes/events-routes.ts';
import type { ResultEvent } from '../../../src/contract/events.ts';
import type { CongressEvent } from '../../../src/services/events.ts';
import { seedAttendanceCongress } from '../../services/attendance/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

/** Reads server-sent events off a fetch body: frames split on blank lines. */
class EventReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  readonly frames: string[] = [];

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** The next frame `accept` takes (earlier ones are skipped), or an error after `ms`. */
  async next(accept: (frame: string) => boolean, ms = 5000): Promise<string> {
    const deadline = Date.now() + ms;
    for (;;) {
      let end = this.buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        this.frames.push(frame);
        if (accept(frame)) return frame;
        end = this.buffer.indexOf('\n\n');
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event; got ${JSON.stringify(this.frames)}`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(this.frames)}`)), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }
}

/** A result event as the rounds service publishes it, naming one elected. */
const announced = (name: string): ResultEvent => ({
  roundId: 'r1',
  electionId: 'e1',
  outcome: 'complete',
  elected: [{ name, votes: 5 }],
  electedAlternates: [],
  runoff: null,
  shortfall: 0,
  complete: true,
});

const dataOf = (frame: string) =>
  JSON.parse(
    frame
      .split('\n')
      .find((line) => line.startsWith('data: '))!
      .slice(6),
  );

describeEachDatabase('live updates (server-sent events)', (target) => {
  let test: TestApp;
  let abort: AbortController | undefined;
  afterEach(async () => {
    // The stream first: a server does not finish closing while a client holds a stream open.
    abort?.abort();
    await test?.close();
  });

  it('sends a snapshot, then the counts after a check-in and what other services publish; cleans up on disconnect', async () => {
    const database = await openMigrated(target);
    test = await testApp(database);
    const { congressId, sittingId } = await seedAttendanceCongress(database, {
      voting: 5,
      names: ['王小强'],
    });
    const other = await seedAttendanceCongress(database, { voting: 2, tag: 'other' });
    await test.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = test.app.server.address() as AddressInfo;
    abort = new AbortController();
    // Nobody logged in: the big screen.
    const response = await fetch(`http://127.0.0.1:${port}/api/congresses/${congressId}/events`, {
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toContain('no-cache');
    const events = new EventReader(response.body!.getReader());
    await events.next((frame) => frame === 'retry: 3000');
    const snapshot = dataOf(await events.next((frame) => frame.startsWith('event: snapshot')));
    expect(snapshot).toMatchObject({
      congressId,
      sittings: [{ sittingId, expected: 5, present: 0, quorum: { rule: 'Q1', met: false } }],
    });
    expect(test.context.events.subscriberCount(congressId)).toBe(1);

    const desk = await clientWithRoles(test, 'desk1', [{ congressId, role: 'check-in' }]);
    await desk.post(`/api/congresses/${congressId}/sittings/${sittingId}/attendance/check-in`, {
      code: 'A0001',
      desk: '1',
    });
    const attendance = await events.next((frame) => frame.startsWith('event: attendance'));
    expect(dataOf(attendance)).toMatchObject({ sittingId, expected: 5, present: 1 });
    expect(attendance).not.toContain('王小强');

    // Other services' events pass through; another congress's do not.
    test.context.events.publish({
      type: 'result',
      congressId: other.congressId,
      data: announced('不该出现'),
    });
    test.context.events.publish({ type: 'result', congressId, data: announced('王小强') });
    expect(dataOf(await events.next((frame) => frame.startsWith('event: result')))).toEqual(
      announced('王小强'),
    );
    expect(events.frames.join('\n')).not.toContain('不该出现');

    abort.abort();
    const deadline = Date.now() + 5000;
    while (test.context.events.subscriberCount(congressId) > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(test.context.events.subscriberCount(congressId)).toBe(0);
  });

  it('ends open streams when the server shuts down, so closing does not hang', async () => {
    const database = await openMigrated(target);
    test = await testApp(database);
    const { congressId } = await seedAttendanceCongress(database, { voting: 2 });
    const origin = await test.app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${origin}/api/congresses/${congressId}/events`);
    const events = new EventReader(response.body!.getReader());
    await events.next((frame) => frame.startsWith('event: snapshot'));
    const started = Date.now();
    await test.app.close();
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(events.next(() => false)).rejects.toThrow('stream ended');
    expect(test.context.events.subscriberCount(congressId)).toBe(0);
  });

  it('checks every published event against the contract: a malformed one throws in its publisher and reaches no stream', async () => {
    const database = await openMigrated(target);
    test = await testApp(database);
    const { congressId } = await seedAttendanceCongress(database, { voting: 2 });
    const origin = await test.app.listen({ host: '127.0.0.1', port: 0 });
    abort = new AbortController();
    const response = await fetch(`${origin}/api/congresses/${congressId}/events`, { signal: abort.signal });
    const events = new EventReader(response.body!.getReader());
    await events.next((frame) => frame.startsWith('event: snapshot'));

    const malformed = [
      // The shape the stream test used to publish: names without their votes.
      { type: 'result', congressId, data: { elected: ['王小强'] } },
      // A leaked field: a ballot's marks have no place in a progress count [B4].
      { type: 'voting', congressId, data: { roundId: 'r1', voted: 3, issued: 5, marks: ['王小强'] } },
      { type: 'congress', congressId, data: { change: 'sitting-opened', sittingId: 's1' } },
      { type: 'gossip', congressId, data: {} },
    ];
    for (const event of malformed) {
      expect(() => test.context.events.publish(event as unknown as CongressEvent)).toThrow(ContractViolation);
    }
    // A well-formed event still passes, and is the first result the stream carries.
    test.context.events.publish({ type: 'result', congressId, data: announced('王小强') });
    const result = await events.next((frame) => frame.startsWith('event: result'));
    expect(dataOf(result)).toEqual(announced('王小强'));
    expect(events.frames.filter((frame) => frame.startsWith('event: result'))).toHaveLength(1);
    expect(events.frames.join('\n')).not.toContain('marks');
  });

  it('is open to anyone, and an unknown congress is an ordinary 404', async () => {
    test = await testApp(await openMigrated(target));
    expect(eventRoutes.map((route) => route.endpoint.allow)).toEqual(['anyone']);
    const response = await test.app.inject({ method: 'GET', url: '/api/congresses/nope/events' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ en: 'congress not found', zh: '大会不存在' });
  });
});

import { expect, it } from 'vitest';
import type { AttendanceCounts } from '../../../src/services/attendance/attendance-counts.ts';
import { checkIn } from '../../../src/services/attendance/check-in.ts';
import type { CongressEvent } from '../../../src/services/events.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { testContext } from '../../support/http.ts';
import { DESK, seedAttendanceCongress } from './fixtures.ts';

/** Resolves with the first event `accept` takes, or fails after `ms`. */
function nextEvent(
  events: CongressEvent[],
  accept: (event: CongressEvent) => boolean,
  ms = 5000,
): Promise<CongressEvent> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      const found = events.find(accept);
      if (found) return resolve(found);
      if (Date.now() - started > ms) return reject(new Error('no such event'));
      setTimeout(poll, 10);
    };
    poll();
  });
}

describeEachDatabase('attendance events', (target) => {
  it('publishes the new counts after each committed change, none for a repeat scan, counts only', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database, { voting: 30 });
    const events: CongressEvent[] = [];
    const unsubscribe = context.events.subscribe(congressId, (event) => events.push(event));
    await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { code: delegates[0]!.code },
      desk: '1',
    });
    const first = await nextEvent(events, (e) => (e.data as AttendanceCounts).present === 1);
    expect(first).toMatchObject({
      type: 'attendance',
      congressId,
      data: { sittingId, expected: 30, present: 1 },
    });
    expect(JSON.stringify(first.data)).not.toContain(delegates[0]!.name);
    const seen = events.length;
    await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { code: delegates[0]!.code },
      desk: '1',
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toHaveLength(seen);
    // A burst from many desks: counts are coalesced, and the last event includes every change.
    await Promise.all(
      delegates
        .slice(1)
        .map((d, i) =>
          checkIn(context, DESK, { congressId, sittingId, delegate: { code: d.code }, desk: String(i % 5) }),
        ),
    );
    await nextEvent(events, (e) => (e.data as AttendanceCounts).present === 30);
    expect(events.length).toBeLessThanOrEqual(30);
    unsubscribe();
  });
});

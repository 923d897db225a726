import { congressEventsEndpoint, type StreamEvent } from '../../../contract/events.ts';
import { findCongress } from '../../../services/attendance/sitting-lookup.ts';
import type { AttendanceNotice, CongressEvent } from '../../../services/event-types.ts';
import { missedEvents, recount, streamPosition, streamSnapshot } from '../../../services/stream-replay.ts';
import { checkEvent } from '../contract-check.ts';
import { frame, latestCounts, RETRY_MS, StreamMember, streamHubOf } from '../event-streams.ts';
import { implement } from '../route.ts';

// Live updates for the big screen, the staff pages and the delegates' phones, as server-sent
// events (contract: src/contract/events.ts). Open to anyone: what passes here is what the hall
// sees anyway — attendance counts, voting progress, results with the names of those elected.
// Events are forwarded as their services announced them, so an announcement must put nothing else
// in `data` (no delegate names, no desk details, no ballots); they are checked against the
// contract when they are stored (whenever the app checks its answers), the snapshot here.
//
// A stream starts at a position, the newest stored event id when it connects, read before the
// headers go out (so a page that reloads its data when the stream opens has everything up to it).
// It sends the retry interval, the snapshot, then — when the browser named the last event it had
// (Last-Event-ID, or ?lastEventId= from a page opening a new EventSource) — a resume event and
// the congress's events after that one up to the position, and then a frame with only `id:` set
// to the position, so that even a quiet stream reconnects from where it stood. From there on, the
// live events above the position (event-streams.ts). Any instance can serve any reconnection:
// the events come from the database.

/** The last event id the browser had: the header (EventSource's own reconnection) over the query. */
function lastEventIdOf(header: string | string[] | undefined, query: string | undefined): number | undefined {
  const value = typeof header === 'string' && /^\d{1,15}$/.test(header.trim()) ? header.trim() : query;
  return value === undefined ? undefined : Number(value);
}

export const eventRoutes = [
  implement(congressEventsEndpoint).with(async ({ params, query, context, request, reply }) => {
    const { congressId } = params;
    // Before anything is sent, so an unknown congress is an ordinary 404.
    await findCongress(context.database.db, congressId);
    const resumeAfter = lastEventIdOf(request.headers['last-event-id'], query.lastEventId);
    const member = new StreamMember(request.server.server);
    // Joined before the position is read: what commits after it is kept until the stream is ready.
    streamHubOf(context.events).join(congressId, member);
    let position: number;
    try {
      position = await streamPosition(context);
    } catch (error) {
      member.close();
      throw error;
    }
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // One long response per connection: when it ends, so does the connection (and a closing
      // server is not left waiting for an idle keep-alive socket). HTTP/2 has no such header:
      // there the stream is one of many on a connection.
      ...(request.raw.httpVersionMajor < 2 ? { connection: 'close' } : {}),
      // nginx and similar proxies must pass events through, not buffer them.
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    member.attach(response);
    // The client went away (tab closed, screen rebooted, network lost): stop at once.
    response.on('close', () => member.close());
    request.raw.on('error', () => member.close());
    const checked = (event: StreamEvent) => {
      if (request.server.plenum.checkResponses) checkEvent(event);
      return frame(event);
    };
    member.send(`retry: ${RETRY_MS}\n\n`);
    try {
      member.send(checked({ type: 'snapshot', data: await streamSnapshot(context, congressId) }));
      if (resumeAfter !== undefined) {
        const missed = await missedEvents(context, congressId, resumeAfter, position);
        member.send(
          checked({ type: 'resume', data: { lastEventId: resumeAfter, complete: missed.complete } }),
        );
        const notices: AttendanceNotice[] = [];
        const items = [];
        for (const stored of missed.events) {
          if (stored.type === 'attendance-changed') notices.push(stored);
          else {
            const { id, ...event } = stored;
            items.push({ event: event as CongressEvent, id });
          }
        }
        member.send(
          latestCounts(items)
            .map((item) => frame(item.event, item.id))
            .join(''),
        );
        // The counts it missed come live, coalesced with everyone's.
        recount(context, notices);
      }
      member.send(`id: ${position}\n\n`);
    } catch (error) {
      // Headers are sent: end the stream, and the client's retry brings what it missed.
      request.log.error({ err: error }, 'event stream snapshot failed');
      member.close();
      return;
    }
    member.caughtUp(position);
  }),
];

import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { currentAttendance } from '../../../services/attendance/current-attendance.ts';
import { findCongress } from '../../../services/attendance/sitting-lookup.ts';
import type { CongressEvent } from '../../../services/events.ts';
import { route } from '../route.ts';

// Live updates for the big screen and the staff pages, as server-sent events. Open to anyone: what
// passes here is what the hall sees anyway — attendance counts, voting progress, results with the
// names of those elected. Events are forwarded as their services publish them, so a publisher
// must put nothing else in `data` (no delegate names, no desk details, no ballots).

/** A comment line every 15 s keeps proxies and the browser from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** How long the browser waits before reconnecting (EventSource `retry:`). */
export const RETRY_MS = 3_000;
/** How soon an open stream notices that the server is shutting down. */
const SHUTDOWN_POLL_MS = 250;
/** A client this far behind (a stalled screen) is dropped; it reconnects and gets a fresh snapshot. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

function frame(type: string, data: unknown): string {
  // JSON.stringify escapes newlines, so the payload is always a single data: line.
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const eventRoutes = [
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/events',
    tag: 'events',
    summary:
      'Server-sent events of a congress: a snapshot of the attendance counts, then attendance, voting, result and congress events as they happen',
    allow: 'anyone',
    raw: true,
    params: z.object({ congressId: z.string().trim().min(1).max(64) }),
    handler: async ({ params, context, request, reply }) => {
      // Before anything is sent, so an unknown congress is an ordinary 404.
      await findCongress(context.database.db, params.congressId);
      reply.hijack();
      const response: ServerResponse = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        // One long response per connection: when it ends, so does the connection (and a closing
        // server is not left waiting for an idle keep-alive socket).
        connection: 'close',
        // nginx and similar proxies must pass events through, not buffer them.
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        response.write(text);
        if (response.writableLength > MAX_BUFFERED_BYTES) close();
      };
      // Subscribed before the snapshot is counted, so a change is either in the snapshot or in an
      // event after it; events that arrive while it is counted wait and follow it, in order.
      let waiting: string[] | undefined = [];
      const unsubscribe = context.events.subscribe(params.congressId, (event: CongressEvent) => {
        const text = frame(event.type, event.data);
        if (waiting) waiting.push(text);
        else send(text);
      });
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      // app.close() waits for every open connection, and a stream never ends by itself; routes
      // cannot add a preClose hook once the server runs, so each stream watches for the server
      // to stop listening (close() stops that at once) and ends itself then.
      const server = request.server.server;
      const wasListening = server.listening;
      const shutdownWatch = setInterval(() => {
        if (wasListening && !server.listening) close();
      }, SHUTDOWN_POLL_MS);
      shutdownWatch.unref();
      function close() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearInterval(shutdownWatch);
        unsubscribe();
        response.end();
      }
      // The client went away (tab closed, screen rebooted, network lost): stop at once.
      response.on('close', close);
      request.raw.on('error', close);
      send(`retry: ${RETRY_MS}\n\n`);
      try {
        send(frame('snapshot', await currentAttendance(context.database.db, params.congressId)));
      } catch (error) {
        // Headers are sent: end the stream, and the client's retry brings a fresh snapshot.
        request.log.error({ err: error }, 'event stream snapshot failed');
        close();
        return;
      }
      for (const text of waiting) send(text);
      waiting = undefined;
    },
  }),
];

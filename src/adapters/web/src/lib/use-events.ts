import { useEffect, useRef, useState } from 'react';
import {
  congressEventsEndpoint,
  STREAM_EVENT_TYPES,
  type StreamEventData,
  type StreamEventType,
} from '../../../../contract/events.ts';
import { urlOf } from './api.ts';

// The congress's live updates (GET /api/congresses/:id/events, server-sent events; every event and
// its data are declared in src/contract/events.ts). EventSource reconnects by itself after a
// dropped connection (the server asks for 3 s); when the browser gives up (an error answer, the
// server restarting) we open a new one, backing off to 10 s. Every (re)connection starts with a
// 'snapshot' of the attendance counts.

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

/** A handler per event type, each given that event's data as the contract declares it. */
export type EventHandlers = { readonly [T in StreamEventType]?: (data: StreamEventData<T>) => void } & {
  /** After every (re)connection: a chance to reload what the stream does not replay. */
  readonly onOpen?: () => void;
};

const BACKOFF_MS = [1000, 2000, 5000, 10_000];

export function useCongressEvents(congressId: string | undefined, handlers: EventHandlers): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  // The latest handlers, without reconnecting when a page re-renders.
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    if (!congressId) return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const connect = () => {
      if (stopped) return;
      source = new EventSource(urlOf(congressEventsEndpoint, { params: { congressId } }));
      source.onopen = () => {
        failures = 0;
        setStatus('open');
        current.current.onOpen?.();
      };
      source.onerror = () => {
        if (stopped) return;
        setStatus('reconnecting');
        if (source && source.readyState === EventSource.CLOSED) {
          source.close();
          const delay = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)]!;
          failures++;
          timer = setTimeout(connect, delay);
        }
      };
      for (const type of STREAM_EVENT_TYPES) {
        source.addEventListener(type, (event) => {
          const handler = current.current[type] as ((data: unknown) => void) | undefined;
          if (!handler) return;
          try {
            // The server checks what it sends against the contract; the frame is taken as declared.
            handler(JSON.parse((event as MessageEvent<string>).data));
          } catch {
            // A malformed frame is skipped; the next one brings the state again.
          }
        });
      }
    };
    connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [congressId]);

  return status;
}

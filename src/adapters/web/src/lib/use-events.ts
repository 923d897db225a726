import { useEffect, useRef, useState } from 'react';
import {
  congressEventsEndpoint,
  STREAM_EVENT_TYPES,
  type StreamEventData,
  type StreamEventType,
} from '../../../../contract/events.ts';
import { urlOf } from './api.ts';
import { EventChannels, type LiveStatus } from './event-channel.ts';

// The congress's live updates (GET /api/congresses/:id/events, server-sent events; every event and
// its data are declared in src/contract/events.ts). Every part of the page that follows them shares
// one stream per congress (event-channel.ts); every (re)connection starts with a 'snapshot' of the
// attendance counts.

export type { LiveStatus } from './event-channel.ts';

/** A handler per event type, each given that event's data as the contract declares it. */
export type EventHandlers = { readonly [T in StreamEventType]?: (data: StreamEventData<T>) => void } & {
  /** After every (re)connection: a chance to reload what the stream does not replay. */
  readonly onOpen?: () => void;
};

/** The page's streams: one per congress, however many parts of the page follow it. */
const pageChannels = new EventChannels(STREAM_EVENT_TYPES, (url) => new EventSource(url));

export function useCongressEvents(congressId: string | undefined, handlers: EventHandlers): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  // The latest handlers, without reconnecting when a page re-renders.
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    if (!congressId) return;
    return pageChannels.join(urlOf(congressEventsEndpoint, { params: { congressId } }), {
      event: (type, data) => {
        const handler = current.current[type as StreamEventType] as ((data: unknown) => void) | undefined;
        handler?.(data);
      },
      opened: () => current.current.onOpen?.(),
      status: setStatus,
    });
  }, [congressId]);

  return status;
}

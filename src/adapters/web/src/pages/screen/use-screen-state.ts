import { useEffect, useRef, useState } from 'react';
import { type ScreenView, screenEndpoint } from '../../../../../contract/screen.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { withLiveCounts, withLiveVoting } from './screen-logic.ts';

/**
 * What the big screen shows, as the server says (GET …/screen), read again whenever the stream
 * says it may have changed (the secretariat's setting, a result announced, a round opened or
 * closed, a sitting opened or closed, the congress closed, a reconnection); between two readings
 * the stream's counts and votes cast are applied to what is on screen.
 */
export function useScreenState(congressId: string) {
  const loaded = useEndpoint(screenEndpoint, { params: { congressId } });
  const [view, setView] = useState<ScreenView | undefined>();
  const current = useRef(view);
  current.current = view;
  const reload = loaded.reload;

  useEffect(() => {
    if (loaded.data) setView(loaded.data);
  }, [loaded.data]);

  // A stream event is applied to what is on screen, unless it may change what a following screen
  // shows (the first arrival for the next sitting, a round opened or closed): then read it again.
  const follow = (apply: (v: ScreenView) => ScreenView | 'reload') => {
    if (current.current && apply(current.current) === 'reload') {
      void reload();
      return;
    }
    setView((v) => {
      const next = v ? apply(v) : v;
      return next === 'reload' ? v : next;
    });
  };

  const live = useCongressEvents(congressId, {
    attendance: (counts) => follow((v) => withLiveCounts(v, counts)),
    voting: (event) => follow((v) => withLiveVoting(v, event)),
    result: () => void reload(),
    congress: () => void reload(),
    screen: () => void reload(),
    onOpen: () => void reload(),
  });

  return { view, loading: loaded.loading && !view, error: loaded.error, live };
}

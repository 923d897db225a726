import { useCallback, useEffect, useRef } from 'react';

// Calls `action` at most once per `ms` however often the returned function is called, always
// after the last call (trailing): a page that reloads on a stream of progress events makes one
// request per interval, not one per ballot.

export function useThrottled(action: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, ms);
  }, [ms]);
}

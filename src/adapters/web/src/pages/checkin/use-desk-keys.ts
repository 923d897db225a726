import { useEffect, useRef } from 'react';
import { type DeskKey, deskKey } from './desk-logic.ts';

/** The desk's function keys (F2 leave, F4 check-out, Esc clear) work wherever the focus is, unless paused. */
export function useDeskKeys(paused: boolean, handlers: Readonly<Record<DeskKey, () => void>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (paused) return;
    const onKey = (event: KeyboardEvent) => {
      const key = deskKey(event.key);
      if (!key) return;
      event.preventDefault();
      latest.current[key]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused]);
}

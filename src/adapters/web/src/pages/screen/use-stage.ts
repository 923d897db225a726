import { useEffect, useState } from 'react';
import { stageScale } from './screen-logic.ts';

/** The stage's scale, following the window's size. */
export function useStageScale(): number {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const rescale = () => setScale(stageScale(window.innerWidth, window.innerHeight));
    rescale();
    window.addEventListener('resize', rescale);
    return () => window.removeEventListener('resize', rescale);
  }, []);
  return scale;
}

/** The time, to the quarter minute. */
export function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

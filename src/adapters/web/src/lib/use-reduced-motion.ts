import { useEffect, useState } from 'react';

// Someone who asked their system for less motion (系统设置中的"减少动态效果") gets the console
// without the component library's animations: pop-ups and dialogs appear and go at once. The
// browser tests ask for it too, so that no click lands on a pop-up still zooming in or fading out.

const QUERY = '(prefers-reduced-motion: reduce)';

/** Whether the system asks for reduced motion; follows a change while the page is open. */
export function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia?.(QUERY).matches ?? false);
  useEffect(() => {
    const media = window.matchMedia?.(QUERY);
    if (!media) return;
    const follow = () => setReduced(media.matches);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return reduced;
}

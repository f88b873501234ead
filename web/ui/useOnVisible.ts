import { useEffect, useRef } from 'react';

/**
 * Calls `onVisible` when the returned ref's element comes within `margin` pixels of the viewport (a sentinel
 * under an infinite list). Off while `enabled` is false, e.g. while the next page loads.
 */
export function useOnVisible<T extends Element>(onVisible: () => void, enabled: boolean, margin = 600) {
  const ref = useRef<T>(null);
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  }, [onVisible]);
  useEffect(() => {
    const element = ref.current;
    if (!element || !enabled || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) callback.current();
    }, { rootMargin: `${margin}px 0px` });
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled, margin]);
  return ref;
}

import { use, useEffect, useRef } from 'react';
import { RealtimeContext, type RealtimeHandler } from './realtimeContext';

/**
 * Calls `handler` for each event of `type` (`task.reminder`; `call.*` for a family) on the page's shared
 * realtime socket (RealtimeProvider). The latest handler is used, so it need not be memoized.
 * Returns whether the socket is open.
 */
export function useRealtime(type: string, handler: RealtimeHandler): boolean {
  const { open, subscribe } = use(RealtimeContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribe(type, latest), [subscribe, type]);
  return open;
}

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { RealtimeContext, type RealtimeHandler } from './realtimeContext';
import { openRealtimeSocket, typeMatches, type RealtimeEvent } from './realtimeSocket';

/**
 * The one realtime WebSocket of a signed-in page, shared by every feature that listens (screen pop, task
 * reminders…) through `useRealtime(type, handler)`. Mounted once in the signed-in layout.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const subscribers = useRef(new Set<{ type: string; handler: { current: RealtimeHandler } }>());

  useEffect(
    () =>
      openRealtimeSocket((event: RealtimeEvent) => {
        for (const sub of [...subscribers.current]) if (typeMatches(sub.type, event.type)) sub.handler.current(event);
      }, setOpen),
    [],
  );

  const subscribe = useCallback((type: string, handler: { current: RealtimeHandler }) => {
    const sub = { type, handler };
    subscribers.current.add(sub);
    return () => void subscribers.current.delete(sub);
  }, []);
  const value = useMemo(() => ({ open, subscribe }), [open, subscribe]);
  return <RealtimeContext value={value}>{children}</RealtimeContext>;
}

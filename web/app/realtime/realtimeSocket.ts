import { useEffect, useRef, useState } from 'react';
import type { RealtimeEvent } from './callState';

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

/**
 * The signed-in page's realtime stream (`/api/v1/realtime`, `wss:` on https pages): hands every event to
 * `onEvent` and reconnects with back-off (1 s doubling to 30 s, with jitter) when the socket closes.
 * Returns whether the stream is open.
 */
export function useRealtime(onEvent: (event: RealtimeEvent) => void): boolean {
  const handler = useRef(onEvent);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = FIRST_RETRY_MS;
    let stopped = false;
    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
      const current = new WebSocket(`${scheme}//${window.location.host}/api/v1/realtime`);
      socket = current;
      current.onmessage = (message) => {
        let event: RealtimeEvent;
        try {
          event = JSON.parse(String(message.data)) as RealtimeEvent;
        } catch {
          return;
        }
        if (event.type === 'hello') {
          delay = FIRST_RETRY_MS;
          setOpen(true);
        }
        handler.current(event);
      };
      current.onclose = () => {
        if (socket !== current) return;
        setOpen(false);
        if (stopped) return;
        timer = setTimeout(connect, delay * (0.75 + Math.random() / 2));
        delay = Math.min(delay * 2, LAST_RETRY_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
      socket = null;
    };
  }, []);
  return open;
}

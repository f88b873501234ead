/** A message of the realtime WebSocket (docs/api.md "Realtime"): `hello`, `call.*`, `task.reminder`… */
export type RealtimeEvent = { type: string } & Record<string, unknown>;

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

/**
 * Opens the signed-in page's realtime stream (`/api/v1/realtime`, `wss:` on https pages): hands every event
 * to `onEvent`, reports open/closed to `onOpenChange`, and reconnects with back-off (1 s doubling to 30 s,
 * with jitter) when the socket closes. Returns the function that closes it for good.
 */
export function openRealtimeSocket(onEvent: (event: RealtimeEvent) => void, onOpenChange: (open: boolean) => void): () => void {
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
      if (typeof event?.type !== 'string') return;
      if (event.type === 'hello') {
        delay = FIRST_RETRY_MS;
        onOpenChange(true);
      }
      onEvent(event);
    };
    current.onclose = () => {
      if (socket !== current) return;
      onOpenChange(false);
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
}

/** Whether a subscription's type takes an event: the exact type, a family (`call.*`) or everything (`*`). */
export function typeMatches(pattern: string, type: string): boolean {
  return pattern === '*' || pattern === type || (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1)));
}

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { CallCard } from './CallCard';
import type { RealtimeEvent } from '../../app/realtime/realtimeSocket';
import { useRealtime } from '../../app/realtime/useRealtime';
import { applyCallEvent, type ActiveCall, type CallContact } from './callState';

/**
 * The screen pop, mounted once in the signed-in layout: a card per call ringing for this member, at the
 * bottom right, over the page without blocking it. Updates as the call is answered and ends.
 */
export function CallPop() {
  const queryClient = useQueryClient();
  const [calls, setCalls] = useState<ActiveCall[]>([]);
  const open = useRealtime('call.*', (event: RealtimeEvent) => {
    setCalls((current) => applyCallEvent(current, event));
    // The logged call is on the timeline now: lists and 360 pages showing it refresh.
    if (event.type === 'call.ended') for (const key of ['/timeline', 'overview', '/interactions']) void queryClient.invalidateQueries({ queryKey: [key] });
  });
  const close = useCallback((callId: string) => setCalls((current) => current.filter((c) => c.callId !== callId)), []);
  const created = useCallback(
    (callId: string, contact: CallContact) => setCalls((current) => current.map((c) => (c.callId === callId ? { ...c, contacts: [contact], contactId: c.contactId ?? contact.id } : c))),
    [],
  );

  return (
    <div
      data-testid="call-pop"
      data-realtime={open ? 'open' : 'closed'}
      role="region"
      aria-live="assertive"
      style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 1050, width: 'min(380px, calc(100vw - 32px))', display: 'flex', flexDirection: 'column', gap: 12, pointerEvents: calls.length ? 'auto' : 'none' }}
    >
      {calls.map((call) => (
        <CallCard key={call.callId} call={call} onClose={() => close(call.callId)} onCreated={(contact) => created(call.callId, contact)} />
      ))}
    </div>
  );
}

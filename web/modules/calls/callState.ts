import type { RealtimeEvent } from '../../app/realtime/realtimeSocket';

/** A contact as the screen pop shows it (the server's `call.ringing` cards). */
export interface CallContact {
  id: string;
  name: string;
  company: string | null;
  title: string | null;
  phone: string | null;
  lifecycleStage?: string | null;
}


/** A call shown in the screen pop, built from its `call.*` events. */
export interface ActiveCall {
  callId: string;
  direction: 'inbound' | 'outbound';
  number: string;
  contacts: CallContact[];
  status: 'ringing' | 'answered' | 'ended';
  ringingAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  interactionId: string | null;
  contactId: string | null;
}

/** Cards shown at once: a new call pushes out the oldest. */
export const MAX_CARDS = 3;

/**
 * The calls on screen after a realtime event: `call.ringing` adds a card (newest first), `call.answered`
 * and `call.ended` update theirs. Events of calls that never rang on this page (opened mid-call) are ignored.
 */
export function applyCallEvent(calls: ActiveCall[], event: RealtimeEvent): ActiveCall[] {
  const callId = typeof event.callId === 'string' ? event.callId : null;
  if (!callId) return calls;
  const at = typeof event.at === 'string' ? event.at : new Date().toISOString();
  const known = calls.find((c) => c.callId === callId);
  if (event.type === 'call.ringing') {
    if (known) return calls;
    const call: ActiveCall = {
      callId,
      direction: event.direction === 'outbound' ? 'outbound' : 'inbound',
      number: String(event.number ?? ''),
      contacts: Array.isArray(event.contacts) ? (event.contacts as CallContact[]) : [],
      status: 'ringing',
      ringingAt: at,
      answeredAt: null,
      endedAt: null,
      interactionId: null,
      contactId: null,
    };
    return [call, ...calls].slice(0, MAX_CARDS);
  }
  if (!known || known.status === 'ended') return calls;
  let next: ActiveCall = known;
  if (event.type === 'call.answered') next = { ...known, status: 'answered', answeredAt: known.answeredAt ?? at };
  else if (event.type === 'call.ended')
    next = { ...known, status: 'ended', endedAt: at, interactionId: (event.interactionId as string | null) ?? null, contactId: (event.contactId as string | null) ?? known.contacts[0]?.id ?? null };
  else return calls;
  return calls.map((c) => (c === known ? next : c));
}

/** Whole seconds between two instants (never negative). */
export function secondsBetween(from: string, to: string | Date): number {
  return Math.max(0, Math.round(((to instanceof Date ? to.getTime() : Date.parse(to)) - Date.parse(from)) / 1000));
}

/** A call's length as a clock: 0:07, 3:00, 1:02:03. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

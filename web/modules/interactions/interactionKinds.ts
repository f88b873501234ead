import type { InteractionChannel, InteractionDirection, InteractionType } from '../../../contracts/interactions';
import type { InteractionParticipant } from '../../app/types';

/** The channel a new interaction of a type most likely went through (the form's default). */
export const DEFAULT_CHANNEL: Record<InteractionType, InteractionChannel> = {
  call: 'phone',
  email: 'email',
  meeting: 'in_person',
  visit: 'in_person',
  note: 'other',
  message: 'wechat',
};

/** Calls and meetings last a while and come to something (connected, no answer, rescheduled…). */
export function hasDuration(type: InteractionType): boolean {
  return type === 'call' || type === 'meeting';
}

/** A note is written to oneself and the team: it goes neither in nor out. */
export function hasDirection(type: InteractionType): boolean {
  return type !== 'note';
}

/** The direction a new interaction of a type starts with in the form. */
export function defaultDirection(type: InteractionType): InteractionDirection | null {
  return hasDirection(type) ? 'outbound' : null;
}

/**
 * A duration in whole units for reading: hours and minutes past an hour, minutes and seconds under it,
 * zero units left out (754 → 12 min 34 s, 3903 → 1 h 5 min, 45 → 45 s).
 */
export function durationParts(seconds: number): { unit: 'h' | 'min' | 's'; count: number }[] {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = h ? [{ unit: 'h' as const, count: h }, { unit: 'min' as const, count: m }] : [{ unit: 'min' as const, count: m }, { unit: 's' as const, count: s }];
  const shown = parts.filter((p) => p.count > 0);
  return shown.length ? shown : [{ unit: 's', count: 0 }];
}

/** The contacts among the participants, once each (the ones linked to their pages). */
export function contactParticipants(participants: InteractionParticipant[]): InteractionParticipant[] {
  const seen = new Set<string>();
  return participants.filter((p) => p.kind === 'contact' && p.id && !seen.has(p.id) && Boolean(seen.add(p.id)));
}

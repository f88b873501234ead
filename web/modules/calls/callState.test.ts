import { describe, expect, it } from 'vitest';
import { applyCallEvent, formatDuration, MAX_CARDS, secondsBetween, type ActiveCall } from './callState';

const ring = (callId: string, contacts: unknown[] = []) => ({ type: 'call.ringing', callId, direction: 'inbound', number: '+8613800138000', contacts, at: '2026-01-05T10:00:00Z' });

describe('screen pop state', () => {
  it('adds a card on ringing, then answers and ends it; ignores calls it never saw ring and repeats', () => {
    let calls: ActiveCall[] = [];
    calls = applyCallEvent(calls, ring('a', [{ id: 'c1', name: '王先生', company: null, title: null, phone: '+8613800138000' }]));
    calls = applyCallEvent(calls, ring('a'));
    calls = applyCallEvent(calls, { type: 'call.answered', callId: 'a', at: '2026-01-05T10:00:05Z' });
    calls = applyCallEvent(calls, { type: 'call.answered', callId: 'other', at: '2026-01-05T10:00:05Z' });
    calls = applyCallEvent(calls, { type: 'call.ended', callId: 'a', at: '2026-01-05T10:03:05Z', interactionId: 'i1', contactId: 'c1' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ status: 'ended', answeredAt: '2026-01-05T10:00:05Z', endedAt: '2026-01-05T10:03:05Z', interactionId: 'i1', contactId: 'c1', contacts: [{ name: '王先生' }] });
    expect(formatDuration(secondsBetween(calls[0]!.answeredAt!, calls[0]!.endedAt!))).toBe('3:00');
  });

  it('keeps the newest cards', () => {
    let calls: ActiveCall[] = [];
    for (const id of ['1', '2', '3', '4']) calls = applyCallEvent(calls, ring(id));
    expect(calls.map((c) => c.callId)).toEqual(['4', '3', '2'].slice(0, MAX_CARDS));
  });

  it('formats durations as a clock', () => {
    expect([0, 7, 180, 3723].map(formatDuration)).toEqual(['0:00', '0:07', '3:00', '1:02:03']);
  });
});

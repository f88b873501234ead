import { describe, expect, it } from 'vitest';
import { INTERACTION_CHANNELS, INTERACTION_TYPES } from '../../../contracts/interactions';
import { DEFAULT_CHANNEL, contactParticipants, defaultDirection, durationParts, hasDuration } from './interactionKinds';

describe('interaction kinds', () => {
  it('defaults every type to a sensible channel', () => {
    expect(DEFAULT_CHANNEL).toEqual({ call: 'phone', email: 'email', meeting: 'in_person', visit: 'in_person', note: 'other', message: 'wechat' });
    for (const type of INTERACTION_TYPES) expect(INTERACTION_CHANNELS).toContain(DEFAULT_CHANNEL[type]);
  });

  it('asks duration and outcome of calls and meetings only', () => {
    expect(INTERACTION_TYPES.filter(hasDuration)).toEqual(['call', 'meeting']);
  });

  it('gives notes no direction', () => {
    expect(defaultDirection('note')).toBeNull();
    expect(defaultDirection('call')).toBe('outbound');
  });

  it('splits durations into readable units', () => {
    expect(durationParts(45)).toEqual([{ unit: 's', count: 45 }]);
    expect(durationParts(720)).toEqual([{ unit: 'min', count: 12 }]);
    expect(durationParts(754)).toEqual([{ unit: 'min', count: 12 }, { unit: 's', count: 34 }]);
    expect(durationParts(3903)).toEqual([{ unit: 'h', count: 1 }, { unit: 'min', count: 5 }]);
    expect(durationParts(7200)).toEqual([{ unit: 'h', count: 2 }]);
    expect(durationParts(-3)).toEqual([{ unit: 's', count: 0 }]);
  });

  it('lists each contact participant once', () => {
    const ps = contactParticipants([
      { kind: 'contact', id: 'a', name: 'A' },
      { kind: 'user', id: 'u' },
      { kind: 'address', address: 'x@example.com' },
      { kind: 'contact', id: 'a', role: 'cc' },
      { kind: 'contact', id: 'b' },
    ]);
    expect(ps.map((p) => p.id)).toEqual(['a', 'b']);
  });
});

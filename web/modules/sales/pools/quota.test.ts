import { describe, expect, it } from 'vitest';
import { remainingOf } from './quota';

describe('remaining pool quota', () => {
  it('is the tighter of the held and daily limits, never below zero, and null without limits', () => {
    expect(remainingOf(undefined)).toBeNull();
    expect(remainingOf({ held: 3, maxHeld: null, claimedToday: 9, maxDailyClaims: null })).toBeNull();
    expect(remainingOf({ held: 3, maxHeld: 10, claimedToday: 1, maxDailyClaims: null })).toBe(7);
    expect(remainingOf({ held: 3, maxHeld: 10, claimedToday: 4, maxDailyClaims: 5 })).toBe(1);
    expect(remainingOf({ held: 12, maxHeld: 10, claimedToday: 0, maxDailyClaims: 5 })).toBe(0);
  });
});

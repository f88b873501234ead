import { describe, expect, it } from 'vitest';
import { clockState, formatMinutes } from './durations';

describe('SLA durations', () => {
  it('says minutes the short way', () => {
    expect([0, 45, 60, 150, 1440, 1500, 4560, -5, 59.6].map(formatMinutes)).toEqual(['0m', '45m', '1h', '2h 30m', '1d', '1d 1h', '3d 4h', '0m', '1h']);
  });
  it('tells met, breached, paused, overdue and running apart', () => {
    expect(clockState({ stoppedAt: 'x', paused: false, breached: false })).toBe('met');
    expect(clockState({ stoppedAt: 'x', paused: false, breached: true })).toBe('breached');
    expect(clockState({ stoppedAt: null, paused: true, breached: false })).toBe('paused');
    expect(clockState({ stoppedAt: null, paused: true, breached: true })).toBe('overdue');
    expect(clockState({ stoppedAt: null, paused: false, breached: false })).toBe('running');
  });
});

import { describe, expect, it } from 'vitest';
import { atHourIn, dayIn, fromWallClock, toWallClock, zoneOffsetMinutes } from './zonedTime';

describe('zoned wall clocks', () => {
  it('knows the offset of a zone, with daylight saving time', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('shows an instant as the wall clock of the zone, whatever the browser zone', () => {
    const wall = toWallClock(new Date('2026-03-01T16:30:00Z'), 'Asia/Shanghai');
    expect([wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes()]).toEqual([2026, 2, 2, 0, 30]);
  });

  it('reads a picked wall clock back as the instant in the zone', () => {
    expect(fromWallClock(new Date(2026, 2, 2, 0, 30), 'Asia/Shanghai').toISOString()).toBe('2026-03-01T16:30:00.000Z');
    // New York springs forward on 2026-03-08: 09:00 that day is EDT (UTC−4).
    expect(fromWallClock(new Date(2026, 2, 8, 9, 0), 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(fromWallClock(new Date(2026, 2, 7, 9, 0), 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z');
  });

  it('round-trips', () => {
    const instant = new Date('2026-10-31T23:45:00Z');
    for (const zone of ['Asia/Taipei', 'Europe/London', 'America/Los_Angeles', undefined]) {
      expect(fromWallClock(toWallClock(instant, zone), zone).toISOString()).toBe(instant.toISOString());
    }
  });

  it('gives the calendar day in the zone', () => {
    expect(dayIn(new Date('2026-03-01T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(dayIn(new Date('2026-03-01T16:30:00Z'), 'America/New_York')).toBe('2026-03-01');
  });

  it('gives an hour of today or a later day in the zone', () => {
    const now = new Date('2026-05-09T17:00:00Z'); // May 10, 01:00 in Shanghai
    expect(atHourIn(0, 18, 'Asia/Shanghai', now).toISOString()).toBe('2026-05-10T10:00:00.000Z');
    expect(atHourIn(1, 9, 'Asia/Shanghai', now).toISOString()).toBe('2026-05-11T01:00:00.000Z');
    expect(atHourIn(0, 18, 'America/New_York', now).toISOString()).toBe('2026-05-09T22:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessMinutesBetween, isOpenAt, localToInstant, type BusinessCalendar, type TimeRange } from './business-calendar.js';
import { CALENDAR_PRESETS } from './business-calendar.presets.js';

const nineToSix: TimeRange[] = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }];
const weekdays = (ranges: TimeRange[]): TimeRange[][] => [ranges, ranges, ranges, ranges, ranges, [], []];
const shanghai: BusinessCalendar = { timeZone: 'Asia/Shanghai', week: weekdays(nineToSix) };
const at = (iso: string) => new Date(iso);

describe('addBusinessTime in Asia/Shanghai, Monday to Friday 09–12 and 13–18', () => {
  it('counts within a day and skips lunch', () => {
    expect(addBusinessTime(shanghai, at('2026-03-02T09:30:00+08:00'), 60).toISOString()).toBe(at('2026-03-02T10:30:00+08:00').toISOString());
    expect(addBusinessTime(shanghai, at('2026-03-02T11:30:00+08:00'), 60).toISOString()).toBe(at('2026-03-02T13:30:00+08:00').toISOString());
  });

  it('starts the clock at the next opening when created out of hours, and carries over nights and weekends', () => {
    expect(addBusinessTime(shanghai, at('2026-03-02T20:00:00+08:00'), 30).toISOString()).toBe(at('2026-03-03T09:30:00+08:00').toISOString());
    // Friday 17:00 + 2 h: one hour Friday, one hour Monday.
    expect(addBusinessTime(shanghai, at('2026-03-06T17:00:00+08:00'), 120).toISOString()).toBe(at('2026-03-09T10:00:00+08:00').toISOString());
    // Saturday: nothing until Monday.
    expect(addBusinessTime(shanghai, at('2026-03-07T10:00:00+08:00'), 8 * 60).toISOString()).toBe(at('2026-03-09T18:00:00+08:00').toISOString());
  });

  it('lands exactly on a closing time rather than the next opening', () => {
    expect(addBusinessTime(shanghai, at('2026-03-02T17:00:00+08:00'), 60).toISOString()).toBe(at('2026-03-02T18:00:00+08:00').toISOString());
  });

  it('zero minutes is the start itself', () => {
    expect(addBusinessTime(shanghai, at('2026-03-07T10:00:00+08:00'), 0).toISOString()).toBe(at('2026-03-07T10:00:00+08:00').toISOString());
  });
});

describe('holidays and make-up working days (调休)', () => {
  const cn2026: BusinessCalendar = { ...shanghai, days: CALENDAR_PRESETS.find((p) => p.id === 'cn-2026')!.days };

  it('skips the National Day week and works the make-up Saturday 10 October', () => {
    // Wednesday 30 September 17:00 + 2 h: 1 h that day, then closed 1–7 Oct (holiday), 8 Oct Thursday 09–10.
    expect(addBusinessTime(cn2026, at('2026-09-30T17:00:00+08:00'), 120).toISOString()).toBe(at('2026-10-08T10:00:00+08:00').toISOString());
    // Friday 9 October 17:00 + 2 h: the make-up Saturday 10 October works Monday's hours.
    expect(addBusinessTime(cn2026, at('2026-10-09T17:00:00+08:00'), 120).toISOString()).toBe(at('2026-10-10T10:00:00+08:00').toISOString());
    expect(isOpenAt(cn2026, at('2026-10-10T10:00:00+08:00'))).toBe(true);
    expect(isOpenAt(shanghai, at('2026-10-10T10:00:00+08:00'))).toBe(false);
    expect(isOpenAt(cn2026, at('2026-10-05T10:00:00+08:00'))).toBe(false);
  });

  it('counts the Spring Festival 2026: closed 15–23 February, working Saturdays 14 and 28 February', () => {
    // February 2026 has 20 weekdays, minus 6 closed (16–20, 23), plus 2 make-up Saturdays: 16 working days of 8 h.
    expect(businessMinutesBetween(cn2026, at('2026-02-01T00:00:00+08:00'), at('2026-03-01T00:00:00+08:00'))).toBe(16 * 8 * 60);
    expect(businessMinutesBetween(shanghai, at('2026-02-01T00:00:00+08:00'), at('2026-03-01T00:00:00+08:00'))).toBe(20 * 8 * 60);
  });

  it('gives a make-up day its own hours when it has them', () => {
    const cal: BusinessCalendar = { ...shanghai, days: [{ date: '2026-03-07', kind: 'workday', ranges: [{ start: '10:00', end: '12:00' }] }] };
    expect(businessMinutesBetween(cal, at('2026-03-07T00:00:00+08:00'), at('2026-03-08T00:00:00+08:00'))).toBe(120);
  });
});

describe('time zones and daylight saving', () => {
  const newYork: BusinessCalendar = { timeZone: 'America/New_York', week: weekdays([{ start: '09:00', end: '17:00' }]) };

  it('keeps 09:00 local across the spring-forward and fall-back changes', () => {
    // Friday 6 March 2026 16:00 EST + 2 h → Monday 9 March (EDT since Sunday 8 March) 10:00 local = 14:00Z.
    expect(addBusinessTime(newYork, at('2026-03-06T16:00:00-05:00'), 120).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    // Friday 30 October 16:00 EDT + 2 h → Monday 2 November (EST) 10:00 local = 15:00Z.
    expect(addBusinessTime(newYork, at('2026-10-30T16:00:00-04:00'), 120).toISOString()).toBe('2026-11-02T15:00:00.000Z');
    // The Monday after the change has its full 8 hours.
    expect(businessMinutesBetween(newYork, at('2026-03-09T00:00:00-04:00'), at('2026-03-10T00:00:00-04:00'))).toBe(480);
  });

  it('the same instant is in hours in Shanghai and not in New York', () => {
    const instant = at('2026-03-03T02:00:00Z'); // 10:00 Shanghai, 21:00 New York the evening before
    expect(isOpenAt(shanghai, instant)).toBe(true);
    expect(isOpenAt(newYork, instant)).toBe(false);
  });

  it('moves a skipped wall time forward by the jump and reads a repeated one as its first occurrence', () => {
    expect(new Date(localToInstant('America/New_York', Date.UTC(2026, 2, 8, 2, 30))).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(new Date(localToInstant('America/New_York', Date.UTC(2026, 10, 1, 1, 30))).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('a night shift across the spring-forward night is an hour shorter', () => {
    const nights: BusinessCalendar = { timeZone: 'America/New_York', week: Array.from({ length: 7 }, () => [{ start: '22:00', end: '06:00' }]) };
    expect(businessMinutesBetween(nights, at('2026-03-07T12:00:00-05:00'), at('2026-03-08T12:00:00-04:00'))).toBe(7 * 60);
    expect(businessMinutesBetween(nights, at('2026-03-05T12:00:00-05:00'), at('2026-03-06T12:00:00-05:00'))).toBe(8 * 60);
  });
});

describe('overnight ranges', () => {
  const nightDesk: BusinessCalendar = { timeZone: 'Asia/Shanghai', week: weekdays([{ start: '22:00', end: '06:00' }]) };

  it('runs a range past midnight into the next day, also into a closed Saturday', () => {
    expect(addBusinessTime(nightDesk, at('2026-03-02T23:00:00+08:00'), 120).toISOString()).toBe(at('2026-03-03T01:00:00+08:00').toISOString());
    // Friday night's shift ends Saturday 06:00; the next opens Monday 22:00.
    expect(addBusinessTime(nightDesk, at('2026-03-07T05:00:00+08:00'), 120).toISOString()).toBe(at('2026-03-09T23:00:00+08:00').toISOString());
    expect(isOpenAt(nightDesk, at('2026-03-07T03:00:00+08:00'))).toBe(true);
  });

  it('a holiday closes the shift that starts on it', () => {
    const cal: BusinessCalendar = { ...nightDesk, days: [{ date: '2026-03-03', kind: 'holiday' }] };
    expect(isOpenAt(cal, at('2026-03-03T23:00:00+08:00'))).toBe(false);
    expect(isOpenAt(cal, at('2026-03-03T03:00:00+08:00'))).toBe(true);
  });
});

describe('pauses', () => {
  it('stops the clock while paused, whatever the hours', () => {
    const pauses = [{ from: at('2026-03-02T10:00:00+08:00'), to: at('2026-03-02T14:00:00+08:00') }];
    // 09:00 + 3 h: 1 h before the pause, then 14–16. The whole day: 09–10 and 14–18.
    expect(addBusinessTime(shanghai, at('2026-03-02T09:00:00+08:00'), 180, pauses).toISOString()).toBe(at('2026-03-02T16:00:00+08:00').toISOString());
    expect(businessMinutesBetween(shanghai, at('2026-03-02T09:00:00+08:00'), at('2026-03-02T18:00:00+08:00'), pauses)).toBe(300);
  });

  it('merges overlapping pauses, ignores empty ones, and an open pause runs to the end of the span', () => {
    const pauses = [
      { from: at('2026-03-02T10:00:00+08:00'), to: at('2026-03-02T11:00:00+08:00') },
      { from: at('2026-03-02T10:30:00+08:00'), to: at('2026-03-02T11:30:00+08:00') },
      { from: at('2026-03-02T15:00:00+08:00'), to: at('2026-03-02T15:00:00+08:00') },
      { from: at('2026-03-02T17:00:00+08:00'), to: null },
    ];
    expect(businessMinutesBetween(shanghai, at('2026-03-02T09:00:00+08:00'), at('2026-03-03T18:00:00+08:00'), pauses)).toBe(60 + 30 + 240);
    expect(() => addBusinessTime(shanghai, at('2026-03-02T09:00:00+08:00'), 1000, pauses)).toThrow(RangeError);
  });
});

describe('24×7 and edge cases', () => {
  const always: BusinessCalendar = { timeZone: 'Asia/Shanghai', alwaysOpen: true, week: weekdays([]) };

  it('a 24×7 calendar counts every minute, pauses excepted', () => {
    expect(addBusinessTime(always, at('2026-03-07T10:00:00Z'), 1440).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(businessMinutesBetween(always, at('2026-03-07T10:00:00Z'), at('2026-03-07T10:00:30Z'))).toBe(0.5);
    const pauses = [{ from: at('2026-03-07T11:00:00Z'), to: at('2026-03-07T12:00:00Z') }];
    expect(addBusinessTime(always, at('2026-03-07T10:00:00Z'), 120, pauses).toISOString()).toBe('2026-03-07T13:00:00.000Z');
  });

  it('seven days of 00:00–24:00 behaves like 24×7 across midnights', () => {
    const allDay: BusinessCalendar = { timeZone: 'Asia/Shanghai', week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]) };
    expect(addBusinessTime(allDay, at('2026-03-07T10:00:00Z'), 3 * 1440).toISOString()).toBe('2026-03-10T10:00:00.000Z');
  });

  it('answers negative spans, zero spans, and refuses a calendar without working time', () => {
    expect(businessMinutesBetween(shanghai, at('2026-03-02T10:00:00+08:00'), at('2026-03-02T09:00:00+08:00'))).toBe(-60);
    expect(businessMinutesBetween(shanghai, at('2026-03-02T10:00:00+08:00'), at('2026-03-02T10:00:00+08:00'))).toBe(0);
    expect(() => addBusinessTime({ timeZone: 'UTC', week: weekdays([]) }, at('2026-03-02T10:00:00Z'), 1)).toThrow(RangeError);
  });

  it('a year of business time is computed fast and adds up', () => {
    const t0 = performance.now();
    const minutes = businessMinutesBetween(shanghai, at('2026-01-01T00:00:00+08:00'), at('2027-01-01T00:00:00+08:00'));
    // 2026 has 261 weekdays.
    expect(minutes).toBe(261 * 480);
    const due = addBusinessTime(shanghai, at('2026-01-01T00:00:00+08:00'), minutes);
    expect(due.toISOString()).toBe(at('2026-12-31T18:00:00+08:00').toISOString());
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

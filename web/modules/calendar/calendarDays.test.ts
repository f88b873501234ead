import { describe, expect, it } from 'vitest';
import { dayKey, layoutColumns, minutesIn, parseDayKey, shiftAnchor, viewDays } from './calendarDays';

const d = (y: number, m: number, day: number, h = 0, min = 0) => new Date(y, m - 1, day, h, min);

describe('calendar days', () => {
  it('lays out a week from Monday and a month as six weeks holding it', () => {
    expect(viewDays('week', d(2026, 11, 26)).map(dayKey)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    // A Sunday belongs to the week that began the Monday before.
    expect(dayKey(viewDays('week', d(2026, 11, 29))[0]!)).toBe('2026-11-23');
    const month = viewDays('month', d(2027, 2, 14));
    expect(month).toHaveLength(42);
    expect(dayKey(month[0]!)).toBe('2027-02-01');
    expect(dayKey(viewDays('month', d(2026, 11, 5))[0]!)).toBe('2026-10-26');
  });

  it('steps by a view, a month to its first day even from the 31st', () => {
    expect(dayKey(shiftAnchor('month', d(2027, 1, 31), 1))).toBe('2027-02-01');
    expect(dayKey(shiftAnchor('week', d(2026, 12, 28), 1))).toBe('2027-01-04');
    expect(dayKey(shiftAnchor('day', d(2027, 1, 1), -1))).toBe('2026-12-31');
  });

  it('reads only real days from a URL', () => {
    expect(parseDayKey('2027-02-29')).toBeNull();
    expect(parseDayKey('next week')).toBeNull();
    expect(dayKey(parseDayKey('2028-02-29')!)).toBe('2028-02-29');
  });

  it('clips a span to a day, and keeps a moment at midnight on its day', () => {
    const day = d(2026, 11, 24);
    expect(minutesIn(day, { start: d(2026, 11, 23, 22), end: d(2026, 11, 24, 1, 30) })).toEqual({ from: 0, to: 90 });
    expect(minutesIn(day, { start: d(2026, 11, 24, 23), end: d(2026, 11, 25, 2) })).toEqual({ from: 1380, to: 1440 });
    expect(minutesIn(day, { start: d(2026, 11, 23, 22), end: d(2026, 11, 24) })).toBeNull();
    expect(minutesIn(day, { start: day, end: day })).toEqual({ from: 0, to: 0 });
  });

  it('puts overlapping events side by side and lone ones full width', () => {
    const laid = layoutColumns([
      { id: 'a', from: 540, to: 600 },
      { id: 'b', from: 570, to: 630 },
      { id: 'c', from: 615, to: 660 },
      { id: 'd', from: 720, to: 780 },
    ]);
    const by = Object.fromEntries(laid.map((e) => [e.id, [e.column, e.columns]]));
    expect(by).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
  });
});

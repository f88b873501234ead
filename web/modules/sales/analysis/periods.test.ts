import { describe, expect, it } from 'vitest';
import { monthsOf, periodsBetween, quickRange, todayIn } from './periods';

describe('quickRange', () => {
  it('gives the calendar quarter around today, and the one before across a year boundary', () => {
    expect(quickRange('thisQuarter', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quickRange('lastQuarter', '2026-11-23')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quickRange('lastQuarter', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(quickRange('thisQuarter', '2024-05-31')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
  });

  it('gives whole years and the twelve months up to the end of this one', () => {
    expect(quickRange('thisYear', '2026-03-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(quickRange('lastYear', '2026-03-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(quickRange('last12Months', '2024-02-10')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(quickRange('last12Months', '2026-12-05')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('monthsOf', () => {
  it('lists every month a range touches, across years', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['2026-03']);
  });

  it('is empty for a range that ends before it starts', () => {
    expect(monthsOf({ from: '2026-05-01', to: '2026-04-30' })).toEqual([]);
  });
});

describe('todayIn', () => {
  it('takes the calendar day of the time zone, not of UTC', () => {
    const lateUtc = new Date('2026-11-23T20:30:00Z');
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2026-11-24');
    expect(todayIn('America/New_York', lateUtc)).toBe('2026-11-23');
  });
});

describe('periodsBetween', () => {
  it('lists months, or the quarters they fall in, without gaps', () => {
    expect(periodsBetween('2026-11', '2027-02', 'month')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('2026-02', '2026-10', 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });
});

import { describe, expect, it } from 'vitest';
import { byDue, isOverdue, repeatChoiceOf, repeatRule } from './repeat';

describe('task repeat', () => {
  it('turns a choice into an RRULE', () => {
    expect(repeatRule('none')).toBeNull();
    expect(repeatRule('daily')).toBe('FREQ=DAILY');
    expect(repeatRule('weekly')).toBe('FREQ=WEEKLY');
    expect(repeatRule('monthly')).toBe('FREQ=MONTHLY');
    expect(repeatRule('custom', ' RRULE:FREQ=WEEKLY;BYDAY=MO,WE ')).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
    expect(repeatRule('custom', '  ')).toBeNull();
  });

  it('reads a stored rule back as a choice', () => {
    expect(repeatChoiceOf(null)).toEqual({ choice: 'none', custom: null });
    expect(repeatChoiceOf('FREQ=WEEKLY')).toEqual({ choice: 'weekly', custom: null });
    expect(repeatChoiceOf('freq=daily;interval=1')).toEqual({ choice: 'daily', custom: null });
    expect(repeatChoiceOf('FREQ=MONTHLY;BYMONTHDAY=-1')).toEqual({ choice: 'custom', custom: 'FREQ=MONTHLY;BYMONTHDAY=-1' });
  });

  it('marks open tasks past their due time overdue', () => {
    const now = Date.parse('2026-05-01T08:00:00Z');
    expect(isOverdue({ dueAt: '2026-05-01T07:59:00Z', status: 'open' }, now)).toBe(true);
    expect(isOverdue({ dueAt: '2026-05-01T08:01:00Z', status: 'open' }, now)).toBe(false);
    expect(isOverdue({ dueAt: '2026-04-01T08:00:00Z', status: 'done' }, now)).toBe(false);
    expect(isOverdue({ dueAt: null, status: 'open' }, now)).toBe(false);
  });

  it('sorts by due time, undated last', () => {
    const tasks = [
      { title: 'b', dueAt: null },
      { title: 'c', dueAt: '2026-05-02T00:00:00.000Z' },
      { title: 'a', dueAt: null },
      { title: 'd', dueAt: '2026-05-01T00:00:00.000Z' },
    ];
    expect([...tasks].sort(byDue).map((t) => t.title)).toEqual(['d', 'c', 'a', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import { taskBody } from './taskValues';

describe('taskBody', () => {
  it('sends a repeating task about a record', () => {
    expect(
      taskBody(
        { title: ' 回访 ', dueAt: '2026-05-04T01:00:00.000Z', remindAt: '2026-05-04T00:45:00.000Z', priority: 'high', repeat: 'custom', rule: 'RRULE:FREQ=WEEKLY;BYDAY=MO' },
        { recordType: 'contact', recordId: 'c1' },
      ),
    ).toEqual({
      title: '回访',
      priority: 'high',
      dueAt: '2026-05-04T01:00:00.000Z',
      remindAt: '2026-05-04T00:45:00.000Z',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO',
      recordType: 'contact',
      recordId: 'c1',
    });
  });

  it('leaves out what is empty', () => {
    expect(taskBody({ title: 'Call back', priority: 'normal', repeat: 'none', dueAt: null, notes: ' ' })).toEqual({ title: 'Call back', priority: 'normal' });
  });
});

import { describe, expect, it } from 'vitest';
import type { Task } from '../../app/types';
import { taskBody, taskPatch, taskValuesOf } from './taskValues';

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

describe('taskPatch', () => {
  it('round-trips a task through the form and clears what was emptied', () => {
    const task = { id: 't1', title: '周报', notes: '写清楚', dueAt: '2026-05-04T01:00:00.000Z', remindAt: null, priority: 'low', status: 'open', doneAt: null, recurrence: 'FREQ=WEEKLY;BYDAY=FR', recordType: null, recordId: null, ownerId: null, createdAt: '', updatedAt: '' } as Task;
    const values = taskValuesOf(task);
    expect(values).toMatchObject({ repeat: 'custom', rule: 'FREQ=WEEKLY;BYDAY=FR' });
    expect(taskPatch(values)).toEqual({ title: '周报', priority: 'low', dueAt: '2026-05-04T01:00:00.000Z', remindAt: null, recurrence: 'FREQ=WEEKLY;BYDAY=FR', notes: '写清楚' });
    expect(taskPatch({ ...values, repeat: 'none', dueAt: undefined, notes: '  ' })).toMatchObject({ dueAt: null, recurrence: null, notes: null });
  });
});

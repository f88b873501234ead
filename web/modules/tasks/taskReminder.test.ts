import { describe, expect, it } from 'vitest';
import { reminderOf } from './taskReminder';

describe('task reminders', () => {
  it('reads a task.reminder event and refuses others', () => {
    expect(reminderOf({ type: 'task.reminder', taskId: 't1', title: '给王总回电话', dueAt: '2026-11-23T10:00:00.000Z', recordType: 'contact', recordId: 'c1' })).toEqual({
      taskId: 't1',
      title: '给王总回电话',
      dueAt: '2026-11-23T10:00:00.000Z',
      recordType: 'contact',
      recordId: 'c1',
    });
    expect(reminderOf({ type: 'task.reminder', taskId: 't2', title: 'x', dueAt: null, recordType: null, recordId: null })).toMatchObject({ dueAt: null, recordType: null });
    expect(reminderOf({ type: 'task.reminder' })).toBeNull();
    expect(reminderOf({ type: 'call.ringing', taskId: 't1' })).toBeNull();
  });
});

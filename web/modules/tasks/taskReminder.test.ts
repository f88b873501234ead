import { describe, expect, it } from 'vitest';
import { reminderClosedBy, reminderOf } from './taskReminder';

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

describe('reminderClosedBy', () => {
  it('closes a reminder when its task is done, cancelled or deleted elsewhere, not when reopened', () => {
    expect(reminderClosedBy({ type: 'task.updated', taskId: 't1', status: 'done' })).toBe('t1');
    expect(reminderClosedBy({ type: 'task.updated', taskId: 't1', status: 'cancelled' })).toBe('t1');
    expect(reminderClosedBy({ type: 'task.deleted', taskId: 't2' })).toBe('t2');
    expect(reminderClosedBy({ type: 'task.updated', taskId: 't1', status: 'open' })).toBeNull();
    expect(reminderClosedBy({ type: 'task.reminder', taskId: 't1' })).toBeNull();
    expect(reminderClosedBy({ type: 'task.deleted' })).toBeNull();
  });
});

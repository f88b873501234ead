import type { RealtimeEvent } from '../../app/realtime/realtimeSocket';

/** A `task.reminder` pushed to the task owner's open pages when its remind time comes. */
export interface TaskReminder {
  taskId: string;
  title: string;
  dueAt: string | null;
  recordType: string | null;
  recordId: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The reminder of a realtime event, or null when the event is not a well-formed `task.reminder`. */
export function reminderOf(event: RealtimeEvent): TaskReminder | null {
  const taskId = text(event.taskId);
  if (event.type !== 'task.reminder' || !taskId) return null;
  return { taskId, title: text(event.title) ?? '', dueAt: text(event.dueAt), recordType: text(event.recordType), recordId: text(event.recordId) };
}

/**
 * The task whose open reminder an event closes: a task done, cancelled or deleted (on any page or device);
 * null for other events, and for a task reopened.
 */
export function reminderClosedBy(event: RealtimeEvent): string | null {
  const taskId = text(event.taskId);
  if (!taskId) return null;
  if (event.type === 'task.deleted') return taskId;
  return event.type === 'task.updated' && event.status !== 'open' ? taskId : null;
}

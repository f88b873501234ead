import type { TaskPriority } from '../../../contracts/interactions';
import type { Task } from '../../app/types';
import { repeatChoiceOf, repeatRule, type RepeatChoice } from './repeat';

/** The task form's values. */
export interface TaskValues {
  title: string;
  /** ISO instants. */
  dueAt?: string | null;
  remindAt?: string | null;
  priority: TaskPriority;
  repeat: RepeatChoice;
  /** The RRULE typed when `repeat` is custom. */
  rule?: string | null;
  notes?: string | null;
}

/** The body of POST /tasks: the record it is about when there is one; empty fields left out. */
export function taskBody(values: TaskValues, record?: { recordType: string; recordId: string }) {
  const recurrence = repeatRule(values.repeat, values.rule);
  return {
    title: values.title.trim(),
    priority: values.priority,
    ...(values.dueAt ? { dueAt: values.dueAt } : {}),
    ...(values.remindAt ? { remindAt: values.remindAt } : {}),
    ...(recurrence ? { recurrence } : {}),
    ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
    ...(record ? { recordType: record.recordType, recordId: record.recordId } : {}),
  };
}

/** The form's values for a task being edited. */
export function taskValuesOf(task: Task): TaskValues {
  const { choice, custom } = repeatChoiceOf(task.recurrence);
  return { title: task.title, dueAt: task.dueAt, remindAt: task.remindAt, priority: task.priority, repeat: choice, rule: custom, notes: task.notes };
}

/** The body of PATCH /tasks/{id}: every field, emptied ones as null so that they are cleared. */
export function taskPatch(values: TaskValues) {
  return {
    title: values.title.trim(),
    priority: values.priority,
    dueAt: values.dueAt || null,
    remindAt: values.remindAt || null,
    recurrence: repeatRule(values.repeat, values.rule),
    notes: values.notes?.trim() || null,
  };
}

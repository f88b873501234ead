import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { Task } from '../../app/types';
import { useFormat } from '../../app/useFormat';

/** Refreshes every task list (my day, the tasks page, 360 panels), follow-up suggestions and the 360 figures (open tasks). */
export function useTasksChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['/tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['/follow-ups'] });
    void queryClient.invalidateQueries({ queryKey: ['overview'] });
  }, [queryClient]);
}

/** The caller's open tasks overdue or due today, then undated (GET /tasks/my-day). */
export function useMyDay() {
  return useQuery({
    queryKey: ['/tasks', 'my-day'],
    queryFn: ({ signal }) => api.get<{ data: Task[] }>('/tasks/my-day', undefined, signal),
  });
}

/**
 * Ticks a task done (or opens it again). A repeating task answers with its next occurrence, which the
 * refreshed lists then show; the message says when it is due.
 */
export function useToggleTask() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const changed = useTasksChanged();
  return useMutation({
    mutationFn: ({ task, done }: { task: Pick<Task, 'id'>; done: boolean }) => api.patch<Task & { next: Task | null }>(`/tasks/${task.id}`, { status: done ? 'done' : 'open' }),
    onSuccess: (result, { done }) => {
      if (done) {
        message.success(result.next?.dueAt ? t('tasks.doneNext', { due: format.dateTime(result.next.dueAt) }) : t('tasks.done'));
      }
      changed();
    },
    onError: (err) => message.error(err.message),
  });
}

/** Minutes a reminder's "snooze" puts it off. */
export const SNOOZE_MINUTES = 10;

/** Puts a task's reminder off by SNOOZE_MINUTES (a new remind time reminds again). */
export function useSnoozeTask() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const changed = useTasksChanged();
  return useMutation({
    mutationFn: (taskId: string) => api.patch<Task>(`/tasks/${taskId}`, { remindAt: new Date(Date.now() + SNOOZE_MINUTES * 60_000).toISOString() }),
    onSuccess: (task) => {
      if (task.remindAt) message.success(t('tasks.reminder.snoozed', { at: format.dateTime(task.remindAt) }));
      changed();
    },
    onError: (err) => message.error(err.message),
  });
}

/** Moves a task to the recycle bin; the lists refresh. */
export function useDeleteTask() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useTasksChanged();
  return useMutation({
    mutationFn: (taskId: string) => api.delete(`/tasks/${taskId}`),
    onSuccess: () => {
      message.success(t('tasks.deleted'));
      changed();
    },
    onError: (err) => message.error(err.message),
  });
}

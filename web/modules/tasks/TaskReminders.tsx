import { BellOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { RealtimeEvent } from '../../app/realtime/realtimeSocket';
import { useRealtime } from '../../app/realtime/useRealtime';
import { recordPath } from '../../app/search/recordTypes';
import { useFormat } from '../../app/useFormat';
import { reminderClosedBy, reminderOf } from './taskReminder';
import { SNOOZE_MINUTES, useSnoozeTask, useTasksChanged, useToggleTask } from './useTasks';

/**
 * Task reminders, mounted once in the signed-in layout: each `task.reminder` of the shared realtime socket
 * becomes a notification (until dismissed) with the due time in the user's zone, a link to the task's record
 * (or the tasks page), "done" and "snooze".
 */
export function TaskReminders() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const format = useFormat();
  const navigate = useNavigate();
  const toggle = useToggleTask();
  const snooze = useSnoozeTask();
  const tasksChanged = useTasksChanged();

  useRealtime('task.reminder', (event: RealtimeEvent) => {
    const reminder = reminderOf(event);
    if (!reminder) return;
    // The task may have been added elsewhere: lists on this page show it beside the notification.
    tasksChanged();
    const key = `task-reminder-${reminder.taskId}`;
    const close = () => notification.destroy(key);
    // The notification lives outside the router: links navigate through the layout's navigate.
    const path = (reminder.recordType && reminder.recordId && recordPath(reminder.recordType, reminder.recordId)) || '/tasks';
    notification.open({
      key,
      duration: false,
      icon: <BellOutlined style={{ color: '#1677ff' }} />,
      title: <span data-testid="task-reminder-title">{reminder.title}</span>,
      props: { 'data-testid': 'task-reminder', 'data-task-id': reminder.taskId } as { 'data-testid': string },
      description: (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">
            {reminder.dueAt ? t('tasks.reminder.due', { due: format.dateTime(reminder.dueAt) }) : t('tasks.reminder.noDue')}
          </Typography.Text>
          <Typography.Link
            data-testid="task-reminder-open"
            onClick={() => {
              close();
              void navigate(path);
            }}
          >
            {path === '/tasks' ? t('tasks.reminder.openTasks') : t('tasks.reminder.openRecord')}
          </Typography.Link>
        </Flex>
      ),
      actions: (
        <Flex gap={8}>
          <Button size="small" data-testid="task-reminder-snooze" onClick={() => snooze.mutate(reminder.taskId, { onSuccess: close })}>
            {t('tasks.reminder.snooze', { minutes: SNOOZE_MINUTES })}
          </Button>
          <Button size="small" type="primary" data-testid="task-reminder-done" onClick={() => toggle.mutate({ task: { id: reminder.taskId }, done: true }, { onSuccess: close })}>
            {t('tasks.reminder.done')}
          </Button>
        </Flex>
      ),
    });
  });
  // A task done, reopened or deleted on another page or device: lists refresh, and its reminder closes here too.
  useRealtime('task.*', (event: RealtimeEvent) => {
    if (event.type !== 'task.updated' && event.type !== 'task.deleted') return;
    tasksChanged();
    const closed = reminderClosedBy(event);
    if (closed) notification.destroy(`task-reminder-${closed}`);
  });
  return null;
}

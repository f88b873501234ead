import { BellOutlined, CalendarOutlined, DeleteOutlined, EditOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popconfirm, Tag, Tooltip, Typography, theme, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordLink } from '../../app/RecordLink';
import type { Task } from '../../app/types';
import { useFormat } from '../../app/useFormat';
import { dayHeading } from '../../ui/dayHeading';
import { dayIn } from '../../ui/zonedTime';
import { isOverdue, repeatChoiceOf } from './repeat';
import { TaskFormModal } from './TaskFormModal';
import { useDeleteTask, useToggleTask } from './useTasks';

/** "Today 18:00", "Tomorrow 09:00", else the date and time (all in the user's zone). */
function useDueLabel() {
  const format = useFormat();
  return (value: string) => {
    const now = new Date();
    const days = (Date.parse(dayIn(new Date(value), format.timeZone)) - Date.parse(dayIn(now, format.timeZone))) / 86_400_000;
    if (Math.abs(days) > 1) return format.dateTime(value);
    const time = new Intl.DateTimeFormat(format.locale, { timeStyle: 'short', timeZone: format.timeZone }).format(new Date(value));
    return `${dayHeading(value, format, now)} ${time}`;
  };
}

interface TaskRowProps {
  task: Task;
  /** Show the record it is about (not on that record's own page). */
  showRecord?: boolean;
}

/** One task: a box to tick it done, its title, when it is due (red once overdue), how it repeats, its record; edit and delete. */
export function TaskRow({ task, showRecord }: TaskRowProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const format = useFormat();
  const dueLabel = useDueLabel();
  const toggle = useToggleTask();
  const remove = useDeleteTask();
  const [editing, setEditing] = useState(false);
  const done = toggle.isPending ? (toggle.variables?.done ?? false) : task.status === 'done';
  const overdue = !done && isOverdue(task);
  const repeat = repeatChoiceOf(task.recurrence);
  return (
    <Flex align="flex-start" gap={10} data-testid="task-row" data-overdue={overdue || undefined}>
      <Checkbox
        checked={done}
        disabled={toggle.isPending || task.status === 'cancelled'}
        onChange={(e) => toggle.mutate({ task, done: e.target.checked })}
        aria-label={t('tasks.complete', { title: task.title })}
        style={{ marginTop: 2 }}
        data-testid="task-check"
      />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text delete={done} type={done ? 'secondary' : undefined} data-testid="task-title">
          {task.title}
        </Typography.Text>
        <Flex wrap gap="0 12px" style={{ fontSize: 12, color: token.colorTextSecondary }}>
          {task.dueAt && (
            <Tooltip title={format.relative(task.dueAt)}>
              <span style={overdue ? { color: token.colorError, fontWeight: 500 } : undefined} data-testid="task-due">
                <CalendarOutlined /> {overdue ? t('tasks.overdue', { due: dueLabel(task.dueAt) }) : dueLabel(task.dueAt)}
              </span>
            </Tooltip>
          )}
          {task.remindAt && !done && (
            <Tooltip title={t('tasks.fields.remindAt')}>
              <span>
                <BellOutlined /> {dueLabel(task.remindAt)}
              </span>
            </Tooltip>
          )}
          {task.recurrence && (
            <Tooltip title={task.recurrence}>
              <span data-testid="task-repeat">
                <SyncOutlined /> {t(`tasks.repeat.${repeat.choice}`)}
              </span>
            </Tooltip>
          )}
          {showRecord && task.recordType && task.recordId && <RecordLink recordType={task.recordType} id={task.recordId} testId="task-record" />}
        </Flex>
      </div>
      {task.priority !== 'normal' && (
        <Tag color={task.priority === 'high' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
          {t(`tasks.priorities.${task.priority}`)}
        </Tag>
      )}
      <Flex gap={0} style={{ marginTop: -2 }}>
        <Tooltip title={t('common.edit')}>
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('tasks.editNamed', { title: task.title })} onClick={() => setEditing(true)} data-testid="task-edit" />
        </Tooltip>
        <Popconfirm
          title={t('tasks.deleteConfirm', { title: task.title })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'task-delete-confirm' } as ButtonProps}
          onConfirm={() => remove.mutateAsync(task.id)}
        >
          <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('tasks.deleteNamed', { title: task.title })} loading={remove.isPending} data-testid="task-delete" />
        </Popconfirm>
      </Flex>
      {editing && <TaskFormModal open task={task} onClose={() => setEditing(false)} />}
    </Flex>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import type { Page, Task } from '../../app/types';
import { byDue } from './repeat';
import { TaskFormModal } from './TaskFormModal';
import { TaskList } from './TaskList';

interface TasksPanelProps {
  record: { recordType: 'contact' | 'account' | 'opportunity' | 'lead' | 'case'; recordId: string; name: string };
}

const LIMIT = 50;

/** The open tasks about a record, soonest due first, on its 360 page: tick one done, add one. */
export function TasksPanel({ record }: TasksPanelProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const open = useQuery({
    queryKey: ['/tasks', 'record', record.recordType, record.recordId],
    queryFn: ({ signal }) =>
      api.get<Page<Task>>(
        '/tasks',
        { filter: [`recordType:eq:${record.recordType}`, `recordId:eq:${record.recordId}`, 'status:eq:open'], limit: LIMIT },
        signal,
      ),
  });
  const tasks = [...(open.data?.data ?? [])].sort(byDue);
  return (
    <Card
      size="small"
      data-testid="panel-tasks"
      title={
        <>
          {t('tasks.panelTitle')} <Badge count={tasks.length} showZero color="gray" overflowCount={LIMIT - 1} />
        </>
      }
      extra={
        <Button size="small" type="text" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="task-add">
          {t('tasks.addShort')}
        </Button>
      }
    >
      <TaskList tasks={tasks} empty={open.isPending ? '…' : t('tasks.noneOpen')} testId="record-tasks" />
      {open.data?.nextCursor && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <Link to="/tasks">{t('tasks.more')}</Link>
        </Typography.Text>
      )}
      <TaskFormModal
        open={adding}
        record={record}
        onClose={() => setAdding(false)}
      />
    </Card>
  );
}

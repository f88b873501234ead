import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Task } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useCursorList } from '../../app/useCursorList';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { byDue } from './repeat';
import { ReminderPreference } from './ReminderPreference';
import { TaskFormModal } from './TaskFormModal';
import { TaskList } from './TaskList';

const SHOWS = ['open', 'done', 'all'] as const;
type Show = (typeof SHOWS)[number];

/** Done tasks most recently done first. */
const byDoneAt = (a: Task, b: Task) => (b.doneAt ?? '').localeCompare(a.doneAt ?? '');

/** /tasks (?show=done|all): my tasks, open ones soonest due first; add one not about any record. */
export function TasksPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const show: Show = SHOWS.includes(params.get('show') as Show) ? (params.get('show') as Show) : 'open';
  const filter = [`ownerId:eq:${user.id}`, ...(show === 'all' ? [] : [`status:eq:${show}`])];
  const list = useCursorList<Task>('/tasks', { filter, sort: '-updatedAt' }, { limit: 100 });
  // The API sorts by title, createdAt or updatedAt only: due order is of the pages loaded so far.
  const tasks = [...list.rows].sort(show === 'done' ? byDoneAt : byDue);

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="tasks-add">
            {t('tasks.add')}
          </Button>
        }
      />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Segmented
          value={show}
          onChange={(value) => setParams(value === 'open' ? {} : { show: value }, { replace: true })}
          options={SHOWS.map((value) => ({ value, label: t(`tasks.show.${value}`) }))}
          data-testid="tasks-show"
        />
        <ReminderPreference />
      </Flex>
      <Card>
        {list.error ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <TaskList
            tasks={tasks}
            showRecord
            testId="tasks-list"
            empty={
              list.isPending ? (
                '…'
              ) : (
                <EmptyState
                  title={t(show === 'done' ? 'tasks.empty.doneTitle' : 'tasks.empty.title')}
                  description={t('tasks.empty.text')}
                  testId="tasks-empty"
                />
              )
            }
          />
        )}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
      </Card>
      <TaskFormModal
        open={adding}
        onClose={() => setAdding(false)}
      />
    </>
  );
}

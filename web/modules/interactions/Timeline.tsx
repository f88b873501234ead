import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { useOnVisible } from '../../ui/useOnVisible';
import { LogInteractionModal } from './LogInteractionModal';
import { TimelineFilterBar } from './TimelineFilterBar';
import { TimelinePage } from './TimelinePage';
import { useTimeline, type TimelineFilters, type TimelineRecord } from './useTimeline';
import { useTimelineActions } from './useTimelineActions';

interface TimelineProps {
  record: TimelineRecord;
  /** Opens the log form (the empty state's call to action). */
  onLog?: () => void;
}

/**
 * A record's timeline: calls, e-mails, meetings, notes, messages and visits, newest first, filtered by type,
 * channel and owner. The next page loads as the end comes into view (or with "load more").
 */
export function Timeline({ record, onLog }: TimelineProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<TimelineFilters>({});
  const timeline = useTimeline(record, filters);
  const { onAction, editing, editOpen, stopEditing } = useTimelineActions();
  const pages = timeline.data?.pages ?? [];
  const loadMore = () => void timeline.fetchNextPage();
  const sentinel = useOnVisible<HTMLDivElement>(loadMore, timeline.hasNextPage && !timeline.isFetchingNextPage && !timeline.isError);
  const empty = !timeline.isPending && pages.every((p) => p.data.length === 0);
  const filtered = Object.values(filters).some(Boolean);

  let previousAt: string | null = null;
  const rendered = pages.map((page, i) => {
    const element = (
      <TimelinePage key={i} items={page.data} previousAt={previousAt} endsFeed={!timeline.hasNextPage && i === pages.length - 1} onAction={onAction} />
    );
    previousAt = page.data.at(-1)?.occurredAt ?? previousAt;
    return element;
  });

  return (
    <div data-testid="timeline">
      <TimelineFilterBar value={filters} onChange={setFilters} />
      {timeline.isPending ? (
        <Skeleton active avatar paragraph={{ rows: 2 }} />
      ) : timeline.error && !pages.length ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : empty ? (
        filtered ? (
          <EmptyState
            title={t('timeline.emptyFiltered.title')}
            description={t('timeline.emptyFiltered.text')}
            action={<Button onClick={() => setFilters({})}>{t('timeline.filters.clear')}</Button>}
            testId="timeline-empty"
          />
        ) : (
          <EmptyState
            title={t('timeline.empty.title')}
            description={t('timeline.empty.text')}
            action={
              onLog && (
                <Button type="primary" icon={<PlusOutlined />} onClick={onLog}>
                  {t('timeline.log')}
                </Button>
              )
            }
            testId="timeline-empty"
          />
        )
      ) : (
        <div data-testid="timeline-items">{rendered}</div>
      )}
      <div ref={sentinel} />
      {timeline.isFetchingNextPage ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Spin size="small" />
        </Flex>
      ) : (
        <LoadMore hasMore={timeline.hasNextPage} loading={false} onLoadMore={loadMore} />
      )}
      {editing && <LogInteractionModal open={editOpen} record={record} interaction={editing} onClose={stopEditing} />}
    </div>
  );
}

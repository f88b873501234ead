import { ClockCircleOutlined, DownOutlined, PhoneOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Flex, Skeleton, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { RecordLink } from '../../app/RecordLink';
import { useCursorList } from '../../app/useCursorList';
import { useFormat } from '../../app/useFormat';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { atHourIn } from '../../ui/zonedTime';
import { FollowUpDays } from './FollowUpDays';
import { useTasksChanged } from './useTasks';

interface FollowUp {
  recordType: 'contact' | 'account';
  recordId: string;
  name: string;
  lastContactAt: string | null;
}

const SNOOZE_DAYS = 7;

/**
 * "No contact in 30 days" beside My day: my contacts and accounts silent for the workspace's days, longest
 * first; one click adds a follow-up task due today (which takes the record off the list), or puts it aside.
 */
export function FollowUpsCard() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const format = useFormat();
  const changed = useTasksChanged();
  const list = useCursorList<FollowUp>('/follow-ups', {}, { limit: 10 });
  const follow = useMutation({
    mutationFn: (item: FollowUp) =>
      api.post('/tasks', { title: t('followUps.taskTitle', { name: item.name }), dueAt: atHourIn(0, 18, format.timeZone).toISOString(), recordType: item.recordType, recordId: item.recordId }),
    onSuccess: () => {
      message.success(t('followUps.taskAdded'));
      changed();
    },
    onError: (err) => message.error(err.message),
  });
  const snooze = useMutation({
    mutationFn: ({ item, until }: { item: FollowUp; until: string | null }) => api.post('/follow-ups/snooze', { recordType: item.recordType, recordId: item.recordId, until }),
    onSuccess: () => changed(),
    onError: (err) => message.error(err.message),
  });
  return (
    <Card data-testid="follow-ups" title={t('followUps.title')} extra={<FollowUpDays />}>
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.rows.length === 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', padding: '12px 0', textAlign: 'center' }} data-testid="follow-ups-empty">
          {t('followUps.empty')}
        </Typography.Text>
      ) : (
        list.rows.map((item, i) => (
          <Flex key={`${item.recordType}:${item.recordId}`} align="center" gap={8} style={{ padding: '10px 0', borderTop: i ? `1px solid ${token.colorBorderSecondary}` : undefined }} data-testid="follow-up">
            <div style={{ flex: 1, minWidth: 0 }}>
              <RecordLink recordType={item.recordType} id={item.recordId} name={item.name} />
              <div style={{ fontSize: 12, color: token.colorTextSecondary }}>
                <ClockCircleOutlined /> {item.lastContactAt ? t('followUps.lastContact', { when: format.relative(item.lastContactAt) }) : t('followUps.never')}
              </div>
            </div>
            <Space.Compact size="small">
              <Button loading={follow.isPending && follow.variables === item} onClick={() => follow.mutate(item)} icon={<PhoneOutlined />} data-testid="follow-up-task">
                {t('followUps.createTask')}
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'snooze', label: t('followUps.snooze', { count: SNOOZE_DAYS }) },
                    { key: 'dismiss', label: t('followUps.dismiss') },
                  ],
                  onClick: ({ key }) => snooze.mutate({ item, until: key === 'snooze' ? atHourIn(SNOOZE_DAYS, 9, format.timeZone).toISOString() : null }),
                }}
              >
                <Button icon={<DownOutlined />} aria-label={t('followUps.later')} data-testid="follow-up-later" />
              </Dropdown>
            </Space.Compact>
          </Flex>
        ))
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </Card>
  );
}

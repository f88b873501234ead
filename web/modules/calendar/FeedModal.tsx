import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFormat } from '../../app/useFormat';

interface FeedStatus {
  active: boolean;
  createdAt: string | null;
  lastFetchedAt: string | null;
}

/**
 * The member's iCalendar subscription: its address is shown once, when made (only its hash is kept), so
 * "new address" both shows one and retires the old.
 */
export function FeedModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const status = useQuery({ queryKey: ['/calendar/feed'], queryFn: ({ signal }) => api.get<FeedStatus>('/calendar/feed', undefined, signal), enabled: open });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['/calendar/feed'] });
  const make = useMutation({
    mutationFn: () => api.post<{ url: string }>('/calendar/feed'),
    onSuccess: (feed) => {
      setUrl(feed.url);
      refresh();
    },
    onError: (err) => message.error(err.message),
  });
  const revoke = useMutation({
    mutationFn: () => api.delete('/calendar/feed'),
    onSuccess: () => {
      setUrl(null);
      message.success(t('calendar.feed.revoked'));
      refresh();
    },
    onError: (err) => message.error(err.message),
  });
  const active = status.data?.active ?? false;

  return (
    <Modal open={open} title={t('calendar.feed.title')} onCancel={onClose} afterClose={() => setUrl(null)} footer={null} width={600} data-testid="calendar-feed">
      <Typography.Paragraph>{t('calendar.feed.intro')}</Typography.Paragraph>
      {url ? (
        <>
          <Alert type="success" showIcon message={t('calendar.feed.onceTitle')} description={t('calendar.feed.once')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph copyable={{ text: url, tooltips: [t('calendar.feed.copy'), t('calendar.feed.copied')] }} code style={{ wordBreak: 'break-all' }} data-testid="calendar-feed-url">
            {url}
          </Typography.Paragraph>
        </>
      ) : (
        active && (
          <Typography.Paragraph type="secondary" data-testid="calendar-feed-status">
            {t('calendar.feed.active', { since: format.dateTime(status.data!.createdAt) })}{' '}
            {status.data!.lastFetchedAt ? t('calendar.feed.lastFetched', { at: format.relative(status.data!.lastFetchedAt) }) : t('calendar.feed.neverFetched')}
          </Typography.Paragraph>
        )
      )}
      <Flex gap={8} wrap>
        {active || url ? (
          <Popconfirm title={t('calendar.feed.regenerateConfirm')} okText={t('calendar.feed.regenerate')} cancelText={t('common.cancel')} onConfirm={() => make.mutate()}>
            <Button loading={make.isPending} data-testid="calendar-feed-regenerate">
              {t('calendar.feed.regenerate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button type="primary" loading={make.isPending || status.isPending} onClick={() => make.mutate()} data-testid="calendar-feed-make">
            {t('calendar.feed.make')}
          </Button>
        )}
        {(active || url) && (
          <Popconfirm title={t('calendar.feed.revokeConfirm')} okText={t('calendar.feed.revoke')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => revoke.mutate()}>
            <Button danger loading={revoke.isPending} data-testid="calendar-feed-revoke">
              {t('calendar.feed.revoke')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Modal>
  );
}

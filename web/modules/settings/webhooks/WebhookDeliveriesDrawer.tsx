import { Drawer, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WebhookDelivery, WebhookEndpoint } from '../../../app/types';
import { useFormat } from '../../../app/useFormat';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { DELIVERY_STATUS_COLORS } from './webhookEvents';
import { useWebhookDeliveries } from './useWebhooks';

interface WebhookDeliveriesDrawerProps {
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
}

/** The delivery log of an endpoint (its last 100 events): status, attempts, the last answer, the next try. */
export function WebhookDeliveriesDrawer({ endpoint, onClose }: WebhookDeliveriesDrawerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const deliveries = useWebhookDeliveries(endpoint?.id ?? null);
  const rows = deliveries.data?.data ?? [];
  return (
    <Drawer open={Boolean(endpoint)} onClose={onClose} size={860} title={t('webhooks.logTitle')} destroyOnHidden>
      {endpoint && (
        <Typography.Paragraph type="secondary">
          <Typography.Text code style={{ wordBreak: 'break-all' }}>{endpoint.url}</Typography.Text> {t('webhooks.logText')}
        </Typography.Paragraph>
      )}
      {deliveries.error && <ErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
      {!deliveries.isPending && !deliveries.error && rows.length === 0 ? (
        <EmptyState title={t('webhooks.noDeliveries.title')} description={t('webhooks.noDeliveries.text')} testId="webhook-deliveries-empty" />
      ) : (
        <Table<WebhookDelivery>
          rowKey="id"
          size="small"
          dataSource={rows}
          loading={deliveries.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="webhook-deliveries"
          onRow={(row) => ({ 'data-testid': 'webhook-delivery', 'data-status': row.status, 'data-event': row.event }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('webhooks.time'), dataIndex: 'createdAt', render: (at: string) => format.dateTime(at) },
            { title: t('webhooks.event'), dataIndex: 'event', render: (event: string) => <Typography.Text code>{event}</Typography.Text> },
            {
              title: t('webhooks.status'),
              dataIndex: 'status',
              render: (status: WebhookDelivery['status']) => (
                <Tag color={DELIVERY_STATUS_COLORS[status] ?? 'default'} data-testid="webhook-delivery-status">
                  {t(`webhooks.statuses.${status}`, { defaultValue: status })}
                </Tag>
              ),
            },
            { title: t('webhooks.attempts'), dataIndex: 'attempts' },
            {
              title: t('webhooks.lastAnswer'),
              key: 'last',
              render: (_, row) =>
                row.lastError ? (
                  <Typography.Text type="danger" ellipsis={{ tooltip: row.lastError }} style={{ maxWidth: 220 }}>
                    {row.lastError}
                  </Typography.Text>
                ) : (
                  (row.lastStatusCode ?? '—')
                ),
            },
            {
              title: t('webhooks.nextAttempt'),
              key: 'next',
              render: (_, row) => (row.status === 'pending' ? format.dateTime(row.nextAttemptAt) : '—'),
            },
          ]}
        />
      )}
    </Drawer>
  );
}

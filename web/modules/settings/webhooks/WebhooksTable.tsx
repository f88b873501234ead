import { Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '../../../app/types';
import { useFormat } from '../../../app/useFormat';
import { useWebhookActions } from './useWebhooks';

interface WebhooksTableProps {
  rows: WebhookEndpoint[];
  loading: boolean;
  onEdit: (endpoint: WebhookEndpoint) => void;
  onShowLog: (endpoint: WebhookEndpoint) => void;
}

/** Webhook endpoints: URL, events, on/off; the delivery log, change, delete. */
export function WebhooksTable({ rows, loading, onEdit, onShowLog }: WebhooksTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { setActive, remove } = useWebhookActions();
  return (
    <Table<WebhookEndpoint>
      rowKey="id"
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="webhooks-table"
      onRow={(row) => ({ 'data-testid': 'webhook-row', 'data-url': row.url }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('webhooks.url'), dataIndex: 'url', render: (url: string) => <Typography.Text code style={{ wordBreak: 'break-all' }}>{url}</Typography.Text> },
        {
          title: t('webhooks.events'),
          dataIndex: 'events',
          render: (events: string[]) => events.map((event) => <Tag key={event}>{event}</Tag>),
        },
        {
          title: t('webhooks.active'),
          dataIndex: 'active',
          render: (active: boolean, row) => (
            <Switch
              size="small"
              checked={active}
              loading={setActive.isPending && setActive.variables?.id === row.id}
              onChange={(checked) => setActive.mutate({ id: row.id, active: checked })}
              aria-label={t('webhooks.active')}
              data-testid="webhook-active"
            />
          ),
        },
        { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (at: string) => format.date(at) },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, row) => (
            <Space size="small">
              <Button size="small" onClick={() => onShowLog(row)} data-testid="webhook-log">
                {t('webhooks.log')}
              </Button>
              <Button size="small" onClick={() => onEdit(row)} data-testid="webhook-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm title={t('webhooks.deleteConfirm')} description={row.url} onConfirm={() => remove.mutate(row.id)} okButtonProps={{ danger: true }}>
                <Button size="small" danger data-testid="webhook-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}

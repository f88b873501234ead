import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { ApiKey } from '../../app/types';
import { useFormat } from '../../app/useFormat';

interface ApiKeysTableProps {
  rows: ApiKey[];
  loading: boolean;
}

/** API keys: name, prefix, scopes, use; revoke. */
export function ApiKeysTable({ rows, loading }: ApiKeysTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api-keys/${id}`),
    onSuccess: () => {
      message.success(t('apiKeys.revoked'));
      void queryClient.invalidateQueries({ queryKey: ['/api-keys'] });
    },
    onError: (err) => message.error(err.message),
  });

  return (
    <Table<ApiKey>
      rowKey="id"
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="api-keys-table"
      columns={[
        { title: t('fields.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
        { title: t('apiKeys.prefix'), dataIndex: 'prefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
        {
          title: t('apiKeys.scopes'),
          dataIndex: 'scopes',
          render: (scopes: ApiKey['scopes']) =>
            scopes.map((scope) => (
              <Tag key={scope} color={scope === 'write' ? 'orange' : 'blue'}>
                {t(`apiKeys.scope.${scope}`)}
              </Tag>
            )),
        },
        { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (at: string) => format.date(at) },
        {
          title: t('apiKeys.lastUsed'),
          dataIndex: 'lastUsedAt',
          render: (at: string | null) => (at ? format.relative(at) : <Typography.Text type="secondary">{t('apiKeys.never')}</Typography.Text>),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, row) => (
            <Popconfirm title={t('apiKeys.revokeConfirm', { name: row.name })} onConfirm={() => revoke.mutate(row.id)}>
              <Button size="small" danger data-testid={`api-key-revoke-${row.name}`}>
                {t('apiKeys.revoke')}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}

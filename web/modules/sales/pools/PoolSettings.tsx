import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCan } from '../../../app/useCan';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { AdminOnlyNotice } from '../../settings/AdminOnlyNotice';
import { problemText } from '../PipelineBoard';
import { PoolFormModal } from './PoolFormModal';
import { RoleLimitsCard } from './RoleLimitsCard';
import type { Pool } from './types';
import { usePools, usePoolsChanged } from './usePools';

/** Settings → Public pool: the pools with who may claim and their return rules, and the limits per role. */
export function PoolSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mayConfigure = useCan('sales.configure');
  const pools = usePools();
  const changed = usePoolsChanged();
  const [editing, setEditing] = useState<Pool | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (pool: Pool) => api.delete(`/pools/${pool.id}`),
    onSuccess: () => {
      message.success(t('pools.settings.deleted'));
      changed();
    },
    onError: (err) => message.error(problemText(err)),
  });
  if (!mayConfigure) return <AdminOnlyNotice />;
  const rules = (pool: Pool) => {
    const parts = [
      pool.followUpDays !== null && t('pools.settings.ruleFollowUp', { days: pool.followUpDays }),
      pool.convertDays !== null && t('pools.settings.ruleConvert', { days: pool.convertDays }),
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : <Typography.Text type="secondary">{t('pools.settings.noRule')}</Typography.Text>;
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('pools.settings.pools')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="pool-add">
            {t('pools.settings.add')}
          </Button>
        }
      >
        {pools.error && <ErrorAlert error={pools.error} onRetry={() => void pools.refetch()} />}
        {pools.data?.length === 0 ? (
          <EmptyState title={t('pools.settings.empty')} testId="pool-settings-empty" />
        ) : (
          <Table<Pool>
            rowKey="id"
            size="small"
            pagination={false}
            loading={pools.isPending}
            dataSource={pools.data}
            data-testid="pool-settings-table"
            columns={[
              { key: 'name', title: t('pools.settings.name'), render: (_, pool) => <Typography.Text strong>{pool.name}</Typography.Text> },
              { key: 'type', title: t('pools.settings.recordType'), render: (_, pool) => <Tag>{t(`pools.recordTypes.${pool.recordType}`)}</Tag> },
              { key: 'roles', title: t('pools.settings.roles'), render: (_, pool) => (pool.roles.length ? pool.roles.map((r) => <Tag key={r}>{t(`roles.${r}.label`)}</Tag>) : '—') },
              { key: 'rules', title: t('pools.settings.rules'), render: (_, pool) => rules(pool) },
              { key: 'warn', title: t('pools.settings.warnDays'), dataIndex: 'warnDays', width: 110 },
              { key: 'size', title: t('pools.title'), dataIndex: 'size', width: 90 },
              {
                key: 'actions',
                width: 110,
                render: (_, pool) => (
                  <Space>
                    <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(pool)} />
                    <Popconfirm title={t('pools.settings.deleteConfirm', { name: pool.name })} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(pool)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <RoleLimitsCard />
      <PoolFormModal
        open={editing !== null}
        pool={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
    </Space>
  );
}

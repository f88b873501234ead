import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AdminOnlyNotice } from '../settings/AdminOnlyNotice';
import { useIsAdmin } from '../settings/useIsAdmin';
import { CallTypeModal } from './CallTypeModal';
import { CALL_TYPES_KEY, callTypeName, type CallType } from './callTypes';

/** /settings/call-scripts: the kinds of calls (sales inquiry, complaint, callback…) and what agents say in each. */
export function CallScriptsSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isAdmin = useIsAdmin();
  const queryClient = useQueryClient();
  const locale = currentLanguage();
  const [editing, setEditing] = useState<CallType | 'new' | null>(null);
  const types = useQuery({ queryKey: CALL_TYPES_KEY, queryFn: ({ signal }) => api.get<{ data: CallType[] }>('/calls/types', undefined, signal) });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/calls/types/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: CALL_TYPES_KEY }),
    onError: (err) => message.error(err.message),
  });
  return (
    <>
      <AdminOnlyNotice />
      <Card
        title={t('callScripts.title')}
        extra={
          isAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="call-type-add">
              {t('callScripts.add')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('callScripts.text')}</Typography.Paragraph>
        {types.error && <ErrorAlert error={types.error} onRetry={() => void types.refetch()} />}
        <Table<CallType>
          rowKey="id"
          size="small"
          pagination={false}
          loading={types.isPending}
          dataSource={types.data?.data ?? []}
          data-testid="call-types-table"
          locale={{ emptyText: <EmptyState title={t('callScripts.emptyTitle')} description={t(isAdmin ? 'callScripts.emptyText' : 'callScripts.emptyTextMember')} /> }}
          columns={[
            { title: t('callScripts.name'), key: 'name', width: 200, render: (_, row) => <Typography.Text strong>{callTypeName(row, locale)}</Typography.Text> },
            {
              title: t('callScripts.script'),
              key: 'script',
              render: (_, row) => (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {row.scripts[locale] ?? Object.values(row.scripts)[0] ?? '—'}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('callScripts.defaultFor'),
              key: 'defaultFor',
              width: 220,
              render: (_, row) => (
                <Flex wrap gap={4}>
                  {row.defaultFor.map((kind) => (
                    <Tag key={kind}>{t(`callScripts.kinds.${kind}`)}</Tag>
                  ))}
                </Flex>
              ),
            },
            ...(isAdmin
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 100,
                    render: (_: unknown, row: CallType) => (
                      <Flex gap={4}>
                        <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(row)} data-testid="call-type-edit" />
                        <Popconfirm title={t('callScripts.deleteConfirm', { name: callTypeName(row, locale) })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove.mutateAsync(row.id)}>
                          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                        </Popconfirm>
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <CallTypeModal
          type={editing === 'new' ? undefined : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void queryClient.invalidateQueries({ queryKey: CALL_TYPES_KEY });
          }}
        />
      )}
    </>
  );
}

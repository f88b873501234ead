import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { Invite } from '../../app/types';
import { useFormat } from '../../app/useFormat';
import { absoluteUrl } from './inviteUrl';

interface InvitesTableProps {
  rows: Invite[];
  loading: boolean;
  editable: boolean;
}

/** Open invitations (with their link where the server still shows it), and revoke. */
export function InvitesTable({ rows, loading, editable }: InvitesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/invites/${id}`),
    onSuccess: () => {
      message.success(t('members.inviteRevoked'));
      void queryClient.invalidateQueries({ queryKey: ['/invites'] });
    },
    onError: (err) => message.error(err.message),
  });

  return (
    <Table<Invite>
      rowKey="id"
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="invites-table"
      columns={[
        { title: t('fields.email'), dataIndex: 'email' },
        { title: t('fields.role'), dataIndex: 'role', render: (role: Invite['role']) => t(`roles.${role}.label`) },
        { title: t('members.expires'), dataIndex: 'expiresAt', render: (at: string) => format.dateTime(at) },
        ...(rows.some((row) => row.url)
          ? [
              {
                title: t('members.link'),
                dataIndex: 'url',
                render: (url?: string) =>
                  url && (
                    <Typography.Text copyable={{ text: absoluteUrl(url) }} ellipsis style={{ maxWidth: 220 }}>
                      {absoluteUrl(url)}
                    </Typography.Text>
                  ),
              },
            ]
          : []),
        ...(editable
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, row: Invite) => (
                  <Popconfirm title={t('members.revokeConfirm', { email: row.email })} onConfirm={() => revoke.mutate(row.id)}>
                    <Button size="small" danger data-testid={`invite-revoke-${row.email}`}>
                      {t('members.revoke')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

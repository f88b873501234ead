import { Button, Popconfirm, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormat } from '../../app/useFormat';
import { MemberCell } from './MemberCell';
import { roleOptions } from './roleOptions';
import { useMemberActions } from './useMemberActions';

interface MembersTableProps {
  rows: Member[];
  loading: boolean;
  editable: boolean;
}

/** Members with their role (changeable by an administrator), status and (de)activation. */
export function MembersTable({ rows, loading, editable }: MembersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useCurrentSession();
  const { changeRole, setActive } = useMemberActions();

  return (
    <Table<Member>
      rowKey="userId"
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="members-table"
      columns={[
        {
          title: t('fields.name'),
          dataIndex: 'name',
          render: (_, row) => <MemberCell member={row}>{row.userId === user.id && <Tag>{t('members.you')}</Tag>}</MemberCell>,
        },
        { title: t('fields.email'), dataIndex: 'email' },
        {
          title: t('fields.role'),
          dataIndex: 'role',
          render: (role: Member['role'], row) =>
            editable && row.status === 'active' ? (
              <Select
                value={role}
                options={roleOptions(t)}
                style={{ minWidth: 150 }}
                aria-label={t('fields.role')}
                data-testid={`member-role-${row.email}`}
                onChange={(next) => changeRole.mutate({ userId: row.userId, role: next })}
              />
            ) : (
              t(`roles.${role}.label`)
            ),
        },
        {
          title: t('fields.status'),
          dataIndex: 'status',
          render: (status: Member['status']) => (
            <Tag color={status === 'active' ? 'green' : 'default'}>{t(`members.status.${status}`)}</Tag>
          ),
        },
        { title: t('members.joined'), dataIndex: 'createdAt', render: (at: string) => format.date(at) },
        ...(editable
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, row: Member) =>
                  row.userId === user.id ? null : row.status === 'active' ? (
                    <Popconfirm
                      title={t('members.deactivateConfirm', { name: row.name })}
                      onConfirm={() => setActive.mutate({ userId: row.userId, active: false })}
                    >
                      <Button size="small" danger data-testid={`member-deactivate-${row.email}`}>
                        {t('members.deactivate')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      size="small"
                      onClick={() => setActive.mutate({ userId: row.userId, active: true })}
                      data-testid={`member-reactivate-${row.email}`}
                    >
                      {t('members.reactivate')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

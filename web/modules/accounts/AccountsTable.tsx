import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { OwnerName } from '../../app/OwnerName';
import type { Account } from '../../app/types';
import { useFormat } from '../../app/useFormat';

interface AccountsTableProps {
  rows: Account[];
  loading: boolean;
}

const TYPE_COLORS: Record<string, string> = { customer: 'green', prospect: 'blue', partner: 'purple', supplier: 'gold', competitor: 'red' };

/** The accounts loaded so far; a row opens the account's page. */
export function AccountsTable({ rows, loading }: AccountsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  return (
    <Table<Account>
      rowKey="id"
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="accounts-table"
      onRow={(row) => ({
        style: { cursor: 'pointer' },
        onClick: (event) => {
          if (!(event.target as HTMLElement).closest('a, button')) void navigate(`/accounts/${row.id}`);
        },
      })}
      columns={[
        {
          title: t('fields.accountName'),
          dataIndex: 'name',
          render: (name: string, row) => (
            <Link to={`/accounts/${row.id}`} data-testid="account-link">
              <Typography.Text strong>{name}</Typography.Text>
            </Link>
          ),
        },
        {
          title: t('fields.type'),
          dataIndex: 'type',
          render: (type: string) => <Tag color={TYPE_COLORS[type]}>{t(`accounts.types.${type}`, { defaultValue: type })}</Tag>,
        },
        { title: t('fields.industry'), dataIndex: 'industry' },
        { title: t('fields.region'), dataIndex: 'region' },
        { title: t('fields.ownerId'), dataIndex: 'ownerId', render: (ownerId: string | null) => <OwnerName ownerId={ownerId} /> },
        { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (at: string) => format.date(at) },
      ]}
    />
  );
}

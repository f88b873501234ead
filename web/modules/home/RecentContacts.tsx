import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import type { Contact, Page } from '../../app/types';
import { useFormat } from '../../app/useFormat';

/** The contacts added last, on the home page. */
export function RecentContacts() {
  const { t } = useTranslation();
  const format = useFormat();
  const recent = useQuery({
    queryKey: ['home', 'recent-contacts'],
    queryFn: ({ signal }) => api.get<Page<Contact>>('/contacts', { limit: 5, sort: '-createdAt' }, signal),
  });
  return (
    <Card
      title={t('home.recent.title')}
      extra={<Link to="/contacts">{t('home.recent.all')}</Link>}
      styles={{ body: { padding: 0 } }}
      data-testid="recent-contacts"
    >
      <Table<Contact>
        rowKey="id"
        size="middle"
        showHeader={false}
        pagination={false}
        loading={recent.isPending}
        dataSource={recent.data?.data ?? []}
        // Fixed layout with ellipses: a long title or e-mail never pushes the time out of a half-width card.
        tableLayout="fixed"
        columns={[
          {
            key: 'name',
            ellipsis: true,
            render: (_, row) => (
              <>
                <Link to={`/contacts/${row.id}`}>
                  <Typography.Text strong>{row.name}</Typography.Text>
                </Link>
                {(row.title || row.company) && (
                  <Typography.Text type="secondary">{` · ${[row.title, row.company].filter(Boolean).join(', ')}`}</Typography.Text>
                )}
              </>
            ),
          },
          { key: 'email', dataIndex: 'email', ellipsis: true, responsive: ['xxl'] },
          {
            key: 'createdAt',
            align: 'right',
            width: 96,
            render: (_, row) => <Typography.Text type="secondary">{format.relative(row.createdAt)}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}

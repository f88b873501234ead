import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Contact } from '../../app/types';
import { useFormat } from '../../app/useFormat';
import { OwnerName } from '../../app/OwnerName';

interface ContactsTableProps {
  rows: Contact[];
  loading: boolean;
}

/** The contacts loaded so far; a row opens the contact's page. */
export function ContactsTable({ rows, loading }: ContactsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  return (
    <Table<Contact>
      rowKey="id"
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="contacts-table"
      onRow={(row) => ({
        style: { cursor: 'pointer' },
        // Links and buttons in the row (e-mail, phone) do their own thing.
        onClick: (event) => {
          if (!(event.target as HTMLElement).closest('a, button')) void navigate(`/contacts/${row.id}`);
        },
      })}
      columns={[
        {
          title: t('fields.name'),
          dataIndex: 'name',
          render: (name: string, row) => (
            <Link to={`/contacts/${row.id}`} data-testid="contact-link">
              <Typography.Text strong>{name}</Typography.Text>
            </Link>
          ),
        },
        { title: t('fields.company'), dataIndex: 'company' },
        { title: t('fields.jobTitle'), dataIndex: 'title' },
        {
          title: t('fields.email'),
          dataIndex: 'email',
          render: (email: string | null) => email && <a href={`mailto:${email}`}>{email}</a>,
        },
        {
          title: t('fields.phone'),
          dataIndex: 'phone',
          render: (phone: string | null) =>
            phone && (
              <a href={`tel:${phone}`} style={{ whiteSpace: 'nowrap' }}>
                {format.phone(phone)}
              </a>
            ),
        },
        { title: t('fields.ownerId'), dataIndex: 'ownerId', render: (ownerId: string | null) => <OwnerName ownerId={ownerId} /> },
        { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (at: string) => format.date(at) },
      ]}
    />
  );
}

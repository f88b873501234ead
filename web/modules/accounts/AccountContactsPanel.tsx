import { DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex, Popconfirm, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CONTACT_ROLES } from '../../../contracts/customers';
import { api } from '../../app/api';
import { RecordSelect } from '../../app/RecordSelect';
import type { AccountContact } from '../../app/types';
import { RecordRows } from '../../ui/RecordRows';
import { useAccountsChanged } from './useAccountsChanged';

interface AccountContactsPanelProps {
  accountId: string;
  /** Whether the caller may change the account (link, unlink, change roles). */
  mayEdit: boolean;
}

/** The people at an account, each in a role: link a contact, change a role, unlink. */
export function AccountContactsPanel({ accountId, mayEdit }: AccountContactsPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useAccountsChanged();
  const [contactId, setContactId] = useState<string | null>(null);
  const [role, setRole] = useState<string>('user');
  const path = `/accounts/${accountId}/contacts`;
  const links = useQuery({
    queryKey: ['/accounts', accountId, 'contacts'],
    queryFn: ({ signal }) => api.get<{ data: AccountContact[] }>(path, undefined, signal),
  });
  const onError = (err: Error) => message.error(err.message);
  const link = useMutation({
    mutationFn: (body: { contactId: string; role: string }) => api.put(`${path}/${body.contactId}`, { role: body.role }),
    onSuccess: () => {
      setContactId(null);
      changed();
    },
    onError,
  });
  const unlink = useMutation({ mutationFn: (id: string) => api.delete(`${path}/${id}`), onSuccess: () => changed(), onError });
  const roleOptions = CONTACT_ROLES.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }));
  const rows = links.data?.data ?? [];

  return (
    <Card
      size="small"
      data-testid="panel-contacts"
      title={
        <>
          {t('overview.panels.contacts')} <Badge count={rows.length} showZero color="gray" />
        </>
      }
    >
      {mayEdit && (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <RecordSelect
            path="/contacts"
            value={contactId}
            onChange={setContactId}
            exclude={rows.map((r) => r.contact.id)}
            describe={(c) => c.company as string | null}
            placeholder={t('accounts.contacts.pick')}
            testId="account-contact-pick"
            style={{ flex: 1, minWidth: 180 }}
          />
          <Select value={role} onChange={setRole} options={roleOptions} style={{ width: 130 }} aria-label={t('fields.role')} />
          <Button
            icon={<LinkOutlined />}
            disabled={!contactId}
            loading={link.isPending}
            onClick={() => contactId && link.mutate({ contactId, role })}
            data-testid="account-contact-link"
          >
            {t('accounts.contacts.link')}
          </Button>
        </Flex>
      )}
      <RecordRows
        empty={links.isPending ? '…' : t('overview.empty')}
        testId="account-contacts"
        rows={rows.map((row) => ({
          key: row.contact.id,
          title: <Link to={`/contacts/${row.contact.id}`}>{row.contact.name}</Link>,
          subtitle: [row.contact.title, row.isPrimary ? t('accounts.contacts.primary') : null].filter(Boolean).join(' · '),
          actions: mayEdit ? (
            <>
              <Select
                size="small"
                value={row.role}
                options={roleOptions}
                style={{ width: 120 }}
                aria-label={t('fields.role')}
                onChange={(next: string) => link.mutate({ contactId: row.contact.id, role: next })}
              />
              <Popconfirm title={t('accounts.contacts.unlinkConfirm', { name: row.contact.name })} onConfirm={() => unlink.mutate(row.contact.id)}>
                <Button size="small" type="text" icon={<DisconnectOutlined />} aria-label={t('accounts.contacts.unlink')} />
              </Popconfirm>
            </>
          ) : (
            <Tag>{t(`accounts.roles.${row.role}`)}</Tag>
          ),
        }))}
      />
    </Card>
  );
}

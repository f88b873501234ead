import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DEAL_CONTACT_ROLES, type DealContactRole } from '../../../contracts/sales';
import { api } from '../../app/api';
import { RecordSelect } from '../../app/RecordSelect';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDealContacts } from './useSales';

interface DealContactsPanelProps {
  dealId: string;
  /** Whether the caller may change the deal (add, remove, change roles). */
  mayEdit: boolean;
}

/** The customer's people in the deal and the part each plays (decision maker, champion…). */
export function DealContactsPanel({ dealId, mayEdit }: DealContactsPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const people = useDealContacts(dealId);
  const [contactId, setContactId] = useState<string | null>(null);
  const [role, setRole] = useState<DealContactRole>('influencer');
  const roles = DEAL_CONTACT_ROLES.map((value) => ({ value, label: t(`sales.roles.${value}`) }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['/opportunities', dealId, 'contacts'] });
  const put = useMutation({
    mutationFn: (body: { contactId: string; role: DealContactRole }) => api.put(`/opportunities/${dealId}/contacts/${body.contactId}`, { role: body.role }),
    onSuccess: () => {
      setContactId(null);
      refresh();
    },
    onError: (err) => message.error(err.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/opportunities/${dealId}/contacts/${id}`),
    onSuccess: refresh,
    onError: (err) => message.error(err.message),
  });
  const rows = people.data ?? [];

  return (
    <Card
      size="small"
      data-testid="deal-contacts"
      title={
        <>
          {t('sales.people.title')} <Badge count={rows.length} showZero color="gray" />
        </>
      }
    >
      {people.error && <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />}
      {!people.isPending && rows.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('sales.people.empty')}
        </Typography.Paragraph>
      )}
      <Flex vertical gap={8}>
        {rows.map((person) => (
          <Flex key={person.contactId} align="center" gap={8} data-testid="deal-contact">
            <div style={{ flex: 1, minWidth: 0 }}>
              <Link to={`/contacts/${person.contactId}`}>{person.name}</Link>
              {person.title && (
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                  {person.title}
                </Typography.Text>
              )}
            </div>
            {mayEdit ? (
              <>
                <Select size="small" value={person.role} options={roles} popupMatchSelectWidth={false} onChange={(next: DealContactRole) => put.mutate({ contactId: person.contactId, role: next })} aria-label={t('sales.people.role')} />
                <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('sales.people.remove')} onClick={() => remove.mutate(person.contactId)} />
              </>
            ) : (
              <Typography.Text type="secondary">{t(`sales.roles.${person.role}`)}</Typography.Text>
            )}
          </Flex>
        ))}
        {mayEdit && (
          <Space.Compact style={{ width: '100%' }}>
            <RecordSelect path="/contacts" value={contactId} onChange={setContactId} exclude={rows.map((r) => r.contactId)} placeholder={t('sales.people.pick')} style={{ flex: 1, minWidth: 0 }} testId="deal-contact-pick" />
            <Select value={role} options={roles} onChange={setRole} popupMatchSelectWidth={false} style={{ width: 120 }} aria-label={t('sales.people.role')} />
            <Button type="primary" disabled={!contactId} loading={put.isPending} onClick={() => contactId && put.mutate({ contactId, role })} data-testid="deal-contact-add">
              {t('sales.people.add')}
            </Button>
          </Space.Compact>
        )}
      </Flex>
    </Card>
  );
}

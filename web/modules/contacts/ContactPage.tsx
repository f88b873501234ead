import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Result, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/FullPageSpin';
import { isApiError } from '../../app/api';
import { KeyFigures } from '../../app/overview/KeyFigures';
import { OverviewPanels } from '../../app/overview/OverviewPanels';
import { useOverview } from '../../app/overview/useOverview';
import type { Contact } from '../../app/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ContactDetails } from './ContactDetails';
import { ContactFormModal } from './ContactFormModal';
import { ContactHistory } from './ContactHistory';
import { ContactProfile } from './ContactProfile';
import { useContact } from './useContact';
import { useContactsChanged } from './useContactsChanged';
import { useDeleteContact } from './useDeleteContact';

const TABS = ['details', 'history'] as const;
type Tab = (typeof TABS)[number];

/** /contacts/:id (?tab=history): one contact, its key figures, details, related records and history. */
export function ContactPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const contact = useContact(id);
  const overview = useOverview('contacts', id);
  const contactsChanged = useContactsChanged();
  const queryClient = useQueryClient();
  const remove = useDeleteContact(contact.data);
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'details';

  if (contact.isPending) return <FullPageSpin />;
  // A malformed id (400) is as missing as an unknown one, or one outside the caller's scope (404).
  if (isApiError(contact.error, 404) || isApiError(contact.error, 400)) {
    return (
      <Result
        status="404"
        title={t('contacts.notFound.title')}
        subTitle={t('contacts.notFound.text')}
        extra={
          <Link to="/contacts">
            <Button type="primary">{t('contacts.backToList')}</Button>
          </Link>
        }
        data-testid="contact-not-found"
      />
    );
  }
  if (contact.error) return <ErrorAlert error={contact.error} onRetry={() => void contact.refetch()} />;
  const data = contact.data;

  const onSaved = (saved: Contact) => {
    setEditing(false);
    message.success(t('common.saved'));
    queryClient.setQueryData(['/contacts', saved.id], saved);
    contactsChanged();
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/contacts">{t('contacts.title')}</Link> }, { title: data.name }]}
      />
      <ContactProfile contact={data} onEdit={() => setEditing(true)} onDelete={() => remove.mutate()} deleting={remove.isPending} />
      <KeyFigures figures={overview.data?.figures ?? []} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'details' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'details',
              label: <span data-testid="contact-tab-details">{t('contacts.tabs.details')}</span>,
              children: (
                <>
                  <ContactDetails contact={data} />
                  <div style={{ marginTop: 16 }}>
                    <OverviewPanels panels={overview.data?.panels ?? []} />
                  </div>
                </>
              ),
            },
            {
              key: 'history',
              label: <span data-testid="contact-tab-history">{t('contacts.tabs.history')}</span>,
              children: <ContactHistory contactId={data.id} />,
            },
          ]}
        />
      </Card>
      <ContactFormModal open={editing} contact={data} onClose={() => setEditing(false)} onSaved={onSaved} />
    </>
  );
}

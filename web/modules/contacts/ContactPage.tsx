import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Flex, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/FullPageSpin';
import { isApiError } from '../../app/api';
import { KeyFigures } from '../../app/overview/KeyFigures';
import { OverviewPanels } from '../../app/overview/OverviewPanels';
import { useOverview } from '../../app/overview/useOverview';
import type { Contact } from '../../app/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ActivityLayout } from '../interactions/ActivityLayout';
import { ContactPortalCard } from '../portal/ContactPortalCard';
import { ContactDetails } from './ContactDetails';
import { ContactFormModal } from './ContactFormModal';
import { ContactHistory } from './ContactHistory';
import { ContactProfile } from './ContactProfile';
import { useContact } from './useContact';
import { useContactsChanged } from './useContactsChanged';
import { useDeleteContact } from './useDeleteContact';

/** /contacts/:id (?tab=details|history): one contact, its key figures, timeline, tasks, details, related records and history. */
export function ContactPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const contact = useContact(id);
  const overview = useOverview('contacts', id);
  const contactsChanged = useContactsChanged();
  const queryClient = useQueryClient();
  const remove = useDeleteContact(contact.data);

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
      <ActivityLayout
        record={{ recordType: 'contact', recordId: data.id, name: data.name }}
        tabs={[
          { key: 'details', label: t('contacts.tabs.details'), children: <ContactDetails contact={data} /> },
          { key: 'history', label: t('contacts.tabs.history'), children: <ContactHistory contactId={data.id} /> },
        ]}
        side={
          <Flex vertical gap={16}>
            <OverviewPanels stacked recordType="contact" recordId={data.id} panels={overview.data?.panels.filter((p) => p.key !== 'tasks') ?? []} />
            <ContactPortalCard contactId={data.id} />
          </Flex>
        }
      />
      <ContactFormModal open={editing} contact={data} onClose={() => setEditing(false)} onSaved={onSaved} />
    </>
  );
}

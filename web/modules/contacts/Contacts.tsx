import { MergeCellsOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { canCreateRecords } from '../../app/permissions';
import { useCan } from '../../app/useCan';
import type { Contact } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useCursorList } from '../../app/useCursorList';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { ContactFormModal } from './ContactFormModal';
import { ContactsFilters } from './ContactsFilters';
import { ContactsTable } from './ContactsTable';
import { contactListQuery, useContactListParams } from './useContactListParams';
import { useContactsChanged } from './useContactsChanged';

/** /contacts: filters and order in the URL; ?new=1 opens the create form, &name= prefills its name. */
export function Contacts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const contactsChanged = useContactsChanged();
  const [params, setParams] = useSearchParams();
  const { user, membership } = useCurrentSession();
  const mayCreate = canCreateRecords(membership.role);
  const mayDedupe = useCan('records.dedupe');
  const creating = mayCreate && params.get('new') === '1';
  const filters = useContactListParams();
  const list = useCursorList<Contact>('/contacts', contactListQuery(filters.value, user.id));

  const setCreating = (open: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (open) next.set('new', '1');
        else {
          next.delete('new');
          next.delete('name');
        }
        return next;
      },
      { replace: true },
    );

  const onCreated = (contact: Contact) => {
    setCreating(false);
    message.success(t('contacts.created', { name: contact.name }));
    contactsChanged();
  };

  const addButton = mayCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contact-add">
      {t('contacts.add')}
    </Button>
  );

  const importButton = mayCreate && (
    <Link to="/contacts/import">
      <Button icon={<UploadOutlined />} data-testid="import-open">
        {t('imports.open')}
      </Button>
    </Link>
  );

  const duplicatesButton = mayDedupe && (
    <Link to="/contacts/duplicates">
      <Button icon={<MergeCellsOutlined />} data-testid="contacts-duplicates">
        {t('duplicates.title')}
      </Button>
    </Link>
  );

  const empty = !list.isPending && !list.error && list.rows.length === 0;
  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        subtitle={t('contacts.subtitle')}
        extra={
          <>
            {duplicatesButton}
            {importButton}
            {addButton}
          </>
        }
      />
      <ContactsFilters value={filters.value} onChange={filters.set} />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Card styles={{ body: { padding: list.rows.length ? 0 : undefined } }}>
        {empty && filters.filtered ? (
          <EmptyState
            title={t('contacts.noMatch.title')}
            description={t('contacts.noMatch.text')}
            action={<Button onClick={() => filters.set({ owner: 'all', text: '' })}>{t('contacts.filters.clear')}</Button>}
            testId="contacts-no-match"
          />
        ) : empty ? (
          <EmptyState title={t('contacts.empty.title')} description={t('contacts.empty.text')} action={addButton} testId="contacts-empty" />
        ) : (
          <ContactsTable rows={list.rows} loading={list.isPending} />
        )}
      </Card>
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
      <ContactFormModal
        open={creating}
        initialValues={{ name: params.get('name') ?? undefined }}
        onClose={() => setCreating(false)}
        onSaved={onCreated}
      />
    </>
  );
}

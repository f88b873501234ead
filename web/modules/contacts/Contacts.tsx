import { MergeCellsOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { canCreateRecords } from '../../app/permissions';
import { useCan } from '../../app/useCan';
import type { Contact } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { RecordList } from '../../ui/lists/RecordList';
import { PageHeader } from '../../ui/PageHeader';
import { ContactFormModal } from './ContactFormModal';
import { contactListConfig } from './contactListConfig';
import { useContactsChanged } from './useContactsChanged';

/** /contacts: the list (filters, view, columns, order, list or kanban in the URL); ?new=1 opens the create form, &name= prefills its name. */
export function Contacts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const contactsChanged = useContactsChanged();
  const [params, setParams] = useSearchParams();
  const { membership } = useCurrentSession();
  const mayCreate = canCreateRecords(membership.role);
  const mayDedupe = useCan('records.dedupe');
  const creating = mayCreate && params.get('new') === '1';

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
      <RecordList config={contactListConfig} emptyAction={addButton} />
      <ContactFormModal
        open={creating}
        initialValues={{ name: params.get('name') ?? undefined }}
        onClose={() => setCreating(false)}
        onSaved={onCreated}
      />
    </>
  );
}

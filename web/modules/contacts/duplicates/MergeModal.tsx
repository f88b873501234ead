import { useMutation } from '@tanstack/react-query';
import { Modal, Radio, Table, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import type { Contact, DuplicateGroup } from '../../../app/types';
import { FormAlert } from '../../../ui/FormAlert';
import { ContactFieldValue } from './ContactFieldValue';
import { defaultChoices, differingFields, fieldLabelKey, MERGE_FIELDS, type MergeField } from './mergeFields';

interface MergeModalProps {
  group: DuplicateGroup;
  onClose: () => void;
  onMerged: (contact: Contact) => void;
}

/**
 * Merges a group of duplicates: which record stays (the primary), and per differing field whose value to keep.
 * Nothing is lost: the server keeps the other e-mails and phones, and the rest in the merge history.
 */
export function MergeModal({ group, onClose, onMerged }: MergeModalProps) {
  const { t } = useTranslation();
  const contacts = group.contacts;
  // The oldest record is the usual primary: its id is the one others have linked to longest.
  const oldest = [...contacts].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  const [primaryId, setPrimaryId] = useState(oldest.id);
  const [choices, setChoices] = useState<Record<string, string>>(() => defaultChoices(contacts, oldest.id));
  const differing = differingFields(contacts);
  const merge = useMutation({
    mutationFn: () =>
      api.post<Contact>('/contacts/merge', {
        primaryId,
        mergeIds: contacts.filter((c) => c.id !== primaryId).map((c) => c.id),
        fields: choices,
      }),
    onSuccess: onMerged,
  });

  const choosePrimary = (id: string) => {
    setPrimaryId(id);
    setChoices(defaultChoices(contacts, id));
  };
  const rows: ({ key: 'primary' } | { key: MergeField })[] = [{ key: 'primary' }, ...MERGE_FIELDS.map((key) => ({ key }))];

  return (
    <Modal
      open
      width={Math.min(1100, 260 + contacts.length * 260)}
      title={t('duplicates.merge.title')}
      okText={t('duplicates.merge.confirm')}
      onOk={() => merge.mutate()}
      okButtonProps={{ loading: merge.isPending, 'data-testid': 'merge-confirm' } as ButtonProps}
      onCancel={onClose}
      data-testid="merge-modal"
    >
      <Typography.Paragraph type="secondary">{t('duplicates.merge.text')}</Typography.Paragraph>
      <FormAlert message={merge.error?.message ?? null} />
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey="key"
        dataSource={rows.filter((r) => r.key === 'primary' || contacts.some((c) => c[r.key]))}
        columns={[
          {
            title: '',
            key: 'label',
            width: 120,
            render: (_, row) => (
              <Typography.Text strong>{row.key === 'primary' ? t('duplicates.merge.primary') : t(fieldLabelKey(row.key))}</Typography.Text>
            ),
          },
          ...contacts.map((contact, index) => ({
            title: t('duplicates.record', { n: index + 1 }),
            key: contact.id,
            render: (_: unknown, row: (typeof rows)[number]) => {
              if (row.key === 'primary') {
                return (
                  <Radio checked={primaryId === contact.id} onChange={() => choosePrimary(contact.id)} data-testid={`merge-primary-${index}`}>
                    {t('duplicates.merge.keepThis')}
                  </Radio>
                );
              }
              const field = row.key;
              if (!differing.includes(field)) return <ContactFieldValue contact={contact} field={field} />;
              if (!contact[field]) return <ContactFieldValue contact={contact} field={field} />;
              return (
                <Radio
                  checked={choices[field] === contact.id}
                  onChange={() => setChoices({ ...choices, [field]: contact.id })}
                  data-testid={`merge-field-${field}-${index}`}
                >
                  <ContactFieldValue contact={contact} field={field} />
                </Radio>
              );
            },
          })),
        ]}
      />
    </Modal>
  );
}
